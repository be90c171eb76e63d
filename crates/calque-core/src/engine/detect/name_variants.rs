//! One name spelled two ways in one document ("Zhyvitsky" and "Zhivitsky",
//! "Degtyaryov" and "Degtyarev", "Rull" and "Rulle"): MT transliterates or
//! inflects a name afresh in each sentence, and the page ends up with two
//! spellings of one person or place.
//!
//! The detector looks at the whole text. Two capitalised words are variants
//! when they differ only in the way transliteration of Slavic names and case
//! endings differ: i for y, e for yo, a for ya, u for yu, y for j, h for kh,
//! a doubled letter, a final e (see [`transliteration_key`]), and are close
//! by Jaro-Winkler. Anything else is left alone:
//!
//! - names that differ in a consonant or a plain vowel are usually distinct
//!   ("Johnson"/"Johnston", "Warner"/"Werner", "Maria"/"Mario");
//! - an English inflection or demonym is grammar ("Ukraine"/"Ukrainian",
//!   "Nation"/"Nations", "Germany"/"German");
//! - a form that the document also writes in lower case is an English word,
//!   and a form seen only at the start of a sentence may be one too, so each
//!   form must occur capitalised inside a sentence;
//! - accents are kept apart ("Québec" beside "Quebec" is a choice).
//!
//! The two forms must occur within about an article's length of each other
//! ([`MAX_DISTANCE`]) but not side by side, where a text lists spellings on
//! purpose ([`MIN_DISTANCE`]). Every occurrence of one form of a pair is
//! reported, with the other suggested, so that the fixes leave one
//! spelling: the more frequent form is kept; on a tie the shorter
//! one (MT adds case endings and the yo of Russian ё: "Rulle",
//! "Degtyaryov"); on a tie again the later one.

use super::Proposal;
use std::collections::{HashMap, HashSet};

/// Shortest form compared; "Rull" is a surname.
const MIN_CHARS: usize = 4;
/// At least one form of a pair is this long, so that short words that share
/// a key by chance are not compared.
const MIN_LONGER_CHARS: usize = 5;
/// Jaro-Winkler similarity a pair needs.
const MIN_SIMILARITY: f64 = 0.85;
/// How far apart (in bytes) the nearest occurrences of two forms may be: a
/// news article. Reference works and collections of speeches name
/// different people with close names pages apart ("Greg" and "Gregg").
const MAX_DISTANCE: usize = 2000;
/// Two forms nearer than this are listed side by side on purpose
/// ("Hussein, Husain, Husayn", "Tyndale or Tindale").
const MIN_DISTANCE: usize = 100;

/// Endings by which English derives a word from a name: plurals,
/// demonyms, adjectives ("Nations", "Ukrainian", "Iraqi", "Germany").
const INFLECTIONS: &[&str] = &[
    "s", "es", "n", "an", "ian", "ans", "ians", "i", "is", "ese", "ic", "ism", "ist", "ists",
    "ite", "ites", "ish", "ern", "y", "al", "ary", "ism", "er", "ers", "ed", "ing", "ly",
];

/// What the text says about one capitalised form.
#[derive(Default)]
struct Form {
    count: usize,
    inside_sentence: bool,
    first: Option<std::ops::Range<usize>>,
    /// Start of each occurrence, in order.
    starts: Vec<usize>,
}

/// The smallest distance between an occurrence of one form and one of the other.
fn distance(a: &Form, b: &Form) -> usize {
    a.starts
        .iter()
        .filter_map(|&x| {
            let i = b.starts.partition_point(|&y| y < x);
            let after = b.starts.get(i).map(|&y| y - x);
            let before = i.checked_sub(1).map(|j| x - b.starts[j]);
            after.into_iter().chain(before).min()
        })
        .min()
        .unwrap_or(usize::MAX)
}

