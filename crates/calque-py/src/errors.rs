//! `calque.PackError`: a pack or config file that cannot be read or is
//! invalid, with the place the core's error names.

use calque_core::pack;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;

pyo3::create_exception!(
    calque,
    PackError,
    PyException,
    "A rule pack or config file that cannot be read or is invalid.\n\n\
     Attributes: `path` (the file as named), `line` and `column` (1-based, \
     columns in characters; None when the error has no place), `rule` (the \
     rule's id, or None) and `message` (the error without its place)."
);

/// The Python exception for a core pack error, its fields set as attributes.
pub fn pack_error(py: Python<'_>, e: &pack::PackError) -> PyErr {
    let err = PackError::new_err(e.to_string());
    let value = err.value(py);
    let (line, column) = e.position.unzip();
    let set = || -> PyResult<()> {
        value.setattr("path", &e.file)?;
        value.setattr("line", line)?;
        value.setattr("column", column)?;
        value.setattr("rule", e.rule.as_deref())?;
        value.setattr("message", &e.message)?;
        Ok(())
    };
    match set() {
        Ok(()) => err,
        Err(failed) => failed,
    }
}

/// A config file that cannot be used: an invalid one is located like a
/// pack's error; an unreadable one is a `PackError` without a place.
pub fn config_error(py: Python<'_>, e: calque_cli::config::ConfigError) -> PyErr {
    match e {
        calque_cli::config::ConfigError::Invalid(pack) => pack_error(py, &pack),
        calque_cli::config::ConfigError::Read { file, source } => pack_error(
            py,
            &pack::PackError {
                file,
                position: None,
                rule: None,
                message: format!("cannot read the config: {source}"),
            },
        ),
    }
}
