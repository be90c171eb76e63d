//! Repeated words and phrases: a word or a short phrase written twice in a
//! row ("the the time", "the The time", "of the Communist Party of the
//! Communist Party of Vietnam"), which MT pipelines leave when they join two
//! renderings of one segment or repeat a token.
//!
//! English doubles many words on purpose ("that that", "had had", "been in
//! in", "dealt with with", "very very", "bye bye") and names reduplicate
//! ("Bora Bora", "Sirhan Sirhan"), so two detectors share this module:
//!
//! - [`find_doubled_articles`]: "the the", "a a", "an an" and "the The"
//!   before a lower-case word, which have no English reading; the second
//!   copy is dropped, and the drop is the only repair. Speech transcripts
//!   keep a speaker's stutter ("Even the the President"), so a paragraph
//!   with transcript marks (a stage direction such as "[Laughter]", or a
//!   dashed restart "we'll—we'll") is left alone.
//! - [`find_repeated`]: any other lower-case word, or a phrase of two to
//!   four words, repeated across a single space; a suggestion, since the
//!   repetition may be a garbled word ("the Presidential Presidential
//!   President" was "press secretary of the President"). "not not" has no
//!   ordinary reading and is reported; a capitalised word is reported only
//!   inside a title ("City Health Health Division"), and a four-digit year
//!   repeated in brackets ("2024 (2024)", a Japanese era year rendered
//!   twice) is reported too.
//!
//! Both look only at words joined by one plain space: a repetition across
//! punctuation or a line break ("… in. In …", "New York, New York", "we,
//! we") is a different sentence or an intended echo.

use super::Proposal;
use std::ops::Range;

/// Articles whose doubling has no English reading.
const ARTICLES: [&str; 3] = ["the", "a", "an"];

/// Lower-case words that English doubles on purpose: syntax ("that that",
/// "had had", "is is", "in in" for "been in in 30 years", "with with" for
/// "dealt with with"), emphasis ("very very", "many many"), interjections
/// ("bye bye", "ha ha"), and words documentation repeats when it names code
/// ("the and and or operators").
const ENGLISH_DOUBLES: &[&str] = &[
    "that", "had", "is", "was", "in", "on", "with", "to", "of", "for", "by", "at", "from", "up",
    "down", "out", "off", "over", "around", "round", "through", "about", "so", "very", "really",
    "many", "much", "more", "far", "too", "again", "well", "now", "no", "yes", "yeah", "bye", "ha",
    "oh", "ah", "aye", "hear", "knock", "chop", "tut", "boo", "blah", "la", "there", "do", "did",
    "does", "be", "been", "you", "it", "what", "who", "which", "when", "where", "why", "how", "go",
    "and", "or", "as", "but", "if", "then", "one", "two", "pretty", "long", "away", "ever",
    "never", "here",
];

/// A word of the block: its span (relative to the block) and its text.
struct Word<'a> {
    span: Range<usize>,
    text: &'a str,
}

/// The words of `slice`: runs of letters, with inner apostrophes and
/// hyphens ("don't", "well-known").
fn words(slice: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner = matches!(c, '\'' | '’' | '-')
            && start.is_some()
            && chars.peek().is_some_and(|&(_, n)| n.is_alphabetic());
        if c.is_alphabetic() || inner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(Word {
                span: s..i,
                text: &slice[s..i],
            });
        }
    }
    if let Some(s) = start {
        out.push(Word {
            span: s..slice.len(),
            text: &slice[s..],
        });
    }
    out
}

/// Whether `a` and `b` are joined by exactly one plain space.
fn one_space_between(slice: &str, a: &Word, b: &Word) -> bool {
    &slice[a.span.end..b.span.start] == " "
}

/// Whether the word sits in prose rather than in code, a URL, a file name
/// or a number: no code character touches it on either side.
fn in_prose(slice: &str, span: &Range<usize>) -> bool {
    let code = |c: char| c.is_ascii_digit() || "_./\\=<>`$#@&|*+~^%{}".contains(c);
    let before = slice[..span.start].chars().next_back();
    let after = slice[span.end..].chars().next();
    !before.is_some_and(code) && !after.is_some_and(code)
}

