//! Input nobody checked, through the real binary: each case must end with a
//! clear message, the documented exit code, and no byte lost or changed
//! that should not be. Runs with `--no-default-packs` and the small pack in
//! tests/support/every-kind.toml, so the expectations do not move with the
//! built-in packs.
//!
//! Exit codes: 0 nothing found, 1 findings (or changes), 2 error.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

const PACK: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/every-kind.toml");
/// Generous: only there to turn a hang into a failure.
const NO_HANG: Duration = Duration::from_secs(600);

fn calque() -> Command {
    let mut cmd = Command::cargo_bin("calque").unwrap();
    cmd.args(["--no-default-packs", "--pack", PACK, "--color", "never"])
        .timeout(NO_HANG);
    cmd
}

const BAD: &str = "Then XI said that long -term ties matter.\n";
const GOOD: &str = "Then Xi said that long-term ties matter.\n";

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn an_empty_file_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "empty.txt", "");
    calque()
        .arg("check")
        .arg(&path)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("No findings in 1 file."));
    calque().arg("fix").arg(&path).assert().code(0);
    assert_eq!(fs::read(&path).unwrap(), b"");
}

#[test]
fn a_file_of_only_whitespace_is_clean_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let content = " \t\n\r\n\n   \u{a0}\u{2028}\n\t";
    let path = write(dir.path(), "blank.txt", content);
    calque().arg("check").arg(&path).assert().code(0);
    calque().arg("fix").arg(&path).assert().code(0);
    assert_eq!(fs::read_to_string(&path).unwrap(), content);
}

/// A 50 MB file of one line with a finding every few hundred bytes: output
/// stays linear (each finding shows a window of the line, not the line).
#[test]
fn a_50_mb_single_line_is_checked_and_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let filler = "the river was blue on Monday and the report said nothing new; ".repeat(6);
    let unit_bad = format!("{filler}XI said that long -term ties matter; ");
    let unit_good = format!("{filler}Xi said that long-term ties matter; ");
    let n = (50 << 20) / unit_bad.len();
    let path = write(dir.path(), "line.txt", unit_bad.repeat(n));
    let out = calque()
        .args(["check", "--format", "json"])
        .arg(&path)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let findings: Vec<serde_json::Value> = serde_json::from_slice(&out).unwrap();
    // Known limit: a line with no break is matched in blocks of 1 MiB, and a
    // match that straddles a cut is missed by `check` (docs/hardening.md).
    // At most one per cut; `fix` finds them in its next pass.
    let cuts = unit_bad.len() * n / (1 << 20);
    assert!(
        findings.len() <= 2 * n && findings.len() + cuts >= 2 * n,
        "{} findings, expected {} less at most {cuts}",
        findings.len(),
        2 * n
    );
    let last = &findings[findings.len() - 1];
    assert_eq!(last["line"], 1);
    let expected_column = (n - 1) * unit_bad.len() + unit_bad.find("long").unwrap() + 4; // at the "g" of "long -term"
    assert_eq!(last["column"], expected_column as u64);
    // The human format prints a short excerpt per finding, not the line.
    let human = calque()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .len();
    assert!(human < 2 * n * 1000, "human output is {human} bytes");
    calque().arg("fix").arg(&path).assert().code(0);
    assert_eq!(fs::read_to_string(&path).unwrap(), unit_good.repeat(n));
}

/// A 200 MB file of paragraphs with errors here and there: `check`, `fix`
/// in place and `fix -` as a filter.
#[test]
fn a_200_mb_file_is_checked_fixed_and_filtered() {
    let dir = tempfile::tempdir().unwrap();
    let paragraph = "The river was blue on Monday and the report said nothing new. ".repeat(40);
    let unit = |error: &str| format!("{paragraph}\n{paragraph}\n\n{error}\n\n");
    let (unit_bad, unit_good) = (unit(BAD), unit(GOOD));
    let n = (200 << 20) / unit_bad.len();
    let path = write(dir.path(), "big.txt", unit_bad.repeat(n));
    let summary = format!("Found {} findings", 2 * n);
    calque()
        .args(["check", "--format", "json"])
        .arg(&path)
        .assert()
        .code(1);
    calque()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(summary));
    let filtered = calque()
        .args(["fix", "-"])
        .pipe_stdin(&path)
        .unwrap()
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let expected = unit_good.repeat(n);
    assert!(filtered == expected.as_bytes(), "fix - output differs");
    calque().arg("fix").arg(&path).assert().code(0);
    assert!(
        fs::read(&path).unwrap() == expected.as_bytes(),
        "fix output differs"
    );
}

