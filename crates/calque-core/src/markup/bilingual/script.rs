//! Writing systems, to find source text left in a translation: a run of
//! Han, kana, Hangul, Cyrillic, Arabic... inside a target written in
//! another script.

use std::ops::Range;

/// The scripts told apart; Latin and everything else are not tracked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Han, kana and Hangul: Chinese, Japanese, Korean.
    Cjk,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Thai,
    Devanagari,
    Bengali,
    Tamil,
    Sinhala,
    Georgian,
    Armenian,
}

impl Script {
    pub fn of(c: char) -> Option<Script> {
        Some(match c as u32 {
            0x3040..=0x30ff
            | 0x3400..=0x4dbf
            | 0x4e00..=0x9fff
            | 0xac00..=0xd7af
            | 0xf900..=0xfaff
            | 0x20000..=0x2ffff => Script::Cjk,
            0x0400..=0x052f => Script::Cyrillic,
            0x0370..=0x03ff => Script::Greek,
            0x0600..=0x06ff | 0x0750..=0x077f => Script::Arabic,
            0x0590..=0x05ff => Script::Hebrew,
            0x0e00..=0x0e7f => Script::Thai,
            0x0900..=0x097f => Script::Devanagari,
            0x0980..=0x09ff => Script::Bengali,
            0x0b80..=0x0bff => Script::Tamil,
            0x0d80..=0x0dff => Script::Sinhala,
            0x10a0..=0x10ff => Script::Georgian,
            0x0530..=0x058f => Script::Armenian,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Script::Cjk => "CJK",
            Script::Cyrillic => "Cyrillic",
            Script::Greek => "Greek",
            Script::Arabic => "Arabic",
            Script::Hebrew => "Hebrew",
            Script::Thai => "Thai",
            Script::Devanagari => "Devanagari",
            Script::Bengali => "Bengali",
            Script::Tamil => "Tamil",
            Script::Sinhala => "Sinhala",
            Script::Georgian => "Georgian",
            Script::Armenian => "Armenian",
        }
    }
}

/// The script most of a text's letters are in (`None`: Latin or no letters).
pub fn main_script(text: &str) -> Option<Script> {
    let mut counts: Vec<(Script, usize)> = Vec::new();
    let mut other = 0;
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        match Script::of(c) {
            Some(s) => match counts.iter_mut().find(|(k, _)| *k == s) {
                Some((_, n)) => *n += 1,
                None => counts.push((s, 1)),
            },
            None => other += 1,
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > other)
        .map(|(s, _)| s)
}

/// The runs of `script` in a text (letters of it, with the spaces between
/// them), trimmed.
pub fn runs(text: &str, script: Script) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for (i, c) in text.char_indices() {
        if Script::of(c) == Some(script) {
            let end = i + c.len_utf8();
            current = Some(current.map_or(i..end, |r| r.start..end));
        } else if c == ' ' && current.is_some() {
            // A space may join two words of the run; it is trimmed below.
        } else if let Some(r) = current.take() {
            found.push(r);
        }
    }
    found.extend(current);
    found
}
