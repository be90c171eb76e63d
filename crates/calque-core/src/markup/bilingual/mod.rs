//! Bilingual files: each translation (the *target*) next to its source.
//!
//! A reader turns a file into [`Unit`]s: an id, the source text, the target
//! text, and a [`Piece`] map from the target text back to the bytes of the
//! file. Two things follow from one map:
//!
//! - the monolingual rules run on the file itself with every byte outside
//!   the targets' verbatim text masked (`Document::excluded`, the
//!   mechanism the markup readers use), so their findings carry the file's
//!   own positions and fixes edit the file in place;
//! - the bilingual checks (`checks`) compare decoded source and target
//!   text and map what they find back to file bytes with
//!   `Unit::file_range`.
//!
//! An escape (an XML entity such as `&amp;`, a PO `\"`) is decoded in the
//! target text but is not verbatim: the monolingual rules never see it (it
//! is masked, so no match starts, ends or runs through it), and a bilingual
//! finding whose text includes it covers the whole escape in the file.

pub(crate) mod checks;
pub(crate) mod numbers;
pub(crate) mod placeholders;
mod po;
pub(crate) mod script;
mod table;
mod tmx;
mod xliff;
mod xml;

use crate::engine::{Engine, Finding, Fix};
use crate::rule::Applicability;
use std::ops::Range;
use std::path::Path;

pub use checks::Check;

/// A stretch of decoded target text and the file bytes it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Where the stretch starts in [`Unit::target`].
    pub text_start: usize,
    /// Its bytes in the file.
    pub file: Range<usize>,
    /// Whether the text is the file's bytes as they are (`false` for an
    /// escape, an entity or an inline code).
    pub verbatim: bool,
}

/// One translation unit with its source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unit {
    /// The unit's id in the file (`trans-unit/@id`, a PO msgid, `row 3`...).
    pub id: String,
    /// The source text, decoded (escapes resolved, inline codes as [`CODE_MARK`]).
    pub source: String,
    /// The translation, decoded the same way; what the rules check.
    pub target: String,
    /// Inline codes of the source and the target (XLIFF, TMX), written
    /// like `<ph id="1"/>`; each also stands in the text as [`CODE_MARK`].
    pub source_codes: Vec<String>,
    /// Inline codes of the target, as `source_codes` for the source.
    pub target_codes: Vec<String>,
    /// The target's content in the file.
    pub span: Range<usize>,
    /// The target's text, stretch by stretch, in order.
    pub pieces: Vec<Piece>,
    /// The file says the target is in the source's language (an `en_GB`
    /// catalogue of English messages): a target equal to its source is
    /// expected there.
    pub same_language: bool,
    /// For one form of a plural message (PO `msgstr[N]`), the other source
    /// form (`msgid_plural` for `msgstr[0]`, `msgid` for the others): a
    /// form may take placeholders from either, and spell its number out.
    pub plural: Option<String>,
}

/// The character an inline code becomes in decoded text: U+FFFC, the
/// object replacement character (not a letter, a digit nor a space).
pub const CODE_MARK: char = '\u{fffc}';

impl Unit {
    /// The file bytes of a range of [`Unit::target`]: a range that starts or
    /// ends inside an escape or a code covers all of it.
    pub(crate) fn file_range(&self, text: Range<usize>) -> Range<usize> {
        let start = self.file_offset(text.start, false);
        let end = self.file_offset(text.end, true).max(start);
        start..end
    }

    fn file_offset(&self, at: usize, is_end: bool) -> usize {
        let text_end = |i: usize| {
            self.pieces
                .get(i + 1)
                .map_or(self.target.len(), |p| p.text_start)
        };
        // The piece holding `at`; an end at a piece boundary belongs to the
        // piece before it.
        let found = self.pieces.iter().enumerate().find(|(i, p)| {
            let end = text_end(*i);
            if is_end {
                p.text_start < at && at <= end
            } else {
                p.text_start <= at && at < end
            }
        });
        match found {
            Some((_, p)) if p.verbatim => p.file.start + (at - p.text_start),
            Some((_, p)) => {
                if is_end {
                    p.file.end
                } else {
                    p.file.start
                }
            }
            None if is_end || at >= self.target.len() => self.span.end,
            None => self.span.start,
        }
    }

    /// Appends verbatim text that sits at `file` in the file.
    pub(crate) fn push_verbatim(&mut self, text: &str, file: usize) {
        self.push(text, file..file + text.len(), true);
    }

    /// Appends decoded text standing for the bytes `file` (an escape, a code).
    pub(crate) fn push_decoded(&mut self, text: &str, file: Range<usize>) {
        self.push(text, file, false);
    }

    fn push(&mut self, text: &str, file: Range<usize>, verbatim: bool) {
        if file.is_empty() {
            return;
        }
        self.pieces.push(Piece {
            text_start: self.target.len(),
            file,
            verbatim,
        });
        self.target.push_str(text);
    }
}

