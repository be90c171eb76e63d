//! Surnames in capitals: "Elisabeth BORNE", "M. BORNE", "LI Qiang". French
//! official and press style, and the Chinese and Japanese habit of setting
//! the family name in capitals in Latin script, put surnames in capitals;
//! MT copies them into English, where only the initial is capitalised.
//!
//! A word in capitals is read as a surname only where a name says so, since
//! English writes acronyms in capitals everywhere ("the Chinese COVID
//! response", "Henry VIII", "Kiss FM"):
//!
//! - after a given name: a first word of the names glossary
//!   (`rules/names-data.toml`, thousands of legislators; the list is made at
//!   build time). A given name that is also an English word ("Will", "Mark",
//!   "Rose") counts only inside a sentence, where the word would be in lower
//!   case; one of two letters ("Le", "De") never counts;
//! - after a title of address ("M.", "Mr", "Mme", "Dr", "President"),
//!   with up to four given names between ("Mr. Bassirou Diomaye Diakhar
//!   FAYE");
//! - before a pinyin given name, for a Chinese surname in capitals ("LI
//!   Qiang", "WANG Yi").
//!
//! The word in capitals must not be a Roman numeral ("Louis XI"), must hold
//! a vowel (acronyms such as FM, TV and PKK have none) and must not be one
//! of the acronyms read as words ([`WORDLIKE_ACRONYMS`]). A line mostly in
//! capitals is a heading or a shouted title and is left alone.
//!
//! The fix capitalises the initial of each part ("DIOP-FALL" →
//! "Diop-Fall", "O'NEILL" → "O'Neill", "MCCARTHY" → "McCarthy"). It is
//! the only reading for one word of three letters or more after a given name
//! or a title; surnames of several words ("LE PEN", "VON DER LEYEN", whose
//! particles English writes in lower case or not) and names that may be
//! Gaelic "Mac" names ("MACARTHUR": MacArthur or Macarthur) are suggestions.

use super::Proposal;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

include!(concat!(env!("OUT_DIR"), "/given_names.rs"));

/// First words of the names glossary that are also English words: each is
/// used in lower case three times or more in the clean corpora of the
/// development set (edited English), so a capitalised one at the start of a
/// sentence may be the English word.
const ENGLISH_WORD_NAMES: &[&str] = &[
    "Alpha", "August", "Beat", "Bill", "Bob", "Crystal", "Dean", "Don", "Else", "Eve", "Frank",
    "Guy", "Harm", "Honor", "Hung", "Hunter", "Jack", "Joy", "Mark", "Mars", "Max", "Min", "Mine",
    "Nail", "Papa", "Peer", "Ray", "Rob", "Rod", "Rose", "Royal", "Semi", "Server", "Sung", "Tea",
    "Than", "Till", "Ton", "Victor", "Vital", "Will", "Wolf", "Wore",
];

/// Acronyms that are read as words, and so have vowels like a surname.
const WORDLIKE_ACRONYMS: &[&str] = &[
    "AIDS", "ASEAN", "BRICS", "CELAC", "CERN", "COVID", "DAESH", "EFTA", "FIFA", "IKEA", "ISIS",
    "LEGO", "MERCOSUR", "NASA", "NASDAQ", "NATO", "OPEC", "OTAN", "ONU", "SARS", "UEFA", "UNESCO",
    "UNICEF", "UNITA", "INTERPOL", "EUROPOL", "FRONTEX", "OK", "USA", "UAE",
];

/// Chinese surnames, the hundred most common, in pinyin.
const CHINESE_SURNAMES: &[&str] = &[
    "BAI", "CAI", "CAO", "CHANG", "CHEN", "CHENG", "CUI", "DAI", "DENG", "DING", "DONG", "DU",
    "DUAN", "FAN", "FANG", "FENG", "FU", "GAO", "GONG", "GU", "GUO", "HAN", "HAO", "HE", "HOU",
    "HU", "HUANG", "JIA", "JIANG", "JIN", "KANG", "KONG", "LAI", "LEI", "LI", "LIANG", "LIAO",
    "LIN", "LIU", "LONG", "LU", "LUO", "MA", "MAO", "MENG", "PAN", "PENG", "QIAN", "QIAO", "QIN",
    "QIU", "REN", "SHAO", "SHEN", "SHI", "SONG", "SU", "SUN", "TAN", "TANG", "TIAN", "WAN", "WANG",
    "WEI", "WEN", "WU", "XI", "XIA", "XIAO", "XIE", "XIONG", "XU", "XUE", "YAN", "YANG", "YAO",
    "YE", "YI", "YIN", "YU", "YUAN", "ZENG", "ZHANG", "ZHAO", "ZHENG", "ZHONG", "ZHOU", "ZHU",
    "ZOU",
];

