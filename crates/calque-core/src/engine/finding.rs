//! What the engine reports: a [`Finding`] names its rule and its span, and
//! may carry a [`Fix`], whose [`Applicability`] says when it may be applied
//! (ruff's model of diagnostics).

use crate::rule::{Applicability, RuleId};
use std::ops::Range;

/// One place where one rule fires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule that fired.
    pub rule: RuleId,
    /// Byte offsets into the checked text.
    pub span: Range<usize>,
    /// What would repair it; `None` for a report (a rule without `replace`,
    /// a detector that only reports).
    pub fix: Option<Fix>,
}

/// A finding's repair: one or more replacements of its span, and whether
/// `calque fix` may write the first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// The replacements, never empty: the first is the one `fix` writes,
    /// the others are alternatives shown to the reader.
    pub replacements: Vec<String>,
    /// Whether and when the first replacement is applied: the rule's, except
    /// where the engine is less sure than its rule (a glossary near-miss of
    /// an entry without `fuzzy_safe`, a detector with several readings are
    /// `Unsafe`; advice that needs a person's choice is `DisplayOnly`).
    pub applicability: Applicability,
}

impl Fix {
    /// A fix of `replacements`, or `None` when there are none.
    pub fn new(replacements: Vec<String>, applicability: Applicability) -> Option<Fix> {
        (!replacements.is_empty()).then_some(Fix {
            replacements,
            applicability,
        })
    }
}

impl Finding {
    /// The replacements of its fix; empty for a report.
    pub fn replacements(&self) -> &[String] {
        self.fix.as_ref().map_or(&[], |f| &f.replacements)
    }

    /// When its fix may be applied; `None` for a report.
    pub fn applicability(&self) -> Option<Applicability> {
        self.fix.as_ref().map(|f| f.applicability)
    }

    /// Whether it carries a fix `calque fix` applies without `--unsafe`.
    pub fn has_safe_fix(&self) -> bool {
        self.applicability().is_some_and(Applicability::is_safe)
    }
}

/// A finding, unless its fix would leave the text as it is (a phrase rule
/// matching the already-correct form case-insensitively, say).
pub(crate) fn unless_unchanged(
    rule: RuleId,
    span: Range<usize>,
    matched: &str,
    replacements: Vec<String>,
    applicability: Applicability,
) -> Option<Finding> {
    if replacements.first().is_some_and(|r| r == matched) {
        return None;
    }
    Some(Finding {
        rule,
        span,
        fix: Fix::new(replacements, applicability),
    })
}
