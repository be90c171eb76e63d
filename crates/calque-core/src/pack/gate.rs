//! Validating `[pack]`'s gating fields (`source`, `evidence`,
//! `evidence_rules`, `proof_rules`) into the [`PackGate`] the engine's gate compiles (see
//! [`crate::engine::gate`]).

use super::FieldError;
use super::schema::RawPackMeta;
use crate::engine::gate::{PackGate, is_language_code};
use regex::RegexBuilder;
use toml::Spanned;

/// Validates `[pack]`'s `source`, `evidence`, `evidence_rules` and `proof_rules` of pack
/// `pack`, whose rules have the (short) ids `rule_ids`; an error carries the
/// span of the offending value.
pub fn pack_gate(
    pack: &str,
    meta: &RawPackMeta,
    rule_ids: &[&str],
) -> Result<PackGate, FieldError> {
    let (source, evidence) = (&meta.source, &meta.evidence);
    let mut languages = Vec::new();
    for code in source {
        if !is_language_code(code.get_ref()) {
            return Err((
                code.span(),
                format!(
                    "pack `{pack}`: source `{}` is not a lowercase language code such as zh or fr",
                    code.get_ref()
                ),
            ));
        }
        languages.push(code.get_ref().clone());
    }
    if languages.is_empty() && !evidence.is_empty() {
        return Err((
            evidence[0].span(),
            format!("pack `{pack}`: `evidence` needs `source`, the languages it is evidence for"),
        ));
    }
    let evidence = evidence
        .iter()
        .map(|pattern| {
            RegexBuilder::new(pattern.get_ref())
                .size_limit(1 << 20)
                .build()
                .map_err(|e| (pattern.span(), format!("evidence: {e}")))
        })
        .collect::<Result<_, _>>()?;
    let evidence_rules = rules_named(
        pack,
        "evidence_rules",
        &meta.evidence_rules,
        &languages,
        rule_ids,
    )?;
    let proof_rules = rules_named(pack, "proof_rules", &meta.proof_rules, &languages, rule_ids)?;
    Ok(PackGate {
        languages,
        evidence,
        evidence_rules,
        proof_rules,
    })
}

/// The ids of the pack's rules that the list `field` names (an id, or
/// `prefix-*`); an entry that names none, or a list in a pack without
/// `source`, is an error.
fn rules_named(
    pack: &str,
    field: &str,
    names: &[Spanned<String>],
    languages: &[String],
    rule_ids: &[&str],
) -> Result<Vec<String>, FieldError> {
    let mut ids = Vec::new();
    for id in names {
        let matched: Vec<&str> = rule_ids
            .iter()
            .copied()
            .filter(|rule| id_matches(id.get_ref(), rule))
            .collect();
        if languages.is_empty() || matched.is_empty() {
            return Err((
                id.span(),
                format!(
                    "pack `{pack}`: {field} `{}` names no rule of the pack, or the pack has no `source`",
                    id.get_ref()
                ),
            ));
        }
        ids.extend(matched.into_iter().map(str::to_string));
    }
    Ok(ids)
}

/// Whether a rule id is named by `pattern`: the id itself, or `prefix-*`.
fn id_matches(pattern: &str, id: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => id.starts_with(prefix),
        None => pattern == id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(source: &str, evidence: &str, evidence_rules: &str) -> RawPackMeta {
        let toml = format!(
            "name = 'p'\ndescription = 'd'\nsource = {source}\nevidence = {evidence}\nevidence_rules = {evidence_rules}\nproof_rules = {evidence_rules}"
        );
        toml::from_str(&toml).unwrap()
    }

    fn gate_of(source: &str, evidence: &str) -> Result<PackGate, FieldError> {
        pack_gate("p", &meta(source, evidence, "[]"), &[])
    }

    #[test]
    fn a_language_code_is_checked_and_evidence_needs_a_source() {
        assert!(gate_of("['Chinese']", "[]").is_err());
        assert!(gate_of("[]", "['x']").is_err());
        assert!(gate_of("['zh']", "['(']").is_err());
        let gate = gate_of("['zh']", r"['\bXinhua\b']").unwrap();
        assert_eq!(gate.languages, ["zh"]);
        assert_eq!(gate.evidence.len(), 1);
    }

    #[test]
    fn evidence_rules_name_rules_of_the_pack() {
        let ids = ["leftover-mais", "leftover-sommet", "since-duration"];
        let gate = pack_gate("p", &meta("['fr']", "[]", "['leftover-*']"), &ids).unwrap();
        assert_eq!(gate.evidence_rules, ["leftover-mais", "leftover-sommet"]);
        assert_eq!(gate.proof_rules, gate.evidence_rules);
        assert!(pack_gate("p", &meta("['fr']", "[]", "['nothing']"), &ids).is_err());
    }
}
