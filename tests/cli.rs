//! The command line, end to end: the real binary on real files.

use crate::support::project::Project;
use assert_cmd::Command;
use calque_core::testing::{TestPack, TestRule};
use std::fs;
use std::path::{Path, PathBuf};

const SEED: &str = "fixtures/seed/000_0a50a29a47c1f7ef.txt";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn test_pack() -> PathBuf {
    root().join("tests/fixtures/mt.toml")
}

/// `calque` with only the test pack loaded, colours off.
fn calque() -> Command {
    let mut cmd = Command::cargo_bin("calque").unwrap();
    cmd.current_dir(root())
        .arg("--no-default-packs")
        .arg("--pack")
        .arg(test_pack())
        .arg("--color=never");
    cmd
}

/// `calque` with the built-in packs.
fn calque_builtin() -> Command {
    let mut cmd = Command::cargo_bin("calque").unwrap();
    cmd.current_dir(root()).arg("--color=never");
    cmd
}

fn stdout_of(cmd: &mut Command) -> (String, String, i32) {
    let out = cmd.output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn check_on_the_seed_reports_findings_with_positions() {
    let (out, err, code) = stdout_of(calque_builtin().args(["check", SEED]));
    assert_eq!(code, 1, "{err}");
    assert!(out.contains(&format!("{SEED}:7:118: error[")), "{out}");
    assert!(out.contains("fix: Xi"), "{out}");
    assert!(
        out.contains("long -term") || out.contains("long-term"),
        "{out}"
    );
    assert!(err.contains("Found "), "{err}");
}

#[test]
fn roman_numerals_are_left_alone_by_the_builtin_packs() {
    for text in [
        "Pope Pius XI said",
        "Louis XI",
        "Super Bowl XI was played",
        "Chapter XI\n",
    ] {
        let (out, _, code) = stdout_of(calque_builtin().args(["check", "-"]).write_stdin(text));
        assert_eq!(code, 0, "{text:?} was flagged: {out}");
    }
}

#[test]
fn json_spans_are_the_bytes_they_name() {
    let (out, _, code) = stdout_of(calque_builtin().args(["check", "--format", "json", SEED]));
    assert_eq!(code, 1);
    let findings: serde_json::Value = serde_json::from_str(&out).unwrap();
    let findings = findings.as_array().unwrap();
    assert!(findings.len() > 10);
    let bytes = fs::read(root().join(SEED)).unwrap();
    for f in findings {
        let (start, end) = (
            f["byte_start"].as_u64().unwrap() as usize,
            f["byte_end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            &bytes[start..end],
            f["matched"].as_str().unwrap().as_bytes(),
            "{f}"
        );
        for key in [
            "path",
            "line",
            "column",
            "end_line",
            "end_column",
            "rule",
            "level",
            "message",
            "replacements",
            "safe",
        ] {
            assert!(f.get(key).is_some(), "missing {key} in {f}");
        }
    }
}

#[test]
fn json_columns_count_characters() {
    let (out, _, _) = stdout_of(
        calque()
            .args(["check", "--format=json", "-"])
            .write_stdin("é “XI” said\n"),
    );
    let findings: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(findings[0]["column"], 4);
    assert_eq!(findings[0]["byte_start"], 6);
    assert_eq!(findings[0]["path"], "-");
}

#[test]
fn an_invalid_pattern_stops_every_verb_with_its_position() {
    let broken = TestRule::pattern("bad-regex", "(unclosed").example_flagged("x");
    let project = Project::new().pack("broken.toml", &TestPack::new("broken").rule(broken));
    let pack = project.join("broken.toml");
    for verb in [
        &["check", SEED][..],
        &["diff", SEED],
        &["fix", "-"],
        &["rules"],
        &["test"],
    ] {
        let (_, err, code) = stdout_of(calque_builtin().arg("--pack").arg(&pack).args(verb));
        assert_eq!(code, 2, "{verb:?}");
        // One line says what and where; the regex crate's caret diagram,
        // indented, follows on lines of its own.
        let first = err.lines().next().unwrap();
        assert!(
            first.contains("broken.toml:7:11: rule `bad-regex`: invalid `pattern`: unclosed group"),
            "{err}"
        );
        assert_eq!(err.lines().count(), 3, "{err}");
        assert!(err.lines().skip(1).all(|l| l.starts_with("    ")), "{err}");
    }
}

#[test]
fn calque_test_passes_on_builtin_packs_and_fails_on_a_wrong_example() {
    let (out, _, code) = stdout_of(calque_builtin().arg("test"));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(" 0 failed"), "{out}");

    let iron = TestRule::phrase("iron", "iron friendship")
        .replace("ironclad friendship")
        .example("iron friendship", "all-weather friendship")
        .ok("an iron friendship");
    let project = Project::new().pack("wrong.toml", &TestPack::new("wrong").rule(iron));
    let pack = project.join("wrong.toml");
    let (out, _, code) = stdout_of(
        calque_builtin()
            .arg("--no-default-packs")
            .arg("test")
            .arg(&pack),
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("FAIL wrong/iron"), "{out}");
    assert!(out.contains("example 1"), "{out}");
    assert!(out.contains("ok 1"), "{out}");
}

#[test]
fn unknown_names_in_select_get_a_suggestion() {
    let (_, err, code) = stdout_of(
        calque()
            .args(["--select", "mt/xi-al-caps", "check", "-"])
            .write_stdin(""),
    );
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `mt/xi-all-caps`"), "{err}");
}

#[test]
fn select_and_ignore_choose_rules() {
    let text = "XI said long -term\n";
    let (out, _, _) = stdout_of(
        calque()
            .args(["check", "--select", "mt/xi-all-caps", "-"])
            .write_stdin(text),
    );
    assert!(
        out.contains("xi-all-caps") && !out.contains("hyphen-spacing"),
        "{out}"
    );
    let (out, _, _) = stdout_of(
        calque()
            .args(["check", "--ignore", "mt", "-"])
            .write_stdin(text),
    );
    assert!(out.is_empty(), "{out}");
}

#[test]
fn rules_lists_and_explains() {
    let (out, _, code) = stdout_of(calque().arg("rules"));
    assert_eq!(code, 0);
    assert!(
        out.contains("mt/xi-all-caps") && out.contains("unsafe"),
        "{out}"
    );
    let (out, _, _) = stdout_of(calque().args(["rules", "mt/ironclad-friendship"]));
    assert!(
        out.contains("an all-terrain vehicle") && out.contains("an ironclad friendship"),
        "{out}"
    );
    let (_, err, code) = stdout_of(calque().args(["rules", "mt/iron"]));
    assert_eq!(code, 2);
    assert!(err.contains("did you mean"), "{err}");
}

/// A copy of a file in a fresh directory, for the verbs that write.
fn copy_into(dir: &Path, from: &Path, name: &str) -> PathBuf {
    let to = dir.join(name);
    fs::write(&to, fs::read(from).unwrap()).unwrap();
    to
}

#[test]
fn diff_applies_with_patch_and_matches_fix() {
    let dir = tempfile::tempdir().unwrap();
    let seed = root().join(SEED);
    copy_into(dir.path(), &seed, "article.txt");
    let patched = tempfile::tempdir().unwrap();
    copy_into(patched.path(), &seed, "article.txt");

    let (diff, _, code) = stdout_of(
        calque_builtin()
            .current_dir(dir.path())
            .args(["diff", "article.txt"]),
    );
    assert_eq!(code, 1);
    assert!(
        diff.starts_with("--- a/article.txt\n+++ b/article.txt\n"),
        "{diff}"
    );
    let status = std::process::Command::new("patch")
        .args(["-p1", "--quiet", "--no-backup-if-mismatch"])
        .current_dir(patched.path())
        .stdin(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(diff.as_bytes())?;
            child.wait()
        })
        .unwrap();
    assert!(status.success());

    let (_, err, _) = stdout_of(
        calque_builtin()
            .current_dir(dir.path())
            .args(["fix", "article.txt"]),
    );
    assert!(err.contains("fixed article.txt"), "{err}");
    let fixed = fs::read_to_string(dir.path().join("article.txt")).unwrap();
    assert!(fixed == fs::read_to_string(patched.path().join("article.txt")).unwrap());
    assert!(fixed != fs::read_to_string(&seed).unwrap());

    // A second fix changes nothing, and diff has nothing left to say.
    let (_, err, _) = stdout_of(
        calque_builtin()
            .current_dir(dir.path())
            .args(["fix", "article.txt"]),
    );
    assert!(err.contains("Applied 0 fixes"), "{err}");
    assert!(fs::read_to_string(dir.path().join("article.txt")).unwrap() == fixed);
    let (diff, _, code) = stdout_of(
        calque_builtin()
            .current_dir(dir.path())
            .args(["diff", "article.txt"]),
    );
    assert_eq!((diff.as_str(), code), ("", 0));
}

