//! The matcher: rule packs compiled once into a few automata, then text in,
//! findings out. Pure: no file system, no threads, no printing.
//!
//! One pass per block of text serves every rule: all phrases (and the
//! members of consistency groups) share one index of their first words
//! ([`phrase`]), all patterns share an Aho-Corasick automaton of their
//! trigger literals (`prefilter`), which says where each of them can
//! match; patterns, context conditions and case shaping run only there.

pub mod blocks;
pub(crate) mod consistency;
pub(crate) mod context;
pub(crate) mod definition;
pub(crate) mod detect;
pub(crate) mod eight_bytes;
pub mod error;
pub mod gate;
pub(crate) mod glossary;
pub(crate) use calque_literals as literals;
pub(crate) mod pattern;
pub mod phrase;
pub(crate) mod precomputed;
pub(crate) mod prefilter;
pub(crate) mod regions;
pub(crate) mod shape;
pub(crate) mod sightings;
pub(crate) mod template;

use crate::rule::{Applicability, Rule, RuleId};
use consistency::ConsistencySet;
use context::Context;
use definition::{CaseMode, Matcher, RuleDef};
use error::BuildError;
use glossary::GlossarySet;
use pattern::Pattern;
use phrase::{BlockBuffers, Candidate, PhraseSet};
use sightings::Sighting;
use std::ops::Range;

/// One place where one rule fires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule that fired.
    pub rule: RuleId,
    /// Byte offsets into the checked text.
    pub span: Range<usize>,
    /// Suggested replacements, the first being the fix; empty for report-only rules.
    pub replacements: Vec<String>,
    /// Whether `calque fix` applies it, and when: the rule's, except for
    /// glossary near-misses (which follow their entry) and detector fixes
    /// with several readings (`Unsafe`).
    pub applicability: Applicability,
}

/// How one rule turns a match into a finding.
#[derive(Debug, Clone)]
struct Behaviour {
    replace: Vec<String>,
    case: CaseMode,
    context: Context,
    /// The rule's own regex, for pattern rules.
    regex: Option<Pattern>,
}

/// Whose phrase the phrase search found: a phrase rule's, or a member of a
/// consistency group, which the consistency rules decide on over the whole
/// text. One pass over the words serves both.
#[derive(Debug, Clone, Copy)]
enum PhraseOwner {
    Rule(RuleId),
    /// An index into the consistency set's members.
    Member(usize),
}

/// All loaded rules, compiled. Build once, share freely (`Send + Sync`).
#[derive(Debug, Clone)]
pub struct Engine {
    rules: Vec<Rule>,
    behaviours: Vec<Behaviour>,
    phrases: PhraseSet,
    /// What each owner number of [`PhraseSet`] stands for.
    phrase_owners: Vec<PhraseOwner>,
    /// Pattern rules: where they can match, and their rule indices.
    pattern_scan: prefilter::PatternScan,
    pattern_rules: Vec<RuleId>,
    /// Glossary and consistency rules: searched over the whole text.
    glossary: GlossarySet,
    consistency: ConsistencySet,
    /// Which packs apply to a document (see [`gate`]); none = all of them.
    gate: Option<gate::Gate>,
    /// Rules served by a built-in detector, with their rule indices.
    detectors: Vec<(RuleId, detect::Detector)>,
    /// Bilingual rules: run only where a source is known.
    bilingual: Vec<(RuleId, definition::Check)>,
}