/// Appends a suggestion for each pair of variant spellings in `text`.
pub fn find(text: &str, out: &mut Vec<Proposal>) {
    let mut forms: HashMap<&str, Form> = HashMap::new();
    let mut lower: HashSet<String> = HashSet::new();
    for (span, word) in words(text) {
        let mut chars = word.chars();
        let Some(first) = chars.next() else { continue };
        if first.is_lowercase() {
            lower.insert(word.to_string());
            continue;
        }
        if !first.is_uppercase() || !chars.all(char::is_lowercase) {
            continue;
        }
        if word.chars().count() < MIN_CHARS {
            continue;
        }
        let form = forms.entry(word).or_default();
        form.count += 1;
        form.inside_sentence |= !starts_sentence(text, span.start);
        form.starts.push(span.start);
        form.first.get_or_insert(span);
    }
    let mut by_key: HashMap<String, Vec<&str>> = HashMap::new();
    for (&word, form) in &forms {
        if form.inside_sentence && !lower.contains(&word.to_lowercase()) {
            by_key
                .entry(transliteration_key(word))
                .or_default()
                .push(word);
        }
    }
    let mut found = Vec::new();
    for group in by_key.values().filter(|g| g.len() > 1) {
        for (i, &a) in group.iter().enumerate() {
            for &b in &group[i + 1..] {
                if !variants(a, b) {
                    continue;
                }
                let (fa, fb) = (&forms[a], &forms[b]);
                // Far apart: another article. Side by side: a list of spellings
                // ("Husain, Husayn"), written so on purpose.
                if !(MIN_DISTANCE..=MAX_DISTANCE).contains(&distance(fa, fb)) {
                    continue;
                }
                let (a_first, b_first) = (fa.first.clone().unwrap(), fb.first.clone().unwrap());
                // Kept: the more frequent form, else the shorter, else the later.
                let rank = |f: &Form, w: &str, at: usize| {
                    (f.count, std::cmp::Reverse(w.chars().count()), at)
                };
                let report_a = rank(fa, a, a_first.start) < rank(fb, b, b_first.start);
                let (dropped, keep) = if report_a { (a, b) } else { (b, a) };
                // Every occurrence of the dropped form: a fix of the first
                // alone would leave the text spelling the name two ways.
                for &start in &forms[dropped].starts {
                    found.push(Proposal {
                        span: start..start + dropped.len(),
                        replacement: Some(keep.to_string()),
                        unambiguous: false,
                    });
                }
            }
        }
    }
    found.sort_by_key(|p| p.span.start);
    // A form dropped in favour of two others is proposed once, for the first.
    found.dedup_by_key(|p| p.span.start);
    out.extend(found);
}

/// Words of the text: runs of letters, with their byte spans.
fn words(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, &str)> {
    let mut start: Option<usize> = None;
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        if c.is_alphabetic() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s..i, &text[s..i]));
        }
    }
    if let Some(s) = start {
        out.push((s..text.len(), &text[s..]));
    }
    out.into_iter()
}

/// Whether the word at `at` starts a sentence, a line or a quotation, where
/// any English word is capitalised.
fn starts_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t', '"', '“', '‘', '(', '\'', '«', '-', '—']);
    before.is_empty() || before.ends_with(['.', '!', '?', ':', '\n', '…', '•', '*', '|', '>'])
}

/// The spelling of a word with the differences of transliteration taken
/// out: lower case, "yo" → "e", "ya" → "a", "yu" → "u", "kh" → "h",
/// "j" → "y", then "y" → "i" and "ii" → "i", and a final "e" after a
/// doubled consonant dropped (a case ending: "Rulle" for "Rull"). "Zhyvitsky", "Zhivitsky" and
/// "Zhyvytskyi" all give "zhivitski". Doubled letters are kept: "Greg" and
/// "Gregg", "Neil" and "Neill" are different people.
fn transliteration_key(word: &str) -> String {
    let mut key = word
        .to_lowercase()
        .replace("yo", "e")
        .replace("ya", "a")
        .replace("yu", "u")
        .replace("kh", "h")
        .replace('j', "y")
        .replace('y', "i")
        .replace("ii", "i");
    // A case ending after a doubled consonant ("Rulle"); after anything else
    // a final e is a language or a gender ("Francoise", "Margarete").
    let doubled_before_e = key.strip_suffix('e').is_some_and(|stem| {
        let mut last = stem.chars().rev();
        matches!((last.next(), last.next()), (Some(a), Some(b)) if a == b && !"aeiou".contains(a))
    });
    if doubled_before_e {
        key.pop();
    }
    key
}

/// Whether two forms with one key are spellings of one name.
fn variants(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.max(lb) < MIN_LONGER_CHARS || inflected(a, b) || inflected(b, a) {
        return false;
    }
    strsim::jaro_winkler(&a.to_lowercase(), &b.to_lowercase()) >= MIN_SIMILARITY
}

