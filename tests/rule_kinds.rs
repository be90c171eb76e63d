//! One snapshot per rule kind: a small pack of that kind, a small text, and
//! the findings `calque check` reports on it, one compact entry each (see
//! `compact`). The snapshots are in tests/snapshots/ (insta), each headed by
//! its text, so a reader checks the findings against it. After a deliberate
//! change, run with `INSTA_UPDATE=always`, read every changed `.snap` and
//! commit it only if each finding is right.

use crate::support::project::Project;
use calque_core::testing::{TestPack, TestRule};
use serde_json::Value;

/// `text` checked as `file` with `pack` alone (no config, no built-in
/// pack): the text, then the findings.
fn findings(pack: TestPack, file: &str, text: &str) -> String {
    let project = Project::new().pack("kinds.toml", &pack).file(file, text);
    let output = project
        .calque()
        .args(["--no-config", "--no-default-packs", "--pack", "kinds.toml"])
        .args(["--color", "never", "check", "--format", "json", file])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let found: Vec<Value> =
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    let mut snapshot = format!("{file}:\n{text}\nfindings:\n");
    for finding in &found {
        snapshot.push_str(&compact(finding));
    }
    snapshot
}

/// A finding in two lines: where, rule, level, what it matched (and in
/// which unit of a bilingual file), what it proposes; then its message.
fn compact(f: &Value) -> String {
    let text = |key: &str| f[key].as_str().unwrap_or_default().to_string();
    let replacements: Vec<String> = f["replacements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| format!("{:?}", r.as_str().unwrap()))
        .collect();
    let shown_only = f["display_only"].as_bool().unwrap_or(false);
    let proposal = match (
        replacements.is_empty(),
        f["safe"].as_bool().unwrap(),
        shown_only,
    ) {
        (true, _, _) => "report only".to_string(),
        (false, true, _) => format!("{} (safe)", replacements.join(" | ")),
        (false, false, true) => format!("{} (display only)", replacements.join(" | ")),
        (false, false, false) => format!("{} (unsafe)", replacements.join(" | ")),
    };
    let unit = match f["unit"].as_str() {
        Some(unit) => format!(" in {unit}"),
        None => String::new(),
    };
    format!(
        "{}:{}-{}:{} {} {} {:?}{unit} -> {proposal}\n    {}\n",
        f["line"],
        f["column"],
        f["end_line"],
        f["end_column"],
        text("rule"),
        text("level"),
        text("matched"),
        text("message"),
    )
}

#[test]
fn phrase() {
    let pack = TestPack::new("kinds")
        .rule(
            TestRule::phrases(
                "weather",
                &["all-terrain friendship", "all terrain friendship"],
            )
            .replace("all-weather friendship")
            .safe()
            .message("literal rendering of a set phrase"),
        )
        .rule(
            TestRule::phrase("links", "bilateral links")
                .replace_any(&["bilateral ties", "bilateral relations"])
                .message("calque of 'liens bilatéraux'"),
        )
        .rule(
            TestRule::phrase("tendance", "tendance")
                .level("info")
                .message("untranslated French"),
        );
    let text = "All-terrain friendship grew, an all terrain\nfriendship.\n\
                BILATERAL LINKS, bilateral links.\n\
                An all-terrain vehicle is not one. Tendance: up.\n";
    insta::assert_snapshot!("phrase", findings(pack, "a.txt", text));
}

#[test]
fn pattern() {
    let pack = TestPack::new("kinds")
        .rule(TestRule::xi_all_caps().with("not_before", r"(?:Pope|Pius|Louis)\s+$"))
        .rule(
            TestRule::pattern("spacing", r"(\w) -(\w)")
                .replace("$1-$2")
                .safe()
                .level("error")
                .message("tokenizer spacing")
                .example("long -term", "long-term"),
        );
    let text = "XI said long -term ties matter.\nPope Pius XI did not; 5 - 3 is sums.\n";
    insta::assert_snapshot!("pattern", findings(pack, "a.txt", text));
}

#[test]
fn glossary() {
    let names = r#"[
  { name = "Vladimir Putin", foreign = ["Vladimir Poutine"] },
  { name = "Nicolás Maduro", variants = ["Nicolas Maduro"] },
]"#;
    let pack = TestPack::new("kinds").rule(
        TestRule::glossary("leaders", names)
            .safe()
            .message("misspelt name")
            .example("Vladimir Poutine said", "Vladimir Putin said"),
    );
    let text = "Vladimir Poutine met Nicolas Maduro, then Nicolás Madura.\n\
                Vladimir Putin and Nicolás Maduro spoke.\n";
    insta::assert_snapshot!("glossary", findings(pack, "a.txt", text));
}

#[test]
fn consistency() {
    let pack = TestPack::new("kinds").rule(
        TestRule::consistency("kyiv", &[&["Kyiv", "Kiev"]])
            .message("one spelling throughout")
            .example("Kyiv and Kyiv and Kiev", "Kyiv and Kyiv and Kyiv"),
    );
    let text = "Kyiv said no. Kiev replied.\nIn Kyiv, talks went on.\n";
    insta::assert_snapshot!("consistency", findings(pack, "a.txt", text));
}

#[test]
fn detector() {
    let pack = TestPack::new("kinds").rule(
        TestRule::detector("mojibake", "mojibake")
            .safe()
            .message("mojibake")
            .example("a cafÃ© in SÃ£o Paulo", "a café in São Paulo"),
    );
    let text = "The cafÃ© in SÃ£o Paulo and Franceâ€™s.\nA café in São Paulo; NÃO.\n";
    insta::assert_snapshot!("detector", findings(pack, "a.txt", text));
}

#[test]
fn bilingual_check() {
    let pack = TestPack::new("kinds")
        .rule(
            TestRule::check("numbers", "number-mismatch")
                .level("error")
                .message("a number of the source is missing or changed")
                .example_translated("共有5万人参加。", "About 5,000 people took part."),
        )
        .rule(
            TestRule::check("untranslated", "untranslated")
                .message("source text left in the translation")
                .example_translated("共有5万人参加。", "共有5万人参加。"),
        );
    let tsv = "source\ttarget\n\
               共有5万人参加。\tAbout 5,000 people took part.\n\
               共有5万人参加。\tAbout 50,000 people took part.\n\
               他们用人民币支付。\tThey paid in 人民币.\n";
    insta::assert_snapshot!("bilingual_check", findings(pack, "pairs.tsv", tsv));
}

#[test]
fn bilingual_term() {
    let pack = TestPack::new("kinds").rule(
        TestRule::term(
            "bri",
            "一带一路",
            &["Belt and Road Initiative", "Belt and Road"],
        )
        .message("use the official name")
        .example_translated("我们支持一带一路。", "We support One Belt One Road."),
    );
    let tsv = "source\ttarget\n\
               我们支持一带一路。\tWe support One Belt One Road.\n\
               我们支持一带一路。\tWe support the Belt and Road Initiative.\n\
               我们支持和平。\tWe support peace.\n";
    insta::assert_snapshot!("bilingual_term", findings(pack, "pairs.tsv", tsv));
}
