//! The project's config file: `calque.toml` or `.calque.toml`, found from the
//! working directory upwards (as typos and ruff do), or named with `--config`.
//!
//! The file says which packs and rules a run uses, at which level rules
//! report, which walked files are checked and at which level `check` fails.
//! It is validated as strictly as a pack: an unknown key is an error naming
//! the file, line and column, with a "did you mean". Command-line flags are
//! applied after the file and win over it (see docs/configuration.md).

mod filter;

use calque_core::pack::PackError;
use calque_core::rule::Level;
use calque_core::source::LineIndex;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

pub use filter::PathFilter;

/// The names a config file may have, in the order they are looked for in
/// each directory.
pub const FILE_NAMES: [&str; 2] = ["calque.toml", ".calque.toml"];

/// The commented starter file that `calque init` writes.
pub const STARTER: &str = include_str!("starter.toml");

/// The file exactly as written; every name keeps its span for errors.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    #[serde(default)]
    packs: Vec<String>,
    default_packs: Option<bool>,
    select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    levels: BTreeMap<Spanned<String>, Level>,
    fail_on: Option<Level>,
    #[serde(default)]
    include: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    force_exclude: Option<bool>,
}

/// A pack or rule name as a user wrote it, with where it was written, so
/// that a name matching nothing can be reported at its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub name: String,
    /// What an error about this name starts with: `--select x`, or
    /// `calque.toml:3:11: select `x``.
    pub origin: String,
}

/// One layer of rule choice. Layers apply in order (the config file, then
/// the command line): `select`, when given, replaces what the layers before
/// chose; `ignore` then removes from it.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub select: Option<Vec<Name>>,
    pub ignore: Vec<Name>,
}

/// A loaded config file.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file as named in messages (relative to the working directory
    /// when it was discovered).
    pub file: String,
    /// Extra pack files, already resolved against the file's directory.
    pub packs: Vec<PathBuf>,
    /// `default-packs`: whether to load the built-in packs.
    pub default_packs: Option<bool>,
    pub selection: Selection,
    /// `[levels]`: a level per pack or per rule (a rule beats its pack).
    pub levels: Vec<(Name, Level)>,
    pub fail_on: Option<Level>,
    /// `include`, `exclude` and `force-exclude`.
    pub paths: PathFilter,
}

/// Finds the config file for a run started in `cwd`: the first of
/// [`FILE_NAMES`] in `cwd` or the nearest of its parents. Returns the path to
/// read (relative to `cwd`, so that messages name it as a user would).
pub fn discover(cwd: &Path) -> Option<PathBuf> {
    let mut up = PathBuf::new();
    for dir in cwd.ancestors() {
        for name in FILE_NAMES {
            if dir.join(name).is_file() {
                return Some(up.join(name));
            }
        }
        up.push("..");
    }
    None
}

/// Reads and validates the config file at `path` (relative to `cwd` or
/// absolute).
pub fn read(path: &Path, cwd: &Path) -> Result<Config, PackError> {
    let (label, text) = read_named(path, "config")?;
    let dir = path.parent().unwrap_or(Path::new(""));
    parse(&label, &text, dir, cwd)
}

/// A config or pack file's name as messages give it (the path as given)
/// and its text; a file that cannot be read is an error without a place.
pub fn read_named(path: &Path, what: &str) -> Result<(String, String), PackError> {
    let label = path.display().to_string();
    match fs::read_to_string(path) {
        Ok(text) => Ok((label, text)),
        Err(e) => Err(PackError {
            file: label,
            position: None,
            rule: None,
            message: format!("cannot read the {what}: {e}"),
        }),
    }
}

/// Parses a config file's text. `file` names it in errors; `dir` is its
/// directory as seen from `cwd` (pack paths and globs are relative to it).
pub fn parse(file: &str, text: &str, dir: &Path, cwd: &Path) -> Result<Config, PackError> {
    let lines = LineIndex::new(text);
    let position = |offset: usize| lines.position_in(text, offset);
    let at = |span: Range<usize>, message: String| PackError {
        file: file.to_string(),
        position: Some(position(span.start)),
        rule: None,
        message,
    };
    let raw: RawConfig =
        toml::from_str(text).map_err(|e| PackError::from_toml(file, text, &e, |_| None))?;
    let name = |key: &str, spanned: &Spanned<String>| {
        let (line, column) = position(spanned.span().start);
        Name {
            name: spanned.get_ref().clone(),
            origin: format!("{file}:{line}:{column}: {key} `{}`", spanned.get_ref()),
        }
    };
    let names = |key: &str, list: &[Spanned<String>]| -> Vec<Name> {
        list.iter().map(|s| name(key, s)).collect()
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let paths = PathFilter::new(
        &cwd.join(dir),
        cwd,
        &raw.include,
        &raw.exclude,
        raw.force_exclude.unwrap_or(false),
    )
    .map_err(|(span, message)| at(span, message))?;
    Ok(Config {
        file: file.to_string(),
        packs: raw
            .packs
            .iter()
            .map(|p| clean_join(dir, Path::new(p)))
            .collect(),
        default_packs: raw.default_packs,
        selection: Selection {
            select: raw.select.as_deref().map(|l| names("select", l)),
            ignore: names("ignore", &raw.ignore),
        },
        levels: raw
            .levels
            .iter()
            .map(|(key, level)| (name("levels", key), *level))
            .collect(),
        fail_on: raw.fail_on,
        paths,
    })
}

/// `dir/path`, without a leading `./` when `dir` is the working directory.
fn clean_join(dir: &Path, path: &Path) -> PathBuf {
    if dir == Path::new(".") {
        path.to_path_buf()
    } else {
        dir.join(path)
    }
}

#[cfg(test)]
mod tests;
