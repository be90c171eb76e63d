//! The bilingual kinds: a built-in `check` of a translation against its
//! source, or a `term` base entry. The engine only holds them: they run
//! where a source is known, in `markup::bilingual` (`checks.rs` says what
//! each check does).

use super::normalise_phrase;
use super::{FieldError, Kind, OneOrMany, PhraseSink, RuleTable, Search, Validating};
use crate::engine::definition::{CHECKS, CaseMode, Check, Term};
use crate::engine::error::BuildError;
use crate::rule::RuleId;
use crate::suggest;
use serde::Deserialize;
use std::marker::PhantomData;
use toml::Spanned;

/// A bilingual kind, read from a `Raw` value: `check` ([`CheckName`]) or
/// `term` ([`RawTerm`]). Both compile to checks the engine only holds.
pub(crate) struct Bilingual<Raw>(PhantomData<Raw>);

/// The `check` kind.
pub(crate) type CheckKind = Bilingual<CheckName>;

/// The `term` kind.
pub(crate) type TermKind = Bilingual<RawTerm>;

/// What tells the two bilingual kinds apart: the key, the name and how the
/// value becomes a check.
pub(crate) trait BilingualValue:
    Sized + serde::de::DeserializeOwned + std::fmt::Debug
{
    /// The key in a rule table.
    const KEY: &'static str;
    /// The kind's name in `calque rules` and the JSON output.
    const NAME: &'static str;
    /// The check the value stands for.
    fn check(value: Spanned<Self>) -> Result<Check, FieldError>;
}

/// The rules of a bilingual kind: each with its check, in rule order.
#[derive(Debug, Clone, Default)]
pub(crate) struct BilingualRules(Vec<(RuleId, Check)>);

impl Search for BilingualRules {
    fn bilingual(&self) -> &[(RuleId, Check)] {
        &self.0
    }
}

impl<Raw: BilingualValue> Kind for Bilingual<Raw> {
    const KEY: &'static str = Raw::KEY;
    const NAME: &'static str = Raw::NAME;
    const DEFAULT_CASE: CaseMode = CaseMode::Exact;
    const GIVES_ITS_FIXES: Option<&'static str> = Some("a bilingual check gives its own fixes");
    const BILINGUAL: bool = true;
    type Raw = Spanned<Raw>;
    type Def = Check;
    type Compiled = BilingualRules;

    fn validate(raw: Spanned<Raw>, _: Validating) -> Result<Check, FieldError> {
        Raw::check(raw)
    }

    fn compile(
        defs: Vec<(RuleId, Check)>,
        _: &RuleTable,
        _: &mut PhraseSink,
    ) -> Result<BilingualRules, BuildError> {
        Ok(BilingualRules(defs))
    }
}

/// `check = "number-mismatch"`: the name of a built-in check.
#[derive(Debug, Deserialize)]
#[serde(transparent)]
pub(crate) struct CheckName(String);

impl BilingualValue for CheckName {
    const KEY: &'static str = "check";
    const NAME: &'static str = "bilingual";

    /// The check a `check` rule names.
    fn check(check: Spanned<CheckName>) -> Result<Check, FieldError> {
        let name = &check.get_ref().0;
        Check::named(name).ok_or_else(|| {
            (
                check.span(),
                format!(
                    "no built-in bilingual check `{name}`{}",
                    suggest::did_you_mean(name, CHECKS)
                ),
            )
        })
    }
}

impl BilingualValue for RawTerm {
    const KEY: &'static str = "term";
    const NAME: &'static str = "term";

    /// The check of a `term` rule: its source forms and accepted renderings.
    fn check(term: Spanned<RawTerm>) -> Result<Check, FieldError> {
        let span = term.span();
        let raw = term.into_inner();
        let clean = |list: OneOrMany| -> Vec<String> {
            list.into_vec()
                .iter()
                .map(|s| normalise_phrase(s))
                .filter(|s| !s.is_empty())
                .collect()
        };
        let (source, target) = (clean(raw.source), clean(raw.target));
        if source.is_empty() || target.is_empty() {
            return Err((
                span,
                "`term` needs a non-empty `source` and `target`".into(),
            ));
        }
        Ok(Check::Term(Term { source, target }))
    }
}

/// `term = { source = "一带一路", target = ["Belt and Road Initiative"] }`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTerm {
    source: OneOrMany,
    target: OneOrMany,
}
