//! Validating the document-level rule kinds: `glossary` entries and
//! `consistency` groups (with `prefer`).

use super::schema::{OneOrMany, RawConsistency, RawGlossaryEntry, RawOk, RawTerm};
use super::{FieldError, normalise_phrase};
use crate::engine::consistency::{APOSTROPHES, Group, Groups};
use crate::engine::definition::{CHECKS, Check, Term};
use crate::engine::glossary::{self, DEFAULT_THRESHOLD, Entry};
use crate::suggest;
use toml::Spanned;

/// The built-in groups `consistency = "..."` may name.
const BUILTIN_GROUPS: [&str; 1] = ["apostrophes"];

pub fn glossary(field: Spanned<Vec<Spanned<RawGlossaryEntry>>>) -> Result<Vec<Entry>, FieldError> {
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
            glossary::form_words(&text).map_err(|e| fail(format!("glossary entry: {e}")))?;
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

pub fn consistency(
    field: Spanned<RawConsistency>,
    prefer: Option<Spanned<OneOrMany>>,
) -> Result<Groups, FieldError> {
    let span = field.span();
    let (prefer_span, preferred) = match prefer {
        Some(p) => (p.span(), p.into_inner().into_vec()),
        None => (span.clone(), Vec::new()),
    };
    match field.into_inner() {
        RawConsistency::Builtin(name) => {
            if name != BUILTIN_GROUPS[0] {
                return Err((
                    span,
                    format!(
                        "no built-in consistency group `{name}`{}",
                        suggest::did_you_mean(&name, BUILTIN_GROUPS)
                    ),
                ));
            }
            let preferred = match preferred.as_slice() {
                [] => None,
                [one] => Some(
                    one.chars()
                        .next()
                        .filter(|c| one.chars().count() == 1 && APOSTROPHES.contains(c))
                        .ok_or_else(|| {
                            (
                                prefer_span.clone(),
                                "`prefer` for apostrophes is \"'\" or \"\u{2019}\"".to_string(),
                            )
                        })?,
                ),
                _ => {
                    return Err((prefer_span, "`prefer` names one apostrophe".into()));
                }
            };
            Ok(Groups::Apostrophes { preferred })
        }
        RawConsistency::Groups(raw) => {
            if raw.is_empty() {
                return Err((span, "`consistency` is an empty list".into()));
            }
            let mut groups = Vec::with_capacity(raw.len());
            for members in raw {
                let members: Vec<String> = members.iter().map(|m| normalise_phrase(m)).collect();
                if members.len() < 2 || members.iter().any(String::is_empty) {
                    return Err((
                        span,
                        "each `consistency` group lists two or more non-empty variants".into(),
                    ));
                }
                for (i, m) in members.iter().enumerate() {
                    if members[..i].iter().any(|o| o.eq_ignore_ascii_case(m)) {
                        return Err((span, format!("`{m}` is listed twice in one group")));
                    }
                }
                groups.push(Group {
                    members,
                    preferred: None,
                });
            }
            for p in preferred {
                let p = normalise_phrase(&p);
                let mut owners = groups
                    .iter_mut()
                    .filter_map(|g| g.members.iter().position(|m| *m == p).map(|i| (g, i)));
                let Some((group, index)) = owners.next() else {
                    return Err((
                        prefer_span,
                        format!("`prefer`: `{p}` is not a member of any group"),
                    ));
                };
                if group.preferred.replace(index).is_some() {
                    return Err((
                        prefer_span,
                        format!("`prefer`: two preferred forms in the group of `{p}`"),
                    ));
                }
            }
            Ok(Groups::Phrases(groups))
        }
    }
}

/// The matcher of a bilingual rule (`check` or `term`) and its kind's
/// name, or `None` for a monolingual rule.
pub fn bilingual(
    check: Option<Spanned<String>>,
    term: Option<Spanned<RawTerm>>,
) -> Result<Option<(Check, &'static str)>, FieldError> {
    if let Some(check) = check {
        let name = check.get_ref();
        return Check::named(name)
            .map(|c| Some((c, "bilingual")))
            .ok_or_else(|| {
                (
                    check.span(),
                    format!(
                        "no built-in bilingual check `{name}`{}",
                        suggest::did_you_mean(name, CHECKS)
                    ),
                )
            });
    }
    let Some(term) = term else { return Ok(None) };
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
    Ok(Some((Check::Term(Term { source, target }), "term")))
}

/// Plain `ok` texts, and `ok` source and target pairs.
type OkCases = (Vec<String>, Vec<(String, String)>);

/// A rule's `ok` cases: plain texts, or for a bilingual rule source and
/// target pairs (and only those).
pub fn ok_cases(raw: Vec<RawOk>, bilingual: bool) -> Result<OkCases, String> {
    let mut texts = Vec::new();
    let mut pairs = Vec::new();
    for ok in raw {
        match (ok, bilingual) {
            (RawOk::Text(t), false) => texts.push(t),
            (RawOk::Pair { source, target }, true) => pairs.push((source, target)),
            (RawOk::Text(_), true) => {
                return Err("a bilingual rule's `ok` cases are `{ source, target }` tables".into());
            }
            (RawOk::Pair { .. }, false) => {
                return Err("`ok` cases with a `source` belong to bilingual rules".into());
            }
        }
    }
    Ok((texts, pairs))
}
