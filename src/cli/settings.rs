//! The config file and the command line, merged: the file first, flags win.
//! (Packs, `select`, `ignore` and `[levels]` are merged where the rules are
//! chosen, in `packs`.)

use super::Options;
use crate::config::{self, Config};
use calque_core::rule::Level;
use std::env;

/// The options a run uses, and the config file they came from (if any).
pub fn resolve(flags: &Options) -> Result<(Options, Option<Config>), String> {
    let config = if flags.no_config {
        None
    } else {
        let cwd =
            env::current_dir().map_err(|e| format!("cannot read the working directory: {e}"))?;
        match flags.config.clone().or_else(|| config::discover(&cwd)) {
            Some(path) => Some(config::read(&path, &cwd).map_err(|e| e.to_string())?),
            None => None,
        }
    };
    let mut options = flags.clone();
    options.fail_on = Some(
        flags
            .fail_on
            .or(config.as_ref().and_then(|c| c.fail_on))
            .unwrap_or(Level::Info),
    );
    if let Some(config) = &config {
        options.path_filter = config.paths.clone();
    }
    options.path_filter.force_exclude |= flags.force_exclude;
    Ok((options, config))
}