/// Whether the line around `at` reads as code (an interpreter prompt, an
/// escape, a call with a string argument, braces): "'cat in the the hat'"
/// in a regular-expression example is data, not prose.
fn in_code_line(slice: &str, at: usize) -> bool {
    let start = slice[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = slice[at..].find('\n').map_or(slice.len(), |i| at + i);
    let line = &slice[start..end];
    [">>>", "\\", "('", "(\"", "')", "\")", "()", "==", "{", "}"]
        .iter()
        .any(|mark| line.contains(mark))
}

/// Connectives of the English patterns that repeat a phrase on purpose:
/// "higher and higher and higher", "year after year after year", "a voice
/// is a voice is a voice", "what is mine is mine".
const REPEATING_CONNECTIVES: [&str; 8] = ["and", "or", "nor", "but", "after", "upon", "by", "is"];

/// Whether the paragraph is a speech transcript, where a speaker's stutter
/// is kept as spoken: a bracketed stage direction ("[Laughter]",
/// "[Applause]") or a dashed restart ("we'll—we'll").
fn is_transcript(slice: &str, words: &[Word]) -> bool {
    let stage_direction = slice.match_indices('[').any(|(i, _)| {
        let rest = &slice[i + 1..];
        rest.chars().next().is_some_and(char::is_uppercase)
            && rest
                .find(']')
                .is_some_and(|end| rest[..end].chars().all(|c| c.is_alphabetic() || c == ' '))
    });
    let dashed_restart = words.windows(2).any(|pair| {
        matches!(
            &slice[pair[0].span.end..pair[1].span.start],
            "—" | "–" | "--"
        ) && pair[0].text.eq_ignore_ascii_case(pair[1].text)
    });
    stage_direction || dashed_restart
}

/// Appends a drop of the second of two doubled articles.
pub fn find_doubled_articles(text: &str, block: Range<usize>, out: &mut Vec<Proposal>) {
    let slice = &text[block.clone()];
    let words = words(slice);
    let mut transcript: Option<bool> = None;
    for (i, pair) in words.windows(2).enumerate() {
        let (first, second) = (&pair[0], &pair[1]);
        if !ARTICLES.contains(&first.text) || !one_space_between(slice, first, second) {
            continue;
        }
        let same = first.text == second.text;
        // "the The time": a capitalised copy is a merge only when a
        // lower-case word follows; "in the The Hague" keeps its name.
        let capitalised_copy = first.text == "the"
            && second.text == "The"
            && words.get(i + 2).is_some_and(|next| {
                one_space_between(slice, second, next) && next.text.starts_with(char::is_lowercase)
            });
        if !(same || capitalised_copy)
            || !in_prose(slice, &first.span)
            || !in_prose(slice, &second.span)
            || in_code_line(slice, first.span.start)
        {
            continue;
        }
        if *transcript.get_or_insert_with(|| is_transcript(slice, &words)) {
            return;
        }
        out.push(Proposal {
            span: block.start + first.span.end..block.start + second.span.end,
            replacement: Some(String::new()),
            unambiguous: true,
        });
    }
}

/// Whether a doubled word is one [`find_repeated`] leaves alone: an article
/// (the other detector's), a word English doubles, a capitalised word (a
/// name such as "Bora Bora" or "Walla Walla") or a one-letter word.
fn intended_double(word: &str) -> bool {
    let lower = word.to_lowercase();
    ARTICLES.contains(&lower.as_str())
        || ENGLISH_DOUBLES.contains(&lower.as_str())
        || word.starts_with(char::is_uppercase)
        || word.chars().nth(1).is_none()
}

/// Whether a doubled capitalised word stands inside a longer title, between
/// two other capitalised words ("Usuki City Health Health Division"): a
/// reduplicated name ("Bora Bora", "Sirhan Sirhan") is a name on its own,
/// while a title keeps each word once.
fn doubled_inside_title(slice: &str, words: &[Word], i: usize) -> bool {
    let capitalised = |w: &Word| {
        w.text.starts_with(char::is_uppercase) && w.text.chars().skip(1).all(char::is_lowercase)
    };
    i > 0
        && words
            .get(i + 2)
            .is_some_and(|next| capitalised(next) && one_space_between(slice, &words[i + 1], next))
        && capitalised(&words[i - 1])
        && one_space_between(slice, &words[i - 1], &words[i])
        && capitalised(&words[i])
        && !ENGLISH_DOUBLES.contains(&words[i].text.to_lowercase().as_str())
}

/// Appends a drop of a number repeated in brackets right after itself
/// ("March 28, 2024 (2024)"): MT of Japanese dates renders the era year
/// ("令和6年") as the Western year it already wrote.
fn find_number_repeated_in_brackets(slice: &str, base: usize, out: &mut Vec<Proposal>) {
    for (open, _) in slice.match_indices(" (") {
        let digits_before = slice[..open]
            .bytes()
            .rev()
            .take_while(u8::is_ascii_digit)
            .count();
        if digits_before != 4 {
            continue;
        }
        let number = &slice[open - digits_before..open];
        let starts_word = slice[..open - digits_before]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() && c != '.' && c != ',');
        let inside = &slice[open + 2..];
        if starts_word
            && inside
                .strip_prefix(number)
                .is_some_and(|rest| rest.starts_with(')'))
        {
            let end = open + 2 + number.len() + 1;
            out.push(Proposal {
                span: base + open..base + end,
                replacement: Some(String::new()),
                unambiguous: false,
            });
        }
    }
}

