//! Which `--format` each verb prints. `--format` is shared by every verb,
//! so a verb that cannot honour the one asked for refuses it up front
//! (exit 2, nothing read or written) rather than print something else.

use super::Command;
use crate::report::Format;

/// The formats `command` prints.
pub fn supported(command: &Command) -> &'static [Format] {
    match command {
        Command::Check { .. } => &[Format::Human, Format::Json, Format::Sarif, Format::Github],
        // The fixed text goes to stdout: there is no room for a report there.
        Command::Fix { paths } if paths.iter().any(|p| p.as_os_str() == "-") => &[Format::Human],
        Command::Fix { .. } | Command::Rules { .. } | Command::Eval { .. } => {
            &[Format::Human, Format::Json]
        }
        Command::Diff { .. }
        | Command::Test { .. }
        | Command::Init
        | Command::Completions { .. }
        | Command::Man { .. }
        | Command::Lsp => &[Format::Human],
    }
}

/// Why `command` refuses `--format`: it does not print that format.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UnsupportedFormat(String);

/// `Err` with the line to print when `command` does not print `format`.
pub fn check_supported(command: &Command, format: Format) -> Result<(), UnsupportedFormat> {
    let allowed = supported(command);
    if allowed.contains(&format) {
        return Ok(());
    }
    let verb = verb_name(command);
    let given = format.name();
    Err(UnsupportedFormat(if allowed == [Format::Human] {
        let what = match command {
            Command::Diff { .. } => "a unified diff",
            Command::Fix { .. } => "the fixed text of stdin",
            _ => "human-readable text",
        };
        format!("`calque {verb}` prints {what}, not --format {given}; nothing was read or written")
    } else {
        let names: Vec<&str> = allowed.iter().map(|f| f.name()).collect();
        format!(
            "`calque {verb}` prints --format {}, not {given}; nothing was read or written",
            names.join(" or ")
        )
    }))
}

fn verb_name(command: &Command) -> &'static str {
    match command {
        Command::Check { .. } => "check",
        Command::Diff { .. } => "diff",
        Command::Fix { paths } if paths.iter().any(|p| p.as_os_str() == "-") => "fix -",
        Command::Fix { .. } => "fix",
        Command::Rules { .. } => "rules",
        Command::Eval { .. } => "eval",
        Command::Test { .. } => "test",
        Command::Init => "init",
        Command::Completions { .. } => "completions",
        Command::Man { .. } => "man",
        Command::Lsp => "lsp",
    }
}
