//! The rule kinds as a pack writes them: one module per kind validates its
//! matcher ([`matcher`] dispatches on the key the rule used); what a kind
//! compiles to is [`Matcher`], what it searches with lives in the engine
//! module of the same name (`engine::phrase`, `engine::pattern`,
//! `engine::glossary`, `engine::consistency`, `engine::detect`; the
//! bilingual checks in `markup::bilingual::checks`).

mod bilingual;
mod consistency;
mod detector;
mod glossary;
mod pattern;
mod phrase;

use super::schema::{CaseMode, OneOrMany, RawMatcher, RawOk};
use super::{FieldError, Validation};
use crate::engine::definition::Matcher;
use toml::Spanned;

/// A rule's matcher, validated, and the case mode its kind defaults to.
/// `prefer` belongs to consistency rules (checked before).
pub(super) fn matcher(
    raw: RawMatcher,
    prefer: Option<Spanned<OneOrMany>>,
    validation: Validation,
) -> Result<(Matcher, CaseMode), FieldError> {
    Ok(match raw {
        RawMatcher::Phrase(p) => (Matcher::Phrase(phrase::validate(p)?), CaseMode::Preserve),
        RawMatcher::Pattern(p) => (
            Matcher::Pattern(pattern::validate(p, validation)?),
            CaseMode::Exact,
        ),
        RawMatcher::Glossary(g) => (Matcher::Glossary(glossary::validate(g)?), CaseMode::Exact),
        RawMatcher::Consistency(c) => (
            Matcher::Consistency(consistency::validate(c, prefer)?),
            CaseMode::Preserve,
        ),
        RawMatcher::Detector(d) => (Matcher::Detector(detector::validate(d)?), CaseMode::Exact),
        RawMatcher::Check(c) => (Matcher::Bilingual(bilingual::check(c)?), CaseMode::Exact),
        RawMatcher::Term(t) => (Matcher::Bilingual(bilingual::term(t)?), CaseMode::Exact),
    })
}

/// For the kinds whose matcher gives the fixes, what gives them (the reason
/// a `replace` is refused); `None` for phrase and pattern rules.
pub(super) fn gives_its_fixes(raw: &RawMatcher) -> Option<&'static str> {
    match raw {
        RawMatcher::Phrase(_) | RawMatcher::Pattern(_) => None,
        RawMatcher::Glossary(_) | RawMatcher::Consistency(_) => {
            Some("the glossary entries or the consistency groups give the fixes")
        }
        RawMatcher::Detector(_) => Some("the detector gives the fixes"),
        RawMatcher::Check(_) | RawMatcher::Term(_) => Some("a bilingual check gives its own fixes"),
    }
}

/// Plain `ok` texts, and `ok` source and target pairs.
type OkCases = (Vec<String>, Vec<(String, String)>);

/// A rule's `ok` cases: plain texts, or for a bilingual rule source and
/// target pairs (and only those).
pub(super) fn ok_cases(raw: Vec<RawOk>, bilingual: bool) -> Result<OkCases, String> {
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
