//! `calque.Finding`: one finding as the command line's JSON prints it, plus
//! character offsets into the Python string.

use calque_cli::report::Record;
use pyo3::prelude::*;

/// One finding: the fields of `calque check --format json` (without the
/// path) and `start`/`end`, character offsets such that
/// `text[f.start:f.end] == f.matched`.
#[pyclass(frozen, get_all, eq, module = "calque")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule's id, `pack/rule`.
    pub rule: String,
    /// `"error"`, `"warning"` or `"info"`.
    pub level: String,
    pub message: String,
    /// The text the finding covers.
    pub matched: String,
    /// Suggested replacements, the first being the fix; empty for report-only rules.
    pub replacements: Vec<String>,
    /// Whether `fix` applies it without `unsafe=True`.
    pub safe: bool,
    /// 1-based line and column (columns count characters) of the start and end.
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// Byte offsets into the text encoded as UTF-8.
    pub byte_start: usize,
    pub byte_end: usize,
    /// Character offsets into the Python string.
    pub start: usize,
    pub end: usize,
}

impl Finding {
    pub fn new(record: Record, start: usize, end: usize) -> Finding {
        Finding {
            rule: record.rule,
            level: record.level.to_string(),
            message: record.message,
            matched: record.matched,
            replacements: record.replacements,
            safe: record.safe,
            line: record.line,
            column: record.column,
            end_line: record.end_line,
            end_column: record.end_column,
            byte_start: record.byte_start,
            byte_end: record.byte_end,
            start,
            end,
        }
    }
}

#[pymethods]
impl Finding {
    fn __repr__(&self) -> String {
        format!(
            "Finding(rule={:?}, line={}, column={}, matched={:?}, replacements={:?}, safe={})",
            self.rule,
            self.line,
            self.column,
            self.matched,
            self.replacements,
            if self.safe { "True" } else { "False" }
        )
    }
}
