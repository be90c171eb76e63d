//! What the whole-text rules see, place by place.
//!
//! Glossary and consistency rules decide over the whole text (a one-word
//! near-miss counts only where the name is also written right; a variant
//! is flagged by whole-text counts), but what they look at lies within a
//! paragraph: a run of capitalised words, a variant, an apostrophe, a line
//! of code. So they work in two steps: *sightings*, found paragraph by
//! paragraph like phrase and pattern findings (and, in `fix`, kept from
//! pass to pass and searched again only where edits touched), then one
//! decision over all of them (see [`super::Engine::complete`]).

use std::ops::Range;

/// One thing a whole-text rule saw at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sighting {
    pub span: Range<usize>,
    pub seen: Seen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    /// A foreign spelling of glossary entry `0`.
    GlossaryForeign(usize),
    /// The entry written as accepted: the name or a variant.
    GlossaryMention(usize),
    /// A near-miss of the entry.
    GlossaryNear(usize),
    /// A member of a consistency group (an index into the set's members).
    Variant(usize),
    /// An apostrophe between two letters, of [`super::consistency::APOSTROPHES`]`[0]`
    /// (straight) or `[1]` (curly).
    Apostrophe { curly: bool },
    /// A line that shows code: the apostrophe rules leave such a document alone.
    CodeLine,
}
