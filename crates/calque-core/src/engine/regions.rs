//! Where to run a pattern around the places its triggers hit.
//!
//! A pattern is run on each region as a haystack of its own, the way it was
//! run on whole paragraphs before triggers existed, so the results are the
//! same as searching every paragraph: a region is either the paragraph
//! around a hit or, for a pattern that cannot match a line feed, the lines
//! around it. Such a pattern's matches never span a line break, so a run of
//! whole lines holds exactly the matches a search of the whole paragraph
//! finds there (the regex crate's leftmost-first search gives the same match
//! at a given start whatever the haystack holds beyond the match's line, and
//! a line break looks like the edge of the text to `\b`). Hits are
//! processed in order; a hit inside the last region searched adds nothing,
//! so each paragraph or line is searched once per pattern.

use super::blocks;
use std::ops::Range;

/// How far a pattern's region reaches around a hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// The line holding the hit: for patterns that cannot match a line
    /// feed and do not look at the edges of the haystack (`^`, `$`, `\A`, `\z`).
    Line,
    /// The paragraph holding the hit.
    Paragraph,
}

/// The line holding byte `pos`: from just after the line feed before it (or
/// the start) to just after the line feed at or after it (or the end).
pub fn line_around(bytes: &[u8], pos: usize) -> Range<usize> {
    let start = memchr::memrchr(b'\n', &bytes[..pos]).map_or(0, |nl| nl + 1);
    let end = memchr::memchr(b'\n', &bytes[pos..]).map_or(bytes.len(), |nl| pos + nl + 1);
    start..end
}

/// The paragraph holding byte `pos`, as [`blocks`] cuts paragraphs: from
/// just after the blank line before it to just after the blank line after it.
pub fn paragraph_around(bytes: &[u8], pos: usize) -> Range<usize> {
    blocks::paragraph_start_before(bytes, pos)
        ..blocks::paragraph_break_after(bytes, pos).unwrap_or(bytes.len())
}

/// Turns one pattern's hit positions, in ascending order, into the regions
/// to search, each once, in order; adjacent lines are joined into one region.
pub fn regions(
    bytes: &[u8],
    reach: Reach,
    positions: impl IntoIterator<Item = usize>,
    mut search: impl FnMut(Range<usize>),
) {
    let mut current: Option<Range<usize>> = None;
    for pos in positions {
        if current.as_ref().is_some_and(|c| pos < c.end) {
            continue;
        }
        let next = match reach {
            Reach::Line => line_around(bytes, pos),
            Reach::Paragraph => paragraph_around(bytes, pos),
        };
        match &mut current {
            Some(c) if reach == Reach::Line && c.end == next.start => c.end = next.end,
            _ => {
                if let Some(done) = current.replace(next) {
                    search(done);
                }
            }
        }
    }
    if let Some(done) = current {
        search(done);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'t>(text: &'t str, reach: Reach, positions: &[usize]) -> Vec<&'t str> {
        let mut out = Vec::new();
        regions(text.as_bytes(), reach, positions.iter().copied(), |r| {
            out.push(&text[r])
        });
        out
    }

    #[test]
    fn lines_stop_at_line_feeds() {
        let text = "one :\r\ntwo\nthree :";
        assert_eq!(found(text, Reach::Line, &[0]), vec!["one :\r\n"]);
        assert_eq!(
            found(text, Reach::Line, &[5]),
            vec!["one :\r\n"],
            "at the CR"
        );
        assert_eq!(
            found(text, Reach::Line, &[6]),
            vec!["one :\r\n"],
            "at the LF"
        );
        assert_eq!(found(text, Reach::Line, &[17]), vec!["three :"]);
        assert_eq!(
            found(text, Reach::Line, &[3, 4, 13]),
            vec!["one :\r\n", "three :"]
        );
    }

    #[test]
    fn adjacent_lines_are_searched_together() {
        let text = "a :\nb :\nc\nd :";
        assert_eq!(found(text, Reach::Line, &[2, 6]), vec!["a :\nb :\n"]);
        assert_eq!(found(text, Reach::Line, &[2, 12]), vec!["a :\n", "d :"]);
    }

    #[test]
    fn paragraphs_are_searched_once_each() {
        let text = "first line\nsecond line\n\nnext\r\n \r\nlast";
        let all: Vec<usize> = (0..text.len()).collect();
        assert_eq!(
            found(text, Reach::Paragraph, &all),
            vec!["first line\nsecond line\n\n", "next\r\n \r\n", "last"]
        );
        assert_eq!(
            found(text, Reach::Paragraph, &[0]),
            vec!["first line\nsecond line\n\n"],
            "a hit at the start of a paragraph"
        );
        assert_eq!(
            found(text, Reach::Paragraph, &[21, text.len() - 1]),
            vec!["first line\nsecond line\n\n", "last"],
            "hits at the ends of paragraphs"
        );
    }
}
