//! A paragraph that starts in lower case ("it’s the center-right’s day",
//! "the Big surprise was the appointment"): MT pages whose text was
//! lower-cased before translation, or whose sentences were cut and joined
//! again, start paragraphs in lower case.
//!
//! A pattern cannot see the paragraph before a match (context conditions
//! stop at a paragraph break), and that paragraph decides the repair:
//!
//! - after a paragraph that ends a sentence (". ! ?", then perhaps closing
//!   quotes or brackets), the lower case is damage and the capital is the
//!   only repair: a safe fix;
//! - at the start of the text, or after a paragraph with no final
//!   punctuation (a heading), the text may be an excerpt cut mid-sentence: a
//!   suggestion;
//! - after a paragraph that ends with a comma, colon or semicolon, or that
//!   ends indented or in code (a quotation, an example), the paragraph
//!   continues the sentence: nothing.
//!
//! Only paragraphs that open with a word that opens clauses are candidates
//! (`OPENERS`): a paragraph that continues a sentence after a quotation or a
//! code block begins with a conjunction or a pronoun ("but", "as", "he
//! said"), and code begins with an identifier or a keyword ("if", "return",
//! "venv"), none of which is listed.

use super::Proposal;
use std::ops::Range;

/// Words that open a sentence of prose and are no conjunction, pronoun of
/// a continued quotation, or common keyword of code.
const OPENERS: &[&str] = &[
    "the",
    "this",
    "these",
    "those",
    "there",
    "it",
    "its",
    "they",
    "we",
    "our",
    "their",
    "in",
    "on",
    "at",
    "according",
    "meanwhile",
    "moreover",
    "furthermore",
    "however",
    "currently",
    "today",
    "last",
    "finally",
    "previously",
    "earlier",
    "later",
    "recently",
    "following",
    "after",
    "since",
    "during",
    "despite",
    "under",
    "among",
    "while",
    "when",
];

/// A paragraph of fewer words is a label or a heading, not prose.
const MIN_WORDS: usize = 4;

/// Characters that close a sentence after its final punctuation.
const CLOSERS: &[char] = &['"', '”', '’', '\'', ')', ']', '»'];

/// Appends a capital for each paragraph in `text[block]` that starts with a
/// listed word in lower case, safe when the paragraph before ends a sentence.
pub fn find(text: &str, block: Range<usize>, out: &mut Vec<Proposal>) {
    let mut at = block.start;
    while at < block.end {
        if let Some(previous) = paragraph_starting_at(text, at) {
            propose(text, at, previous, out);
        }
        match text[at..block.end].find('\n') {
            Some(i) => at += i + 1,
            None => break,
        }
    }
}

/// What stands before a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Before<'a> {
    /// Nothing but white space: the start of the text.
    Start,
    /// The last line of the paragraph before, without its line break.
    Line(&'a str),
}

/// When a paragraph starts at the line start `at`, what stands before it:
/// `at` is the start of the text, or a blank line (spaces, tabs and
/// carriage returns only) ends just before it.
fn paragraph_starting_at(text: &str, at: usize) -> Option<Before<'_>> {
    let before = text[..at].trim_end_matches([' ', '\t', '\r']);
    if before.trim().is_empty() {
        return Some(Before::Start);
    }
    let before = before.strip_suffix('\n')?;
    let blank_start = before.trim_end_matches([' ', '\t', '\r']);
    let previous = blank_start.strip_suffix('\n')?.trim_end();
    let last_line = &previous[previous.rfind('\n').map_or(0, |i| i + 1)..];
    Some(Before::Line(last_line))
}

