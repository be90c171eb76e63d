//! Two slips of machine translation on a name the glossary knows, which the
//! word-by-word near-miss search cannot see:
//!
//! - a lone surname misspelt in a document that also names the person in
//!   full, rightly ("Jean-Luc Mélenchon" ... "Mélanchon said"): the full
//!   name is the evidence that the lone word means that person. The word
//!   must stand alone or after the person's own given name ("Olena
//!   Zelenska" is another person, "Micron Technology" a company), and a
//!   changed letter counts only in a long surname ("Salva" is not "Silva",
//!   "Alley" not "Allen"). Surnames the glossary lists alone are left to
//!   the one-word entries;
//! - a leader's surname under another person's given name of the same
//!   initial ("Volodymyr Putin": MT from Ukrainian gives Putin the given name
//!   of Zelensky, Володимир for Владимир). Only surnames that the glossary
//!   also lists alone are taken, those of people known by their surname, and
//!   the written given name must be one the glossary knows, so that a
//!   relative or a namesake ("Lyudmila Putina", "Igor Putin") stays.
//!
//! Both are suggestions, like every near-miss.

use super::{Finding, GlossarySet, HashMap, HashSet, MIN_FUZZY_CHARS, Scanner, Sighting, fold};
use std::ops::Range;

/// Shortest surname in which one changed letter (rather than one added
/// or dropped) is taken for a misspelling: short names differ by one letter
/// from many words and other names.
const MIN_CHANGED_LETTER_CHARS: usize = 8;

/// What the two checks need to know of the glossary.
#[derive(Debug, Clone, Default)]
pub(super) struct SurnameIndex {
    /// For each entry written as several words, its last word folded
    /// ("melenchon"), when long enough to be compared.
    surname: Vec<Option<String>>,
    /// For each entry with a surname, the folded pieces of its given names
    /// ("jean", "luc"): the words that may stand before the lone surname.
    given_pieces: Vec<Vec<String>>,
    /// A surname as written ("Putin") -> the two-word entry it ends
    /// ("Vladimir Putin"), when the same rule lists the surname alone.
    known_by_surname: HashMap<String, usize>,
    /// Every given name (first word of a right form of several words), folded.
    given_names: HashSet<String>,
}

impl SurnameIndex {
    /// `entries`: (rule, name, right forms) of every entry, in index order.
    pub(super) fn new<'a>(
        entries: impl Iterator<Item = (crate::rule::RuleId, &'a str, Vec<&'a str>)> + Clone,
    ) -> SurnameIndex {
        let mut index = SurnameIndex::default();
        let alone: HashSet<(crate::rule::RuleId, &str)> = entries
            .clone()
            .filter(|(_, name, _)| !name.contains(' '))
            .map(|(rule, name, _)| (rule, name))
            .collect();
        let alone_in_any: HashSet<&str> = alone.iter().map(|&(_, name)| name).collect();
        for (entry, (rule, name, forms)) in entries.enumerate() {
            let words: Vec<&str> = name.split(' ').collect();
            let last = words.last().copied().filter(|_| words.len() > 1);
            index.surname.push(
                last.filter(|l| !alone_in_any.contains(l))
                    .map(fold)
                    .filter(|s| s.chars().count() >= MIN_FUZZY_CHARS),
            );
            index.given_pieces.push(
                words[..words.len() - 1]
                    .iter()
                    .flat_map(|w| w.split('-'))
                    .map(fold)
                    .collect(),
            );
            if let (2, Some(last)) = (words.len(), last)
                && alone.contains(&(rule, last))
            {
                index
                    .known_by_surname
                    .entry(last.to_string())
                    .or_insert(entry);
            }
            for form in forms {
                if let Some((given, _)) = form.split_once(' ') {
                    index.given_names.insert(fold(given));
                }
            }
        }
        index
    }
}

impl GlossarySet {
    /// The entry a two-word window ("Volodymyr Putin") misnames: the
    /// surname is that of a person the glossary knows by surname, the given
    /// name another known given name of the same initial.
    pub(super) fn wrong_given_name(&self, given: &str, surname: &str) -> Option<usize> {
        let entry = *self.surnames.known_by_surname.get(surname)?;
        let (right, _) = self.entries[entry].entry.name.split_once(' ')?;
        let (given, right) = (fold(given), fold(right));
        let initial = |s: &str| s.chars().next();
        let plausible = given != right
            && initial(&given) == initial(&right)
            && given.chars().count() >= MIN_FUZZY_CHARS
            && self.surnames.given_names.contains(&given);
        plausible.then_some(entry)
    }

