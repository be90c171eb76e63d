//! Safe means safe: ordinary English comes through `calque fix -` unchanged,
//! and the packs written for one source language report only in documents
//! translated from it (docs/rule-packs.md, "Source languages").

use assert_cmd::Command;
use std::path::PathBuf;

const ORDINARY: &str = "fixtures/ordinary/sentences.txt";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `calque` with the built-in packs and no config file.
fn calque(args: &[&str], stdin: &str) -> (String, i32) {
    let out = Command::cargo_bin("calque")
        .unwrap()
        .current_dir(root())
        .args(["--no-config", "--color=never"])
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    (stdout, out.status.code().unwrap())
}

fn ordinary() -> String {
    std::fs::read_to_string(root().join(ORDINARY)).unwrap()
}

#[test]
fn fix_changes_no_ordinary_sentence_whole_or_alone() {
    let text = ordinary();
    let fix = ["fix", "-"];
    assert_eq!(calque(&fix, &text).0, text, "the file as one stream");
    for line in text.lines() {
        let sentence = format!("{line}\n");
        assert_eq!(calque(&fix, &sentence).0, sentence);
    }
}

#[test]
fn the_ordinary_sentences_draw_at_most_three_findings() {
    let (json, _) = calque(&["check", "--format", "json", ORDINARY], "");
    let findings: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let rules: Vec<&str> = findings
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.len() <= 3, "{} findings: {rules:?}", rules.len());
}

/// A sentence that is a calque of 命运共同体 in a Chinese government text and
/// fine English elsewhere.
const AMBIGUOUS: &str = "They spoke of a community with a common future.\n";
const FIXED: &str = "They spoke of a community with a shared future.\n";

/// The evidence audit made shared-future-common and since-duration
/// suggestions (no two citations of real MT), so the gating of their packs
/// shows in `fix --unsafe`; plain `fix` leaves them alone everywhere.
const FIX_UNSAFE: [&str; 3] = ["--unsafe", "fix", "-"];

/// `args` then `fix --unsafe -`.
fn fix_unsafe<'a>(args: &[&'a str]) -> Vec<&'a str> {
    [args, &FIX_UNSAFE[..]].concat()
}

#[test]
fn a_chinese_pack_fixes_only_where_the_document_shows_chinese_evidence() {
    assert_eq!(calque(&FIX_UNSAFE, AMBIGUOUS).0, AMBIGUOUS, "no evidence");
    let chinese = format!("Beijing, May 2 (Xinhua) -- Wang Yi said so.\n{AMBIGUOUS}");
    let expected = format!("Beijing, May 2 (Xinhua) -- Wang Yi said so.\n{FIXED}");
    assert_eq!(calque(&FIX_UNSAFE, &chinese).0, expected, "evidence");
    assert_eq!(calque(&["fix", "-"], &chinese).0, chinese, "a suggestion");
    assert_eq!(calque(&fix_unsafe(&["--from", "zh"]), AMBIGUOUS).0, FIXED);
    assert_eq!(calque(&fix_unsafe(&["--from", "any"]), AMBIGUOUS).0, FIXED);
    assert_eq!(
        calque(&fix_unsafe(&["--from", "fr"]), &chinese).0,
        chinese,
        "--from fr turns the Chinese pack off, evidence or not"
    );
}

#[test]
fn a_french_pack_needs_french_evidence() {
    let text = "The committee met since three months, diplomats say.\n";
    assert_eq!(calque(&FIX_UNSAFE, text).0, text);
    let french = format!("« Nous verrons », a dit M. Barnier ; the talks went on.\n{text}");
    let (out, _) = calque(&FIX_UNSAFE, &french);
    assert!(out.contains("met for three months"), "{out}");
}

#[test]
fn one_finding_of_a_proof_rule_is_evidence_enough() {
    // "barrier gestures" is not English outside a translation from French:
    // its one finding opens the gate, where one French tell does not.
    let text = "Everyone must respect the barrier gestures.\n";
    let (out, _) = calque(&["check", "--format", "json", "-"], text);
    assert!(out.contains("fr-calques/barrier-gestures"), "{out}");
    let one_tell = "The committee met since three months : diplomats say.\n";
    let (out, _) = calque(&["check", "--format", "json", "-"], one_tell);
    assert!(!out.contains("fr-calques/"), "{out}");
}

#[test]
fn from_is_checked() {
    let (_, code) = calque(&["--from", "Chinese", "check", "-"], "text\n");
    assert_eq!(code, 2);
}

#[test]
fn the_house_style_pack_runs_only_when_asked_for() {
    let text = "China's role and Russia’s day and Iran's part.\n";
    let (json, _) = calque(&["check", "--format", "json", "-"], text);
    assert_eq!(json.trim(), "[]");
    for enable in [["--pack", "house-style"], ["--select", "house-style"]] {
        let mut args = enable.to_vec();
        args.extend(["check", "--format", "json", "-"]);
        let (json, _) = calque(&args, text);
        let findings: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
        assert_eq!(findings.len(), 1, "{args:?}: {json}");
        assert_eq!(findings[0]["rule"], "house-style/apostrophes");
    }
}
