//! The matcher: rule packs compiled once into a few automata, then text in,
//! findings out. Pure: no file system, no threads, no printing.
//!
//! One pass per block of text serves every rule: all phrases (and the
//! members of consistency groups) share one index of their first words
//! ([`phrase`]), all patterns share an Aho-Corasick automaton of their
//! trigger literals (`kinds::pattern::prefilter`), which says where each
//! of them can match; patterns, context conditions and case shaping run
//! only there.
//!
//! The engine knows the rule kinds only through `kinds` (one module per
//! kind, behind one trait): it compiles each kind's rules, and searches by
//! asking every kind in turn.

pub mod blocks;
pub(crate) mod context;
pub(crate) mod definition;
pub(crate) mod detect;
pub(crate) mod eight_bytes;
pub mod error;
mod finding;
pub mod gate;
pub(crate) mod kinds;
pub(crate) use calque_literals as literals;
pub(crate) mod pattern;
pub mod phrase;
pub(crate) mod precomputed;
pub(crate) mod regions;
pub(crate) mod shape;
pub(crate) mod sightings;
pub(crate) mod template;

pub use finding::{Finding, Fix};

use crate::rule::{Rule, RuleId};
use context::Context;
use definition::{Check, RuleDef};
use error::BuildError;
use kinds::{Behaviour, CompiledKinds, Found, PhraseSink, RuleTable};
use pattern::Pattern;
use phrase::{BlockBuffers, PhraseSet};
use sightings::Sighting;
use std::ops::Range;

/// All loaded rules, compiled. Build once, share freely (`Send + Sync`).
#[derive(Debug, Clone)]
pub struct Engine {
    /// Every rule's identity and behaviour, by [`RuleId`].
    rules: RuleTable,
    /// Each kind's rules, compiled.
    kinds: CompiledKinds,
    /// The phrases of every kind that wants phrases found, in one index.
    phrases: PhraseSet,
    /// For each owner number of [`PhraseSet`]: the kind (its place in the
    /// list of kinds) and the kind's own number for it.
    phrase_owners: Vec<(usize, usize)>,
    /// Which packs apply to a document (see [`gate`]); none = all of them.
    gate: Option<gate::Gate>,
    /// Bilingual rules, in rule order: run only where a source is known.
    bilingual: Vec<(RuleId, Check)>,
}

impl Engine {
    /// Compiles validated rules into one engine. Fails only when an automaton outgrows its limits; every pack error was found when loading.
    pub fn new(mut defs: Vec<RuleDef>) -> Result<Engine, BuildError> {
        share_identical_patterns(&mut defs);
        let mut rules = Vec::with_capacity(defs.len());
        let mut behaviours = Vec::with_capacity(defs.len());
        let mut matchers = Vec::with_capacity(defs.len());
        for (index, def) in defs.into_iter().enumerate() {
            matchers.push((RuleId::new(index), def.matcher));
            rules.push(def.rule);
            behaviours.push(Behaviour {
                replace: def.replace,
                case: def.case,
                context: def.context,
            });
        }
        let rules = RuleTable::new(rules, behaviours);
        let mut sink = PhraseSink::default();
        let kinds = CompiledKinds::new(matchers, &rules, &mut sink)?;
        let mut bilingual: Vec<(RuleId, Check)> = kinds
            .all()
            .iter()
            .flat_map(|kind| kind.bilingual().iter().cloned())
            .collect();
        bilingual.sort_by_key(|(rule, _)| *rule);
        Ok(Engine {
            rules,
            kinds,
            phrases: PhraseSet::new(sink.phrases)?,
            phrase_owners: sink.owners,
            gate: None,
            bilingual,
        })
    }