/// Appends a drop of the second copy of a repeated lower-case word or of a
/// repeated phrase of two to four words.
pub fn find_repeated(text: &str, block: Range<usize>, out: &mut Vec<Proposal>) {
    let slice = &text[block.clone()];
    find_number_repeated_in_brackets(slice, block.start, out);
    let words = words(slice);
    let mut transcript: Option<bool> = None;
    let mut next_free = 0;
    for i in 0..words.len() {
        if i < next_free {
            continue;
        }
        for n in 1..=4 {
            let Some(run) = words.get(i..i + 2 * n) else {
                break;
            };
            let (first, second) = run.split_at(n);
            let joined = run
                .windows(2)
                .all(|p| one_space_between(slice, &p[0], &p[1]));
            let equal = first
                .iter()
                .zip(second)
                .all(|(a, b)| a.text.eq_ignore_ascii_case(b.text));
            if !joined || !equal {
                continue;
            }
            if n == 1 && intended_double(first[0].text) && !doubled_inside_title(slice, &words, i) {
                continue;
            }
            // A phrase needs a lower-case word: "Walla Walla Walla Walla" is a name.
            if n > 1 && first.iter().all(|w| w.text.starts_with(char::is_uppercase)) {
                continue;
            }
            let connective =
                |w: &Word| REPEATING_CONNECTIVES.contains(&w.text.to_lowercase().as_str());
            if n > 1 && first.iter().any(connective) {
                continue;
            }
            let span = first[0].span.start..second[n - 1].span.end;
            if !in_prose(slice, &span) || in_code_line(slice, span.start) {
                continue;
            }
            if *transcript.get_or_insert_with(|| is_transcript(slice, &words)) {
                return;
            }
            out.push(Proposal {
                span: block.start + first[n - 1].span.end..block.start + span.end,
                replacement: Some(String::new()),
                unambiguous: false,
            });
            next_free = i + 2 * n;
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::engine::detect::test_support::fixed;

    #[test]
    fn doubled_articles_are_dropped() {
        assert_eq!(
            fixed(find_doubled_articles, "in the the city"),
            "in the city"
        );
        assert_eq!(
            fixed(find_doubled_articles, "the The time has come"),
            "the time has come"
        );
        assert_eq!(
            fixed(find_doubled_articles, "an an apple and a a pear"),
            "an apple and a pear"
        );
    }

    #[test]
    fn articles_that_are_right_stay() {
        for ok in [
            "the Tribunal in the The Hague",
            "Even the the President is a hired hand—[Laughter]",
            "with a A$4 million programme",
            "the\nthe next line",
            "the. The next",
            "type the `the` keyword",
            "re.sub(r'(\\b[a-z]+) \\1', r'\\1', 'cat in the the hat')",
            "THE THE",
        ] {
            assert_eq!(fixed(find_doubled_articles, ok), ok, "{ok}");
        }
    }

    #[test]
    fn repeated_words_and_phrases_are_found() {
        assert_eq!(
            fixed(
                find_repeated,
                "the Special Envoy of the Communist Party of the Communist Party of Vietnam"
            ),
            "the Special Envoy of the Communist Party of Vietnam"
        );
        assert_eq!(
            fixed(find_repeated, "the imports imports rose"),
            "the imports rose"
        );
        assert_eq!(
            fixed(find_repeated, "which is not not currently"),
            "which is not currently"
        );
        assert_eq!(
            fixed(find_repeated, "Usuki City Health Health Division"),
            "Usuki City Health Division"
        );
        assert_eq!(
            fixed(find_repeated, "Thursday, March 28, 2024 (2024) from 10:00"),
            "Thursday, March 28, 2024 from 10:00"
        );
    }

    #[test]
    fn intended_repetitions_stay() {
        for ok in [
            "he said that that was fine",
            "she had had enough",
            "the best shape it's been in in 30 years",
            "a very very long day",
            "bye bye",
            "Bora Bora and Walla Walla",
            "Sirhan Sirhan",
            "New York, New York",
            "they came in. In the end",
            "we'll—we'll be able to see [Laughter] it it",
            "imported imports",
            "fly higher and higher and higher",
            "year after year after year",
            "a voice is a voice is a voice",
            "they came in and they came in and said",
            "x = x + 1",
            "the island of Bora Bora Lagoon",
            "Secretary-General Boutros Boutros-Ghali",
            "in 2024 (2025 in Japan)",
            "version 1.2024 (2024)",
            "a score of 10 (10)",
        ] {
            assert_eq!(fixed(find_repeated, ok), ok, "{ok}");
        }
    }
}
