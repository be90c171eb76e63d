//! `calque diff` and `calque fix`: the verbs that change text.

use super::inputs::{self, Input};
use super::{Options, Status, report_error};
use crate::diff;
use crate::engine::Engine;
use crate::fix::{self, MAX_PASSES};
use crate::report::count;
use crate::report::style::Style;
use crate::stream;
use crate::write;
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
    changed: bool,
}

/// Fixes one input in memory; `Ok(None)` when it is skipped (binary).
fn fix_one(
    engine: &Engine,
    input: &Input,
    options: &Options,
    want_diff: bool,
    write_back: bool,
) -> Result<Option<Fixed>, ()> {
    let text = match inputs::read_text(input) {
        Ok(text) => text,
        Err(e) => {
            return if inputs::complain(input, &e) {
                Err(())
            } else {
                Ok(None)
            };
        }
    };
    let label = input.label();
    let outcome = fix::fix_text(engine, &text, options.unsafe_fixes);
    let changed = outcome.text != text;
    // Fixable findings are gone after a settled fix; if the fixes did not
    // settle (rules undoing each other), they are left too, and count.
    let remaining = outcome
        .remaining
        .iter()
        .filter(|f| {
            !outcome.still_firing.is_empty() || !fix::is_fixable(engine, f, options.unsafe_fixes)
        })
        .count();
    if changed
        && write_back
        && let Input::File { path, .. } = input
        && let Err(e) = write::replace_file(path, text.as_bytes(), outcome.text.as_bytes())
    {
        report_error(format!("{label}: {e}"));
        return Err(());
    }
    let diff = if want_diff && changed {
        diff::unified(&label, &text, &outcome.text)
    } else {
        String::new()
    };
    Ok(Some(Fixed {
        label,
        diff,
        applied: outcome.applied,
        remaining,
        still_firing: outcome.still_firing,
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
    let (inputs, walk_errors) = inputs::collect(paths);
    let mut status = Status::default();
    for e in walk_errors {
        report_error(e);
        status.error = true;
    }
    let results: Vec<_> = inputs
        .par_iter()
        .map(|input| fix_one(engine, input, options, want_diff, write_back))
        .collect();
    let mut fixed = Vec::new();
    for r in results {
        match r {
            Ok(Some(f)) => fixed.push(f),
            Ok(None) => {}
            Err(()) => status.error = true,
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
        warn_if_unsettled(engine, options, f);
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

pub fn fix(engine: &Engine, options: &Options, paths: &[PathBuf]) -> Status {
    if paths.len() == 1 && paths[0].as_os_str() == "-" {
        return fix_stdin(engine, options);
    }
    if paths.iter().any(|p| p.as_os_str() == "-") {
        report_error("`-` (stdin) cannot be mixed with files in `calque fix`");
        return Status {
            error: true,
            found: false,
        };
    }
    super::interrupt::clean_up_on_signals();
    let (fixed, mut status) = fix_all(engine, options, paths, false, true);
    let style = options.color.for_stderr();
    let mut applied = 0;
    let mut files_changed = 0;
    let mut remaining = 0;
    for f in &fixed {
        warn_if_unsettled(engine, options, f);
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
    status
}

fn fix_stdin(engine: &Engine, options: &Options) -> Status {
    let stdin = io::stdin();
    let stdout = io::stdout();
    let out = BufWriter::with_capacity(1 << 16, stdout.lock());
    match stream::fix_stream(engine, stdin.lock(), out, options.unsafe_fixes) {
        Ok(totals) => {
            if !totals.still_firing.is_empty() {
                warn_rules(engine, &totals.still_firing, "-");
            }
            Status {
                error: false,
                found: totals.remaining > 0,
            }
        }
        Err(e) => {
            report_error(format!("-: {e}"));
            Status {
                error: true,
                found: false,
            }
        }
    }
}

fn warn_if_unsettled(engine: &Engine, _options: &Options, f: &Fixed) {
    if !f.still_firing.is_empty() {
        warn_rules(engine, &f.still_firing, &f.label);
    }
}

fn warn_rules(engine: &Engine, rules: &[usize], label: &str) {
    let names: Vec<&str> = rules.iter().map(|&r| engine.rule(r).id.as_str()).collect();
    eprintln!(
        "calque: warning: {label}: the fixes did not settle after {MAX_PASSES} passes; these rules keep firing on their own output: {}",
        names.join(", ")
    );
}