#[test]
fn fix_from_stdin_writes_what_fix_in_place_writes() {
    let dir = tempfile::tempdir().unwrap();
    let file = copy_into(dir.path(), &root().join(SEED), "a.txt");
    let original = fs::read(&file).unwrap();
    calque_builtin().args(["fix"]).arg(&file).assert().code(1);
    let out = calque_builtin()
        .args(["fix", "-"])
        .write_stdin(original)
        .output()
        .unwrap();
    assert!(
        out.stdout == fs::read(&file).unwrap(),
        "fix - and fix in place differ"
    );
    assert!(
        out.stdout != fs::read(root().join(SEED)).unwrap(),
        "nothing was fixed"
    );
}

#[test]
fn crlf_line_endings_and_the_bom_survive_fix() {
    let dir = tempfile::tempdir().unwrap();
    let seed = fs::read_to_string(root().join(SEED)).unwrap();
    let crlf = format!("\u{feff}{}", seed.replace('\n', "\r\n"));
    let file = dir.path().join("crlf.txt");
    fs::write(&file, &crlf).unwrap();
    calque_builtin().arg("fix").arg(&file).assert().code(1);
    let fixed = fs::read_to_string(&file).unwrap();
    assert!(fixed.starts_with('\u{feff}'));
    assert_eq!(fixed.matches("\r\n").count(), crlf.matches("\r\n").count());
    assert_eq!(fixed.matches('\n').count(), crlf.matches('\n').count());
    // Only the fixed spans differ: the LF version fixed the same way gives the same text.
    let lf_fixed = calque_builtin()
        .args(["fix", "-"])
        .write_stdin(seed)
        .output()
        .unwrap()
        .stdout;
    assert!(
        fixed.trim_start_matches('\u{feff}').replace("\r\n", "\n")
            == String::from_utf8(lf_fixed).unwrap()
    );
}

