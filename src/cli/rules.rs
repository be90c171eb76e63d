//! `calque rules` and `calque test`.

use super::packs::{self, Loaded};
use super::{Options, Status};
use anyhow::{Result, bail};
use calque_core::pack::Pack;
use calque_core::rule::Rule;
use calque_core::selftest;
use calque_core::suggest;
use std::io::{self, BufWriter, Write};
use std::path::Path;

pub fn list_or_explain(loaded: &Loaded, options: &Options, id: Option<&str>) -> Result<Status> {
    let style = options.color.for_stdout();
    let rules = loaded.engine.rules();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let Some(id) = id else {
        let width = rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
        for r in rules {
            let _ = writeln!(
                out,
                "{:<width$}  {:<7}  {:<6}  {}",
                style.bold(&r.id),
                r.level.as_str(),
                if r.safe { "safe" } else { "unsafe" },
                r.message,
                width = width + if style.on { 8 } else { 0 },
            );
        }
        let _ = out.flush();
        eprintln!("{} rules in {} packs.", rules.len(), loaded.packs.len());
        return Ok(Status::default());
    };
    let Some(rule) = rules.iter().find(|r| r.id == id) else {
        bail!(
            "no rule `{id}`{}",
            suggest::did_you_mean(id, rules.iter().map(|r| r.id.as_str()))
        );
    };
    let _ = explain(&mut out, rule);
    let _ = out.flush();
    Ok(Status::default())
}

fn explain(out: &mut impl Write, rule: &Rule) -> io::Result<()> {
    writeln!(out, "{}", rule.id)?;
    writeln!(out, "  {}", rule.message)?;
    writeln!(
        out,
        "  level: {}, {}, matches by {}",
        rule.level,
        if rule.safe {
            "safe fix (applied by `calque fix`)"
        } else {
            "suggestion (applied with --unsafe)"
        },
        rule.kind
    )?;
    if let Some(r) = &rule.rationale {
        writeln!(out, "\nWhy:\n  {r}")?;
    }
    if let Some(r) = &rule.reference {
        writeln!(out, "\nReference:\n  {r}")?;
    }
    writeln!(out, "\nExamples:")?;
    for e in &rule.examples {
        match &e.good {
            Some(good) => writeln!(out, "  - {:?}\n    → {:?}", e.bad, good)?,
            None => writeln!(out, "  - {:?} (flagged)", e.bad)?,
        }
    }
    if !rule.ok.is_empty() {
        writeln!(out, "\nNot flagged:")?;
        for ok in &rule.ok {
            writeln!(out, "  - {ok:?}")?;
        }
    }
    Ok(())
}

/// Runs the examples of the named packs (names of loaded packs, or pack
/// files), or of every loaded pack.
pub fn test(loaded: &Loaded, names: &[String]) -> Result<Status> {
    let mut extra: Vec<Pack> = Vec::new();
    let mut chosen: Vec<&Pack> = Vec::new();
    for name in names {
        if Path::new(name).is_file() {
            extra.push(packs::load_file(Path::new(name))?);
        } else if let Some(p) = loaded.packs.iter().find(|p| p.name == *name) {
            chosen.push(p);
        } else {
            bail!(
                "no loaded pack `{name}` and no such file{}",
                suggest::did_you_mean(name, loaded.packs.iter().map(|p| p.name.as_str()))
            );
        }
    }
    if names.is_empty() {
        chosen.extend(loaded.packs.iter());
    }
    chosen.extend(extra.iter());
    let summary = selftest::test_packs(chosen.iter().copied());
    for failure in &summary.failures {
        println!("{failure}");
    }
    println!(
        "{} rules, {} examples: {} passed, {} failed",
        summary.rules,
        summary.checks,
        summary.passed(),
        summary.failures.len()
    );
    Ok(Status {
        error: false,
        found: !summary.failures.is_empty(),
    })
}
