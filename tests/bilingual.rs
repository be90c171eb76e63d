//! Bilingual files end to end (issue 21): the real binary on files the
//! tests write, with the built-in packs.

use assert_cmd::Command;
use calque_core::testing::{TestPack, TestRule};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

fn calque(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("calque").unwrap();
    cmd.current_dir(dir).arg("--color=never").arg("--no-config");
    cmd
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

/// The JSON findings of `check`, its exit code, after checking that every
/// finding's byte range holds exactly its `matched` text in the file.
fn findings(dir: &Path, args: &[&str]) -> (Vec<Value>, i32) {
    let out = calque(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let found: Vec<Value> =
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    for f in &found {
        let file = fs::read(dir.join(f["path"].as_str().unwrap())).unwrap();
        let range =
            f["byte_start"].as_u64().unwrap() as usize..f["byte_end"].as_u64().unwrap() as usize;
        assert_eq!(
            String::from_utf8_lossy(&file[range]),
            f["matched"].as_str().unwrap(),
            "{f}"
        );
    }
    (found, out.status.code().unwrap())
}

fn rules_of(found: &[Value]) -> Vec<(String, String)> {
    found
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["unit"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

const XLIFF12: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2">
 <file source-language="zh-CN" target-language="en" datatype="plaintext" original="news">
  <body>
   <trans-unit id="wrong">
    <source>共有5万人参加。</source>
    <target>About 5,000 people took part.</target>
   </trans-unit>
   <trans-unit id="right">
    <source>共有5万人参加。</source>
    <target>About 50,000 people &amp; guests took part.</target>
   </trans-unit>
  </body>
 </file>
</xliff>
"#;

#[test]
fn xliff_12_number_mismatch_points_at_the_target_line() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "news.xlf", XLIFF12);
    let (found, code) = findings(dir.path(), &["news.xlf"]);
    assert_eq!(code, 1);
    assert_eq!(
        rules_of(&found),
        [("bilingual/number-mismatch".to_string(), "wrong".to_string())]
    );
    let target_line = XLIFF12.lines().position(|l| l.contains("5,000")).unwrap() + 1;
    assert_eq!(found[0]["line"], target_line);
    assert_eq!(found[0]["matched"], "About 5,000 people took part.");
}

#[test]
fn po_placeholder_mismatch() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "fr.po",
        concat!(
            "msgid \"\"\nmsgstr \"Language: fr\\n\"\n\n",
            "msgid \"Hello %s, you have %d new messages\"\n",
            "msgstr \"Bonjour, vous avez %d nouveaux messages\"\n\n",
            "msgid \"Hello %s\"\nmsgstr \"Bonjour %s\"\n",
        ),
    );
    let (found, code) = findings(dir.path(), &["fr.po"]);
    assert_eq!(code, 1);
    assert_eq!(
        rules_of(&found),
        [(
            "bilingual/placeholder-mismatch".to_string(),
            "Hello %s, you have %d new messages".to_string()
        )]
    );
    assert!(found[0]["message"].as_str().unwrap().contains("`%s`"));
}

#[test]
fn xliff_20_dropped_inline_code() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "ui.xliff",
        r#"<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">
 <file id="f1">
  <unit id="greeting">
   <segment>
    <source>Welcome back<ph id="1"/> to your account.</source>
    <target>Bon retour sur votre compte.</target>
   </segment>
  </unit>
  <unit id="kept">
   <segment>
    <source>Welcome back<ph id="1"/> to your account.</source>
    <target>Bon retour<ph id="1"/> sur votre compte.</target>
   </segment>
  </unit>
 </file>
</xliff>
"#,
    );
    let (found, code) = findings(dir.path(), &["ui.xliff"]);
    assert_eq!(code, 1);
    assert_eq!(
        rules_of(&found),
        [(
            "bilingual/placeholder-mismatch".to_string(),
            "greeting".to_string()
        )]
    );
}

