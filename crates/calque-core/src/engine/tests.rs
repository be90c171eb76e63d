use super::*;
use crate::testing::{TestPack, TestRule, builtin_engine};

/// `XI` fixed to `Xi`, but not after a pope's or king's name.
fn xi_engine() -> Engine {
    let xi = TestRule::xi_all_caps().with("not_before", r"(?:Pope|Pius|Louis|Chapter|Bowl)\s+$");
    TestPack::new("test").rule(xi).engine()
}

fn matched(engine: &Engine, text: &str) -> Vec<String> {
    engine
        .check(text)
        .iter()
        .map(|f| text[f.span.clone()].to_string())
        .collect()
}

#[test]
fn context_conditions_keep_roman_numerals() {
    let engine = xi_engine();
    assert_eq!(
        matched(&engine, "XI reaffirmed, said XI."),
        vec!["XI", "XI"]
    );
    assert!(matched(&engine, "Pope Pius XI said").is_empty());
    assert!(matched(&engine, "Louis XI").is_empty());
    assert!(matched(&engine, "Louis\nXI ruled").is_empty());
}

#[test]
fn phrase_replacements_keep_case_and_line_breaks() {
    let engine = TestPack::new("test")
        .rule(
            TestRule::phrase("links", "bilateral links")
                .replace_any(&["bilateral ties", "bilateral relations"]),
        )
        .engine();
    let text = "Bilateral Links; BILATERAL LINKS; bilateral\n  links";
    let fixes: Vec<String> = engine
        .check(text)
        .into_iter()
        .map(|f| f.replacements()[0].clone())
        .collect();
    assert_eq!(
        fixes,
        vec!["Bilateral Ties", "BILATERAL TIES", "bilateral\n  ties"]
    );
}

#[test]
fn an_already_correct_form_is_not_a_finding() {
    let engine = TestPack::new("test")
        .rule(TestRule::phrase("victory-day", "victory day").replace("Victory Day"))
        .engine();
    assert!(matched(&engine, "on Victory Day and VICTORY DAY").is_empty());
    assert_eq!(matched(&engine, "on victory day"), vec!["victory day"]);
}

#[test]
fn pattern_replacements_expand_groups() {
    let hyphen = TestRule::pattern("hyphen", r"(?-u:\b)([a-z]+) -(?P<tail>[a-z]+)(?-u:\b)")
        .replace("$1-${tail}")
        .example("long -term", "long-term");
    let engine = TestPack::new("test").rule(hyphen).engine();
    let findings = engine.check("a long -term plan, 5 -3");
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].replacements(), ["long-term"]);
}

#[test]
fn findings_in_every_block_of_a_large_text() {
    let engine = xi_engine();
    let paragraph = "Some ordinary words here, and then XI said hello.\n\n";
    let text = paragraph.repeat(10_000);
    assert!(text.len() > 4 * blocks::TARGET_BLOCK);
    assert_eq!(engine.check(&text).len(), 10_000);
}

#[test]
fn the_same_advice_from_two_rules_is_given_once() {
    let putin = TestRule::phrase("suggestion", "Vladimir Poutine").replace("Vladimir Putin");
    let engine = TestPack::new("test")
        .rule(putin.clone())
        .rule(putin.id("fix").safe().level("error"))
        .rule(TestRule::phrase("other-advice", "Poutine").replace("Putin"))
        .engine();
    let findings = engine.check("Vladimir Poutine said");
    let rules: Vec<&str> = findings
        .iter()
        .map(|f| engine.rule(f.rule).id.as_str())
        .collect();
    assert_eq!(rules, vec!["test/fix", "test/other-advice"]);
}

#[test]
fn sightings_of_a_text_are_those_of_its_paragraphs() {
    let leaders = r#"[{ name = "Maduro" }, { name = "Putin", foreign = ["Poutine"] }]"#;
    let engine = TestPack::new("test")
        .rule(TestRule::glossary("leaders", leaders).example("Poutine said", "Putin said"))
        .rule(
            TestRule::new("apostrophes", "consistency", r#""apostrophes""#).example(
                "China's and Russia’s and Xi’s",
                "China’s and Russia’s and Xi’s",
            ),
        )
        .rule(
            TestRule::consistency("kyiv", &[&["Kyiv", "Kiev"]])
                .example("Kyiv and Kyiv and Kiev", "Kyiv and Kyiv and Kyiv"),
        )
        .engine();
    let paragraphs = [
        "Maduro met Poutine in Kiev.\n\n",
        "Madro's visit to Kyiv, China’s role.\r\n\r\n",
        "    x = f(1)\n>>> it's\n\n",
        "Nicolas Madro and Kyiv",
    ];
    let text = paragraphs.concat();
    let (mut findings, mut whole) = (Vec::new(), Vec::new());
    engine.search(&text, 0..text.len(), &mut findings, &mut whole);
    let (mut paragraph_findings, mut by_paragraph) = (Vec::new(), Vec::new());
    let mut start = 0;
    for p in paragraphs {
        let range = start..start + p.len();
        engine.search(&text, range, &mut paragraph_findings, &mut by_paragraph);
        start += p.len();
    }
    assert_eq!(whole, by_paragraph);
    assert_eq!(findings, paragraph_findings);
    let seen: Vec<_> = whole.iter().map(|s| s.seen).collect();
    use sightings::Seen;
    assert!(seen.contains(&Seen::CodeLine));
    assert!(seen.contains(&Seen::GlossaryForeign(1)));
    assert!(seen.contains(&Seen::GlossaryNear(0)));
    assert_eq!(
        seen.iter()
            .filter(|s| matches!(s, Seen::Variant(_)))
            .count(),
        3
    );
    // The code line turns the apostrophe rule off; the one-word near-miss
    // counts because "Maduro" is written right in the first paragraph.
    let rules: Vec<&str> = engine
        .check(&text)
        .iter()
        .map(|f| engine.rule(f.rule).id.as_str())
        .collect();
    assert!(!rules.contains(&"test/apostrophes"), "{rules:?}");
    assert!(rules.contains(&"test/leaders"), "{rules:?}");
}

#[test]
fn a_regex_written_alike_in_several_rules_is_compiled_once() {
    let engine = builtin_engine();
    let conditions = (0..engine.rules().len()).filter_map(|i| {
        engine
            .rules
            .behaviour(RuleId::new(i))
            .context
            .not_before
            .as_ref()
    });
    let mut by_source: std::collections::HashMap<&str, Vec<&Pattern>> = Default::default();
    for pattern in conditions {
        by_source.entry(pattern.as_str()).or_default().push(pattern);
    }
    let repeated: Vec<&Vec<&Pattern>> = by_source.values().filter(|v| v.len() > 1).collect();
    assert!(!repeated.is_empty(), "the built-in packs repeat conditions");
    for patterns in repeated {
        assert!(patterns.iter().all(|p| p.is_shared_with(patterns[0])));
    }
}
