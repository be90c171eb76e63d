//! Positions as LSP counts them, and byte offsets as calque does.
//!
//! An LSP position is a line and a character offset in that line, counted
//! in UTF-16 code units unless client and server agree on UTF-8 (the
//! `positionEncoding` of the initialize handshake). calque's findings are
//! byte ranges of the UTF-8 text. A line ends at `\n`, `\r\n` or `\r`, as
//! the protocol says, so a text with old Mac line breaks still lines up.

use lsp_types::{Position, PositionEncodingKind, Range};

/// The unit of a position's `character`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Bytes of UTF-8: calque's own offsets, no counting needed.
    Utf8,
    /// UTF-16 code units: the protocol's default (a character outside the
    /// Basic Multilingual Plane, such as an emoji, counts two).
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it (it costs nothing to convert),
    /// UTF-16 otherwise, which every client must understand.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        let offers_utf8 = offered
            .unwrap_or_default()
            .contains(&PositionEncodingKind::UTF8);
        if offers_utf8 {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    fn units(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

/// Where each line of a text starts, in bytes.
#[derive(Debug, Clone, Default)]
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Lines {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // The `\r` of a `\r\n` does not end a line; its `\n` does.
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                continue;
            }
            starts.push(i + 1);
        }
        Lines { starts }
    }

    /// The bytes of 0-based `line` without its line break; `None` past the end.
    fn line(&self, text: &str, line: usize) -> Option<std::ops::Range<usize>> {
        let start = *self.starts.get(line)?;
        let end = match self.starts.get(line + 1) {
            Some(&next) => {
                let bytes = text.as_bytes();
                let mut end = next;
                if end > start && bytes[end - 1] == b'\n' {
                    end -= 1;
                }
                if end > start && bytes[end - 1] == b'\r' {
                    end -= 1;
                }
                end
            }
            None => text.len(),
        };
        Some(start..end)
    }

    /// The byte offset of `position` in `text`. A line past the end gives
    /// the end of the text, a character past the end of its line the end
    /// of the line, and a character inside a surrogate pair the start of
    /// its character: a client's slightly stale position never panics.
    pub fn offset(&self, text: &str, position: Position, encoding: Encoding) -> usize {
        let Some(line) = self.line(text, position.line as usize) else {
            return text.len();
        };
        let wanted = position.character as usize;
        if encoding == Encoding::Utf8 {
            let mut at = (line.start + wanted).min(line.end);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            return at;
        }
        let mut units = 0;
        for (i, c) in text[line.clone()].char_indices() {
            let next = units + encoding.units(c);
            if next > wanted {
                return line.start + i;
            }
            units = next;
        }
        line.end
    }

    /// The position of byte `offset` (a character boundary) of `text`.
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> Position {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let character = match encoding {
            Encoding::Utf8 => offset - start,
            Encoding::Utf16 => text[start..offset].chars().map(char::len_utf16).sum(),
        };
        Position::new(line as u32, character as u32)
    }

    /// The LSP range of the byte range `span`.
    pub fn range(&self, text: &str, span: std::ops::Range<usize>, encoding: Encoding) -> Range {
        Range::new(
            self.position(text, span.start, encoding),
            self.position(text, span.end, encoding),
        )
    }

    /// The byte range of an LSP range, its ends in order.
    pub fn span(&self, text: &str, range: Range, encoding: Encoding) -> std::ops::Range<usize> {
        let start = self.offset(text, range.start, encoding);
        let end = self.offset(text, range.end, encoding);
        start.min(end)..start.max(end)
    }

    /// 0-based line of byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// Byte where 0-based `line` starts (the end of the text past the last line).
    pub fn line_start(&self, line: usize, text: &str) -> usize {
        self.starts.get(line).copied().unwrap_or(text.len())
    }

    /// The text of 0-based `line`, without its line break.
    pub fn line_text<'t>(&self, text: &'t str, line: usize) -> &'t str {
        self.line(text, line).map_or("", |r| &text[r])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    #[test]
    fn an_emoji_counts_two_in_utf16_and_four_in_utf8() {
        let text = "😀 XI said";
        let lines = Lines::new(text);
        let xi = text.find("XI").unwrap();
        assert_eq!(lines.position(text, xi, Encoding::Utf16), pos(0, 3));
        assert_eq!(lines.position(text, xi, Encoding::Utf8), pos(0, 5));
        assert_eq!(lines.offset(text, pos(0, 3), Encoding::Utf16), xi);
        assert_eq!(lines.offset(text, pos(0, 5), Encoding::Utf8), xi);
    }

    #[test]
    fn chinese_characters_count_one_unit_each_in_utf16() {
        let text = "习近平说\nXI 中国 long -term";
        let lines = Lines::new(text);
        let term = text.find(" -term").unwrap();
        // "XI 中国 long": two characters of one unit each in UTF-16, of
        // three bytes each in UTF-8.
        assert_eq!(lines.position(text, term, Encoding::Utf16), pos(1, 10));
        assert_eq!(lines.position(text, term, Encoding::Utf8), pos(1, 14));
        assert_eq!(lines.offset(text, pos(1, 10), Encoding::Utf16), term);
    }

    #[test]
    fn every_line_break_ends_a_line() {
        let text = "a\r\nb\rc\nd";
        let lines = Lines::new(text);
        for (line, letter) in ["a", "b", "c", "d"].iter().enumerate() {
            let at = text.find(letter).unwrap();
            assert_eq!(
                lines.position(text, at, Encoding::Utf16),
                pos(line as u32, 0)
            );
            assert_eq!(lines.line_text(text, line), *letter);
        }
        // The end of a line stops before its `\r\n`.
        assert_eq!(lines.offset(text, pos(0, 9), Encoding::Utf16), 1);
    }

    #[test]
    fn positions_outside_the_text_are_clamped() {
        let text = "ab\ncd";
        let lines = Lines::new(text);
        assert_eq!(lines.offset(text, pos(7, 0), Encoding::Utf16), text.len());
        assert_eq!(lines.offset(text, pos(0, 99), Encoding::Utf16), 2);
        assert_eq!(lines.offset(text, pos(1, 99), Encoding::Utf8), text.len());
        // Inside a surrogate pair, or inside a UTF-8 sequence: the character's start.
        let emoji = "x😀y";
        let lines = Lines::new(emoji);
        assert_eq!(lines.offset(emoji, pos(0, 2), Encoding::Utf16), 1);
        assert_eq!(lines.offset(emoji, pos(0, 3), Encoding::Utf8), 1);
        assert_eq!(lines.offset(emoji, pos(0, 3), Encoding::Utf16), 5);
    }

    #[test]
    fn the_end_of_the_text_has_a_position() {
        let text = "ab\n";
        let lines = Lines::new(text);
        assert_eq!(lines.position(text, 3, Encoding::Utf16), pos(1, 0));
        assert_eq!(lines.offset(text, pos(1, 0), Encoding::Utf16), 3);
    }

    #[test]
    fn utf8_is_chosen_only_when_offered() {
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        let both = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&both)), Encoding::Utf8);
        let utf32 = [PositionEncodingKind::UTF32];
        assert_eq!(Encoding::negotiate(Some(&utf32)), Encoding::Utf16);
    }

    proptest::proptest! {
        /// Every character boundary survives the round trip through a
        /// position, in both encodings.
        #[test]
        fn offsets_round_trip(text in "(?s)[a\r\n😀é漢 ]{0,40}") {
            let lines = Lines::new(&text);
            for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
                for encoding in [Encoding::Utf8, Encoding::Utf16] {
                    // A `\r` that a `\n` follows is inside a line break:
                    // its position is the line's end, the `\r` itself.
                    let p = lines.position(&text, at, encoding);
                    let back = lines.offset(&text, p, encoding);
                    let inside_crlf = at > 0
                        && text.as_bytes()[at - 1] == b'\r'
                        && text.as_bytes().get(at) == Some(&b'\n');
                    if !inside_crlf {
                        proptest::prop_assert_eq!(back, at);
                    }
                }
            }
        }
    }
}
