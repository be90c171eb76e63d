//! Packs written to hurt, through the real binary: loading stays bounded in
//! time and memory, the error names the rule, fixes that undo each other
//! stop with a warning, and a pack cannot reach outside itself.
//!
//! Timeouts here only turn a hang into a failure; they are generous on
//! purpose (debug build, shared CI machine). Speed is measured in benchmarks.

use assert_cmd::Command;
use calque_core::testing::{TestPack, TestRule};
use predicates::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const NO_HANG: Duration = Duration::from_secs(300);

fn calque() -> Command {
    let mut cmd = Command::cargo_bin("calque").unwrap();
    cmd.args(["--no-default-packs", "--color", "never"])
        .timeout(NO_HANG);
    cmd
}

fn pack_file(dir: &Path, rules: &str) -> PathBuf {
    let path = dir.join("hostile.toml");
    fs::write(
        &path,
        format!("[pack]\nname = \"hostile\"\ndescription = \"d\"\n{rules}"),
    )
    .unwrap();
    path
}

fn rule(id: &str, fields: &str) -> String {
    format!(
        "\n[[rule]]\nid = \"{id}\"\nmessage = \"m\"\nexamples = [{{ bad = \"x\" }}]\n{fields}\n"
    )
}

/// Runs `calque check` with the pack on a small text; returns its stderr.
fn load_fails(pack: &Path) -> String {
    let dir = pack.parent().unwrap();
    let text = dir.join("a.txt");
    fs::write(&text, "alpha beta\n").unwrap();
    let started = Instant::now();
    let out = calque()
        .arg("--pack")
        .arg(pack)
        .arg("check")
        .arg(&text)
        .assert()
        .code(2)
        .get_output()
        .clone();
    eprintln!("refused in {:?}", started.elapsed());
    assert!(out.stdout.is_empty());
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn a_10_mb_regular_expression_is_refused_naming_the_rule() {
    let dir = tempfile::tempdir().unwrap();
    let huge = "(?:alpha|beta)".repeat((10 << 20) / 14);
    let pack = pack_file(
        dir.path(),
        &(rule("fine", "pattern = 'alpha'") + &rule("huge", &format!("pattern = '{huge}'"))),
    );
    assert!(fs::metadata(&pack).unwrap().len() > 10 << 20);
    let stderr = load_fails(&pack);
    assert!(
        stderr.starts_with("calque: ") && stderr.lines().count() == 1,
        "one line: {stderr}"
    );
    assert!(stderr.contains("hostile.toml:"), "{stderr}");
    assert!(
        stderr.contains("rule `huge`: invalid `pattern`: the pattern is 10485"),
        "{stderr}"
    );
    assert!(
        stderr.contains("bytes long; the limit is 65536 bytes"),
        "{stderr}"
    );
}

#[test]
fn deeply_nested_repetitions_hit_the_size_limit_naming_the_rule() {
    let dir = tempfile::tempdir().unwrap();
    let pack = pack_file(
        dir.path(),
        &rule("nested", r"pattern = '((\w{50}){50}){50}'"),
    );
    let stderr = load_fails(&pack);
    assert!(
        stderr.contains("rule `nested`: invalid `pattern`: the pattern compiles to more than"),
        "{stderr}"
    );
}

#[test]
fn huge_context_conditions_are_refused_naming_the_rule_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let long = "x|".repeat(1 << 20) + "x";
    for (field, value, expected) in [
        (
            "not_before",
            long.as_str(),
            "invalid `not_before`: the pattern is",
        ),
        (
            "after",
            r"^(?:(?:\w{40}){40}){40}",
            "invalid `after`: the pattern compiles to more than",
        ),
    ] {
        let pack = pack_file(
            dir.path(),
            &rule("ctx", &format!("phrase = \"alpha\"\n{field} = '{value}'")),
        );
        let stderr = load_fails(&pack);
        assert!(stderr.contains("rule `ctx`: "), "{stderr}");
        assert!(stderr.contains(expected), "{stderr}");
    }
}