/// Titles of address before a surname.
const TITLES: &str = r"M\.|MM\.|Mr\.?|Mrs\.?|Ms\.?|Mme\.?|Mlle\.?|Dr\.?|Prof\.?|President|Premier|Minister|Chancellor|Senator|Ambassador";

/// One word in capitals, hyphenated parts and apostrophes included.
const CAPS_WORD: &str = r"\p{Lu}[\p{Lu}'’]*\p{Lu}(?:-\p{Lu}[\p{Lu}'’]*\p{Lu})*";

/// A capitalised name word ("Jean", "Jean-Luc").
const NAME_WORD: &str = r"\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?";

/// One to three words in capitals after a title of address and up to four
/// given names ("Mr. Bassirou Diomaye Diakhar FAYE"), or after one
/// capitalised word that may be a given name ("Elisabeth BORNE").
static AFTER_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:(?P<title>{TITLES})[ \t]+(?:{NAME_WORD}[ \t]+){{0,4}}|(?P<lead>{NAME_WORD})[ \t]+)(?P<caps>{CAPS_WORD}(?:[ \t]+{CAPS_WORD}){{0,2}})"
    ))
    .expect("valid regex")
});

/// A Chinese surname in capitals before a capitalised given name.
static CHINESE_ORDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<caps>\p{Lu}{2,5})[ \t]+(?P<given>\p{Lu}\p{Ll}+(?:-\p{Ll}+)?)")
        .expect("valid regex")
});

/// A given name of one or two pinyin syllables ("Qiang", "Jinping", "Ing-wen").
static PINYIN_GIVEN: LazyLock<Regex> = LazyLock::new(|| {
    let syllable = r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|v)";
    Regex::new(&format!(r"^{syllable}(?:-?{syllable})?$")).expect("valid regex")
});

fn is_roman_numeral(word: &str) -> bool {
    word.chars().all(|c| "IVXLCDM".contains(c))
}

fn has_vowel(word: &str) -> bool {
    word.chars()
        .any(|c| "AEIOUYÀÁÂÃÄÅÆÈÉÊËÌÍÎÏÒÓÔÕÖØÙÚÛÜÝŒ".contains(c))
}

/// Whether a word in capitals may be a surname.
fn may_be_surname(word: &str) -> bool {
    !is_roman_numeral(word) && has_vowel(word) && !WORDLIKE_ACRONYMS.contains(&word)
}

/// Whether most letters of the line around `at` are capitals: a heading.
fn in_capitals_line(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let letters = text[start..end].chars().filter(|c| c.is_alphabetic());
    let (upper, all) = letters.fold((0, 0), |(u, a), c| {
        (u + usize::from(c.is_uppercase()), a + 1)
    });
    upper * 2 > all
}

/// Whether `at` opens a sentence: nothing before it on the line but
/// spaces, or a sentence end, a colon or an opening quote or bracket.
fn opens_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t']);
    before.is_empty()
        || before.ends_with(['\n', '.', '!', '?', ':', '"', '“', '‘', '(', '[', '—', '–'])
}

/// Whether a capitalised word before a word in capitals is a given name.
fn is_given_name(text: &str, lead: &str, at: usize) -> bool {
    let first = lead.split('-').next().unwrap_or(lead);
    if first.chars().count() < 3 || GIVEN_NAMES.binary_search(&first).is_err() {
        return false;
    }
    !ENGLISH_WORD_NAMES.contains(&first) || !opens_sentence(text, at)
}

