use super::*;
use crate::engine::Engine;
use crate::testing::{TestPack, TestRule, test_engine};

const LEADERS: &str = r#"
[[rule]]
id = "leaders"
message = "misspelt name"
safe = true
glossary = [
  { name = "Xi Jinping" },
  { name = "Vladimir Putin", foreign = ["Vladimir Poutine", "Wladimir Putin"] },
  { name = "Putin", foreign = ["Poutine"] },
  { name = "Nicolás Maduro", variants = ["Nicolas Maduro"] },
  { name = "Maduro" },
  { name = "Aleksandar Vučić", variants = ["Aleksandar Vucic"] },
  { name = "Vučić", variants = ["Vucic"] },
  { name = "Miguel Díaz-Canel", variants = ["Miguel Diaz-Canel"] },
  { name = "Díaz-Canel", variants = ["Diaz-Canel"] },
  { name = "Min Aung Hlaing" },
  { name = "Luiz Inácio Lula da Silva", variants = ["Lula da Silva"] },
  { name = "Li Qiang", threshold = 0.9 },
  { name = "Emmanuel Macron", fuzzy_safe = true },
]
examples = [{ bad = "Xi Jinpin said", good = "Xi Jinping said" }]
"#;

/// (matched text, replacements, safe) of every finding.
fn found(engine: &Engine, text: &str) -> Vec<(String, Vec<String>, bool)> {
    engine
        .check(text)
        .into_iter()
        .map(|f| {
            (
                text[f.span.clone()].to_string(),
                f.replacements().to_vec(),
                f.has_safe_fix(),
            )
        })
        .collect()
}

fn fixes(text: &str) -> Vec<(String, String)> {
    fixes_in(LEADERS, text)
}

/// (matched text, first replacement) of every finding of `pack` in `text`
/// (also for the tests of `surname`).
pub(super) fn fixes_in(pack: &str, text: &str) -> Vec<(String, String)> {
    found(&test_engine(pack), text)
        .into_iter()
        .map(|(m, r, _)| (m, r[0].clone()))
        .collect()
}

pub(super) fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn near_misses_get_the_canonical_form() {
    assert_eq!(
        fixes("Xi Jinpin arrived."),
        vec![pair("Xi Jinpin", "Xi Jinping")]
    );
    assert_eq!(
        fixes("He met Vladmir Putin there."),
        vec![pair("Vladmir Putin", "Vladimir Putin")]
    );
    assert_eq!(
        fixes("President Nicols Maduro said"),
        vec![pair("Nicols Maduro", "Nicolás Maduro")]
    );
    assert_eq!(
        fixes("Min Aung Hliang spoke"),
        vec![pair("Min Aung Hliang", "Min Aung Hlaing")]
    );
    assert_eq!(
        fixes("Luiz Inácio Lula de Silva came"),
        vec![pair(
            "Luiz Inácio Lula de Silva",
            "Luiz Inácio Lula da Silva"
        )]
    );
}

#[test]
fn a_near_miss_of_a_variant_offers_the_variant_too() {
    let engine = test_engine(LEADERS);
    let all = found(&engine, "He met Aleksandar Vucik.");
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].1, vec!["Aleksandar Vučić", "Aleksandar Vucic"]);
}

#[test]
fn foreign_spellings_are_flagged_and_follow_the_rule_safety() {
    let engine = test_engine(LEADERS);
    assert_eq!(
        found(&engine, "Vladimir Poutine and Poutine's aides"),
        vec![
            (
                "Vladimir Poutine".into(),
                vec!["Vladimir Putin".into()],
                true
            ),
            ("Poutine".into(), vec!["Putin".into()], true),
        ]
    );
    assert_eq!(
        found(&engine, "Wladimir\nPutin"),
        vec![(
            "Wladimir\nPutin".into(),
            vec!["Vladimir\nPutin".into()],
            true
        )]
    );
}

#[test]
fn near_misses_are_suggestions_unless_the_entry_says_otherwise() {
    let engine = test_engine(LEADERS);
    let safe: Vec<bool> = found(&engine, "Xi Jinpin met Emmanuel Macronn")
        .iter()
        .map(|f| f.2)
        .collect();
    assert_eq!(safe, vec![false, true]);
}

