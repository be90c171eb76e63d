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

use super::Proposal;
use std::ops::Range;
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

/// English function words: one of them breaks a run (foreign words that
/// are spelt the same, "a", "in", "die", "son", "also", are left out, so
/// that they do not cut a foreign run short; "was" is too common in
/// English to leave out).
const ENGLISH: &[&str] = &[
    "the", "of", "and", "to", "is", "was", "that", "for", "it", "with", "be", "by", "this", "are",
    "from", "or", "which", "not", "have", "has", "had", "but", "his", "her", "their", "they",
    "we", "you", "he", "she", "were", "been", "would", "can", "there", "who", "what", "when",
    "than", "into", "about", "its", "our", "my", "your", "at", "on", "as", "an", "will", "all",
    "more", "said", "says", "after", "out", "up", "so", "if", "them", "him", "i", "me", "us",
    "should", "could", "may", "must", "shall", "do", "does", "did", "these", "those", "how",
    "why", "where", "any", "some", "no", "new", "over", "such", "only", "just", "very",
];

fn is_english_function_word(word: &str) -> bool {
    word.len() <= 6 && ENGLISH.iter().any(|e| e.eq_ignore_ascii_case(word))
}

/// Letters with diacritics, by language: one in a run marks it.
fn has_marker_letter(language: Language, word: &str) -> bool {
    let letters: &str = match language {
        Language::French => "àâçéèêëîïôûùüÿœæ",
        Language::Spanish => "áéíóúñü¿¡",
        Language::German => "äöüß",
        Language::Italian => "àèéìíòóù",
        Language::Portuguese => "ãõáâêéíóôúç",
        Language::Dutch => "ëïé",
    };
    word.chars().any(|c| letters.contains(c.to_lowercase().next().unwrap_or(c)))
}

/// One word of a block: its span and text.
struct Word<'a> {
    span: Range<usize>,
    text: &'a str,
}

/// Appends a proposal (with no replacement: report only) for each run of
/// words in `language` in `text[block]`.
pub fn find(language: Language, text: &str, block: Range<usize>, out: &mut Vec<Proposal>) {
    let slice = &text[block.clone()];
    // Fast exit for ordinary English: no run can reach MIN_WORDS words
    // without a break unless the block has that many words at all.
    if slice.len() < 16 {
        return;
    }
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
                judge(language, slice, &run, block.start, out);
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
            judge(language, slice, &run, block.start, out);
            run.clear();
        }
    }
    judge(language, slice, &run, block.start, out);
}

/// Proposes `run` if it is a candidate and the language identifier agrees.
fn judge(language: Language, slice: &str, run: &[Word], base: usize, out: &mut Vec<Proposal>) {
    if run.len() < MIN_WORDS {
        return;
    }
    // Lower-case words of four letters or more: content words, which a
    // name ("Place de la Concorde") or a title in capitals lacks.
    let lower = run
        .iter()
        .filter(|w| w.text.chars().next().is_some_and(char::is_lowercase))
        .filter(|w| w.text.chars().count() >= 4)
        .count();
    if lower < MIN_LOWER {
        return;
    }
    let lower_case = |w: &&Word| w.text.chars().next().is_some_and(char::is_lowercase);
    let markers = run
        .iter()
        .filter(lower_case)
        .filter(|w| {
            has_marker_letter(language, w.text)
                || language
                    .function_words()
                    .iter()
                    .any(|f| f.eq_ignore_ascii_case(w.text))
        })
        .count();
    if markers < MIN_MARKERS {
        return;
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
        return;
    }
    let span = run[0].span.start..run[run.len() - 1].span.end;
    if identify(&slice[span.clone()]) != Some(language.lang()) {
        return;
    }
    out.push(Proposal {
        span: base + span.start..base + span.end,
        replacement: None,
        unambiguous: false,
    });
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
        let mut out = Vec::new();
        find(language, text, 0..text.len(), &mut out);
        out.into_iter().map(|p| text[p.span].to_string()).collect()
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
        ] {
            for language in Language::ALL {
                assert_eq!(runs(language, text), Vec::<String>::new(), "{text}");
            }
        }
    }

    #[test]
    fn reports_only_the_language_found() {
        let text = "The minister said that nous sommes en guerre contre le virus.";
        assert!(runs(Language::Spanish, text).is_empty());
        assert!(runs(Language::Italian, text).is_empty());
    }
}
