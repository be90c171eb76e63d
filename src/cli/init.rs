//! `calque init`: write a commented starter config file.

use super::{Status, report_error};
use crate::config::{FILE_NAMES, STARTER};
use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;

/// Writes `calque.toml` in the working directory. Refuses when a config
/// file is already there: it may hold someone's settings.
pub fn run() -> Status {
    let failed = Status {
        error: true,
        found: false,
    };
    if let Some(existing) = FILE_NAMES.iter().find(|name| Path::new(name).exists()) {
        report_error(format!(
            "{existing} already exists; not overwriting it (remove it first to start afresh)"
        ));
        return failed;
    }
    let name = FILE_NAMES[0];
    // `create_new`: never replace a file that appeared since the check above.
    let written = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(name)
        .and_then(|mut file| file.write_all(STARTER.as_bytes()));
    match written {
        Ok(()) => {
            eprintln!(
                "Wrote {name}. Every key is described in calque.toml(5): \
                 `calque man calque.toml | man -l -`."
            );
            Status::default()
        }
        Err(e) => {
            report_error(format!("{name}: cannot write: {e}"));
            failed
        }
    }
}
