//! The command line and the config file, resolved once into [`Settings`]:
//! the file first, flags win. The clap [`Options`] stay what was typed; the
//! verbs read only the settings, which nothing changes after `resolve`.
//! (Packs, `select`, `ignore` and `[levels]` are merged where the rules are
//! chosen, in `packs`.)

use super::Options;
use crate::config::{self, Config, PathFilter};
use crate::report::Format;
use crate::report::style::ColorChoice;
use anyhow::{Result, anyhow};
use calque_core::engine::gate::Origin;
use calque_core::rule::Level;
use std::env;
use std::path::PathBuf;

/// What a run uses: every flag, with the config file's values where a flag
/// was not given. See [`Options`] for what each means.
#[derive(Debug, Clone)]
pub struct Settings {
    pub packs: Vec<PathBuf>,
    pub no_default_packs: bool,
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub format: Format,
    pub color: ColorChoice,
    pub unsafe_fixes: bool,
    pub stdin_filename: Option<PathBuf>,
    /// `check --fail-on`, else the config's `fail-on`, else info.
    pub fail_on: Level,
    /// `--from`, else the config's `from`, else auto.
    pub from: Origin,
    pub source: Option<PathBuf>,
    pub target_lang: Option<String>,
    pub columns: Option<(String, String)>,
    pub fuzzy: bool,
    /// Which walked files are checked: the config's include/exclude globs,
    /// and `--force-exclude`.
    pub path_filter: PathFilter,
}

impl Settings {
    /// The settings of `flags` (and `check`'s `fail_on`) over `config`.
    pub fn new(flags: &Options, fail_on: Option<Level>, config: Option<&Config>) -> Settings {
        let mut path_filter = config.map(|c| c.paths.clone()).unwrap_or_default();
        path_filter.force_exclude |= flags.force_exclude;
        Settings {
            packs: flags.packs.clone(),
            no_default_packs: flags.no_default_packs,
            select: flags.select.clone(),
            ignore: flags.ignore.clone(),
            format: flags.format,
            color: flags.color,
            unsafe_fixes: flags.unsafe_fixes,
            stdin_filename: flags.stdin_filename.clone(),
            fail_on: fail_on
                .or(config.and_then(|c| c.fail_on))
                .unwrap_or(Level::Info),
            from: flags
                .from
                .clone()
                .or_else(|| config.and_then(|c| c.from.clone()))
                .unwrap_or_default(),
            source: flags.source.clone(),
            target_lang: flags.target_lang.clone(),
            columns: flags.columns.clone(),
            fuzzy: flags.fuzzy,
            path_filter,
        }
    }
}

/// Finds and reads the config file the flags point at (none with
/// `--no-config`), and resolves the settings over it.
pub fn resolve(flags: &Options, fail_on: Option<Level>) -> Result<(Settings, Option<Config>)> {
    let config = if flags.no_config {
        None
    } else {
        let cwd =
            env::current_dir().map_err(|e| anyhow!("cannot read the working directory: {e}"))?;
        match flags.config.clone().or_else(|| config::discover(&cwd)) {
            Some(path) => Some(config::read(&path, &cwd)?),
            None => None,
        }
    };
    Ok((Settings::new(flags, fail_on, config.as_ref()), config))
}
