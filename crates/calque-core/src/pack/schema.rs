//! The TOML shape of a rule pack, exactly as written by a pack author.
//!
//! Every field keeps its span so that validation errors can point at the
//! line and column of the offending value, not just at the file.

pub use crate::engine::definition::CaseMode;
pub(crate) use crate::engine::kinds::{OneOrMany, RawMatcher};
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
    /// Rules of the pack (ids, as for `evidence_rules`) whose one finding
    /// proves the source: their phrase is not English outside translations.
    #[serde(default)]
    pub proof_rules: Vec<Spanned<String>>,
    /// An opt-in pack loads with the others but runs only when named by
    /// `--pack NAME` or `--select`.
    #[serde(default)]
    pub opt_in: bool,
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

/// A text that must not be flagged, or for a bilingual rule a source with
/// its translation.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum RawOk {
    Text(String),
    Pair { source: String, target: String },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExample {
    /// The source a bilingual rule's `bad` translates.
    pub source: Option<String>,
    pub bad: String,
    pub good: Option<String>,
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
