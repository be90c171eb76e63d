//! Mojibake: UTF-8 bytes that were decoded as Windows-1252 (or Latin-1),
//! so that "é" reads "Ã©", "’" reads "â€™" and "—" reads "â€”".
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

/// The repaired text of a run of non-ASCII characters, if the run is
/// mojibake of UTF-8 through Windows-1252.
fn repair(run: &str) -> Option<String> {
    let bytes: Vec<u8> = run.chars().map(cp1252_byte).collect::<Option<_>>()?;
    let decoded = std::str::from_utf8(&bytes).ok()?;
    // Every decoded character must have come from two or more bytes (else a
    // byte stood for itself and the run was not all mojibake), and none may
    // be a control character.
    let ok = decoded
        .chars()
        .all(|c| c.len_utf8() >= 2 && !c.is_control());
    ok.then(|| decoded.to_string())
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
        if let Some(replacement) = repair(run) {
            out.push(Proposal {
                span: block.start + start..block.start + end,
                replacement,
                unambiguous: true,
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
            .map(|p| (text[p.span].to_string(), p.replacement))
            .collect()
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
