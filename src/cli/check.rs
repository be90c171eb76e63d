//! `calque check`: report findings.

use super::Status;
use super::inputs::{self, Input, InputError};
use super::progress::Progress;
use super::settings::Settings;
use crate::report::human;
use crate::report::printer::Printer;
use crate::report::{Format, Record, Tally, count};
use calque_core::bilingual;
use calque_core::engine::{Engine, Finding};
use calque_core::markup;
use calque_core::source::LineIndex;
use rayon::prelude::*;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

/// One checked input, ready to print.
struct Checked {
    /// Each finding with a window of its line and the characters of the
    /// line before the window (for the human format).
    records: Vec<(Record, (String, usize))>,
    tally: Tally,
}

pub fn run(engine: &Engine, options: &Settings, paths: &[PathBuf]) -> Status {
    let (inputs, walk_errors) = inputs::collect(paths, &options.path_filter);
    let mut status = Status::default();
    let mut unread = walk_errors.len();
    for e in walk_errors {
        super::report_error(e);
        status.error = true;
    }
    let progress = Progress::start(inputs.len());
    let results: Vec<Result<Option<Checked>, InputError>> = inputs
        .par_iter()
        .map(|input| {
            let checked = check_one(engine, options, input);
            progress.tick();
            checked
        })
        .collect();
    progress.finish();

    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let style = options.color.for_stdout();
    let Ok(mut printer) = Printer::begin(options.format, style, engine, &mut out) else {
        return status; // stdout closed
    };
    let mut tally = Tally::default();
    for result in results {
        let checked = match result {
            Ok(Some(c)) => c,
            Ok(None) => continue,
            Err(error) => {
                super::report_error(error);
                status.error = true;
                unread += 1;
                continue;
            }
        };
        tally.merge(&checked.tally);
        for (record, (line_window, skipped)) in &checked.records {
            if printer
                .record(&mut out, record, line_window, *skipped)
                .is_err()
            {
                return status; // stdout closed (a pager quit): stop quietly
            }
        }
    }
    let _ = printer.finish(&mut out);
    let _ = out.flush();
    let fail_on = options.fail_on;
    status.found = tally.at_or_above(fail_on) > 0;
    if options.format == Format::Human {
        print_summary(options, &tally, unread);
        if tally.findings() > 0 && !status.found {
            eprintln!("None at or above the fail-on level `{fail_on}`: exit 0.");
        }
    }
    status
}

/// `Ok(None)`: skipped (binary).
fn check_one(
    engine: &Engine,
    options: &Settings,
    input: &Input,
) -> Result<Option<Checked>, InputError> {
    let Some(inputs::Document { text, label, kind }) = inputs::read_document(
        input,
        options.stdin_filename.as_deref(),
        inputs::Purpose::Read,
    )?
    else {
        return Ok(None);
    };
    let bilingual = check_bilingual(engine, options, kind, &label, &text)?;
    let (findings, units, notes) = match bilingual {
        Some(c) => (c.findings, c.units, c.notes),
        None => (
            markup::check_document(engine, kind, &text),
            Vec::new(),
            Vec::new(),
        ),
    };
    let lines = LineIndex::new(&text);
    let mut tally = Tally::default();
    let mut all: Vec<Finding> = findings.clone();
    all.extend(notes.iter().map(|n| n.finding.clone()));
    tally.add(engine, &all);
    let mut records: Vec<Record> = findings
        .iter()
        .map(|f| {
            let mut record = Record::new(engine, &label, &text, &lines, f);
            record.unit = bilingual::unit_at(&units, f.span.start).map(|i| units[i].id.clone());
            record
        })
        .collect();
    records.extend(notes.iter().map(|n| {
        let mut record = Record::new(engine, &label, &text, &lines, &n.finding);
        record.message = format!("{}: {}", record.message, n.detail);
        record.unit = Some(units[n.unit].id.clone());
        record
    }));
    records.sort_by_key(|r| (r.place.byte_start, r.place.byte_end));
    let records = records
        .into_iter()
        .map(|record| {
            let window = human::line_window(&text, &lines, &record);
            (record, window)
        })
        .collect();
    Ok(Some(Checked { records, tally }))
}

/// A bilingual file's findings (`None` for any other file): with
/// `--source`, line by line against the source file; otherwise when the
/// file's kind is bilingual.
fn check_bilingual(
    engine: &Engine,
    options: &Settings,
    kind: markup::Kind,
    label: &str,
    text: &str,
) -> Result<Option<bilingual::Checked>, InputError> {
    let fail = |source: inputs::ReadError| InputError {
        label: label.to_string(),
        source,
        left_unchanged: false,
    };
    if let Some(source_path) = &options.source {
        let source_input = Input::File {
            path: source_path.clone(),
            explicit: true,
        };
        let source = inputs::read_text(&source_input).map_err(|source| InputError {
            label: source_input.label(),
            source,
            left_unchanged: false,
        })?;
        let units = bilingual::read_aligned(&source, text).map_err(|e| fail(e.into()))?;
        return Ok(Some(bilingual::check_units(engine, None, text, units)));
    }
    let Some(format) = kind.bilingual_format() else {
        return Ok(None);
    };
    let read_options = bilingual::ReadOptions {
        target_lang: options.target_lang.clone(),
        columns: options.columns.clone(),
        include_fuzzy: options.fuzzy,
    };
    bilingual::check_file(engine, format, text, &read_options).map_err(|e| fail(e.into()))
}

fn print_summary(options: &Settings, tally: &Tally, unread: usize) {
    let style = options.color.for_stderr();
    if tally.files == 0 && unread > 0 {
        // The error lines above said it all; "No findings in 0 files"
        // would read as a clean result.
        return;
    }
    let unread_note = if unread > 0 {
        format!("; {} could not be read (see above)", count(unread, "input"))
    } else {
        String::new()
    };
    if tally.findings() == 0 {
        eprintln!(
            "{}",
            style.green(&format!(
                "No findings in {}{unread_note}.",
                count(tally.files, "file")
            ))
        );
        return;
    }
    eprintln!(
        "{} ({}, {}, {} info) in {} of {}{unread_note}.",
        style.bold(&format!("Found {}", count(tally.findings(), "finding"))),
        count(tally.errors, "error"),
        count(tally.warnings, "warning"),
        tally.infos,
        count(tally.files_with_findings, "file"),
        count(tally.files, "file")
    );
    let more_unsafe = tally.fix_edits_unsafe.saturating_sub(tally.fix_edits);
    if more_unsafe > 0 {
        eprintln!(
            "{} fixable with `calque fix`; {more_unsafe} more with `calque fix --unsafe` (review them with `calque diff --unsafe`).",
            tally.fix_edits,
        );
    } else if tally.fix_edits > 0 {
        eprintln!("{} fixable with `calque fix`.", tally.fix_edits);
    }
    let overlapped = tally.fixable - tally.fix_edits.min(tally.fixable);
    if overlapped == 1 {
        eprintln!(
            "1 more safe fix overlaps a longer or stronger one and is left out: `calque fix` applies that one instead."
        );
    } else if overlapped > 1 {
        eprintln!(
            "{overlapped} more safe fixes overlap longer or stronger ones and are left out: `calque fix` applies those instead."
        );
    }
}
