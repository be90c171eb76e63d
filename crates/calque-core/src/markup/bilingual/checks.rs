//! The bilingual rule kinds: each compares one unit's target with its
//! source. A rule names a built-in check (`check = "number-mismatch"`) or
//! carries a term (`term = { source = "...", target = [...] }`).

use super::placeholders::{self, Placeholder};
use super::script::{self, Script};
use super::{CODE_MARK, Unit, numbers};
use crate::engine::detect::untranslated;
use std::ops::Range;

pub use crate::engine::definition::{Check, Term};

/// What a check found in one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Bytes of the unit's decoded target.
    pub range: Range<usize>,
    pub detail: String,
    /// The fix, when it is certain.
    pub replacement: Option<String>,
    /// A rendering shown to the reader, never applied: right in meaning
    /// but for a person to choose the words of (see [`shown_number`]).
    pub shown: Option<String>,
}

impl Check {
    /// The check a rule's `check` field names.
    pub fn named(name: &str) -> Option<Check> {
        Some(match name {
            "number-mismatch" => Check::Numbers,
            "placeholder-mismatch" => Check::Placeholders,
            "untranslated" => Check::Untranslated,
            "final-punctuation" => Check::FinalPunctuation,
            "length-ratio" => Check::LengthRatio,
            _ => return None,
        })
    }

    /// What the check finds wrong in one unit.
    pub(crate) fn run(&self, unit: &Unit) -> Vec<Problem> {
        let whole = 0..unit.target.len();
        match self {
            Check::Numbers => numbers(unit),
            Check::Placeholders => placeholders(unit),
            Check::Untranslated => untranslated(unit),
            Check::FinalPunctuation => final_punctuation(&unit.source, &unit.target)
                .map(|detail| problem(trimmed_end(&unit.target), detail))
                .into_iter()
                .collect(),
            Check::LengthRatio => length_ratio(&unit.source, &unit.target)
                .map(|detail| problem(whole, detail))
                .into_iter()
                .collect(),
            Check::Term(term) => term
                .missing(&unit.source, &unit.target)
                .map(|detail| problem(whole, detail))
                .into_iter()
                .collect(),
        }
    }
}

fn problem(range: Range<usize>, detail: String) -> Problem {
    Problem {
        range,
        detail,
        replacement: None,
        shown: None,
    }
}

/// A source number the target lacks is reported on the target number that
/// stands for it (one that renders no source number: the one sharing the
/// most leading digits with it, then the nearest in relative position), or
/// on the whole target when there is none.
fn numbers(unit: &Unit) -> Vec<Problem> {
    let source = placeholders::blank(&unit.source);
    let target = placeholders::blank(&unit.target);
    let (missing, mut spare) = numbers::unmatched(&source, &target);
    let place = |range: &Range<usize>, len: usize| range.start as f64 / len.max(1) as f64;
    let shared = |a: &str, b: &str| {
        let (a, b) = (numbers::digits_of(a), numbers::digits_of(b));
        a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
    };
    missing
        .into_iter()
        .map(|n| {
            let written = unit.source[n.range.clone()].trim();
            let at = place(&n.range, source.len());
            // A target number of the same kind: digits for digits (a word
            // such as "one" or "second" rarely stands for them), a month for
            // a month.
            let in_digits = !numbers::digits_of(written).is_empty();
            let kind = |other: &numbers::Number| {
                let digits = target[other.range.clone()].starts_with(|c: char| c.is_ascii_digit());
                (digits || !in_digits) && (other.month == n.month || !other.month)
            };
            let nearest = (0..spare.len())
                .filter(|i| kind(&spare[*i]))
                .min_by(|a, b| {
                    let likeness = |i: usize| shared(written, &target[spare[i].range.clone()]);
                    let distance = |i: usize| (place(&spare[i].range, target.len()) - at).abs();
                    likeness(*b)
                        .cmp(&likeness(*a))
                        .then(distance(*a).total_cmp(&distance(*b)))
                });
            match nearest.map(|i| spare.remove(i)) {
                Some(other) => Problem {
                    shown: shown_number(&n, &unit.target[other.range.clone()]),
                    ..problem(
                        other.range.clone(),
                        format!(
                            "the source's `{written}` is not in the target, which has `{}`",
                            &unit.target[other.range]
                        ),
                    )
                },
                None => problem(
                    0..unit.target.len(),
                    format!("the source's `{written}` is not in the target"),
                ),
            }
        })
        .collect()
}

