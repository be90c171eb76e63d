//! `calque.Linter`: packs loaded once, then check and fix of strings and of
//! batches of segments.

use crate::errors;
use crate::finding::Finding;
use crate::offsets::char_offsets;
use calque_cli::cli::Cli;
use calque_cli::cli::packs;
use calque_cli::cli::settings::Settings;
use calque_cli::config;
use calque_cli::report::Record;
use calque_core::engine::Engine;
use calque_core::markup::{self, Kind};
use calque_core::source::LineIndex;
use clap::Parser;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;
use rayon::prelude::*;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The rule packs, compiled once; check and fix strings with them.
///
/// `packs` are extra pack files; `default_packs=False` leaves out the
/// built-in packs; `select` and `ignore` name rules (`pack/rule`) or packs;
/// `config` is a calque.toml to read (none is looked for otherwise). They
/// mean what `--pack`, `--no-default-packs`, `--select`, `--ignore` and
/// `--config` mean on the command line; `from_` is `--from`: the language
/// the segments were translated from (`"zh"`, `"fr"`), `"any"` to run every
/// pack, or `"auto"` (the default) to let the evidence in each text decide
/// whether a language's pack applies to it. `fix_batch` judges each segment
/// alone, so with short segments name the language. An invalid pack or config raises
/// `PackError`; a name that matches no loaded rule raises `ValueError`.
#[pyclass(frozen, module = "calque")]
pub struct Linter {
    engine: Engine,
}

#[pymethods]
impl Linter {
    #[new]
    #[pyo3(signature = (packs = Vec::new(), *, default_packs = true, select = None, ignore = None, config = None, from_ = None))]
    fn new(
        py: Python<'_>,
        packs: Vec<PathBuf>,
        default_packs: bool,
        select: Option<Vec<String>>,
        ignore: Option<Vec<String>>,
        config: Option<PathBuf>,
        from_: Option<String>,
    ) -> PyResult<Linter> {
        let options = flags(&packs, default_packs, select, ignore, from_)?;
        let config = match config {
            Some(path) => {
                let cwd = std::env::current_dir()?;
                Some(config::read(&path, &cwd).map_err(|e| errors::config_error(py, e))?)
            }
            None => None,
        };
        // The keyword arguments are the flags; the config file chooses
        // packs and rules (in `packs::load`), as before.
        let settings = Settings::new(&options.options, None, None);
        let loaded = py
            .detach(|| packs::load(&settings, config.as_ref()))
            .map_err(|e| match e.downcast_ref::<calque_core::pack::PackError>() {
                Some(pack) => errors::pack_error(py, pack),
                None => PyValueError::new_err(format!("{e:#}")),
            })?;
        Ok(Linter {
            engine: loaded.engine,
        })
    }

    /// The findings in `text`, in order. `filename` (".md", ".srt", ".po",
    /// ...) reads the text as that kind of file, as the command line does.
    #[pyo3(signature = (text, *, filename = None))]
    fn check(&self, py: Python<'_>, text: String, filename: Option<PathBuf>) -> Vec<Finding> {
        let kind = kind_of(filename.as_deref());
        py.detach(|| findings(&self.engine, kind, &text))
    }

    /// The text with the fixes applied until it stops changing; with
    /// `unsafe=True`, suggestions too.
    #[pyo3(signature = (text, *, r#unsafe = false, filename = None))]
    fn fix(
        &self,
        py: Python<'_>,
        text: String,
        r#unsafe: bool,
        filename: Option<PathBuf>,
    ) -> String {
        let kind = kind_of(filename.as_deref());
        py.detach(|| markup::fix_document(&self.engine, kind, text, r#unsafe).text)
    }

    /// `check` of each text of an iterable, on every core (or `threads`).
    #[pyo3(signature = (texts, *, filename = None, threads = None))]
    fn check_batch(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        filename: Option<PathBuf>,
        threads: Option<usize>,
    ) -> PyResult<Vec<Vec<Finding>>> {
        self.batch(py, texts, filename, threads, |engine, kind, text| {
            findings(engine, kind, &text)
        })
    }

    /// `fix` of each text of an iterable, on every core (or `threads`).
    #[pyo3(signature = (texts, *, r#unsafe = false, filename = None, threads = None))]
    fn fix_batch(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        r#unsafe: bool,
        filename: Option<PathBuf>,
        threads: Option<usize>,
    ) -> PyResult<Vec<String>> {
        self.batch(py, texts, filename, threads, |engine, kind, text| {
            markup::fix_document(engine, kind, text, r#unsafe).text
        })
    }
}

impl Linter {
    /// `each` of the texts of an iterable, read as `filename`'s kind, side
    /// by side on the global pool or on `threads` threads, the GIL released.
    fn batch<T: Send>(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        filename: Option<PathBuf>,
        threads: Option<usize>,
        each: impl Fn(&Engine, Kind, String) -> T + Send + Sync,
    ) -> PyResult<Vec<T>> {
        let texts = collect_texts(texts)?;
        let kind = kind_of(filename.as_deref());
        py.detach(|| {
            on_threads(threads, || {
                texts
                    .into_par_iter()
                    .map(|text| each(&self.engine, kind, text))
                    .collect()
            })
        })
    }
}

/// The Linter's arguments as the command line's flags, parsed by its own
/// parser, so that they mean exactly what the flags mean.
fn flags(
    packs: &[PathBuf],
    default_packs: bool,
    select: Option<Vec<String>>,
    ignore: Option<Vec<String>>,
    from: Option<String>,
) -> PyResult<Cli> {
    let mut args: Vec<OsString> = vec!["calque".into(), "--no-config".into()];
    for pack in packs {
        args.push("--pack".into());
        args.push(pack.into());
    }
    if !default_packs {
        args.push("--no-default-packs".into());
    }
    for name in select.iter().flatten() {
        args.push(format!("--select={name}").into());
    }
    for name in ignore.iter().flatten() {
        args.push(format!("--ignore={name}").into());
    }
    if let Some(from) = from {
        args.push(format!("--from={from}").into());
    }
    args.push("check".into());
    Cli::try_parse_from(args).map_err(|e| PyValueError::new_err(e.to_string()))
}

fn kind_of(filename: Option<&Path>) -> Kind {
    filename.map_or(Kind::Plain, Kind::for_path)
}

/// The findings of `text` read as `kind`, as records of the command line's
/// JSON with character offsets.
fn findings(engine: &Engine, kind: Kind, text: &str) -> Vec<Finding> {
    let found = markup::check_document(engine, kind, text);
    let lines = LineIndex::new(text);
    let bytes: Vec<usize> = found
        .iter()
        .flat_map(|f| [f.span.start, f.span.end])
        .collect();
    let chars = char_offsets(text, &bytes);
    found
        .iter()
        .zip(chars.chunks_exact(2))
        .map(|(f, at)| Finding::new(Record::new(engine, "-", text, &lines, f), at[0], at[1]))
        .collect()
}

/// The strings of an iterable (a lone `str` is refused: it would be taken
/// as one segment per character).
fn collect_texts(texts: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "expected an iterable of strings, not one string",
        ));
    }
    texts.try_iter()?.map(|t| t?.extract::<String>()).collect()
}

/// Runs `work` on the global pool (one thread per core), or on a pool of
/// `threads` threads.
fn on_threads<T: Send>(threads: Option<usize>, work: impl FnOnce() -> T + Send) -> PyResult<T> {
    match threads {
        None => Ok(work()),
        Some(n) => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(n.max(1))
                .build()
                .map_err(|e| PyValueError::new_err(e.to_string()))?;
            Ok(pool.install(work))
        }
    }
}
