use super::*;
use proptest::prelude::*;

fn set(phrases: &[(&str, bool)]) -> PhraseSet {
    PhraseSet::new(
        phrases
            .iter()
            .enumerate()
            .map(|(i, (p, exact))| (i, p.to_string(), *exact))
            .collect(),
    )
    .unwrap()
}

fn find_in(set: &PhraseSet, text: &str, block: std::ops::Range<usize>) -> Vec<Candidate> {
    let mut out = Vec::new();
    set.find(text, block, &mut BlockBuffers::default(), &mut out);
    out.sort_by_key(|c| (c.start, c.end, c.owner));
    out
}

fn find(phrases: &[(&str, bool)], text: &str) -> Vec<(usize, String)> {
    find_in(&set(phrases), text, 0..text.len())
        .iter()
        .map(|c| (c.owner, text[c.start..c.end].to_string()))
        .collect()
}

/// Every match of every phrase by the folded search alone, the reference.
fn reference(
    phrases: &[(String, bool)],
    text: &str,
    block: std::ops::Range<usize>,
) -> Vec<Candidate> {
    let entries = phrases
        .iter()
        .enumerate()
        .map(|(i, (p, exact))| Entry::new(i, p.clone(), *exact))
        .collect();
    let mut out = Vec::new();
    if let Some(folded) = FoldedPhrases::new(entries).unwrap() {
        folded.find(text, block, &mut Folded::default(), &mut out);
    }
    out.sort_by_key(|c| (c.start, c.end, c.owner));
    out
}

#[test]
fn matches_across_any_whitespace_but_not_paragraphs() {
    let phrases = [("all-terrain friendship", false)];
    assert_eq!(
        find(&phrases, "an all-terrain\n   friendship.")[0].1,
        "all-terrain\n   friendship"
    );
    assert_eq!(
        find(&phrases, "an all-terrain\r\nfriendship")[0].1,
        "all-terrain\r\nfriendship"
    );
    assert_eq!(find(&phrases, "all-terrain\u{a0}friendship").len(), 1);
    assert_eq!(find(&phrases, "all-terrain\u{202f}friendship").len(), 1);
    assert_eq!(find(&phrases, "all-terrain\t \tfriendship").len(), 1);
    assert!(find(&phrases, "all-terrain\n\nfriendship").is_empty());
    assert!(find(&phrases, "all-terrain\r\n \r\nfriendship").is_empty());
    assert!(find(&phrases, "all-terrain\n\u{a0}\nfriendship").is_empty());
    assert!(find(&phrases, "all terrain friendship").is_empty());
}

#[test]
fn is_word_bounded_and_case_insensitive() {
    let phrases = [("iron friendship", false)];
    assert_eq!(find(&phrases, "Iron Friendship").len(), 1);
    assert_eq!(find(&phrases, "IRON FRIENDSHIP!").len(), 1);
    assert!(find(&phrases, "iron friendships").is_empty());
    assert!(find(&phrases, "iron friendshipé").is_empty());
    assert!(find(&phrases, "airon friendship").is_empty());
    assert!(find(&phrases, "éiron friendship").is_empty());
    assert!(find(&phrases, "_iron friendship").is_empty());
    assert!(find(&phrases, "2iron friendship").is_empty());
    assert_eq!(find(&phrases, "“iron friendship”").len(), 1);
    assert_eq!(find(&phrases, "‘iron friendship’").len(), 1);
    assert_eq!(find(&phrases, "—iron friendship…").len(), 1);
}

#[test]
fn a_phrase_does_not_start_in_the_tail_of_a_contraction() {
    let phrases = [("ve day", false), ("day", false)];
    assert_eq!(find(&phrases, "you've day after day").len(), 2);
    assert!(find(&phrases[..1], "you've day after day").is_empty());
    assert!(find(&phrases[..1], "you\u{2019}ve day after day").is_empty());
    assert_eq!(find(&phrases[..1], "the 've day' quote").len(), 1);
    assert_eq!(find(&phrases[..1], "it was ve day").len(), 1);
}

#[test]
fn exact_case_phrases_match_only_their_case() {
    let phrases = [("Celac", true)];
    assert_eq!(find(&phrases, "China-Celac forum").len(), 1);
    assert!(find(&phrases, "CELAC and celac").is_empty());
    let both = [("Xi Jinping", true), ("xi jinping", false)];
    assert_eq!(
        find(&both, "XI JINPING, Xi\nJinping"),
        [
            (1, "XI JINPING".to_string()),
            (0, "Xi\nJinping".to_string()),
            (1, "Xi\nJinping".to_string())
        ]
    );
}

