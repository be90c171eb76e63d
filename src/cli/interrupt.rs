//! What `calque fix` does when told to stop (Ctrl-C, `kill`, a closed
//! terminal): remove its temporary files, then die of the same signal, as
//! the default handler would have, so that shells and CI see the real cause.
//!
//! Every file is written by an atomic rename (see `write`), so stopping at
//! any moment leaves each file either as it was or fully fixed; only the
//! temporary files need cleaning up. SIGKILL cannot be caught: it may leave
//! a `.calque-*.tmp` file next to the file being written, never a damaged file.

/// Starts a thread that waits for SIGINT, SIGTERM or SIGHUP. Call once,
/// before the first file is written.
#[cfg(unix)]
pub fn clean_up_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;
    let Ok(mut signals) = Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        // Without handlers the default applies: the run still never damages
        // a file, it may only leave a temporary file behind.
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            crate::write::remove_temp_files_for_exit();
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            // Only reached if the default action does not end the process.
            std::process::exit(128 + signal);
        }
    });
}

#[cfg(not(unix))]
pub fn clean_up_on_signals() {}