/// The source number `n` in English digits, to show in place of the target
/// number `stand_in` that should render it ("50,000" for 5万 where the
/// target says "5,000"). Never applied: the stand-in is the check's best
/// guess among the target's numbers, and the words are the translator's
/// choice ("50,000", "50 thousand", "fifty thousand"; "120 million" reads
/// better than "120,000,000"). Only for a source number of one reading
/// (not a month) and a stand-in written in digits alone.
fn shown_number(n: &numbers::Number, stand_in: &str) -> Option<String> {
    let [value] = n.values[..] else {
        return None;
    };
    let digits_only = stand_in
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.'));
    if n.month || !digits_only || !(0.0..1e15).contains(&value) {
        return None;
    }
    Some(english_number(value))
}

/// `value` in digits as English writes them: a point before the decimals,
/// commas between thousands from 10,000 up (a four-digit number may be a
/// year).
fn english_number(value: f64) -> String {
    let plain = format!("{value}");
    let (whole, decimals) = plain.split_once('.').unwrap_or((&plain, ""));
    let mut out = String::new();
    if whole.len() > 4 {
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(digit);
        }
    } else {
        out.push_str(whole);
    }
    if !decimals.is_empty() {
        out.push('.');
        out.push_str(decimals);
    }
    out
}

fn placeholders(unit: &Unit) -> Vec<Problem> {
    let codes = |codes: &[String]| -> Vec<Placeholder> {
        codes
            .iter()
            .map(|c| Placeholder {
                key: c.clone(),
                written: c.clone(),
                range: 0..0,
            })
            .collect()
    };
    let mut source = placeholders::find(&unit.source);
    source.extend(codes(&unit.source_codes));
    let mut target = placeholders::find(&unit.target);
    target.extend(codes(&unit.target_codes));
    // A form of a plural message (a PO `msgstr[N]`, or forms joined by `|`
    // as Symfony and Laravel write them) may hold any placeholder of either
    // source form, as often as its language needs, and spell its number
    // out: one placeholder may be missing.
    let forms = unit.source.contains('|') || unit.target.contains('|');
    let mut difference = if unit.plural.is_some() || forms {
        let mut either = source.clone();
        either.extend(placeholders::find(unit.plural.as_deref().unwrap_or("")));
        let mut difference = placeholders::compare_sets(&source, &either, &target);
        if difference.missing.len() == 1 {
            difference.missing.clear();
        }
        difference
    } else {
        placeholders::compare(&source, &target)
    };
    if difference.is_empty() {
        return Vec::new();
    }
    // A placeholder written with stray or missing spaces is fixed where it
    // stands: `% s` or `{ count }`, `{{limit}}` for `{{ limit }}`.
    let mut respaced = placeholders::respaced(&mut difference);
    let spaced = placeholders::spaced(&unit.target, &difference.missing);
    for (_, written) in &spaced {
        if let Some(i) = difference.missing.iter().position(|m| m == written) {
            difference.missing.remove(i);
        }
    }
    respaced.extend(spaced);
    let mut problems: Vec<Problem> = respaced
        .iter()
        .map(|(range, written)| Problem {
            range: range.clone(),
            detail: format!(
                "`{}` should be written `{written}`",
                &unit.target[range.clone()]
            ),
            replacement: Some(written.clone()),
            shown: None,
        })
        .collect();
    let missing = &difference.missing;
    if !missing.is_empty() {
        let list: Vec<String> = missing.iter().map(|m| format!("`{m}`")).collect();
        problems.push(problem(
            0..unit.target.len(),
            format!("missing in the target: {}", list.join(", ")),
        ));
    }
    // Typographic markup a language adds (French ordinals write
    // `1<sup>er</sup>`) breaks nothing; a dropped or changed tag may.
    difference
        .added
        .retain(|a| !placeholders::is_typographic(&a.key));
    for added in &difference.added {
        let range = if added.range.is_empty() {
            0..unit.target.len()
        } else {
            added.range.clone()
        };
        problems.push(problem(
            range,
            format!("`{}` is not in the source", added.written),
        ));
    }
    problems
}

