//! Where the words of a block are: one bit per byte, set for the bytes of
//! word characters ([`is_word_char`]), so that words (maximal runs of set
//! bits) are found with a few bit operations per 64 bytes instead of a
//! branch per byte.

use super::is_word_char;
use crate::engine::eight_bytes::{HIGH, ONES, in_range};

/// The word bits of one block; reusable from block to block.
#[derive(Debug, Default)]
pub struct WordBits {
    /// Bit `i % 64` of `bits[i / 64]`: byte `i` belongs to a word character.
    /// Bits past the end of the block are clear.
    bits: Vec<u64>,
    /// Chunks of 64 bytes that hold non-ASCII bytes, to decode afterwards.
    non_ascii_chunks: Vec<usize>,
    len: usize,
}

impl WordBits {
    /// Computes the bits of `block`: ASCII bytes eight at a time, then the
    /// non-ASCII characters one by one (they are rare in English).
    pub fn fill(&mut self, block: &str) {
        let bytes = block.as_bytes();
        self.bits.clear();
        self.non_ascii_chunks.clear();
        self.len = bytes.len();
        let whole = bytes.chunks_exact(64);
        let mut last = [0u8; 64];
        last[..whole.remainder().len()].copy_from_slice(whole.remainder());
        let chunks = whole.map(|c| c.try_into().expect("64 bytes"));
        let chunks = chunks.chain((!bytes.len().is_multiple_of(64)).then_some(&last));
        for (index, chunk) in chunks.enumerate() {
            let (word, non_ascii) = classify(chunk);
            self.bits.push(word);
            if non_ascii != 0 {
                self.non_ascii_chunks.push(index);
            }
        }
        for k in 0..self.non_ascii_chunks.len() {
            let chunk = self.non_ascii_chunks[k];
            let end = (chunk * 64 + 64).min(bytes.len());
            for i in chunk * 64..end {
                // Continuation bytes are covered by their leading byte,
                // possibly in the chunk before.
                if bytes[i] < 0xc0 {
                    continue;
                }
                let c = block[i..].chars().next().expect("a character starts here");
                if is_word_char(c) {
                    for j in i..i + c.len_utf8() {
                        self.bits[j / 64] |= 1 << (j % 64);
                    }
                }
            }
        }
    }

    /// Whether byte `i` of the block belongs to a word character.
    pub fn is_word(&self, i: usize) -> bool {
        self.bits[i / 64] >> (i % 64) & 1 == 1
    }

    /// Calls `f(start, end)` for every word of the block, in order. With
    /// `glued`, the character before the block is a word character, so a
    /// word at offset 0 continues it and is skipped.
    pub fn for_each_word(&self, glued: bool, mut f: impl FnMut(usize, usize)) {
        let mut carry = u64::from(glued);
        for (k, &word) in self.bits.iter().enumerate() {
            let mut starts = word & !(word << 1 | carry);
            carry = word >> 63;
            while starts != 0 {
                let bit = starts.trailing_zeros() as usize;
                starts &= starts - 1;
                let start = k * 64 + bit;
                f(start, self.word_end(k, bit));
            }
        }
    }

    /// The end of the word whose byte is at `bit` of `bits[k]`.
    fn word_end(&self, k: usize, bit: usize) -> usize {
        let rest = !self.bits[k] >> bit;
        if rest != 0 {
            return k * 64 + bit + rest.trailing_zeros() as usize;
        }
        for (j, &word) in self.bits.iter().enumerate().skip(k + 1) {
            if word != u64::MAX {
                return j * 64 + (!word).trailing_zeros() as usize;
            }
        }
        self.len
    }
}

/// For 64 bytes: a mask of the ASCII word bytes (letters, digits, `_`) and
/// a mask of the non-ASCII bytes, computed eight bytes at a time.
fn classify(chunk: &[u8; 64]) -> (u64, u64) {
    let mut word = 0;
    let mut non_ascii = 0;
    for (i, eight) in chunk.chunks_exact(8).enumerate() {
        let x = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
        word |= gather_high_bits(ascii_word_bytes(x)) << (8 * i);
        non_ascii |= gather_high_bits(x & HIGH) << (8 * i);
    }
    (word, non_ascii)
}

/// The high bit of each byte of `x` set when that byte is an ASCII letter,
/// digit or `_`. Range tests on bytes below 0x80 by adding an offset that
/// carries into the high bit, which never carries into the next byte.
fn ascii_word_bytes(x: u64) -> u64 {
    let low7 = x & !HIGH;
    let letter = in_range(low7 | (0x20 * ONES), b'a', b'z');
    let digit = in_range(low7, b'0', b'9');
    let not_underscore = low7 ^ (b'_' as u64 * ONES);
    let underscore = !((not_underscore + 0x7f * ONES) | not_underscore);
    (letter | digit | underscore) & !x & HIGH
}

/// The high bits of the eight bytes of `x` (no other bit set) as the low
/// eight bits of the result, byte 0 in bit 0: the multiplication adds each
/// bit into its own place of the top byte.
fn gather_high_bits(x: u64) -> u64 {
    ((x >> 7) & ONES).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(block: &str, glued: bool) -> Vec<&str> {
        let mut bits = WordBits::default();
        bits.fill(block);
        let mut found = Vec::new();
        bits.for_each_word(glued, |s, e| found.push(&block[s..e]));
        found
    }

    #[test]
    fn classifies_every_byte_in_every_lane() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut eight = [b'.'; 8];
                eight[lane] = b;
                let x = u64::from_le_bytes(eight);
                let expected = b.is_ascii_alphanumeric() || b == b'_';
                assert_eq!(
                    gather_high_bits(ascii_word_bytes(x)),
                    u64::from(expected) << lane,
                    "byte {b:#x} in lane {lane}"
                );
                assert_eq!(gather_high_bits(x & HIGH), u64::from(b >= 0x80) << lane);
            }
        }
    }

    #[test]
    fn words_are_runs_of_word_characters_in_any_script() {
        assert_eq!(
            words("“Pékin’s all-terrain_2 éiron» ERDOĞAN 北京 x", false),
            [
                "Pékin",
                "s",
                "all",
                "terrain_2",
                "éiron",
                "ERDOĞAN",
                "北京",
                "x"
            ]
        );
        assert_eq!(words(" a\u{a0}b\u{202f}c\r\n", false), ["a", "b", "c"]);
    }

    #[test]
    fn words_cross_chunks_and_reach_the_end() {
        let long = "x".repeat(150);
        let block = format!("{}é{long} é{}", "a".repeat(63), "b".repeat(61));
        let found = words(&block, false);
        assert_eq!(found[0].len(), 63 + 2 + 150);
        assert_eq!(found[1], format!("é{}", "b".repeat(61)));
        assert_eq!(words(&"y".repeat(64), false), [&"y".repeat(64)]);
    }

    #[test]
    fn a_glued_word_at_the_start_is_skipped() {
        assert_eq!(words("ab cd", true), ["cd"]);
        assert_eq!(words(" ab", true), ["ab"]);
    }

    #[test]
    fn is_word_is_true_for_every_byte_of_a_word_character() {
        let mut bits = WordBits::default();
        bits.fill("é.’a");
        let flags: Vec<bool> = (0..8).map(|i| bits.is_word(i)).collect();
        assert_eq!(flags, [true, true, false, false, false, false, true, false]);
    }
}