#[test]
fn a_one_word_near_miss_needs_the_name_elsewhere_in_the_document() {
    assert!(fixes("Madro said so.").is_empty());
    assert_eq!(
        fixes("Nicolas Maduro came. Later Madro said so."),
        vec![pair("Madro", "Maduro")]
    );
    assert_eq!(
        fixes("Maduro came.\n\nMadro said so."),
        vec![pair("Madro", "Maduro")]
    );
    assert_eq!(
        fixes("Maduro came. Mdauro said so."),
        vec![pair("Mdauro", "Maduro")]
    );
    // One changed letter in one word makes other words: not near-misses.
    assert!(fixes("Maduro came. Madura is an island.").is_empty());
}

#[test]
fn exact_names_and_accepted_variants_are_not_flagged() {
    let text = "Chinese President Xi Jinping met Vladimir Putin, Nicolas Maduro, \
                Nicolás Maduro, Miguel Diaz-Canel, Diaz-Canel, Aleksandar Vucic, Vucic, \
                Vučić, Min Aung Hlaing and Lula da Silva. Putin's aides and Maduro's \
                ministers, Li Qiang too.";
    assert_eq!(fixes(text), vec![]);
}

#[test]
fn a_near_miss_made_of_known_words_is_another_name() {
    let glossary = r#"
[[rule]]
id = "people"
message = "misspelt name"
glossary = [
  { name = "Roberto Marti" },
  { name = "Robert Habeck" },
  { name = "Pierre Martin" },
  { name = "Clémentine Autain" },
]
examples = [{ bad = "Roberto Marty said", good = "Roberto Marti said" }]
"#;
    let engine = test_engine(glossary);
    // Both words belong to other names of the glossary: another person.
    assert!(found(&engine, "Robert Martin arrived.").is_empty());
    // One word is no name's word: a misspelling.
    assert_eq!(found(&engine, "Roberto Marty arrived.").len(), 1);
    assert_eq!(
        found(&engine, "Clémentine Autin spoke.")[0].1[0],
        "Clémentine Autain"
    );
    // Diacritics only: a near-miss even though the folded words are known.
    assert_eq!(found(&engine, "Clementine Autain spoke.").len(), 1);
}

#[test]
fn unrelated_capitalised_words_are_not_flagged() {
    let text = "Putting it plainly, Madrid and Mario met Maria in Madura. Macron's \
                Micron chips. Putnam, Patin, Pution. The Vatican. Vicious Vuccini. \
                Mexico and Minsk. Li Xiang and Li Qiong were there. Ximena, Xiamen, \
                Jinping Road. Donald Tusk met Vladimir Zelensky and Vladimir Lenin. \
                Miguel Cervantes. Aleksandar Vulin. Nicolas Sarkozy. Mina Aung.";
    assert_eq!(fixes(text), vec![]);
}

#[test]
fn case_only_differences_are_left_to_the_casing_rules() {
    assert!(fixes("XI JINPING and VLADIMIR PUTIN; XI said").is_empty());
    assert_eq!(
        fixes("VLADMIR PUTIN said"),
        vec![pair("VLADMIR PUTIN", "VLADIMIR PUTIN")]
    );
}

#[test]
fn unlisted_ascii_folding_is_a_near_miss() {
    // "Aleksandar Vučić" without its "Vucic" variant: the folded form is
    // identical, so the plain spelling is flagged as a near-miss.
    let vucic = TestRule::glossary("vucic", r#"[{ name = "Aleksandar Vučić" }]"#)
        .example("Aleksandar Vucic", "Aleksandar Vučić");
    let engine = TestPack::new("test").rule(vucic).engine();
    assert_eq!(
        found(&engine, "Aleksandar Vucic said"),
        vec![(
            "Aleksandar Vucic".into(),
            vec!["Aleksandar Vučić".into()],
            false
        )]
    );
}

#[test]
fn runs_stop_at_punctuation_paragraphs_and_possessives() {
    let engine = test_engine(LEADERS);
    assert!(found(&engine, "Xi, Jinping").is_empty());
    assert!(found(&engine, "Xi\n\nJinpin").is_empty());
    assert_eq!(
        fixes("Xi Jinpin's visit"),
        vec![pair("Xi Jinpin", "Xi Jinping")]
    );
}

#[test]
fn forms_must_read_as_names() {
    assert_eq!(
        form_words("Lula da Silva").unwrap(),
        vec!["Lula", "da", "Silva"]
    );
    assert_eq!(form_words("Díaz-Canel").unwrap(), vec!["Díaz-Canel"]);
    assert!(form_words("da Silva").is_err());
    assert!(form_words("Putin's").is_err());
    assert!(form_words("Putin, Vladimir").is_err());
    assert!(form_words("G20").is_err());
    assert!(form_words("").is_err());
}

#[test]
fn folding_strips_diacritics_and_case() {
    assert_eq!(fold("Aleksandar Vučić"), "aleksandar vucic");
    assert_eq!(fold("António Guterres"), "antonio guterres");
    assert_eq!(fold("Recep Tayyip Erdoğan"), "recep tayyip erdogan");
    assert_eq!(fold("Ursula von der Leyen"), "ursula von der leyen");
}

#[test]
fn the_index_finds_near_misses_among_many_entries() {
    let mut entries: Vec<Entry> = (0..2000)
        .map(|i| Entry {
            name: format!("Name{} Surname", char::from(b'a' + (i % 26) as u8))
                .replace("Name", &format!("N{}", "a".repeat(i % 7 + 1))),
            variants: vec![],
            foreign: vec![],
            threshold: DEFAULT_THRESHOLD,
            fuzzy_safe: false,
        })
        .collect();
    entries.dedup_by(|a, b| a.name == b.name);
    entries.push(Entry {
        name: "Vladimir Putin".into(),
        variants: vec![],
        foreign: vec![],
        threshold: DEFAULT_THRESHOLD,
        fuzzy_safe: false,
    });
    let set = GlossarySet::new(vec![(crate::rule::RuleId::new(0), false, entries)]);
    let mut out = Vec::new();
    set.find("met Vladmir Putin", &mut out);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].replacements(), ["Vladimir Putin"]);
}

