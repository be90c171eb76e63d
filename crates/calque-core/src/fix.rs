//! From findings to edits, and edits applied until the text stops changing.
//!
//! Overlapping edits are resolved by one rule, applied greedily: the longer
//! span wins, then the higher level, then the rule loaded first (pack order,
//! then order in the pack), then the earlier start. Applying edits can create
//! new matches ("long -term" fixed inside a phrase another rule knows), so
//! the engine runs again on the result, at most [`MAX_PASSES`] times.

mod recheck;

use crate::engine::{Engine, Finding};
use crate::rule::{Applicability, RuleId};
use crate::source::LineIndex;
use recheck::ParagraphFindings;
use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::ops::Range;

/// How many check-and-edit passes `fix` makes at most. Real packs settle in
/// two; a pack whose rules undo each other (a -> b, b -> a) stops here.
pub const MAX_PASSES: usize = 8;

/// One replacement of a byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The bytes replaced, in the text the edit applies to.
    pub span: Range<usize>,
    /// What replaces them.
    pub replacement: String,
    /// Index of the rule whose fix it is (see [`crate::engine::Engine::rule`]).
    pub rule: RuleId,
}

/// Whether a finding's fix may be applied: it has one, and it is safe, or
/// unsafe and `unsafe_fixes` allows suggestions too; display-only advice
/// never is. (Applicability is decided per finding by the engine.)
pub fn is_fixable(finding: &Finding, unsafe_fixes: bool) -> bool {
    match finding.applicability() {
        Some(Applicability::Safe) => true,
        Some(Applicability::Unsafe) => unsafe_fixes,
        Some(Applicability::DisplayOnly) | None => false,
    }
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
        .filter(|f| is_fixable(f, unsafe_fixes))
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
            replacement: f.replacements()[0].clone(),
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

/// Applies the (sorted, non-overlapping) edits to `text` where it lies,
/// so that a pass holds one copy of the text, not two: the text is first
/// moved right by what the edits add, then written left to right, which
/// never overtakes what is still to be read.
pub(crate) fn apply_in_place(text: &mut String, edits: &[Edit]) {
    let added: usize = edits
        .iter()
        .map(|e| e.replacement.len().saturating_sub(e.span.len()))
        .sum();
    let mut bytes = std::mem::take(text).into_bytes();
    let old_len = bytes.len();
    // Exact: a doubled buffer for a few added bytes would be a second copy.
    bytes.reserve_exact(added);
    bytes.resize(old_len + added, 0);
    bytes.copy_within(..old_len, added);
    let mut write = 0;
    let mut read = 0;
    let copy_to = |write: &mut usize, from: usize, to: usize, bytes: &mut Vec<u8>| {
        bytes.copy_within(added + from..added + to, *write);
        *write += to - from;
    };
    for edit in edits {
        copy_to(&mut write, read, edit.span.start, &mut bytes);
        bytes[write..write + edit.replacement.len()].copy_from_slice(edit.replacement.as_bytes());
        write += edit.replacement.len();
        read = edit.span.end;
    }
    copy_to(&mut write, read, old_len, &mut bytes);
    bytes.truncate(write);
    *text = String::from_utf8(bytes).expect("edits replace whole characters with UTF-8");
}

/// What fixing a text did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The fixed text.
    pub text: String,
    /// Edits applied over all passes.
    pub applied: usize,
    /// The edits of each pass, in the coordinates of that pass's input
    /// (the first pass's in the original text's).
    pub passes: Vec<Vec<Edit>>,
    /// Findings on the final text (none of them fixable under the options,
    /// unless the pass bound was hit).
    pub remaining: Vec<Finding>,
    /// Fixable findings of the first pass left out because a stronger edit
    /// overlapped them, with where they are in the original text.
    pub left_out: Vec<LeftOut>,
    /// Rules still producing edits when [`MAX_PASSES`] was reached; empty when the text settled.
    pub still_firing: Vec<RuleId>,
}

