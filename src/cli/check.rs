//! `calque check`: report findings.

use super::inputs::{self, Input};
use super::{Options, Status};
use crate::engine::Engine;
use crate::report::human;
use crate::report::json::JsonPrinter;
use crate::report::{Format, Record, Tally, count};
use crate::source::LineIndex;
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

pub fn run(engine: &Engine, options: &Options, paths: &[PathBuf]) -> Status {
    let (inputs, walk_errors) = inputs::collect(paths);
    let mut status = Status::default();
    for e in walk_errors {
        super::report_error(e);
        status.error = true;
    }
    let results: Vec<Result<Option<Checked>, ()>> = inputs
        .par_iter()
        .map(|input| check_one(engine, input))
        .collect();

    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let style = options.color.for_stdout();
    let mut json = match options.format {
        Format::Json => Some(JsonPrinter::begin(&mut out).expect("stdout")),
        Format::Human => None,
    };
    let mut tally = Tally::default();
    for result in results {
        let checked = match result {
            Ok(Some(c)) => c,
            Ok(None) => continue,
            Err(()) => {
                status.error = true;
                continue;
            }
        };
        merge(&mut tally, &checked.tally);
        for (record, (line_window, skipped)) in &checked.records {
            let written = match &mut json {
                Some(printer) => printer.record(&mut out, record),
                None => {
                    human::write_record_in_window(&mut out, style, record, line_window, *skipped)
                }
            };
            if written.is_err() {
                return status; // stdout closed (a pager quit): stop quietly
            }
        }
    }
    if let Some(printer) = json {
        let _ = printer.finish(&mut out);
    }
    let _ = out.flush();
    status.found = tally.findings() > 0;
    if options.format == Format::Human {
        print_summary(options, &tally);
    }
    status
}

/// `Ok(None)`: skipped (binary); `Err(())`: an error, already reported.
fn check_one(engine: &Engine, input: &Input) -> Result<Option<Checked>, ()> {
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
    let findings = engine.check(&text);
    let lines = LineIndex::new(&text);
    let mut tally = Tally::default();
    tally.add(engine, &findings);
    let records = findings
        .iter()
        .map(|f| {
            let record = Record::new(engine, &label, &text, &lines, f);
            let window = human::line_window(&text, &lines, &record);
            (record, window)
        })
        .collect();
    Ok(Some(Checked { records, tally }))
}

fn merge(total: &mut Tally, one: &Tally) {
    total.files += one.files;
    total.files_with_findings += one.files_with_findings;
    total.errors += one.errors;
    total.warnings += one.warnings;
    total.infos += one.infos;
    total.fixable += one.fixable;
    total.fixable_unsafe += one.fixable_unsafe;
}

fn print_summary(options: &Options, tally: &Tally) {
    let style = options.color.for_stderr();
    if tally.findings() == 0 {
        eprintln!(
            "{}",
            style.green(&format!("No findings in {}.", count(tally.files, "file")))
        );
        return;
    }
    eprintln!(
        "{} ({} errors, {} warnings, {} info) in {} of {}.",
        style.bold(&format!("Found {}", count(tally.findings(), "finding"))),
        tally.errors,
        tally.warnings,
        tally.infos,
        count(tally.files_with_findings, "file"),
        count(tally.files, "file")
    );
    if tally.fixable + tally.fixable_unsafe > 0 {
        eprintln!(
            "{} fixable with `calque fix`; {} more with `calque fix --unsafe` (review them with `calque diff --unsafe`).",
            tally.fixable, tally.fixable_unsafe
        );
    }
}
