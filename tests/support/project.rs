//! A throwaway project on disk for the tests that run the real binary: a
//! temporary folder with the files a user would have (a calque.toml, rule
//! packs, texts), built up one file at a time.

use assert_cmd::Command;
use calque_core::testing::TestPack;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// A temporary folder, removed when the value is dropped.
pub struct Project {
    dir: TempDir,
}

impl Project {
    /// An empty project.
    pub fn new() -> Project {
        Project {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// Writes `contents` to `path` (relative to the project), creating the
    /// folders on the way.
    pub fn file(self, path: &str, contents: impl AsRef<[u8]>) -> Project {
        let full = self.join(path);
        if let Some(parent) = full.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(full, contents).unwrap();
        self
    }

    /// Writes a pack file.
    pub fn pack(self, path: &str, pack: &TestPack) -> Project {
        self.file(path, pack.toml())
    }

    /// Writes calque.toml at the top of the project.
    pub fn config(self, toml: &str) -> Project {
        self.file("calque.toml", toml)
    }

    /// The project's folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// A path inside the project.
    pub fn join(&self, path: &str) -> PathBuf {
        self.dir.path().join(path)
    }

    /// A file of the project, as text.
    pub fn read(&self, path: &str) -> String {
        fs::read_to_string(self.join(path)).unwrap()
    }

    /// The real binary, run at the top of the project (where it finds
    /// calque.toml), outside CI whatever the environment says.
    pub fn calque(&self) -> Command {
        self.calque_in(".")
    }

    /// The real binary, run in a folder of the project.
    pub fn calque_in(&self, folder: &str) -> Command {
        let mut cmd = Command::cargo_bin("calque").unwrap();
        cmd.current_dir(self.join(folder)).env_remove("CI");
        cmd
    }
}
