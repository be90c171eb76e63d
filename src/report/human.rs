//! The human format, in the manner of rustc and ruff:
//!
//! ```text
//! article.txt:7:134: error[names-casing/xi-all-caps] all-caps surname ...
//!   |
//! 7 | …on the sidelines of victory day celebrations, XI reaffirmed China's…
//!   |                                                ^^ fix: Xi
//! ```

use super::Record;
use super::style::Style;
use calque_core::rule::Level;
use calque_core::source::LineIndex;
use std::io::{self, Write};

/// How many characters of a long line are shown on each side of the span.
const CONTEXT_CHARS: usize = 40;

pub fn write_record(
    out: &mut impl Write,
    style: Style,
    record: &Record,
    line_text: &str,
) -> io::Result<()> {
    write_record_in_window(out, style, record, line_text, 0)
}

/// The part of a finding's line that its excerpt can show, and how many
/// characters of the line come before that part: a few hundred bytes
/// however long the line, so that many findings on a 50 MB line do not
/// each copy the whole line.
pub fn line_window(text: &str, lines: &LineIndex, record: &Record) -> (String, usize) {
    let line_start = lines.line_start(record.place.line);
    let line = lines.line_text(text, record.place.line);
    let line_end = line_start + line.len();
    let reach = 4 * (CONTEXT_CHARS + 2); // at least CONTEXT_CHARS + 1 characters
    let mut from = record
        .place
        .byte_start
        .saturating_sub(reach)
        .max(line_start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (record.place.byte_end + reach).min(line_end).max(from);
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let skipped = record.place.column
        - 1
        - text[from..record.place.byte_start.max(from)]
            .chars()
            .count();
    (text[from..to].to_string(), skipped)
}

/// [`write_record`] given only a window of the line, which starts after
/// `skipped` characters of it (see [`line_window`]).
pub fn write_record_in_window(
    out: &mut impl Write,
    style: Style,
    record: &Record,
    line_text: &str,
    skipped: usize,
) -> io::Result<()> {
    let level = match record.level {
        Level::Error => style.red("error"),
        Level::Warning => style.yellow("warning"),
        Level::Info => style.blue("info"),
    };
    writeln!(
        out,
        "{}: {}{} {}",
        style.bold(&format!(
            "{}:{}:{}",
            record.path, record.place.line, record.place.column
        )),
        level,
        style.dim(&format!("[{}]", record.rule)),
        super::message_with_unit(record)
    )?;

    let (shown, caret_at, caret_len) = excerpt(line_text, record, skipped);
    let gutter = record.place.line.to_string();
    let pad = " ".repeat(gutter.len());
    writeln!(out, "{pad} {}", style.cyan("|"))?;
    writeln!(out, "{} {} {shown}", style.cyan(&gutter), style.cyan("|"))?;
    let help = match record.replacements.split_first() {
        None => String::new(),
        Some((fix, rest)) => {
            let label = record.fix_label();
            let mut help = format!(" {label}: {}", style.green(&show(fix)));
            if !rest.is_empty() {
                let others: Vec<String> = rest.iter().map(|r| show(r)).collect();
                help.push_str(&format!(" (or: {})", others.join(", ")));
            }
            help
        }
    };
    writeln!(
        out,
        "{pad} {} {}{}{help}",
        style.cyan("|"),
        " ".repeat(caret_at),
        style.red(&"^".repeat(caret_len.max(1)))
    )?;
    writeln!(out)
}

/// A replacement as shown: line breaks made visible.
fn show(text: &str) -> String {
    text.replace('\r', "\\r").replace('\n', "\\n")
}

/// The part of the line to show, where the caret starts in it and how long
/// it is, all in characters. Long lines are cut around the span with `…`.
/// `line_text` may be a window of the line that starts after `skipped` characters.
fn excerpt(line_text: &str, record: &Record, skipped: usize) -> (String, usize, usize) {
    let chars: Vec<char> = line_text
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let start = (record.place.column - 1 - skipped).min(chars.len());
    let end = if record.place.end_line == record.place.line {
        (record.place.end_column - 1 - skipped).min(chars.len())
    } else {
        chars.len()
    };
    let from = start.saturating_sub(CONTEXT_CHARS);
    let to = (end + CONTEXT_CHARS).min(chars.len());
    let mut shown = String::new();
    let mut caret_at = start - from;
    if from + skipped > 0 {
        shown.push('…');
        caret_at += 1;
    }
    shown.extend(&chars[from..to]);
    if to < chars.len() {
        shown.push('…');
    }
    (shown, caret_at, end.saturating_sub(start))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Place;

    fn record(line_text: &str, word: &str) -> Record {
        let col = line_text[..line_text.find(word).unwrap()].chars().count() + 1;
        Record {
            path: "a.txt".into(),
            place: Place {
                line: 3,
                column: col,
                end_line: 3,
                end_column: col + word.chars().count(),
                byte_start: 0,
                byte_end: 0,
            },
            rule: "p/r".into(),
            level: Level::Error,
            message: "msg".into(),
            matched: word.into(),
            replacements: vec!["Xi".into()],
            safe: true,
            display_only: false,
            unit: None,
        }
    }

    #[test]
    fn short_lines_are_shown_whole() {
        let line = "then XI said";
        let mut out = Vec::new();
        write_record(&mut out, Style::PLAIN, &record(line, "XI"), line).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "a.txt:3:6: error[p/r] msg\n  |\n3 | then XI said\n  |      ^^ fix: Xi\n\n"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_span() {
        let line = format!("{}XI{}", "a ".repeat(100), " b".repeat(100));
        let (shown, at, len) = excerpt(&line, &record(&line, "XI"), 0);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(shown.chars().skip(at).take(len).collect::<String>(), "XI");
    }

    #[test]
    fn a_window_of_the_line_prints_what_the_whole_line_prints() {
        let cases = [
            format!("{}XI{}", "é ".repeat(5000), " b".repeat(5000)),
            format!("XI{}", " b€".repeat(3000)),
            format!("{}XI", "🙂".repeat(3000)),
            "short XI line".to_string(),
        ];
        for line in cases {
            let text = format!("first\n{line}\nlast");
            let lines = LineIndex::new(&text);
            let mut rec = record(&line, "XI");
            rec.place.line = 2;
            rec.place.end_line = 2;
            rec.place.byte_start = text.find("XI").unwrap();
            rec.place.byte_end = rec.place.byte_start + 2;
            let (mut whole, mut windowed) = (Vec::new(), Vec::new());
            write_record(&mut whole, Style::PLAIN, &rec, &line).unwrap();
            let (window, skipped) = line_window(&text, &lines, &rec);
            assert!(window.len() < 1000);
            write_record_in_window(&mut windowed, Style::PLAIN, &rec, &window, skipped).unwrap();
            assert_eq!(
                String::from_utf8(windowed).unwrap(),
                String::from_utf8(whole).unwrap()
            );
        }
    }
}
