//! Numbers as a reader understands them, whatever their script: Arabic
//! digits in any locale's grouping (`1,5` / `1.5`; `1 000` / `1,000` /
//! `1.000`), Chinese numerals and units (`三`, `5万` = 50,000, `1.2亿` =
//! 120 million), months (`5月` = May), and on the target side English
//! number words (`three`, `1.2 billion`, `third`) and month names.
//!
//! A written number may be read more than one way (`1.000` is a thousand in
//! German and one in English), so each [`Number`] keeps every value it can
//! mean; two numbers agree when they share one.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// One number of a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// Every value the written form can mean.
    pub values: Vec<f64>,
    /// A month (`5月`, `May`): it agrees with a month or a bare number.
    pub month: bool,
    /// Where it is written, in bytes of the text.
    pub range: Range<usize>,
}

impl Number {
    /// Whether the source's `self` is rendered by the target's `other`.
    fn rendered_by(&self, other: &Number) -> bool {
        let same = self
            .values
            .iter()
            .any(|a| other.values.iter().any(|b| close(*a, *b)));
        same && (self.month || !other.month)
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Decimal digits: ASCII and those of other scripts (Arabic-Indic,
/// Persian, Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu,
/// Kannada, Malayalam, Sinhala, Thai, Lao, Tibetan, Burmese, Khmer,
/// Mongolian, full-width); [`ascii_digits`] reads them as ASCII.
macro_rules! digit {
    () => {
        concat!(
            r"[0-9\u{660}-\u{669}\u{6f0}-\u{6f9}\u{966}-\u{96f}\u{9e6}-\u{9ef}",
            r"\u{a66}-\u{a6f}\u{ae6}-\u{aef}\u{b66}-\u{b6f}\u{be6}-\u{bef}\u{c66}-\u{c6f}",
            r"\u{ce6}-\u{cef}\u{d66}-\u{d6f}\u{de6}-\u{def}\u{e50}-\u{e59}\u{ed0}-\u{ed9}",
            r"\u{f20}-\u{f29}\u{1040}-\u{1049}\u{17e0}-\u{17e9}\u{1810}-\u{1819}\u{ff10}-\u{ff19}]"
        )
    };
}

/// The zero of each run of ten decimal digits [`digit`] reads.
const ZEROS: [u32; 20] = [
    0x660, 0x6f0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50,
    0xed0, 0xf20, 0x1040, 0x17e0, 0x1810, 0xff10, 0x30,
];

/// Arabic digits: space-grouped thousands first (only after 1 to 3
/// digits, so "in 2019 300 people" stays two numbers), then any other.
static ARABIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        digit!(),
        r"{1,3}(?:[ \u{a0}\u{202f}\u{2009}]",
        digit!(),
        r"{3})+(?:[.,]",
        digit!(),
        r"+)?|",
        digit!(),
        r"+(?:[.,']",
        digit!(),
        r"+)*",
    ))
    .expect("valid")
});

/// What may follow a number and multiply it: Chinese units, English
/// words, and the words of other languages a source may be in (Russian,
/// Ukrainian, Estonian, Romanian, German, French, Spanish, Italian,
/// Portuguese, Dutch, Polish, Nepali), each group one factor. Romanian
/// puts `de` between (`470 de milioane`).
static MULTIPLIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^\s*(?:(万亿|千亿|百亿|十亿|千万|百万|十万|万|亿|千|百)",
        r"|(?i:(hundred|thousand|million|billion|trillion))\b",
        r"|(?i:(?:de\s+)?(?:",
        r"(сот\w*|सय)",
        r"|(тыс\.?|тысяч\w*|тис\.?|тисяч\w*|tuhat|tuhande\w*|mii|mie|tausend|mille|mil|mila|duizend|tys\.|tysi[eęą]c\w*|हजार)",
        r"|(लाख|lakhs?)",
        r"|(млн\.?|миллион\w*|мільйон\w*|miljon\w*|milion\w*|millionen|mio\.?|millions|mill[oó]n\w*|milh[aã]o|milh[oõ]es|milion[ei]|miljoen\w*|mln\.?|मिलियन)",
        r"|(करोड|crores?)",
        r"|(млрд\.?|миллиард\w*|мільярд\w*|miljard\w*|miliard\w*|milliarde\w*|mrd\.?|milliards?|mld\.?|arba?)",
        r")(?:\b|$))",
        r")",
    ))
    .expect("valid")
});