/// Whether two language tags name the same language (`en_GB` and
/// `en-US`: the primary subtag decides).
pub fn same_language(a: &str, b: &str) -> bool {
    let primary = |tag: &str| {
        tag.split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    !a.is_empty() && primary(a) == primary(b)
}

/// The kinds of bilingual file, told by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.xlf`, `.xliff`, `.sdlxliff`: XLIFF 1.2 and 2.x.
    Xliff,
    /// `.po`, `.pot`
    Gettext,
    /// `.tmx`: TMX 1.4.
    Tmx,
    /// `.tsv`, `.tab`
    Tsv,
    /// `.csv`
    Csv,
}

impl Format {
    /// The format a file name's extension says, if it is a bilingual one.
    pub fn for_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "xlf" | "xliff" | "sdlxliff" => Format::Xliff,
            "po" | "pot" => Format::Gettext,
            "tmx" => Format::Tmx,
            "tsv" | "tab" => Format::Tsv,
            "csv" => Format::Csv,
            _ => return None,
        })
    }

    /// A replacement as it must be written inside a target of this format.
    pub fn escape(self, text: &str) -> String {
        match self {
            Format::Xliff | Format::Tmx => text
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;"),
            Format::Gettext => crate::markup::gettext::escape(text),
            Format::Tsv | Format::Csv => text.to_string(),
        }
    }

    /// Whether `text` can go into a target of this format with
    /// [`Format::escape`] (a table cell cannot take a separator or a quote).
    pub(crate) fn can_write(self, text: &str) -> bool {
        match self {
            Format::Tsv => !text.contains(['\t', '\n', '\r', '"']),
            Format::Csv => !text.contains(['\t', '\n', '\r', '"', ',']),
            _ => true,
        }
    }
}

/// How a bilingual file is read (the command line's options).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// TMX: the language of the targets (default: every language but the
    /// source's).
    pub target_lang: Option<String>,
    /// TSV/CSV: the names of the source and target columns (default
    /// `source` and `target`).
    pub columns: Option<(String, String)>,
    /// PO: check fuzzy entries too.
    pub include_fuzzy: bool,
}

/// Why a bilingual file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// Malformed XML, at a byte offset.
    #[error("invalid XML at byte {offset}: {message}")]
    Xml {
        /// Byte offset of the fault in the file.
        offset: usize,
        /// The XML parser's description of it.
        message: String,
    },
    /// A table without the named columns.
    #[error("no column named `{0}` in the header")]
    NoColumn(String),
    /// `--source` and the target differ in length.
    #[error("the source has {source_lines} lines, the target {target_lines}")]
    LineCount {
        /// Lines of the source file.
        source_lines: usize,
        /// Lines of the target file.
        target_lines: usize,
    },
}

/// The units of a bilingual file, in file order; `None` for a table whose
/// header names no source and target column (when no `columns` were asked
/// for): it is an ordinary text.
pub fn read(
    format: Format,
    text: &str,
    options: &ReadOptions,
) -> Result<Option<Vec<Unit>>, ReadError> {
    let units = match format {
        Format::Xliff => Some(xliff::read(text)?),
        Format::Tmx => Some(tmx::read(text, options.target_lang.as_deref())?),
        Format::Gettext => Some(po::read(text, options.include_fuzzy)),
        Format::Tsv => table::read(text, b'\t', options.columns.as_ref())?,
        Format::Csv => table::read(text, b',', options.columns.as_ref())?,
    };
    Ok(units.map(|mut units| {
        // A unit with no translation yet is work to do, not an error.
        units.retain(|u| !u.target.trim().is_empty() && !u.source.trim().is_empty());
        units.sort_by_key(|u| u.span.start);
        units
    }))
}

/// Everything found in one bilingual file.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    /// The units read, in file order.
    pub units: Vec<Unit>,
    /// The monolingual rules' findings in the targets (file positions,
    /// replacements escaped for the format).
    pub findings: Vec<Finding>,
    /// The bilingual rules' findings.
    pub notes: Vec<Note>,
}

/// Runs every rule on a bilingual file: the monolingual rules on the
/// targets, the bilingual rules on each unit. `None`: not a bilingual file
/// after all (a table without source and target columns).
pub fn check_file(
    engine: &Engine,
    format: Format,
    text: &str,
    options: &ReadOptions,
) -> Result<Option<Checked>, ReadError> {
    let Some(units) = read(format, text, options)? else {
        return Ok(None);
    };
    Ok(Some(check_units(engine, Some(format), text, units)))
}

