//! Shell completions, generated from the clap definitions so that they
//! never drift from the real options. (The man pages are in `man`.)

use super::{Cli, Status, output};
use anyhow::Result;
use clap::CommandFactory;
use clap_complete::Shell;

/// `calque completions SHELL`: the completion script on stdout.
pub fn completions(shell: Shell) -> Result<Status> {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "calque", &mut out);
    output::to_stdout(|stdout| stdout.write_all(&out))
}
