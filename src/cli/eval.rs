//! `calque eval GOLD [TEXT]`: score the loaded packs against a gold annotation.

use super::settings::Settings;
use super::{Status, output};
use crate::report::{Format, count};
use anyhow::{Result, anyhow};
use calque_core::engine::Engine;
use calque_core::eval::{self, GoldError, GoldKeep, TextScore, Tier, Totals};
use calque_core::eval_clean::{self, CleanScore, CleanTotals};
use calque_core::eval_floor;
use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// What `calque eval` was asked to score.
pub struct Request<'a> {
    pub gold: Option<&'a Path>,
    pub text: Option<&'a Path>,
    pub clean: &'a [PathBuf],
    pub right_edits: Option<&'a Path>,
    pub floor: Option<&'a Path>,
    /// Figures only: nothing of a text's content is printed (a held-out set
    /// stays unread by the people who write rules).
    pub totals_only: bool,
}

/// Exit 1 when a figure falls below the floor.
pub fn run(engine: &Engine, options: &Settings, request: &Request) -> Result<Status> {
    let floor_met = evaluate(engine, options, request)?;
    Ok(Status {
        error: false,
        found: !floor_met,
    })
}

/// The gold file's figures: its label, the totals, each text's score.
struct GoldRun {
    label: String,
    totals: Totals,
    scores: Vec<(String, TextScore)>,
}

/// Scores, prints, and checks the floor; `Ok(false)` when a floor is missed.
fn evaluate(engine: &Engine, options: &Settings, request: &Request) -> Result<bool> {
    let floor = match request.floor {
        Some(path) => {
            let label = path.display().to_string();
            let text =
                fs::read_to_string(path).map_err(|e| anyhow!("{label}: cannot read: {e}"))?;
            Some(eval_floor::parse(&label, &text)?)
        }
        None => None,
    };
    let gold = match request.gold {
        Some(gold) => Some(score_gold(engine, options, gold, request.text)?),
        None => None,
    };
    let clean = score_clean(engine, options, request.clean, request.right_edits)?;
    let clean_totals =
        (!request.clean.is_empty()).then(|| CleanTotals::of(clean.iter().map(|(_, s)| s)));

    // Other formats were refused before anything was read (`formats`).
    if options.format == Format::Json {
        let mut report = serde_json::Map::new();
        if let Some(g) = &gold {
            report.insert("gold".into(), g.label.clone().into());
            report.insert("totals".into(), serde_json::json!(g.totals));
            if !request.totals_only {
                report.insert(
                    "texts".into(),
                    g.scores
                        .iter()
                        .map(|(name, s)| serde_json::json!({"path": name, "score": s}))
                        .collect(),
                );
            }
        }
        if let Some(t) = &clean_totals {
            let mut report_clean = serde_json::Map::new();
            report_clean.insert("totals".into(), serde_json::json!(t));
            if !request.totals_only {
                report_clean.insert(
                    "texts".into(),
                    clean
                        .iter()
                        .map(|(name, s)| serde_json::json!({"path": name, "score": s}))
                        .collect(),
                );
            }
            report.insert("clean".into(), report_clean.into());
        }
        output::to_stdout(|out| {
            serde_json::to_writer_pretty(&mut *out, &report).map_err(io::Error::from)?;
            writeln!(out)
        })?;
    } else {
        output::to_stdout(|out| {
            if let Some(g) = &gold {
                print_human(
                    out,
                    &g.label,
                    &g.totals,
                    g.scores.len(),
                    listed(request, &g.scores),
                )?;
            }
            if let Some(t) = &clean_totals {
                if gold.is_some() {
                    writeln!(out)?;
                }
                print_clean(out, t, listed(request, &clean))?;
            }
            Ok(())
        })?;
    }
    let Some(floor) = floor else {
        return Ok(true);
    };
    let misses = eval_floor::misses(
        &floor,
        gold.as_ref().map(|g| &g.totals),
        clean_totals.as_ref(),
    )?;
    for miss in &misses {
        eprintln!("calque: eval floor: {miss}");
    }
    Ok(misses.is_empty())
}

/// The texts whose errors, edits and findings are listed: none with
/// --totals-only.
fn listed<'s, T>(request: &Request, scores: &'s [T]) -> &'s [T] {
    if request.totals_only { &[] } else { scores }
}

fn score_gold(
    engine: &Engine,
    options: &Settings,
    gold_path: &Path,
    text_path: Option<&Path>,
) -> Result<GoldRun> {
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
    Ok(GoldRun {
        label,
        totals,
        scores,
    })
}

/// The --clean texts: each file named, or a directory's corpus texts
/// (sorted), scored against the right edits.
fn score_clean(
    engine: &Engine,
    options: &Settings,
    paths: &[PathBuf],
    right_edits: Option<&Path>,
) -> Result<Vec<(String, CleanScore)>> {
    let right = match right_edits {
        Some(path) => {
            let label = path.display().to_string();
            let text =
                fs::read_to_string(path).map_err(|e| anyhow!("{label}: cannot read: {e}"))?;
            eval_clean::parse_right_edits(&label, &text)?
        }
        None => Vec::new(),
    };
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries =
                fs::read_dir(path).map_err(|e| anyhow!("{}: cannot read: {e}", path.display()))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && is_corpus_text(p))
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    let mut scores = Vec::new();
    for path in files {
        let name = path.display().to_string();
        let text = fs::read(&path)
            .map_err(|e| anyhow!("{name}: cannot read: {e}"))
            .and_then(|b| calque_core::source::decode(b).map_err(|e| anyhow!("{name}: {e}")))?;
        let file_name = path
            .file_name()
            .map_or(String::new(), |f| f.to_string_lossy().into_owned());
        let score = eval_clean::score(engine, &file_name, &text, &right, options.unsafe_fixes);
        scores.push((name, score));
    }
    Ok(scores)
}

