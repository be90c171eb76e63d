//! The glossary and consistency rules and the "did you mean" hints, through
//! the real binary.

use crate::support::project::Project;
use assert_cmd::Command;
use calque_core::testing::{TestPack, TestRule};
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

const SEED: &str = "fixtures/seed/000_0a50a29a47c1f7ef.txt";

fn calque() -> Command {
    Command::cargo_bin("calque").unwrap()
}

/// (matched, first replacement, safe) of each finding in `check --format json`.
fn findings(args: &[&str], stdin: &str) -> Vec<(String, String, bool)> {
    let out = calque()
        .args(["check", "--format", "json"])
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap();
    assert!(out.status.code().unwrap() < 2, "{out:?}");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["matched"].as_str().unwrap().to_string(),
                f["replacements"][0].as_str().unwrap_or("").to_string(),
                f["safe"].as_bool().unwrap(),
            )
        })
        .collect()
}

fn pair(f: &(String, String, bool)) -> (&str, &str) {
    (f.0.as_str(), f.1.as_str())
}

const NAMES: [&str; 3] = [
    "--select=glossary/g20-leaders",
    "--select=glossary/other-leaders",
    "--select=glossary/international-organisations",
];

#[test]
fn near_misses_and_foreign_spellings_get_the_canonical_form() {
    let text = "Chinese President Xi Jinpin met Vladmir Putin in Moscow. Later, \
                Venezuelan President Nicols Maduro arrived; Maduro spoke, and Madro \
                added that Vladimir Poutine and Poutine's aides agreed. \
                Antonio Gutiérrez and Kristalina Georgiewa were there.\n";
    let mut args = NAMES.to_vec();
    args.push("-");
    let found = findings(&args, text);
    let pairs: Vec<(&str, &str)> = found.iter().map(pair).collect();
    assert_eq!(
        pairs,
        vec![
            ("Xi Jinpin", "Xi Jinping"),
            ("Vladmir Putin", "Vladimir Putin"),
            ("Nicols Maduro", "Nicolás Maduro"),
            ("Madro", "Maduro"),
            ("Vladimir Poutine", "Vladimir Putin"),
            // "Poutine's aides": a bare Poutine is also the dish; fr-calques
            // flags it in context, in French-source documents.
            ("Antonio Gutiérrez", "António Guterres"),
            ("Kristalina Georgiewa", "Kristalina Georgieva"),
        ]
    );
}

#[test]
fn exact_names_variants_and_unrelated_words_are_not_flagged() {
    let text = "Chinese President Xi Jinping met Vladimir Putin, Nicolas Maduro, Miguel \
                Diaz-Canel, Aleksandar Vucic and Min Aung Hlaing. Diaz-Canel, Vucic and \
                Maduro spoke. Putting it plainly, Madrid, Mario, Maria and Madura were \
                quiet; Micron, Macron's aides, Donald Tusk, Li Xiang, Aleksandar Vulin. \
                XI reaffirmed it.\n";
    let mut args = NAMES.to_vec();
    args.push("-");
    assert_eq!(findings(&args, text), vec![]);
}

#[test]
fn the_seed_article_names_are_right_and_its_apostrophes_are_mixed() {
    let mut args = NAMES.to_vec();
    args.push(SEED);
    assert_eq!(findings(&args, ""), vec![]);

    // Reported once per document, at the first word in the minority form.
    let found = findings(&["--select", "house-style/apostrophes", SEED], "");
    let pairs: Vec<(&str, &str)> = found.iter().map(pair).collect();
    assert_eq!(pairs, vec![("China’s", "China's")]);
    assert!(
        found.iter().all(|f| !f.2),
        "consistency fixes are suggestions"
    );
}

#[test]
fn fuzzy_fixes_wait_for_unsafe_and_exact_foreign_ones_follow_the_rule() {
    let putin = TestRule::glossary(
        "putin",
        r#"[{ name = "Vladimir Putin", foreign = ["Vladimir Poutine"] }]"#,
    )
    .safe()
    .example("Vladimir Poutine", "Vladimir Putin");
    let project = Project::new().pack("names.toml", &TestPack::new("names").rule(putin));
    let pack = project.join("names.toml");
    let pack = pack.to_str().unwrap();
    let text = "Vladimir Poutine met Vladmir Putin.\n";
    calque()
        .args(["fix", "--no-default-packs", "--pack", pack, "-"])
        .write_stdin(text)
        .assert()
        .stdout("Vladimir Putin met Vladmir Putin.\n");
    calque()
        .args(["fix", "--unsafe", "--no-default-packs", "--pack", pack, "-"])
        .write_stdin(text)
        .assert()
        .stdout("Vladimir Putin met Vladimir Putin.\n");
}

/// A project holding a pack `name` of one phrase rule (changed by `rule`);
/// the project, and the pack's path.
fn pack_named(name: &str, rule: impl FnOnce(TestRule) -> TestRule) -> (Project, String) {
    let phrase = TestRule::phrase("all-weather-friendship", "all-terrain friendship")
        .replace("all-weather friendship");
    let file = format!("{name}.toml");
    let project = Project::new().pack(&file, &TestPack::new(name).rule(rule(phrase)));
    let path = project.join(&file).to_str().unwrap().to_string();
    (project, path)
}

#[test]
fn a_mistyped_select_or_ignore_suggests_the_name() {
    let (_project, pack) = pack_named("zh-diplomatic", |rule| rule);
    calque()
        .args(["check", "--no-default-packs", "--pack", &pack])
        .args(["--select", "zh-diplomtic", "-"])
        .write_stdin("text\n")
        .assert()
        .code(2)
        .stderr(contains("--select zh-diplomtic").and(contains("(did you mean `zh-diplomatic`?)")));
    calque()
        .args(["check", "--no-default-packs", "--pack", &pack])
        .args(["--ignore", "zh-diplomatic/all-weather-friendhsip", "-"])
        .write_stdin("text\n")
        .assert()
        .code(2)
        .stderr(contains(
            "(did you mean `zh-diplomatic/all-weather-friendship`?)",
        ));
}

#[test]
fn a_mistyped_rule_id_or_pack_field_suggests_the_name() {
    calque()
        .args(["rules", "glossary/g20-leader"])
        .assert()
        .code(2)
        .stderr(contains("(did you mean `glossary/g20-leaders`?)"));
    let (_project, pack) = pack_named("typo", |rule| rule.with("mesage", "x"));
    calque()
        .args(["check", "--no-default-packs", "--pack", &pack, "-"])
        .write_stdin("text\n")
        .assert()
        .code(2)
        .stderr(contains("unknown field `mesage` (did you mean `message`?)"));
}
