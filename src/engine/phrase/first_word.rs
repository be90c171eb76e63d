//! Phrases that start with a word character, indexed by their first word.
//!
//! Such a phrase can only match where a word of the text starts (the match
//! must not be glued to a word character before it), and that word must be
//! the phrase's first word, up to ASCII case. So one pass over the words of
//! a block serves any number of phrases: each word is hashed and looked up
//! in a small open-addressing table, and only the phrases behind a hit are
//! compared with the text. A hash collision costs a comparison, never a
//! wrong match: the comparison is on the bytes.

use super::verify::{Prepared, match_end};
use super::words::WordBits;
use super::{Candidate, Entry, is_word_char};

#[derive(Debug, Clone)]
pub struct FirstWordIndex {
    /// Open addressing, linear probing, a power of two long, at most half full.
    slots: Box<[Slot]>,
    /// Group `g` is `phrases[group_starts[g]..group_starts[g + 1]]`: the
    /// phrases whose first words have one fingerprint.
    group_starts: Vec<u32>,
    phrases: Vec<Indexed>,
}

#[derive(Debug, Clone, Copy)]
struct Slot {
    fingerprint: u32,
    group: u32,
}

const EMPTY: u32 = u32::MAX;

#[derive(Debug, Clone)]
struct Indexed {
    rule: usize,
    first_word_len: usize,
    bounded_end: bool,
    phrase: Prepared,
}

impl FirstWordIndex {
    /// `entries` all start with a word character. `None` when there are none.
    pub fn new(entries: Vec<Entry>) -> Option<FirstWordIndex> {
        if entries.is_empty() {
            return None;
        }
        let mut keyed: Vec<(u32, Indexed)> = entries
            .into_iter()
            .map(|e| {
                debug_assert!(e.bounded_start);
                let first_word_len: usize = e
                    .phrase
                    .chars()
                    .take_while(|&c| is_word_char(c))
                    .map(char::len_utf8)
                    .sum();
                let key = fingerprint(e.phrase.as_bytes(), 0, first_word_len);
                let indexed = Indexed {
                    rule: e.rule,
                    first_word_len,
                    bounded_end: e.bounded_end,
                    phrase: Prepared::new(&e.phrase, e.exact_case),
                };
                (key, indexed)
            })
            .collect();
        // Stable: phrases keep their order within a group.
        keyed.sort_by_key(|&(key, _)| key);
        let mut group_keys = Vec::new();
        let mut group_starts = Vec::new();
        for (i, &(key, _)) in keyed.iter().enumerate() {
            if group_keys.last() != Some(&key) {
                group_keys.push(key);
                group_starts.push(i as u32);
            }
        }
        group_starts.push(keyed.len() as u32);
        let size = (2 * group_keys.len()).next_power_of_two().max(16);
        let mut slots = vec![
            Slot {
                fingerprint: 0,
                group: EMPTY,
            };
            size
        ];
        for (group, &key) in group_keys.iter().enumerate() {
            let mut i = key as usize & (size - 1);
            while slots[i].group != EMPTY {
                i = (i + 1) & (size - 1);
            }
            slots[i] = Slot {
                fingerprint: key,
                group: group as u32,
            };
        }
        Some(FirstWordIndex {
            slots: slots.into(),
            group_starts,
            phrases: keyed.into_iter().map(|(_, p)| p).collect(),
        })
    }

    /// Appends to `out` every match in `text[block]`, its words computed
    /// into `words`.
    pub fn find(
        &self,
        text: &str,
        block: std::ops::Range<usize>,
        words: &mut WordBits,
        out: &mut Vec<Candidate>,
    ) {
        let base = block.start;
        let block_text = &text[block];
        let bytes = block_text.as_bytes();
        words.fill(block_text);
        let glued = text[..base].chars().next_back().is_some_and(is_word_char);
        let words = &*words;
        let glued_after = |stop: usize| {
            if stop < bytes.len() {
                words.is_word(stop)
            } else {
                text[base + stop..].chars().next().is_some_and(is_word_char)
            }
        };
        words.for_each_word(glued, |start, end| {
            let Some(group) = self.group(fingerprint(bytes, start, end)) else {
                return;
            };
            for p in group {
                if p.first_word_len != end - start {
                    continue;
                }
                let Some(stop) = match_end(&p.phrase, block_text, start) else {
                    continue;
                };
                if p.bounded_end && glued_after(stop) {
                    continue;
                }
                out.push(Candidate {
                    rule: p.rule,
                    start: base + start,
                    end: base + stop,
                });
            }
        });
    }

    /// The phrases whose first word has this fingerprint, if any.
    #[inline]
    fn group(&self, key: u32) -> Option<&[Indexed]> {
        let mask = self.slots.len() - 1;
        let mut i = key as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot.group == EMPTY {
                return None;
            }
            if slot.fingerprint == key {
                let g = slot.group as usize;
                let range = self.group_starts[g] as usize..self.group_starts[g + 1] as usize;
                return Some(&self.phrases[range]);
            }
            i = (i + 1) & mask;
        }
    }
}

const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;

/// A 32-bit hash of the word `bytes[start..end]` that ignores ASCII case:
/// every byte is or-ed with 0x20, which lowers ASCII letters and keeps the
/// other word bytes apart (digits are unchanged, `_` becomes 0x7f). It also
/// merges some non-ASCII bytes, which only costs a comparison. Eight bytes
/// are hashed at a time, so a typical word is one multiplication.
#[inline]
fn fingerprint(bytes: &[u8], start: usize, end: usize) -> u32 {
    const LOWER: u64 = 0x2020_2020_2020_2020;
    let mut h = (end - start) as u64;
    let mut i = start;
    while end - i > 8 {
        h = (h ^ (load8(bytes, i) | LOWER)).wrapping_mul(MULTIPLIER);
        i += 8;
    }
    let keep = u64::MAX >> (64 - 8 * (end - i));
    h = (h ^ ((load8(bytes, i) | LOWER) & keep)).wrapping_mul(MULTIPLIER);
    h = (h ^ (h >> 32)).wrapping_mul(MULTIPLIER);
    (h >> 32) as u32
}

/// Eight bytes from `i`, zeros past the end of `bytes`.
#[inline]
fn load8(bytes: &[u8], i: usize) -> u64 {
    match bytes.get(i..i + 8) {
        Some(eight) => u64::from_le_bytes(eight.try_into().expect("eight bytes")),
        None => {
            let mut eight = [0u8; 8];
            let rest = &bytes[i..];
            eight[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(eight)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_ignore_ascii_case_and_what_follows_the_word() {
        let a = "Pékin, capital".as_bytes();
        let b = b"xx P\xc3\xa9KIN";
        assert_eq!(fingerprint(a, 0, 6), fingerprint(b, 3, 9));
        let long = b"Internationalisation-wise";
        let upper = b"INTERNATIONALISATION";
        assert_eq!(fingerprint(long, 0, 20), fingerprint(upper, 0, 20));
        assert_ne!(fingerprint(long, 0, 20), fingerprint(long, 0, 19));
        assert_ne!(fingerprint(b"a_", 0, 2), fingerprint(b"a", 0, 1));
    }
}
