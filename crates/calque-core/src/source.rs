//! Turning bytes into checkable text, and byte offsets into lines and columns.
//!
//! calque never guesses an encoding: UTF-8 (with or without a BOM) is text,
//! a NUL byte means binary, and anything else is refused with the offset of
//! the first bad byte, so that nothing is ever written back mangled.

/// Why bytes are not text calque will touch.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotText {
    /// A NUL byte: a binary file, skipped with a note.
    #[error("binary file (contains a NUL byte), skipped")]
    Binary,
    /// UTF-16 (a UTF-16 byte-order mark): refused, convert to UTF-8 first.
    #[error("UTF-16 text is not supported; convert it to UTF-8 (e.g. `iconv -f UTF-16 -t UTF-8`)")]
    Utf16,
    /// Not valid UTF-8 at this byte offset.
    ///
    /// Latin-1 (ISO 8859-1) and its Windows cousin are what a file that is
    /// not UTF-8 most often turns out to be, hence the hint.
    #[error(
        "not valid UTF-8 at byte offset {offset}; calque reads UTF-8 only: \
         if the file is Latin-1, convert it first (`iconv -f latin1 -t utf-8`)"
    )]
    InvalidUtf8 {
        /// Where the first byte that is not UTF-8 is.
        offset: usize,
    },
}

/// `:line:column` after a file name in an error, or nothing when the error
/// has no position.
pub(crate) fn located(position: Option<(usize, usize)>) -> String {
    position.map_or(String::new(), |(line, column)| format!(":{line}:{column}"))
}

/// The byte order mark some editors write at the start of UTF-8 files.
pub(crate) const UTF8_BOM: &str = "\u{feff}";

/// Checks that `bytes` are UTF-8 text and returns them as a string, BOM included.
pub fn decode(bytes: Vec<u8>) -> Result<String, NotText> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(NotText::Utf16);
    }
    if memchr::memchr(0, &bytes).is_some() {
        return Err(NotText::Binary);
    }
    String::from_utf8(bytes).map_err(|e| NotText::InvalidUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Line starts of a text, for turning byte offsets into 1-based lines and
/// columns counted in characters (a BOM does not count).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    bom: usize,
    /// In lines longer than [`CHECKPOINT_BYTES`]: (byte offset, characters
    /// from the line start to it), so that a column in a 50 MB line costs a
    /// short count, not a count from the line start for every finding.
    checkpoints: Vec<(usize, usize)>,
}

/// Distance between column checkpoints in long lines.
const CHECKPOINT_BYTES: usize = 64 << 10;

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let bom = if text.starts_with(UTF8_BOM) {
            UTF8_BOM.len()
        } else {
            0
        };
        let mut index = LineIndex {
            starts,
            bom,
            checkpoints: Vec::new(),
        };
        index.checkpoints = index.long_line_checkpoints(text);
        index
    }

    fn long_line_checkpoints(&self, text: &str) -> Vec<(usize, usize)> {
        let mut checkpoints = Vec::new();
        for line in 1..=self.starts.len() {
            let start = self.line_start(line).min(text.len());
            let end = self.starts.get(line).copied().unwrap_or(text.len());
            let (mut at, mut chars) = (start, 0);
            while end.saturating_sub(at) > CHECKPOINT_BYTES {
                let mut next = at + CHECKPOINT_BYTES;
                while !text.is_char_boundary(next) {
                    next += 1;
                }
                chars += text[at..next].chars().count();
                checkpoints.push((next, chars));
                at = next;
            }
        }
        checkpoints
    }

    /// 1-based line number of the line holding byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// Byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        let start = self.starts[line - 1];
        if line == 1 {
            start.max(self.bom)
        } else {
            start
        }
    }

    /// 1-based (line, column) of byte `offset`, the column in characters.
    pub fn position_in(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line(offset);
        let start = self.line_start(line).min(offset);
        let nearest = self.checkpoints.partition_point(|&(at, _)| at <= offset);
        let (from, chars_before) = match nearest.checked_sub(1).map(|i| self.checkpoints[i]) {
            Some((at, chars)) if at >= start => (at, chars),
            _ => (start, 0),
        };
        (line, chars_before + text[from..offset].chars().count() + 1)
    }

    /// The text of 1-based `line`, without its line break.
    pub fn line_text<'t>(&self, text: &'t str, line: usize) -> &'t str {
        let start = self.line_start(line);
        let end = self.starts.get(line).copied().unwrap_or(text.len());
        text[start..end].trim_end_matches(['\n', '\r'])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_is_not_utf8_text() {
        assert_eq!(
            decode(b"caf\xe9".to_vec()),
            Err(NotText::InvalidUtf8 { offset: 3 })
        );
        assert_eq!(decode(b"a\0b".to_vec()), Err(NotText::Binary));
        assert_eq!(decode(b"\xff\xfea\0".to_vec()), Err(NotText::Utf16));
        assert_eq!(
            decode("\u{feff}ok".as_bytes().to_vec()).unwrap(),
            "\u{feff}ok"
        );
    }

    #[test]
    fn positions_count_characters_and_skip_the_bom() {
        let text = "\u{feff}é XI\r\nsaid XI";
        let index = LineIndex::new(text);
        assert_eq!(index.position_in(text, text.find("XI").unwrap()), (1, 3));
        assert_eq!(index.position_in(text, text.rfind("XI").unwrap()), (2, 6));
        assert_eq!(index.line_text(text, 1), "é XI");
        assert_eq!(index.line_text(text, 2), "said XI");
    }

    #[test]
    fn columns_in_long_lines_use_checkpoints_and_stay_exact() {
        let text = format!("\u{feff}short\n{}\nend é", "aé€🙂".repeat(60_000));
        let index = LineIndex::new(&text);
        assert!(!index.checkpoints.is_empty());
        for offset in (0..=text.len())
            .step_by(997)
            .filter(|&o| text.is_char_boundary(o))
        {
            let line = index.line(offset);
            let start = index.line_start(line).min(offset);
            let slow = text[start..offset].chars().count() + 1;
            assert_eq!(
                index.position_in(&text, offset),
                (line, slow),
                "at {offset}"
            );
        }
    }
}
