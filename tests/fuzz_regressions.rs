//! Every input a fuzzer ever crashed on, replayed on each `cargo test`:
//! fuzz/regressions/check_fix/* through the `check_fix` target's body and
//! fuzz/regressions/pack_loader/* through the `pack_loader` target's body
//! (both in tests/support/invariants.rs). See docs/fuzzing.md.

use crate::support::invariants;
use std::fs;
use std::path::PathBuf;

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let bytes = fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

#[test]
fn check_fix_regressions() {
    let engine = invariants::fuzz_engine();
    let cases = inputs("check_fix");
    for (path, bytes) in &cases {
        eprintln!("replaying {}", path.display());
        invariants::check_fix_bytes(&engine, bytes);
    }
}

#[test]
fn pack_loader_regressions() {
    for (path, bytes) in &inputs("pack_loader") {
        eprintln!("replaying {}", path.display());
        invariants::load_pack_bytes(bytes);
    }
}