#[test]
fn latin1_is_refused_and_left_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("latin1.txt");
    let bytes = b"XI a d\xe9clar\xe9 long -term\n".to_vec();
    fs::write(&file, &bytes).unwrap();
    for verb in ["check", "diff", "fix"] {
        let (_, err, code) = stdout_of(calque().arg(verb).arg(&file));
        assert_eq!(code, 2, "{verb}");
        assert!(
            err.contains("latin1.txt") && err.contains("byte offset 6"),
            "{err}"
        );
        assert_eq!(fs::read(&file).unwrap(), bytes);
    }
}

#[test]
fn a_file_without_fixes_is_not_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("clean.txt");
    fs::write(&file, "Nothing to see here.\n").unwrap();
    let old = crate::support::backdate(&file);
    let (_, _, code) = stdout_of(calque().arg("fix").arg(&file));
    assert_eq!(code, 0);
    assert_eq!(fs::metadata(&file).unwrap().modified().unwrap(), old);
}

#[test]
fn fix_reports_what_is_left_for_a_person() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    fs::write(&file, "XI said we maintain multilateralism.\n").unwrap();
    let (_, err, code) = stdout_of(calque().arg("fix").arg(&file));
    assert_eq!(code, 1, "a suggestion is left");
    assert!(
        err.contains("Applied 1 fix in 1 file of 1 file; 1 finding left"),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        "Xi said we maintain multilateralism.\n"
    );
    let (_, _, code) = stdout_of(calque().args(["fix", "--unsafe"]).arg(&file));
    assert_eq!(code, 0);
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        "Xi said we uphold multilateralism.\n"
    );
}

