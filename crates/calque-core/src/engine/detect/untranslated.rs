//! Untranslated fragments: a run of words in French, Spanish, German,
//! Italian, Portuguese or Dutch left inside English prose by MT.
//!
//! Language identification (the `whatlang` crate, trigram models of a few
//! hundred kilobytes) is run only on candidate runs, so that English text
//! costs one pass over its words: a candidate is a run of at least
//! [`MIN_WORDS`] words, unbroken by sentence punctuation and containing no
//! English function word, with at least [`MIN_LOWER`] words in lower case
//! (a run of capitalised words is a name or a title) and at least one
//! marker of the language: a letter with its diacritics or one of its
//! function words. Loanwords and set phrases of edited English ("coup
//! d'état", "raison d'être", "per se") are shorter than a run.
//!
//! One detector per language, so that the rule that names it can say which
//! language it found; the fix is left to the writer (report only).

mod short;

use super::Proposal;
use std::cell::RefCell;
use std::ops::Range;
use std::sync::OnceLock;
use whatlang::Lang;

/// Fewest words in a candidate run.
const MIN_WORDS: usize = 4;
/// Fewest lower-case words of four letters or more in a candidate run.
const MIN_LOWER: usize = 2;
/// Fewest markers of the language (a lower-case word with its diacritics,
/// or one of its function words) in a candidate run: a single accented
/// word is a loanword or a name.
const MIN_MARKERS: usize = 2;

/// A language whose untranslated runs a detector reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    French,
    Spanish,
    German,
    Italian,
    Portuguese,
    Dutch,
}

impl Language {
    pub const ALL: [Language; 6] = [
        Language::French,
        Language::Spanish,
        Language::German,
        Language::Italian,
        Language::Portuguese,
        Language::Dutch,
    ];

    /// The language of the detector called `untranslated-<name>`.
    pub fn named(name: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.name() == name)
    }

    /// Its name in a detector name (`untranslated-french`).
    pub fn name(self) -> &'static str {
        match self {
            Language::French => "french",
            Language::Spanish => "spanish",
            Language::German => "german",
            Language::Italian => "italian",
            Language::Portuguese => "portuguese",
            Language::Dutch => "dutch",
        }
    }

    fn lang(self) -> Lang {
        match self {
            Language::French => Lang::Fra,
            Language::Spanish => Lang::Spa,
            Language::German => Lang::Deu,
            Language::Italian => Lang::Ita,
            Language::Portuguese => Lang::Por,
            Language::Dutch => Lang::Nld,
        }
    }

    /// Function words of the language that English does not share (so
    /// "a", "in", "die", "son" are not among them).
    fn function_words(self) -> &'static [&'static str] {
        match self {
            Language::French => &[
                "le", "la", "les", "des", "du", "et", "est", "une", "dans", "pour", "avec", "sur",
                "qui", "que", "pas", "ne", "nous", "vous", "ils", "elle", "sont", "mais", "ou",
                "au", "aux", "ce", "cette", "ces", "leur", "très", "être", "été",
            ],
            Language::Spanish => &[
                "el", "los", "las", "del", "y", "es", "una", "por", "para", "con", "que", "se",
                "su", "sus", "como", "pero", "muy", "está", "son", "al", "lo", "este", "esta",
            ],
            Language::German => &[
                "der", "das", "und", "ist", "nicht", "mit", "den", "dem", "ein", "eine", "einen",
                "sich", "auf", "für", "auch", "noch", "wir", "sie", "ich", "zu", "von", "werden",
                "wird", "sind", "oder", "aber", "nach", "bei", "wie",
            ],
            Language::Italian => &[
                "il", "di", "della", "delle", "dei", "degli", "che", "per", "non", "una", "sono",
                "è", "con", "gli", "nel", "nella", "alla", "anche", "ma", "come", "questo", "lo",
            ],
            Language::Portuguese => &[
                "o", "os", "da", "das", "do", "dos", "e", "é", "uma", "para", "com", "não", "que",
                "em", "no", "na", "se", "mas", "como", "ao", "pelo", "pela",
            ],
            Language::Dutch => &[
                "de", "het", "een", "en", "van", "niet", "met", "voor", "zijn", "dat", "op", "ook",
                "wij", "jij", "ik", "maar", "naar", "bij", "wordt",
            ],
        }
    }
}