#[test]
fn a_nul_byte_means_binary_skipped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let content = b"XI said\0 long -term";
    let path = write(dir.path(), "data.bin", content);
    calque()
        .arg("check")
        .arg(&path)
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "data.bin: binary file (contains a NUL byte), skipped",
        ));
    calque().arg("fix").arg(&path).assert().code(0);
    assert_eq!(fs::read(&path).unwrap(), content);
    // Found by walking a directory: skipped silently, the text file is still fixed.
    write(dir.path(), "text.txt", BAD);
    calque()
        .arg("fix")
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains("binary").not());
    assert_eq!(fs::read(&path).unwrap(), content);
    assert_eq!(
        fs::read_to_string(dir.path().join("text.txt")).unwrap(),
        GOOD
    );
}

#[test]
fn invalid_utf8_is_refused_naming_the_file_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    let content = b"XI said caf\xe9 long -term\n";
    let path = write(dir.path(), "latin1.txt", content);
    for verb in ["check", "diff", "fix"] {
        let assert = calque()
            .arg(verb)
            .arg(&path)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "latin1.txt: not valid UTF-8 at byte offset 11; calque reads UTF-8 only",
            ))
            .stderr(predicate::str::contains("`iconv -f latin1 -t utf-8`"))
            // An error is not a clean result.
            .stderr(predicate::str::contains("No findings").not());
        // Only the verb that writes says that it did not.
        if verb == "fix" {
            assert.stderr(predicate::str::contains("the file was left unchanged"));
        } else {
            assert.stderr(
                predicate::str::contains("unchanged")
                    .not()
                    .and(predicate::str::contains("nothing was changed").not()),
            );
        }
        assert_eq!(fs::read(&path).unwrap(), content);
    }
    calque()
        .args(["fix", "-"])
        .write_stdin(content.to_vec())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "-: not valid UTF-8 at byte offset 11",
        ));
}

/// The choice made: UTF-16 is refused (exit 2) with a hint to convert it,
/// not decoded, so nothing is ever written back in another encoding.
#[test]
fn utf16_with_a_bom_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bom, big_endian) in [
        ("le.txt", [0xff, 0xfe], false),
        ("be.txt", [0xfe, 0xff], true),
    ] {
        let mut content = bom.to_vec();
        for unit in "XI said long -term".encode_utf16() {
            let bytes = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            content.extend(bytes);
        }
        let path = write(dir.path(), name, &content);
        for verb in ["check", "fix"] {
            calque()
                .arg(verb)
                .arg(&path)
                .assert()
                .code(2)
                .stderr(predicate::str::contains(format!(
                    "{name}: UTF-16 text is not supported; convert it to UTF-8"
                )));
            assert_eq!(fs::read(&path).unwrap(), content);
        }
    }
}

#[test]
fn fix_keeps_crlf_and_mixed_line_endings() {
    let dir = tempfile::tempdir().unwrap();
    let crlf = write(
        dir.path(),
        "crlf.txt",
        "XI said\r\nlong -term\r\n\r\nok\r\n",
    );
    let mixed = write(
        dir.path(),
        "mixed.txt",
        "XI said\r\nlong -term\nall-terrain\r\nfriendship\rthe end\n\r\n",
    );
    calque().arg("fix").arg(&crlf).arg(&mixed).assert().code(0);
    assert_eq!(
        fs::read(&crlf).unwrap(),
        b"Xi said\r\nlong-term\r\n\r\nok\r\n"
    );
    // A phrase broken over a CRLF keeps the line break as written (when the
    // replacement has as many word gaps as the match: see shape::keep_whitespace).
    assert_eq!(
        fs::read(&mixed).unwrap(),
        b"Xi said\r\nlong-term\nall-weather\r\nfriendship\rthe end\n\r\n"
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_neither_hangs_nor_hides_the_other_files() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    fs::create_dir(&sub).unwrap();
    symlink(dir.path(), sub.join("up")).unwrap(); // sub/up -> .. -> sub/up ...
    symlink("self", dir.path().join("self")).unwrap(); // a link to itself
    let text = write(&sub, "a.txt", BAD);
    // Walking: links are not followed, so the loop is not entered.
    calque()
        .arg("check")
        .arg(dir.path())
        .timeout(Duration::from_secs(120))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("in 1 file of 1 file"));
    // Named directly: a clear error naming it, and the other file is still done.
    calque()
        .arg("fix")
        .arg(dir.path().join("self"))
        .arg(&text)
        .timeout(Duration::from_secs(120))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("self: cannot read:"))
        .stderr(predicate::str::contains("symbolic links"));
    assert_eq!(fs::read_to_string(&text).unwrap(), GOOD);
}

#[cfg(unix)]
#[test]
fn fix_writes_through_a_symlink_and_keeps_the_link() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let target = write(dir.path(), "target.txt", BAD);
    let link = dir.path().join("link.txt");
    symlink("target.txt", &link).unwrap();
    calque().arg("fix").arg(&link).assert().code(0);
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_link(&link).unwrap(), Path::new("target.txt"));
    assert_eq!(fs::read_to_string(&target).unwrap(), GOOD);
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        2,
        "no file left over"
    );
}

