//! `--format json`: one JSON array of findings for the whole run.

use super::Record;
use std::io::{self, Write};

/// Streams records as one JSON array: `[` at the start, `]` at the end.
pub struct JsonPrinter {
    first: bool,
}

impl JsonPrinter {
    pub fn begin(out: &mut impl Write) -> io::Result<JsonPrinter> {
        out.write_all(b"[")?;
        Ok(JsonPrinter { first: true })
    }

    pub fn record(&mut self, out: &mut impl Write, record: &Record) -> io::Result<()> {
        out.write_all(if self.first { b"\n  " } else { b",\n  " })?;
        self.first = false;
        serde_json::to_writer(&mut *out, record).map_err(io::Error::from)
    }

    pub fn finish(self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(if self.first { b"]\n" } else { b"\n]\n" })
    }
}
