//! The config file, run through the real binary: discovery, precedence of
//! flags, select/ignore, levels, fail-on, include/exclude, `calque init`;
//! and the generated completions and man page.

use crate::support::project::Project;
use calque_core::testing::{TestPack, TestRule};
use predicates::prelude::*;

const TEXT: &str = "XI spoke of long -term plans.\n";

/// A project: a pack of two rules of two levels (so that selection and
/// levels show in the output) in rules/, a text in docs/, and `config` (if
/// any) as calque.toml at the top.
fn project(config: Option<&str>) -> Project {
    let pack = TestPack::new("mt")
        .rule(TestRule::xi_all_caps().level("error"))
        .rule(TestRule::long_term_spacing().level("warning"));
    let project = Project::new()
        .pack("rules/mt.toml", &pack)
        .file("docs/a.txt", TEXT);
    match config {
        Some(config) => project.config(config),
        None => project,
    }
}

const BASE: &str = "default-packs = false\npacks = [\"rules/mt.toml\"]\n";

fn with(extra: &str) -> String {
    format!("{BASE}{extra}")
}

#[test]
fn an_unknown_key_exits_2_with_file_line_column_and_a_suggestion() {
    let dir = project(Some(&with("fail-onn = \"error\"\n")));
    dir.calque_in("docs")
        .args(["check", "a.txt"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("calque: ../calque.toml:3:1: unknown field `fail-onn` (did you mean `fail-on`?)\n");
}

#[test]
fn an_unknown_rule_name_is_located_in_the_file() {
    let dir = project(Some(&with("ignore = [\"mt/xi-all-cap\"]\n")));
    dir.calque()
        .args(["check", "docs"])
        .assert()
        .code(2)
        .stderr(
            "calque: calque.toml:3:11: ignore `mt/xi-all-cap`: no loaded pack or rule has this \
             name (did you mean `mt/xi-all-caps`?)\n",
        );
}

#[test]
fn the_config_is_found_from_a_subdirectory_and_its_packs_are_relative_to_it() {
    let dir = project(Some(BASE));
    dir.calque_in("docs")
        .args(["check", "a.txt"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("a.txt:1:1: error[mt/xi-all-caps]"))
        .stdout(predicate::str::contains(
            "a.txt:1:13: warning[mt/long-term]",
        ));
}

#[test]
fn a_hidden_config_file_is_found_too() {
    let dir = project(None);
    let dir = dir.file(".calque.toml", with("ignore = [\"mt\"]\n"));
    dir.calque()
        .args(["check", "docs"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("No findings in 1 file."));
}

#[test]
fn no_config_and_an_explicit_config() {
    let dir = project(Some(&with("ignore = [\"mt\"]\n")));
    // --no-config: the file's packs are not loaded either.
    dir.calque()
        .args(["--no-config", "--no-default-packs", "rules"])
        .assert()
        .code(0)
        .stdout("")
        .stderr("0 rules in 0 packs.\n");
    let dir = dir.file("other.toml", BASE);
    dir.calque()
        .args(["check", "--config", "other.toml", "docs"])
        .assert()
        .code(1);
    dir.calque()
        .args(["check", "--config", "missing.toml", "docs"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "calque: missing.toml: cannot read the config",
        ));
}

#[test]
fn select_and_ignore_in_the_file_and_flags_after_it() {
    let dir = project(Some(&with("select = [\"mt/long-term\"]\n")));
    let only_long_term = dir.calque().args(["check", "docs"]).assert().code(1);
    let out = String::from_utf8(only_long_term.get_output().stdout.clone()).unwrap();
    assert!(
        out.contains("[mt/long-term]") && !out.contains("xi-all-caps"),
        "{out}"
    );

    // --select on the command line replaces the file's choice.
    let flags = dir
        .calque()
        .args(["check", "docs", "--select", "mt/xi-all-caps"])
        .assert()
        .code(1);
    let out = String::from_utf8(flags.get_output().stdout.clone()).unwrap();
    assert!(
        out.contains("[mt/xi-all-caps]") && !out.contains("long-term"),
        "{out}"
    );

    // --ignore adds to what the file chose: nothing is left.
    dir.calque()
        .args(["check", "docs", "--ignore", "mt/long-term"])
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn levels_override_the_packs_levels() {
    let dir = project(Some(&with(
        "[levels]\n\"mt\" = \"info\"\n\"mt/long-term\" = \"error\"\n",
    )));
    dir.calque()
        .args(["check", "docs"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("a.txt:1:1: info[mt/xi-all-caps]"))
        .stdout(predicate::str::contains("a.txt:1:13: error[mt/long-term]"));
    dir.calque()
        .args(["check", "docs", "--format", "json"])
        .assert()
        .stdout(predicate::str::contains("\"level\":\"info\""));
}

#[test]
fn fail_on_reports_everything_but_exits_0_below_its_level() {
    let dir = project(Some(&with(
        "fail-on = \"error\"\n[levels]\n\"mt/xi-all-caps\" = \"warning\"\n",
    )));
    dir.calque()
        .args(["check", "docs"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("warning[mt/xi-all-caps]"))
        .stdout(predicate::str::contains("warning[mt/long-term]"))
        .stderr(predicate::str::contains("fail-on level `error`: exit 0"));
    // The flag wins over the file.
    dir.calque()
        .args(["check", "docs", "--fail-on", "warning"])
        .assert()
        .code(1);
    // An error finding fails at fail-on = "error".
    let dir = project(Some(&with("fail-on = \"error\"\n")));
    dir.calque().args(["check", "docs"]).assert().code(1);
}

#[test]
fn include_and_exclude_choose_walked_files() {
    let dir = project(Some(&with(
        "include = [\"*.txt\"]\nexclude = [\"drafts/\"]\n",
    )));
    let dir = dir.file("docs/drafts/b.txt", TEXT).file("docs/c.md", TEXT);
    let run = dir.calque().args(["check", "."]).assert().code(1);
    let out = String::from_utf8(run.get_output().stdout.clone()).unwrap();
    assert!(out.contains("docs/a.txt:1:1"), "{out}");
    assert!(!out.contains("drafts") && !out.contains("c.md"), "{out}");
    // A file named on the command line is checked, unless --force-exclude.
    dir.calque()
        .args(["check", "docs/drafts/b.txt"])
        .assert()
        .code(1);
    dir.calque()
        .args(["check", "--force-exclude", "docs/drafts/b.txt"])
        .assert()
        .code(0);
}

#[test]
fn fix_honours_the_config() {
    let dir = project(Some(&with("ignore = [\"mt/long-term\"]\n")));
    dir.calque().args(["fix", "docs"]).assert().code(0);
    assert_eq!(dir.read("docs/a.txt"), "Xi spoke of long -term plans.\n");
}

#[test]
fn init_writes_a_starter_file_once() {
    let dir = Project::new();
    dir.calque()
        .arg("init")
        .assert()
        .code(0)
        .stderr(predicate::str::contains("Wrote calque.toml"));
    let written = dir.read("calque.toml");
    assert!(written.starts_with("# calque configuration"));
    // The starter file is valid and used.
    dir.calque().args(["rules"]).assert().code(0);
    let dir = dir.config("mine = 1\n");
    dir.calque()
        .arg("init")
        .assert()
        .code(2)
        .stderr("calque: calque.toml already exists; not overwriting it (remove it first to start afresh)\n");
    assert_eq!(dir.read("calque.toml"), "mine = 1\n");
}

#[test]
fn completions_and_man_page_come_from_the_clap_definitions() {
    let dir = Project::new();
    dir.calque()
        .args(["completions", "bash"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("--fail-on"))
        .stdout(predicate::str::contains("completions"));
    dir.calque()
        .args(["completions", "fish"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("complete -c calque"));
    dir.calque()
        .arg("man")
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(".ie"))
        .stdout(predicate::str::contains(".TH calque 1"))
        .stdout(predicate::str::contains("\\-\\-no\\-config"));
}

/// Every pack and rule the starter file names in its commented examples
/// exists in the built-in packs: a user who uncomments a line gets a
/// working config, not "no loaded pack or rule has this name".
#[test]
fn init_names_only_packs_and_rules_that_exist() {
    let dir = Project::new();
    dir.calque()
        .arg("init")
        .assert()
        .code(0)
        .stderr(predicate::str::contains("calque man calque.toml"))
        .stderr(predicate::str::contains("docs/").not());
    let written = dir.read("calque.toml");
    assert!(!written.contains("docs/"), "a binary user has no docs/");
    let name = regex::Regex::new(r#""([a-z0-9-]+(?:/[a-z0-9-]+)?)""#).unwrap();
    let mut names: Vec<&str> = written
        .lines()
        .filter(|l| l.starts_with('#'))
        .flat_map(|l| name.captures_iter(l).map(|c| c.get(1).unwrap().as_str()))
        // Levels, and the values of `from`, are not names of packs or rules.
        .filter(|n| !["error", "warning", "info", "auto", "any", "zh", "fr"].contains(n))
        .collect();
    names.sort_unstable();
    names.dedup();
    assert!(names.iter().any(|n| n.contains('/')), "{names:?}");
    for name in names {
        dir.calque()
            .args(["--no-config", "rules", name])
            .assert()
            .code(0);
    }
}
