//! Built-in detectors: checks that no phrase or regular expression can say,
//! written in Rust and named by a pack rule (`detector = "mojibake"`), so that
//! they keep an id, a level, a message, examples and `ok` cases like any rule.
//!
//! A detector looks at one block of text (a paragraph) and proposes spans
//! with their replacements; the engine then applies the rule's context
//! conditions and safety like for a pattern rule.

use std::ops::Range;

pub(crate) mod cyrillic_date;
pub(crate) mod dialogue_dash;
pub(crate) mod foreign_script;
pub(crate) mod mixed_script;
pub(crate) mod mojibake;
pub(crate) mod movement;
pub(crate) mod name_variants;
pub(crate) mod paragraph_start;
pub(crate) mod repeated;
pub(crate) mod roman_century;
pub(crate) mod times;
pub(crate) mod untranslated;
pub(crate) mod year_range;

/// How a detector searches: one paragraph at a time, or the whole text
/// at once (a name spelled two ways needs every paragraph).
#[derive(Clone, Copy)]
enum Searcher {
    Block(fn(&str, Range<usize>, &mut Vec<Proposal>)),
    WholeText(fn(&str, &mut Vec<Proposal>)),
}

/// The one list of the detectors without a parameter: each variant with
/// its name in packs, whether its proposals carry a fix (else they are
/// reports, and the rule's examples have no `good`), and its search. A new
/// detector is its file and one entry here (and its row in the docs).
macro_rules! detectors {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, fixes: $fixes:literal, $search:expr; )+) => {
        /// The detectors a pack can name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Detector {
            $( $(#[$doc])* $variant, )+
            /// A run of words in another language inside English
            /// (`untranslated-french`, `untranslated-spanish`, ...).
            Untranslated(untranslated::Language),
            /// A run of another script inside English (`script-cyrillic`, ...).
            ForeignScript(foreign_script::Script),
        }

        /// The detectors without a parameter, by name.
        const PLAIN: &[(&str, Detector)] = &[ $( ($name, Detector::$variant), )+ ];

        impl Detector {
            /// Whether its proposals carry a fix, and how it searches.
            fn plan(self) -> (bool, Searcher) {
                match self {
                    $( Detector::$variant => ($fixes, $search), )+
                    Detector::Untranslated(_) | Detector::ForeignScript(_) => {
                        unreachable!("a detector with a parameter has no plan")
                    }
                }
            }
        }
    };
}

detectors! {
    /// UTF-8 text that was decoded as Windows-1252 or Latin-1 ("Ã©" for "é").
    Mojibake = "mojibake", fixes: true, Searcher::Block(mojibake::find);
    /// "the the", "a a", "the The time": a doubled article.
    DoubledArticle = "doubled-article", fixes: true,
        Searcher::Block(repeated::find_doubled_articles);
    /// A lower-case word or a phrase of two to four words written twice.
    RepeatedWords = "repeated-words", fixes: true, Searcher::Block(repeated::find_repeated);
    /// A paragraph quoted with Russian dialogue dashes ("- Text, - said X.").
    DialogueDashes = "dialogue-dashes", fixes: true, Searcher::Block(dialogue_dash::find);
    /// One name spelled two ways in one document (whole text).
    NameVariants = "name-variants", fixes: true, Searcher::WholeText(name_variants::find);
    /// "an increase of 2.5 times", "increased by 3 times": a multiplicative
    /// comparison in the Russian or Chinese form.
    MultiplicativeComparison = "multiplicative-comparison", fixes: true,
        Searcher::Block(times::find);
    /// "the XIX century": a century in Roman numerals.
    RomanCentury = "roman-century", fixes: true, Searcher::Block(roman_century::find);
    /// "from 2019 to 2004": a year range that runs backwards.
    BackwardsYearRange = "backwards-year-range", fixes: false,
        Searcher::Block(year_range::find);
    /// "rose from 40% to 36%": a change whose verb and figures disagree.
    ContradictoryChange = "contradictory-change", fixes: false,
        Searcher::Block(movement::find);
    /// A date whose month is in Russian or Ukrainian ("21 июля 2020").
    CyrillicDate = "untranslated-date-cyrillic", fixes: true,
        Searcher::Block(cyrillic_date::find);
    /// A word mixing Latin and Cyrillic letters ("Censor.NЕТ").
    MixedScript = "mixed-script-word", fixes: true, Searcher::Block(mixed_script::find);
    /// A paragraph that starts in lower case ("the Big surprise was").
    ParagraphStartLowercase = "paragraph-start-lowercase", fixes: true,
        Searcher::Block(paragraph_start::find);
}

