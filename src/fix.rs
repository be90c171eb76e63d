//! From findings to edits, and edits applied until the text stops changing.
//!
//! Overlapping edits are resolved by one rule, applied greedily: the longer
//! span wins, then the higher level, then the rule loaded first (pack order,
//! then order in the pack), then the earlier start. Applying edits can create
//! new matches ("long -term" fixed inside a phrase another rule knows), so
//! the engine runs again on the result, at most [`MAX_PASSES`] times.

use crate::engine::{Engine, Finding};
use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::ops::Range;

/// How many check-and-edit passes `fix` makes at most. Real packs settle in
/// two; a pack whose rules undo each other (a -> b, b -> a) stops here.
pub const MAX_PASSES: usize = 8;

/// One replacement of a byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Range<usize>,
    pub replacement: String,
    pub rule: usize,
}

/// Whether a finding's fix may be applied: it has one, and it is safe or
/// `unsafe_fixes` allows suggestions too. (Safety is decided per finding by
/// the engine; the engine parameter stays for callers.)
pub fn is_fixable(_engine: &Engine, finding: &Finding, unsafe_fixes: bool) -> bool {
    !finding.replacements.is_empty() && (unsafe_fixes || finding.safe)
}

/// The edits to apply, non-overlapping and sorted by position, and the
/// fixable findings left out because they overlapped a stronger edit.
pub fn choose_edits<'f>(
    engine: &Engine,
    findings: &'f [Finding],
    unsafe_fixes: bool,
) -> (Vec<Edit>, Vec<&'f Finding>) {
    let mut candidates: Vec<&Finding> = findings
        .iter()
        .filter(|f| is_fixable(engine, f, unsafe_fixes))
        .collect();
    candidates.sort_by_key(|f| {
        (
            Reverse(f.span.len()),
            Reverse(engine.rule(f.rule).level),
            f.rule,
            f.span.start,
        )
    });
    // start -> end of the edits taken so far
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut edits = Vec::new();
    let mut left_out = Vec::new();
    for f in candidates {
        let overlaps_before = taken
            .range(..f.span.end)
            .next_back()
            .is_some_and(|(_, &end)| end > f.span.start);
        if overlaps_before {
            left_out.push(f);
            continue;
        }
        taken.insert(f.span.start, f.span.end);
        edits.push(Edit {
            span: f.span.clone(),
            replacement: f.replacements[0].clone(),
            rule: f.rule,
        });
    }
    edits.sort_by_key(|e| e.span.start);
    left_out.sort_by_key(|f| (f.span.start, f.rule));
    (edits, left_out)
}

/// `text` with the (sorted, non-overlapping) edits applied.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let grow: usize = edits.iter().map(|e| e.replacement.len()).sum();
    let mut out = String::with_capacity(text.len() + grow);
    let mut at = 0;
    for edit in edits {
        out.push_str(&text[at..edit.span.start]);
        out.push_str(&edit.replacement);
        at = edit.span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// What fixing a text did.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub text: String,
    /// Edits applied over all passes.
    pub applied: usize,
    /// Edits applied per rule index, for summaries.
    pub applied_by_rule: Vec<(usize, usize)>,
    /// Findings on the final text (none of them fixable under the options,
    /// unless the pass bound was hit).
    pub remaining: Vec<Finding>,
    /// Fixable findings left out in the last pass because a stronger edit overlapped them.
    pub overlapped: usize,
    /// Rules still producing edits when [`MAX_PASSES`] was reached; empty when the text settled.
    pub still_firing: Vec<usize>,
}