#[test]
fn directories_are_walked_in_order_honouring_gitignore() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(".gitignore"), "ignored.txt\n").unwrap();
    fs::write(dir.path().join("b.txt"), "XI said\n").unwrap();
    fs::write(dir.path().join("a.txt"), "XI said\n").unwrap();
    fs::write(dir.path().join("ignored.txt"), "XI said\n").unwrap();
    fs::write(dir.path().join(".hidden.txt"), "XI said\n").unwrap();
    fs::write(dir.path().join("binary.bin"), b"XI said\0").unwrap();
    let (out, err, code) = stdout_of(calque().arg("check").arg(dir.path()));
    assert_eq!(code, 1, "{err}");
    let files: Vec<&str> = out.lines().filter(|l| l.contains(": error[")).collect();
    assert_eq!(files.len(), 2, "{out}");
    assert!(
        files[0].contains("a.txt") && files[1].contains("b.txt"),
        "{out}"
    );
    assert!(
        !err.contains("binary.bin"),
        "walked binaries are skipped quietly: {err}"
    );
    let (_, err, code) = stdout_of(calque().arg("check").arg(dir.path().join("binary.bin")));
    assert_eq!(code, 0);
    assert!(err.contains("binary file"), "{err}");
}

#[test]
fn a_missing_file_is_an_error_naming_it() {
    let (_, err, code) = stdout_of(calque().args(["check", "no-such-file.txt"]));
    assert_eq!(code, 2);
    assert!(err.contains("no-such-file.txt"), "{err}");
}

/// A project with a pack whose safe fix spans the test pack's hyphen fix
/// (`anti -fascist`); the project, and the pack's path.
fn overlap_project() -> (Project, PathBuf) {
    let war = TestRule::phrase("war", "world anti -fascist war")
        .replace("World Anti-Fascist War")
        .safe();
    let project = Project::new().pack("overlap.toml", &TestPack::new("overlap").rule(war));
    let pack = project.join("overlap.toml");
    (project, pack)
}

#[test]
fn overlapping_fixes_resolve_to_the_longer_and_note_the_other() {
    let (dir, pack) = overlap_project();
    let (out, err, code) = stdout_of(
        calque()
            .arg("--pack")
            .arg(&pack)
            .args(["fix", "-"])
            .write_stdin("the world anti -fascist war\n"),
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "the World Anti-Fascist War\n");
    let file = dir.path().join("a.txt");
    fs::write(&file, "the world anti -fascist war\n").unwrap();
    let (_, err, _) = stdout_of(calque().arg("--pack").arg(&pack).arg("fix").arg(&file));
    assert!(
        err.contains("a.txt:1:11: the fix of [mt/hyphen-spacing] was left out"),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        "the World Anti-Fascist War\n"
    );
}

#[test]
fn summaries_speak_in_the_singular_for_one() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("one.txt");
    fs::write(&file, "XI said so.\n").unwrap();
    let (_, err, code) = stdout_of(calque().arg("check").arg(&file));
    assert_eq!(code, 1);
    assert!(
        err.contains("Found 1 finding (1 error, 0 warnings, 0 info) in 1 file of 1 file."),
        "{err}"
    );
    let (_, err, _) = stdout_of(calque().args(["--select", "mt", "rules"]));
    assert!(err.contains("4 rules in 1 pack."), "{err}");
}

#[test]
fn eval_counts_one_text_in_the_singular() {
    let (out, err, code) =
        stdout_of(calque_builtin().args(["eval", "fixtures/seed/gold.toml", SEED]));
    assert_eq!(code, 0, "{err}");
    assert!(out.lines().next().unwrap().ends_with("(1 text)"), "{out}");
}

#[test]
fn eval_totals_only_prints_the_figures_and_nothing_of_the_texts() {
    let args = ["eval", "fixtures/seed/gold.toml", SEED];
    let (full, _, _) = stdout_of(calque_builtin().args(args));
    let (totals, err, code) = stdout_of(calque_builtin().args(args).arg("--totals-only"));
    assert_eq!(code, 0, "{err}");
    // The seed has misses, so the full report lists them; the figures are
    // its first five lines.
    assert!(
        full.contains("not flagged") || full.contains("not fixed"),
        "{full}"
    );
    let figures: Vec<&str> = full.lines().take(5).collect();
    assert_eq!(totals.lines().collect::<Vec<_>>(), figures, "{totals}");

    let (json, _, _) =
        stdout_of(
            calque_builtin()
                .args(args)
                .args(["--totals-only", "--format", "json"]),
        );
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(report.get("texts").is_none(), "{json}");
    assert!(report["totals"]["core"].as_u64().unwrap() > 0, "{json}");
}

