//! Literal phrases: every phrase of every loaded rule in one Aho-Corasick
//! automaton, run once over a whitespace-folded view of each block.
//!
//! Folding every whitespace run to one space (or to a newline for a
//! paragraph break) lets "long term" in a phrase match "long\n  term" in
//! hard-wrapped text without any per-rule pass. Word boundaries and exact
//! case are checked by hand on the few candidates, which keeps the automaton
//! simple and fast (ASCII case-insensitive, no Unicode `\b`).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// One phrase of one rule, as compiled into the automaton.
#[derive(Debug, Clone)]
struct Entry {
    rule: usize,
    phrase: String,
    exact_case: bool,
    bounded_start: bool,
    bounded_end: bool,
}

/// A phrase match, in byte offsets of the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub rule: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone)]
pub struct PhraseSet {
    automaton: Option<AhoCorasick>,
    entries: Vec<Entry>,
}

/// Reusable buffers for one block's folded view.
#[derive(Debug, Default)]
pub struct Folded {
    bytes: Vec<u8>,
    /// (offset in the folded view, offset in the block) after each run whose
    /// folded length differs from its original length
    marks: Vec<(usize, usize)>,
}

impl PhraseSet {
    /// `phrases`: (rule index, whitespace-normalised phrase, exact case?).
    pub fn new(phrases: Vec<(usize, String, bool)>) -> Result<PhraseSet, String> {
        let entries: Vec<Entry> = phrases
            .into_iter()
            .map(|(rule, phrase, exact_case)| Entry {
                bounded_start: phrase.chars().next().is_some_and(is_word_char),
                bounded_end: phrase.chars().next_back().is_some_and(is_word_char),
                rule,
                phrase,
                exact_case,
            })
            .collect();
        let automaton = if entries.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .kind(Some(automaton_kind(&entries)))
                    .build(entries.iter().map(|e| e.phrase.as_bytes()))
                    .map_err(|e| format!("cannot build the phrase automaton: {e}"))?,
            )
        };
        Ok(PhraseSet { automaton, entries })
    }

    /// Appends to `out` every word-bounded phrase match in `text[block]`.
    pub fn find(
        &self,
        text: &str,
        block: std::ops::Range<usize>,
        folded: &mut Folded,
        out: &mut Vec<Candidate>,
    ) {
        let Some(automaton) = &self.automaton else {
            return;
        };
        let base = block.start;
        folded.fold(&text[block]);
        for m in automaton.find_overlapping_iter(&folded.bytes) {
            let entry = &self.entries[m.pattern().as_usize()];
            if entry.exact_case && &folded.bytes[m.start()..m.end()] != entry.phrase.as_bytes() {
                continue;
            }
            let start = base + folded.to_block_offset(m.start());
            let end = base + folded.to_block_offset(m.end());
            if entry.bounded_start && text[..start].chars().next_back().is_some_and(is_word_char) {
                continue;
            }
            if entry.bounded_end && text[end..].chars().next().is_some_and(is_word_char) {
                continue;
            }
            out.push(Candidate {
                rule: entry.rule,
                start,
                end,
            });
        }
    }
}

/// Up to this many phrase bytes, the phrases are compiled to a full DFA.
const DFA_MAX_PHRASE_BYTES: usize = 32 << 10;

/// A full DFA (one table lookup per byte) is the fastest search, but its
/// size and build time grow with the phrases: past a few thousand phrases it
/// costs more to build, in start-up time and memory, than it saves on a
/// typical input, so large sets use the contiguous NFA.
fn automaton_kind(entries: &[Entry]) -> AhoCorasickKind {
    let bytes: usize = entries.iter().map(|e| e.phrase.len()).sum();
    if bytes <= DFA_MAX_PHRASE_BYTES {
        AhoCorasickKind::DFA
    } else {
        AhoCorasickKind::ContiguousNFA
    }
}

/// Letters, digits and `_`, in any script: what a phrase may not be glued to.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Byte length of the whitespace character at `i`, or 0.
#[inline]
fn whitespace_len(text: &str, i: usize) -> usize {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return usize::from(matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c));
    }
    match text[i..].chars().next() {
        Some(c) if c.is_whitespace() => c.len_utf8(),
        _ => 0,
    }
}

