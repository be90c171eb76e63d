//! Multiplicative comparisons written the Russian or Chinese way: "an
//! increase of 2.5 times" (увеличение в 2,5 раза, 增长2.5倍), "increased by
//! 3 times", "up by 4.7 times over the same period". English says "a
//! 2.5-fold increase", "increased threefold", "up 4.7-fold" (or "tripled").
//!
//! The detector finds an increase or decrease, as a noun after "a"/"an" or
//! as a verb before "by", measured in "N times", and proposes the "-fold"
//! form, choosing the article for the new first word ("an almost 1.4-fold
//! increase", "an 8-fold rise", "a 2.5-fold increase"). English does say
//! "grew by 4 times the rate of inflation" and "rises 3 times a year", so
//! a comparison ("the", "as", "that", "more") or a frequency ("a year",
//! "per", "each") after "times" leaves the phrase alone. Always a
//! suggestion: "decreased by 3 times" may be meant as "fell to a third".

use super::Proposal;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Hedges that may stand between "of"/"by" and the figure.
const QUALIFIER: &str =
    r"almost|nearly|about|approximately|around|roughly|some|over|more\s+than|less\s+than";

/// "an increase of almost 1.4 times": article, noun, qualifier, figure.
static NOUN_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?P<article>an?)\s+(?P<noun>increase|rise|growth|jump|decrease|decline|drop|fall|reduction)\s+of\s+(?:(?P<qual>{QUALIFIER})\s+)?(?P<figure>[0-9]+(?:[.,][0-9]{{1,2}})?)\s+times(?-u:\b)"
    ))
    .expect("valid regex")
});

/// "increased by 3 times", "up by 4.7 times": verb, qualifier, figure.
static VERB_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?P<verb>increased|increases|grew|grown|rose|risen|jumped|soared|climbed|decreased|decreases|declined|dropped|fell|fallen|shrank|shrunk|reduced|up|down)\s+by\s+(?:(?P<qual>{QUALIFIER})\s+)?(?P<figure>[0-9]+(?:[.,][0-9]{{1,2}})?)\s+times(?-u:\b)"
    ))
    .expect("valid regex")
});

/// What after "times" makes it an English comparison or a frequency.
static ENGLISH_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:the|that|those|this|its|their|his|her|as|what|more|less|higher|lower|greater|bigger|smaller|larger|faster|slower|a|an|per|each|every|daily|weekly|monthly|annually|yearly|in\s+a\s+row|[0-9])(?-u:\b)",
    )
    .expect("valid regex")
});

/// Whether the spoken figure or word starts with a vowel sound, so that
/// it takes "an": "an 8-fold", "an 11-fold", "an 18-fold", "an almost".
fn takes_an(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    if lower.starts_with(|c: char| c.is_ascii_digit()) {
        let whole = lower.split(['.', ',']).next().unwrap_or("");
        return whole.starts_with('8') || whole == "11" || whole == "18";
    }
    lower.starts_with(['a', 'e', 'i', 'o', 'u'])
}

/// The figure with a decimal point ("1,4" → "1.4") and "-fold".
fn fold(figure: &str) -> String {
    format!("{}-fold", figure.replace(',', "."))
}

/// The qualifier with its inner whitespace collapsed, and a space after.
fn qualifier(qual: Option<regex::Match>) -> String {
    qual.map(|q| {
        format!(
            "{} ",
            q.as_str().split_whitespace().collect::<Vec<_>>().join(" ")
        )
    })
    .unwrap_or_default()
}

/// Appends the "-fold" rewrites of multiplicative comparisons in the block.
pub fn find(text: &str, block: Range<usize>, out: &mut Vec<Proposal>) {
    let slice = &text[block.clone()];
    if !slice.contains("times") && !slice.contains("TIMES") {
        return;
    }
    let english = |end: usize| ENGLISH_AFTER.is_match(&slice[end..]);
    for caps in NOUN_FORM.captures_iter(slice) {
        let whole = caps.get(0).expect("match");
        if english(whole.end()) {
            continue;
        }
        let qual = qualifier(caps.name("qual"));
        let figure = &caps["figure"];
        let first = if qual.is_empty() {
            figure
        } else {
            qual.as_str()
        };
        let article = if takes_an(first) { "an" } else { "a" };
        let article = if caps["article"].starts_with('A') {
            if article == "an" { "An" } else { "A" }
        } else {
            article
        };
        out.push(Proposal {
            span: block.start + whole.start()..block.start + whole.end(),
            replacement: Some(format!(
                "{article} {qual}{} {}",
                fold(figure),
                &caps["noun"]
            )),
            unambiguous: false,
        });
    }
    for caps in VERB_FORM.captures_iter(slice) {
        let whole = caps.get(0).expect("match");
        if english(whole.end()) {
            continue;
        }
        out.push(Proposal {
            span: block.start + whole.start()..block.start + whole.end(),
            replacement: Some(format!(
                "{} {}{}",
                &caps["verb"],
                qualifier(caps.name("qual")),
                fold(&caps["figure"])
            )),
            unambiguous: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewrites(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        find(text, 0..text.len(), &mut out);
        out.into_iter()
            .map(|p| format!("{} -> {}", &text[p.span], p.replacement.unwrap()))
            .collect()
    }

    #[test]
    fn noun_form_takes_the_fold_and_the_right_article() {
        assert_eq!(
            rewrites("an increase of almost 1.4 times in ten years"),
            ["an increase of almost 1.4 times -> an almost 1.4-fold increase"]
        );
        assert_eq!(
            rewrites("there was an increase of 2.5 times."),
            ["an increase of 2.5 times -> a 2.5-fold increase"]
        );
        assert_eq!(
            rewrites("A rise of 8 times over the same period"),
            ["A rise of 8 times -> An 8-fold rise"]
        );
        assert_eq!(
            rewrites("a decrease of nearly 1,5 times"),
            ["a decrease of nearly 1,5 times -> a nearly 1.5-fold decrease"]
        );
    }

    #[test]
    fn verb_form_drops_by() {
        assert_eq!(
            rewrites("revenue was up by 4.7 times over the same period"),
            ["up by 4.7 times -> up 4.7-fold"]
        );
        assert_eq!(
            rewrites("exports increased by more than 3 times"),
            ["increased by more than 3 times -> increased more than 3-fold"]
        );
    }

    #[test]
    fn english_comparisons_and_frequencies_stay() {
        for ok in [
            "costs have grown by 4 times the rate of inflation",
            "it is 273 times more than a worker earns",
            "prices rose by 3 times as much",
            "the dose was increased by 2 times a day",
            "an increase of 5 percent",
            "it rose 3 times in a row",
            "the CEO now makes 300 times more",
        ] {
            assert!(rewrites(ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn block_offsets_are_kept() {
        let text = "First.\n\nSales grew by 2 times.";
        let mut out = Vec::new();
        find(text, 8..text.len(), &mut out);
        assert_eq!(&text[out[0].span.clone()], "grew by 2 times");
    }
}
