//! The TOML shape of a rule pack, exactly as written by a pack author.
//!
//! Every field keeps its span so that validation errors can point at the
//! line and column of the offending value, not just at the file.

pub use crate::engine::definition::CaseMode;
use crate::rule::Level;
use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPack {
    pub pack: RawPackMeta,
    #[serde(default)]
    pub rule: Vec<Spanned<RawRule>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPackMeta {
    pub name: Spanned<String>,
    pub description: String,
    /// Languages whose machine translation the pack targets (see
    /// [`crate::engine::gate`]); empty = any text.
    #[serde(default)]
    pub source: Vec<Spanned<String>>,
    /// Regexes whose hits show that a document was translated from one of
    /// `source`.
    #[serde(default)]
    pub evidence: Vec<Spanned<String>>,
    /// Rules of the pack (ids; `prefix-*` for all ids with that prefix)
    /// whose findings count as evidence too.
    #[serde(default)]
    pub evidence_rules: Vec<Spanned<String>>,
    /// An opt-in pack loads with the others but runs only when named by
    /// `--pack NAME` or `--select`.
    #[serde(default)]
    pub opt_in: bool,
}

/// A string or a list of strings (`phrase`, `replace`).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }
    }
}

/// One `[[rule]]` table. Read by hand (see `rule_table`), not derived, so
/// that its matcher comes out as one [`RawMatcher`]: a rule with two is a
/// TOML error, located at the second, and never reaches validation.
#[derive(Debug)]
pub struct RawRule {
    pub id: Spanned<String>,
    /// What finds the rule's candidates; which key was given decides the kind.
    pub matcher: RawMatcher,
    pub prefer: Option<Spanned<OneOrMany>>,
    pub replace: Option<Spanned<OneOrMany>>,
    pub level: Option<Level>,
    pub safe: Option<bool>,
    pub message: Spanned<String>,
    pub rationale: Option<String>,
    pub reference: Option<String>,
    pub case: Option<CaseMode>,
    pub before: Option<Spanned<String>>,
    pub not_before: Option<Spanned<String>>,
    pub after: Option<Spanned<String>>,
    pub not_after: Option<Spanned<String>>,
    pub examples: Spanned<Vec<Spanned<RawExample>>>,
    pub ok: Vec<RawOk>,
}

/// A rule's matcher as written: exactly one of these keys.
#[derive(Debug)]
pub enum RawMatcher {
    /// `phrase`: literal phrases.
    Phrase(Spanned<OneOrMany>),
    /// `pattern`: a regular expression.
    Pattern(Spanned<String>),
    /// `glossary`: canonical names with their variants.
    Glossary(Spanned<Vec<Spanned<RawGlossaryEntry>>>),
    /// `consistency`: groups of variants, or a built-in group's name.
    Consistency(Spanned<RawConsistency>),
    /// `detector`: the name of a built-in detector (see `engine::detect`).
    Detector(Spanned<String>),
    /// `check`: a built-in bilingual check (`number-mismatch`...).
    Check(Spanned<String>),
    /// `term`: a term base entry (bilingual).
    Term(Spanned<RawTerm>),
}

impl RawMatcher {
    /// The key the matcher was written under.
    pub fn key(&self) -> &'static str {
        match self {
            RawMatcher::Phrase(_) => "phrase",
            RawMatcher::Pattern(_) => "pattern",
            RawMatcher::Glossary(_) => "glossary",
            RawMatcher::Consistency(_) => "consistency",
            RawMatcher::Detector(_) => "detector",
            RawMatcher::Check(_) => "check",
            RawMatcher::Term(_) => "term",
        }
    }
}

/// A text that must not be flagged, or for a bilingual rule a source with
/// its translation.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum RawOk {
    Text(String),
    Pair { source: String, target: String },
}

/// `term = { source = "一带一路", target = ["Belt and Road Initiative"] }`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTerm {
    pub source: OneOrMany,
    pub target: OneOrMany,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExample {
    /// The source a bilingual rule's `bad` translates.
    pub source: Option<String>,
    pub bad: String,
    pub good: Option<String>,
}

/// One entry of a `glossary` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGlossaryEntry {
    pub name: String,
    #[serde(default)]
    pub variants: Vec<String>,
    #[serde(default)]
    pub foreign: Vec<String>,
    pub threshold: Option<f64>,
    pub fuzzy_safe: Option<bool>,
}

/// `consistency`: groups of variants, or the name of a built-in group.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum RawConsistency {
    Builtin(String),
    Groups(Vec<Vec<String>>),
}

/// A lenient view of the same file, used only to find which rule an error
/// from the strict parse falls in, so the message can name the rule id.
#[derive(Debug, Deserialize)]
pub struct RuleLocator {
    #[serde(default)]
    pub rule: Vec<Spanned<RuleIdProbe>>,
}

#[derive(Debug, Deserialize)]
pub struct RuleIdProbe {
    pub id: Option<toml::Value>,
}