/// A directory's corpus texts: its .txt and .md files, but not the
/// README.md and SOURCES.md that describe the corpus.
fn is_corpus_text(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let text = name.ends_with(".txt") || name.ends_with(".md");
    text && name != "README.md" && name != "SOURCES.md"
}

fn print_clean(
    out: &mut dyn Write,
    t: &CleanTotals,
    scores: &[(String, CleanScore)],
) -> io::Result<()> {
    writeln!(
        out,
        "clean texts    {} ({:.2} MB)",
        t.texts,
        t.bytes as f64 / 1e6
    )?;
    writeln!(
        out,
        "edits          {} ({} right: listed real typos, {} wrong; {} listed typos not fixed)",
        t.edits, t.right_edits, t.wrong_edits, t.missed_right_edits
    )?;
    writeln!(
        out,
        "findings/MB    {:.2} warning-or-error (error {:.2}, warning {:.2}, info {:.2}; counts {} / {} / {})",
        t.warning_or_error_per_mb,
        t.error_per_mb,
        t.warning_per_mb,
        t.info_per_mb,
        t.findings.error,
        t.findings.warning,
        t.findings.info
    )?;
    writeln!(
        out,
        "false/MB       {:.2} warning-or-error on no listed typo (counts {} / {} / {})",
        t.false_warning_or_error_per_mb,
        t.false_findings.error,
        t.false_findings.warning,
        t.false_findings.info
    )?;
    for (name, s) in scores {
        for e in &s.edits {
            writeln!(
                out,
                "  {name}:{}: {} [{}] {:?} -> {:?} in {:?}",
                e.line,
                if e.right { "right" } else { "WRONG" },
                e.rule,
                e.matched,
                e.replacement,
                e.snippet
            )?;
        }
        for m in &s.missed_right_edits {
            writeln!(out, "  {name}: listed typo not fixed: {m:?}")?;
        }
    }
    Ok(())
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "n/a".to_string()
    } else {
        format!("{:.1}%", 100.0 * part as f64 / whole as f64)
    }
}

/// The totals of `texts` texts, then the misses of each of `scores`.
fn print_human(
    out: &mut dyn Write,
    label: &str,
    t: &Totals,
    texts: usize,
    scores: &[(String, TextScore)],
) -> io::Result<()> {
    writeln!(out, "gold: {label} ({})", count(texts, "text"))?;
    writeln!(
        out,
        "flagged        core {}/{} ({}), hard {}/{} ({})",
        t.core_flagged,
        t.core,
        percent(t.core_flagged, t.core),
        t.hard_flagged,
        t.hard,
        percent(t.hard_flagged, t.hard)
    )?;
    writeln!(
        out,
        "fixed exactly  {}/{} safe errors ({})",
        t.safe_fixed_exactly,
        t.safe,
        percent(t.safe_fixed_exactly, t.safe)
    )?;
    writeln!(
        out,
        "false edits    {} outside gold spans or on keep spans ({} on keep spans)",
        t.false_edits, t.false_edits_on_keep
    )?;
    writeln!(out, "stray findings {} on no gold span", t.stray_findings)?;
    for (name, s) in scores {
        let missed: Vec<_> = s
            .errors
            .iter()
            .filter(|r| !r.flagged && r.gold.tier == Tier::Core)
            .collect();
        if !missed.is_empty() {
            writeln!(out, "\n{name}: core errors not flagged:")?;
            for r in missed {
                writeln!(
                    out,
                    "  line {}: {:?} (expected {:?})",
                    r.gold.line,
                    r.gold.text,
                    r.gold.fix.first().map_or("", String::as_str)
                )?;
            }
        }
        let inexact: Vec<_> = s
            .errors
            .iter()
            .filter(|r| r.fixed_exactly == Some(false))
            .collect();
        if !inexact.is_empty() {
            writeln!(out, "\n{name}: safe errors not fixed to a gold fix:")?;
            for r in inexact {
                writeln!(
                    out,
                    "  line {}: {:?} became {:?} (gold: {:?})",
                    r.gold.line,
                    r.gold.text,
                    r.fixed_to.as_deref().unwrap_or(""),
                    r.gold.fix
                )?;
            }
        }
        if !s.false_edits.is_empty() {
            writeln!(out, "\n{name}: false edits:")?;
            for e in &s.false_edits {
                writeln!(
                    out,
                    "  line {}: [{}] {:?} -> {:?}{}",
                    e.line,
                    e.rule,
                    e.matched,
                    e.replacement.as_deref().unwrap_or(""),
                    if e.on_keep { " (keep span)" } else { "" }
                )?;
            }
        }
        if !s.stray_findings.is_empty() {
            writeln!(out, "\n{name}: findings on no gold span:")?;
            for e in &s.stray_findings {
                writeln!(
                    out,
                    "  line {}: [{}] {:?}{}",
                    e.line,
                    e.rule,
                    e.matched,
                    if e.on_keep { " (keep span)" } else { "" }
                )?;
            }
        }
    }
    Ok(())
}