/// A fix that was left out, and its 1-based line and column (in
/// characters) in the original text, which the fix no longer holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// The finding, its span in the original text.
    pub finding: Finding,
    /// 1-based line of its start.
    pub line: usize,
    /// 1-based column (in characters) of its start.
    pub column: usize,
}

/// Fixes `text` to a fixpoint (or to the pass bound). After the first
/// pass, only the paragraphs that edits touched are searched again (see
/// `recheck`): the outcome is the same as checking the whole text on
/// every pass, as [`fix_text_with`] does.
///
/// The text is edited where it lies, so a caller that gives it away (a
/// `String`, not a `&str`) holds one copy of a large file, not two.
pub fn fix_text(engine: &Engine, text: impl Into<String>, unsafe_fixes: bool) -> Outcome {
    let mut paragraphs: Option<ParagraphFindings> = None;
    fix_passes(engine, text.into(), unsafe_fixes, |text, edited| {
        let paragraphs = match (paragraphs.as_mut(), edited) {
            (Some(found), Some(edits)) => {
                found.after_edits(engine, edits, text);
                found
            }
            _ => paragraphs.insert(ParagraphFindings::of(engine, text)),
        };
        paragraphs.complete(engine, text)
    })
}

/// Fixes `text` to a fixpoint with `check` finding what to fix on each
/// pass, in the whole text: the engine itself, or the engine behind a file
/// format's mask (see `markup::fix_document`).
pub fn fix_text_with(
    engine: &Engine,
    text: impl Into<String>,
    unsafe_fixes: bool,
    check: impl Fn(&str) -> Vec<Finding>,
) -> Outcome {
    fix_passes(engine, text.into(), unsafe_fixes, |text, _| check(text))
}

/// The fixpoint loop. `findings(text, edits)` gives the findings of `text`,
/// which is the previous text with `edits` applied (`None` on the first pass).
fn fix_passes(
    engine: &Engine,
    mut text: String,
    unsafe_fixes: bool,
    mut findings_of: impl FnMut(&str, Option<&[Edit]>) -> Vec<Finding>,
) -> Outcome {
    let mut applied = 0;
    let mut passes: Vec<Vec<Edit>> = Vec::new();
    let mut first_left_out: Option<Vec<LeftOut>> = None;
    for _ in 0..MAX_PASSES {
        let findings = findings_of(&text, passes.last().map(Vec::as_slice));
        let (edits, left_out) = choose_edits(engine, &findings, unsafe_fixes);
        if edits.is_empty() {
            return Outcome {
                text,
                applied,
                passes,
                remaining: findings,
                left_out: first_left_out.unwrap_or_default(),
                still_firing: Vec::new(),
            };
        }
        if first_left_out.is_none() {
            first_left_out = Some(placed(&text, left_out));
        }
        applied += edits.len();
        apply_in_place(&mut text, &edits);
        passes.push(edits);
    }
    let findings = findings_of(&text, passes.last().map(Vec::as_slice));
    let (edits, _) = choose_edits(engine, &findings, unsafe_fixes);
    let mut still_firing: Vec<RuleId> = edits.iter().map(|e| e.rule).collect();
    still_firing.sort_unstable();
    still_firing.dedup();
    Outcome {
        text,
        applied,
        passes,
        remaining: findings,
        left_out: first_left_out.unwrap_or_default(),
        still_firing,
    }
}

/// The left-out findings with their places in `text`, the text they were
/// found in, taken before the edits change it.
fn placed(text: &str, left_out: Vec<&Finding>) -> Vec<LeftOut> {
    if left_out.is_empty() {
        return Vec::new();
    }
    let lines = LineIndex::new(text);
    left_out
        .into_iter()
        .map(|finding| {
            let (line, column) = lines.position_in(text, finding.span.start);
            LeftOut {
                finding: finding.clone(),
                line,
                column,
            }
        })
        .collect()
}

