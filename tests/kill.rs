//! Crash safety of `calque fix`: killed at any moment while it rewrites
//! many files, every file is either its original bytes or its fully fixed
//! bytes, never truncated or mixed. After a normal exit, SIGINT or SIGTERM
//! no temporary file (`.calque-*.tmp`) is left; after SIGKILL, which no
//! process can catch, one may be, and the files are still whole.

#![cfg(unix)]

use std::fs;
use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const PACK: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/every-kind.toml");
const FILES: usize = 200;

fn calque() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("calque"));
    cmd.args(["--no-default-packs", "--pack", PACK, "--color", "never"]);
    cmd
}

/// A text with many errors, different per file so that a mix-up between
/// files would show.
fn original(i: usize) -> Vec<u8> {
    let mut text = format!("file {i}\n");
    for n in 0..60 {
        text.push_str(&format!(
            "Paragraph {n} of {i}: XI said that long -term ties and an all terrain friendship matter.\n\n"
        ));
    }
    text.into_bytes()
}

/// What `calque fix -` makes of `bytes`: the only acceptable new content.
fn fixed(bytes: &[u8]) -> Vec<u8> {
    let mut child = calque()
        .args(["fix", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(bytes).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "fix - failed");
    assert_ne!(out.stdout, bytes, "the sample must need fixing");
    out.stdout
}

struct Tree {
    dir: tempfile::TempDir,
    originals: Vec<Vec<u8>>,
    fixes: Vec<Vec<u8>>,
}

impl Tree {
    fn new() -> Tree {
        let originals: Vec<Vec<u8>> = (0..FILES).map(original).collect();
        let fixes = originals.iter().map(|o| fixed(o)).collect();
        Tree {
            dir: tempfile::tempdir().unwrap(),
            originals,
            fixes,
        }
    }

    fn path(&self, i: usize) -> PathBuf {
        self.dir.path().join(format!("doc{i:03}.txt"))
    }

    /// Puts every original back and removes anything else.
    fn reset(&self) {
        for entry in fs::read_dir(self.dir.path()).unwrap() {
            fs::remove_file(entry.unwrap().path()).unwrap();
        }
        for (i, o) in self.originals.iter().enumerate() {
            fs::write(self.path(i), o).unwrap();
        }
    }

    fn start_fix(&self) -> Child {
        calque()
            .args(["-j", "2", "fix"])
            .arg(self.dir.path())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    }

    /// Checks every file is whole; returns how many are fixed.
    fn assert_each_file_whole(&self, when: &str) -> usize {
        let mut done = 0;
        for i in 0..FILES {
            let now = fs::read(self.path(i)).unwrap();
            if now == self.fixes[i] {
                done += 1;
            } else {
                assert!(
                    now == self.originals[i],
                    "{when}: {} is neither original nor fixed ({} bytes)",
                    self.path(i).display(),
                    now.len()
                );
            }
        }
        done
    }

    fn temp_files(&self) -> Vec<String> {
        temp_files_in(self.dir.path())
    }
}

fn temp_files_in(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".calque-") && name.ends_with(".tmp"))
        .collect()
}

fn send(child: &Child, signal: &str) {
    let status = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(child.id().to_string())
        .status()
        .unwrap();
    assert!(status.success());
}

/// Delays spread over a whole run, in a fixed but irregular order.
fn delays(run: Duration, count: u32) -> Vec<Duration> {
    (0..count)
        .map(|k| run.mul_f64(f64::from((k * 7919) % count) / f64::from(count) * 0.9))
        .collect()
}

#[test]
fn killed_at_any_moment_every_file_is_original_or_fixed() {
    let tree = Tree::new();
    // A full run first: all fixed, nothing left over, and how long it takes.
    tree.reset();
    let started = Instant::now();
    let status = tree.start_fix().wait().unwrap();
    let run = started.elapsed();
    assert_eq!(status.code(), Some(0));
    assert_eq!(tree.assert_each_file_whole("after a full run"), FILES);
    assert!(
        tree.temp_files().is_empty(),
        "temporary files left: {:?}",
        tree.temp_files()
    );

    let mut caught_midway = 0;
    for (round, delay) in delays(run, 12).into_iter().enumerate() {
        tree.reset();
        let mut child = tree.start_fix();
        std::thread::sleep(delay);
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let done = tree.assert_each_file_whole(&format!("SIGKILL after {delay:?}"));
        if done > 0 && done < FILES {
            caught_midway += 1;
        }
        eprintln!(
            "round {round}: SIGKILL after {delay:?}: {done} of {FILES} fixed, {} temporary files (allowed after SIGKILL)",
            tree.temp_files().len()
        );
    }
    eprintln!(
        "{caught_midway} of 12 kills landed while files were being written (full run: {run:?})"
    );
}

#[test]
fn sigint_and_sigterm_leave_no_temporary_file() {
    let tree = Tree::new();
    tree.reset();
    let started = Instant::now();
    tree.start_fix().wait().unwrap();
    let run = started.elapsed();
    for (round, delay) in delays(run, 6).into_iter().enumerate() {
        let signal = if round % 2 == 0 { "INT" } else { "TERM" };
        tree.reset();
        let mut child = tree.start_fix();
        std::thread::sleep(delay);
        send(&child, signal);
        let status = child.wait().unwrap();
        let done = tree.assert_each_file_whole(&format!("SIG{signal} after {delay:?}"));
        assert!(
            tree.temp_files().is_empty(),
            "SIG{signal} after {delay:?} left {:?}",
            tree.temp_files()
        );
        // Either it finished first, or it died of the signal (not a crash).
        let expected = if signal == "INT" { 2 } else { 15 };
        assert!(
            status.code() == Some(0) || status.signal() == Some(expected),
            "SIG{signal}: unexpected end {status:?}"
        );
        eprintln!(
            "round {round}: SIG{signal} after {delay:?}: {done} of {FILES} fixed, {status:?}"
        );
    }
}