impl Engine {
    /// Compiles validated rules into one engine. Fails only when an automaton outgrows its limits; every pack error was found when loading.
    pub fn new(defs: Vec<RuleDef>) -> Result<Engine, BuildError> {
        let mut rules = Vec::with_capacity(defs.len());
        let mut behaviours = Vec::with_capacity(defs.len());
        let mut phrases = Vec::new();
        let mut phrase_owners = Vec::new();
        let mut pattern_rules = Vec::new();
        let mut glossary_rules = Vec::new();
        let mut consistency_rules = Vec::new();
        let mut detectors = Vec::new();
        let mut bilingual = Vec::new();
        for (index, def) in defs.into_iter().enumerate() {
            let id = RuleId::new(index);
            let regex = match def.matcher {
                Matcher::Phrase(list) => {
                    let exact = def.case == CaseMode::Exact;
                    let owner = phrase_owners.len();
                    phrase_owners.push(PhraseOwner::Rule(id));
                    phrases.extend(list.into_iter().map(|p| (owner, p, exact)));
                    None
                }
                Matcher::Pattern(regex) => {
                    pattern_rules.push(id);
                    Some(regex)
                }
                Matcher::Glossary(entries) => {
                    glossary_rules.push((id, def.rule.applicability.is_safe(), entries));
                    None
                }
                Matcher::Consistency(groups) => {
                    consistency_rules.push((id, def.rule.applicability.is_safe(), groups));
                    None
                }
                Matcher::Detector(detector) => {
                    detectors.push((id, detector));
                    None
                }
                Matcher::Bilingual(check) => {
                    bilingual.push((id, check));
                    None
                }
            };
            rules.push(def.rule);
            behaviours.push(Behaviour {
                replace: def.replace,
                case: def.case,
                context: def.context,
                regex,
            });
        }
        share_identical_patterns(&mut behaviours);
        let patterns: Vec<&Pattern> = pattern_rules
            .iter()
            .map(|&rule| {
                behaviours[rule.index()]
                    .regex
                    .as_ref()
                    .expect("pattern rules keep their regex")
            })
            .collect();
        let pattern_scan = prefilter::PatternScan::new(&patterns)?;
        let consistency = ConsistencySet::new(consistency_rules)?;
        for (member, text) in consistency.member_phrases().enumerate() {
            phrases.push((phrase_owners.len(), text.to_string(), false));
            phrase_owners.push(PhraseOwner::Member(member));
        }
        Ok(Engine {
            rules,
            behaviours,
            phrases: PhraseSet::new(phrases)?,
            phrase_owners,
            pattern_scan,
            pattern_rules,
            glossary: GlossarySet::new(glossary_rules),
            consistency,
            gate: None,
            detectors,
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
        self.gate = Some(gate::Gate::new(origin, packs, &self.rules));
        self
    }

    /// The gate, if the engine has one.
    pub fn gate(&self) -> Option<&gate::Gate> {
        self.gate.as_ref()
    }

    /// Every loaded rule, in pack order then file order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The rule a [`Finding::rule`] names.
    pub fn rule(&self, id: RuleId) -> &Rule {
        &self.rules[id.index()]
    }

    fn behaviour(&self, id: RuleId) -> &Behaviour {
        &self.behaviours[id.index()]
    }

    /// The bilingual rules (index and check), which [`Engine::check`] never
    /// runs: [`crate::markup::bilingual::check`] does, where a source is known.
    pub(crate) fn bilingual_checks(&self) -> &[(RuleId, definition::Check)] {
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
        let mut buffers = BlockBuffers::default();
        let mut candidates = Vec::new();
        let mut hits = Vec::new();
        for block in blocks::blocks_within(text, range.clone()) {
            candidates.clear();
            self.phrases
                .find(text, block.clone(), &mut buffers, &mut candidates);
            for c in &candidates {
                match self.phrase_owners[c.owner] {
                    PhraseOwner::Rule(rule) => findings.extend(self.phrase_finding(text, rule, c)),
                    PhraseOwner::Member(member) => {
                        sightings.push(ConsistencySet::sighting(member, c.start..c.end))
                    }
                }
            }
            self.pattern_findings(text, block.clone(), &mut hits, findings);
            self.detector_findings(text, block, findings);
        }
        self.glossary.observe(text, range.clone(), sightings);
        self.consistency.observe(text, range, sightings);
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
        self.glossary.resolve(text, sightings, &mut findings);
        self.consistency.resolve(text, sightings, &mut findings);
        self.whole_text_detector_findings(text, &mut findings);
        let tail = findings.split_off(whole_text);
        findings.extend(tail.into_iter().filter(|f| {
            self.behaviour(f.rule)
                .context
                .accepts(text, f.span.start, f.span.end)
        }));
        // Gated first, so that a finding of a pack that does not apply
        // cannot hide the same advice from one that does.
        if let Some(gate) = &self.gate {
            gate.retain(text, &mut findings);
        }
        keep_one_per_rule_and_place(&mut findings, self.rules.len());
        drop_repeated_advice(&mut findings, &self.rules);
        findings
    }

    fn phrase_finding(&self, text: &str, rule: RuleId, c: &Candidate) -> Option<Finding> {
        let behaviour = self.behaviour(rule);
        if !behaviour.context.accepts(text, c.start, c.end) {
            return None;
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
        let applicability = self.rule(rule).applicability;
        finding(rule, c.start..c.end, matched, replacements, applicability)
    }

    /// Appends the findings of the built-in detectors in `text[block]`: a
    /// proposal passes the rule's context conditions, and is safe when the
    /// rule is and the detector found one reading only.
    fn detector_findings(&self, text: &str, block: Range<usize>, out: &mut Vec<Finding>) {
        let mut proposals = Vec::new();
        for &(rule, detector) in &self.detectors {
            proposals.clear();
            detector.find(text, block.clone(), &mut proposals);
            self.proposal_findings(text, rule, &mut proposals, out);
        }
    }

    /// Appends the findings of the detectors that decide over the whole
    /// text; [`Engine::complete`] applies their context conditions.
    fn whole_text_detector_findings(&self, text: &str, out: &mut Vec<Finding>) {
        let mut proposals = Vec::new();
        for &(rule, detector) in self.detectors.iter().filter(|(_, d)| d.whole_text()) {
            proposals.clear();
            detector.find_in_whole_text(text, &mut proposals);
            self.proposal_findings(text, rule, &mut proposals, out);
        }
    }

    /// Turns a detector's proposals into findings of `rule`.
    fn proposal_findings(
        &self,
        text: &str,
        rule: RuleId,
        proposals: &mut Vec<detect::Proposal>,
        out: &mut Vec<Finding>,
    ) {
        for p in proposals.drain(..) {
            if !self
                .behaviour(rule)
                .context
                .accepts(text, p.span.start, p.span.end)
            {
                continue;
            }
            let applicability =
                Applicability::safe_if(self.rule(rule).applicability.is_safe() && p.unambiguous);
            let matched = &text[p.span.clone()];
            let replacements = p.replacement.into_iter().collect();
            out.extend(finding(rule, p.span, matched, replacements, applicability));
        }
    }

    /// Appends the findings of pattern rules in `text[block]`; `hits` is scratch space.
    fn pattern_findings(
        &self,
        text: &str,
        block: Range<usize>,
        hits: &mut Vec<(usize, usize)>,
        out: &mut Vec<Finding>,
    ) {
        let haystack = &text[block.clone()];
        self.pattern_scan.regions(haystack, hits, |which, region| {
            let rule = self.pattern_rules[which];
            let behaviour = &self.behaviour(rule);
            let regex = behaviour
                .regex
                .as_ref()
                .expect("pattern rules keep their regex")
                .regex();
            let base = block.start + region.start;
            for caps in regex.captures_iter(&haystack[region]) {
                let whole = caps.get(0).expect("group 0 always matches");
                if whole.is_empty() {
                    continue;
                }
                let (start, end) = (base + whole.start(), base + whole.end());
                if !behaviour.context.accepts(text, start, end) {
                    continue;
                }
                let case = match behaviour.case {
                    CaseMode::Preserve => shape::case_pattern(whole.as_str()),
                    CaseMode::Exact => shape::CasePattern::AsWritten,
                };
                let replacements = behaviour
                    .replace
                    .iter()
                    .map(|template| {
                        let mut expanded = String::new();
                        template::expand(&caps, template, &mut expanded);
                        shape::apply_case(case, &expanded)
                    })
                    .collect();
                let applicability = self.rule(rule).applicability;
                if let Some(f) = finding(
                    rule,
                    start..end,
                    whole.as_str(),
                    replacements,
                    applicability,
                ) {
                    out.push(f);
                }
            }
        });
    }
}

/// Gives every regex written the same way in several rules (a context
/// condition repeated across a pack, most often: the built-in packs hold
/// 536 regexes, 374 of them distinct) one shared [`Pattern`], so that each
/// is compiled once. Compiling is most of what a `check` of a few MB costs.
fn share_identical_patterns(behaviours: &mut [Behaviour]) {
    let mut first_of: std::collections::HashMap<String, Pattern> = Default::default();
    let mut share = |slot: &mut Option<Pattern>| {
        if let Some(pattern) = slot {
            let first = first_of
                .entry(pattern.as_str().to_string())
                .or_insert_with(|| pattern.clone());
            *pattern = first.clone();
        }
    };
    for b in behaviours {
        share(&mut b.regex);
        let c = &mut b.context;
        for slot in [
            &mut c.before,
            &mut c.not_before,
            &mut c.after,
            &mut c.not_after,
        ] {
            share(slot);
        }
    }
}

/// A finding, unless its fix would leave the text as it is (a phrase rule
/// matching the already-correct form case-insensitively, say).
fn finding(
    rule: RuleId,
    span: Range<usize>,
    matched: &str,
    replacements: Vec<String>,
    applicability: Applicability,
) -> Option<Finding> {
    if replacements.first().is_some_and(|r| r == matched) {
        return None;
    }
    Some(Finding {
        rule,
        span,
        replacements,
        applicability,
    })
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
            f.applicability,
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
                let same_advice =
                    i != j && findings[i].replacements.first() == findings[j].replacements.first();
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
