//! The pre-commit hooks of .pre-commit-hooks.yaml, run by the real
//! `pre-commit` (from PyPI) with `pre-commit try-repo` against this checkout,
//! in a throwaway git repository holding machine-translated text.
//!
//! try-repo uses this checkout's HEAD commit (plus uncommitted changes to
//! tracked files), and `language: rust` makes pre-commit `cargo install` it:
//! the first run builds calque in release mode, which takes minutes. The
//! build directory is kept under target/ so later runs only rebuild calque.
//!
//! Without `pre-commit` on PATH (or in $PRE_COMMIT) the test says it is
//! skipped, unless CI=true: there .ci/run installs it and a missing one fails.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const PACK: &str = r#"
[pack]
name = "mt"
description = "Machine-translation damage, for the pre-commit test"

[[rule]]
id = "xi-all-caps"
pattern = '\bXI\b'
replace = "Xi"
level = "error"
safe = true
message = "all-caps surname"
examples = [{ bad = "XI reaffirmed", good = "Xi reaffirmed" }]

[[rule]]
id = "all-weather-friendship"
phrase = "all-terrain friendship"
replace = "all-weather friendship"
level = "error"
safe = true
message = "literal rendering of a set phrase"
examples = [{ bad = "the all-terrain friendship", good = "the all-weather friendship" }]
"#;

/// Only this repository's own pack, so the test does not depend on the
/// built-in packs; the pack and config files themselves are not checked
/// (their examples are bad text on purpose).
const CONFIG: &str = r#"
default-packs = false
packs = ["mt.toml"]
exclude = ["*.toml"]
"#;

const BAD: &str = "XI reaffirmed the all-terrain friendship.\n";
const GOOD: &str = "Xi reaffirmed the all-weather friendship.\n";

/// The `pre-commit` to run, or `None` when there is none.
fn find_pre_commit() -> Option<PathBuf> {
    let candidate =
        PathBuf::from(std::env::var_os("PRE_COMMIT").unwrap_or_else(|| "pre-commit".into()));
    let works = Command::new(&candidate)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    works.then_some(candidate)
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(args)
        .current_dir(dir)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?} failed");
}

fn try_repo(pre_commit: &Path, dir: &Path, hook: &str) -> (Output, String) {
    let cache = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let output = Command::new(pre_commit)
        .args(["try-repo", env!("CARGO_MANIFEST_DIR"), hook, "--all-files"])
        .arg("--color=never")
        .current_dir(dir)
        // Reuse the release build across runs (pre-commit's `cargo install`
        // honours it); try-repo itself always uses a fresh hook store.
        .env("CARGO_TARGET_DIR", cache.join("pre-commit-build"))
        .env("PRE_COMMIT_HOME", cache.join("pre-commit-home"))
        .output()
        .expect("pre-commit runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output, text)
}

#[test]
fn the_hooks_check_and_fix_a_repository() {
    let Some(pre_commit) = find_pre_commit() else {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("pre-commit is not installed; .ci/run must install it");
        }
        // Straight to stderr, past the test harness's capture, so the skip is seen.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED the_hooks_check_and_fix_a_repository: pre-commit is not installed \
             (python3 -m venv .ci/venv && .ci/venv/bin/pip install pre-commit, then put \
             .ci/venv/bin on PATH, or set PRE_COMMIT to its path)"
        );
        return;
    };
    let repo = tempfile::tempdir().unwrap();
    let dir = repo.path();
    std::fs::write(dir.join("article.txt"), BAD).unwrap();
    std::fs::write(dir.join("mt.toml"), PACK).unwrap();
    std::fs::write(dir.join("calque.toml"), CONFIG).unwrap();
    git(dir, &["init", "-q"]);
    git(dir, &["add", "."]);

    let (check, log) = try_repo(&pre_commit, dir, "calque");
    assert_eq!(check.status.code(), Some(1), "{log}");
    assert!(log.contains("article.txt:1:1: error[mt/xi-all-caps]"), "{log}");
    assert!(
        log.contains("article.txt:1:19: error[mt/all-weather-friendship]"),
        "{log}"
    );
    assert!(!log.contains("mt.toml:"), "the pack was checked: {log}");
    assert_eq!(std::fs::read_to_string(dir.join("article.txt")).unwrap(), BAD);

    let (fix, log) = try_repo(&pre_commit, dir, "calque-fix");
    assert_eq!(fix.status.code(), Some(1), "{log}");
    assert!(log.contains("files were modified by this hook"), "{log}");
    assert!(log.contains("fixed article.txt"), "{log}");
    assert_eq!(
        std::fs::read_to_string(dir.join("article.txt")).unwrap(),
        GOOD
    );
    assert!(
        std::fs::read_to_string(dir.join("mt.toml")).unwrap() == PACK,
        "the pack file was changed"
    );

    let (again, log) = try_repo(&pre_commit, dir, "calque");
    assert_eq!(again.status.code(), Some(0), "{log}");
}
