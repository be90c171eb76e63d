//! Validating a `phrase` rule: one or more literal phrases, whitespace
//! folded to the form the phrase search matches.

use crate::pack::schema::OneOrMany;
use crate::pack::{FieldError, normalise_phrase};
use toml::Spanned;

/// The phrases of a `phrase` rule, normalised.
pub(super) fn validate(phrase: Spanned<OneOrMany>) -> Result<Vec<String>, FieldError> {
    let span = phrase.span();
    let phrases: Vec<String> = phrase.into_inner().into_vec();
    if phrases.is_empty() {
        return Err((span, "`phrase` is an empty list".into()));
    }
    let mut normalised = Vec::with_capacity(phrases.len());
    for p in phrases {
        let n = normalise_phrase(&p);
        if n.is_empty() {
            return Err((span, "empty phrase".into()));
        }
        normalised.push(n);
    }
    Ok(normalised)
}