/// English function words, all of six letters or fewer: one of them
/// breaks a run (foreign words that
/// are spelt the same, "a", "in", "die", "son", "also", are left out, so
/// that they do not cut a foreign run short; "was" is too common in
/// English to leave out).
const ENGLISH: &[&str] = &[
    "about", "after", "all", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by",
    "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "him",
    "his", "how", "i", "if", "into", "is", "it", "its", "just", "may", "me", "more", "must", "my",
    "new", "no", "not", "of", "on", "only", "or", "our", "out", "over", "said", "says", "shall",
    "she", "should", "so", "some", "such", "than", "that", "the", "their", "them", "there",
    "these", "they", "this", "those", "to", "up", "us", "very", "was", "we", "were", "what",
    "when", "where", "which", "who", "why", "will", "with", "would", "you", "your",
];

fn is_english_function_word(word: &str) -> bool {
    packed(word).is_some_and(|key| english_keys().binary_search(&key).is_ok())
}

/// A word of six ASCII letters or fewer, lower-cased and packed into an
/// integer, so that the test above (run on every word) is a few integer
/// comparisons.
fn packed(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    if bytes.len() > 6 || !bytes.is_ascii() {
        return None;
    }
    Some(
        bytes
            .iter()
            .fold(0u64, |key, b| key << 8 | u64::from(b.to_ascii_lowercase())),
    )
}

/// [`ENGLISH`] packed, sorted.
fn english_keys() -> &'static [u64] {
    static KEYS: OnceLock<Vec<u64>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let mut keys: Vec<u64> = ENGLISH.iter().filter_map(|w| packed(w)).collect();
        keys.sort_unstable();
        keys
    })
}

/// Letters with diacritics, by language: one in a run marks it.
fn has_marker_letter(language: Language, word: &str) -> bool {
    if word.is_ascii() {
        return false;
    }
    let letters: &str = match language {
        Language::French => "àâçéèêëîïôûùüÿœæ",
        Language::Spanish => "áéíóúñü¿¡",
        Language::German => "äöüß",
        Language::Italian => "àèéìíòóù",
        Language::Portuguese => "ãõáâêéíóôúç",
        Language::Dutch => "ëïé",
    };
    word.chars()
        .any(|c| letters.contains(c.to_lowercase().next().unwrap_or(c)))
}

/// Whether `word` marks `language`: a lower-case word with its diacritics
/// or one of its function words.
fn marks(language: Language, word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
        && (has_marker_letter(language, word)
            || language
                .function_words()
                .iter()
                .any(|f| f.eq_ignore_ascii_case(word)))
}

/// A candidate run of a block, with the language the identifier gave it
/// and its count of markers of each language (in [`Language::ALL`] order).
#[derive(Debug, Clone)]
struct Candidate {
    span: Range<usize>,
    language: Option<Lang>,
    markers: [usize; 6],
}

/// The candidates of the last block seen on this thread. The six
/// detectors look at the same block one after another: the scan and the
/// identification are done once, and the block's text is kept to check
/// that the next call is about the same block.
struct LastBlock {
    text: String,
    candidates: Vec<Candidate>,
}

thread_local! {
    static LAST_BLOCK: RefCell<LastBlock> = const {
        RefCell::new(LastBlock { text: String::new(), candidates: Vec::new() })
    };
}

/// Appends a proposal (with no replacement: report only) for each run of
/// words in `language` in `text[block]`.
pub fn find(language: Language, text: &str, block: Range<usize>, out: &mut Vec<Proposal>) {
    let slice = &text[block.clone()];
    // Fast exit: a block too short to hold a run.
    if slice.len() < 16 {
        return;
    }
    let index = Language::ALL
        .iter()
        .position(|l| *l == language)
        .expect("ALL lists every language");
    LAST_BLOCK.with(|last| {
        let mut last = last.borrow_mut();
        if last.text != slice {
            last.text.clear();
            last.text.push_str(slice);
            last.candidates = candidates(slice);
        }
        for c in &last.candidates {
            if c.language == Some(language.lang()) && c.markers[index] >= MIN_MARKERS {
                out.push(Proposal::report(
                    block.start + c.span.start..block.start + c.span.end,
                ));
            }
        }
    });
}

/// One word of a block: its span and text.
struct Word<'a> {
    span: Range<usize>,
    text: &'a str,
}

/// The candidate runs of a block, identified.
fn candidates(slice: &str) -> Vec<Candidate> {
    let mut found = Vec::new();
    let mut run: Vec<Word> = Vec::new();
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                let inner_mark = (d == '\'' || d == '’' || d == '-')
                    && slice[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic);
                if d.is_alphabetic() || inner_mark {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let word = &slice[i..end];
            if is_english_function_word(word) {
                found.extend(judge(slice, &run));
                run.clear();
            } else {
                run.push(Word {
                    span: i..end,
                    text: word,
                });
            }
        } else if !(c == ' ' || c == ',' || c == '\u{a0}') {
            // Sentence punctuation, quotes, brackets, digits and line
            // breaks end a run: a fragment is words that read together.
            found.extend(judge(slice, &run));
            run.clear();
        }
    }
    found.extend(judge(slice, &run));
    found
}