/// The factor of each group of [`MULTIPLIER`] after the Chinese and
/// English ones (read by [`multiplier`]).
const FOREIGN_FACTORS: [f64; 6] = [1e2, 1e3, 1e5, 1e6, 1e7, 1e9];

/// A multiplier just after a number: its factor, the bytes it takes, and
/// whether it is a word (`million`, `миллионов`) rather than a Chinese unit.
fn multiplier_after(after: &str) -> Option<(f64, usize, bool)> {
    let c = MULTIPLIER.captures(after)?;
    let whole = c.get(0)?.end();
    if let Some(unit) = c.get(1) {
        return Some((multiplier(unit.as_str()), whole, false));
    }
    if let Some(word) = c.get(2) {
        return Some((multiplier(word.as_str()), whole, true));
    }
    let group = (3..3 + FOREIGN_FACTORS.len()).find(|g| c.get(*g).is_some())?;
    Some((FOREIGN_FACTORS[group - 3], whole, true))
}

/// The decimal digits of a text, as ASCII (`1,2 млн` → `12`).
pub fn digits_of(text: &str) -> String {
    ascii_digits(text)
        .chars()
        .filter(char::is_ascii_digit)
        .collect()
}

/// A run of digits with every decimal digit written as ASCII.
fn ascii_digits(written: &str) -> String {
    written
        .chars()
        .map(|c| {
            let code = c as u32;
            ZEROS
                .iter()
                .find(|zero| (**zero..**zero + 10).contains(&code))
                .map_or(c, |zero| char::from(b'0' + (code - zero) as u8))
        })
        .collect()
}

const CHINESE_DIGITS: &str = "零〇一二两三四五六七八九十百千万亿";

/// What may follow a Chinese numeral for it to be a count, a date or an
/// amount rather than part of a word (一些 "some", 统一 "unify", 一带一路).
const CLASSIFIERS: &str =
    "个人名位年月日号天周次家项条岁倍元米吨台辆架艘所座件种类章节届期份场批轮支只头颗股斤克分秒%％";

/// The numbers of a source text (any language).
pub fn in_source(text: &str) -> Vec<Number> {
    let mut found = arabic(text, false);
    found.extend(chinese(text));
    found.sort_by_key(|n| n.range.start);
    found
}

/// The numbers of an English target text: those of [`in_source`] and
/// number words, ordinals and month names. A number before a multiplier
/// word (`256 million`) also keeps its bare value, since the source may
/// put its word for "million" where no reader looks for it (Sinhala writes
/// it before the number); a decade (`1990s`) also means its last two
/// digits (`'90`, `anii 90`).
pub fn in_target(text: &str) -> Vec<Number> {
    let mut found = arabic(text, true);
    found.extend(chinese(text));
    found.sort_by_key(|n| n.range.start);
    found.extend(english_words(text));
    found
}

/// A time of day in the target (`11.45am`, `11:45 p.m.`): its hour and
/// minutes render a source's `11 : 45` or `11 ч 45`.
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([0-9]{1,2})[.:]([0-9]{2})\s*(?i:[ap]\.?m\b\.?)").expect("valid")
});

/// What follows an hour after noon.
static PM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*(?i:p\.?m\b\.?)").expect("valid"));

fn arabic(text: &str, target: bool) -> Vec<Number> {
    let mut found = Vec::new();
    for m in ARABIC.find_iter(text) {
        if let Some(time) = TIME.captures(&text[m.start()..]).filter(|_| target) {
            for part in [time.get(1), time.get(2)].into_iter().flatten() {
                found.push(Number {
                    values: part.as_str().parse().ok().into_iter().collect(),
                    month: false,
                    range: m.start() + part.start()..m.start() + part.end(),
                });
            }
            continue;
        }
        let written = ascii_digits(m.as_str());
        let mut values = readings(&written);
        let mut end = m.end();
        if let Some((factor, len, word)) = multiplier_after(&text[end..]) {
            let bare = values.clone();
            values = values.iter().map(|v| v * factor).collect();
            if target && word {
                values.extend(bare);
            }
            end += len;
        } else if target && is_decade(&written, &text[end..]) {
            values.extend(written[2..].parse::<f64>().ok());
        } else if PM.is_match(&text[end..]) {
            // 6 p.m. is 18:00.
            values.extend(
                values
                    .clone()
                    .iter()
                    .filter(|v| **v < 12.0)
                    .map(|v| v + 12.0),
            );
        }
        let month = is_month(&text[end..]) && values.iter().any(|v| is_month_value(*v));
        if m.as_str()
            .contains(|c| ('\u{966}'..='\u{96f}').contains(&c))
        {
            match bikram_sambat(&values, &text[end..]) {
                Some(years) => values.extend(years),
                // A day of a Nepali month: its day in the Gregorian
                // calendar differs, so the target cannot be held to it.
                None => continue,
            }
        }
        found.push(Number {
            values,
            month,
            range: m.start()..end,
        });
    }
    found
}

