//! Properties of `check` and `fix` on generated text (proptest): the same
//! invariants the fuzzers assert (tests/support/invariants.rs), at a scale
//! that fits in `cargo test`:
//! - no panic on arbitrary text;
//! - every pass of fix changes only the bytes of its edits;
//! - fix is idempotent, and leaves nothing fixable for check to find;
//! - errors planted at random places in random text are found where they
//!   were planted and fixed to exactly the expected text;
//! - fixing that searches again only the paragraphs edits touched gives
//!   exactly what fixing with a whole check on every pass gives.

use crate::support::invariants::assert_check_and_fix;
use calque_core::engine::Engine;
use calque_core::fix;
use calque_core::pack::{self, Pack};
use proptest::prelude::*;
use std::sync::OnceLock;

const EVERY_KIND: &str = include_str!("support/every-kind.toml");

fn every_kind_pack() -> Pack {
    pack::load("every-kind.toml", EVERY_KIND).unwrap_or_else(|e| panic!("{e}"))
}

/// The small pack of every rule kind.
fn small_engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(every_kind_pack().rules).unwrap())
}

/// The built-in packs (if any are compiled in) plus the small pack.
fn full_engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let mut packs = pack::builtin().unwrap_or_else(|e| panic!("{e}"));
        packs.push(every_kind_pack());
        Engine::new(packs.into_iter().flat_map(|p| p.rules).collect()).unwrap()
    })
}

/// Text made of pieces that the rules care about, glued in any order, so
/// that generated text hits matches, near-misses, context windows, line
/// breaks and multi-byte characters far more often than random Unicode.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "XI",
        "Xi",
        "xi",
        " said",
        " ",
        "  ",
        "\t",
        "\n",
        "\r\n",
        "\n\n",
        "\r",
        "-",
        " -",
        "- ",
        "long",
        "term",
        "all",
        "terrain",
        "all-terrain",
        "friendship",
        "weather",
        "UN",
        "(",
        ")",
        "United Nations",
        "Poutine",
        "poutine",
        "world",
        "anti",
        "fascist",
        "war",
        "Louis",
        "Pope",
        ".",
        ",",
        "é",
        "coopération",
        "gagnant",
        "\u{feff}",
        "\u{a0}",
        "\u{2028}",
        "\u{200b}",
        "ß",
        "İ",
        "ﬁ",
        "🙂",
        "a",
        "Z",
        "0",
        "_",
        "'",
        "’",
        "maintain",
        "multilateralism",
        "Tendance",
        "Macron",
        "MACRON",
        "Emmanuel",
        "Victory Day",
        "victory day",
        "Celac",
        "CELAC",
        "M.",
        "Mr",
        "the",
        // Glossary near-misses, and what makes a one-word one count.
        "Emanuel Macron",
        "Macronn",
        "Vladimir Poutin",
        "Nicolás Maduro",
        "Madro",
        // Consistency: variants, apostrophes, and lines of code that turn
        // the apostrophe rule off for the whole document.
        "Kiev",
        "Kyiv",
        "theater",
        "theatre",
        "China's",
        "China’s",
        "it's",
        ">>> ",
        "```",
        "    x = f(1)",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_text_keeps_every_invariant(text in any::<String>(), unsafe_fixes: bool) {
        assert_check_and_fix(full_engine(), &text, unsafe_fixes);
    }

    #[test]
    fn tricky_text_keeps_every_invariant(text in tricky_text(), unsafe_fixes: bool) {
        assert_check_and_fix(full_engine(), &text, unsafe_fixes);
        assert_check_and_fix(small_engine(), &text, unsafe_fixes);
    }
}

/// Filler words no rule of the small pack can match, even glued together.
const FILLER: &[&str] = &[
    "the", "river", "blue", "Monday", "said", "on", "a", "naïve", "42", "Zürich", "report", "of",
    "and", "é", "writes", "x",
];
const SEPARATORS: &[&str] = &[" ", "\n", "\r\n", "\n\n", ", ", "  ", "\t", ". "];

/// An error to plant: (bad text, fixed text with safe fixes, fixed text with all fixes).
const PLANTED: &[(&str, &str, &str)] = &[
    (
        "all terrain friendship",
        "all-weather friendship",
        "all-weather friendship",
    ),
    (
        "All-terrain friendship",
        "All-weather friendship",
        "All-weather friendship",
    ),
    ("Poutine", "Putin", "Putin"),
    ("long -term", "long-term", "long-term"),
    (
        "world anti -fascist war",
        "World Anti-Fascist War",
        "World Anti-Fascist War",
    ),
    ("XI said", "Xi said", "Xi said"),
    (
        "the UN met",
        "the United Nations (UN) met",
        "the United Nations (UN) met",
    ),
    (
        "coopération gagnant-gagnant",
        "win-win cooperation",
        "win-win cooperation",
    ),
    (
        "maintain multilateralism",
        "maintain multilateralism",
        "uphold multilateralism",
    ),
];

