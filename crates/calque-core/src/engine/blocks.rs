//! Cutting a text into blocks at paragraph breaks, so that large inputs are
//! matched block by block with small, reusable buffers. No match crosses a
//! paragraph break, so no match is lost at a cut.

use memchr::memchr_iter;

/// Blocks aim for this size, then end at the next paragraph break.
pub const TARGET_BLOCK: usize = 64 << 10;
/// Past this size with no paragraph break, a block ends at a line break.
pub const MAX_BLOCK: usize = 1 << 20;

/// Byte offset just past the first paragraph break (a blank line) at or
/// after `from`, if there is one.
pub fn paragraph_break_after(text: &[u8], from: usize) -> Option<usize> {
    let mut previous: Option<usize> = None;
    for nl in memchr_iter(b'\n', &text[from..]) {
        let nl = from + nl;
        if let Some(prev) = previous
            && text[prev + 1..nl]
                .iter()
                .all(|b| matches!(b, b' ' | b'\t' | b'\r'))
        {
            return Some(nl + 1);
        }
        previous = Some(nl);
    }
    None
}

/// Byte offset where the paragraph holding `pos` starts: just past the last
/// paragraph break (as [`paragraph_break_after`] finds them) before `pos`, or 0.
pub(crate) fn paragraph_start_before(text: &[u8], pos: usize) -> usize {
    let mut later: Option<usize> = None;
    for nl in memchr::memrchr_iter(b'\n', &text[..pos]) {
        if let Some(later) = later
            && text[nl + 1..later]
                .iter()
                .all(|b| matches!(b, b' ' | b'\t' | b'\r'))
        {
            return later + 1;
        }
        later = Some(nl);
    }
    0
}