/// Nepali dates are in the Bikram Sambat calendar, which a translation
/// converts: its year 2072 is 2015 or 2016 (the year starts in April), and
/// its days (`१२ गते`) fall on other Gregorian days. `None` for a day.
fn bikram_sambat(values: &[f64], after: &str) -> Option<Vec<f64>> {
    if after.trim_start().starts_with("गते") {
        return None;
    }
    Some(
        values
            .iter()
            .filter(|v| v.fract() == 0.0 && (1950.0..=2200.0).contains(*v))
            .flat_map(|v| [v - 57.0, v - 56.0])
            .collect(),
    )
}

/// `1990` of `1990s`: a decade, also written by its last two digits.
fn is_decade(written: &str, after: &str) -> bool {
    written.len() == 4
        && written.bytes().all(|b| b.is_ascii_digit())
        && written.ends_with('0')
        && (after.starts_with('s') || after.starts_with("'s"))
        && !after[after.find('s').map_or(0, |i| i + 1)..].starts_with(char::is_alphanumeric)
}

/// The source's numbers that no number of the target renders, and the
/// target's numbers that render none of the source's, each target number
/// rendering one source number at most.
pub fn unmatched(source: &str, target: &str) -> (Vec<Number>, Vec<Number>) {
    let mut targets: Vec<Option<Number>> = in_target(target).into_iter().map(Some).collect();
    let mut missing = Vec::new();
    for number in in_source(source) {
        let found = targets
            .iter_mut()
            .find(|t| t.as_ref().is_some_and(|t| number.rendered_by(t)));
        match found {
            Some(slot) => *slot = None,
            None => missing.push(number),
        }
    }
    (missing, targets.into_iter().flatten().collect())
}

/// Every value a run of digits and separators can mean.
fn readings(written: &str) -> Vec<f64> {
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let parse = |s: &str| s.parse::<f64>().ok();
    let separators: Vec<(usize, char)> = written
        .char_indices()
        .filter(|(_, c)| !c.is_ascii_digit())
        .collect();
    let Some(&(last, last_sep)) = separators.last() else {
        return parse(written).into_iter().collect();
    };
    let grouped = parse(&digits(written));
    let after = &written[last + last_sep.len_utf8()..];
    let decimal = || parse(&format!("{}.{after}", digits(&written[..last])));
    let kinds = |c: char| separators.iter().filter(|(_, s)| *s == c).count();
    let mut values = Vec::new();
    if last_sep.is_whitespace() || last_sep == '\'' {
        values.extend(grouped);
    } else if separators.len() > kinds(last_sep) {
        // Both kinds: the last one is the decimal point ("1.234,5").
        values.extend(decimal());
    } else if separators.len() > 1 {
        // One kind, several times: grouping ("1,000,000") or a version.
        if written.split(last_sep).skip(1).all(|g| g.len() == 3) {
            values.extend(grouped);
        }
    } else if after.len() == 3 {
        values.extend(grouped);
        values.extend(decimal());
    } else {
        values.extend(decimal());
    }
    if values.is_empty() {
        // A version or a code ("1.2.3"): only the same digits render it.
        values.extend(grouped.map(|v| -v - 0.5));
    }
    values
}

fn multiplier(word: &str) -> f64 {
    match word.to_ascii_lowercase().as_str() {
        "百" | "hundred" => 1e2,
        "千" | "thousand" => 1e3,
        "万" => 1e4,
        "十万" => 1e5,
        "百万" | "million" => 1e6,
        "千万" => 1e7,
        "亿" => 1e8,
        "十亿" | "billion" => 1e9,
        "百亿" => 1e10,
        "千亿" => 1e11,
        "万亿" | "trillion" => 1e12,
        _ => 1.0,
    }
}

fn is_month(after: &str) -> bool {
    after.starts_with('月') && !after.starts_with("月份")
}

fn is_month_value(v: f64) -> bool {
    v.fract() == 0.0 && (1.0..=12.0).contains(&v)
}

