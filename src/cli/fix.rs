//! `calque diff` and `calque fix`: the verbs that change text.

use super::inputs::{self, Input};
use super::progress::Progress;
use super::{Options, Status, report_error};
use crate::diff;
use crate::report::count;
use crate::report::style::Style;
use crate::stream;
use crate::write;
use anyhow::{Result, anyhow, bail};
use calque_core::engine::Engine;
use calque_core::fix::{self, MAX_PASSES};
use calque_core::markup;
use rayon::prelude::*;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

/// What fixing one input gave.
struct Fixed {
    label: String,
    /// The unified diff (for `diff`), empty when nothing changed.
    diff: String,
    applied: usize,
    remaining: usize,
    still_firing: Vec<usize>,
    /// Notes on fixes left out because a stronger fix overlapped them.
    left_out: Vec<String>,
    changed: bool,
}

/// Fixes one input in memory; `Ok(None)` when it is skipped (binary).
fn fix_one(
    engine: &Engine,
    input: &Input,
    options: &Options,
    want_diff: bool,
    write_back: bool,
) -> Result<Option<Fixed>> {
    let Some(inputs::Document { text, label, kind }) =
        inputs::read_document(input, options.stdin_filename.as_deref())?
    else {
        return Ok(None);
    };
    // What the file held, to make sure nothing changed it before it is
    // written; the text itself is kept only for a diff, so a fix holds one
    // copy of a large file.
    let original = write::Fingerprint::of(text.as_bytes());
    let (outcome, kept) = if want_diff {
        let outcome = markup::fix_document(engine, kind, text.as_str(), options.unsafe_fixes);
        (outcome, Some(text))
    } else {
        (
            markup::fix_document(engine, kind, text, options.unsafe_fixes),
            None,
        )
    };
    // Edits that undo each other over the passes leave the text as it was.
    let changed =
        outcome.applied > 0 && write::Fingerprint::of(outcome.text.as_bytes()) != original;
    // Fixable findings are gone after a settled fix; if the fixes did not
    // settle (rules undoing each other), they are left too, and count.
    let remaining = outcome
        .remaining
        .iter()
        .filter(|f| !outcome.still_firing.is_empty() || !fix::is_fixable(f, options.unsafe_fixes))
        .count();
    if changed
        && write_back
        && let Input::File { path, .. } = input
        && let Err(e) = write::replace_file(path, original, outcome.text.as_bytes())
    {
        bail!("{label}: {e}");
    }
    let diff = match kept {
        Some(text) if changed => diff::unified(&label, &text, &outcome.text),
        _ => String::new(),
    };
    let left_out = outcome
        .left_out
        .iter()
        .map(|l| {
            format!(
                "{label}:{}:{}: the fix of [{}] was left out: a longer or stronger fix overlaps it",
                l.line,
                l.column,
                engine.rule(l.finding.rule).id
            )
        })
        .collect();
    Ok(Some(Fixed {
        label,
        diff,
        applied: outcome.applied,
        remaining,
        still_firing: outcome.still_firing,
        left_out,
        changed,
    }))
}

fn fix_all(
    engine: &Engine,
    options: &Options,
    paths: &[PathBuf],
    want_diff: bool,
    write_back: bool,
) -> (Vec<Fixed>, Status) {
    let (inputs, walk_errors) = inputs::collect(paths, &options.path_filter);
    let mut status = Status::default();
    for e in walk_errors {
        report_error(e);
        status.error = true;
    }
    let progress = Progress::start(inputs.len());
    let results: Vec<_> = inputs
        .par_iter()
        .map(|input| {
            let fixed = fix_one(engine, input, options, want_diff, write_back);
            progress.tick();
            fixed
        })
        .collect();
    progress.finish();
    let mut fixed = Vec::new();
    for r in results {
        match r {
            Ok(Some(f)) => fixed.push(f),
            Ok(None) => {}
            Err(error) => {
                report_error(error);
                status.error = true;
            }
        }
    }
    (fixed, status)
}

pub fn diff(engine: &Engine, options: &Options, paths: &[PathBuf]) -> Status {
    let (fixed, mut status) = fix_all(engine, options, paths, true, false);
    let style = options.color.for_stdout();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for f in &fixed {
        warn_if_unsettled(engine, f);
        if f.diff.is_empty() {
            continue;
        }
        status.found = true;
        if write_diff(&mut out, style, &f.diff).is_err() {
            break;
        }
    }
    let _ = out.flush();
    status
}