/// Every run the scanner yields, as text.
fn runs(text: &str) -> Vec<String> {
    let is_particle = |w: &str| COMMON_PARTICLES.contains(&w);
    let mut scanner = Scanner::new(text);
    let mut out = Vec::new();
    while let Some(run) = scanner.next_run(&is_particle) {
        out.push(text[run[0].start..run[run.len() - 1].end].to_string());
    }
    out
}

#[test]
fn skipping_to_capitals_cuts_words_as_the_full_scan_does() {
    // The capital after an apostrophe belongs to a lowercase word.
    assert_eq!(runs("with d'Estaing and Macron"), vec!["Macron"]);
    // A capital glued to punctuation still starts a word.
    assert_eq!(runs("abc,Def ghi"), vec!["Def"]);
    // Leading particles are dropped, inner ones kept.
    assert_eq!(runs("said de Lula da Silva today"), vec!["Lula da Silva"]);
    // A capital inside a lowercase word does not start a name.
    assert_eq!(runs("an iPhone and McDonald"), vec!["McDonald"]);
    // Non-ASCII capitals and lowercase letters.
    assert_eq!(runs("the élan of Émile Zola"), vec!["Émile Zola"]);
    assert_eq!(runs("no capitals at all"), Vec::<String>::new());
}

#[test]
fn a_long_line_without_capitals_or_spaces_is_scanned_once() {
    // Each skip remembers the capital it found: a text of punctuation and
    // lowercase letters with no whitespace must not be rescanned per word.
    let text = "a,".repeat(200_000) + "Putin";
    assert_eq!(runs(&text), vec!["Putin"]);
}

#[test]
fn the_first_capital_or_non_ascii_byte_is_found_in_any_lane() {
    let naive = |bytes: &[u8]| {
        bytes
            .iter()
            .position(|&b| b.is_ascii_uppercase() || b >= 0x80)
    };
    for len in [0, 1, 7, 8, 9, 16, 23] {
        for at in 0..len {
            for b in 0..=255u8 {
                let mut bytes = vec![b'a'; len];
                bytes[at] = b;
                assert_eq!(
                    capital_or_non_ascii(&bytes),
                    naive(&bytes),
                    "byte {b:#x} at {at} of {len}"
                );
            }
        }
        assert_eq!(capital_or_non_ascii(&vec![b'z'; len]), None);
    }
    assert_eq!(capital_or_non_ascii(b"abc@[`{ dEf"), Some(9));
}

#[test]
fn initials_are_the_same_for_a_name_and_its_folded_form() {
    let (mut of_name, mut of_folded) = (String::new(), String::new());
    for name in [
        "Vladimir Putin",
        "Ólafur Ragnar Grímsson",
        "İlham Əliyev",
        "Łukasz de Ñandú",
        "Straße",
    ] {
        initials(name, &mut of_name);
        initials(&fold(name), &mut of_folded);
        assert_eq!(of_name, of_folded, "{name}");
    }
    initials("Ólafur Ragnar Grímsson", &mut of_name);
    assert_eq!(of_name, "org");
}
