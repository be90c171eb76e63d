//! The `detector` kind: the name of a built-in detector written in Rust
//! (see `engine::detect`, where each detector is a file, listed in
//! `detect/mod.rs`), which finds its candidates in a paragraph and
//! proposes its own fixes; the rule gives the id, level, message, context
//! conditions and safety.

use super::{FieldError, Found, Kind, PhraseSink, RuleTable, Search, Validating};
use crate::engine::Finding;
use crate::engine::definition::CaseMode;
use crate::engine::detect::{Detector, Proposal};
use crate::engine::error::BuildError;
use crate::engine::finding;
use crate::engine::sightings::Sighting;
use crate::rule::{Applicability, RuleId};
use std::ops::Range;
use toml::Spanned;

/// The `detector` kind.
pub(crate) struct DetectorKind;

/// The detector rules, compiled: each rule with its detector.
#[derive(Debug, Clone, Default)]
pub(crate) struct DetectorRules(Vec<(RuleId, Detector)>);

impl Kind for DetectorKind {
    const KEY: &'static str = "detector";
    const NAME: &'static str = "detector";
    const DEFAULT_CASE: CaseMode = CaseMode::Exact;
    const GIVES_ITS_FIXES: Option<&'static str> = Some("the detector gives the fixes");
    type Raw = Spanned<String>;
    type Def = Detector;
    type Compiled = DetectorRules;

    /// The detector the rule names.
    fn validate(name: Self::Raw, _: Validating) -> Result<Detector, FieldError> {
        Detector::named(name.get_ref()).ok_or_else(|| {
            (
                name.span(),
                format!(
                    "unknown detector `{}` (built-in detectors: {})",
                    name.get_ref(),
                    Detector::names()
                ),
            )
        })
    }

    /// A detector that repairs gives fixes; one that reports does not.
    fn has_fix(detector: &Detector, _: &[String]) -> bool {
        detector.fixes()
    }

    fn compile(
        defs: Vec<(RuleId, Detector)>,
        _: &RuleTable,
        _: &mut PhraseSink,
    ) -> Result<DetectorRules, BuildError> {
        Ok(DetectorRules(defs))
    }
}

impl Search for DetectorRules {
    /// The proposals of the detectors that read one paragraph, in
    /// `text[block]`.
    fn block(&self, rules: &RuleTable, text: &str, block: Range<usize>, out: Found) {
        let mut proposals = Vec::new();
        for &(rule, detector) in self.0.iter().filter(|(_, d)| !d.whole_text()) {
            proposals.clear();
            detector.find(text, block.clone(), &mut proposals);
            proposal_findings(rules, text, rule, &mut proposals, out.findings);
        }
    }

    /// The proposals of the detectors that decide over the whole text
    /// (a name spelled two ways needs every paragraph).
    fn resolve(&self, rules: &RuleTable, text: &str, _: &[Sighting], out: &mut Vec<Finding>) {
        let mut proposals = Vec::new();
        for &(rule, detector) in self.0.iter().filter(|(_, d)| d.whole_text()) {
            proposals.clear();
            detector.find_in_whole_text(text, &mut proposals);
            proposal_findings(rules, text, rule, &mut proposals, out);
        }
    }
}

/// Turns a detector's proposals into findings of `rule`: each passes the
/// rule's context conditions, and is safe when the rule is and the detector
/// found one reading only.
fn proposal_findings(
    rules: &RuleTable,
    text: &str,
    rule: RuleId,
    proposals: &mut Vec<Proposal>,
    out: &mut Vec<Finding>,
) {
    for p in proposals.drain(..) {
        if !rules
            .behaviour(rule)
            .context
            .accepts(text, p.span.start, p.span.end)
        {
            continue;
        }
        let applicability =
            Applicability::safe_if(rules.rule(rule).applicability.is_safe() && p.unambiguous);
        let matched = &text[p.span.clone()];
        let replacements = p.replacement.into_iter().collect();
        out.extend(finding::unless_unchanged(
            rule,
            p.span,
            matched,
            replacements,
            applicability,
        ));
    }
}
