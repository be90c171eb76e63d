//! Writing a fixed file without ever losing data.
//!
//! The new content goes to a temporary file in the same directory, is
//! flushed to disk, gets the original's permissions (and owner, where we
//! may set it), and is renamed over the original in one step: a reader, or
//! a crash, sees either the old file or the new one, never a mix. A symlink
//! is written through to its target and stays a link. If the file changed
//! since it was read, nothing is written.
//!
//! Temporary files are registered while they exist, so that an interrupt
//! (SIGINT, SIGTERM: see `cli::interrupt`) can remove them before the
//! process dies. Only SIGKILL, which no process can catch, may leave one
//! behind; the original file is intact then too.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3;

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("the file changed on disk since it was read; not written (run calque again)")]
    ChangedOnDisk,
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// What a file held when it was read, kept in place of the content so
/// that fixing a large file holds one copy of its text, not two: its
/// length and its 128-bit XXH3 hash. This guards against another program
/// editing the file meanwhile, not against an adversary; an edit that
/// keeps both the length and the hash has no practical chance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    len: u64,
    hash: u128,
}

impl Fingerprint {
    pub fn of(bytes: &[u8]) -> Fingerprint {
        Fingerprint {
            len: bytes.len() as u64,
            hash: xxh3::xxh3_128(bytes),
        }
    }

    /// The fingerprint of what the file at `path` holds now, read piece by
    /// piece.
    fn of_file(path: &Path) -> io::Result<Fingerprint> {
        use std::io::Read;
        let mut file = fs::File::open(path)?;
        let mut piece = vec![0u8; 64 << 10];
        let mut hasher = xxh3::Xxh3::new();
        let mut len = 0u64;
        loop {
            match file.read(&mut piece) {
                Ok(0) => break,
                Ok(n) => {
                    hasher.update(&piece[..n]);
                    len += n as u64;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
        Ok(Fingerprint {
            len,
            hash: hasher.digest128(),
        })
    }
}

/// Replaces the content of `path` (which held `original` when read) with `new`.
pub fn replace_file(path: &Path, original: Fingerprint, new: &[u8]) -> Result<(), WriteError> {
    let target = resolve_links(path)?;
    let metadata = fs::metadata(&target)?;
    if metadata.permissions().readonly() {
        return Err(WriteError::Io(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only; not written",
        )));
    }
    if Fingerprint::of_file(&target)? != original {
        return Err(WriteError::ChangedOnDisk);
    }
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = live_temps::create_in(dir)?;
    let temp_path = temp.path().to_path_buf();
    let written = (|| {
        temp.write_all(new)?;
        temp.as_file().set_permissions(metadata.permissions())?;
        keep_owner(temp.as_file(), &metadata);
        temp.as_file().sync_all()?;
        temp.persist(&target).map_err(|e| e.error)
    })();
    // Persisted (renamed away) or dropped (deleted): no longer ours to clean up.
    live_temps::forget(&temp_path);
    written?;
    sync_dir(dir);
    Ok(())
}

/// Removes every temporary file this process has open for writing and
/// stops any more from being made, for a process about to die of a signal.
/// Never returns the lock, so writers block until the process is gone.
pub fn remove_temp_files_for_exit() {
    live_temps::remove_all_and_close();
}

/// The temporary files that exist right now, each one's path, for removal
/// by a signal handler (a `NamedTempFile` deletes itself on drop, but a
/// signal kills the process without dropping anything).
mod live_temps {
    use std::io;
    use std::path::{Path, PathBuf};
    use std::sync::{Mutex, MutexGuard};
    use tempfile::NamedTempFile;

    struct Live {
        /// Set once the process is going down: no new temporary file then.
        closed: bool,
        paths: Vec<PathBuf>,
    }

    static LIVE: Mutex<Live> = Mutex::new(Live {
        closed: false,
        paths: Vec::new(),
    });

    fn lock() -> MutexGuard<'static, Live> {
        // A writer that panicked leaves the list valid: keep using it.
        LIVE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// A new temporary file in `dir`, registered before anyone can see it:
    /// created under the lock, so a signal handler either removes it or
    /// stops it from being created.
    pub fn create_in(dir: &Path) -> io::Result<NamedTempFile> {
        let mut live = lock();
        if live.closed {
            return Err(io::Error::new(
                io::ErrorKind::Interrupted,
                "interrupted; not written",
            ));
        }
        let temp = tempfile::Builder::new()
            .prefix(".calque-")
            .suffix(".tmp")
            .tempfile_in(dir)?;
        live.paths.push(temp.path().to_path_buf());
        Ok(temp)
    }

    pub fn forget(path: &Path) {
        lock().paths.retain(|p| p != path);
    }

    pub fn remove_all_and_close() {
        let mut live = lock();
        live.closed = true;
        for path in live.paths.drain(..) {
            // Already renamed over its target, it is gone: nothing to do.
            let _ = std::fs::remove_file(path);
        }
        // The guard is leaked on purpose: the process is about to die, and
        // no writer may register, rename or delete anything meanwhile.
        std::mem::forget(live);
    }
}

/// The file a path finally names, following symlinks, so a link stays a link.
fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    if fs::symlink_metadata(path)?.file_type().is_symlink() {
        fs::canonicalize(path)
    } else {
        Ok(path.to_path_buf())
    }
}

#[cfg(unix)]
fn keep_owner(file: &fs::File, metadata: &fs::Metadata) {
    use std::os::unix::fs::{MetadataExt, fchown};
    // Only root may give a file away; for others this is a no-op or fails
    // harmlessly, and the file keeps the writer's ownership as any editor would.
    let _ = fchown(file, Some(metadata.uid()), Some(metadata.gid()));
}

#[cfg(not(unix))]
fn keep_owner(_file: &fs::File, _metadata: &fs::Metadata) {}

/// Makes the rename durable where the platform allows syncing a directory.
fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_keeps_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "XI said").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        }
        replace_file(&path, Fingerprint::of(b"XI said"), b"Xi said").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"Xi said");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o640
            );
        }
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn refuses_when_the_file_changed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "edited meanwhile").unwrap();
        assert!(matches!(
            replace_file(&path, Fingerprint::of(b"XI said"), b"Xi said"),
            Err(WriteError::ChangedOnDisk)
        ));
        assert_eq!(fs::read(&path).unwrap(), b"edited meanwhile");
    }

    #[test]
    fn reads_the_file_piece_by_piece_into_the_same_fingerprint() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        let content = "XI said. ".repeat(20_000);
        fs::write(&path, &content).unwrap();
        let on_disk = Fingerprint::of_file(&path).unwrap();
        assert_eq!(on_disk, Fingerprint::of(content.as_bytes()));
        let longer = content.clone() + "x";
        assert_ne!(on_disk, Fingerprint::of(longer.as_bytes()), "longer");
        let shorter = &content.as_bytes()[..content.len() - 1];
        assert_ne!(on_disk, Fingerprint::of(shorter), "shorter");
        let mut changed = content.into_bytes();
        changed[100_000] = b'!';
        assert_ne!(on_disk, Fingerprint::of(&changed), "same length");
    }

    #[cfg(unix)]
    #[test]
    fn writes_through_symlinks() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.txt");
        let link = dir.path().join("link.txt");
        fs::write(&target, "XI said").unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        replace_file(&link, Fingerprint::of(b"XI said"), b"Xi said").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&target).unwrap(), b"Xi said");
    }
}