fn untranslated(unit: &Unit) -> Vec<Problem> {
    if unit.same_language {
        return Vec::new();
    }
    let (source, target) = (unit.source.trim(), unit.target.trim());
    let source_script = script::main_script(source);
    if source == target {
        // Short Latin strings ("OK", "Email", a brand) are often the same in
        // both languages; text in another script, or a phrase, is not.
        // Words in lower case tell running text from a title or a product
        // name kept as it is ("Star Wars Fallen order", "MasterWatt Lite").
        let words = source
            .split_whitespace()
            .filter(|w| w.starts_with(char::is_lowercase));
        if source_script.is_some() || words.count() >= 3 {
            return vec![problem(
                trimmed(&unit.target),
                "the target is the source, untranslated".into(),
            )];
        }
        return Vec::new();
    }
    let Some(script) = source_script else {
        return source_words_left(unit);
    };
    if script::main_script(&unit.target) == Some(script) {
        return Vec::new();
    }
    script::runs(&unit.target, script)
        .into_iter()
        .map(|range| {
            let run = unit.target[range.clone()].to_string();
            problem(
                range,
                format!("`{run}` ({}) is left from the source", script.name()),
            )
        })
        .collect()
}

/// A run of a Latin-script source left in the target: a run that the
/// untranslated-language detector reads as French, Spanish, German, Italian,
/// Portuguese or Dutch, most of whose words are words of the source. The
/// second condition keeps a quotation the translator chose to leave (a motto,
/// a title) apart from nothing: a copied run repeats the source, a quoted
/// title of the translator's own is rarely in the segment's source.
fn source_words_left(unit: &Unit) -> Vec<Problem> {
    let target = unit.target.as_str();
    let mut runs = Vec::new();
    for language in untranslated::Language::ALL {
        let mut found = Vec::new();
        untranslated::find(language, target, 0..target.len(), &mut found);
        runs.extend(found.into_iter().map(|p| (language, p.span)));
    }
    if runs.is_empty() {
        // Nearly every unit: no need to index the source's words.
        return Vec::new();
    }
    runs.sort_by_key(|(_, span)| span.start);
    let source_words: std::collections::HashSet<String> =
        unit.source.split_whitespace().map(word_key).collect();
    runs.into_iter()
        .filter(|(_, span)| {
            let words: Vec<String> = target[span.clone()]
                .split_whitespace()
                .map(word_key)
                .collect();
            let shared = words.iter().filter(|w| source_words.contains(*w)).count();
            shared * 2 >= words.len() && shared >= 3
        })
        .map(|(language, span)| {
            let run = target[span.clone()].to_string();
            let name = language.name();
            // "french" -> "French", as the script names are written.
            let name = name[..1].to_uppercase() + &name[1..];
            problem(span, format!("`{run}` ({name}) is left from the source"))
        })
        .collect()
}

/// A word compared without case or the punctuation around it.
fn word_key(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// The byte range of a text without its surrounding whitespace.
fn trimmed(text: &str) -> Range<usize> {
    let start = text.len() - text.trim_start().len();
    start..text.trim_end().len().max(start)
}

/// The last character of a text, before trailing spaces.
fn trimmed_end(text: &str) -> Range<usize> {
    let end = text.trim_end().len();
    let start = text[..end].char_indices().last().map_or(end, |(i, _)| i);
    start..end
}

/// The kind of sentence ending of a text, if it has one (quotes and
/// brackets after it do not count).
fn ending(text: &str) -> Option<&'static str> {
    let text = without_accelerator(text.trim_end());
    let text = text.trim_end_matches(|c: char| {
        c.is_whitespace() || "\"'”’»)）」』】".contains(c) || c == CODE_MARK
    });
    // Tokenized text: `. . .` is an ellipsis, and a full stop set after
    // another ending (`slogan : .`) adds nothing to it.
    if text.ends_with(". . .") {
        return Some("an ellipsis");
    }
    if let Some(before) = text.strip_suffix(" .").map(str::trim_end)
        && before.ends_with(['.', '?', '!', ':', '…', '。', '？', '！', '：'])
    {
        return ending(before);
    }
    let last = text.chars().last()?;
    Some(match last {
        '.' | '。' | '．' if text.ends_with("...") => "an ellipsis",
        // The full stops of other scripts: Devanagari and Bengali danda,
        // Urdu, Armenian, Burmese, Khmer, Ethiopic.
        '.' | '。' | '．' | '।' | '॥' | '۔' | '։' | '။' | '។' | '።' => "a full stop",
        // Arabic and Greek question marks.
        '?' | '？' | '؟' | '\u{37e}' => "a question mark",
        '!' | '！' => "an exclamation mark",
        ':' | '：' => "a colon",
        '…' => "an ellipsis",
        _ => return None,
    })
}