/// Chinese numerals that count something: followed by a classifier or a
/// unit, after 第 (an ordinal) or 百分之 (a percentage). One alone is left
/// out, except as a month: it is as often "a" as "one".
fn chinese(text: &str) -> Vec<Number> {
    let mut found = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !CHINESE_DIGITS.contains(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, c)) = chars.peek() {
            if !CHINESE_DIGITS.contains(c) {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        // Digits just before (5万 is read with the Arabic numbers), or the
        // 百 of 百分之 ("per hundred": a percentage follows).
        if text[..start].ends_with(|c: char| c.is_ascii_digit() || c == '.')
            || text[start..].starts_with("百分之")
        {
            continue;
        }
        let run = &text[start..end];
        let after = &text[end..];
        let before = &text[..start];
        let counted = after.starts_with(|c: char| CLASSIFIERS.contains(c))
            || before.ends_with('第')
            || before.ends_with("百分之");
        let Some(value) = chinese_value(run) else {
            continue;
        };
        let month = is_month(after) && is_month_value(value);
        if counted && (value != 1.0 || month) {
            found.push(Number {
                values: vec![value],
                month,
                range: start..end,
            });
        }
    }
    found
}

/// The value of a run of Chinese numerals: positional (三十五, 两千) or,
/// with no unit character, digit by digit (二〇一九).
pub fn chinese_value(run: &str) -> Option<f64> {
    let digit = |c: char| {
        "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|d| d as f64)
            .or(match c {
                '〇' => Some(0.0),
                '两' => Some(2.0),
                _ => None,
            })
    };
    if !run.contains(['十', '百', '千', '万', '亿']) {
        let mut value = 0.0;
        for c in run.chars() {
            value = value * 10.0 + digit(c)?;
        }
        return Some(value);
    }
    // Parts at and above 亿, between 万 and 亿, and below 万.
    let (mut high, mut middle, mut section) = (0.0, 0.0, 0.0);
    let mut pending = None::<f64>;
    for c in run.chars() {
        match c {
            '十' | '百' | '千' => {
                let unit = match c {
                    '十' => 10.0,
                    '百' => 100.0,
                    _ => 1000.0,
                };
                section += pending.take().unwrap_or(1.0) * unit;
            }
            '万' => {
                let part = section + pending.take().unwrap_or(0.0);
                middle += if part == 0.0 { 1.0 } else { part } * 1e4;
                section = 0.0;
            }
            '亿' => {
                let part = middle + section + pending.take().unwrap_or(0.0);
                high += if part == 0.0 { 1.0 } else { part } * 1e8;
                middle = 0.0;
                section = 0.0;
            }
            c => pending = Some(digit(c)?),
        }
    }
    Some(high + middle + section + pending.unwrap_or(0.0))
}

const WORDS: [(&str, f64); 40] = [
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("both", 2.0),
    ("twice", 2.0),
    ("dozen", 12.0),
    ("first", 1.0),
    ("second", 2.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
];

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[A-Za-z]+(?:-[A-Za-z]+)?\b").expect("valid"));

/// English number words (with a following "thousand", "million"...),
/// ordinals up to ninth, and month names (capitalised, so the verb "may"
/// is not one).
fn english_words(text: &str) -> Vec<Number> {
    let mut found = Vec::new();
    for m in WORD.find_iter(text) {
        let word = m.as_str();
        let lower = word.to_ascii_lowercase();
        if let Some(month) = MONTHS.iter().position(|name| *name == lower)
            && word.starts_with(|c: char| c.is_ascii_uppercase())
        {
            found.push(Number {
                values: vec![month as f64 + 1.0],
                month: true,
                range: m.range(),
            });
            continue;
        }
        let word_value = |part: &str| WORDS.iter().find(|(w, _)| *w == part).map(|(_, v)| *v);
        // `twenty-five` is a sum; `two-year` is two.
        let value = lower
            .split('-')
            .map(word_value)
            .try_fold(0.0, |sum, v| v.map(|v| sum + v))
            .or_else(|| {
                lower
                    .split_once('-')
                    .and_then(|(first, _)| word_value(first))
            });
        let value = match value {
            Some(v) => Some(v),
            None if lower == "a" || lower == "an" => Some(1.0).filter(|_| {
                MULTIPLIER
                    .captures(&text[m.end()..])
                    .is_some_and(|c| c.get(2).is_some())
            }),
            None => None,
        };
        let Some(mut value) = value else { continue };
        let mut end = m.end();
        while let Some(c) = MULTIPLIER.captures(&text[end..]) {
            let Some(word) = c.get(2) else { break };
            value *= multiplier(word.as_str());
            end += c.get(0).expect("whole").end();
        }
        found.push(Number {
            values: vec![value],
            month: false,
            range: m.start()..end,
        });
    }
    found
}
