//! Text in another script left inside English prose: Chinese or Japanese
//! characters, Hangul, Cyrillic, Arabic, Hebrew, Thai or Devanagari that MT
//! did not translate (a source line kept, a name left in its script).
//!
//! No model is needed: the script of a character is known. A run is
//! reported only inside a block written mostly in Latin letters (a
//! paragraph of Chinese in a bilingual page is the source, not a leftover),
//! and a run in brackets right after a word ("Xi Jinping (习近平)",
//! "guanxi (关系)") is a gloss that edited English gives on purpose. One
//! detector per script, so that the rule can name it; report only.

use super::Proposal;
use std::ops::Range;

/// A script whose runs a detector reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Han ideographs, kana, CJK punctuation and full-width forms.
    ChineseJapanese,
    Korean,
    Cyrillic,
    Arabic,
    Hebrew,
    Thai,
    Devanagari,
}

impl Script {
    pub const ALL: [Script; 7] = [
        Script::ChineseJapanese,
        Script::Korean,
        Script::Cyrillic,
        Script::Arabic,
        Script::Hebrew,
        Script::Thai,
        Script::Devanagari,
    ];

    /// The script of the detector called `script-<name>`.
    pub fn named(name: &str) -> Option<Script> {
        Script::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Its name in a detector name (`script-cyrillic`).
    pub fn name(self) -> &'static str {
        match self {
            Script::ChineseJapanese => "chinese-japanese",
            Script::Korean => "korean",
            Script::Cyrillic => "cyrillic",
            Script::Arabic => "arabic",
            Script::Hebrew => "hebrew",
            Script::Thai => "thai",
            Script::Devanagari => "devanagari",
        }
    }

