//! `calque.Finding`: one finding as the command line's JSON prints it, plus
//! character offsets into the Python string.

use calque_cli::report::Record;
use pyo3::prelude::*;

/// One finding: the fields of `calque check --format json` (without the
/// path) and `start`/`end`, character offsets such that
/// `text[f.start:f.end] == f.matched`.
#[pyclass(frozen, eq, module = "calque")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The command line's record: the one place the fields are defined.
    record: Record,
    /// Character offsets into the Python string.
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
}

impl Finding {
    pub fn new(record: Record, start: usize, end: usize) -> Finding {
        Finding { record, start, end }
    }
}

/// The Python methods: a getter for each field of the record that Python
/// sees, and `methods`.
macro_rules! with_record_getters {
    ([$($field:ident: $type:ty),* $(,)?] [$($place:ident),* $(,)?] $($methods:tt)*) => {
        #[pymethods]
        impl Finding {
            $(
                #[getter]
                fn $field(&self) -> $type {
                    self.record.$field.clone()
                }
            )*
            $(
                #[getter]
                fn $place(&self) -> usize {
                    self.record.place.$place
                }
            )*
            $($methods)*
        }
    };
}

with_record_getters! {
    [
        rule: String, message: String, matched: String, replacements: Vec<String>,
        safe: bool,
    ]
    [line, column, end_line, end_column, byte_start, byte_end]

    #[getter]
    fn level(&self) -> &'static str {
        self.record.level.as_str()
    }

    fn __repr__(&self) -> String {
        let r = &self.record;
        format!(
            "Finding(rule={:?}, line={}, column={}, matched={:?}, replacements={:?}, safe={})",
            r.rule,
            r.place.line,
            r.place.column,
            r.matched,
            r.replacements,
            if r.safe { "True" } else { "False" }
        )
    }
}