impl Folded {
    fn fold(&mut self, block: &str) {
        self.bytes.clear();
        self.marks.clear();
        self.bytes.reserve(block.len());
        let bytes = block.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let first = whitespace_len(block, i);
            if first == 0 {
                // Copy up to the next byte that could start a whitespace
                // character, or one whole non-ASCII character.
                let run_end = if bytes[i] >= 0x80 {
                    i + block[i..].chars().next().map_or(1, char::len_utf8)
                } else {
                    bytes[i..]
                        .iter()
                        .position(|&b| b <= b' ' || b >= 0x80)
                        .map_or(bytes.len(), |p| i + p.max(1))
                };
                self.bytes.extend_from_slice(&bytes[i..run_end]);
                i = run_end;
                continue;
            }
            let run_start = i;
            let mut newlines = 0;
            loop {
                let len = whitespace_len(block, i);
                if len == 0 {
                    break;
                }
                newlines += usize::from(bytes[i] == b'\n');
                i += len;
                if i >= bytes.len() {
                    break;
                }
            }
            self.bytes.push(if newlines >= 2 { b'\n' } else { b' ' });
            if i - run_start != 1 {
                self.marks.push((self.bytes.len(), i));
            }
        }
    }

    /// Maps an offset of the folded view back to the block. Match starts
    /// and ends never fall inside a folded run, so this is exact for them.
    fn to_block_offset(&self, folded: usize) -> usize {
        match self.marks.partition_point(|&(f, _)| f <= folded) {
            0 => folded,
            n => {
                let (f, o) = self.marks[n - 1];
                folded - f + o
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(phrases: &[(&str, bool)], text: &str) -> Vec<(usize, String)> {
        let set = PhraseSet::new(
            phrases
                .iter()
                .enumerate()
                .map(|(i, (p, exact))| (i, p.to_string(), *exact))
                .collect(),
        )
        .unwrap();
        let mut out = Vec::new();
        set.find(text, 0..text.len(), &mut Folded::default(), &mut out);
        out.iter()
            .map(|c| (c.rule, text[c.start..c.end].to_string()))
            .collect()
    }

    #[test]
    fn matches_across_any_whitespace_but_not_paragraphs() {
        let phrases = [("all-terrain friendship", false)];
        assert_eq!(
            find(&phrases, "an all-terrain\n   friendship.")[0].1,
            "all-terrain\n   friendship"
        );
        assert_eq!(
            find(&phrases, "an all-terrain\r\nfriendship")[0].1,
            "all-terrain\r\nfriendship"
        );
        assert_eq!(find(&phrases, "all-terrain\u{a0}friendship").len(), 1);
        assert!(find(&phrases, "all-terrain\n\nfriendship").is_empty());
        assert!(find(&phrases, "all-terrain\r\n \r\nfriendship").is_empty());
    }

    #[test]
    fn is_word_bounded_and_case_insensitive() {
        let phrases = [("iron friendship", false)];
        assert_eq!(find(&phrases, "Iron Friendship").len(), 1);
        assert!(find(&phrases, "iron friendships").is_empty());
        assert!(find(&phrases, "airon friendship").is_empty());
        assert!(find(&phrases, "éiron friendship").is_empty());
        assert_eq!(find(&phrases, "“iron friendship”").len(), 1);
    }

    #[test]
    fn exact_case_phrases_match_only_their_case() {
        let phrases = [("Celac", true)];
        assert_eq!(find(&phrases, "China-Celac forum").len(), 1);
        assert!(find(&phrases, "CELAC and celac").is_empty());
    }

    #[test]
    fn offsets_survive_folded_runs_before_the_match() {
        let text = "a  \r\n\t b\r\n\r\nc   d   iron\n friendship";
        let found = find(&[("iron friendship", false)], text);
        assert_eq!(found, vec![(0, "iron\n friendship".to_string())]);
    }

    #[test]
    fn overlapping_phrases_are_all_reported() {
        let found = find(
            &[("all-terrain", false), ("terrain friendship", false)],
            "all-terrain friendship",
        );
        assert_eq!(found.len(), 2);
    }
}
