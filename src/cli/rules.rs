//! `calque rules` and `calque test`.

use super::packs::{self, Loaded};
use super::settings::Settings;
use super::{Status, output};
use crate::report::{Format, count};
use anyhow::{Result, bail};
use calque_core::pack::{Matcher, Pack};
use calque_core::rule::{Level, Rule};
use calque_core::selftest;
use calque_core::suggest;
use serde::Serialize;
use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::Path;

pub fn list_or_explain(loaded: &Loaded, options: &Settings, id: Option<&str>) -> Result<Status> {
    let rules = loaded.engine.rules();
    let json = options.format == Format::Json;
    let Some(id) = id else {
        return list(options, rules.iter().collect(), json);
    };
    if let Some(rule) = rules.iter().find(|r| r.id == id) {
        let names = glossary_names(loaded, id);
        return if json {
            output::to_stdout(|out| write_json(out, &[rule]))
        } else {
            output::to_stdout(|out| explain(out, rule, &names))
        };
    }
    // A pack's name lists that pack's rules (those left after --select and
    // --ignore).
    if loaded.packs.iter().any(|p| p.name == id) {
        return list(
            options,
            rules.iter().filter(|r| r.pack == id).collect(),
            json,
        );
    }
    let known = loaded
        .packs
        .iter()
        .map(|p| p.name.as_str())
        .chain(rules.iter().map(|r| r.id.as_str()));
    bail!("no pack or rule `{id}`{}", suggest::did_you_mean(id, known));
}

/// Prints `rules` one a line (or as JSON), and how many there are, in how
/// many packs, on stderr.
fn list(options: &Settings, rules: Vec<&Rule>, json: bool) -> Result<Status> {
    let status = if json {
        output::to_stdout(|out| write_json(out, &rules))
    } else {
        let style = options.color.for_stdout();
        output::to_stdout(|out| {
            let width = rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
            for r in &rules {
                writeln!(
                    out,
                    "{:<width$}  {:<7}  {:<6}  {}",
                    style.bold(&r.id),
                    r.level.as_str(),
                    if r.applicability.is_safe() {
                        "safe"
                    } else {
                        "unsafe"
                    },
                    r.message,
                    width = width + if style.on { 8 } else { 0 },
                )?;
            }
            Ok(())
        })
    }?;
    if !json {
        let packs: BTreeSet<&str> = rules.iter().map(|r| r.pack.as_str()).collect();
        eprintln!(
            "{} in {}.",
            count(rules.len(), "rule"),
            count(packs.len(), "pack")
        );
    }
    Ok(status)
}

/// One JSON object per rule: what a script needs to pick rules.
#[derive(Serialize)]
struct RuleJson<'r> {
    id: &'r str,
    pack: &'r str,
    level: Level,
    safe: bool,
    message: &'r str,
    kind: &'r str,
}

fn write_json(out: &mut dyn Write, rules: &[&Rule]) -> io::Result<()> {
    let list: Vec<RuleJson> = rules
        .iter()
        .map(|r| RuleJson {
            id: &r.id,
            pack: &r.pack,
            level: r.level,
            safe: r.applicability.is_safe(),
            message: &r.message,
            kind: r.kind,
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &list).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// The names a glossary rule knows (canonical name, then its accepted
/// variants and the foreign spellings it corrects), one entry a line.
fn glossary_names(loaded: &Loaded, id: &str) -> Vec<String> {
    let Some(def) = loaded
        .packs
        .iter()
        .flat_map(|p| p.rules.iter())
        .find(|d| d.rule.id == id)
    else {
        return Vec::new();
    };
    let Matcher::Glossary(entries) = &def.matcher else {
        return Vec::new();
    };
    entries
        .iter()
        .map(|e| {
            let mut line = e.name.clone();
            if !e.variants.is_empty() {
                line.push_str(&format!(" (also right: {})", e.variants.join(", ")));
            }
            if !e.foreign.is_empty() {
                line.push_str(&format!(" (corrects: {})", e.foreign.join(", ")));
            }
            line
        })
        .collect()
}

fn explain(out: &mut dyn Write, rule: &Rule, names: &[String]) -> io::Result<()> {
    writeln!(out, "{}", rule.id)?;
    writeln!(out, "  {}", rule.message)?;
    writeln!(
        out,
        "  level: {}, {}, matches by {}",
        rule.level,
        if rule.applicability.is_safe() {
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
    if !names.is_empty() {
        writeln!(out, "\nNames ({}):", names.len())?;
        for name in names {
            writeln!(out, "  - {name}")?;
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
    output::to_stdout(|out| {
        for failure in &summary.failures {
            writeln!(out, "{failure}")?;
        }
        writeln!(
            out,
            "{}, {}: {} passed, {} failed",
            count(summary.rules, "rule"),
            count(summary.checks, "example"),
            summary.passed(),
            summary.failures.len()
        )
    })?;
    Ok(Status {
        error: false,
        found: !summary.failures.is_empty(),
    })
}