/// Runs `calque ARGS` with a stdout whose reading end is already closed,
/// so that its first write fails with a broken pipe, and returns stderr.
fn with_stdout_closed(args: &[&str], stdin: &str) -> (String, Option<i32>) {
    use std::io::Write as _;
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_calque"))
        .current_dir(root())
        .args(["--color=never"])
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let _ = input.write_all(stdin.as_bytes());
    drop(input);
    let out = child.wait_with_output().unwrap();
    (String::from_utf8(out.stderr).unwrap(), out.status.code())
}

#[test]
fn every_verb_ends_quietly_when_its_output_is_closed() {
    let text = "XI said long -term.\n".repeat(200);
    let runs: &[&[&str]] = &[
        &["eval", "fixtures/seed/gold.toml", SEED, "--format", "json"],
        &["eval", "fixtures/seed/gold.toml", SEED],
        &["check", SEED],
        &["check", SEED, "--format", "sarif"],
        &["diff", SEED],
        &["fix", "-"],
        &["fix", "-", "--stdin-filename", "a.md"],
        &["rules"],
        &["rules", "--format", "json"],
        &["rules", "glossary/g20-leaders"],
        &["test", "names-casing"],
        &["man"],
        &["completions", "bash"],
    ];
    for args in runs {
        let (err, code) = with_stdout_closed(args, &text);
        assert!(
            !err.contains("panicked") && !err.to_lowercase().contains("broken pipe"),
            "{args:?}: {err}"
        );
        assert_ne!(code, None, "{args:?} died of a signal");
        assert_ne!(code, Some(2), "{args:?}: {err}");
    }
}

#[test]
fn rules_of_a_pack_and_as_json() {
    let (json, _, code) = stdout_of(calque_builtin().args(["rules", "--format", "json"]));
    assert_eq!(code, 0);
    let all: serde_json::Value = serde_json::from_str(&json).unwrap();
    let all = all.as_array().unwrap();
    assert!(all.len() > 100);
    for rule in all {
        assert!(rule["id"].is_string(), "{rule}");
        assert!(rule["level"].is_string(), "{rule}");
        assert!(rule["safe"].is_boolean(), "{rule}");
        assert!(rule["message"].is_string(), "{rule}");
    }
    let expected: Vec<&str> = all
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .filter(|id| id.starts_with("zh-diplomatic/"))
        .collect();
    let (out, err, code) = stdout_of(calque_builtin().args(["rules", "zh-diplomatic"]));
    assert_eq!(code, 0, "{err}");
    let listed: Vec<&str> = out
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(listed, expected);
    assert!(
        err.contains(&format!("{} rules in 1 pack.", expected.len())),
        "{err}"
    );
    // --select counts the packs it keeps.
    let (_, err, _) = stdout_of(calque_builtin().args(["rules", "--select", "names-casing"]));
    assert!(err.contains(" in 1 pack."), "{err}");
    // An unknown name suggests packs too.
    let (_, err, code) = stdout_of(calque_builtin().args(["rules", "zh-diplomati"]));
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `zh-diplomatic`?"), "{err}");
}

#[test]
fn a_glossary_rule_lists_its_names() {
    let (out, _, code) = stdout_of(calque_builtin().args(["rules", "glossary/g20-leaders"]));
    assert_eq!(code, 0);
    assert!(out.contains("\nNames ("), "{out}");
    assert!(
        out.contains("  - Vladimir Putin (corrects: Vladimir Poutine"),
        "{out}"
    );
    assert!(out.contains("  - Keir Starmer\n"), "{out}");
}

