//! `calque diff` and `calque fix`: the verbs that change text.

use super::fix_report::{self, AppliedFix, FileReport, LeftOutFix, RunReport};
use super::inputs::{self, Input};
use super::output;
use super::progress::Progress;
use super::settings::Settings;
use super::{Status, report_error};
use crate::diff;
use crate::report::style::Style;
use crate::report::{Format, count};
use crate::stream;
use crate::write;
use anyhow::{Result, anyhow, bail};
use calque_core::engine::Engine;
use calque_core::fix::{self, MAX_PASSES};
use calque_core::markup;
use calque_core::rule::RuleId;
use rayon::prelude::*;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

/// What fixing one input gave.
struct Fixed {
    label: String,
    /// The unified diff (for `diff`), empty when nothing changed.
    diff: String,
    applied: usize,
    /// Fixes applied after the first pass, on text the first fixes made.
    applied_later: usize,
    remaining: usize,
    /// Of the findings left, those with a suggestion `--unsafe` would apply.
    suggestions: usize,
    still_firing: Vec<RuleId>,
    /// Fixes left out because a stronger fix overlapped them.
    left_out: Vec<LeftOutFix>,
    /// Each applied fix, placed (for `fix --format json`).
    fixes: Vec<AppliedFix>,
    changed: bool,
}

/// What a verb wants from fixing an input.
#[derive(Debug, Clone, Copy)]
struct Want {
    /// A unified diff of the change.
    diff: bool,
    /// Each applied fix, placed in the text.
    fixes: bool,
    /// The fixed text written back to the file.
    write_back: bool,
}

