//! calque's integration tests, as one test binary: each module below is a
//! file of this folder, and the crate is linked once for all of them
//! (`autotests = false` in Cargo.toml). Run one module with
//! `cargo test --test integration cli::`.
//!
//! A new file here must be named below, or it is not compiled at all;
//! `every_test_file_is_a_module` fails until it is.

mod support;

mod bad_input;
mod bilingual;
mod builtin_packs;
mod clean_corpus;
mod cli;
mod config;
mod fuzz_regressions;
mod glossary;
mod hostile_packs;
mod kill;
mod markup;
mod output_formats;
mod pre_commit;
mod properties;
mod rule_kinds;
mod safe_fixes;

/// With `autotests = false`, cargo builds only what this file names: a test
/// file that is not a module here would never run.
#[test]
fn every_test_file_is_a_module() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let main = std::fs::read_to_string(dir.join("main.rs")).unwrap();
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let Some(name) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let is_rust = path.extension().is_some_and(|e| e == "rs");
        if is_rust && name != "main" && !main.contains(&format!("\nmod {name};\n")) {
            missing.push(name.to_string());
        }
    }
    assert!(
        missing.is_empty(),
        "not named in tests/main.rs: {missing:?}"
    );
}
