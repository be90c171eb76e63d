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
use toml::Spanned;

/// The `check` kind.
pub(crate) struct CheckKind;

/// The `term` kind.
pub(crate) struct TermKind;

/// The rules of a bilingual kind: each with its check, in rule order.
#[derive(Debug, Clone, Default)]
pub(crate) struct BilingualRules(Vec<(RuleId, Check)>);

impl Search for BilingualRules {
    fn bilingual(&self) -> &[(RuleId, Check)] {
        &self.0
    }
}

impl Kind for CheckKind {
    const KEY: &'static str = "check";
    const NAME: &'static str = "bilingual";
    const DEFAULT_CASE: CaseMode = CaseMode::Exact;
    const GIVES_ITS_FIXES: Option<&'static str> = Some("a bilingual check gives its own fixes");
    const BILINGUAL: bool = true;
    type Raw = Spanned<String>;
    type Def = Check;
    type Compiled = BilingualRules;

    fn validate(raw: Self::Raw, _: Validating) -> Result<Check, FieldError> {
        check(raw)
    }

    fn compile(
        defs: Vec<(RuleId, Check)>,
        _: &RuleTable,
        _: &mut PhraseSink,
    ) -> Result<BilingualRules, BuildError> {
        Ok(BilingualRules(defs))
    }
}

impl Kind for TermKind {
    const KEY: &'static str = "term";
    const NAME: &'static str = "term";
    const DEFAULT_CASE: CaseMode = CaseMode::Exact;
    const GIVES_ITS_FIXES: Option<&'static str> = Some("a bilingual check gives its own fixes");
    const BILINGUAL: bool = true;
    type Raw = Spanned<RawTerm>;
    type Def = Check;
    type Compiled = BilingualRules;

    fn validate(raw: Self::Raw, _: Validating) -> Result<Check, FieldError> {
        term(raw)
    }

    fn compile(
        defs: Vec<(RuleId, Check)>,
        _: &RuleTable,
        _: &mut PhraseSink,
    ) -> Result<BilingualRules, BuildError> {
        Ok(BilingualRules(defs))
    }
}

/// `term = { source = "一带一路", target = ["Belt and Road Initiative"] }`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTerm {
    source: OneOrMany,
    target: OneOrMany,
}

/// The check a `check` rule names.
fn check(check: Spanned<String>) -> Result<Check, FieldError> {
    let name = check.get_ref();
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

/// The check of a `term` rule: its source forms and accepted renderings.
fn term(term: Spanned<RawTerm>) -> Result<Check, FieldError> {
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