/// What a detector proposes: a span of the text, its replacement (none for
/// a report), and whether that replacement is the only reading (a safe fix
/// is allowed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub span: Range<usize>,
    pub replacement: Option<String>,
    pub unambiguous: bool,
}

impl Proposal {
    /// A report of `span`: no fix, only the finding.
    pub fn report(span: Range<usize>) -> Proposal {
        Proposal {
            span,
            replacement: None,
            unambiguous: false,
        }
    }
}

impl Detector {
    /// The detector called `name` in a pack, if there is one.
    pub fn named(name: &str) -> Option<Detector> {
        if let Some(&(_, detector)) = PLAIN.iter().find(|(n, _)| *n == name) {
            return Some(detector);
        }
        if let Some(language) = name.strip_prefix("untranslated-") {
            return untranslated::Language::named(language).map(Detector::Untranslated);
        }
        let script = name.strip_prefix("script-")?;
        foreign_script::Script::named(script).map(Detector::ForeignScript)
    }

    /// The names a pack may use, for error messages.
    pub fn names() -> String {
        let plain = PLAIN.iter().map(|(name, _)| name.to_string());
        let languages = untranslated::Language::ALL
            .iter()
            .map(|l| format!("untranslated-{}", l.name()));
        let scripts = foreign_script::Script::ALL
            .iter()
            .map(|s| format!("script-{}", s.name()));
        plain
            .chain(languages)
            .chain(scripts)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Whether its proposals carry a fix (else they are reports, and the
    /// rule's examples have no `good`).
    pub fn fixes(self) -> bool {
        match self {
            Detector::Untranslated(_) | Detector::ForeignScript(_) => false,
            plain => plain.plan().0,
        }
    }

    /// Whether it decides over the whole text rather than one paragraph
    /// (see [`Detector::find_in_whole_text`]).
    pub fn whole_text(self) -> bool {
        match self {
            Detector::Untranslated(_) | Detector::ForeignScript(_) => false,
            plain => matches!(plain.plan().1, Searcher::WholeText(_)),
        }
    }

    /// Appends the proposals of a whole-text detector over all of `text`.
    pub fn find_in_whole_text(self, text: &str, out: &mut Vec<Proposal>) {
        if self.whole_text()
            && let (_, Searcher::WholeText(find)) = self.plan()
        {
            find(text, out);
        }
    }

    /// Appends the proposals of this detector in `text[block]` (none for a
    /// whole-text detector).
    pub fn find(self, text: &str, block: Range<usize>, out: &mut Vec<Proposal>) {
        match self {
            Detector::Untranslated(language) => untranslated::find(language, text, block, out),
            Detector::ForeignScript(script) => foreign_script::find(script, text, block, out),
            plain => {
                if let (_, Searcher::Block(find)) = plain.plan() {
                    find(text, block, out);
                }
            }
        }
    }
}

/// What the detectors' unit tests share: a detector's proposals applied to
/// a text, or listed as the text they cover.
#[cfg(test)]
pub(crate) mod test_support {
    use super::Proposal;
    use std::ops::Range;

    /// `text` with every proposal of `find` applied (a proposal without a
    /// replacement is a test error).
    pub(crate) fn fixed(
        find: impl Fn(&str, Range<usize>, &mut Vec<Proposal>),
        text: &str,
    ) -> String {
        let mut out = Vec::new();
        find(text, 0..text.len(), &mut out);
        let mut result = text.to_string();
        for p in out.iter().rev() {
            let replacement = p.replacement.as_deref().expect("a proposal with a fix");
            result.replace_range(p.span.clone(), replacement);
        }
        result
    }

    /// The spans `find` proposes in `text`, as text.
    pub(crate) fn spans(
        find: impl Fn(&str, Range<usize>, &mut Vec<Proposal>),
        text: &str,
    ) -> Vec<String> {
        let mut out = Vec::new();
        find(text, 0..text.len(), &mut out);
        out.into_iter().map(|p| text[p.span].to_string()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every name listed in NAMES is known, so the load error's list is right.
    #[test]
    fn every_listed_name_is_a_detector() {
        for name in Detector::names().split(", ") {
            assert!(Detector::named(name.trim()).is_some(), "{name}");
        }
        assert_eq!(Detector::named("untranslated-klingon"), None);
        assert_eq!(Detector::named("script-latin"), None);
    }
}
