//! Cyrillic or Greek letters inside a Latin word ("Censor.NЕТ" written with
//! a Cyrillic Е and Т): MT and copy-paste from Cyrillic keyboards leave
//! look-alike letters that no spell checker or search finds.
//!
//! A word that has Latin letters and whose other letters are all Cyrillic or
//! Greek look-alikes of Latin ones is repaired to the Latin letters: that is
//! the only reading, since a Russian or Greek word has no Latin letter in
//! it. A word with any other Cyrillic or Greek letter ("Aβ", "ΔT", "μm") is
//! left alone: it is a formula or a unit, or real foreign text that the
//! script detectors report.

use super::Proposal;
use std::ops::Range;

/// Cyrillic and Greek letters drawn like a Latin one, with that letter.
const LOOK_ALIKES: &[(char, char)] = &[
    // Cyrillic capitals
    ('А', 'A'),
    ('В', 'B'),
    ('Е', 'E'),
    ('К', 'K'),
    ('М', 'M'),
    ('Н', 'H'),
    ('О', 'O'),
    ('Р', 'P'),
    ('С', 'C'),
    ('Т', 'T'),
    ('Х', 'X'),
    ('Ѕ', 'S'),
    ('І', 'I'),
    ('Ј', 'J'),
    // Cyrillic small letters
    ('а', 'a'),
    ('е', 'e'),
    ('о', 'o'),
    ('р', 'p'),
    ('с', 'c'),
    ('у', 'y'),
    ('х', 'x'),
    ('ѕ', 's'),
    ('і', 'i'),
    ('ј', 'j'),
    // Greek capitals and omicron
    ('Α', 'A'),
    ('Β', 'B'),
    ('Ε', 'E'),
    ('Ζ', 'Z'),
    ('Η', 'H'),
    ('Ι', 'I'),
    ('Κ', 'K'),
    ('Μ', 'M'),
    ('Ν', 'N'),
    ('Ο', 'O'),
    ('Ρ', 'P'),
    ('Τ', 'T'),
    ('Υ', 'Y'),
    ('Χ', 'X'),
    ('ο', 'o'),
];

fn latin_look_alike(c: char) -> Option<char> {
    LOOK_ALIKES.iter().find(|&&(from, _)| from == c).map(|&(_, to)| to)
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(&c) && c.is_alphabetic()
}

/// Appends the Latin repair of each mixed-script word in `text[block]`.
pub fn find(text: &str, block: Range<usize>, out: &mut Vec<Proposal>) {
    let slice = &text[block.clone()];
    let mut start: Option<usize> = None;
    for (i, c) in slice.char_indices().chain([(slice.len(), ' ')]) {
        if c.is_alphabetic() {
            start.get_or_insert(i);
            continue;
        }
        let Some(s) = start.take() else { continue };
        let word = &slice[s..i];
        if !word.chars().any(is_latin) || word.chars().all(is_latin) {
            continue;
        }
        let repaired: Option<String> = word
            .chars()
            .map(|c| if is_latin(c) { Some(c) } else { latin_look_alike(c) })
            .collect();
        if let Some(repaired) = repaired {
            out.push(Proposal {
                span: block.start + s..block.start + i,
                replacement: Some(repaired),
                unambiguous: true,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> String {
        let mut out = Vec::new();
        find(text, 0..text.len(), &mut out);
        let mut result = text.to_string();
        for p in out.iter().rev() {
            result.replace_range(p.span.clone(), p.replacement.as_deref().unwrap());
        }
        result
    }

    #[test]
    fn look_alikes_in_latin_words_are_repaired() {
        assert_eq!(fixed("the site Censor.NЕТ reported"), "the site Censor.NET reported");
        assert_eq!(fixed("a Сhina policy"), "a China policy");
        assert_eq!(fixed("the ΝΑΤΟ summit with NАTO"), "the ΝΑΤΟ summit with NATO");
    }

    #[test]
    fn other_words_stay() {
        for ok in ["Aβ plaques", "a ΔT of 5", "10 μm", "Москва and Kyiv", "Москвa", "café"] {
            assert_eq!(fixed(ok), ok, "{ok}");
        }
    }
}