/// Proposes the capital for the paragraph at `at` if it starts with a listed
/// word in lower case and reads as prose.
fn propose(text: &str, at: usize, previous: Before, out: &mut Vec<Proposal>) {
    let rest = &text[at..];
    let word_len = rest
        .find(|c: char| !c.is_ascii_lowercase())
        .unwrap_or(rest.len());
    let word = &rest[..word_len];
    let after = &rest[word_len..];
    let opens = after.starts_with(' ') || after.starts_with("’s ") || after.starts_with("'s ");
    if !OPENERS.contains(&word) || !opens {
        return;
    }
    let paragraph_end = text[at..].find("\n\n").map_or(text.len(), |i| at + i);
    let first_line = rest.lines().next().unwrap_or("");
    if reads_as_code(first_line) || text[at..paragraph_end].split_whitespace().count() < MIN_WORDS {
        return;
    }
    let unambiguous = match previous {
        Before::Start => false,
        Before::Line(line) => {
            if line.starts_with([' ', '\t']) || reads_as_code(line) {
                return;
            }
            match line.trim_end_matches(CLOSERS).chars().next_back() {
                Some('.' | '!' | '?') => true,
                Some(',' | ':' | ';' | '-' | '—' | '–') => return,
                _ => false,
            }
        }
    };
    let mut capital = word.to_string();
    capital[..1].make_ascii_uppercase();
    out.push(Proposal {
        span: at..at + word_len,
        replacement: Some(capital),
        unambiguous,
    });
}

/// Whether a line reads as code or markup rather than prose: operators,
/// brackets, backquotes, an underscore, or a colon at its end (a block of
/// code or a list follows).
fn reads_as_code(line: &str) -> bool {
    line.contains(['=', '_', '{', '}', '[', ']', '<', '>', '|', '`'])
        || line.contains("()")
        || line.trim_end().ends_with(':')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The proposals for the whole of `text`, as (matched, replacement, safe).
    fn proposals(text: &str) -> Vec<(String, String, bool)> {
        let mut out = Vec::new();
        find(text, 0..text.len(), &mut out);
        out.into_iter()
            .map(|p| {
                (
                    text[p.span].to_string(),
                    p.replacement.unwrap(),
                    p.unambiguous,
                )
            })
            .collect()
    }

    #[test]
    fn after_a_finished_sentence_the_capital_is_safe() {
        let text =
            "The ministers met on Monday.\n\nthe big surprise was the appointment of a lawyer.";
        assert_eq!(proposals(text), [("the".into(), "The".into(), true)]);
        let quoted = "He said “we will win.”\n\nin the end, the vote went the other way.";
        assert_eq!(proposals(quoted), [("in".into(), "In".into(), true)]);
    }

    #[test]
    fn at_the_start_of_the_text_or_after_a_heading_it_is_a_suggestion() {
        let text = "it’s the center-right’s day for consultations";
        assert_eq!(proposals(text), [("it".into(), "It".into(), false)]);
        let heading = "Consultations\n\nthe parties of the right meet the president today.";
        assert_eq!(proposals(heading), [("the".into(), "The".into(), false)]);
    }

    #[test]
    fn a_paragraph_that_continues_a_sentence_is_left_alone() {
        for text in [
            "The list follows:\n\nthe first item of the list is long",
            "When the votes were counted,\n\nthe result was clear to everyone.",
            "A quotation:\n\n    To be or not to be.\n\nthe question he asked was old.",
            "Run this.\n\n    x = 1\n\nthe code in the module will run.",
        ] {
            assert_eq!(proposals(text), [], "{text}");
        }
    }

    #[test]
    fn only_listed_words_in_prose_are_candidates() {
        for text in [
            "It ended.\n\nbut the rest of the sentence goes on",
            "It ended.\n\nreturn without an argument returns None.",
            "It ended.\n\nif args.quiet:",
            "It ended.\n\nthe value of x_max is kept.",
            "It ended.\n\nthe end",
            "It ended.\n\n  the indented line is a quotation",
            "It ended.\nthe next line of the same paragraph goes on",
            "It ended.\n\nThe next paragraph starts well.",
        ] {
            assert_eq!(proposals(text), [], "{text}");
        }
    }

    #[test]
    fn paragraphs_are_found_inside_a_block_only() {
        let text = "First.\n\nthe second paragraph is here.\n\nthe third paragraph is here.";
        let second = text.find("the third").unwrap();
        let mut out = Vec::new();
        find(text, second..text.len(), &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].span, second..second + 3);
        assert!(out[0].unambiguous);
    }
}
