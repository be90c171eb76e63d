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
pub(crate) mod name_variants;
pub(crate) mod paragraph_start;
pub(crate) mod repeated;
pub(crate) mod roman_century;
pub(crate) mod times;
pub(crate) mod untranslated;
pub(crate) mod year_range;

/// The detectors a pack can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detector {
    /// UTF-8 text that was decoded as Windows-1252 or Latin-1 ("Ã©" for "é").
    Mojibake,
    /// A run of words in another language inside English
    /// (`untranslated-french`, `untranslated-spanish`, ...).
    Untranslated(untranslated::Language),
    /// A date whose month is in Russian or Ukrainian ("21 июля 2020").
    CyrillicDate,
    /// A word mixing Latin and Cyrillic letters ("Censor.NЕТ").
    MixedScript,
    /// A run of another script inside English (`script-cyrillic`, ...).
    ForeignScript(foreign_script::Script),
    /// "the the", "a a", "the The time": a doubled article.
    DoubledArticle,
    /// A lower-case word or a phrase of two to four words written twice.
    RepeatedWords,
    /// A paragraph that starts in lower case ("the Big surprise was").
    ParagraphStartLowercase,
    /// A paragraph quoted with Russian dialogue dashes ("- Text, - said X.").
    DialogueDashes,
    /// One name spelled two ways in one document (whole text).
    NameVariants,
    /// "an increase of 2.5 times", "increased by 3 times": a multiplicative
    /// comparison in the Russian or Chinese form.
    MultiplicativeComparison,
    /// "the XIX century": a century in Roman numerals.
    RomanCentury,
    /// "from 2019 to 2004": a year range that runs backwards.
    BackwardsYearRange,
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

impl Detector {
    /// The detector called `name` in a pack, if there is one.
    pub fn named(name: &str) -> Option<Detector> {
        match name {
            "mojibake" => return Some(Detector::Mojibake),
            "doubled-article" => return Some(Detector::DoubledArticle),
            "repeated-words" => return Some(Detector::RepeatedWords),
            "untranslated-date-cyrillic" => return Some(Detector::CyrillicDate),
            "mixed-script-word" => return Some(Detector::MixedScript),
            "paragraph-start-lowercase" => return Some(Detector::ParagraphStartLowercase),
            "dialogue-dashes" => return Some(Detector::DialogueDashes),
            "name-variants" => return Some(Detector::NameVariants),
            "multiplicative-comparison" => return Some(Detector::MultiplicativeComparison),
            "roman-century" => return Some(Detector::RomanCentury),
            "backwards-year-range" => return Some(Detector::BackwardsYearRange),
            _ => {}
        }
        if let Some(language) = name.strip_prefix("untranslated-") {
            return untranslated::Language::named(language).map(Detector::Untranslated);
        }
        let script = name.strip_prefix("script-")?;
        foreign_script::Script::named(script).map(Detector::ForeignScript)
    }

    /// The names a pack may use, for error messages.
    pub const NAMES: &'static str = "mojibake, doubled-article, repeated-words, \
        dialogue-dashes, name-variants, multiplicative-comparison, roman-century, \
        backwards-year-range, untranslated-date-cyrillic, mixed-script-word, \
        paragraph-start-lowercase, untranslated-french, untranslated-spanish, \
        untranslated-german, untranslated-italian, untranslated-portuguese, untranslated-dutch, \
        script-chinese-japanese, script-korean, script-cyrillic, script-arabic, script-hebrew, \
        script-thai, script-devanagari";

    /// Whether its proposals carry a fix (else they are reports, and the
    /// rule's examples have no `good`).
    pub fn fixes(self) -> bool {
        matches!(
            self,
            Detector::Mojibake
                | Detector::DoubledArticle
                | Detector::RepeatedWords
                | Detector::CyrillicDate
                | Detector::MixedScript
                | Detector::ParagraphStartLowercase
                | Detector::DialogueDashes
                | Detector::NameVariants
                | Detector::MultiplicativeComparison
                | Detector::RomanCentury
        )
    }

    /// Whether it decides over the whole text rather than one paragraph
    /// (see [`Detector::find_in_whole_text`]).
    pub fn whole_text(self) -> bool {
        matches!(self, Detector::NameVariants)
    }

    /// Appends the proposals of a whole-text detector over all of `text`.
    pub fn find_in_whole_text(self, text: &str, out: &mut Vec<Proposal>) {
        if let Detector::NameVariants = self {
            name_variants::find(text, out);
        }
    }

    /// Appends the proposals of this detector in `text[block]`.
    pub fn find(self, text: &str, block: Range<usize>, out: &mut Vec<Proposal>) {
        match self {
            Detector::Mojibake => mojibake::find(text, block, out),
            Detector::Untranslated(language) => untranslated::find(language, text, block, out),
            Detector::ForeignScript(script) => foreign_script::find(script, text, block, out),
            Detector::CyrillicDate => cyrillic_date::find(text, block, out),
            Detector::MixedScript => mixed_script::find(text, block, out),
            Detector::DoubledArticle => repeated::find_doubled_articles(text, block, out),
            Detector::RepeatedWords => repeated::find_repeated(text, block, out),
            Detector::ParagraphStartLowercase => paragraph_start::find(text, block, out),
            Detector::DialogueDashes => dialogue_dash::find(text, block, out),
            Detector::NameVariants => {}
            Detector::MultiplicativeComparison => times::find(text, block, out),
            Detector::RomanCentury => roman_century::find(text, block, out),
            Detector::BackwardsYearRange => year_range::find(text, block, out),
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
        for name in Detector::NAMES.split(", ") {
            assert!(Detector::named(name.trim()).is_some(), "{name}");
        }
        assert_eq!(Detector::named("untranslated-klingon"), None);
        assert_eq!(Detector::named("script-latin"), None);
    }
}
