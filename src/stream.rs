//! `calque fix -`: fixing a stream of any length in bounded memory.
//!
//! No match crosses a paragraph break, so the stream is cut after blank
//! lines into pieces of about [`blocks::TARGET_BLOCK`] bytes and each piece
//! is fixed on its own. A paragraph longer than [`blocks::MAX_BLOCK`] is cut
//! at a line break. Rules that need the whole document (consistency) only
//! see one piece at a time here.

use crate::engine::{Engine, blocks};
use crate::fix;
use crate::source::NotText;
use std::io::{self, Read, Write};

#[derive(Debug, thiserror::Error)]
pub enum StreamError {
    #[error("{0}")]
    NotText(NotText),
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// Totals of a streamed fix.
#[derive(Debug, Default, Clone)]
pub struct StreamTotals {
    pub bytes: u64,
    pub applied: usize,
    /// Findings left that need a person.
    pub remaining: usize,
    /// Rules that hit the pass bound in some piece.
    pub still_firing: Vec<usize>,
}

/// Reads `input` to its end and writes the fixed text to `output`. On
/// invalid input, what came before the bad piece has been written already:
/// the error names the byte offset.
pub fn fix_stream(
    engine: &Engine,
    mut input: impl Read,
    mut output: impl Write,
    unsafe_fixes: bool,
) -> Result<StreamTotals, StreamError> {
    let mut totals = StreamTotals::default();
    let mut buffer: Vec<u8> = Vec::with_capacity(2 * blocks::TARGET_BLOCK);
    let mut chunk = vec![0u8; blocks::TARGET_BLOCK];
    let mut at_eof = false;
    let mut first = true;
    while !at_eof || !buffer.is_empty() {
        if !at_eof && buffer.len() < blocks::TARGET_BLOCK {
            let n = input.read(&mut chunk)?;
            if n == 0 {
                at_eof = true;
            } else {
                buffer.extend_from_slice(&chunk[..n]);
            }
            continue;
        }
        let cut = if at_eof {
            buffer.len()
        } else {
            match cut_point(&buffer) {
                Some(cut) => cut,
                None => {
                    // Keep reading: the piece is not closed yet.
                    let n = input.read(&mut chunk)?;
                    if n == 0 {
                        at_eof = true;
                    } else {
                        buffer.extend_from_slice(&chunk[..n]);
                    }
                    continue;
                }
            }
        };
        let piece: Vec<u8> = buffer.drain(..cut).collect();
        let text = decode_piece(piece, totals.bytes, first)?;
        first = false;
        totals.bytes += text.len() as u64;
        let outcome = fix::fix_text(engine, &text, unsafe_fixes);
        totals.applied += outcome.applied;
        totals.remaining += outcome.remaining.len();
        for rule in outcome.still_firing {
            if !totals.still_firing.contains(&rule) {
                totals.still_firing.push(rule);
            }
        }
        output.write_all(outcome.text.as_bytes())?;
    }
    output.flush()?;
    Ok(totals)
}

/// Where to cut the buffer: after its last paragraph break, or after its
/// last line break once the buffer is past [`blocks::MAX_BLOCK`].
fn cut_point(buffer: &[u8]) -> Option<usize> {
    let mut search = 0;
    let mut last_break = None;
    while let Some(end) = blocks::paragraph_break_after(buffer, search) {
        last_break = Some(end);
        search = end;
    }
    if last_break.is_some() {
        return last_break;
    }
    if buffer.len() >= blocks::MAX_BLOCK {
        return match memchr::memrchr(b'\n', buffer) {
            Some(nl) => Some(nl + 1),
            None => Some(utf8_boundary(buffer)),
        };
    }
    None
}

/// The largest cut of a line with no line break that keeps UTF-8 characters
/// whole: before the last character if its bytes are not all there yet. Only
/// the last four bytes are looked at, so the cut is never at 0 (which would
/// make no progress) even when the buffer is not UTF-8 at all: decoding the
/// piece then reports the bad byte.
fn utf8_boundary(buffer: &[u8]) -> usize {
    let len = buffer.len();
    for back in 1..=len.min(4) {
        let byte = buffer[len - back];
        if byte & 0xC0 == 0x80 {
            continue; // a continuation byte: the lead byte is further back
        }
        let char_len = match byte {
            0xF0.. => 4,
            0xE0.. => 3,
            0xC0.. => 2,
            _ => 1,
        };
        return if char_len > back { len - back } else { len };
    }
    len
}

fn decode_piece(piece: Vec<u8>, offset: u64, first: bool) -> Result<String, StreamError> {
    if first && (piece.starts_with(&[0xff, 0xfe]) || piece.starts_with(&[0xfe, 0xff])) {
        return Err(StreamError::NotText(NotText::Utf16));
    }
    if memchr::memchr(0, &piece).is_some() {
        return Err(StreamError::NotText(NotText::Binary));
    }
    String::from_utf8(piece).map_err(|e| {
        StreamError::NotText(NotText::InvalidUtf8 {
            offset: offset as usize + e.utf8_error().valid_up_to(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_after_the_last_blank_line() {
        assert_eq!(cut_point(b"a\n\nb\n\nc"), Some(6));
        assert_eq!(cut_point(b"a\nb\nc"), None);
    }

    #[test]
    fn cuts_long_lines_on_character_boundaries() {
        let text = "é".repeat(blocks::MAX_BLOCK);
        let cut = utf8_boundary(text.as_bytes());
        assert!(text.is_char_boundary(cut));
        let cut_inside = utf8_boundary(&text.as_bytes()[..text.len() - 1]);
        assert_eq!(cut_inside, text.len() - 2);
    }

    #[test]
    fn a_long_run_of_invalid_bytes_is_refused_not_looped_on() {
        // A lead byte then more than MAX_BLOCK continuation bytes: cutting
        // before the lead byte would be a cut at 0 and loop forever.
        let mut bytes = vec![0xC3];
        bytes.resize(2 * blocks::MAX_BLOCK, 0x80);
        let engine = crate::engine::Engine::new(Vec::new()).unwrap();
        let result = fix_stream(&engine, &bytes[..], Vec::new(), false);
        assert!(matches!(
            result,
            Err(StreamError::NotText(NotText::InvalidUtf8 { offset: 2 }))
        ));
    }
}
