//! Printing findings. A printer sees finished findings with their places in
//! the file, never how they were found.

pub mod github;
pub mod human;
pub mod json;
pub mod printer;
pub mod sarif;
pub mod style;

use calque_core::engine::{Engine, Finding};
use calque_core::rule::Level;
use calque_core::source::LineIndex;
use serde::Serialize;

/// One finding with everything a printer may show, positions resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Record {
    pub path: String,
    /// 1-based; columns count characters.
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// Byte offsets into the file (a BOM included).
    pub byte_start: usize,
    pub byte_end: usize,
    pub rule: String,
    pub level: Level,
    pub message: String,
    pub matched: String,
    pub replacements: Vec<String>,
    pub safe: bool,
}

impl Record {
    pub fn new(engine: &Engine, path: &str, text: &str, lines: &LineIndex, f: &Finding) -> Record {
        let rule = engine.rule(f.rule);
        let (line, column) = lines.position_in(text, f.span.start);
        let (end_line, end_column) = lines.position_in(text, f.span.end);
        Record {
            path: path.to_string(),
            line,
            column,
            end_line,
            end_column,
            byte_start: f.span.start,
            byte_end: f.span.end,
            rule: rule.id.clone(),
            level: rule.level,
            message: rule.message.clone(),
            matched: text[f.span.clone()].to_string(),
            replacements: f.replacements.clone(),
            safe: f.safe,
        }
    }
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

/// The message with its fix, for one-line formats: `message (fix: Xi)`, or
/// `(suggestion: ...)` for an unsafe rule, alternatives after `or`.
pub fn message_with_fix(record: &Record) -> String {
    let Some((first, rest)) = record.replacements.split_first() else {
        return record.message.clone();
    };
    let label = if record.safe { "fix" } else { "suggestion" };
    let mut text = format!("{} ({label}: {first}", record.message);
    if !rest.is_empty() {
        text.push_str(&format!("; or: {}", rest.join(", ")));
    }
    text.push(')');
    text
}

/// Counts for the closing summary.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub files: usize,
    pub files_with_findings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub fixable: usize,
    pub fixable_unsafe: usize,
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
            if !f.replacements.is_empty() {
                if f.safe {
                    self.fixable += 1;
                } else {
                    self.fixable_unsafe += 1;
                }
            }
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
