//! A compiled rule's identity and documentation: everything about a rule
//! except how it matches (that lives in the engine).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Worth a look; style or likely MT wording.
    Info,
    /// Probably wrong.
    Warning,
    /// Wrong: a mistranslation or a broken fact.
    Error,
}

impl Level {
    /// Every level, from the least to the most serious.
    pub const ALL: [Level; 3] = [Level::Info, Level::Warning, Level::Error];

    /// The level's name as packs and configs write it: "info", "warning", "error".
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

/// A name that is none of [`Level::ALL`]'s.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown level `{0}` (expected info, warning or error)")]
pub struct UnknownLevel(pub String);

impl FromStr for Level {
    type Err = UnknownLevel;

    fn from_str(name: &str) -> Result<Level, UnknownLevel> {
        Level::ALL
            .into_iter()
            .find(|level| level.as_str() == name)
            .ok_or_else(|| UnknownLevel(name.to_string()))
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One `bad` -> `good` example of a rule; `good` is absent for report-only rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// For a bilingual rule: the source `bad` translates.
    pub source: Option<String>,
    /// Text the rule must flag.
    pub bad: String,
    /// What `fix` must make of it.
    pub good: Option<String>,
}

/// Whether a fix may be applied without a person reading it (the model of
/// ruff's). Ordered from the weakest: `DisplayOnly < Unsafe < Safe`, the
/// order in which the same advice from several rules is ranked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Applicability {
    /// Shown as advice, never applied, not even by `fix --unsafe`.
    DisplayOnly,
    /// Applied only when asked for (`fix --unsafe`): right in most
    /// contexts, or one of several plausible replacements. A pack's
    /// `safe = false` (the default).
    Unsafe,
    /// Applied by `fix` unreviewed: right in every context the rule can
    /// match. A pack's `safe = true`.
    Safe,
}

impl Applicability {
    /// `Safe` when `safe` holds, else `Unsafe`: how a pack's `safe` key and
    /// the engine's per-finding decisions map onto the model.
    pub fn safe_if(safe: bool) -> Applicability {
        if safe {
            Applicability::Safe
        } else {
            Applicability::Unsafe
        }
    }

    /// Whether `fix` applies it without `--unsafe`.
    pub fn is_safe(self) -> bool {
        self == Applicability::Safe
    }
}

/// What the engine and the printers need to know about a rule besides its matcher.
#[derive(Debug, Clone)]
pub struct Rule {
    /// `pack/rule`
    pub id: String,
    /// The pack's name.
    pub pack: String,
    /// How serious its findings are.
    pub level: Level,
    /// Whether `fix` applies its fixes without `--unsafe` (`Safe` or
    /// `Unsafe`, from the pack's `safe`).
    pub applicability: Applicability,
    /// What is wrong, shown with every finding.
    pub message: String,
    /// Why, for `calque rules` and SARIF.
    pub rationale: Option<String>,
    /// Where the error was seen (URLs, dev files), the evidence for the rule.
    pub reference: Option<String>,
    /// Bad -> good cases, run by `calque rules --test`.
    pub examples: Vec<Example>,
    /// Texts the rule must leave alone, run the same way.
    pub ok: Vec<String>,
    /// For a bilingual rule: sources with translations that must not be flagged.
    pub ok_pairs: Vec<(String, String)>,
    /// Human-readable kind of matcher: "phrase", "pattern", ...
    pub kind: &'static str,
}

impl Rule {
    /// The part of the id after the pack name.
    pub(crate) fn short_id(&self) -> &str {
        &self.id[self.pack.len() + 1..]
    }
}

/// A rule's number in the engine that loaded it: what a finding, an edit or
/// a bilingual note names, and what [`crate::engine::Engine::rule`] turns
/// back into the [`Rule`]. Meaningless for another engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RuleId(usize);

impl RuleId {
    /// The id of the engine's rule at `index` (rules are numbered in load order).
    pub(crate) fn new(index: usize) -> RuleId {
        RuleId(index)
    }

    /// The rule's position in [`crate::engine::Engine::rules`].
    pub fn index(self) -> usize {
        self.0
    }
}
