//! `calque fix --format json`: what `fix` did, for scripts. The shape is
//! documented in docs/output-formats.md.

use crate::report::Place;
use calque_core::engine::Engine;
use calque_core::fix::{self, Edit, Outcome};
use calque_core::source::LineIndex;
use serde::Serialize;
use std::io::{self, Write};

/// One applied fix. Passes after the first work on the text the earlier
/// passes made, so a fix of pass 2 is placed in that text, not in the file
/// as it was.
#[derive(Debug, Serialize)]
pub struct AppliedFix {
    pub pass: usize,
    pub rule: String,
    #[serde(flatten)]
    pub place: Place,
    pub matched: String,
    pub replacement: String,
}

/// A fix left out because a longer or stronger fix overlapped it (placed
/// in the file as it was).
#[derive(Debug, Serialize)]
pub struct LeftOutFix {
    pub rule: String,
    pub line: usize,
    pub column: usize,
}

/// What fixing one file did.
#[derive(Debug, Serialize)]
pub struct FileReport {
    pub path: String,
    /// Whether the file was rewritten.
    pub changed: bool,
    pub fixes: Vec<AppliedFix>,
    pub left_out: Vec<LeftOutFix>,
    /// Findings left that need a person.
    pub remaining: usize,
    /// Rules whose fixes did not settle (they keep firing on their own output).
    pub unsettled_rules: Vec<String>,
}

/// The whole run.
#[derive(Debug, Serialize)]
pub struct RunReport<'a> {
    /// Files read, and files rewritten.
    pub files: usize,
    pub files_changed: usize,
    pub applied: usize,
    pub remaining: usize,
    /// Every file with a fix applied, a fix left out or a finding left.
    pub reports: &'a [FileReport],
}

/// The applied fixes of `outcome`, replaying its passes over `original`
/// (the text as it was read) to place each one.
pub fn applied_fixes(engine: &Engine, original: &str, outcome: &Outcome) -> Vec<AppliedFix> {
    let mut fixes = Vec::with_capacity(outcome.applied);
    let mut text = original.to_string();
    for (i, edits) in outcome.passes.iter().enumerate() {
        let lines = LineIndex::new(&text);
        fixes.extend(edits.iter().map(|e| place(engine, &text, &lines, i + 1, e)));
        text = fix::apply(&text, edits);
    }
    fixes
}

fn place(engine: &Engine, text: &str, lines: &LineIndex, pass: usize, edit: &Edit) -> AppliedFix {
    AppliedFix {
        pass,
        rule: engine.rule(edit.rule).id.clone(),
        place: Place::of(text, lines, &edit.span),
        matched: text[edit.span.clone()].to_string(),
        replacement: edit.replacement.clone(),
    }
}

pub fn write(out: &mut dyn Write, report: &RunReport) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report).map_err(io::Error::from)?;
    out.write_all(b"\n")
}
