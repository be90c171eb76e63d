//! Short untranslated runs: two or three words of another language that MT
//! left inside an English sentence ("the rally ended with gracias à tous",
//! "a plan for la sécurité sociale").
//!
//! A run this short is too little for the language identifier alone, and
//! edited English borrows short phrases ("à la carte", "déjà vu", "coup de
//! grâce"), so the conditions are stricter than for a long run: every word
//! in lower case (a capital starts a name or a title), one word of four
//! letters or more, two markers of one language of which one is a word
//! with that language's diacritics, and that word not one English has
//! borrowed. The identifier must then prefer that language to English.

use super::{Candidate, Language, Word, has_marker_letter, marks, on_indented_line};
use whatlang::Lang;

/// Fewest words in a short run (one word is a loanword or a name).
const MIN_WORDS: usize = 2;

/// Words with diacritics that edited English writes as its own, alone or
/// in borrowed set phrases ("à la carte", "fin de siècle"): a short run
/// whose only marked words are among them is a loan, not a leftover.
/// Sorted, for a binary search.
const LOANWORDS: &[&str] = &[
    "appliqué",
    "attaché",
    "bête",
    "blasé",
    "brûlée",
    "café",
    "cafés",
    "célèbre",
    "cliché",
    "clichés",
    "communiqué",
    "communiqués",
    "consommé",
    "cortège",
    "crème",
    "d'être",
    "débâcle",
    "début",
    "débuts",
    "déclassé",
    "décor",
    "déjà",
    "détente",
    "divorcée",
    "doppelgänger",
    "doña",
    "éclair",
    "élan",
    "élite",
    "élites",
    "émigré",
    "émigrés",
    "entrée",
    "entrées",
    "étude",
    "exposé",
    "façade",
    "façades",
    "fiancé",
    "fiancée",
    "flambé",
    "frappé",
    "garçon",
    "glacé",
    "grâce",
    "habitué",
    "jalapeño",
    "jalapeños",
    "lamé",
    "mañana",
    "matinée",
    "mêlée",
    "ménage",
    "naïve",
    "naïveté",
    "née",
    "négligée",
    "niña",
    "niño",
    "olé",
    "outré",
    "passé",
    "pâté",
    "piñata",
    "pièce",
    "première",
    "premières",
    "protégé",
    "protégée",
    "purée",
    "régime",
    "régimes",
    "résistance",
    "résumé",
    "résumés",
    "risqué",
    "rôle",
    "rôles",
    "rosé",
    "sauté",
    "scène",
    "séance",
    "señor",
    "señora",
    "señorita",
    "sí",
    "siècle",
    "soirée",
    "soufflé",
    "touché",
    "über",
    "à",
];

fn is_loanword(word: &str) -> bool {
    let lower = word.to_lowercase();
    LOANWORDS.contains(&lower.as_str())
}

/// `run` (shorter than a long run) as a candidate, identified, if it is one.
pub(super) fn judge(slice: &str, run: &[Word]) -> Option<Candidate> {
    if run.len() < MIN_WORDS {
        return None;
    }
    let lower_case = |w: &Word| w.text.chars().next().is_some_and(char::is_lowercase);
    if !run.iter().all(lower_case) {
        return None;
    }
    if !run.iter().any(|w| w.text.chars().count() >= 4) {
        return None;
    }
    let markers = Language::ALL.map(|l| run.iter().filter(|w| marks(l, w.text)).count());
    let marked_by_letter = |l: Language| {
        run.iter()
            .any(|w| has_marker_letter(l, w.text) && !is_loanword(w.text))
    };
    let qualifying: Vec<Language> = Language::ALL
        .iter()
        .zip(markers)
        .filter(|&(&l, m)| m >= super::MIN_MARKERS && marked_by_letter(l))
        .map(|(&l, _)| l)
        .collect();
    if qualifying.is_empty() || on_indented_line(slice, run[0].span.start) {
        return None;
    }
    let span = run[0].span.start..run[run.len() - 1].span.end;
    // On two or three words whatlang's confidence is low and its choice
    // among close languages unsure ("la sécurité sociale" comes out
    // Italian), so it only chooses between English and the languages the
    // markers allow, at any confidence.
    let language = prefer(&slice[span.clone()], &qualifying);
    Some(Candidate {
        span,
        language,
        markers,
    })
}

/// Which of `languages` (or English) the identifier prefers for `run`;
/// `None` for English.
fn prefer(run: &str, languages: &[Language]) -> Option<Lang> {
    let mut choices = vec![Lang::Eng];
    choices.extend(languages.iter().map(|l| l.lang()));
    let info = whatlang::Detector::with_allowlist(choices).detect(run)?;
    (info.lang() != Lang::Eng).then(|| info.lang())
}

#[cfg(test)]
mod tests {
    use super::super::{Language, find};

    fn runs(language: Language, text: &str) -> Vec<String> {
        crate::engine::detect::test_support::spans(|t, b, o| find(language, t, b, o), text)
    }

    #[test]
    fn loanwords_are_lower_case() {
        for w in super::LOANWORDS {
            assert_eq!(w.to_lowercase(), *w);
        }
        assert!(super::is_loanword("Déjà") && !super::is_loanword("sécurité"));
    }

    #[test]
    fn finds_short_runs_with_a_marked_word() {
        assert_eq!(
            runs(
                Language::French,
                "The government presented a reform of la sécurité sociale to parliament."
            ),
            vec!["la sécurité sociale"]
        );
        assert_eq!(
            runs(
                Language::Spanish,
                "Officials said the región autónoma would vote in May."
            ),
            vec!["región autónoma"]
        );
    }

    #[test]
    fn leaves_borrowed_phrases_and_names_alone() {
        for text in [
            "Dinner was served à la carte, a feeling of déjà vu.",
            "It was the coup de grâce, the pièce de résistance of the fin de siècle.",
            "His résumé was naïve.",
            "They met Sánchez de la Vega at the Real Madrid stadium.",
            "The officials of Rio de Janeiro and the Forces armées met.",
            "a vis-à-vis meeting",
            "One word: sécurité.",
        ] {
            for language in Language::ALL {
                assert_eq!(runs(language, text), Vec::<String>::new(), "{text}");
            }
        }
    }
}
