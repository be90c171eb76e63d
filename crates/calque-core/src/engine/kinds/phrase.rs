//! The `phrase` kind: one or more literal phrases, matched ASCII
//! case-insensitively (exactly for `case = "exact"`), any whitespace
//! between words. Every phrase of every rule goes into the engine's one
//! phrase index (see `engine::phrase`), searched once per paragraph.

use super::{
    FieldError, Found, Kind, OneOrMany, PhraseSink, RuleTable, Search, Validating, normalise_phrase,
};
use crate::engine::definition::CaseMode;
use crate::engine::error::BuildError;
use crate::engine::finding;
use crate::engine::phrase::Candidate;
use crate::engine::shape;
use crate::rule::RuleId;
use toml::Spanned;

/// The `phrase` kind.
pub(crate) struct Phrase;

/// The phrase rules, compiled: their phrases are in the engine's phrase
/// index, owned by their rule's number.
#[derive(Debug, Clone, Default)]
pub(crate) struct PhraseRules;

impl Kind for Phrase {
    const KEY: &'static str = "phrase";
    const NAME: &'static str = "phrase";
    const DEFAULT_CASE: CaseMode = CaseMode::Preserve;
    type Raw = Spanned<OneOrMany>;
    type Def = Vec<String>;
    type Compiled = PhraseRules;

    /// The phrases, normalised.
    fn validate(phrase: Self::Raw, _: Validating) -> Result<Vec<String>, FieldError> {
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

    fn compile(
        defs: Vec<(RuleId, Vec<String>)>,
        rules: &RuleTable,
        phrases: &mut PhraseSink,
    ) -> Result<PhraseRules, BuildError> {
        for (id, list) in defs {
            let exact = rules.behaviour(id).case == CaseMode::Exact;
            phrases.add(id.index(), list, exact);
        }
        Ok(PhraseRules)
    }
}

impl Search for PhraseRules {
    /// A phrase of rule number `owner` found: a finding, its replacements
    /// shaped to the case of the match.
    fn phrase(&self, rules: &RuleTable, text: &str, owner: usize, c: Candidate, out: Found) {
        let rule = RuleId::new(owner);
        let behaviour = rules.behaviour(rule);
        if !behaviour.context.accepts(text, c.start, c.end) {
            return;
        }
        let matched = &text[c.start..c.end];
        let case = match behaviour.case {
            CaseMode::Preserve => shape::case_pattern(matched),
            CaseMode::Exact => shape::CasePattern::AsWritten,
        };
        let replacements = behaviour
            .replace
            .iter()
            .map(|r| shape::keep_whitespace(matched, &shape::apply_case(case, r)))
            .collect();
        let applicability = rules.rule(rule).applicability;
        out.findings.extend(finding::unless_unchanged(
            rule,
            c.start..c.end,
            matched,
            replacements,
            applicability,
        ));
    }
}