#[test]
fn fix_in_json_describes_the_applied_fixes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    fs::write(&file, "Then XI said we maintain multilateralism.\n").unwrap();
    let (out, err, code) = stdout_of(calque().args(["fix", "--format", "json"]).arg(&file));
    assert_eq!(code, 1, "a suggestion is left: {err}");
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        "Then Xi said we maintain multilateralism.\n"
    );
    let report: serde_json::Value = serde_json::from_str(&out).expect(&out);
    assert_eq!(report["files"], 1);
    assert_eq!(report["files_changed"], 1);
    assert_eq!(report["applied"], 1);
    assert_eq!(report["remaining"], 1);
    let file_report = &report["reports"][0];
    assert_eq!(file_report["path"], file.display().to_string());
    assert_eq!(file_report["changed"], true);
    let fix = &file_report["fixes"][0];
    assert_eq!(fix["rule"], "mt/xi-all-caps");
    assert_eq!(fix["pass"], 1);
    assert_eq!(
        (fix["line"].clone(), fix["column"].clone()),
        (1.into(), 6.into())
    );
    assert_eq!(fix["matched"], "XI");
    assert_eq!(fix["replacement"], "Xi");
    assert_eq!(fix["byte_start"], 5);
}

#[test]
fn formats_a_verb_cannot_print_are_refused_before_anything_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    let bytes = b"XI said.\n";
    fs::write(&file, bytes).unwrap();
    for args in [
        &["fix", "--format", "sarif"][..],
        &["fix", "--format", "github"],
        &["diff", "--format", "json"],
        &["test", "--format", "json"],
    ] {
        let (out, err, code) = stdout_of(calque().args(args).arg(&file));
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty(), "{out}");
        assert!(err.contains("nothing was read or written"), "{err}");
        assert_eq!(fs::read(&file).unwrap(), bytes);
    }
    // `fix -` writes the text to stdout: there is no room for JSON.
    let (out, err, code) = stdout_of(
        calque()
            .args(["fix", "-", "--format", "json"])
            .write_stdin("XI said.\n"),
    );
    assert_eq!(code, 2);
    assert!(out.is_empty() && err.contains("`calque fix -`"), "{err}");
}

#[test]
fn diff_says_when_suggestions_are_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    fs::write(&file, "We maintain multilateralism.\n").unwrap();
    let (out, err, code) = stdout_of(calque().arg("diff").arg(&file));
    assert_eq!(code, 0);
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains("1 suggestion left out of this diff")
            && err.contains("`calque diff --unsafe` shows it"),
        "{err}"
    );
    let (out, err, code) = stdout_of(calque().args(["diff", "--unsafe"]).arg(&file));
    assert_eq!(code, 1);
    assert!(out.contains("+We uphold multilateralism."), "{out}");
    assert!(!err.contains("left out"), "{err}");
}

#[test]
fn check_and_fix_agree_on_how_many_fixes_apply() {
    let (dir, pack) = overlap_project();
    let file = dir.path().join("a.txt");
    fs::write(&file, "XI fought the world anti -fascist war\n").unwrap();
    // Three findings with safe fixes; the hyphen one lies inside the phrase.
    let (_, err, _) = stdout_of(calque().arg("--pack").arg(&pack).arg("check").arg(&file));
    assert!(err.contains("2 fixable with `calque fix`"), "{err}");
    assert!(
        err.contains("1 more safe fix overlaps a longer or stronger one and is left out"),
        "{err}"
    );
    let (_, err, _) = stdout_of(calque().arg("--pack").arg(&pack).arg("fix").arg(&file));
    assert!(
        err.contains(
            "Applied 2 fixes (1 overlapping fix left out for a longer or stronger fix) in 1 file"
        ),
        "{err}"
    );
}

