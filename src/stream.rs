//! `calque fix -`: fixing a stream of any length in bounded memory.
//!
//! No match crosses a paragraph break, so the stream is cut after blank
//! lines into pieces of about [`blocks::TARGET_BLOCK`] bytes and each piece
//! is fixed on its own (a few side by side, with more than one thread). A
//! paragraph longer than [`blocks::MAX_BLOCK`] is cut at a line break.
//! Rules that need the whole document (consistency) only see one piece at
//! a time here.

use calque_core::engine::{Engine, blocks};
use calque_core::fix;
use calque_core::rule::RuleId;
use calque_core::source::NotText;
use rayon::prelude::*;
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
    pub still_firing: Vec<RuleId>,
}

/// Reads `input` to its end and writes the fixed text to `output`. On
/// invalid input, what came before the bad piece has been written already:
/// the error names the byte offset.
///
/// With more than one thread in the current rayon pool, a few pieces a
/// thread are read, fixed side by side and written in order: the output is
/// the same, and memory stays bounded by the batch.
pub fn fix_stream(
    engine: &Engine,
    input: impl Read,
    mut output: impl Write,
    unsafe_fixes: bool,
) -> Result<StreamTotals, StreamError> {
    let batch_len = match rayon::current_num_threads() {
        1 => 1,
        threads => 2 * threads,
    };
    let mut reader = PieceReader::new(input);
    let mut totals = StreamTotals::default();
    loop {
        let mut batch = Vec::with_capacity(batch_len);
        // An error stops the stream after the pieces read before it.
        let mut failure = None;
        while batch.len() < batch_len {
            match reader.next_piece() {
                Ok(Some(piece)) => match decode_piece(piece, totals.bytes, totals.bytes == 0) {
                    Ok(text) => {
                        totals.bytes += text.len() as u64;
                        batch.push(text);
                    }
                    Err(e) => {
                        failure = Some(e);
                        break;
                    }
                },
                Ok(None) => break,
                Err(e) => {
                    failure = Some(e.into());
                    break;
                }
            }
        }
        let last = batch.len() < batch_len;
        let outcomes: Vec<fix::Outcome> = batch
            .into_par_iter()
            .map(|text| fix::fix_text(engine, text, unsafe_fixes))
            .collect();
        for outcome in outcomes {
            totals.applied += outcome.applied;
            totals.remaining += outcome.remaining.len();
            for rule in outcome.still_firing {
                if !totals.still_firing.contains(&rule) {
                    totals.still_firing.push(rule);
                }
            }
            output.write_all(outcome.text.as_bytes())?;
        }
        if let Some(e) = failure {
            output.flush()?;
            return Err(e);
        }
        if last {
            break;
        }
    }
    output.flush()?;
    Ok(totals)
}

/// The pieces of a stream, read as they are needed.
struct PieceReader<R> {
    input: R,
    buffer: Vec<u8>,
    chunk: Vec<u8>,
    at_eof: bool,
}

impl<R: Read> PieceReader<R> {
    fn new(input: R) -> PieceReader<R> {
        PieceReader {
            input,
            buffer: Vec::with_capacity(2 * blocks::TARGET_BLOCK),
            chunk: vec![0u8; blocks::TARGET_BLOCK],
            at_eof: false,
        }
    }

    /// The next piece: what comes before a paragraph break once at least
    /// [`blocks::TARGET_BLOCK`] bytes are read (see [`cut_point`]), or the
    /// rest at the end of the input; `None` after the last.
    fn next_piece(&mut self) -> io::Result<Option<Vec<u8>>> {
        loop {
            if self.at_eof || self.buffer.len() >= blocks::TARGET_BLOCK {
                let cut = if self.at_eof {
                    Some(self.buffer.len())
                } else {
                    cut_point(&self.buffer)
                };
                match cut {
                    Some(0) => return Ok(None),
                    Some(cut) => return Ok(Some(self.buffer.drain(..cut).collect())),
                    // The piece is not closed yet: read on.
                    None => {}
                }
            }
            let n = self.input.read(&mut self.chunk)?;
            if n == 0 {
                self.at_eof = true;
            } else {
                self.buffer.extend_from_slice(&self.chunk[..n]);
            }
        }
    }
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
    fn pieces_fixed_side_by_side_give_the_same_stream() {
        let engine = calque_core::testing::builtin_engine();
        // About a dozen pieces, and a bad byte after them.
        let mut input = calque_core::testing::seed_copies(60).into_bytes();
        let good = input.len();
        input.extend_from_slice(b"\n\nvalid until \xff");
        let run = |threads: usize, bytes: &[u8]| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let mut out = Vec::new();
            let result = pool.install(|| fix_stream(&engine, bytes, &mut out, true));
            (result, out)
        };
        let (one, one_out) = run(1, &input[..good]);
        let (three, three_out) = run(3, &input[..good]);
        let (one, three) = (one.unwrap(), three.unwrap());
        assert!(one.applied > 100);
        assert_eq!(
            (one.bytes, one.applied, one.remaining, &one.still_firing),
            (
                three.bytes,
                three.applied,
                three.remaining,
                &three.still_firing
            )
        );
        assert!(one_out == three_out, "the same bytes, in the same order");
        // The pieces before a bad one are written before the error, as
        // they are one piece at a time.
        let (bad, bad_out) = run(3, &input);
        assert!(matches!(bad, Err(StreamError::NotText(_))));
        assert!(bad_out.len() > good / 2 && one_out.starts_with(&bad_out));
        assert!(bad_out == run(1, &input).1);
    }

    #[test]
    fn a_long_run_of_invalid_bytes_is_refused_not_looped_on() {
        // A lead byte then more than MAX_BLOCK continuation bytes: cutting
        // before the lead byte would be a cut at 0 and loop forever.
        let mut bytes = vec![0xC3];
        bytes.resize(2 * blocks::MAX_BLOCK, 0x80);
        let engine = calque_core::engine::Engine::new(Vec::new()).unwrap();
        let result = fix_stream(&engine, &bytes[..], Vec::new(), false);
        assert!(matches!(
            result,
            Err(StreamError::NotText(NotText::InvalidUtf8 { offset: 2 }))
        ));
    }
}
