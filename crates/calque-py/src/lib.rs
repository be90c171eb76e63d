//! `calque` for Python: a [`Linter`] that loads packs once, checks and fixes
//! strings, and works through batches of segments on every core with the
//! GIL released. Packs are loaded by the command line's own rules
//! (`calque_cli::cli::packs`), findings are the command line's JSON records
//! (`calque_cli::report::Record`) with character offsets added, so the two
//! front ends cannot drift apart.

mod errors;
mod finding;
mod linter;
mod offsets;

use pyo3::prelude::*;

#[pymodule]
fn _calque(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<linter::Linter>()?;
    m.add_class::<finding::Finding>()?;
    m.add("PackError", m.py().get_type::<errors::PackError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
