//! False positives: well-edited native English (fixtures/clean/, see its
//! SOURCES.md) must come through the built-in packs untouched.
//!
//! The documented bar (docs/eval.md): `fix` changes nothing, even with
//! `--unsafe`; no finding at level error; at most one finding of any level
//! per 200 KB.

use calque_core::engine::Engine;
use calque_core::{fix, pack};
use std::fs;
use std::path::PathBuf;

fn builtin_engine() -> Engine {
    let packs = pack::builtin().unwrap_or_else(|e| panic!("{e}"));
    Engine::new(packs.into_iter().flat_map(|p| p.rules).collect()).unwrap()
}

fn clean_texts() -> Vec<(PathBuf, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/clean");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect()
}

#[test]
fn the_clean_corpus_is_at_least_a_megabyte() {
    let total: usize = clean_texts().iter().map(|(_, t)| t.len()).sum();
    assert!(total >= 1 << 20, "{total} bytes");
}

#[test]
fn fix_changes_nothing_in_clean_english() {
    let engine = builtin_engine();
    for (path, text) in clean_texts() {
        let outcome = fix::fix_text(&engine, &text, true);
        if outcome.text != text {
            let edits: Vec<String> = outcome.passes[0]
                .iter()
                .take(10)
                .map(|e| {
                    format!(
                        "{} {:?} -> {:?}",
                        engine.rule(e.rule).id,
                        &text[e.span.clone()],
                        e.replacement
                    )
                })
                .collect();
            panic!("{} changed:\n{}", path.display(), edits.join("\n"));
        }
    }
}

#[test]
fn findings_in_clean_english_stay_under_the_documented_rate() {
    let engine = builtin_engine();
    let mut bytes = 0;
    let mut findings = Vec::new();
    for (path, text) in clean_texts() {
        bytes += text.len();
        for f in engine.check(&text) {
            let rule = engine.rule(f.rule);
            findings.push((
                path.display().to_string(),
                rule.id.clone(),
                rule.level,
                text[f.span].to_string(),
            ));
        }
    }
    let errors: Vec<_> = findings
        .iter()
        .filter(|f| f.2 == calque_core::rule::Level::Error)
        .collect();
    assert!(errors.is_empty(), "errors on clean English: {errors:#?}");
    let allowed = bytes / (200 << 10);
    assert!(
        findings.len() <= allowed,
        "{} findings in {bytes} bytes (allowed {allowed}): {findings:#?}",
        findings.len()
    );
}