/// A text without a trailing menu accelerator in brackets, as CJK user
/// interfaces write it: `アラームを追加…(_L)`, `保存(&S)`.
fn without_accelerator(text: &str) -> &str {
    let Some(open) = text.rfind('(') else {
        return text;
    };
    let inside = &text[open..];
    let mut chars = inside.chars();
    let is_accelerator = chars.next() == Some('(')
        && matches!(chars.next(), Some('_' | '&'))
        && chars.next().is_some_and(char::is_alphanumeric)
        && chars.as_str() == ")";
    if is_accelerator { &text[..open] } else { text }
}

/// A text ending with an abbreviation (`6 p.m.`, `etc.`, a lone `Oct.`):
/// its full stop is the abbreviation's, which a translation need not keep.
fn ends_with_abbreviation(text: &str) -> bool {
    let text = text.trim();
    // One word of a script with spaces, with a full stop: `Oct.`, `Sept.`
    if !text.contains(char::is_whitespace)
        && text.ends_with('.')
        && script::main_script(text).is_none()
    {
        return true;
    }
    let last = text.rsplit(' ').next().unwrap_or("").to_lowercase();
    matches!(
        last.as_str(),
        "a.m." | "p.m." | "etc." | "e.g." | "i.e." | "approx."
    )
}

fn final_punctuation(source: &str, target: &str) -> Option<String> {
    if ends_with_abbreviation(source) {
        return None;
    }
    let wanted = ending(source)?;
    let got = ending(target);
    if got == Some(wanted) {
        return None;
    }
    // Thai ends a sentence with a space, not a mark.
    if got.is_none() && wanted == "a full stop" && script::main_script(target) == Some(Script::Thai)
    {
        return None;
    }
    Some(match got {
        Some(got) => format!("the source ends with {wanted}, the target with {got}"),
        None => format!("the source ends with {wanted}, the target with none"),
    })
}

/// How much room a text takes: a Han, kana or Hangul character counts as
/// three letters (a word of English per two or three characters of
/// Chinese), spaces do not count.
fn weight(text: &str) -> f64 {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if Script::of(c) == Some(Script::Cjk) {
                3.0
            } else {
                1.0
            }
        })
        .sum()
}

/// Ratios outside these bounds are flagged; sources lighter than
/// [`MIN_WEIGHT`] vary too much to say.
const MIN_RATIO: f64 = 1.0 / 3.0;
const MAX_RATIO: f64 = 3.0;
const MIN_WEIGHT: f64 = 30.0;

fn length_ratio(source: &str, target: &str) -> Option<String> {
    let (s, t) = (weight(source), weight(target));
    if s < MIN_WEIGHT {
        return None;
    }
    let ratio = t / s;
    (!(MIN_RATIO..=MAX_RATIO).contains(&ratio)).then(|| {
        format!(
            "the target is {ratio:.2} times the length of the source (expected between 0.33 and 3)"
        )
    })
}

impl Term {
    /// Why the target breaks the term, if it does.
    pub fn missing(&self, source: &str, target: &str) -> Option<String> {
        let found = self.source.iter().find(|s| contains(source, s))?;
        if self.target.iter().any(|t| contains(target, t)) {
            return None;
        }
        let wanted: Vec<String> = self.target.iter().map(|t| format!("`{t}`")).collect();
        Some(format!(
            "the source has `{found}`: the target should say {}",
            wanted.join(" or ")
        ))
    }
}

/// Whether `text` contains `term`, ignoring case and folding whitespace runs.
fn contains(text: &str, term: &str) -> bool {
    let fold = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    fold(text).contains(&fold(term))
}