/// Unreadable for a normal user. As root (CI runs as root) mode 000 does
/// not stop reading, so the test checks what really happens there: the
/// file is read and fixed like any other.
#[cfg(unix)]
#[test]
fn an_unreadable_file_is_an_error_and_the_others_are_done() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = write(dir.path(), "locked.txt", BAD);
    let other = write(dir.path(), "other.txt", BAD);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let readable_anyway = fs::read(&locked).is_ok();
    let assert = calque().arg("check").arg(&locked).arg(&other).assert();
    if readable_anyway {
        assert
            .code(1)
            .stderr(predicate::str::contains("in 2 files of 2 files"));
    } else {
        assert.code(2).stderr(predicate::str::contains(
            "locked.txt: cannot read: Permission denied",
        ));
        calque()
            .arg("fix")
            .arg(&locked)
            .arg(&other)
            .assert()
            .code(2);
        assert_eq!(fs::read_to_string(&other).unwrap(), GOOD);
    }
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o644)).unwrap();
}

#[test]
fn fix_refuses_a_read_only_file_and_leaves_it_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "ro.txt", BAD);
    let other = write(dir.path(), "rw.txt", BAD);
    let mut permissions = fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    fs::set_permissions(&path, permissions).unwrap();
    calque()
        .arg("fix")
        .arg(&path)
        .arg(&other)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "ro.txt: the file is read-only; not written",
        ));
    assert_eq!(fs::read_to_string(&path).unwrap(), BAD);
    assert_eq!(fs::read_to_string(&other).unwrap(), GOOD);
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        2,
        "no file left over"
    );
}

/// A file that is gone by the time it is read (the race between walking
/// and reading, made certain): a clear error, and the others still done.
#[test]
fn a_file_gone_before_it_is_read_is_an_error_and_the_others_are_done() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("gone.txt");
    let other = write(dir.path(), "other.txt", BAD);
    calque()
        .arg("fix")
        .arg(&gone)
        .arg(&other)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "gone.txt: cannot read: No such file or directory",
        ));
    assert_eq!(fs::read_to_string(&other).unwrap(), GOOD);
}

/// A file deleted while `fix` runs over many: each file is fixed or an
/// error names it; never a crash, never a file written back from nowhere.
#[test]
fn files_deleted_during_a_run_are_reported_not_recreated() {
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<PathBuf> = (0..400)
        .map(|i| write(dir.path(), &format!("f{i:03}.txt"), BAD.repeat(50)))
        .collect();
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("calque"))
        .args(["--no-default-packs", "--pack", PACK, "-j", "1", "fix"])
        .arg(dir.path())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    for p in paths.iter().rev().step_by(2) {
        let _ = fs::remove_file(p);
    }
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(matches!(out.status.code(), Some(0 | 2)), "{stderr}");
    for (i, p) in paths.iter().enumerate() {
        match fs::read_to_string(p) {
            Ok(text) => assert!(text == BAD.repeat(50) || text == GOOD.repeat(50)),
            Err(_) => assert!(
                (paths.len() - 1 - i).is_multiple_of(2),
                "{} vanished",
                p.display()
            ),
        }
    }
    for line in stderr.lines().filter(|l| l.starts_with("calque: ")) {
        assert!(
            line.contains("No such file or directory"),
            "unexpected: {line}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_is_not_read_and_does_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let text = write(dir.path(), "a.txt", BAD);
    calque()
        .arg("check")
        .arg(&fifo)
        .arg(&text)
        .timeout(Duration::from_secs(120))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "pipe: cannot read: not a regular file",
        ));
    // Walking a directory: the FIFO is not a file, so it is passed over.
    calque()
        .arg("fix")
        .arg(dir.path())
        .timeout(Duration::from_secs(120))
        .assert()
        .code(0);
    assert_eq!(fs::read_to_string(&text).unwrap(), GOOD);
}

#[test]
fn a_directory_of_10000_small_files() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..10_000 {
        let content = if i % 10 == 0 { BAD } else { "nothing to see\n" };
        write(dir.path(), &format!("{i:05}.txt"), content);
    }
    calque()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "Found 2000 findings (1000 errors, 1000 warnings, 0 info) in 1000 files of 10000 files.",
        ));
    calque()
        .arg("fix")
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "in 1000 files of 10000 files; 0 findings left",
        ));
    for i in (0..10_000).step_by(10) {
        let text = fs::read_to_string(dir.path().join(format!("{i:05}.txt"))).unwrap();
        assert_eq!(text, GOOD);
    }
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        10_000,
        "no file left over"
    );
}
