//! Markup awareness through the real binary: Markdown, subtitles and gettext
//! catalogues are fixed only where they hold prose (or translations), and
//! inline comments silence findings. Fixtures: tests/fixtures/markup/.

use crate::support::{calque_with_test_pack as calque, fixtures};
use serde_json::Value;
use std::fs;
use std::path::Path;

/// `calque fix --unsafe` on a copy of the fixture; the fixed text.
fn fixed(fixture: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let name = Path::new(fixture).file_name().unwrap();
    let copy = dir.path().join(name);
    fs::copy(fixtures().join(fixture), &copy).unwrap();
    calque()
        .args(["fix", "--unsafe"])
        .arg(&copy)
        .assert()
        .success();
    fs::read_to_string(copy).unwrap()
}

/// The 1-based lines of the findings `check --format json` reports.
fn finding_lines(args: &[&str], stdin: Option<&str>) -> Vec<u64> {
    let mut cmd = calque();
    cmd.args(["check", "--format", "json"]).args(args);
    if let Some(input) = stdin {
        cmd.write_stdin(input);
    }
    let output = cmd.output().unwrap();
    let records: Value = serde_json::from_slice(&output.stdout).unwrap();
    records
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["line"].as_u64().unwrap())
        .collect()
}

#[test]
fn markdown_prose_is_fixed_and_code_is_not() {
    let expected = "\
---
title: XI said
---

# Xi said

Xi said the all-weather
friendship holds. See `XI said` and <https://example.org/XI>.

```text
XI said
```

    XI said (indented code)

<!-- calque-disable-next-line demo/xi-all-caps -->
XI said, but this line is silenced.

<div>
XI said inside HTML
</div>

<!-- calque-disable -->
XI said in a silenced region.
<!-- calque-enable -->

[Xi said](https://example.org/XI) at the end.
";
    assert_eq!(fixed("markup/article.md"), expected);
}

#[test]
fn markdown_findings_skip_code_and_silenced_lines() {
    // Heading, prose (XI and the phrase), link text; nothing from front
    // matter, code, HTML or the silenced lines.
    assert_eq!(finding_lines(&["markup/article.md"], None), [5, 7, 7, 27]);
}

#[test]
fn a_disable_comment_silences_only_the_next_line() {
    let text = "<!-- calque-disable-next-line -->\nXI said.\nXI said.\n";
    assert_eq!(
        finding_lines(&["--stdin-filename", "notes.md", "-"], Some(text)),
        [3]
    );
    // Read as plain text, the same input has both findings.
    assert_eq!(finding_lines(&["-"], Some(text)), [2, 3]);
}

#[test]
fn stdin_is_fixed_as_the_named_type() {
    let output = calque()
        .args(["fix", "--stdin-filename", "notes.md", "-"])
        .write_stdin("XI said `XI`.\n")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "Xi said `XI`.\n");
}

#[test]
fn subtitle_timecodes_and_cue_numbers_are_untouched() {
    assert_eq!(
        fixed("markup/film.srt"),
        "1\n00:00:01,000 --> 00:00:04,000\nXi said the all-weather friendship\n\n\
         2\n00:00:05,000 --> 00:00:06,500\n<i>Xi</i> again\n"
    );
    assert_eq!(
        fixed("markup/film.vtt"),
        "WEBVTT - XI said\n\nNOTE XI said in a note\n\n\
         XI\n00:01.000 --> 00:04.000 align:start position:10%\n<v XI>Xi said\n"
    );
}

#[test]
fn gettext_fixes_msgstr_only_and_keeps_escapes() {
    let expected = r#"# XI said in a comment
msgid ""
msgstr ""
"Project-Id-Version: XI 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"

#: src/main.c:12
msgid "XI said"
msgstr "Xi said \"Xi\"\nXi"

msgid "friendship"
msgstr ""
"an all-weather friendship"
"#;
    assert_eq!(fixed("markup/fr.po"), expected);
}