/// Random filler with planted errors: the text, where each error was
/// planted, and the text expected after fix.
fn planted_text(
    unsafe_fixes: bool,
) -> impl Strategy<Value = (String, Vec<std::ops::Range<usize>>, String)> {
    let word = prop::sample::select(FILLER);
    let sep = prop::sample::select(SEPARATORS);
    let planted = prop::sample::select(PLANTED);
    let item = prop_oneof![3 => word.prop_map(|w| (w, w, w)), 1 => planted];
    prop::collection::vec((item, sep), 0..40).prop_map(move |items| {
        let (mut text, mut expected, mut spans) = (String::new(), String::new(), Vec::new());
        for ((bad, safe, all), sep) in items {
            if bad != safe || bad != all {
                spans.push(text.len()..text.len() + bad.len());
            }
            text.push_str(bad);
            expected.push_str(if unsafe_fixes { all } else { safe });
            text.push_str(sep);
            expected.push_str(sep);
        }
        (text, spans, expected)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn planted_errors_are_found_and_fixed_exactly(
        (text, planted, expected) in planted_text(false),
    ) {
        check_planted(&text, &planted, &expected, false)?;
    }

    #[test]
    fn planted_errors_are_fixed_exactly_with_unsafe_fixes(
        (text, planted, expected) in planted_text(true),
    ) {
        check_planted(&text, &planted, &expected, true)?;
    }
}

fn check_planted(
    text: &str,
    planted: &[std::ops::Range<usize>],
    expected: &str,
    unsafe_fixes: bool,
) -> Result<(), TestCaseError> {
    let engine = small_engine();
    let findings = engine.check(text);
    // Every planted error is flagged inside its span, and nothing outside them.
    for span in planted {
        prop_assert!(
            findings
                .iter()
                .any(|f| f.span.start >= span.start && f.span.end <= span.end),
            "planted {:?} not found in {:?}",
            &text[span.clone()],
            text
        );
    }
    for f in &findings {
        prop_assert!(
            planted
                .iter()
                .any(|p| f.span.start >= p.start && f.span.end <= p.end),
            "false positive {:?} in {:?}",
            &text[f.span.clone()],
            text
        );
    }
    let fixed = assert_check_and_fix(engine, text, unsafe_fixes);
    prop_assert_eq!(fixed, expected);
    Ok(())
}

/// Paragraphs of filler that the built-in packs must leave alone.
// Paragraphs of filler that no built-in rule flags. The first is capitalised:
// a paragraph that starts in lower case is itself a finding
// (casing/lowercase-paragraph-start).
const QUIET: &[&str] = &[
    "The river was blue on Monday",
    "a report of the weather",
    "she writes and he reads",
    "42 apples, 7 pears",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Each built-in rule's own examples, planted in paragraphs of filler
    /// in random order, are fixed exactly as the examples say.
    #[test]
    fn builtin_examples_planted_in_filler_are_fixed_exactly(
        rule_pick in any::<prop::sample::Index>(),
        layout in prop::collection::vec((any::<prop::sample::Index>(), any::<bool>()), 1..12),
    ) {
        let rules = builtin_rules_alone();
        if rules.is_empty() {
            return Ok(()); // no built-in packs compiled in
        }
        let (engine, examples, whole_document) = rule_pick.get(rules);
        if examples.is_empty() {
            return Ok(()); // a report-only rule
        }
        let (mut text, mut expected) = (String::new(), String::new());
        // A consistency rule's fix follows the majority form of the whole
        // text, so two of its examples planted together can rightly change
        // each other's outcome: plant only one of them (as often as drawn).
        // A whole-text detector reads the distances between its sightings
        // (name-variants leaves alone two spellings side by side, a list
        // of spellings), so its example is planted once.
        let one_example = layout[0].0;
        let mut planted = false;
        for (pick, example_not_filler) in layout {
            let pick = match whole_document {
                WholeDocument::No => pick,
                WholeDocument::OneExample | WholeDocument::OneCopy => one_example,
            };
            let example_not_filler =
                example_not_filler && !(*whole_document == WholeDocument::OneCopy && planted);
            planted |= example_not_filler;
            if !text.is_empty() {
                text.push_str("\n\n");
                expected.push_str("\n\n");
            }
            if example_not_filler {
                let example = pick.get(examples);
                text.push_str(&example.bad);
                expected.push_str(example.good.as_deref().unwrap());
            } else {
                let filler = pick.get(QUIET);
                text.push_str(filler);
                expected.push_str(filler);
            }
        }
        let fixed = assert_check_and_fix(engine, &text, true);
        prop_assert_eq!(fixed, expected);
    }
}

/// How a rule's examples may be planted together, for a rule that decides
/// over the whole document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WholeDocument {
    /// A paragraph rule: any examples, any number of times.
    No,
    /// One of its examples, as often as drawn (a consistency rule).
    OneExample,
    /// One example, once (a whole-text detector).
    OneCopy,
}

/// Each built-in rule compiled alone, with its examples that have a fix
/// (built once: compiling the packs in a debug build is slow). A bilingual
/// rule's examples are left out: its check compares a translation with its
/// source, which text planted in filler does not have.
fn builtin_rules_alone() -> &'static [(Engine, Vec<calque_core::rule::Example>, WholeDocument)] {
    static RULES: OnceLock<Vec<(Engine, Vec<calque_core::rule::Example>, WholeDocument)>> =
        OnceLock::new();
    RULES.get_or_init(|| {
        let packs = pack::builtin().unwrap_or_else(|e| panic!("{e}"));
        packs
            .into_iter()
            .flat_map(|p| p.rules)
            .map(|def| {
                let examples = def
                    .rule
                    .examples
                    .iter()
                    .filter(|e| e.good.is_some() && e.source.is_none())
                    .cloned()
                    .collect();
                let whole_document = match &def.matcher {
                    pack::Matcher::Consistency(_) => WholeDocument::OneExample,
                    pack::Matcher::Detector(d) if d.whole_text() => WholeDocument::OneCopy,
                    _ => WholeDocument::No,
                };
                (Engine::new(vec![def]).unwrap(), examples, whole_document)
            })
            .collect()
    })
}

