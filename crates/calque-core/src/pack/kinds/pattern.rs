//! Validating a `pattern` rule: a regular expression, compiled now or on
//! first use (see [`Validation`]).

use crate::engine::pattern::Pattern;
use crate::pack::{FieldError, Validation, invalid_regex, regex_pattern};
use toml::Spanned;

/// The regular expression of a `pattern` rule.
pub(super) fn validate(
    pattern: Spanned<String>,
    validation: Validation,
) -> Result<Pattern, FieldError> {
    regex_pattern(pattern.get_ref(), validation)
        .map_err(|e| (pattern.span(), invalid_regex("pattern", &e)))
}
