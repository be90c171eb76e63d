//! The properties every check and fix must keep, on any text and any pack.
//! Shared by the fuzz targets (fuzz/fuzz_targets/*), the fuzz regression
//! test and the proptest suite, so that all three assert the same thing.
//! Each check panics with a description of what broke.
#![allow(dead_code)] // each user takes what it needs

use calque_core::engine::{Engine, Finding};
use calque_core::fix::{self, Edit, MAX_PASSES};

/// Findings lie inside the text, on character boundaries, are not empty,
/// name a loaded rule and come sorted by position.
pub fn assert_findings_well_formed(engine: &Engine, text: &str, findings: &[Finding]) {
    for f in findings {
        assert!(
            f.span.start < f.span.end && f.span.end <= text.len(),
            "finding {:?} out of bounds (text is {} bytes)",
            f.span,
            text.len()
        );
        assert!(
            text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end),
            "finding {:?} splits a character",
            f.span
        );
        assert!(
            f.rule.index() < engine.rules().len(),
            "unknown rule {:?}",
            f.rule
        );
    }
    assert!(
        findings
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start),
        "findings are not sorted by position"
    );
}

/// Edits are sorted, do not overlap and lie inside the text on character boundaries.
pub fn assert_edits_well_formed(text: &str, edits: &[Edit]) {
    let mut end = 0;
    for e in edits {
        assert!(
            e.span.start >= end,
            "edit {:?} overlaps the one before",
            e.span
        );
        assert!(e.span.end <= text.len(), "edit {:?} out of bounds", e.span);
        assert!(
            text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end),
            "edit {:?} splits a character",
            e.span
        );
        end = e.span.end;
    }
}

/// `output` is `original` with each edit's span replaced by its replacement,
/// and every byte outside the edits where it was, in order.
pub fn assert_only_edits_changed(original: &str, edits: &[Edit], output: &str) {
    let (mut read, mut written) = (0, 0);
    for e in edits {
        let kept = &original[read..e.span.start];
        assert_eq!(
            output.get(written..written + kept.len()),
            Some(kept),
            "bytes {read}..{} outside every edit were changed",
            e.span.start
        );
        written += kept.len();
        assert_eq!(
            output.get(written..written + e.replacement.len()),
            Some(e.replacement.as_str()),
            "edit {:?} was not applied as chosen",
            e.span
        );
        written += e.replacement.len();
        read = e.span.end;
    }
    assert_eq!(
        &output[written..],
        &original[read..],
        "the bytes after the last edit were changed"
    );
}

/// Every property of `check` then `fix` on `text`:
/// - findings and edits are well formed in every pass;
/// - each pass changes only the bytes of its edits;
/// - `fix_text` gives the text those passes give;
/// - unless the pass bound was hit, fixing the output again changes
///   nothing and `check` finds nothing fixable left in it.
///
/// Returns the fixed text.
pub fn assert_check_and_fix(engine: &Engine, text: &str, unsafe_fixes: bool) -> String {
    let mut current = text.to_string();
    for _ in 0..MAX_PASSES {
        let findings = engine.check(&current);
        assert_findings_well_formed(engine, &current, &findings);
        let (edits, _) = fix::choose_edits(engine, &findings, unsafe_fixes);
        if edits.is_empty() {
            break;
        }
        assert_edits_well_formed(&current, &edits);
        let next = fix::apply(&current, &edits);
        assert_only_edits_changed(&current, &edits, &next);
        current = next;
    }
    let outcome = fix::fix_text(engine, text, unsafe_fixes);
    assert_eq!(
        outcome.text, current,
        "fix_text differs from its passes replayed one by one"
    );
    if outcome.still_firing.is_empty() {
        let again = fix::fix_text(engine, &outcome.text, unsafe_fixes);
        assert_eq!(again.text, outcome.text, "fix is not idempotent");
        assert_eq!(again.applied, 0, "fixing the fixed text applied edits");
        let left = engine.check(&outcome.text);
        assert!(
            !left.iter().any(|f| fix::is_fixable(f, unsafe_fixes)),
            "check still finds fixable findings after fix"
        );
    }
    outcome.text
}

/// The `check_fix` fuzz target's body, shared with its regression test:
/// the first byte picks safe-only or all fixes, the rest is the input.
/// Bytes that are not text must be refused by `fix -` too; text must keep
/// every invariant, and `fix -` must give what `fix` gives on it.
pub fn check_fix_bytes(engine: &Engine, data: &[u8]) {
    let Some((&flags, bytes)) = data.split_first() else {
        return;
    };
    let unsafe_fixes = flags & 1 == 1;
    let decoded = calque_core::source::decode(bytes.to_vec());
    let mut streamed = Vec::new();
    let streamed_ok =
        calque::stream::fix_stream(engine, bytes, &mut streamed, unsafe_fixes).is_ok();
    let Ok(text) = decoded else {
        assert!(!streamed_ok, "fix - accepted what decode refused");
        return;
    };
    let fixed = assert_check_and_fix(engine, &text, unsafe_fixes);
    if text.len() < calque_core::engine::blocks::TARGET_BLOCK {
        // One piece: the stream fixer must give exactly what `fix` gives.
        assert!(streamed_ok, "fix - refused text that decode accepted");
        assert!(streamed == fixed.as_bytes(), "fix - differs from fix");
    }
}

/// The `pack_loader` fuzz target's body, shared with its regression test:
/// any text either loads as a pack or gives an error, never a panic; a pack
/// that loads compiles (or fails cleanly) and keeps every invariant on its
/// own examples.
pub fn load_pack_bytes(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(loaded) = calque_core::pack::load("fuzz.toml", text) else {
        return;
    };
    let samples: Vec<String> = loaded
        .rules
        .iter()
        .flat_map(|d| {
            d.rule
                .examples
                .iter()
                .flat_map(|e| std::iter::once(e.bad.clone()).chain(e.good.clone()))
                .chain(d.rule.ok.iter().cloned())
        })
        .take(16)
        .collect();
    let Ok(engine) = Engine::new(loaded.rules) else {
        return;
    };
    for sample in &samples {
        assert_check_and_fix(&engine, sample, true);
    }
}

/// The built-in packs plus tests/support/every-kind.toml, compiled: what
/// the `check_fix` fuzz target and its regression test run.
pub fn fuzz_engine() -> Engine {
    let mut packs = calque_core::pack::builtin().unwrap_or_else(|e| panic!("{e}"));
    let extra = include_str!("every-kind.toml");
    packs.push(calque_core::pack::load("every-kind.toml", extra).unwrap_or_else(|e| panic!("{e}")));
    Engine::new(packs.into_iter().flat_map(|p| p.rules).collect()).expect("the rules compile")
}