#[test]
fn the_planted_filler_is_quiet() {
    // The planted-error properties assume filler triggers nothing.
    let words = FILLER.join(" ");
    assert!(small_engine().check(&words).is_empty());
    for q in QUIET {
        assert!(full_engine().check(q).is_empty(), "{q:?} is flagged");
    }
    assert_eq!(fix::fix_text(small_engine(), &words, true).text, words);
}

/// `fix_text` (which searches again only the paragraphs that a pass's edits
/// touched) against a whole check on every pass: the same outcome, byte
/// for byte, edit for edit, finding for finding.
fn assert_incremental_is_whole(engine: &Engine, text: &str, unsafe_fixes: bool) {
    let incremental = fix::fix_text(engine, text, unsafe_fixes);
    let whole = fix::fix_text_with(engine, text, unsafe_fixes, |t| engine.check(t));
    assert_eq!(incremental, whole, "text: {text:?}");
}

/// Paragraphs of tricky text, between all kinds of paragraph breaks.
fn tricky_paragraphs() -> impl Strategy<Value = String> {
    let breaks = prop::sample::select(vec![
        "\n\n", "\r\n\r\n", "\n \n", "\n\n\n", "\n\t\r\n", "\n",
    ]);
    prop::collection::vec((tricky_text(), breaks), 1..12).prop_map(|v| {
        v.into_iter()
            .map(|(paragraph, brk)| paragraph + brk)
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn searching_touched_paragraphs_again_equals_a_whole_check(
        text in tricky_paragraphs(),
        unsafe_fixes: bool,
    ) {
        assert_incremental_is_whole(full_engine(), &text, unsafe_fixes);
        assert_incremental_is_whole(small_engine(), &text, unsafe_fixes);
    }
}

#[test]
fn searching_touched_paragraphs_again_equals_a_whole_check_on_the_seed() {
    let seed = include_str!("../fixtures/seed/000_0a50a29a47c1f7ef.txt");
    let crlf = format!("\u{feff}{}", seed.replace('\n', "\r\n"));
    // Past one block (64 KiB), so that the whole check cuts the text into
    // blocks where the touched paragraphs are searched alone.
    let long = [seed, "\n\n"].concat().repeat(12);
    for text in [seed, crlf.as_str(), long.as_str()] {
        for unsafe_fixes in [false, true] {
            assert_incremental_is_whole(full_engine(), text, unsafe_fixes);
        }
    }
}