/// Fixes `text` to a fixpoint (or to the pass bound).
pub fn fix_text(engine: &Engine, text: &str, unsafe_fixes: bool) -> Outcome {
    let mut current: Option<String> = None;
    let mut applied = 0;
    let mut by_rule: BTreeMap<usize, usize> = BTreeMap::new();
    let mut overlapped = 0;
    for _ in 0..MAX_PASSES {
        let view = current.as_deref().unwrap_or(text);
        let findings = engine.check(view);
        let (edits, left_out) = choose_edits(engine, &findings, unsafe_fixes);
        if edits.is_empty() {
            return Outcome {
                text: current.unwrap_or_else(|| text.to_string()),
                applied,
                applied_by_rule: by_rule.into_iter().collect(),
                remaining: findings,
                overlapped,
                still_firing: Vec::new(),
            };
        }
        overlapped = left_out.len();
        applied += edits.len();
        for e in &edits {
            *by_rule.entry(e.rule).or_default() += 1;
        }
        current = Some(apply(view, &edits));
    }
    let final_text = current.unwrap_or_else(|| text.to_string());
    let findings = engine.check(&final_text);
    let (edits, _) = choose_edits(engine, &findings, unsafe_fixes);
    let mut still_firing: Vec<usize> = edits.iter().map(|e| e.rule).collect();
    still_firing.sort_unstable();
    still_firing.dedup();
    Outcome {
        text: final_text,
        applied,
        applied_by_rule: by_rule.into_iter().collect(),
        remaining: findings,
        overlapped,
        still_firing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::test_engine;

    const PACK: &str = r#"
[[rule]]
id = "short"
phrase = "long -term"
replace = "long-term"
safe = true
message = "m"
examples = [{ bad = "long -term", good = "long-term" }]

[[rule]]
id = "long"
phrase = "long -term perspective"
replace = "long-term view"
safe = true
level = "error"
message = "m"
examples = [{ bad = "long -term perspective", good = "long-term view" }]

[[rule]]
id = "unsafe"
phrase = "maintain multilateralism"
replace = "uphold multilateralism"
message = "m"
examples = [{ bad = "maintain multilateralism", good = "uphold multilateralism" }]
"#;

    #[test]
    fn the_longer_span_wins_and_the_other_is_reported() {
        let engine = test_engine(PACK);
        let text = "a long -term perspective";
        let findings = engine.check(text);
        let (edits, left_out) = choose_edits(&engine, &findings, false);
        assert_eq!(edits.len(), 1);
        assert_eq!(edits[0].replacement, "long-term view");
        assert_eq!(left_out.len(), 1);
        assert_eq!(apply(text, &edits), "a long-term view");
    }

    #[test]
    fn unsafe_fixes_wait_for_the_flag() {
        let engine = test_engine(PACK);
        let text = "maintain multilateralism and long -term ties";
        let safe_only = fix_text(&engine, text, false);
        assert_eq!(
            safe_only.text,
            "maintain multilateralism and long-term ties"
        );
        assert_eq!(safe_only.remaining.len(), 1);
        let all = fix_text(&engine, text, true);
        assert_eq!(all.text, "uphold multilateralism and long-term ties");
        assert!(all.remaining.is_empty());
    }

    #[test]
    fn rules_that_undo_each_other_stop_at_the_bound() {
        let engine = test_engine(
            r#"
[[rule]]
id = "a-to-b"
phrase = "alpha"
replace = "beta"
safe = true
message = "m"
examples = [{ bad = "alpha", good = "beta" }]

[[rule]]
id = "b-to-a"
phrase = "beta"
replace = "alpha"
safe = true
message = "m"
examples = [{ bad = "beta", good = "alpha" }]
"#,
        );
        let outcome = fix_text(&engine, "alpha", false);
        assert_eq!(outcome.still_firing.len(), 1);
        assert_eq!(outcome.applied, MAX_PASSES);
    }

    #[test]
    fn fixes_that_create_new_matches_are_followed() {
        let engine = test_engine(
            r#"
[[rule]]
id = "spacing"
pattern = '(\w) -(\w)'
replace = "$1-$2"
safe = true
message = "m"
examples = [{ bad = "anti -fascist", good = "anti-fascist" }]

[[rule]]
id = "name"
phrase = "world anti-fascist war"
replace = "World Anti-Fascist War"
safe = true
message = "m"
examples = [{ bad = "world anti-fascist war", good = "World Anti-Fascist War" }]
"#,
        );
        let outcome = fix_text(&engine, "the world anti -fascist war", false);
        assert_eq!(outcome.text, "the World Anti-Fascist War");
        assert!(outcome.still_firing.is_empty());
    }
}