    /// Whether `c` is a letter (or a mark or punctuation) of this script.
    fn has(self, c: char) -> bool {
        let u = c as u32;
        match self {
            Script::ChineseJapanese => matches!(u,
                0x3040..=0x30FF      // hiragana, katakana
                | 0x3400..=0x4DBF    // CJK extension A
                | 0x4E00..=0x9FFF    // CJK unified ideographs
                | 0xF900..=0xFAFF    // compatibility ideographs
                | 0x20000..=0x2FA1F), // extensions B and later
            Script::Korean => matches!(u, 0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF),
            Script::Cyrillic => matches!(u, 0x0400..=0x052F), // with the supplement,
            Script::Arabic => {
                matches!(u, 0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
            }
            Script::Hebrew => matches!(u, 0x0590..=0x05FF),
            Script::Thai => matches!(u, 0x0E00..=0x0E7F),
            Script::Devanagari => matches!(u, 0x0900..=0x097F),
        }
    }
}

/// Fewest characters of the script in a reported run: one Han character
/// can be a separator or a symbol (丨, 〇), one Cyrillic letter a
/// look-alike typo; two make a word.
const MIN_CHARS: usize = 2;

/// Appends a proposal (report only) for each run of `script` in
/// `text[block]`, when the block is mostly Latin letters.
pub fn find(script: Script, text: &str, block: Range<usize>, out: &mut Vec<Proposal>) {
    let slice = &text[block.clone()];
    // Fast exit over the bytes: every character of these scripts starts
    // with one of these lead bytes, which Latin letters with diacritics
    // (C3..C5) and general punctuation such as ’ and — (E2) never are.
    let lead = |b: &u8| matches!(b, 0xD0..=0xDF | 0xE0 | 0xE1 | 0xE3..=0xED | 0xEF | 0xF0);
    if !slice.as_bytes().iter().any(lead) || !slice.chars().any(|c| script.has(c)) {
        return;
    }
    let (mut latin, mut foreign) = (0usize, 0usize);
    for c in slice.chars().filter(|c| c.is_alphabetic()) {
        if c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(&c) {
            latin += 1;
        } else if script.has(c) {
            foreign += 1;
        }
    }
    if latin <= foreign {
        return;
    }
    // A run: characters of the script, with the spaces and punctuation
    // between them (a phrase of several words is one finding).
    let mut run: Option<(usize, usize, usize)> = None; // start, end, count
    let flush = |run: &mut Option<(usize, usize, usize)>, out: &mut Vec<Proposal>| {
        if let Some((start, end, count)) = run.take() {
            let prose = in_latin_line(slice, start, end, count);
            if count >= MIN_CHARS
                && prose
                && !is_gloss(slice, start, end)
                && !is_code_string(slice, start, end)
            {
                out.push(Proposal::report(block.start + start..block.start + end));
            }
        }
    };
    for (i, c) in slice.char_indices() {
        let end = i + c.len_utf8();
        if script.has(c) {
            run = Some(match run {
                Some((start, _, count)) => (start, end, count + 1),
                None => (i, end, 1),
            });
        } else if run.is_some() && is_joiner(c) {
            // May join two words of the script; the run ends at its last
            // character of the script either way.
        } else {
            flush(&mut run, out);
        }
    }
    flush(&mut run, out);
}

/// Whether `c` may stand between two words of a run: a space, or ASCII or
/// CJK punctuation other than brackets.
fn is_joiner(c: char) -> bool {
    let cjk_punctuation = matches!(c as u32, 0x3000..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20);
    c == ' ' || cjk_punctuation || (c.is_ascii_punctuation() && c != '(' && c != ')')
}

/// Whether the line of the run has more Latin letters than the run has
/// characters: a line that is the run alone ("• Русский" in a menu of
/// languages) is not English prose.
fn in_latin_line(slice: &str, start: usize, end: usize, count: usize) -> bool {
    let line_start = slice[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = slice[end..].find('\n').map_or(slice.len(), |i| end + i);
    let latin = slice[line_start..line_end]
        .chars()
        .filter(|c| c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(c))
        .count();
    latin > count
}

/// Whether the run is a string literal of code ('景太郎'): straight single
/// quotes right around it.
fn is_code_string(slice: &str, start: usize, end: usize) -> bool {
    slice[..start].ends_with('\'') && slice[end..].starts_with('\'')
}

/// Whether the run `slice[start..end]` stands in brackets after a word: a
/// gloss giving the original of a name or a term.
fn is_gloss(slice: &str, start: usize, end: usize) -> bool {
    let before = slice[..start].trim_end_matches([' ', ':', ';', ',']);
    let opened = before.ends_with(['(', '（', '[']);
    let closed = slice[end..]
        .trim_start()
        .starts_with([')', '）', ']', ',', ';']);
    opened && closed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(script: Script, text: &str) -> Vec<String> {
        crate::engine::detect::test_support::spans(|t, b, o| find(script, t, b, o), text)
    }

    #[test]
    fn finds_runs_of_the_script_in_english() {
        assert_eq!(
            runs(
                Script::ChineseJapanese,
                "The meeting 加强党的建设 was held in Beijing."
            ),
            vec!["加强党的建设"]
        );
        assert_eq!(
            runs(
                Script::Cyrillic,
                "In his speech the minister said that Москва не верит слезам, and left."
            ),
            vec!["Москва не верит слезам"]
        );
        assert_eq!(
            runs(Script::Korean, "The ministry said 대한민국 정부 would act."),
            vec!["대한민국 정부"]
        );
    }

    #[test]
    fn leaves_glosses_separators_and_foreign_paragraphs_alone() {
        for (script, text) in [
            (
                Script::ChineseJapanese,
                "President Xi Jinping (习近平) met the delegation.",
            ),
            (
                Script::ChineseJapanese,
                "Party building丨Strengthen the foundation",
            ),
            (
                Script::ChineseJapanese,
                "习近平在北京会见了代表团并发表重要讲话 (Xinhua)",
            ),
            (Script::Cyrillic, "The word for bread (хлеб) is short."),
            (Script::Cyrillic, "A Cyrillic а in a Latin word"),
            (Script::Arabic, "An ordinary English sentence."),
            (
                Script::Cyrillic,
                "Languages:\n  • English\n  • Русский\n  • Français",
            ),
            (
                Script::ChineseJapanese,
                "statuses = {'Éléonore': 'inactive', '景太郎': 'active'}",
            ),
        ] {
            assert_eq!(runs(script, text), Vec::<String>::new(), "{text}");
        }
    }
}