/// Whether `long` is `short` with an English ending, directly or after a
/// dropped final e or y ("Ukraine" → "Ukrainian", "Italy" → "Italian").
fn inflected(short: &str, long: &str) -> bool {
    let stems = [
        Some(short),
        short.strip_suffix('e'),
        short.strip_suffix('y'),
        short.strip_suffix('a'),
    ];
    stems.into_iter().flatten().any(|stem| {
        long.strip_prefix(stem)
            .is_some_and(|ending| INFLECTIONS.contains(&ending))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        find(text, &mut out);
        out.into_iter()
            .map(|p| (text[p.span].to_string(), p.replacement.unwrap()))
            .collect()
    }

    /// A paragraph between two mentions, as in an article.
    const BETWEEN: &str = "\n\nThe shelling went on through the night in several districts, \
                           and the services worked until the morning to restore power.\n\n";

    #[test]
    fn every_occurrence_of_the_dropped_form_is_proposed() {
        let text = format!(
            "Zhyvitsky spoke first, then Zhyvitsky again.{BETWEEN}Later Zhivitsky, \
             Zhivitsky and Zhivitsky."
        );
        assert_eq!(
            pairs(&text),
            [
                ("Zhyvitsky".to_string(), "Zhivitsky".to_string()),
                ("Zhyvitsky".to_string(), "Zhivitsky".to_string())
            ]
        );
    }

    #[test]
    fn two_spellings_of_one_name_are_reported_once() {
        let text = format!(
            "The head of the region, Zhyvitsky, said it.{BETWEEN}Later Zhivitsky added \
             that the shelling went on, and Zhivitsky left."
        );
        assert_eq!(
            pairs(&text),
            [("Zhyvitsky".to_string(), "Zhivitsky".to_string())]
        );
        let text =
            format!("Minister Degtyaryov opened it.{BETWEEN}The words of Degtyarev were clear.");
        assert_eq!(
            pairs(&text),
            [("Degtyaryov".to_string(), "Degtyarev".to_string())]
        );
        let text = format!("The speaker Josep Rull spoke.{BETWEEN}Then Josep Rulle voted.");
        assert_eq!(pairs(&text), [("Rulle".to_string(), "Rull".to_string())]);
    }

    #[test]
    fn far_apart_or_side_by_side_forms_stay() {
        let far = format!(
            "Then Zhyvitsky spoke.{}Then Zhivitsky spoke.",
            BETWEEN.repeat(20)
        );
        assert_eq!(pairs(&far), [] as [(String, String); 0]);
    }

    #[test]
    fn distinct_names_and_derived_words_stay() {
        for ok in [
            &format!("Boris Johnson spoke.{BETWEEN}Then Mr Johnston spoke in London."),
            &format!("Then Ukraine spoke.{BETWEEN}The Ukrainian army and Ukrainians too."),
            "In Germany the German side met the United Nations and a Nation.",
            "Then Maria and Mario came with Paola and Paolo.",
            "The Minister spoke. The minister and the Ministry met.",
            "Policy. Then Police came.",
            &format!("Mr Warner met Clémentine Autain.{BETWEEN}Mr Werner met Mr Autin."),
            "In Québec and in Quebec City.",
            &format!("Greg Ewing wrote the patch.{BETWEEN}Later Gregg and Greg met."),
            "Hussein, Husain, Husayn: King of Jordan.",
        ] {
            assert_eq!(pairs(ok), [] as [(String, String); 0], "{ok}");
        }
    }

    #[test]
    fn key_takes_out_transliteration_only() {
        assert_eq!(
            transliteration_key("Zhyvitsky"),
            transliteration_key("Zhivitsky")
        );
        assert_eq!(
            transliteration_key("Zhyvytskyi"),
            transliteration_key("Zhivitsky")
        );
        assert_eq!(
            transliteration_key("Degtyaryov"),
            transliteration_key("Degtyarev")
        );
        assert_ne!(
            transliteration_key("Johnson"),
            transliteration_key("Johnston")
        );
        assert_ne!(transliteration_key("Warner"), transliteration_key("Werner"));
        assert_ne!(transliteration_key("Québec"), transliteration_key("Quebec"));
        assert_eq!(transliteration_key("Rulle"), transliteration_key("Rull"));
        assert_ne!(
            transliteration_key("Francoise"),
            transliteration_key("Francois")
        );
    }
}