/// Where the block that starts at `start` ends, in a text that ends at
/// `end_of_text`: after a paragraph break past [`TARGET_BLOCK`], else after a
/// line break before [`MAX_BLOCK`], else at a character boundary.
fn block_end_within(text: &str, start: usize, end_of_text: usize) -> usize {
    let bytes = &text.as_bytes()[..end_of_text];
    if bytes.len() - start <= TARGET_BLOCK {
        return bytes.len();
    }
    let from = start + TARGET_BLOCK;
    let limit = (start + MAX_BLOCK).min(bytes.len());
    if let Some(end) = paragraph_break_after(&bytes[..limit], from) {
        return end;
    }
    if limit == bytes.len() {
        return limit;
    }
    if let Some(nl) = memchr::memrchr(b'\n', &bytes[from..limit]) {
        return from + nl + 1;
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// The blocks of `text`, in order, covering it exactly.
pub fn blocks(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    blocks_within(text, 0..text.len())
}

/// The blocks of `text[range]`, cut as if the text were only that range.
pub(crate) fn blocks_within(
    text: &str,
    range: std::ops::Range<usize>,
) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut start = range.start;
    std::iter::from_fn(move || {
        if start >= range.end {
            return None;
        }
        let end = block_end_within(text, start, range.end);
        let range = start..end;
        start = end;
        Some(range)
    })
}

/// Whether `at` (just after a line break) is a clear break: one blank line
/// (only spaces, tabs and carriage returns) ends at `at`, a line with other
/// characters ends just before it, and the character at `at` is not
/// whitespace. Gives the offset of the line break that ends that line of
/// text: the break's lines run from there to `at`, inclusive.
pub(crate) fn clear_break_guard(text: &[u8], at: usize) -> Option<usize> {
    if at == 0 || at >= text.len() || text[at - 1] != b'\n' {
        return None;
    }
    let next = std::str::from_utf8(&text[at..(at + 4).min(text.len())])
        .or_else(|e| std::str::from_utf8(&text[at..at + e.valid_up_to()]))
        .ok()?
        .chars()
        .next()?;
    if next.is_whitespace() {
        return None;
    }
    let is_blank = |b: &u8| matches!(b, b' ' | b'\t' | b'\r');
    let blank_start = memchr::memrchr(b'\n', &text[..at - 1])?;
    if !text[blank_start + 1..at - 1].iter().all(is_blank) {
        return None;
    }
    let line_start = memchr::memrchr(b'\n', &text[..blank_start]).map_or(0, |nl| nl + 1);
    if text[line_start..blank_start].iter().all(is_blank) {
        return None;
    }
    Some(blank_start)
}

/// The text cut into stretches of about `about` bytes or more, for
/// searching them apart (on several threads): each stretch is a run of
/// whole [`blocks`] and ends at a clear break (see `clear_break_guard`)
/// or the text's end. Every rule finds and sees the same in a stretch
/// searched alone as in the whole text: phrase and pattern rules search
/// the same blocks, and at a clear break every rule's idea of a paragraph
/// break agrees (see `fix::recheck`, which cuts at clear breaks too).
pub(crate) fn stretches(text: &str, about: usize) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for block in blocks(text) {
        if block.end - start >= about && clear_break_guard(bytes, block.end).is_some() {
            out.push(start..block.end);
            start = block.end;
        }
    }
    if start < text.len() || out.is_empty() {
        out.push(start..text.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_starts_mirror_paragraph_breaks() {
        let text = b"a\n\nb b\n \r\nc\nd";
        assert_eq!(paragraph_start_before(text, 0), 0);
        assert_eq!(paragraph_start_before(text, 1), 0);
        assert_eq!(paragraph_start_before(text, 5), 3);
        assert_eq!(paragraph_start_before(text, 11), 10);
        assert_eq!(paragraph_break_after(text, 0), Some(3));
        assert_eq!(paragraph_break_after(text, 5), Some(10));
    }

    #[test]
    fn small_text_is_one_block() {
        let text = "one\n\ntwo";
        assert_eq!(blocks(text).collect::<Vec<_>>(), vec![0..text.len()]);
    }

    #[test]
    fn large_text_is_cut_after_blank_lines() {
        let paragraph = "word ".repeat(2000) + "\n \r\n";
        let text = paragraph.repeat(40);
        let cuts: Vec<_> = blocks(&text).collect();
        assert!(cuts.len() > 1);
        assert_eq!(cuts.first().unwrap().start, 0);
        assert_eq!(cuts.last().unwrap().end, text.len());
        for pair in cuts.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
            assert!(text[..pair[0].end].ends_with("\n \r\n"));
        }
    }

    #[test]
    fn stretches_are_whole_blocks_ending_at_clear_breaks() {
        let paragraph = "word ".repeat(2000) + "\n\n";
        let text = paragraph.repeat(100) + "last";
        let all: Vec<_> = blocks(&text).collect();
        let cut = stretches(&text, 200_000);
        assert!(cut.len() > 2, "{cut:?}");
        assert_eq!(cut.first().unwrap().start, 0);
        assert_eq!(cut.last().unwrap().end, text.len());
        for pair in cut.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
            assert!(pair[0].len() >= 200_000);
            assert!(all.iter().any(|b| b.end == pair[0].end), "a block end");
            assert!(clear_break_guard(text.as_bytes(), pair[0].end).is_some());
        }
        let within: Vec<_> = cut
            .iter()
            .flat_map(|s| blocks_within(&text, s.clone()))
            .collect();
        assert_eq!(within, all, "the same blocks as the whole text's");
        let whole = |text: &str, about: usize| {
            let cut = stretches(text, about);
            cut.len() == 1 && cut[0] == (0..text.len())
        };
        assert!(whole("", 10));
        assert!(whole("short", 10));
        // Two blank lines in a row are no clear break.
        let unclear = ("word ".repeat(20_000) + "\n\n\n").repeat(4);
        assert!(whole(&unclear, 1000));
    }

    #[test]
    fn a_huge_line_is_cut_at_char_boundaries() {
        let text = "é".repeat(MAX_BLOCK);
        let cuts: Vec<_> = blocks(&text).collect();
        assert!(cuts.len() >= 2);
        for c in &cuts {
            assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
        }
    }
}
