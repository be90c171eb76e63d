//! Literal phrases: every phrase of every loaded rule, found in one pass
//! over each block whatever their number.
//!
//! A phrase matches ASCII case-insensitively (exactly for rules that keep
//! their case), a space in it matches any whitespace run that is not a
//! paragraph break (so "long term" matches "long\n  term" in hard-wrapped
//! text), and it may not be glued to a word character at either end where
//! it has a word character itself.
//!
//! Nearly every phrase starts with a word character; those are looked up
//! word by word of the text in `word_index`. The few others go to
//! one Aho-Corasick automaton over a whitespace-folded copy of the block
//! (`folded`), which also serves as the reference the index is tested
//! against.

mod folded;
mod verify;
mod word_index;
mod words;

use crate::engine::error::BuildError;
use folded::{Folded, FoldedPhrases};
use word_index::WordIndex;
use words::WordBits;

/// A phrase match, in byte offsets of the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// Whose phrase it is: the number the phrase was given in [`PhraseSet::new`].
    pub owner: usize,
    /// Byte offset of the match's start.
    pub start: usize,
    /// Byte offset just past the match.
    pub end: usize,
}

/// One phrase of one owner.
#[derive(Debug, Clone)]
struct Entry {
    owner: usize,
    phrase: String,
    exact_case: bool,
    bounded_start: bool,
    bounded_end: bool,
}

impl Entry {
    fn new(owner: usize, phrase: String, exact_case: bool) -> Entry {
        Entry {
            bounded_start: phrase.chars().next().is_some_and(is_word_char),
            bounded_end: phrase.chars().next_back().is_some_and(is_word_char),
            owner,
            phrase,
            exact_case,
        }
    }
}

#[derive(Debug, Clone)]
/// Every phrase of every rule, compiled into one index of first words (and an
/// automaton for phrases that do not start with a word), so one pass over a
/// block finds them all.
pub struct PhraseSet {
    by_first_words: Option<WordIndex>,
    /// Phrases that start with something else than a word character.
    folded: Option<FoldedPhrases>,
}

/// Reusable buffers for searching one block.
#[derive(Debug, Default)]
pub struct BlockBuffers {
    words: WordBits,
    folded: Folded,
}

impl PhraseSet {
    /// `phrases`: (owner, whitespace-normalised phrase, exact case?); the
    /// owner is any number of the caller's, handed back with each match.
    pub fn new(phrases: Vec<(usize, String, bool)>) -> Result<PhraseSet, BuildError> {
        let (by_first_word, others): (Vec<Entry>, Vec<Entry>) = phrases
            .into_iter()
            .map(|(owner, phrase, exact_case)| Entry::new(owner, phrase, exact_case))
            .partition(|e| e.bounded_start);
        Ok(PhraseSet {
            by_first_words: WordIndex::new(by_first_word),
            folded: FoldedPhrases::new(others)?,
        })
    }

    /// Appends to `out` every word-bounded phrase match in `text[block]`,
    /// overlapping ones included, in no particular order.
    pub fn find(
        &self,
        text: &str,
        block: std::ops::Range<usize>,
        buffers: &mut BlockBuffers,
        out: &mut Vec<Candidate>,
    ) {
        if let Some(index) = &self.by_first_words {
            index.find(text, block.clone(), &mut buffers.words, out);
        }
        if let Some(folded) = &self.folded {
            folded.find(text, block, &mut buffers.folded, out);
        }
    }
}

/// Letters, digits and `_`, in any script: what a phrase may not be glued to.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whether `text[start..]` begins the tail of a contraction or an elision:
/// the word before it ends in an apostrophe ("you've", "don't", "l'Élysée",
/// "O'Brien"). A phrase may not start there, as if the tail were a word of
/// its own: "ve day" is not in "you've day after day". Only a hit pays for
/// this test.
pub fn after_contraction(text: &str, start: usize) -> bool {
    let mut before = text[..start].chars().rev();
    matches!(before.next(), Some('\'' | '\u{2019}' | '\u{02bc}'))
        && before.next().is_some_and(is_word_char)
}

/// Byte length of the whitespace character at `i`, or 0.
#[inline]
fn whitespace_len(text: &str, i: usize) -> usize {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return usize::from(matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c));
    }
    match text[i..].chars().next() {
        Some(c) if c.is_whitespace() => c.len_utf8(),
        _ => 0,
    }
}

/// The maximal whitespace run from byte `start` of `block` (empty if there
/// is no whitespace there).
struct WhitespaceRun {
    end: usize,
    /// Two or more line feeds: the run separates paragraphs, and a space of
    /// a phrase does not match it.
    paragraph_break: bool,
}

#[inline]
fn whitespace_run(block: &str, start: usize) -> WhitespaceRun {
    let bytes = block.as_bytes();
    let mut i = start;
    let mut newlines = 0;
    while i < bytes.len() {
        let len = whitespace_len(block, i);
        if len == 0 {
            break;
        }
        newlines += usize::from(bytes[i] == b'\n');
        i += len;
    }
    WhitespaceRun {
        end: i,
        paragraph_break: newlines >= 2,
    }
}

#[cfg(test)]
mod tests;