/// [`check_file`] for units already read (a line-aligned pair: `format`
/// is `None`, replacements go in as they are).
pub fn check_units(
    engine: &Engine,
    format: Option<Format>,
    text: &str,
    units: Vec<Unit>,
) -> Checked {
    let layout = crate::markup::Layout {
        excluded: excluded(&units, text.len()),
        suppressions: Vec::new(),
    };
    let mut findings = crate::markup::check_layout(engine, text, &layout);
    if let Some(format) = format {
        crate::markup::escape_replacements(format, &mut findings);
    }
    let notes = check(engine, format, &units);
    Checked {
        units,
        findings,
        notes,
    }
}

/// Units of a line-aligned pair of plain texts: line N of `source`
/// translates to line N of `target`.
pub fn read_aligned(source: &str, target: &str) -> Result<Vec<Unit>, ReadError> {
    let sources: Vec<&str> = crate::markup::lines(source).map(|r| &source[r]).collect();
    let targets: Vec<Range<usize>> = crate::markup::lines(target).collect();
    if sources.len() != targets.len() {
        return Err(ReadError::LineCount {
            source_lines: sources.len(),
            target_lines: targets.len(),
        });
    }
    let mut units = Vec::new();
    for (n, (src, range)) in sources.iter().zip(targets).enumerate() {
        let mut unit = Unit {
            id: format!("line {}", n + 1),
            source: src.to_string(),
            span: range.clone(),
            ..Unit::default()
        };
        unit.push_verbatim(&target[range.clone()], range.start);
        if !unit.target.trim().is_empty() && !unit.source.trim().is_empty() {
            units.push(unit);
        }
    }
    Ok(units)
}

/// The bytes of the file the monolingual rules must not see: everything
/// but the targets' verbatim text.
pub fn excluded(units: &[Unit], len: usize) -> Vec<Range<usize>> {
    let mut open: Vec<Range<usize>> = units
        .iter()
        .flat_map(|u| {
            u.pieces
                .iter()
                .filter(|p| p.verbatim)
                .map(|p| p.file.clone())
        })
        .collect();
    open.sort_by_key(|r| r.start);
    let mut excluded = Vec::new();
    let mut at = 0;
    for r in open {
        if r.start > at {
            excluded.push(at..r.start);
        }
        at = at.max(r.end);
    }
    if at < len {
        excluded.push(at..len);
    }
    excluded
}

/// A bilingual finding: the finding (span in file bytes) with its unit and
/// what exactly differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The finding, its span in file bytes.
    pub finding: Finding,
    /// Index into the units.
    pub unit: usize,
    /// What the check saw, e.g. "the source's 5万 (50000) is not in the target".
    pub detail: String,
}

/// Runs the engine's bilingual rules on every unit.
pub fn check(engine: &Engine, format: Option<Format>, units: &[Unit]) -> Vec<Note> {
    let terms: Vec<&checks::Term> = engine
        .bilingual_checks()
        .iter()
        .filter_map(|(_, check)| match check {
            Check::Term(term) => Some(term),
            _ => None,
        })
        .collect();
    let mut notes = Vec::new();
    for (index, unit) in units.iter().enumerate() {
        for (rule, check) in engine.bilingual_checks() {
            for mut problem in check.run(unit) {
                if matches!(check, Check::Untranslated) && problem.replacement.is_none() {
                    problem.replacement = rendering(&terms, &unit.target[problem.range.clone()]);
                }
                // A certain fix follows the rule; a rendering only shown (a
                // number's) is never applied.
                let (replacement, applicability) = match (problem.replacement, problem.shown) {
                    (Some(fix), _) => (Some(fix), engine.rule(*rule).applicability),
                    (None, shown) => (shown, Applicability::DisplayOnly),
                };
                let mut replacements: Vec<String> = replacement.into_iter().collect();
                if let Some(format) = format {
                    replacements.retain(|r| format.can_write(r));
                    replacements = replacements.iter().map(|r| format.escape(r)).collect();
                }
                notes.push(Note {
                    finding: Finding {
                        rule: *rule,
                        span: unit.file_range(problem.range),
                        fix: Fix::new(replacements, applicability),
                    },
                    unit: index,
                    detail: problem.detail,
                });
            }
        }
    }
    notes
}

/// The term base's rendering of a run left in the source's language, when
/// a loaded `term` rule has exactly that run as a source term: the fix of
/// an untranslated leftover (`人民币` → the term base's "renminbi").
fn rendering(terms: &[&checks::Term], run: &str) -> Option<String> {
    let run = run.trim();
    terms
        .iter()
        .find(|t| t.source.iter().any(|s| s == run))
        .and_then(|t| t.target.first().cloned())
}

/// The unit whose target holds byte `at` of the file, if any (units are in
/// file order).
pub fn unit_at(units: &[Unit], at: usize) -> Option<usize> {
    let i = units.partition_point(|u| u.span.end < at);
    units
        .get(i)
        .filter(|u| u.span.start <= at && at <= u.span.end)
        .map(|_| i)
}

#[cfg(test)]
mod tests;
