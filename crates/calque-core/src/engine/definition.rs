//! What the engine compiles: a rule as a pack defines it, after validation.
//! The pack loader ([`crate::pack`]) makes these; the engine only reads them,
//! so that the engine needs nothing of the loader.

use super::context::Context;
use crate::rule::Rule;

pub use super::kinds::Matcher;
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
    /// The pack file's name as the user gave it.
    pub file: String,
    /// 1-based line of the rule's `[[rule]]` table.
    pub line: usize,
    /// 1-based column (in characters) of that table.
    pub column: usize,
}

/// A validated rule, ready to be compiled into an engine.
#[derive(Debug, Clone)]
pub struct RuleDef {
    /// Identity, level and documentation, as front ends show them.
    pub rule: Rule,
    /// How the rule finds its candidates.
    pub matcher: Matcher,
    /// Replacements (phrase and pattern rules; pattern templates may name groups); empty for report-only rules.
    pub replace: Vec<String>,
    /// How matching and replacements treat letter case.
    pub case: CaseMode,
    /// Conditions on the text around a match (`before`, `not_after`...).
    pub context: Context,
    /// Where the rule was written, for errors found after loading.
    pub origin: Origin,
}

// The bilingual checks are data here, so that the engine can hold them;
// what each one does lives with the bilingual readers (markup::bilingual).

/// The built-in checks a rule may name.
pub const CHECKS: [&str; 5] = [
    "number-mismatch",
    "placeholder-mismatch",
    "untranslated",
    "final-punctuation",
    "length-ratio",
];

/// A bilingual rule's matcher.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// A number of the source missing or changed in the target.
    Numbers,
    /// A placeholder or inline code missing, added or changed.
    Placeholders,
    /// A target equal to its source, or holding a run of the source's script.
    Untranslated,
    /// A target ending unlike its source (a question with a full stop...).
    FinalPunctuation,
    /// A target far shorter or longer than its source.
    LengthRatio,
    /// A source term whose required rendering the target lacks.
    Term(Term),
}

/// A term base entry: where the source has one of `source`, the target
/// must have one of `target` (case-insensitive, any whitespace).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Source-language forms that call for the term.
    pub source: Vec<String>,
    /// Accepted renderings in the target; any one will do.
    pub target: Vec<String>,
}
