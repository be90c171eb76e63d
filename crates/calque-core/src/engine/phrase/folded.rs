//! The fallback for phrases that do not start with a word character (`’s`,
//! `(sic)`): one Aho-Corasick automaton run over a whitespace-folded view of
//! each block. Such phrases can start anywhere, not only where a word does,
//! so the word index cannot find them.
//!
//! Folding every whitespace run to one space (or to a newline for a
//! paragraph break) lets "long term" in a phrase match "long\n  term" in
//! hard-wrapped text. Word boundaries and exact case are checked by hand on
//! the few candidates, which keeps the automaton simple and fast (ASCII
//! case-insensitive, no Unicode `\b`).

use super::{Candidate, Entry, after_contraction, is_word_char, whitespace_len, whitespace_run};
use crate::engine::error::BuildError;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// Phrases searched for in the folded view of a block.
#[derive(Debug, Clone)]
pub struct FoldedPhrases {
    automaton: AhoCorasick,
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

impl FoldedPhrases {
    /// `None` when there are no phrases to search for.
    pub fn new(entries: Vec<Entry>) -> Result<Option<FoldedPhrases>, BuildError> {
        if entries.is_empty() {
            return Ok(None);
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(automaton_kind(&entries)))
            .build(entries.iter().map(|e| e.phrase.as_bytes()))
            .map_err(BuildError::Phrases)?;
        Ok(Some(FoldedPhrases { automaton, entries }))
    }

    /// Appends to `out` every word-bounded phrase match in `text[block]`.
    pub fn find(
        &self,
        text: &str,
        block: std::ops::Range<usize>,
        folded: &mut Folded,
        out: &mut Vec<Candidate>,
    ) {
        let base = block.start;
        folded.fold(&text[block]);
        for m in self.automaton.find_overlapping_iter(&folded.bytes) {
            let entry = &self.entries[m.pattern().as_usize()];
            if entry.exact_case && &folded.bytes[m.start()..m.end()] != entry.phrase.as_bytes() {
                continue;
            }
            let start = base + folded.to_block_offset(m.start());
            let end = base + folded.to_block_offset(m.end());
            if entry.bounded_start
                && (text[..start].chars().next_back().is_some_and(is_word_char)
                    || after_contraction(text, start))
            {
                continue;
            }
            if entry.bounded_end && text[end..].chars().next().is_some_and(is_word_char) {
                continue;
            }
            out.push(Candidate {
                owner: entry.owner,
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
            let run = whitespace_run(block, i);
            i = run.end;
            self.bytes
                .push(if run.paragraph_break { b'\n' } else { b' ' });
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
