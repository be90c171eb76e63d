//! `calque test`: every rule's own examples are its tests.
//!
//! Each rule is run alone on its examples: every `bad` must be flagged and,
//! fixed with the rule's first replacement (safe or not), become exactly
//! `good`; no `ok` text may be flagged.

use crate::engine::Engine;
use crate::fix;
use crate::pack::{Pack, RuleDef};
use std::fmt;

/// One example that did not behave as its rule says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The file of the rule's pack.
    pub pack_file: String,
    /// The rule's id.
    pub rule: String,
    /// What went wrong.
    pub problem: String,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "FAIL {} ({}): {}",
            self.rule, self.pack_file, self.problem
        )
    }
}

/// Totals of a test run.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Rules tested.
    pub rules: usize,
    /// Examples and ok cases run.
    pub checks: usize,
    /// The cases that failed.
    pub failures: Vec<Failure>,
}

impl Summary {
    /// Cases that behaved as their rule says.
    pub fn passed(&self) -> usize {
        self.checks - self.failures.len()
    }
}

/// Runs every example and ok case of the packs' rules through an engine of
/// that rule alone.
pub fn test_packs<'p>(packs: impl IntoIterator<Item = &'p Pack>) -> Summary {
    let mut summary = Summary::default();
    for pack in packs {
        for def in &pack.rules {
            summary.rules += 1;
            summary.checks += def.rule.examples.len() + def.rule.ok.len() + def.rule.ok_pairs.len();
            summary.failures.extend(test_rule(def, &pack.file));
        }
    }
    summary
}

/// Runs one rule's examples and ok cases; the failures, empty when all pass.
pub(crate) fn test_rule(def: &RuleDef, pack_file: &str) -> Vec<Failure> {
    let fail = |problem: String| Failure {
        pack_file: pack_file.to_string(),
        rule: def.rule.id.clone(),
        problem,
    };
    let engine = match Engine::new(vec![def.clone()]) {
        Ok(engine) => engine,
        Err(e) => return vec![fail(e.to_string())],
    };
    if let crate::pack::Matcher::Check(check) | crate::pack::Matcher::Term(check) = &def.matcher {
        return test_bilingual(def, check).into_iter().map(fail).collect();
    }
    let mut failures = Vec::new();
    for (n, example) in def.rule.examples.iter().enumerate() {
        let n = n + 1;
        if engine.check(&example.bad).is_empty() {
            failures.push(fail(format!("example {n}: not flagged: {:?}", example.bad)));
            continue;
        }
        if let Some(good) = &example.good {
            let outcome = fix::fix_text(&engine, &example.bad, true);
            if &outcome.text != good {
                failures.push(fail(format!(
                    "example {n}: fixed to {:?}, expected {:?}",
                    outcome.text, good
                )));
            } else if !outcome.still_firing.is_empty() {
                failures.push(fail(format!(
                    "example {n}: the fix never settles (the rule keeps firing on its own output)"
                )));
            }
        }
    }
    for (n, ok) in def.rule.ok.iter().enumerate() {
        let findings = engine.check(ok);
        if let Some(f) = findings.first() {
            failures.push(fail(format!(
                "ok {}: flagged {:?} in {:?}",
                n + 1,
                &ok[f.span.clone()],
                ok
            )));
        }
    }
    failures
}

/// A bilingual rule's examples: each `bad` with its `source` must be
/// flagged and, fixed, become `good`; no `ok` pair may be flagged.
fn test_bilingual(def: &RuleDef, check: &crate::markup::bilingual::Check) -> Vec<String> {
    use crate::markup::bilingual::Unit;
    let unit = |source: &str, target: &str| {
        let mut unit = Unit {
            source: source.to_string(),
            span: 0..target.len(),
            ..Unit::default()
        };
        unit.push_verbatim(target, 0);
        unit
    };
    let mut problems = Vec::new();
    for (n, example) in def.rule.examples.iter().enumerate() {
        let n = n + 1;
        let source = example.source.as_deref().unwrap_or_default();
        let found = check.run(&unit(source, &example.bad));
        if found.is_empty() {
            problems.push(format!(
                "example {n}: not flagged: {:?} (source {source:?})",
                example.bad
            ));
            continue;
        }
        if let Some(good) = &example.good {
            let mut fixed = example.bad.clone();
            for p in found.iter().rev() {
                if let Some(r) = &p.replacement {
                    fixed.replace_range(p.range.clone(), r);
                }
            }
            if &fixed != good {
                problems.push(format!(
                    "example {n}: fixed to {fixed:?}, expected {good:?}"
                ));
            } else if !check.run(&unit(source, &fixed)).is_empty() {
                problems.push(format!("example {n}: still flagged once fixed: {fixed:?}"));
            }
        }
    }
    for (n, (source, target)) in def.rule.ok_pairs.iter().enumerate() {
        if let Some(p) = check.run(&unit(source, target)).first() {
            problems.push(format!(
                "ok {}: flagged {:?} ({}) in {target:?}",
                n + 1,
                &target[p.range.clone()],
                p.detail
            ));
        }
    }
    problems
}