const TSV: &str = "source\ttarget\n\
共有5万人参加。\t共有5万人参加。\n\
他们用人民币支付。\tThey paid in 人民币 yesterday.\n\
他们用人民币支付。\tThey paid in renminbi yesterday.\n\
我们支持一带一路。\tWe support One Belt One Road.\n\
我们支持一带一路。\tWe support the Belt and Road Initiative.\n";

#[test]
fn tsv_untranslated_rows() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "pairs.tsv", TSV);
    let (found, code) = findings(dir.path(), &["--select", "bilingual", "pairs.tsv"]);
    assert_eq!(code, 1);
    assert_eq!(
        rules_of(&found),
        [
            ("bilingual/untranslated".to_string(), "row 2".to_string()),
            ("bilingual/untranslated".to_string(), "row 3".to_string()),
        ]
    );
    assert_eq!(found[1]["matched"], "人民币");
}

#[test]
fn a_term_pack_flags_the_row_without_the_official_name() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "pairs.tsv", TSV);
    let bri = TestRule::term(
        "bri",
        "一带一路",
        &["Belt and Road Initiative", "Belt and Road"],
    )
    .message("use the official name")
    .example_translated("我们支持一带一路。", "We support One Belt One Road.");
    write(
        dir.path(),
        "terms.toml",
        &TestPack::new("terms").rule(bri).toml(),
    );
    let (found, code) = findings(
        dir.path(),
        &["--pack", "terms.toml", "--select", "terms", "pairs.tsv"],
    );
    assert_eq!(code, 1);
    assert_eq!(
        rules_of(&found),
        [("terms/bri".to_string(), "row 5".to_string())]
    );
    // The pack's own example passes `calque test`.
    calque(dir.path())
        .args(["--pack", "terms.toml", "test", "terms"])
        .assert()
        .success();
}

#[test]
fn a_line_aligned_pair_and_a_plain_file() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "zh.txt",
        "共有5万人参加。\n会议于5月31日举行。\n",
    );
    write(
        dir.path(),
        "en.txt",
        "About 50,000 people took part.\nThe meeting was held on 5 May.\n",
    );
    let (found, code) = findings(
        dir.path(),
        &["--select", "bilingual", "--source", "zh.txt", "en.txt"],
    );
    assert_eq!(code, 1);
    assert_eq!(
        rules_of(&found),
        [(
            "bilingual/number-mismatch".to_string(),
            "line 2".to_string()
        )]
    );
    // Without a source, the bilingual rules never fire.
    let (found, code) = findings(dir.path(), &["--select", "bilingual", "en.txt"]);
    assert_eq!((found.len(), code), (0, 0));
    // A source of another length is an error naming the file.
    write(dir.path(), "short.txt", "共有5万人参加。\n");
    let out = calque(dir.path())
        .args(["check", "--source", "short.txt", "en.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("en.txt: the source has 1 lines, the target 2")
    );
}

#[test]
fn monolingual_rules_see_only_targets_and_fixes_keep_the_markup() {
    let dir = tempfile::tempdir().unwrap();
    let xlf = r#"<xliff version="1.2"><file source-language="en" target-language="fr"><body>
<trans-unit id="a"><source>Delete {count} files?</source><target>Supprimer { count } fichiers ?</target></trans-unit>
<trans-unit id="b"><source>Hello %s</source><target>Bonjour % s &amp; co</target></trans-unit>
</body></file></xliff>
"#;
    let path = write(dir.path(), "m.xlf", xlf);
    calque(dir.path())
        .args(["fix", "--select", "bilingual", "m.xlf"])
        .assert()
        .success();
    let fixed = fs::read_to_string(path).unwrap();
    assert_eq!(
        fixed,
        xlf.replace("{ count }", "{count}").replace("% s", "%s")
    );
}

#[test]
fn every_format_names_the_unit() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "news.xlf", XLIFF12);
    for (format, needle) in [
        ("human", "[unit: wrong]"),
        ("github", "[unit: wrong]"),
        ("sarif", "\"unit\": \"wrong\""),
    ] {
        let out = calque(dir.path())
            .args(["check", "--format", format, "news.xlf"])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(needle), "{format}: {text}");
    }
}
