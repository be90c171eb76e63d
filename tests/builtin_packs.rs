//! The built-in packs pass their own examples, the way `calque test` runs
//! them, so a broken rule fails `cargo test` and CI.

use calque_core::pack;
use calque_core::selftest;

#[test]
fn every_builtin_rule_passes_its_examples() {
    let packs = pack::builtin().unwrap_or_else(|e| panic!("{e}"));
    let summary = selftest::test_packs(&packs);
    let report: Vec<String> = summary.failures.iter().map(ToString::to_string).collect();
    assert!(
        report.is_empty(),
        "{} failing examples:\n{}",
        report.len(),
        report.join("\n")
    );
}

/// Start-up loads the built-in packs without parsing their regexes
/// (`Validation::Deferred`); loading them as a user's pack is loaded
/// parses and compiles every pattern and context condition and checks
/// every replacement's groups, so none can fail on first use.
#[test]
fn every_builtin_pack_passes_full_validation() {
    for (file, text) in pack::BUILTIN_PACKS {
        let deferred = pack::load_with(file, text, pack::Validation::Deferred)
            .unwrap_or_else(|e| panic!("{e}"));
        let full = pack::load(file, text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(deferred.rules.len(), full.rules.len(), "{file}");
    }
}

#[test]
fn every_builtin_rule_documents_itself() {
    let packs = pack::builtin().unwrap_or_else(|e| panic!("{e}"));
    let mut missing = Vec::new();
    for def in packs.iter().flat_map(|p| &p.rules) {
        let rule = &def.rule;
        if rule.ok.is_empty() && rule.ok_pairs.is_empty() {
            missing.push(format!("{}: no `ok` case", rule.id));
        }
        if rule.rationale.as_deref().is_none_or(str::is_empty) {
            missing.push(format!("{}: no `rationale`", rule.id));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