    /// Gates the findings of sourced packs on each document's source
    /// language (see [`gate`]): `packs` gives each pack's name and gate.
    pub fn with_gate<'a>(
        mut self,
        origin: gate::Origin,
        packs: impl IntoIterator<Item = (&'a str, &'a gate::PackGate)>,
    ) -> Engine {
        self.gate = Some(gate::Gate::new(origin, packs, self.rules.rules()));
        self
    }

    /// The gate, if the engine has one.
    pub fn gate(&self) -> Option<&gate::Gate> {
        self.gate.as_ref()
    }

    /// Every loaded rule, in pack order then file order.
    pub fn rules(&self) -> &[Rule] {
        self.rules.rules()
    }

    /// The rule a [`Finding::rule`] names.
    pub fn rule(&self, id: RuleId) -> &Rule {
        self.rules.rule(id)
    }

    /// The bilingual rules (index and check), which [`Engine::check`] never
    /// runs: [`crate::markup::bilingual::check`] does, where a source is known.
    pub(crate) fn bilingual_checks(&self) -> &[(RuleId, Check)] {
        &self.bilingual
    }

    /// All findings in `text`, ordered by position then rule. A rule never
    /// reports two overlapping findings; different rules may overlap.
    pub fn check(&self, text: &str) -> Vec<Finding> {
        let (mut findings, mut sightings) = (Vec::new(), Vec::new());
        self.search(text, 0..text.len(), &mut findings, &mut sightings);
        self.complete(text, findings, &sightings)
    }

    /// Searches `text[range]` in one pass. Appends to `findings` those of
    /// the rules that look at one paragraph at a time (phrases and
    /// patterns), unsorted, and to `sightings` what the rules that decide
    /// over the whole text see there (see `sightings`), in order of
    /// start. `range` must start and end at paragraph breaks (or the
    /// text's ends); the text around it is read only for context conditions
    /// and word boundaries. Both are the same whether a paragraph is
    /// searched alone or with the whole text, which `check` (over the
    /// threads, see [`crate::parallel`]) and `fix` (see `fix::recheck`)
    /// rely on; [`Engine::complete`] then decides over the whole text.
    pub(crate) fn search(
        &self,
        text: &str,
        range: Range<usize>,
        findings: &mut Vec<Finding>,
        sightings: &mut Vec<Sighting>,
    ) {
        let first_sighting = sightings.len();
        let kinds = self.kinds.all();
        let mut scratch = Vec::new();
        let mut found = Found {
            findings,
            sightings,
            scratch: &mut scratch,
        };
        let mut buffers = BlockBuffers::default();
        let mut candidates = Vec::new();
        for block in blocks::blocks_within(text, range.clone()) {
            candidates.clear();
            self.phrases
                .find(text, block.clone(), &mut buffers, &mut candidates);
            for &c in &candidates {
                let (kind, owner) = self.phrase_owners[c.owner];
                kinds[kind].phrase(&self.rules, text, owner, c, found.reborrow());
            }
            for kind in kinds {
                kind.block(&self.rules, text, block.clone(), found.reborrow());
            }
        }
        for kind in kinds {
            kind.observe(text, range.clone(), found.sightings);
        }
        sightings[first_sighting..].sort_by_key(|s| s.span.start);
    }

    /// The findings of `text` from what [`Engine::search`] found in all of
    /// it: the paragraph findings (in any order) and the sightings (in
    /// order of start). Adds the findings of the whole-text rules (glossary,
    /// consistency), then orders them all and drops repeats.
    pub(crate) fn complete(
        &self,
        text: &str,
        mut findings: Vec<Finding>,
        sightings: &[Sighting],
    ) -> Vec<Finding> {
        let whole_text = findings.len();
        for kind in self.kinds.all() {
            kind.resolve(&self.rules, text, sightings, &mut findings);
        }
        let tail = findings.split_off(whole_text);
        findings.extend(tail.into_iter().filter(|f| {
            self.rules
                .behaviour(f.rule)
                .context
                .accepts(text, f.span.start, f.span.end)
        }));
        // Gated first, so that a finding of a pack that does not apply
        // cannot hide the same advice from one that does.
        if let Some(gate) = &self.gate {
            gate.retain(text, &mut findings);
        }
        keep_one_per_rule_and_place(&mut findings, self.rules().len());
        drop_repeated_advice(&mut findings, self.rules());
        findings
    }
}

/// Gives every regex written the same way in several rules (a context
/// condition repeated across a pack, most often: the built-in packs hold
/// 536 regexes, 374 of them distinct) one shared [`Pattern`], so that each
/// is compiled once. Compiling is most of what a `check` of a few MB costs.
fn share_identical_patterns(defs: &mut [RuleDef]) {
    let mut first_of: std::collections::HashMap<String, Pattern> = Default::default();
    let mut share = |pattern: &mut Pattern| {
        let first = first_of
            .entry(pattern.as_str().to_string())
            .or_insert_with(|| pattern.clone());
        *pattern = first.clone();
    };
    for def in defs {
        def.matcher.share_patterns(&mut share);
        let Context {
            before,
            not_before,
            after,
            not_after,
        } = &mut def.context;
        for pattern in [before, not_before, after, not_after].into_iter().flatten() {
            share(pattern);
        }
    }
}

/// Sorts findings by position and drops, for each rule, a finding that
/// overlaps an earlier (or same-start, longer) finding of the same rule.
fn keep_one_per_rule_and_place(findings: &mut Vec<Finding>, rule_count: usize) {
    findings.sort_by(|a, b| {
        (a.span.start, std::cmp::Reverse(a.span.end), a.rule).cmp(&(
            b.span.start,
            std::cmp::Reverse(b.span.end),
            b.rule,
        ))
    });
    let mut last_end = vec![0usize; rule_count];
    let mut seen = vec![false; rule_count];
    findings.retain(|f| {
        let rule = f.rule.index();
        let keep = !seen[rule] || f.span.start >= last_end[rule];
        if keep {
            seen[rule] = true;
            last_end[rule] = f.span.end;
        }
        keep
    });
}

/// When several rules (of different packs, say) give the same advice for
/// the same span, keeps only the strongest: safe before unsafe (see [`Applicability`]), then the
/// higher level, then the rule loaded first. Expects findings sorted as
/// [`keep_one_per_rule_and_place`] leaves them, so equal spans are adjacent.
fn drop_repeated_advice(findings: &mut Vec<Finding>, rules: &[Rule]) {
    let strength = |f: &Finding| {
        (
            f.applicability(),
            rules[f.rule.index()].level,
            std::cmp::Reverse(f.rule),
        )
    };
    let mut keep = vec![true; findings.len()];
    let mut group_start = 0;
    while group_start < findings.len() {
        let span = &findings[group_start].span;
        let group_end = findings[group_start..]
            .iter()
            .position(|f| f.span != *span)
            .map_or(findings.len(), |n| group_start + n);
        for i in group_start..group_end {
            for j in group_start..group_end {
                let same_advice = i != j
                    && findings[i].replacements().first() == findings[j].replacements().first();
                if same_advice && strength(&findings[j]) > strength(&findings[i]) {
                    keep[i] = false;
                }
            }
        }
        group_start = group_end;
    }
    let mut flags = keep.into_iter();
    findings.retain(|_| flags.next().unwrap_or(true));
}

#[cfg(test)]
mod tests;
