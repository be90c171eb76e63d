//! What the engine compiles: a rule as a pack defines it, after validation.
//! The pack loader ([`crate::pack`]) makes these; the engine only reads them,
//! so that the engine needs nothing of the loader.

use super::context::Context;
use super::pattern::Pattern;
use super::{consistency, detect, glossary};
use crate::rule::Rule;
use serde::Deserialize;

/// How a rule's replacement takes the case of what it replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CaseMode {
    /// Match ignoring ASCII case; give the replacement the case pattern of the match.
    Preserve,
    /// Match only with exactly this case; use the replacement as written.
    Exact,
}

/// Where a rule was defined, for errors found after loading (duplicates).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

/// How a rule finds its candidates.
#[derive(Debug, Clone)]
pub enum Matcher {
    /// Literal phrases, whitespace-normalised, matched by one shared automaton.
    Phrase(Vec<String>),
    /// A regular expression.
    Pattern(Pattern),
    /// Canonical names with variants and foreign spellings; near-misses by similarity.
    Glossary(Vec<glossary::Entry>),
    /// Groups of variants that one document should not mix.
    Consistency(consistency::Groups),
    /// A built-in detector written in Rust; it proposes its own fixes.
    Detector(detect::Detector),
    /// A comparison of a translation with its source (bilingual files only).
    Bilingual(crate::bilingual::Check),
}

/// A validated rule, ready to be compiled into an engine.
#[derive(Debug, Clone)]
pub struct RuleDef {
    pub rule: Rule,
    pub matcher: Matcher,
    pub replace: Vec<String>,
    pub case: CaseMode,
    pub context: Context,
    pub origin: Origin,
}
