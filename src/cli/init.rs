//! `calque init`: write a commented starter config file.

use super::Status;
use crate::config::{FILE_NAMES, STARTER};
use anyhow::{Result, anyhow, bail};
use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;

/// Writes `calque.toml` in the working directory. Refuses when a config
/// file is already there: it may hold someone's settings.
pub fn run() -> Result<Status> {
    if let Some(existing) = FILE_NAMES.iter().find(|name| Path::new(name).exists()) {
        bail!("{existing} already exists; not overwriting it (remove it first to start afresh)");
    }
    let name = FILE_NAMES[0];
    // `create_new`: never replace a file that appeared since the check above.
    let written = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(name)
        .and_then(|mut file| file.write_all(STARTER.as_bytes()));
    written.map_err(|e| anyhow!("{name}: cannot write: {e}"))?;
    eprintln!("Wrote {name}; see docs/configuration.md for every key.");
    Ok(Status::default())
}
