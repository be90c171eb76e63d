//! A rule's `ok` cases: texts it must leave alone, or for a bilingual rule
//! sources with translations.

use super::schema::RawOk;

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