/// A surname in capitals with the initial of each part kept.
fn title_case(caps: &str) -> String {
    let mut out = String::with_capacity(caps.len());
    let mut initial = true;
    for c in caps.chars() {
        if initial {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        initial = matches!(c, '-' | '\'' | '’' | ' ' | '\t');
    }
    // "MCCARTHY": Mc is always followed by a capital.
    if let Some(rest) = out.strip_prefix("Mc")
        && let Some(next) = rest.chars().next()
    {
        let mut fixed = String::from("Mc");
        fixed.extend(next.to_uppercase());
        fixed.push_str(&rest[next.len_utf8()..]);
        return fixed;
    }
    out
}

/// Whether the letters right before `start` and right after `end` leave
/// the match a run of whole words (the patterns use ASCII word boundaries,
/// which accented capitals do not stop).
fn whole_words(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Whether more words in capitals follow: a heading or a shouted phrase.
fn capitals_go_on(after: &str) -> bool {
    let mut next = after.trim_start_matches([' ', '\t']).chars();
    next.next().is_some_and(char::is_uppercase) && next.next().is_some_and(char::is_uppercase)
}

/// Appends a fix for each surname in capitals in the block.
pub fn find(text: &str, block: Range<usize>, out: &mut Vec<Proposal>) {
    let slice = &text[block.clone()];
    let mut propose = |caps: regex::Match<'_>, unambiguous: bool| {
        out.push(Proposal {
            span: block.start + caps.start()..block.start + caps.end(),
            replacement: Some(title_case(caps.as_str())),
            unambiguous,
        });
    };
    for found in AFTER_NAME.captures_iter(slice) {
        let (whole, caps) = (
            found.get(0).expect("match"),
            found.name("caps").expect("group"),
        );
        let words: Vec<&str> = caps.as_str().split_whitespace().collect();
        let named = found.name("title").is_some()
            || found
                .name("lead")
                .is_some_and(|lead| is_given_name(slice, lead.as_str(), lead.start()));
        if !named
            || !whole_words(slice, whole.start(), caps.end())
            || capitals_go_on(&slice[caps.end()..])
            || !words.iter().all(|w| may_be_surname(w))
            || in_capitals_line(slice, caps.start())
        {
            continue;
        }
        let one_word = words.len() == 1 && words[0].chars().count() >= 3;
        propose(caps, one_word && !gaelic_mac(words[0]));
    }
    for found in CHINESE_ORDER.captures_iter(slice) {
        let caps = found.name("caps").expect("group");
        let given = found.name("given").expect("group");
        if CHINESE_SURNAMES.contains(&caps.as_str())
            && PINYIN_GIVEN.is_match(&given.as_str().to_lowercase())
            && whole_words(slice, caps.start(), given.end())
            && !in_capitals_line(slice, caps.start())
        {
            propose(caps, true);
        }
    }
}

/// Whether a surname in capitals may be a Gaelic "Mac" name, which English
/// writes with a second capital ("MACARTHUR" is MacArthur; "MACRON",
/// "MACHADO" and "MACEDO" are not Mac names).
fn gaelic_mac(word: &str) -> bool {
    word.strip_prefix("MAC")
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| "ADFGIKLMNPQT".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::detect::test_support::{fixed, spans};

    #[test]
    fn surnames_in_capitals_after_a_name_or_title_are_fixed() {
        assert_eq!(
            fixed(find, "Prime Minister Elisabeth BORNE met the unions."),
            "Prime Minister Elisabeth Borne met the unions."
        );
        assert_eq!(fixed(find, "M. BORNE replied."), "M. Borne replied.");
        assert_eq!(
            fixed(
                find,
                "His Excellency Mr. Bassirou Diomaye Diakhar FAYE presided"
            ),
            "His Excellency Mr. Bassirou Diomaye Diakhar Faye presided"
        );
        assert_eq!(
            fixed(find, "the talks between WANG Yi and Jean-Luc MÉLENCHON"),
            "the talks between Wang Yi and Jean-Luc Mélenchon"
        );
        assert_eq!(
            fixed(find, "Premier LI Qiang said"),
            "Premier Li Qiang said"
        );
        assert_eq!(fixed(find, "as Mark RUTTE said"), "as Mark Rutte said");
        assert_eq!(
            fixed(find, "with Jean-Marie LE PEN and Joseph MCCARTHY"),
            "with Jean-Marie Le Pen and Joseph McCarthy"
        );
    }

    #[test]
    fn ambiguous_forms_are_suggestions() {
        let mut out = Vec::new();
        let text = "with Jean-Marie LE PEN and Joseph MACDONALD and Emmanuel MACRON";
        find(text, 0..text.len(), &mut out);
        let safe: Vec<bool> = out.iter().map(|p| p.unambiguous).collect();
        assert_eq!(safe, [false, false, true]);
    }

    #[test]
    fn acronyms_numerals_and_headings_stay() {
        for ok in [
            "Louis XI and Henry VIII",
            "the Chinese COVID response",
            "Kiss FM played it",
            "Will NATO act?",
            "Mark UNESCO's words",
            "PRESIDENT EMMANUEL MACRON VISITS CHINA",
            "Emmanuel MACRON VISITS CHINA TODAY",
            "the US Army",
            "MA Thesis",
            "LONG Island",
            "Elisabeth Borne",
            "The CAQ won",
        ] {
            assert!(spans(find, ok).is_empty(), "{ok}");
        }
    }
}
