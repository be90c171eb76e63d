//! Mojibake: UTF-8 bytes that were decoded as Windows-1252 (or Latin-1),
//! so that "é" reads "Ã©", "’" reads "â€™" and "—" reads "â€”"; or as a
//! Central European code page (Windows-1250, ISO-8859-2), so that "é"
//! reads "Ă©" or "ĂŠ"; or encoded twice ("ÃƒÂ©").
//!
//! The repair re-encodes the damaged characters to the bytes they came
//! from and decodes those as UTF-8, as Python's ftfy does. It is tried on
//! each run of non-ASCII characters (every byte of a multi-byte UTF-8
//! character is ≥ 0x80, so its mis-decoding is a run of non-ASCII
//! characters) and proposed only when the whole run maps back to bytes and
//! those bytes are valid UTF-8 made of multi-byte characters: "café" or
//! "NÃO" are valid text whose bytes are not UTF-8, and are left alone.

use super::Proposal;
use std::ops::Range;

/// Windows-1252 bytes 0x80..=0x9F, by code point; the five bytes it leaves
/// undefined decode (in browsers, and in Latin-1) as the C1 control of the
/// same number, so those map back too.
const CP1252_HIGH: [(char, u8); 27] = [
    ('€', 0x80),
    ('‚', 0x82),
    ('ƒ', 0x83),
    ('„', 0x84),
    ('…', 0x85),
    ('†', 0x86),
    ('‡', 0x87),
    ('ˆ', 0x88),
    ('‰', 0x89),
    ('Š', 0x8A),
    ('‹', 0x8B),
    ('Œ', 0x8C),
    ('Ž', 0x8E),
    ('‘', 0x91),
    ('’', 0x92),
    ('“', 0x93),
    ('”', 0x94),
    ('•', 0x95),
    ('–', 0x96),
    ('—', 0x97),
    ('˜', 0x98),
    ('™', 0x99),
    ('š', 0x9A),
    ('›', 0x9B),
    ('œ', 0x9C),
    ('ž', 0x9E),
    ('Ÿ', 0x9F),
];

/// The Windows-1252 byte that decodes to `c`, if any.
fn cp1252_byte(c: char) -> Option<u8> {
    match c as u32 {
        0xA0..=0xFF => Some(c as u32 as u8),
        0x81 | 0x8D | 0x8F | 0x90 | 0x9D => Some(c as u32 as u8),
        _ => CP1252_HIGH.iter().find(|(k, _)| *k == c).map(|(_, b)| *b),
    }
}

/// Windows-1250 bytes 0x80..=0xFF in order (NUL where the code page
/// leaves a byte undefined), from the WHATWG Encoding Standard's index.
const CP1250_HIGH: &str = "€\0‚\0„…†‡\0‰Š‹ŚŤŽŹ\0‘’“”•–—\0™š›śťžź\u{a0}ˇ˘Ł¤Ą¦§¨©Ş«¬\u{ad}®Ż°±˛ł´µ¶·¸ąş»Ľ˝ľżŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎĐŃŇÓÔŐÖ×ŘŮÚŰÜÝŢßŕáâăäĺćçčéęëěíîďđńňóôőö÷řůúűüýţ˙";

/// ISO-8859-2 bytes 0xA0..=0xFF in order (0x80..=0x9F are the C1 controls).
const ISO_8859_2_HIGH: &str = "\u{a0}Ą˘Ł¤ĽŚ§¨ŠŞŤŹ\u{ad}ŽŻ°ą˛ł´ľśˇ¸šşťź˝žżŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎĐŃŇÓÔŐÖ×ŘŮÚŰÜÝŢßŕáâăäĺćçčéęëěíîďđńňóôőö÷řůúűüýţ˙";

/// The Windows-1250 byte that decodes to `c`, if any (the undefined bytes
/// decode as the C1 control of the same number, as in Windows-1252).
fn cp1250_byte(c: char) -> Option<u8> {
    table_byte(CP1250_HIGH, 0x80, c)
}

fn iso_8859_2_byte(c: char) -> Option<u8> {
    table_byte(ISO_8859_2_HIGH, 0xA0, c)
}

fn table_byte(table: &str, first: u8, c: char) -> Option<u8> {
    if (0x80..=0x9F).contains(&(c as u32)) {
        return Some(c as u32 as u8);
    }
    let index = table.chars().position(|t| t == c && t != '\0')?;
    u8::try_from(index).ok().map(|i| first + i)
}

/// The run re-encoded through `byte_of` and decoded as UTF-8, if every
/// decoded character came from two or more bytes (else a byte stood for
/// itself and the run was not all mojibake) and none is a control.
fn decode_with(run: &str, byte_of: fn(char) -> Option<u8>) -> Option<String> {
    let bytes: Vec<u8> = run.chars().map(byte_of).collect::<Option<_>>()?;
    let decoded = std::str::from_utf8(&bytes).ok()?;
    let ok = decoded
        .chars()
        .all(|c| c.len_utf8() >= 2 && !c.is_control());
    ok.then(|| decoded.to_string())
}