/// Prints a diff, colouring its lines when `style` is on.
fn write_diff(out: &mut impl Write, style: Style, diff: &str) -> io::Result<()> {
    if !style.on {
        return out.write_all(diff.as_bytes());
    }
    for line in diff.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        let painted = if body.starts_with("+++") || body.starts_with("---") {
            style.bold(body)
        } else if body.starts_with('+') {
            style.green(body)
        } else if body.starts_with('-') {
            style.red(body)
        } else if body.starts_with("@@") {
            style.cyan(body)
        } else {
            body.to_string()
        };
        write!(out, "{painted}{end}")?;
    }
    Ok(())
}

pub fn fix(engine: &Engine, options: &Options, paths: &[PathBuf]) -> Result<Status> {
    if paths.len() == 1 && paths[0].as_os_str() == "-" {
        return fix_stdin(engine, options);
    }
    if paths.iter().any(|p| p.as_os_str() == "-") {
        bail!("`-` (stdin) cannot be mixed with files in `calque fix`");
    }
    super::interrupt::clean_up_on_signals();
    let (fixed, mut status) = fix_all(engine, options, paths, false, true);
    let style = options.color.for_stderr();
    let mut applied = 0;
    let mut files_changed = 0;
    let mut remaining = 0;
    for f in &fixed {
        warn_if_unsettled(engine, f);
        applied += f.applied;
        remaining += f.remaining;
        if f.changed {
            files_changed += 1;
            eprintln!("{} {}", style.green("fixed"), f.label);
        }
    }
    status.found = remaining > 0;
    eprintln!(
        "Applied {} in {} of {}; {} left that need a person{}.",
        count(applied, "fix"),
        count(files_changed, "file"),
        count(fixed.len(), "file"),
        count(remaining, "finding"),
        if remaining > 0 {
            " (see `calque check`)"
        } else {
            ""
        }
    );
    Ok(status)
}

fn fix_stdin(engine: &Engine, options: &Options) -> Result<Status> {
    let kind = inputs::markup_kind(&Input::Stdin, options.stdin_filename.as_deref());
    if kind != markup::Kind::Plain {
        // A structured document is parsed whole: a code fence or a subtitle
        // cue must not be cut in two as a stream of pieces would be.
        return fix_stdin_document(engine, options, kind);
    }
    let stdin = io::stdin();
    let stdout = io::stdout();
    let out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let totals = stream::fix_stream(engine, stdin.lock(), out, options.unsafe_fixes)
        .map_err(|e| anyhow!("-: {e}"))?;
    if !totals.still_firing.is_empty() {
        warn_rules(engine, &totals.still_firing, "-");
    }
    Ok(Status {
        error: false,
        found: totals.remaining > 0,
    })
}

fn fix_stdin_document(engine: &Engine, options: &Options, kind: markup::Kind) -> Result<Status> {
    let name = inputs::display_name(&Input::Stdin, options.stdin_filename.as_deref());
    let text = inputs::read_text(&Input::Stdin).map_err(|e| anyhow!("{name}: {e}"))?;
    let outcome = markup::fix_document(engine, kind, text, options.unsafe_fixes);
    if !outcome.still_firing.is_empty() {
        warn_rules(engine, &outcome.still_firing, &name);
    }
    let mut out = io::stdout().lock();
    if let Err(e) = out
        .write_all(outcome.text.as_bytes())
        .and_then(|()| out.flush())
    {
        bail!("{name}: {e}");
    }
    Ok(Status {
        error: false,
        found: outcome
            .remaining
            .iter()
            .any(|f| !fix::is_fixable(f, options.unsafe_fixes)),
    })
}

/// Warns about fixes that did not settle and notes the ones left out.
fn warn_if_unsettled(engine: &Engine, f: &Fixed) {
    if !f.still_firing.is_empty() {
        warn_rules(engine, &f.still_firing, &f.label);
    }
    for note in &f.left_out {
        eprintln!("calque: note: {note}");
    }
}

fn warn_rules(engine: &Engine, rules: &[usize], label: &str) {
    let names: Vec<&str> = rules.iter().map(|&r| engine.rule(r).id.as_str()).collect();
    eprintln!(
        "calque: warning: {label}: the fixes did not settle after {MAX_PASSES} passes; these rules keep firing on their own output: {}",
        names.join(", ")
    );
}
