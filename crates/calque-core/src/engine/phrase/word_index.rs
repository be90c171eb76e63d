//! Phrases that start with a word character, indexed by their first words.
//!
//! Such a phrase can only match where a word of the text starts (the match
//! must not be glued to a word character before it), that word must be the
//! phrase's first word, up to ASCII case, and the next word of the text its
//! second word (what separates them is not made of word characters, in the
//! phrase and so in the text). So one pass over the words of a block serves
//! any number of phrases: each word is hashed, the pair it makes with the
//! word before is looked up in a small open-addressing table (a single word
//! in another, for phrases of one word), and only the phrases behind a hit
//! are compared with the text. Keying by two words makes hits rare even
//! when thousands of phrases start with common words. A hash collision
//! costs a comparison, never a wrong match: the comparison is on the bytes.

use super::verify::{Prepared, match_end};
use super::words::WordBits;
use super::{Candidate, Entry, after_contraction, is_word_char};

#[derive(Debug, Clone)]
pub struct WordIndex {
    /// Phrases with one word (and perhaps punctuation after it), by that word.
    one_word: Table,
    /// The others, by their first two words.
    two_words: Table,
}

/// Phrases grouped by a 32-bit key.
#[derive(Debug, Clone)]
struct Table {
    /// One bit per value of the key's top bits, set when some group has
    /// such a key: most words of a text have no phrase, and this rejects
    /// nearly all of them from a few KB that stay in the L1 cache, where
    /// the slots, for thousands of phrases, would not.
    filter: Box<[u64]>,
    /// Key bits dropped to index `filter`.
    filter_shift: u32,
    /// Open addressing, linear probing, a power of two long, at most half full.
    slots: Box<[Slot]>,
    /// Group `g` is `phrases[group_starts[g]..group_starts[g + 1]]`: the
    /// phrases of one key.
    group_starts: Vec<u32>,
    phrases: Vec<Indexed>,
}

#[derive(Debug, Clone, Copy)]
struct Slot {
    key: u32,
    group: u32,
}

const EMPTY: u32 = u32::MAX;

#[derive(Debug, Clone)]
struct Indexed {
    owner: usize,
    first_word_len: usize,
    bounded_end: bool,
    phrase: Prepared,
}

impl WordIndex {
    /// `entries` all start with a word character. `None` when there are none.
    pub fn new(entries: Vec<Entry>) -> Option<WordIndex> {
        if entries.is_empty() {
            return None;
        }
        let mut one_word = Vec::new();
        let mut two_words = Vec::new();
        for e in entries {
            debug_assert!(e.bounded_start);
            let bytes = e.phrase.as_bytes();
            let first = word_at(&e.phrase, 0);
            let first_key = fingerprint(bytes, 0, first.end);
            let second = e.phrase[first.end..]
                .find(is_word_char)
                .map(|gap| word_at(&e.phrase, first.end + gap));
            let indexed = Indexed {
                owner: e.owner,
                first_word_len: first.end,
                bounded_end: e.bounded_end,
                phrase: Prepared::new(&e.phrase, e.exact_case),
            };
            match second {
                None => one_word.push((first_key, indexed)),
                Some(second) => {
                    let second_key = fingerprint(bytes, second.start, second.end);
                    two_words.push((pair_key(first_key, second_key), indexed));
                }
            }
        }
        Some(WordIndex {
            one_word: Table::new(one_word),
            two_words: Table::new(two_words),
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
        let mut try_group = |group: &[Indexed], word: std::ops::Range<usize>| {
            for p in group {
                if p.first_word_len != word.len() || after_contraction(text, base + word.start) {
                    continue;
                }
                let Some(stop) = match_end(&p.phrase, block_text, word.start) else {
                    continue;
                };
                if p.bounded_end && glued_after(stop) {
                    continue;
                }
                out.push(Candidate {
                    owner: p.owner,
                    start: base + word.start,
                    end: base + stop,
                });
            }
        };
        // A glued first word is not reported, so it is never `previous`.
        let mut previous: Option<(std::ops::Range<usize>, u32)> = None;
        // Nearly every word has no group: the test for one stays here, in
        // the loop, and only a hit pays for the call.
        words.for_each_word(glued, |start, end| {
            let key = fingerprint(bytes, start, end);
            let group = self.one_word.group(key);
            if !group.is_empty() {
                try_group(group, start..end);
            }
            if let Some((word, previous_key)) = previous.take() {
                let group = self.two_words.group(pair_key(previous_key, key));
                if !group.is_empty() {
                    try_group(group, word);
                }
            }
            previous = Some((start..end, key));
        });
    }
}

impl Table {
    fn new(mut keyed: Vec<(u32, Indexed)>) -> Table {
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
                key: 0,
                group: EMPTY
            };
            size
        ];
        for (group, &key) in group_keys.iter().enumerate() {
            let mut i = key as usize & (size - 1);
            while slots[i].group != EMPTY {
                i = (i + 1) & (size - 1);
            }
            slots[i] = Slot {
                key,
                group: group as u32,
            };
        }
        // About one bit in eight set; 2^10 to 2^17 bits (128 bytes to 16 KB).
        let filter_bits = (8 * group_keys.len())
            .next_power_of_two()
            .clamp(1 << 10, 1 << 17);
        let filter_shift = 32 - filter_bits.trailing_zeros();
        let mut filter = vec![0u64; filter_bits / 64];
        for &key in &group_keys {
            let bit = (key >> filter_shift) as usize;
            filter[bit / 64] |= 1 << (bit % 64);
        }
        Table {
            filter: filter.into(),
            filter_shift,
            slots: slots.into(),
            group_starts,
            phrases: keyed.into_iter().map(|(_, p)| p).collect(),
        }
    }

    /// The phrases of this key (none if it has none).
    #[inline(always)]
    fn group(&self, key: u32) -> &[Indexed] {
        let bit = (key >> self.filter_shift) as usize;
        if self.filter[bit / 64] >> (bit % 64) & 1 == 0 {
            return &[];
        }
        let mask = self.slots.len() - 1;
        let mut i = key as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot.group == EMPTY {
                return &[];
            }
            if slot.key == key {
                let g = slot.group as usize;
                let range = self.group_starts[g] as usize..self.group_starts[g + 1] as usize;
                return &self.phrases[range];
            }
            i = (i + 1) & mask;
        }
    }
}

/// The word (maximal run of word characters) that starts at `start`.
fn word_at(phrase: &str, start: usize) -> std::ops::Range<usize> {
    let len: usize = phrase[start..]
        .chars()
        .take_while(|&c| is_word_char(c))
        .map(char::len_utf8)
        .sum();
    start..start + len
}

/// The key of two words from their fingerprints (order matters).
#[inline]
fn pair_key(first: u32, second: u32) -> u32 {
    ((u64::from(first) << 32 | u64::from(second)).wrapping_mul(MULTIPLIER) >> 32) as u32
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