/// Whether `c` is what a Central European page's mojibake hides: a Latin
/// letter with diacritics or a typographic mark. Central European text
/// itself has runs of capitals ("ČŠ") whose bytes happen to be valid UTF-8
/// of other scripts; those are not repairs.
fn plausible_central(c: char) -> bool {
    matches!(c as u32, 0xA0..=0x17F | 0x2010..=0x2027 | 0x2030..=0x203A | 0x20AC)
}

/// The repaired text of a run of non-ASCII characters, if the run is
/// mojibake of UTF-8, and whether that repair is the only reading.
/// Windows-1252 is tried first; the Central European code pages when it
/// fails. A run that two code pages repair differently is ambiguous.
fn repair(run: &str) -> Option<(String, bool)> {
    let central: Vec<String> = [cp1250_byte as fn(char) -> Option<u8>, iso_8859_2_byte]
        .into_iter()
        .filter_map(|byte_of| decode_with(run, byte_of))
        .filter(|d| d.chars().all(plausible_central))
        .collect();
    let first = decode_with(run, cp1252_byte).or_else(|| central.first().cloned())?;
    let unambiguous = central.iter().all(|d| *d == first);
    Some((first, unambiguous))
}

/// Repairs `run` as often as it stays mojibake: text encoded to UTF-8
/// twice ("ÃƒÂ©") needs two rounds.
fn repair_fully(run: &str) -> Option<(String, bool)> {
    let (mut text, mut unambiguous) = repair(run)?;
    for _ in 0..2 {
        match repair(&text) {
            Some((again, sure)) => {
                text = again;
                unambiguous &= sure;
            }
            None => break,
        }
    }
    Some((text, unambiguous))
}

/// Appends a proposal for each mojibake run in `text[block]`.
pub fn find(text: &str, block: Range<usize>, out: &mut Vec<Proposal>) {
    let slice = &text[block.clone()];
    let mut run_start: Option<usize> = None;
    let check = |start: usize, end: usize, out: &mut Vec<Proposal>| {
        let run = &slice[start..end];
        // A single character is at most one byte: never a multi-byte sequence.
        if run.chars().nth(1).is_none() {
            return;
        }
        if let Some((replacement, unambiguous)) = repair_fully(run) {
            out.push(Proposal {
                span: block.start + start..block.start + end,
                replacement: Some(replacement),
                unambiguous,
            });
        }
    };
    for (i, c) in slice.char_indices() {
        match (c.is_ascii(), run_start) {
            (false, None) => run_start = Some(i),
            (true, Some(start)) => {
                check(start, i, out);
                run_start = None;
            }
            _ => {}
        }
    }
    if let Some(start) = run_start {
        check(start, slice.len(), out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repaired(text: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        find(text, 0..text.len(), &mut out);
        out.into_iter()
            .map(|p| (text[p.span].to_string(), p.replacement.unwrap_or_default()))
            .collect()
    }

    fn unambiguous(text: &str) -> bool {
        let mut out = Vec::new();
        find(text, 0..text.len(), &mut out);
        !out.is_empty() && out.iter().all(|p| p.unambiguous)
    }

    #[test]
    fn repairs_utf8_read_as_windows_1252() {
        assert_eq!(
            repaired("CafÃ© and Mâ€™Bappé"),
            vec![("Ã©".into(), "é".into()), ("â€™".into(), "’".into())]
        );
        assert_eq!(repaired("1939â€“1945"), vec![("â€“".into(), "–".into())]);
        assert_eq!(repaired("MÃ©lenchon"), vec![("Ã©".into(), "é".into())]);
    }

    #[test]
    fn repairs_utf8_read_as_central_european() {
        // Windows-1250 reads é as "Ă©", and only it repairs that run.
        assert_eq!(repaired("MĂ©lenchon"), vec![("Ă©".into(), "é".into())]);
        assert!(unambiguous("MĂ©lenchon"));
        // ISO-8859-2 reads é as "ĂŠ", which Windows-1250 would repair to Ê:
        // two readings, so no safe fix.
        assert!(!unambiguous("MĂŠlenchon"));
        // č is C4 8D, which Windows-1250 reads "ÄŤ"; ć is C4 87 ("Ä‡").
        assert_eq!(
            repaired("VuÄŤiÄ‡"),
            vec![("ÄŤ".into(), "č".into()), ("Ä‡".into(), "ć".into())]
        );
    }

    #[test]
    fn repairs_double_encoding() {
        assert_eq!(repaired("CafÃƒÂ©"), vec![("ÃƒÂ©".into(), "é".into())]);
    }

    #[test]
    fn leaves_central_european_text_alone() {
        for text in [
            "Dvořák",
            "Łódź",
            "ČSSD",
            "Straße",
            "ČŠ",
            "Świętokrzyskie",
            "Ţara",
        ] {
            assert_eq!(repaired(text), vec![], "{text}");
        }
    }

    #[test]
    fn leaves_valid_text_alone() {
        for text in [
            "café",
            "NÃO",
            "São Paulo",
            "“quoted”",
            "Ã alone",
            "£5 — fine",
            "Ærøskøbing",
        ] {
            assert_eq!(repaired(text), vec![], "{text}");
        }
    }
}
