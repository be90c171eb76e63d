//! Validating a `consistency` rule: groups of variants one document should
//! not mix (with the form to `prefer`), or a built-in group.

use super::{APOSTROPHES, Group, Groups};
use crate::engine::kinds::{FieldError, OneOrMany, normalise_phrase};
use crate::suggest;
use serde::Deserialize;
use toml::Spanned;

/// `consistency` as written: groups of variants, or the name of a built-in group.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub(crate) enum RawConsistency {
    Builtin(String),
    Groups(Vec<Vec<String>>),
}

/// The built-in groups `consistency = "..."` may name.
const BUILTIN_GROUPS: [&str; 1] = ["apostrophes"];

/// The groups of a `consistency` rule, with its `prefer`.
pub(super) fn groups(
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
