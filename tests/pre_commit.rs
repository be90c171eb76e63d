//! The pre-commit hooks of .pre-commit-hooks.yaml, run by the real
//! `pre-commit` (from PyPI) with `pre-commit try-repo` against this checkout,
//! in a throwaway git repository holding machine-translated text.
//!
//! try-repo uses this checkout's HEAD commit (plus uncommitted changes to
//! tracked files), and `language: rust` makes pre-commit `cargo install` it
//! into a fresh hook store on every try-repo. To keep that affordable on a
//! small CI machine, both hooks run in one try-repo (one install, hooks in
//! id order: `calque`, then `calque-fix`), the install's release profile is
//! turned into an unoptimised one through cargo's environment variables
//! (the hooks behave the same; only the build is faster), and the build
//! directory is kept under target/ so later runs only rebuild calque.
//!
//! Without `pre-commit` on PATH (or in $PRE_COMMIT) the test says it is
//! skipped, unless CI=true: there .ci/run installs it and a missing one fails.

use crate::support::project::Project;
use calque_core::testing::{TestPack, TestRule};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Two rules with safe fixes, both at level error.
fn pack() -> TestPack {
    TestPack::new("mt")
        .rule(TestRule::xi_all_caps().level("error"))
        .rule(
            TestRule::phrase("all-weather-friendship", "all-terrain friendship")
                .replace("all-weather friendship")
                .level("error")
                .safe()
                .message("literal rendering of a set phrase"),
        )
}

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

/// Runs every hook of this checkout's manifest on `dir`'s files.
fn try_repo(pre_commit: &Path, dir: &Path) -> (Output, String) {
    let cache = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let output = Command::new(pre_commit)
        .args(["try-repo", env!("CARGO_MANIFEST_DIR"), "--all-files"])
        .arg("--color=never")
        .current_dir(dir)
        // pre-commit's `cargo install` honours these: keep the build
        // across runs, and do not optimise it.
        .env("CARGO_TARGET_DIR", cache.join("pre-commit-build"))
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
        .env("CARGO_PROFILE_RELEASE_INCREMENTAL", "true")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "256")
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
    let repo = Project::new()
        .file("article.txt", BAD)
        .pack("mt.toml", &pack())
        .config(CONFIG);
    let dir = repo.path();
    git(dir, &["init", "-q"]);
    git(dir, &["add", "."]);

    let started = std::time::Instant::now();
    let (run, log) = try_repo(&pre_commit, dir);
    // Measured, not asserted: how long pre-commit took, install included.
    let _ = writeln!(
        std::io::stderr(),
        "pre-commit try-repo (install and both hooks): {:.0?}",
        started.elapsed()
    );
    assert_eq!(run.status.code(), Some(1), "{log}");
    let (check, fix) = log
        .split_once("- hook id: calque-fix")
        .unwrap_or_else(|| panic!("the calque-fix hook did not run: {log}"));

    // The check hook ran first, failed, and named both findings.
    assert!(check.contains("- hook id: calque\n"), "{log}");
    assert!(check.contains("- exit code: 1"), "{log}");
    assert!(
        check.contains("article.txt:1:1: error[mt/xi-all-caps]"),
        "{log}"
    );
    assert!(
        check.contains("article.txt:1:19: error[mt/all-weather-friendship]"),
        "{log}"
    );
    // The pack's own bad examples are excluded by the config (force-exclude).
    assert!(!log.contains("mt.toml:"), "the pack was checked: {log}");

    // The fix hook rewrote the article and pre-commit saw it modified.
    assert!(fix.contains("- files were modified by this hook"), "{log}");
    assert!(fix.contains("fixed article.txt"), "{log}");
    assert_eq!(repo.read("article.txt"), GOOD);
    assert_eq!(repo.read("mt.toml"), pack().toml());
}
