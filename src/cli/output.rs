//! Writing to stdout when the reader may go away. A closed pipe
//! (`calque eval ... | head -c 1`, a pager quit early) ends a verb quietly,
//! as ripgrep and the classic Unix tools do: no panic, no "Broken pipe"
//! line. Any other write error is an error of the verb, which `cli::run`
//! reports.

use super::Status;
use anyhow::{Result, anyhow};
use std::io::{self, BufWriter, Write};

/// Whether a write failed because nobody reads stdout any more.
pub fn is_closed(error: &io::Error) -> bool {
    error.kind() == io::ErrorKind::BrokenPipe
}

/// Runs `write` on a buffered stdout, then flushes it. A closed pipe gives
/// `Status::default()`: the reader chose to stop, which is not a failure
/// of the verb.
pub fn to_stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<Status> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(Status::default()),
        Err(e) if is_closed(&e) => Ok(Status::default()),
        Err(e) => Err(anyhow!("cannot write to stdout: {e}")),
    }
}
