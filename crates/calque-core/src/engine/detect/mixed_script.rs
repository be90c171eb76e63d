//! Words that mix Latin and Cyrillic letters: "Censor.NЕТ" with a Cyrillic
//! Е and Т. A Ukrainian or Russian source, or a keyboard switched in mid
//! word, leaves look-alike letters of the other alphabet inside a Latin
//! word; the text reads right but search, spelling and names break.
//!
//! In a word that has Latin letters, each Cyrillic letter with a Latin
//! twin of the same shape (А, Е, О, Р, С, Т, Х, а, е, о, р, с, у, х, і ...)
//! is replaced by that twin: the only reading of the word. A word with a
//! Cyrillic letter that has no twin (д, ж, я) is reported without a fix.

use super::Proposal;
use std::ops::Range;

/// Cyrillic letters and the Latin letters drawn the same way.
const TWINS: &[(char, char)] = &[
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
    ('І', 'I'),
    ('Ј', 'J'),
    ('Ѕ', 'S'),
    ('а', 'a'),
    ('е', 'e'),
    ('о', 'o'),
    ('р', 'p'),
    ('с', 'c'),
    ('у', 'y'),
    ('х', 'x'),
    ('і', 'i'),
    ('ј', 'j'),
    ('ѕ', 's'),
];

fn is_cyrillic(c: char) -> bool {
    matches!(c as u32, 0x0400..=0x052F)
}

fn twin(c: char) -> Option<char> {
    TWINS.iter().find(|(cyr, _)| *cyr == c).map(|&(_, lat)| lat)
}

/// Appends a proposal for each word of `text[block]` mixing Latin and
/// Cyrillic letters.
pub fn find(text: &str, block: Range<usize>, out: &mut Vec<Proposal>) {
    let slice = &text[block.clone()];
    // Fast exit: Cyrillic letters start with the lead bytes D0..D4.
    if !slice.bytes().any(|b| (0xD0..=0xD4).contains(&b)) {
        return;
    }
    let mut start = None;
    for (i, c) in slice
        .char_indices()
        .chain(std::iter::once((slice.len(), ' ')))
    {
        if c.is_alphabetic() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            judge(slice, s..i, block.start, out);
        }
    }
}

fn judge(slice: &str, word: Range<usize>, offset: usize, out: &mut Vec<Proposal>) {
    let text = &slice[word.clone()];
    let latin = text.chars().filter(char::is_ascii_alphabetic).count();
    let cyrillic = text.chars().filter(|&c| is_cyrillic(c)).count();
    if latin == 0 || cyrillic == 0 {
        return;
    }
    let repaired: Option<String> = text
        .chars()
        .map(|c| if is_cyrillic(c) { twin(c) } else { Some(c) })
        .collect();
    out.push(Proposal {
        span: offset + word.start..offset + word.end,
        unambiguous: repaired.is_some(),
        replacement: repaired,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Option<String>)> {
        let mut out = Vec::new();
        find(text, 0..text.len(), &mut out);
        out.into_iter()
            .map(|p| (text[p.span].to_string(), p.replacement))
            .collect()
    }

    #[test]
    fn replaces_cyrillic_twins_inside_latin_words() {
        assert_eq!(
            found("It was reported by the OVA, informs Censor.NЕТ."),
            vec![("NЕТ".to_string(), Some("NET".to_string()))]
        );
        assert_eq!(
            found("the Kyiv Роst wrote"),
            vec![("Роst".to_string(), Some("Post".to_string()))]
        );
    }

    #[test]
    fn reports_letters_without_a_twin_and_leaves_whole_words_alone() {
        assert_eq!(found("a Kдiv typo"), vec![("Kдiv".to_string(), None)]);
        for text in ["Москва не верит слезам", "Kyiv and Київ", "plain English"]
        {
            assert!(found(text).is_empty(), "{text}");
        }
    }
}
