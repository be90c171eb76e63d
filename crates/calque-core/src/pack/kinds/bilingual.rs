//! Validating the bilingual kinds: a built-in `check` of a translation
//! against its source, or a `term` base entry.

use crate::engine::definition::{CHECKS, Check, Term};
use crate::pack::schema::{OneOrMany, RawTerm};
use crate::pack::{FieldError, normalise_phrase};
use crate::suggest;
use toml::Spanned;

/// The check a `check` rule names.
pub(super) fn check(check: Spanned<String>) -> Result<Check, FieldError> {
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
pub(super) fn term(term: Spanned<RawTerm>) -> Result<Check, FieldError> {
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