/// 100,000 rules load and run; how long and how much memory is measured
/// in docs/hardening.md, not asserted here.
#[test]
fn a_pack_of_100000_rules_loads_and_runs() {
    let dir = tempfile::tempdir().unwrap();
    let mut rules = String::with_capacity(20 << 20);
    for i in 0..100_000 {
        rules.push_str(&format!(
            "\n[[rule]]\nid = \"r{i}\"\nphrase = \"word{i} calque\"\nreplace = \"word{i} loan\"\nsafe = true\nmessage = \"m\"\nexamples = [{{ bad = \"word{i} calque\", good = \"word{i} loan\" }}]\n"
        ));
    }
    let pack = pack_file(dir.path(), &rules);
    let text = dir.path().join("a.txt");
    fs::write(&text, "the word99999 calque and the word7 calque\n").unwrap();
    let started = Instant::now();
    calque()
        .arg("--pack")
        .arg(&pack)
        .arg("fix")
        .arg(&text)
        .assert()
        .code(0);
    eprintln!("100,000 rules: loaded and fixed in {:?}", started.elapsed());
    assert_eq!(
        fs::read_to_string(&text).unwrap(),
        "the word99999 loan and the word7 loan\n"
    );
}

/// Rules that undo each other: `fix` stops after its pass bound with a
/// warning naming them, and exits 1 (findings remain that need a person).
#[test]
fn replacements_that_loop_stop_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("hostile.toml");
    let looping = TestPack::new("hostile").rules(TestRule::undoing_each_other());
    fs::write(&pack, looping.toml()).unwrap();
    let text = dir.path().join("a.txt");
    fs::write(&text, "alpha\n").unwrap();
    let old = crate::support::backdate(&text);
    let warning = "the fixes did not settle after 8 passes; these rules keep firing on their own output: hostile/";
    calque()
        .arg("--pack")
        .arg(&pack)
        .arg("fix")
        .arg(&text)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "calque: warning: {}",
            text.display()
        )))
        .stderr(predicate::str::contains(warning));
    // An even number of passes brings the text back to where it started,
    // and a file left as it was is not written.
    assert_eq!(fs::read_to_string(&text).unwrap(), "alpha\n");
    assert_eq!(fs::metadata(&text).unwrap().modified().unwrap(), old);
    calque()
        .arg("--pack")
        .arg(&pack)
        .args(["fix", "-"])
        .write_stdin("alpha\n")
        .assert()
        .code(1)
        .stdout("alpha\n")
        .stderr(predicate::str::contains(warning));
}

/// A pack cannot name other files to read or commands to run: every field
/// it may hold is known, and anything else is refused.
#[test]
fn include_like_keys_are_refused_as_unknown_fields() {
    let dir = tempfile::tempdir().unwrap();
    for (place, key) in [
        ("top", "include = [\"/etc/passwd\"]"),
        ("top", "import = \"other.toml\""),
        ("pack", "extends = \"../other.toml\""),
        ("rule", "command = \"rm -rf /\""),
        ("rule", "phrase_file = \"/etc/passwd\""),
    ] {
        let text = match place {
            "top" => format!("{key}\n[pack]\nname = \"p\"\ndescription = \"d\"\n"),
            "pack" => format!("[pack]\nname = \"p\"\ndescription = \"d\"\n{key}\n"),
            _ => format!(
                "[pack]\nname = \"p\"\ndescription = \"d\"\n{}",
                rule("r", &format!("phrase = \"alpha\"\n{key}"))
            ),
        };
        let path = dir.path().join("p.toml");
        fs::write(&path, text).unwrap();
        let field = key.split(' ').next().unwrap();
        calque()
            .arg("--pack")
            .arg(&path)
            .arg("rules")
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!("unknown field `{field}`")));
    }
}
