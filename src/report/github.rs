//! `--format github`: GitHub Actions workflow commands, one line per
//! finding, which the runner turns into annotations on the pull request:
//!
//! ```text
//! ::error file=a.md,line=3,col=6,endLine=3,endColumn=8,title=names/xi::all-caps surname (fix: Xi)
//! ```
//!
//! Escaping follows the Actions runner: in the message `%`, `\r` and `\n`
//! are percent-encoded; in property values `:` and `,` are too.

use super::Record;
use calque_core::rule::Level;
use std::io::{self, Write};

pub fn write_record(out: &mut impl Write, record: &Record) -> io::Result<()> {
    let command = match record.level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info => "notice",
    };
    writeln!(
        out,
        "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        property(&record.path),
        record.place.line,
        record.place.column,
        record.place.end_line,
        record.place.end_column,
        property(&record.rule),
        data(&super::message_with_fix(record)),
    )
}

/// Escapes the message of a workflow command.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Place;

    #[test]
    fn messages_and_properties_are_escaped() {
        assert_eq!(data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }

    #[test]
    fn one_line_per_finding_with_the_level_mapped() {
        let record = Record {
            path: "dir/a,b.md".into(),
            place: Place {
                line: 3,
                column: 6,
                end_line: 3,
                end_column: 8,
                byte_start: 20,
                byte_end: 22,
            },
            rule: "names/xi".into(),
            level: Level::Info,
            message: "all-caps: surname".into(),
            matched: "XI".into(),
            replacements: vec!["Xi".into()],
            safe: true,
            display_only: false,
            unit: None,
        };
        let mut out = Vec::new();
        write_record(&mut out, &record).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "::notice file=dir/a%2Cb.md,line=3,col=6,endLine=3,endColumn=8,title=names/xi::all-caps: surname (fix: Xi)\n"
        );
        let suggestion = Record {
            level: Level::Warning,
            replacements: vec!["a\nb".into(), "c".into(), "d".into()],
            safe: false,
            display_only: false,
            ..record
        };
        let mut out = Vec::new();
        write_record(&mut out, &suggestion).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "::warning file=dir/a%2Cb.md,line=3,col=6,endLine=3,endColumn=8,title=names/xi::all-caps: surname (suggestion: a%0Ab; or: c, d)\n"
        );
    }
}
