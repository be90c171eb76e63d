//! The four output formats of `calque check`, run through the real binary
//! on a small fixture with a small pack (tests/fixtures/test-pack.toml),
//! colour off, compared with the snapshots in tests/snapshots/. The SARIF
//! log is also validated against the official SARIF 2.1.0 JSON schema.

use crate::support::{calque_with_test_pack, fixtures};
use serde_json::Value;
use std::path::Path;

/// `calque check --format FORMAT FILES` in tests/fixtures, with only the test pack.
fn check(format: &str, files: &[&str]) -> (String, String, i32) {
    let output = calque_with_test_pack()
        .args(["check", "--format", format])
        .args(files)
        .output()
        .unwrap();
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
        output.status.code().unwrap(),
    )
}

#[test]
fn human() {
    let (stdout, stderr, code) = check("human", &["article.txt"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("human", format!("{stdout}--- stderr ---\n{stderr}"));
}

#[test]
fn json() {
    let (stdout, _, code) = check("json", &["article.txt"]);
    assert_eq!(code, 1);
    let parsed: Value = serde_json::from_str(&stdout).expect("valid JSON");
    assert_eq!(parsed.as_array().map(Vec::len), Some(4));
    insta::assert_snapshot!("json", stdout);
}

#[test]
fn github() {
    let (stdout, _, code) = check("github", &["article.txt"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("github", stdout);
}

#[test]
fn sarif() {
    let (stdout, _, code) = check("sarif", &["article.txt"]);
    assert_eq!(code, 1);
    let version_free = stdout.replace(env!("CARGO_PKG_VERSION"), "[version]");
    insta::assert_snapshot!("sarif", version_free);
}

/// The official schema, shipped in tests/data (its origin and licence are in
/// tests/data/README.md), so that a clone with nothing beside it runs this test.
fn sarif_schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

fn sarif_validator() -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&sarif_schema())
        .expect("the SARIF schema compiles")
}

fn schema_errors(validator: &jsonschema::Validator, log: &Value) -> Vec<String> {
    validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let validator = sarif_validator();
    // Plain text, Markdown (a finding across a line break), subtitles and
    // gettext, all in one log.
    let (stdout, _, _) = check(
        "sarif",
        &[
            "article.txt",
            "markup/article.md",
            "markup/film.vtt",
            "markup/fr.po",
        ],
    );
    let log: Value = serde_json::from_str(&stdout).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(results.len() > 4, "{stdout}");
    let errors = schema_errors(&validator, &log);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn the_schema_check_can_fail() {
    // The validator is real: a log with a level SARIF does not know is refused.
    let validator = sarif_validator();
    let (stdout, _, _) = check("sarif", &["article.txt"]);
    let mut log: Value = serde_json::from_str(&stdout).unwrap();
    log["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(!schema_errors(&validator, &log).is_empty());
}

#[test]
fn sarif_regions_point_at_the_original_bytes() {
    let (stdout, _, _) = check("sarif", &["markup/article.md"]);
    let log: Value = serde_json::from_str(&stdout).unwrap();
    let file = std::fs::read(fixtures().join("markup/article.md")).unwrap();
    for result in log["runs"][0]["results"].as_array().unwrap() {
        let region = &result["locations"][0]["physicalLocation"]["region"];
        let start = region["byteOffset"].as_u64().unwrap() as usize;
        let len = region["byteLength"].as_u64().unwrap() as usize;
        let matched = std::str::from_utf8(&file[start..start + len]).unwrap();
        assert!(
            matched == "XI" || matched.starts_with("all-terrain"),
            "{matched}"
        );
    }
}