#[test]
fn no_clean_summary_after_an_error() {
    let (_, err, code) = stdout_of(calque().args(["check", "no-such-file.txt"]));
    assert_eq!(code, 2);
    assert!(!err.contains("No findings"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    fs::write(&good, "Fine.\n").unwrap();
    let (_, err, code) = stdout_of(calque().arg("check").arg(&good).arg("no-such-file.txt"));
    assert_eq!(code, 2);
    assert!(
        err.contains("No findings in 1 file; 1 input could not be read (see above)."),
        "{err}"
    );
    let (_, err, _) = stdout_of(calque().args(["fix", "no-such-file.txt"]));
    assert!(!err.contains("Applied"), "{err}");
}

#[test]
fn fix_needs_a_path_and_help_says_what_none_means() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    fs::write(&file, "XI said.\n").unwrap();
    let mut cmd = Command::cargo_bin("calque").unwrap();
    let out = cmd.current_dir(dir.path()).arg("fix").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(fs::read_to_string(&file).unwrap(), "XI said.\n");
    // The help is wrapped to the terminal's width: compare with the line
    // breaks folded to spaces.
    let help = |verb: &str| {
        let text = stdout_of(calque_builtin().args([verb, "--help"])).0;
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    for verb in ["check", "diff"] {
        let text = help(verb);
        assert!(text.contains("[default: the current directory]"), "{text}");
    }
    let text = help("fix");
    assert!(
        text.contains("Required: give `.` for the current directory"),
        "{text}"
    );
    // Options only `check` uses are only in check's help.
    assert!(help("check").contains("--fail-on"));
    for verb in ["diff", "fix", "rules", "eval", "test"] {
        assert!(!help(verb).contains("--fail-on"), "{verb}");
    }
}

#[test]
fn man_dir_writes_every_page_and_each_reference_exists() {
    let dir = tempfile::tempdir().unwrap();
    let (_, err, code) = stdout_of(calque_builtin().args(["man", "--dir"]).arg(dir.path()));
    assert_eq!(code, 0, "{err}");
    // Pages by file name, from the man1/ and man5/ directories `man` searches.
    let mut pages: Vec<String> = Vec::new();
    for section in ["man1", "man5"] {
        for entry in fs::read_dir(dir.path().join(section)).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            assert!(name.ends_with(&section[3..]), "{section}/{name}");
            pages.push(name);
        }
    }
    let path_of = |page: &str| {
        dir.path()
            .join(format!("man{}", &page[page.len() - 1..]))
            .join(page)
    };
    for verb in [
        "check",
        "diff",
        "fix",
        "rules",
        "eval",
        "test",
        "init",
        "completions",
        "man",
    ] {
        assert!(pages.contains(&format!("calque-{verb}.1")), "{pages:?}");
    }
    for page in ["calque.1", "calque-pack.5", "calque.toml.5"] {
        assert!(pages.contains(&page.to_string()), "{pages:?}");
    }
    let reference = regex::Regex::new(r"([a-z][a-z.\-]*)\(([1-8])\)").unwrap();
    for page in &pages {
        let roff = fs::read_to_string(path_of(page)).unwrap();
        assert!(roff.contains(".SH EXAMPLES\n"), "{page}");
        let see_also = roff
            .split(".SH \"SEE ALSO\"\n")
            .nth(1)
            .unwrap_or_else(|| panic!("{page} has no SEE ALSO"));
        let plain = roff
            .replace("\\-", "-")
            .replace("\\fB", "")
            .replace("\\fR", "");
        assert!(see_also.contains("calque"), "{page}");
        for name in reference.captures_iter(&plain) {
            let file = format!("{}.{}", &name[1], &name[2]);
            assert!(
                pages.contains(&file),
                "{page} names {file}, which was not written"
            );
        }
    }
    // One page alone, for `man -l -`.
    let (out, _, code) = stdout_of(calque_builtin().args(["man", "calque.toml"]));
    assert_eq!(code, 0);
    assert!(
        out.contains(".SH NAME\ncalque.toml \\- the configuration file"),
        "{out}"
    );
    assert!(out.contains("fail\\-on"), "{out}");
}

/// The README's sample output is what the binary prints today: its first
/// lines are the first lines of stdout, and after `...` come the summary
/// lines of stderr, all of them.
#[test]
fn the_readme_sample_is_what_check_prints() {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let marker = format!("<!-- sample: calque check {SEED} -->\n```\n");
    let start = readme.find(&marker).expect("the README has its sample") + marker.len();
    let sample = &readme[start..start + readme[start..].find("```").unwrap()];
    let (head, tail) = sample.split_once("...\n").expect("a `...` line");
    let (out, err, code) = stdout_of(calque_builtin().args(["check", SEED]));
    assert_eq!(code, 1);
    let expected_head: String = out
        .split_inclusive('\n')
        .take(head.lines().count())
        .collect();
    assert_eq!(
        head, expected_head,
        "README.md's sample is out of date: its first lines are now\n{expected_head}"
    );
    assert_eq!(
        tail, err,
        "README.md's summary is out of date: it is now\n{err}"
    );
}