/// Fixes one input in memory; `Ok(None)` when it is skipped (binary).
fn fix_one(
    engine: &Engine,
    input: &Input,
    options: &Settings,
    want: Want,
) -> Result<Option<Fixed>> {
    let purpose = if want.write_back {
        inputs::Purpose::Rewrite
    } else {
        inputs::Purpose::Read
    };
    let Some(inputs::Document { text, label, kind }) =
        inputs::read_document(input, options.stdin_filename.as_deref(), purpose)?
    else {
        return Ok(None);
    };
    // What the file held, to make sure nothing changed it before it is
    // written; the text itself is kept only for a diff, so a fix holds one
    // copy of a large file.
    let original = write::Fingerprint::of(text.as_bytes());
    let (outcome, kept) = if want.diff || want.fixes {
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
    let suggestions = if options.unsafe_fixes {
        0
    } else {
        outcome
            .remaining
            .iter()
            .filter(|f| fix::is_fixable(f, true))
            .count()
    };
    if changed
        && want.write_back
        && let Input::File { path, .. } = input
        && let Err(e) = write::replace_file(path, original, outcome.text.as_bytes())
    {
        bail!("{label}: {e}");
    }
    let diff = match &kept {
        Some(text) if changed && want.diff => diff::unified(&label, text, &outcome.text),
        _ => String::new(),
    };
    let fixes = match &kept {
        Some(text) if want.fixes => fix_report::applied_fixes(engine, text, &outcome),
        _ => Vec::new(),
    };
    let left_out = outcome
        .left_out
        .iter()
        .map(|l| LeftOutFix {
            rule: engine.rule(l.finding.rule).id.clone(),
            line: l.line,
            column: l.column,
        })
        .collect();
    Ok(Some(Fixed {
        label,
        diff,
        applied: outcome.applied,
        applied_later: outcome.applied - outcome.passes.first().map_or(0, Vec::len),
        remaining,
        suggestions,
        still_firing: outcome.still_firing,
        left_out,
        fixes,
        changed,
    }))
}

fn fix_all(
    engine: &Engine,
    options: &Settings,
    paths: &[PathBuf],
    want: Want,
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
            let fixed = fix_one(engine, input, options, want);
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

pub fn diff(engine: &Engine, options: &Settings, paths: &[PathBuf]) -> Status {
    let want = Want {
        diff: true,
        fixes: false,
        write_back: false,
    };
    let (fixed, mut status) = fix_all(engine, options, paths, want);
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
            return status; // stdout closed: stop quietly
        }
    }
    let _ = out.flush();
    drop(out);
    // Suggestions are not in the diff without --unsafe: an empty diff
    // must not read as "nothing to do".
    let suggestions: usize = fixed.iter().map(|f| f.suggestions).sum();
    if suggestions > 0 {
        eprintln!(
            "{} left out of this diff (not safe to apply unreviewed); `calque diff --unsafe` shows {}.",
            count(suggestions, "suggestion"),
            if suggestions == 1 { "it" } else { "them" }
        );
    }
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

pub fn fix(engine: &Engine, options: &Settings, paths: &[PathBuf]) -> Result<Status> {
    if paths.len() == 1 && paths[0].as_os_str() == "-" {
        return fix_stdin(engine, options);
    }
    if paths.iter().any(|p| p.as_os_str() == "-") {
        bail!("`-` (stdin) cannot be mixed with files in `calque fix`");
    }
    super::interrupt::clean_up_on_signals();
    let json = options.format == Format::Json;
    let want = Want {
        diff: false,
        fixes: json,
        write_back: true,
    };
    let (fixed, mut status) = fix_all(engine, options, paths, want);
    let applied: usize = fixed.iter().map(|f| f.applied).sum();
    let remaining: usize = fixed.iter().map(|f| f.remaining).sum();
    let files_changed = fixed.iter().filter(|f| f.changed).count();
    status.found = remaining > 0;
    if json {
        return json_report(engine, fixed, status);
    }
    let style = options.color.for_stderr();
    for f in &fixed {
        warn_if_unsettled(engine, f);
        if f.changed {
            eprintln!("{} {}", style.green("fixed"), f.label);
        }
    }
    if fixed.is_empty() && status.error {
        return Ok(status); // the error lines said it; "Applied 0 fixes" would not help
    }
    eprintln!(
        "Applied {}{} in {} of {}; {} left that need a person{}.",
        count(applied, "fix"),
        why_counts_differ(&fixed),
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

/// Why `fix` applied another number of fixes than `check` announced:
/// fixes made on the text earlier fixes produced. (Fixes left out for an
/// overlap are already left out of `check`'s count, and noted above.)
fn why_counts_differ(fixed: &[Fixed]) -> String {
    let later: usize = fixed.iter().map(|f| f.applied_later).sum();
    let left_out: usize = fixed.iter().map(|f| f.left_out.len()).sum();
    let mut notes = Vec::new();
    if later > 0 {
        notes.push(format!("{later} of them on text that earlier fixes made"));
    }
    if left_out > 0 {
        notes.push(format!(
            "{} left out for a longer or stronger fix",
            count(left_out, "overlapping fix")
        ));
    }
    if notes.is_empty() {
        String::new()
    } else {
        format!(" ({})", notes.join("; "))
    }
}

/// `fix --format json`: the run as one JSON document on stdout.
fn json_report(engine: &Engine, fixed: Vec<Fixed>, status: Status) -> Result<Status> {
    let files = fixed.len();
    let files_changed = fixed.iter().filter(|f| f.changed).count();
    let applied = fixed.iter().map(|f| f.applied).sum();
    let remaining = fixed.iter().map(|f| f.remaining).sum();
    let reports: Vec<FileReport> = fixed
        .into_iter()
        .filter(|f| f.applied > 0 || f.remaining > 0 || !f.left_out.is_empty())
        .map(|f| FileReport {
            path: f.label,
            changed: f.changed,
            fixes: f.fixes,
            left_out: f.left_out,
            remaining: f.remaining,
            unsettled_rules: f
                .still_firing
                .iter()
                .map(|&r| engine.rule(r).id.clone())
                .collect(),
        })
        .collect();
    let report = RunReport {
        files,
        files_changed,
        applied,
        remaining,
        reports: &reports,
    };
    output::to_stdout(|out| fix_report::write(out, &report))?;
    Ok(status)
}

fn fix_stdin(engine: &Engine, options: &Settings) -> Result<Status> {
    let kind = inputs::markup_kind(&Input::Stdin, options.stdin_filename.as_deref());
    if kind != markup::Kind::Plain {
        // A structured document is parsed whole: a code fence or a subtitle
        // cue must not be cut in two as a stream of pieces would be.
        return fix_stdin_document(engine, options, kind);
    }
    let stdin = io::stdin();
    let stdout = io::stdout();
    let out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let totals = match stream::fix_stream(engine, stdin.lock(), out, options.unsafe_fixes) {
        Ok(totals) => totals,
        // The reader of stdout went away: stop quietly.
        Err(stream::StreamError::Io(e)) if output::is_closed(&e) => return Ok(Status::default()),
        Err(e) => bail!("-: {e}"),
    };
    if !totals.still_firing.is_empty() {
        warn_rules(engine, &totals.still_firing, "-");
    }
    Ok(Status {
        error: false,
        found: totals.remaining > 0,
    })
}

fn fix_stdin_document(engine: &Engine, options: &Settings, kind: markup::Kind) -> Result<Status> {
    let name = inputs::display_name(&Input::Stdin, options.stdin_filename.as_deref());
    let text = inputs::read_text(&Input::Stdin).map_err(|e| anyhow!("{name}: {e}"))?;
    let outcome = markup::fix_document(engine, kind, text, options.unsafe_fixes);
    if !outcome.still_firing.is_empty() {
        warn_rules(engine, &outcome.still_firing, &name);
    }
    output::to_stdout(|out| out.write_all(outcome.text.as_bytes()))?;
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
    for l in &f.left_out {
        eprintln!(
            "calque: note: {}:{}:{}: the fix of [{}] was left out: a longer or stronger fix overlaps it",
            f.label, l.line, l.column, l.rule
        );
    }
}

fn warn_rules(engine: &Engine, rules: &[RuleId], label: &str) {
    let names: Vec<&str> = rules.iter().map(|&r| engine.rule(r).id.as_str()).collect();
    eprintln!(
        "calque: warning: {label}: the fixes did not settle after {MAX_PASSES} passes; these rules keep firing on their own output: {}",
        names.join(", ")
    );
}
