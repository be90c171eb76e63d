//! Built-in detectors: checks that no phrase or regular expression can say,
//! written in Rust and named by a pack rule (`detector = "mojibake"`), so that
//! they keep an id, a level, a message, examples and `ok` cases like any rule.
//!
//! A detector looks at one block of text (a paragraph) and proposes spans
//! with their replacements; the engine then applies the rule's context
//! conditions and safety like for a pattern rule.

use std::ops::Range;

pub(crate) mod mojibake;

/// The detectors a pack can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detector {
    /// UTF-8 text that was decoded as Windows-1252 or Latin-1 ("Ã©" for "é").
    Mojibake,
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
            _ => None,
        }
    }

    /// The names a pack may use, for error messages.
    pub const NAMES: &'static str = "mojibake";

    /// Appends the proposals of this detector in `text[block]`.
    pub fn find(self, text: &str, block: Range<usize>, out: &mut Vec<Proposal>) {
        match self {
            Detector::Mojibake => mojibake::find(text, block, out),
        }
    }
}