    /// Appends a finding for each lone word of `text` near the surname of
    /// an entry the document names rightly in full (`mentioned`), outside
    /// every sighting.
    pub(super) fn lone_surnames(
        &self,
        text: &str,
        sightings: &[Sighting],
        mentioned: &[bool],
        out: &mut Vec<Finding>,
    ) {
        let wanted: Vec<(usize, &str)> = (0..self.entries.len())
            .filter(|&e| mentioned[e] && self.entries[e].entry.threshold < 1.0)
            .filter_map(|e| Some((e, self.surnames.surname[e].as_deref()?)))
            .collect();
        if wanted.is_empty() {
            return;
        }
        let seen = |span: &Range<usize>| {
            sightings
                .iter()
                .any(|s| s.span.start < span.end && span.start < s.span.end)
        };
        let mut scanner = Scanner::new(text);
        while let Some(run) = scanner.next_run(&|_| false) {
            // Only the last word of its run: "Micron Technology" names a company.
            let Some((word, rest)) = run.split_last() else {
                continue;
            };
            let before = rest.last().map(|b| fold(&text[b.start..b.end]));
            let span = word.start..word.end;
            let written = &text[span.clone()];
            let folded = fold(written);
            if folded.chars().count() < MIN_FUZZY_CHARS
                || self.known_words.contains(&folded)
                || self.lowercase.contains(&written.to_lowercase())
                || seen(&span)
            {
                continue;
            }
            let hit = wanted.iter().find(|(entry, surname)| {
                let own_given = |b: &String| self.surnames.given_pieces[*entry].contains(b);
                before.as_ref().is_none_or(own_given)
                    && close_surname(&folded, surname, self.entries[*entry].entry.threshold)
            });
            if let Some(&(entry, _)) = hit {
                let surname = self.entries[entry].entry.name.rsplit(' ').next();
                let surname = surname.unwrap_or_default().to_string();
                out.push(self.finding_as(entry, text, span, true, &surname));
            }
        }
    }
}

/// Whether a lone word (folded) is a misspelling of a surname (folded):
/// the same initial, close enough, and not the surname itself (an ASCII
/// spelling of it is right). One changed letter counts here, unlike for a
/// one-word glossary entry, because the document names the person in full.
fn close_surname(word: &str, surname: &str, threshold: f64) -> bool {
    let chars = surname.chars().count();
    word != surname
        && word.chars().next() == surname.chars().next()
        && (word.chars().count() != chars || chars >= MIN_CHANGED_LETTER_CHARS)
        && strsim::normalized_damerau_levenshtein(word, surname) + 1e-9 >= threshold
}

#[cfg(test)]
mod tests {
    use super::super::tests::{fixes_in, pair};

    const PEOPLE: &str = r#"
[[rule]]
id = "people"
message = "misspelt name"
safe = false
glossary = [
  { name = "Vladimir Putin" },
  { name = "Putin" },
  { name = "Volodymyr Zelensky" },
  { name = "Jean-Luc Mélenchon", variants = ["Jean-Luc Melenchon"] },
  { name = "Clémentine Autain" },
  { name = "Luiz Inácio Lula da Silva" },
]
examples = [{ bad = "Vladmir Putin said", good = "Vladimir Putin said" }]
"#;

    fn fixes(text: &str) -> Vec<(String, String)> {
        fixes_in(PEOPLE, text)
    }

    #[test]
    fn a_known_given_name_on_a_leaders_surname_is_a_near_miss() {
        assert_eq!(
            fixes("The spokesman Volodymyr Putin said it."),
            [pair("Volodymyr Putin", "Vladimir Putin")]
        );
    }

    #[test]
    fn relatives_and_namesakes_keep_their_given_names() {
        for ok in [
            "Igor Putin and Lyudmila Putin came.",
            "Vlad Putin came.",
            "Volodymyr Zelensky met Vladimir Putin.",
        ] {
            assert_eq!(fixes(ok), [] as [(String, String); 0], "{ok}");
        }
    }

    #[test]
    fn a_lone_surname_near_a_person_named_in_full_is_a_near_miss() {
        assert_eq!(
            fixes("Jean-Luc Mélenchon spoke. Mélanchon left."),
            [pair("Mélanchon", "Mélenchon")]
        );
        assert_eq!(
            fixes("Clémentine Autain spoke; Autin left, and Luc Mélanchon too."),
            [pair("Autin", "Autain")]
        );
        assert_eq!(
            fixes("Jean-Luc Mélenchon spoke. Then Luc Mélanchon left."),
            [pair("Mélanchon", "Mélenchon")]
        );
    }

    #[test]
    fn other_people_companies_and_short_names_stay() {
        for ok in [
            "Mélanchon left.",
            "Jean-Luc Mélenchon spoke, then Melenchon.",
            "Volodymyr Zelensky came with the First Lady, Olena Zelenska.",
            "Jean-Luc Mélenchon visited Mélanchon Group.",
            // A capitalised word before it may be a given name: left alone.
            "Jean-Luc Mélenchon spoke. Then Mélanchon left.",
            "Lula da Silva met Salva, then Silvo.",
        ] {
            assert_eq!(fixes(ok), [] as [(String, String); 0], "{ok}");
        }
    }
}