/// `run` as a candidate, identified, if it is one.
fn judge(slice: &str, run: &[Word]) -> Option<Candidate> {
    if run.len() < MIN_WORDS {
        return short::judge(slice, run);
    }
    // Lower-case words of four letters or more: content words, which a
    // name ("Place de la Concorde") or a title in capitals lacks.
    let lower_case = |w: &&Word| w.text.chars().next().is_some_and(char::is_lowercase);
    let lower = run
        .iter()
        .filter(lower_case)
        .filter(|w| w.text.chars().count() >= 4)
        .count();
    if lower < MIN_LOWER {
        return None;
    }
    let markers = Language::ALL.map(|l| run.iter().filter(|w| marks(l, w.text)).count());
    if markers.iter().all(|&m| m < MIN_MARKERS) {
        return None;
    }
    // A run that starts with a capital in the middle of a sentence (after
    // a word or a comma) is a name: "the Forces armées de la République",
    // "the Société de l'assurance automobile du Québec".
    let first = &run[0];
    let mid_sentence = slice[..first.span.start]
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == ',');
    if !lower_case(&first) && mid_sentence {
        return None;
    }
    // A run on an indented line is a quoted block or code, set apart on
    // purpose (a sign in mock German quoted in a glossary).
    if on_indented_line(slice, first.span.start) {
        return None;
    }
    let span = run[0].span.start..run[run.len() - 1].span.end;
    let language = identify(&slice[span.clone()]);
    Some(Candidate {
        span,
        language,
        markers,
    })
}

/// Whether the line holding `start` is indented: a quoted block or code,
/// set apart on purpose.
fn on_indented_line(slice: &str, start: usize) -> bool {
    let line = &slice[slice[..start].rfind('\n').map_or(0, |i| i + 1)..];
    line.starts_with("    ") || line.starts_with('\t')
}

/// The language of a candidate run, if the identifier is confident:
/// English is among the choices, so an English run is never foreign.
fn identify(run: &str) -> Option<Lang> {
    let mut choices = vec![Lang::Eng];
    choices.extend(Language::ALL.iter().map(|l| l.lang()));
    let info = whatlang::Detector::with_allowlist(choices).detect(run)?;
    (info.confidence() >= 0.5).then(|| info.lang())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(language: Language, text: &str) -> Vec<String> {
        crate::engine::detect::test_support::spans(|t, b, o| find(language, t, b, o), text)
    }

    #[test]
    fn finds_runs_in_their_language() {
        assert_eq!(
            runs(
                Language::French,
                "The minister said that nous sommes en guerre contre le virus, and left."
            ),
            vec!["nous sommes en guerre contre le virus"]
        );
        assert_eq!(
            runs(
                Language::Spanish,
                "He wrote: la situación económica es muy grave en todo el país. Then he left."
            ),
            vec!["la situación económica es muy grave en todo el país"]
        );
        assert_eq!(
            runs(
                Language::German,
                "The sign read: Wir schaffen das nicht ohne eure Hilfe. Nobody laughed."
            ),
            vec!["Wir schaffen das nicht ohne eure Hilfe"]
        );
    }

    #[test]
    fn leaves_english_loanwords_and_names_alone() {
        for text in [
            "It was a coup d'état, and his raison d'être was power per se.",
            "They met at the Place de la Concorde in Paris on Monday.",
            "The Casa Real announced the visit of Rio de Janeiro officials.",
            "A long sentence of ordinary English words running on without any stop at all here.",
            "Liberté, égalité, fraternité",
            "the Forces armées de la République démocratique du Congo (FARDC)",
            "the Société de l’assurance automobile du Québec embarrassed them",
            "are beginning to envisage a left without Jean-Luc Mélenchon.",
            "immigration, economics, et cetera -- we will see",
            "The sign read:\n    Das Internet ist nicht fuer gefingerclicken und giffengrabben.",
        ] {
            for language in Language::ALL {
                assert_eq!(runs(language, text), Vec::<String>::new(), "{text}");
            }
        }
    }

    #[test]
    fn english_list_is_short_enough_to_pack() {
        assert_eq!(english_keys().len(), ENGLISH.len());
        assert!(is_english_function_word("The") && is_english_function_word("was"));
        assert!(!is_english_function_word("nous") && !is_english_function_word("été"));
        assert!(!is_english_function_word("theory") && !is_english_function_word("t"));
    }

    #[test]
    fn reports_only_the_language_found() {
        let text = "The minister said that nous sommes en guerre contre le virus.";
        assert!(runs(Language::Spanish, text).is_empty());
        assert!(runs(Language::Italian, text).is_empty());
    }
}
