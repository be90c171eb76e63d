//! One interface over the output formats of `check`: begin, one call per
//! finding, finish. Streaming formats write as they go; SARIF, being one
//! document, writes at the end.

use super::github;
use super::human;
use super::json::JsonPrinter;
use super::sarif::SarifPrinter;
use super::style::Style;
use super::{Format, Record};
use calque_core::engine::Engine;
use std::io::{self, Write};

pub enum Printer<'e> {
    Human(Style),
    Json(JsonPrinter),
    Sarif(SarifPrinter<'e>),
    Github,
}

impl<'e> Printer<'e> {
    pub fn begin(
        format: Format,
        style: Style,
        engine: &'e Engine,
        out: &mut impl Write,
    ) -> io::Result<Printer<'e>> {
        Ok(match format {
            Format::Human => Printer::Human(style),
            Format::Json => Printer::Json(JsonPrinter::begin(out)?),
            Format::Sarif => Printer::Sarif(SarifPrinter::new(engine)),
            Format::Github => Printer::Github,
        })
    }

    /// Prints one finding. The human format shows `line_window`, a part of
    /// the finding's line that starts `skipped` characters into it (see
    /// [`human::line_window`]).
    pub fn record(
        &mut self,
        out: &mut impl Write,
        record: &Record,
        line_window: &str,
        skipped: usize,
    ) -> io::Result<()> {
        match self {
            Printer::Human(style) => {
                human::write_record_in_window(out, *style, record, line_window, skipped)
            }
            Printer::Json(printer) => printer.record(out, record),
            Printer::Sarif(printer) => {
                printer.record(record);
                Ok(())
            }
            Printer::Github => github::write_record(out, record),
        }
    }

    pub fn finish(self, out: &mut impl Write) -> io::Result<()> {
        match self {
            Printer::Human(_) | Printer::Github => Ok(()),
            Printer::Json(printer) => printer.finish(out),
            Printer::Sarif(printer) => printer.finish(out),
        }
    }
}
