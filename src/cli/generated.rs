//! Shell completions and the man page, generated from the clap definitions
//! so that they never drift from the real options.

use super::{Cli, Status};
use anyhow::{Result, anyhow};
use clap::CommandFactory;
use clap_complete::Shell;
use std::io::{self, Write};

/// `calque completions SHELL`: the completion script on stdout.
pub fn completions(shell: Shell) -> Result<Status> {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "calque", &mut out);
    write_stdout(&out)
}

/// `calque man`: the man page, in roff, on stdout.
pub fn man() -> Result<Status> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(|e| anyhow!("cannot render the man page: {e}"))?;
    write_stdout(&out)
}

fn write_stdout(bytes: &[u8]) -> Result<Status> {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(Status::default()),
        // A closed pipe (`calque man | head`) is not an error worth a line.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Status::default()),
        Err(e) => Err(anyhow!("cannot write to stdout: {e}")),
    }
}
