//! Validating a `glossary` rule: canonical names, their accepted variants
//! and foreign spellings, each a form the engine can match.

use super::{DEFAULT_THRESHOLD, Entry, form_words};
use crate::engine::kinds::{FieldError, normalise_phrase};
use serde::Deserialize;
use toml::Spanned;

/// One entry of a `glossary` rule as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEntry {
    name: String,
    #[serde(default)]
    variants: Vec<String>,
    #[serde(default)]
    foreign: Vec<String>,
    threshold: Option<f64>,
    fuzzy_safe: Option<bool>,
}

/// The entries of a `glossary` rule.
pub(super) fn entries(field: Spanned<Vec<Spanned<RawEntry>>>) -> Result<Vec<Entry>, FieldError> {
    let span = field.span();
    let raw = field.into_inner();
    if raw.is_empty() {
        return Err((span, "`glossary` is an empty list".into()));
    }
    let mut entries = Vec::with_capacity(raw.len());
    for spanned in raw {
        let span = spanned.span();
        let raw = spanned.into_inner();
        let fail = |message: String| (span.clone(), message);
        let form = |text: &str| -> Result<String, FieldError> {
            let text = normalise_phrase(text);
            form_words(&text).map_err(|e| fail(format!("glossary entry: {e}")))?;
            Ok(text)
        };
        let name = form(&raw.name)?;
        let variants = raw
            .variants
            .iter()
            .map(|v| form(v))
            .collect::<Result<Vec<_>, _>>()?;
        let foreign = raw
            .foreign
            .iter()
            .map(|v| form(v))
            .collect::<Result<Vec<_>, _>>()?;
        let mut seen = vec![&name];
        for f in variants.iter().chain(&foreign) {
            if seen.contains(&f) {
                return Err(fail(format!(
                    "glossary entry `{name}`: `{f}` is listed twice"
                )));
            }
            seen.push(f);
        }
        let threshold = raw.threshold.unwrap_or(DEFAULT_THRESHOLD);
        if !(threshold > 0.0 && threshold <= 1.0) {
            return Err(fail(format!(
                "glossary entry `{name}`: `threshold` must be in (0, 1], not {threshold}"
            )));
        }
        entries.push(Entry {
            name,
            variants,
            foreign,
            threshold,
            fuzzy_safe: raw.fuzzy_safe.unwrap_or(false),
        });
    }
    Ok(entries)
}
