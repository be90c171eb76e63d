//! Printing findings. A printer sees finished findings with their places in
//! the file, never how they were found.

pub mod github;
pub mod human;
pub mod json;
pub mod printer;
pub mod sarif;
pub mod style;

use calque_core::engine::{Engine, Finding};
use calque_core::fix;
use calque_core::rule::{Applicability, Level};
use calque_core::source::LineIndex;
use serde::Serialize;

/// Where a span of a file lies, as the JSON outputs write it (the six
/// fields sit in the object that holds them: `#[serde(flatten)]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Place {
    /// 1-based; columns count characters.
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// Byte offsets into the file (a BOM included).
    pub byte_start: usize,
    pub byte_end: usize,
}

impl Place {
    /// The place of `span` in `text`.
    pub fn of(text: &str, lines: &LineIndex, span: &std::ops::Range<usize>) -> Place {
        let (line, column) = lines.position_in(text, span.start);
        let (end_line, end_column) = lines.position_in(text, span.end);
        Place {
            line,
            column,
            end_line,
            end_column,
            byte_start: span.start,
            byte_end: span.end,
        }
    }
}

/// One finding with everything a printer may show, positions resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Record {
    pub path: String,
    #[serde(flatten)]
    pub place: Place,
    pub rule: String,
    pub level: Level,
    pub message: String,
    pub matched: String,
    pub replacements: Vec<String>,
    pub safe: bool,
    /// The replacement is shown to the reader but never applied, not even
    /// by `fix --unsafe` (a rendering a person must check, such as the
    /// source's number in a bilingual file). Written only when true, so
    /// the JSON of every other finding keeps its shape.
    #[serde(skip_serializing_if = "is_false")]
    pub display_only: bool,
    /// The id of the translation unit holding the finding, in a bilingual file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

impl Record {
    /// What its replacement is called where it is printed: a `fix` that
    /// `calque fix` applies, a `suggestion` applied only with `--unsafe`,
    /// or a rendering `shown` to the reader and never applied.
    pub fn fix_label(&self) -> &'static str {
        match (self.safe, self.display_only) {
            (true, _) => "fix",
            (false, true) => "shown",
            (false, false) => "suggestion",
        }
    }

    pub fn new(engine: &Engine, path: &str, text: &str, lines: &LineIndex, f: &Finding) -> Record {
        let rule = engine.rule(f.rule);
        Record {
            path: path.to_string(),
            place: Place::of(text, lines, &f.span),
            rule: rule.id.clone(),
            level: rule.level,
            message: rule.message.clone(),
            matched: text[f.span.clone()].to_string(),
            replacements: f.replacements().to_vec(),
            safe: f.has_safe_fix(),
            display_only: f.applicability() == Some(Applicability::DisplayOnly),
            unit: None,
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: each finding with its line, underlined
    Human,
    /// One JSON array of findings
    Json,
    /// SARIF 2.1.0, for code scanning
    Sarif,
    /// GitHub Actions workflow commands (annotations)
    Github,
}

impl Format {
    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Github => "github",
        }
    }
}

/// The message with its fix, for one-line formats: `message (fix: Xi)`, or
/// `(suggestion: ...)` for an unsafe rule, alternatives after `or`.
pub fn message_with_fix(record: &Record) -> String {
    let message = message_with_unit(record);
    let Some((first, rest)) = record.replacements.split_first() else {
        return message;
    };
    let label = record.fix_label();
    let mut text = format!("{message} ({label}: {first}");
    if !rest.is_empty() {
        text.push_str(&format!("; or: {}", rest.join(", ")));
    }
    text.push(')');
    text
}

/// The message, with the translation unit it is in for a bilingual file:
/// `message [unit: 42]`.
pub fn message_with_unit(record: &Record) -> String {
    match &record.unit {
        Some(unit) => format!("{} [unit: {unit}]", record.message),
        None => record.message.clone(),
    }
}

/// Counts for the closing summary.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub files: usize,
    pub files_with_findings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings with a safe fix.
    pub fixable: usize,
    /// Findings whose fix is a suggestion (applied with `--unsafe`).
    pub fixable_unsafe: usize,
    /// The edits the first pass of `calque fix` makes: the safe fixes less
    /// those a longer or stronger overlapping fix pushes out, so that the
    /// count `check` gives is the count `fix` reports.
    pub fix_edits: usize,
    /// The same with `--unsafe`.
    pub fix_edits_unsafe: usize,
}

impl Tally {
    /// How many findings are at `level` or above.
    pub fn at_or_above(&self, level: Level) -> usize {
        match level {
            Level::Error => self.errors,
            Level::Warning => self.errors + self.warnings,
            Level::Info => self.errors + self.warnings + self.infos,
        }
    }

    pub fn add(&mut self, engine: &Engine, findings: &[Finding]) {
        self.files += 1;
        if !findings.is_empty() {
            self.files_with_findings += 1;
        }
        for f in findings {
            let rule = engine.rule(f.rule);
            match rule.level {
                Level::Error => self.errors += 1,
                Level::Warning => self.warnings += 1,
                Level::Info => self.infos += 1,
            }
            match f.applicability() {
                Some(Applicability::Safe) => self.fixable += 1,
                Some(Applicability::Unsafe) => self.fixable_unsafe += 1,
                // Shown, never applied: not a fix `--unsafe` would make.
                Some(Applicability::DisplayOnly) | None => {}
            }
        }
        if findings.iter().any(|f| f.fix.is_some()) {
            self.fix_edits += fix::choose_edits(engine, findings, false).0.len();
            self.fix_edits_unsafe += fix::choose_edits(engine, findings, true).0.len();
        }
    }

    pub fn merge(&mut self, other: &Tally) {
        self.files += other.files;
        self.files_with_findings += other.files_with_findings;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
        self.fixable += other.fixable;
        self.fixable_unsafe += other.fixable_unsafe;
        self.fix_edits += other.fix_edits;
        self.fix_edits_unsafe += other.fix_edits_unsafe;
    }

    pub fn findings(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

/// Plural helper for summaries: `count(3, "file")` -> "3 files",
/// `count(2, "fix")` -> "2 fixes".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else if noun.ends_with('x') || noun.ends_with('s') {
        format!("{n} {noun}es")
    } else {
        format!("{n} {noun}s")
    }
}