/// Maps a byte range of a pass's input to the range of its output that
/// replaced it. A range that an edit overlaps grows to cover the whole edit.
pub(crate) fn map_forward(span: &Range<usize>, edits: &[Edit]) -> Range<usize> {
    // Edits never overlap each other, so one pass finds every edit the range
    // overlaps, and growing the range cannot make it overlap another.
    let (mut start, mut end) = (span.start, span.end);
    for e in edits {
        if e.span.start < span.end && e.span.end > span.start {
            start = start.min(e.span.start);
            end = end.max(e.span.end);
        }
    }
    let shift = |at: usize| -> isize {
        edits
            .iter()
            .filter(|e| e.span.end <= at && !(e.span.is_empty() && e.span.start == at))
            .map(|e| e.replacement.len() as isize - e.span.len() as isize)
            .sum()
    };
    let new_start = (start as isize + shift(start)) as usize;
    let new_end = (end as isize + shift(end)) as usize;
    new_start..new_end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{TestPack, TestRule};

    /// Two safe fixes, one inside the other, and an unsafe one.
    fn engine() -> Engine {
        TestPack::new("test")
            .rule(TestRule::long_term_spacing())
            .rule(
                TestRule::phrase("long", "long -term perspective")
                    .replace("long-term view")
                    .safe()
                    .level("error"),
            )
            .rule(
                TestRule::phrase("unsafe", "maintain multilateralism")
                    .replace("uphold multilateralism"),
            )
            .engine()
    }

    #[test]
    fn ranges_follow_the_edits() {
        let edit = |a: usize, b: usize, r: &str| Edit {
            span: a..b,
            replacement: r.into(),
            rule: RuleId::new(0),
        };
        // "XI said long -term" -> "Xi said long-term"
        let edits = [edit(0, 2, "Xi"), edit(8, 18, "long-term")];
        assert_eq!(map_forward(&(3..7), &edits), 3..7);
        assert_eq!(map_forward(&(8..18), &edits), 8..17);
        assert_eq!(map_forward(&(13..18), &edits), 8..17);
        assert_eq!(map_forward(&(0..7), &edits), 0..7);
    }

    #[test]
    fn edits_in_place_give_what_a_copy_gives() {
        let edit = |a: usize, b: usize, r: &str| Edit {
            span: a..b,
            replacement: r.into(),
            rule: RuleId::new(0),
        };
        let text = "UN met; é XI said; the UN; end";
        let cases = [
            vec![edit(0, 2, "United Nations (UN)"), edit(24, 26, "")],
            vec![
                edit(0, 2, ""),
                edit(11, 13, "Xi"),
                edit(24, 26, "United Nations (UN)"),
            ],
            vec![edit(3, 3, "+"), edit(30, 30, "!")],
            vec![edit(0, 30, "")],
            vec![],
        ];
        for edits in cases {
            let mut in_place = text.to_string();
            apply_in_place(&mut in_place, &edits);
            assert_eq!(in_place, apply(text, &edits), "{edits:?}");
        }
    }

    #[test]
    fn the_longer_span_wins_and_the_other_is_reported() {
        let engine = engine();
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
        let engine = engine();
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
        let engine = TestPack::new("test")
            .rules(TestRule::undoing_each_other())
            .engine();
        let outcome = fix_text(&engine, "alpha", false);
        assert_eq!(outcome.still_firing.len(), 1);
        assert_eq!(outcome.applied, MAX_PASSES);
    }

    #[test]
    fn fixes_that_create_new_matches_are_followed() {
        let spacing = TestRule::pattern("spacing", r"(\w) -(\w)")
            .replace("$1-$2")
            .safe()
            .example("anti -fascist", "anti-fascist");
        let name = TestRule::phrase("name", "world anti-fascist war")
            .replace("World Anti-Fascist War")
            .safe();
        let engine = TestPack::new("test").rule(spacing).rule(name).engine();
        let outcome = fix_text(&engine, "the world anti -fascist war", false);
        assert_eq!(outcome.text, "the World Anti-Fascist War");
        assert!(outcome.still_firing.is_empty());
    }
}
