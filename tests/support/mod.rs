//! Helpers shared by the integration tests (`crate::support` in each
//! module of tests/main.rs). Packs are built with
//! `calque_core::testing::{TestPack, TestRule}`.
#![allow(dead_code)]

pub mod invariants;
pub mod project;

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// tests/fixtures/, the texts and the small pack several modules share.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The real binary in tests/fixtures/ with only tests/fixtures/test-pack.toml
/// loaded and colour off, so its output does not move with the built-in packs.
pub fn calque_with_test_pack() -> Command {
    let mut cmd = Command::cargo_bin("calque").unwrap();
    cmd.current_dir(fixtures()).args([
        "--no-default-packs",
        "--pack",
        "test-pack.toml",
        "--color",
        "never",
    ]);
    cmd
}

/// Sets `file`'s modification time far in the past and returns it, so a
/// test can tell whether the file was written again.
pub fn backdate(file: &Path) -> std::time::SystemTime {
    let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    std::fs::File::options()
        .write(true)
        .open(file)
        .unwrap()
        .set_modified(old)
        .unwrap();
    old
}
