//! Built-in detectors: checks that no phrase or regular expression can say,
//! written in Rust and named by a pack rule (`detector = "mojibake"`), so that
//! they keep an id, a level, a message, examples and `ok` cases like any rule.
//!
//! A detector looks at one block of text (a paragraph) and proposes spans
//! with their replacements; the engine then applies the rule's context
//! conditions and safety like for a pattern rule.

use std::ops::Range;

pub mod mojibake;
pub mod repeated;

/// The detectors a pack can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detector {
    /// UTF-8 text that was decoded as Windows-1252 or Latin-1 ("Ã©" for "é").
    Mojibake,
    /// "the the", "a a", "the The time": a doubled article.
    DoubledArticle,
    /// A lower-case word or a phrase of two to four words written twice.
    RepeatedWords,
}

/// What a detector proposes: a span of the text, its replacement, and
/// whether that replacement is the only reading (a safe fix is allowed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub span: Range<usize>,
    pub replacement: String,
    pub unambiguous: bool,
}

impl Detector {
    /// The detector called `name` in a pack, if there is one.
    pub fn named(name: &str) -> Option<Detector> {
        match name {
            "mojibake" => Some(Detector::Mojibake),
            "doubled-article" => Some(Detector::DoubledArticle),
            "repeated-words" => Some(Detector::RepeatedWords),
            _ => None,
        }
    }

    /// The names a pack may use, for error messages.
    pub const NAMES: &'static str = "mojibake, doubled-article, repeated-words";

    /// Appends the proposals of this detector in `text[block]`.
    pub fn find(self, text: &str, block: Range<usize>, out: &mut Vec<Proposal>) {
        match self {
            Detector::Mojibake => mojibake::find(text, block, out),
            Detector::DoubledArticle => repeated::find_doubled_articles(text, block, out),
            Detector::RepeatedWords => repeated::find_repeated(text, block, out),
        }
    }
}
