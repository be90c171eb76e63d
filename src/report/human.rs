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
use crate::rule::Level;
use std::io::{self, Write};

/// How many characters of a long line are shown on each side of the span.
const CONTEXT_CHARS: usize = 40;

pub fn write_record(
    out: &mut impl Write,
    style: Style,
    record: &Record,
    line_text: &str,
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
            record.path, record.line, record.column
        )),
        level,
        style.dim(&format!("[{}]", record.rule)),
        record.message
    )?;

    let (shown, caret_at, caret_len) = excerpt(line_text, record);
    let gutter = record.line.to_string();
    let pad = " ".repeat(gutter.len());
    writeln!(out, "{pad} {}", style.cyan("|"))?;
    writeln!(out, "{} {} {shown}", style.cyan(&gutter), style.cyan("|"))?;
    let help = match (record.replacements.split_first(), record.safe) {
        (None, _) => String::new(),
        (Some((fix, rest)), safe) => {
            let label = if safe { "fix" } else { "suggestion" };
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
fn excerpt(line_text: &str, record: &Record) -> (String, usize, usize) {
    let chars: Vec<char> = line_text
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let start = (record.column - 1).min(chars.len());
    let end = if record.end_line == record.line {
        (record.end_column - 1).min(chars.len())
    } else {
        chars.len()
    };
    let from = start.saturating_sub(CONTEXT_CHARS);
    let to = (end + CONTEXT_CHARS).min(chars.len());
    let mut shown = String::new();
    let mut caret_at = start - from;
    if from > 0 {
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

    fn record(line_text: &str, word: &str) -> Record {
        let col = line_text[..line_text.find(word).unwrap()].chars().count() + 1;
        Record {
            path: "a.txt".into(),
            line: 3,
            column: col,
            end_line: 3,
            end_column: col + word.chars().count(),
            byte_start: 0,
            byte_end: 0,
            rule: "p/r".into(),
            level: Level::Error,
            message: "msg".into(),
            matched: word.into(),
            replacements: vec!["Xi".into()],
            safe: true,
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
        let (shown, at, len) = excerpt(&line, &record(&line, "XI"));
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(shown.chars().skip(at).take(len).collect::<String>(), "XI");
    }
}
