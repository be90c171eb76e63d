//! Russian and Ukrainian dialogue dashes left in English: a paragraph that
//! opens a quotation with a dash ("- Amazing news …") and closes it with a
//! comma and a dash before the reporting verb (", - said the deputy."). MT
//! keeps the dashes, and the English reader sees no quotation at all.
//!
//! Both marks are needed: a paragraph that starts with a dash (a list
//! item) or a ", - " inside a sentence (a dash in a transcript) is
//! ordinary English alone. The repair is a suggestion, since the document
//! may quote with straight or curly marks.

use super::Proposal;
use std::ops::Range;

/// Reporting verbs after the closing dash, in the past or present.
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "told",
    "noted",
    "notes",
    "stressed",
    "explained",
    "explains",
    "stated",
    "declared",
    "continued",
    "concluded",
    "asked",
    "answered",
    "replied",
    "wrote",
    "writes",
    "emphasized",
    "emphasised",
    "recalled",
    "commented",
    "admitted",
    "assured",
    "insisted",
    "remarked",
    "summed",
    "shared",
    "complained",
    "warned",
    "believes",
];

const DASHES: [char; 3] = ['-', '–', '—'];

/// Appends the opening and closing quotation marks of each dialogue line
/// of `text[block]` (a block may hold several paragraphs; a turn of
/// dialogue is one line).
pub fn find(text: &str, block: Range<usize>, out: &mut Vec<Proposal>) {
    let mut line_start = block.start;
    for line in text[block.clone()].split_inclusive('\n') {
        find_in_line(line, line_start, out);
        line_start += line.len();
    }
}

/// The proposals for one line starting at byte `base` of the text.
fn find_in_line(line: &str, base: usize, out: &mut Vec<Proposal>) {
    let Some(opening) = opening_dash(line) else {
        return;
    };
    let closings = closing_dashes(line);
    if closings.is_empty() {
        return;
    }
    out.push(Proposal {
        span: base + opening.start..base + opening.end,
        replacement: Some("“".to_string()),
        unambiguous: false,
    });
    for (span, punctuation) in closings {
        out.push(Proposal {
            span: base + span.start..base + span.end,
            replacement: Some(format!("{punctuation}” ")),
            unambiguous: false,
        });
    }
}

/// The dash and space that open the paragraph before a capital.
fn opening_dash(line: &str) -> Option<Range<usize>> {
    let lead = line.len() - line.trim_start().len();
    let rest = &line[lead..];
    let dash = rest.chars().next().filter(|c| DASHES.contains(c))?;
    let after = &rest[dash.len_utf8()..];
    let spaces = after.len() - after.trim_start_matches([' ', '\u{a0}']).len();
    let next = after[spaces..].chars().next()?;
    (spaces > 0 && next.is_uppercase()).then(|| lead..lead + dash.len_utf8() + spaces)
}

/// Each ", - said": the punctuation, spaces and dash before a reporting verb.
fn closing_dashes(slice: &str) -> Vec<(Range<usize>, char)> {
    let mut out = Vec::new();
    for (i, punctuation) in slice.char_indices() {
        if !matches!(punctuation, ',' | '!' | '?' | '…') {
            continue;
        }
        let rest = &slice[i + punctuation.len_utf8()..];
        let Some(after_space) = rest.strip_prefix([' ', '\u{a0}']) else {
            continue;
        };
        let Some(dash) = after_space.chars().next().filter(|c| DASHES.contains(c)) else {
            continue;
        };
        let Some(verb_part) = after_space[dash.len_utf8()..].strip_prefix([' ', '\u{a0}']) else {
            continue;
        };
        let verb: String = verb_part
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        if REPORTING_VERBS.contains(&verb.as_str()) {
            let end = slice.len() - verb_part.len();
            out.push((i..end, punctuation));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> String {
        crate::engine::detect::test_support::fixed(find, text)
    }

    #[test]
    fn dialogue_dashes_become_quotation_marks() {
        assert_eq!(
            fixed("Intro.\n\n- Is it over? - asked the deputy.\n"),
            "Intro.\n\n“Is it over?” asked the deputy.\n"
        );
        assert_eq!(
            fixed("- I have no moral right to stay, - said Kayan."),
            "“I have no moral right to stay,” said Kayan."
        );
        assert_eq!(
            fixed("— Is it over? — asked the deputy."),
            "“Is it over?” asked the deputy."
        );
    }

    #[test]
    fn lists_and_dashes_alone_stay() {
        for ok in [
            "- Many politicians no longer respect the rules.",
            "We agreed, - said nothing - and left.",
            "He came back, - said the host, smiling.",
            "- a list item, - said in passing",
        ] {
            assert_eq!(fixed(ok), ok, "{ok}");
        }
    }
}
