//! `calque eval GOLD [TEXT]`: score the loaded packs against a gold annotation.

use super::{Options, Status};
use crate::report::Format;
use anyhow::{Result, anyhow, bail};
use calque_core::engine::Engine;
use calque_core::eval::{self, GoldError, GoldKeep, TextScore, Tier, Totals};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

pub fn run(
    engine: &Engine,
    options: &Options,
    gold_path: &Path,
    text_path: Option<&Path>,
) -> Result<Status> {
    let label = gold_path.display().to_string();
    let gold_text =
        fs::read_to_string(gold_path).map_err(|e| anyhow!("{label}: cannot read: {e}"))?;
    let gold = eval::parse_gold(&label, &gold_text)?;

    // Group the entries by the text they annotate: their `file` (relative to
    // the gold file), or the TEXT argument.
    let base = gold_path.parent().unwrap_or(Path::new("."));
    let resolve = |file: &Option<String>| -> Result<PathBuf> {
        match (file, text_path) {
            (Some(f), _) => Ok(base.join(f)),
            (None, Some(t)) => Ok(t.to_path_buf()),
            (None, None) => Err(anyhow!(
                "{label}: an entry has no `file`; name the annotated text: calque eval {label} TEXT"
            )),
        }
    };
    let mut by_text: BTreeMap<PathBuf, (Vec<&GoldError>, Vec<&GoldKeep>)> = BTreeMap::new();
    for e in &gold.error {
        by_text.entry(resolve(&e.file)?).or_default().0.push(e);
    }
    for k in &gold.keep {
        by_text.entry(resolve(&k.file)?).or_default().1.push(k);
    }

    let mut totals = Totals::default();
    let mut scores: Vec<(String, TextScore)> = Vec::new();
    for (path, (errors, keeps)) in &by_text {
        let name = path.display().to_string();
        let text = fs::read(path)
            .map_err(|e| anyhow!("{name}: cannot read: {e}"))
            .and_then(|b| calque_core::source::decode(b).map_err(|e| anyhow!("{name}: {e}")))?;
        let score = eval::score(engine, &text, errors, keeps, options.unsafe_fixes)
            .map_err(|e| anyhow!("{label}: {name}: {e}"))?;
        totals.add(&score);
        scores.push((name, score));
    }

    match options.format {
        Format::Json => {
            let report = serde_json::json!({
                "gold": label,
                "totals": totals,
                "texts": scores.iter().map(|(name, s)| serde_json::json!({"path": name, "score": s})).collect::<Vec<_>>(),
            });
            println!(
                "{}",
                serde_json::to_string_pretty(&report).expect("serialisable")
            );
        }
        Format::Human => print_human(&label, &totals, &scores),
        other => bail!(
            "{}",
            format!("eval prints human or json, not {other:?}").to_lowercase()
        ),
    }
    Ok(Status::default())
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "n/a".to_string()
    } else {
        format!("{:.1}%", 100.0 * part as f64 / whole as f64)
    }
}

fn print_human(label: &str, t: &Totals, scores: &[(String, TextScore)]) {
    println!("gold: {label} ({} texts)", scores.len());
    println!(
        "flagged        core {}/{} ({}), hard {}/{} ({})",
        t.core_flagged,
        t.core,
        percent(t.core_flagged, t.core),
        t.hard_flagged,
        t.hard,
        percent(t.hard_flagged, t.hard)
    );
    println!(
        "fixed exactly  {}/{} safe errors ({})",
        t.safe_fixed_exactly,
        t.safe,
        percent(t.safe_fixed_exactly, t.safe)
    );
    println!(
        "false edits    {} outside gold spans or on keep spans ({} on keep spans)",
        t.false_edits, t.false_edits_on_keep
    );
    println!("stray findings {} on no gold span", t.stray_findings);
    for (name, s) in scores {
        let missed: Vec<_> = s
            .errors
            .iter()
            .filter(|r| !r.flagged && r.gold.tier == Tier::Core)
            .collect();
        if !missed.is_empty() {
            println!("\n{name}: core errors not flagged:");
            for r in missed {
                println!(
                    "  line {}: {:?} (expected {:?})",
                    r.gold.line,
                    r.gold.text,
                    r.gold.fix.first().map_or("", String::as_str)
                );
            }
        }
        let inexact: Vec<_> = s
            .errors
            .iter()
            .filter(|r| r.fixed_exactly == Some(false))
            .collect();
        if !inexact.is_empty() {
            println!("\n{name}: safe errors not fixed to a gold fix:");
            for r in inexact {
                println!(
                    "  line {}: {:?} became {:?} (gold: {:?})",
                    r.gold.line,
                    r.gold.text,
                    r.fixed_to.as_deref().unwrap_or(""),
                    r.gold.fix
                );
            }
        }
        if !s.false_edits.is_empty() {
            println!("\n{name}: false edits:");
            for e in &s.false_edits {
                println!(
                    "  line {}: [{}] {:?} -> {:?}{}",
                    e.line,
                    e.rule,
                    e.matched,
                    e.replacement.as_deref().unwrap_or(""),
                    if e.on_keep { " (keep span)" } else { "" }
                );
            }
        }
        if !s.stray_findings.is_empty() {
            println!("\n{name}: findings on no gold span:");
            for e in &s.stray_findings {
                println!(
                    "  line {}: [{}] {:?}{}",
                    e.line,
                    e.rule,
                    e.matched,
                    if e.on_keep { " (keep span)" } else { "" }
                );
            }
        }
    }
}