#[test]
fn phrases_with_non_ascii_letters_match_them_exactly() {
    let phrases = [("ERDOĞAN", true), ("Pékin", false), ("people’s", false)];
    assert_eq!(find(&phrases, "Mr ERDOĞAN said").len(), 1);
    assert!(find(&phrases, "Mr ERDOĞANI said").is_empty());
    assert!(find(&phrases, "Mr Erdoğan said").is_empty());
    assert_eq!(
        find(&phrases, "à PÉKIN, à PéKIN, à Pékin")[..],
        [(1, "PéKIN".to_string()), (1, "Pékin".to_string())]
    );
    assert_eq!(find(&phrases, "the People’s Daily").len(), 1);
    assert!(find(&phrases, "the people's Daily").is_empty());
}

#[test]
fn offsets_survive_folded_runs_before_the_match() {
    let text = "a  \r\n\t b\r\n\r\nc   d   iron\n friendship";
    let found = find(&[("iron friendship", false)], text);
    assert_eq!(found, vec![(0, "iron\n friendship".to_string())]);
}

#[test]
fn overlapping_and_nested_phrases_are_all_reported() {
    let found = find(
        &[("all-terrain", false), ("terrain friendship", false)],
        "all-terrain friendship",
    );
    assert_eq!(found.len(), 2);
    let found = find(
        &[
            ("cold war", false),
            ("cold war mentality", false),
            ("cold", false),
            ("cold war", false),
        ],
        "a Cold War mentality",
    );
    assert_eq!(
        found,
        [
            (2, "Cold".to_string()),
            (0, "Cold War".to_string()),
            (3, "Cold War".to_string()),
            (1, "Cold War mentality".to_string()),
        ]
    );
}

#[test]
fn phrases_not_starting_with_a_word_take_the_folded_path() {
    let found = find(
        &[("’s", false), ("-led", false), ("(sic)", false)],
        "China’s US-led (sic) x’s",
    );
    assert_eq!(found.len(), 4);
    assert!(find(&[("-led", false)], "US-ledger").is_empty());
}

#[test]
fn words_at_block_edges() {
    let phrases = set(&[("iron friendship", false), ("ship", false)]);
    let text = "xiron friendship iron friendship";
    // A block that starts inside a word: its first word is glued.
    let found = find_in(&phrases, text, 1..text.len());
    assert_eq!(
        found,
        [Candidate {
            owner: 0,
            start: 17,
            end: 32
        }]
    );
    // A block that ends inside a word: the phrase is glued after.
    assert!(find_in(&phrases, "iron friendships", 0..15).is_empty());
    assert!(find_in(&phrases, "friend ships", 7..11).is_empty());
    assert_eq!(find_in(&phrases, "friend ship.", 7..11).len(), 1);
    assert!(find_in(&phrases, "friendship.", 6..11).is_empty());
    // A phrase may not reach past the block.
    assert!(find_in(&phrases, "iron friendship", 0..12).is_empty());
}

#[test]
fn matches_in_long_blocks_with_words_across_chunks() {
    let phrases = [("internationalisation process", false)];
    for pad in 0..70 {
        let text = format!("{}é internationalisation\nprocess é", " ".repeat(pad));
        let found = find(&phrases, &text);
        assert_eq!(found.len(), 1, "pad {pad}");
    }
}

/// Small alphabets make matches, near-matches and awkward whitespace common.
fn text_strategy() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "a", "A", "b", "B", "ab", "é", "É", "_", "1", " ", "  ", "\n", "\r\n", "\t", "\u{a0}",
        "\u{202f}", "\n\n", "-", "’", ".", "ß",
    ]);
    prop::collection::vec(piece, 0..40).prop_map(|p| p.concat())
}

fn phrase_strategy() -> impl Strategy<Value = (String, bool)> {
    let piece = prop::sample::select(vec!["a", "A", "b", "ab", "é", "_", "1", " ", "-", "’", "ß"]);
    (prop::collection::vec(piece, 1..6), any::<bool>()).prop_filter_map(
        "a phrase has a non-space",
        |(p, exact)| {
            let normalised = crate::engine::kinds::normalise_phrase(&p.concat());
            (!normalised.is_empty()).then_some((normalised, exact))
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn finds_what_the_folded_search_finds(
        phrases in prop::collection::vec(phrase_strategy(), 1..6),
        text in text_strategy(),
        cut in 0usize..40,
    ) {
        let set = PhraseSet::new(
            phrases.iter().enumerate().map(|(i, (p, e))| (i, p.clone(), *e)).collect(),
        ).unwrap();
        let mut cut = cut.min(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        for block in [0..text.len(), 0..cut, cut..text.len()] {
            prop_assert_eq!(
                find_in(&set, &text, block.clone()),
                reference(&phrases, &text, block)
            );
        }
    }
}
