//! Reading a file according to its type: which bytes are prose to check and
//! which are markup, code or metadata that must never be flagged or changed.
//!
//! Each format module only answers one question: given the text, which byte
//! ranges are excluded, and which findings do the file's own comments
//! silence. The engine stays pure and unaware of markup: it runs on a
//! *masked* copy of the text, the same length, where every excluded byte is
//! replaced by `PLACEHOLDER` (neither a word character nor whitespace, so
//! no word, phrase or `\b` can reach across it). Line breaks are kept so
//! lines do not merge. Offsets into the masked copy are offsets into the
//! original, so findings, reports and fixes all point at the real file.

pub mod bilingual;
mod directives;
pub(crate) mod gettext;
pub(crate) mod markdown;
pub(crate) mod subtitles;

use crate::engine::{Engine, Finding};
use crate::fix::{self, Outcome};
use crate::parallel;
use std::ops::Range;
use std::path::Path;

pub use directives::Suppression;

/// The byte every excluded byte becomes in the masked copy: ASCII SUB
/// ("substitute"), which is not whitespace (Unicode White_Space, as the
/// `regex` crate and `char::is_whitespace` use) and not a word character.
pub(crate) const PLACEHOLDER: u8 = 0x1a;

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Any other file: all of it is prose.
    Plain,
    /// `.md`, `.markdown`
    Markdown,
    /// `.srt`, `.vtt`
    Subtitles,
    /// `.po`, `.pot`
    Gettext,
    /// XLIFF, TMX, TSV/CSV: only the translations are checked (see
    /// [`crate::markup::bilingual`]).
    Bilingual(crate::markup::bilingual::Format),
}

impl Kind {
    /// The kind of a file, from its extension (case-insensitive).
    pub fn for_path(path: &Path) -> Kind {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("md" | "markdown") => Kind::Markdown,
            Some("srt" | "vtt") => Kind::Subtitles,
            Some("po" | "pot") => Kind::Gettext,
            _ => match crate::markup::bilingual::Format::for_path(path) {
                Some(format) => Kind::Bilingual(format),
                None => Kind::Plain,
            },
        }
    }

    /// How the file is read as a bilingual file, if it is one.
    pub fn bilingual_format(self) -> Option<crate::markup::bilingual::Format> {
        match self {
            Kind::Gettext => Some(crate::markup::bilingual::Format::Gettext),
            Kind::Bilingual(format) => Some(format),
            _ => None,
        }
    }
}

/// What a format module says about a text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// Byte ranges never flagged nor changed, sorted and disjoint.
    pub excluded: Vec<Range<usize>>,
    /// Ranges where the file's own comments silence some or all rules.
    pub suppressions: Vec<Suppression>,
}

/// The layout of `text` read as `kind`.
pub fn layout(kind: Kind, text: &str) -> Layout {
    let mut layout = match kind {
        Kind::Plain => Layout::default(),
        Kind::Markdown => markdown::layout(text),
        Kind::Subtitles => subtitles::layout(text),
        Kind::Gettext => gettext::layout(text),
        Kind::Bilingual(format) => bilingual_layout(format, text),
    };
    layout.excluded = normalise(std::mem::take(&mut layout.excluded));
    layout
}

/// Only the translations of a bilingual file are prose; a file that cannot
/// be read has none (nothing is flagged or changed), a table that names no
/// source and target columns is an ordinary text.
fn bilingual_layout(format: crate::markup::bilingual::Format, text: &str) -> Layout {
    use crate::markup::bilingual;
    let excluded = match bilingual::read(format, text, &bilingual::ReadOptions::default()) {
        Ok(Some(units)) => bilingual::excluded(&units, text.len()),
        Ok(None) => Vec::new(),
        Err(_) => std::iter::once(0..text.len()).collect(),
    };
    Layout {
        excluded,
        suppressions: Vec::new(),
    }
}

/// Sorts ranges, drops empty ones and merges those that touch or overlap.
pub fn normalise(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.retain(|r| r.start < r.end);
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// A copy of `text` of the same length with every excluded byte replaced by
/// [`PLACEHOLDER`], except line breaks. Every byte of a multi-byte character
/// is replaced, so the copy is valid UTF-8 as long as the ranges fall on
/// character boundaries (the format modules only cut there).
pub(crate) fn mask(text: &str, excluded: &[Range<usize>]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for r in excluded {
        for b in &mut bytes[r.clone()] {
            if *b != b'\n' {
                *b = PLACEHOLDER;
            }
        }
    }
    String::from_utf8(bytes).expect("excluded ranges fall on character boundaries")
}

/// Findings in `text` read as `kind`: the engine runs on the masked copy,
/// and findings that touch excluded bytes (a defence: the mask should
/// already prevent them) or that the file's comments silence are dropped.
/// Spans and replacements are valid for the original `text`.
pub fn check_document(engine: &Engine, kind: Kind, text: &str) -> Vec<Finding> {
    if kind == Kind::Plain {
        return parallel::check(engine, text);
    }
    let layout = layout(kind, text);
    let mut findings = check_layout(engine, text, &layout);
    if let Some(format) = kind.bilingual_format() {
        escape_replacements(format, &mut findings);
        // The bilingual checks' certain fixes (read with default options).
        let options = crate::markup::bilingual::ReadOptions::default();
        if let Ok(Some(units)) = crate::markup::bilingual::read(format, text, &options) {
            let notes = crate::markup::bilingual::check(engine, Some(format), &units);
            findings.extend(notes.into_iter().map(|n| n.finding));
            findings.sort_by_key(|f| (f.span.start, f.span.end));
        }
    }
    findings
}

/// Findings in `text` outside the `layout`'s excluded ranges and
/// suppressions; replacements are as the engine made them.
pub(crate) fn check_layout(engine: &Engine, text: &str, layout: &Layout) -> Vec<Finding> {
    let masked = mask(text, &layout.excluded);
    let mut findings = parallel::check(engine, &masked);
    findings.retain(|f| {
        !overlaps_any(&f.span, &layout.excluded)
            && !layout
                .suppressions
                .iter()
                .any(|s| s.silences(&engine.rule(f.rule).id, f.span.start))
    });
    findings
}

/// Writes replacements as the format needs them inside a translation
/// (escaped), dropping those it cannot hold.
pub(crate) fn escape_replacements(
    format: crate::markup::bilingual::Format,
    findings: &mut [Finding],
) {
    for f in findings {
        if let Some(fix) = &mut f.fix {
            fix.replacements.retain(|r| format.can_write(r));
            for r in &mut fix.replacements {
                *r = format.escape(r);
            }
            if fix.replacements.is_empty() {
                f.fix = None;
            }
        }
    }
}

/// Fixes `text` read as `kind` to a fixpoint; the layout is worked out again
/// on every pass, since edits move the text.
pub fn fix_document(
    engine: &Engine,
    kind: Kind,
    text: impl Into<String>,
    unsafe_fixes: bool,
) -> Outcome {
    if kind == Kind::Plain {
        return fix::fix_text(engine, text, unsafe_fixes);
    }
    fix::fix_text_with(engine, text, unsafe_fixes, |t| {
        check_document(engine, kind, t)
    })
}

/// Whether `span` shares a byte with one of the sorted, disjoint `ranges`.
fn overlaps_any(span: &Range<usize>, ranges: &[Range<usize>]) -> bool {
    // The first range that ends after the span starts is the only candidate.
    let i = ranges.partition_point(|r| r.end <= span.start);
    ranges.get(i).is_some_and(|r| r.start < span.end)
}

/// Byte ranges of the lines of `text`, each without its line break
/// (`\n` or `\r\n`).
pub fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').map(move |line| {
        let begin = start;
        start += line.len();
        let body = line.strip_suffix('\n').unwrap_or(line);
        let body = body.strip_suffix('\r').unwrap_or(body);
        begin..begin + body.len()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{TestPack, TestRule};

    fn xi_engine() -> Engine {
        TestPack::new("test").rule(TestRule::xi_all_caps()).engine()
    }

    #[test]
    fn kinds_come_from_extensions() {
        assert_eq!(Kind::for_path(Path::new("a/README.MD")), Kind::Markdown);
        assert_eq!(Kind::for_path(Path::new("x.markdown")), Kind::Markdown);
        assert_eq!(Kind::for_path(Path::new("film.srt")), Kind::Subtitles);
        assert_eq!(Kind::for_path(Path::new("film.vtt")), Kind::Subtitles);
        assert_eq!(Kind::for_path(Path::new("fr.po")), Kind::Gettext);
        assert_eq!(Kind::for_path(Path::new("app.pot")), Kind::Gettext);
        assert_eq!(Kind::for_path(Path::new("notes.txt")), Kind::Plain);
        assert_eq!(Kind::for_path(Path::new("Makefile")), Kind::Plain);
    }

    #[test]
    fn masking_keeps_length_line_breaks_and_utf8() {
        let text = "é XI\n`XI é`\r\nend";
        let code = text.find('`').unwrap()..text.rfind('`').unwrap() + 1;
        let cr = text.find('\r').unwrap();
        let masked = mask(text, &[code.clone(), cr..cr + 1]);
        assert_eq!(masked.len(), text.len());
        assert_eq!(&masked[..code.start], &text[..code.start]);
        assert!(masked[code].bytes().all(|b| b == PLACEHOLDER));
        assert!(masked.ends_with("\u{1a}\nend"));
        assert_eq!(masked.matches('\n').count(), text.matches('\n').count());
    }

    #[test]
    fn the_placeholder_is_neither_a_word_nor_a_space() {
        let c = PLACEHOLDER as char;
        assert!(!c.is_whitespace() && !c.is_alphanumeric() && c != '_');
        let word = regex::Regex::new(r"\bXI\b").unwrap();
        assert!(word.is_match(&format!("{c}XI{c}")));
        assert!(!regex::Regex::new(r"\s").unwrap().is_match(&c.to_string()));
    }

    #[test]
    fn overlap_is_any_shared_byte() {
        let ranges = [2..4, 8..10];
        assert!(!overlaps_any(&(0..2), &ranges));
        assert!(overlaps_any(&(0..3), &ranges));
        assert!(overlaps_any(&(3..9), &ranges));
        assert!(!overlaps_any(&(4..8), &ranges));
        assert!(!overlaps_any(&(10..12), &ranges));
    }

    #[test]
    fn ranges_are_merged() {
        assert_eq!(normalise(vec![5..7, 0..2, 2..3, 6..9, 4..4]), [0..3, 5..9]);
    }

    #[test]
    fn plain_text_is_checked_whole() {
        let engine = xi_engine();
        let text = "`XI` said";
        assert_eq!(check_document(&engine, Kind::Plain, text).len(), 1);
        assert!(check_document(&engine, Kind::Markdown, text).is_empty());
    }

    #[test]
    fn fixes_leave_markup_alone() {
        let engine = xi_engine();
        let text = "XI said:\n\n```\nXI said\n```\n";
        let outcome = fix_document(&engine, Kind::Markdown, text, false);
        assert_eq!(outcome.text, "Xi said:\n\n```\nXI said\n```\n");
    }

    #[test]
    fn gettext_replacements_are_escaped() {
        let engine = TestPack::new("test")
            .rule(
                TestRule::phrase("quote", "so called")
                    .replace(r#"so-called "quoted""#)
                    .safe(),
            )
            .engine();
        let po = "msgid \"so called\"\nmsgstr \"so called\"\n";
        let outcome = fix_document(&engine, Kind::Gettext, po, false);
        assert_eq!(
            outcome.text,
            "msgid \"so called\"\nmsgstr \"so-called \\\"quoted\\\"\"\n"
        );
    }

    proptest::proptest! {
        /// Any text, read as any kind, masks to valid UTF-8 of the same
        /// length with its line breaks in place.
        #[test]
        fn masking_never_breaks_text(text in "(?s)[-`*<>!\\[\\]()\"#:,.0-9 \\\\\n\r\ta-zé漢]{0,80}") {
            for kind in [Kind::Markdown, Kind::Subtitles, Kind::Gettext] {
                let layout = layout(kind, &text);
                let masked = mask(&text, &layout.excluded);
                proptest::prop_assert_eq!(masked.len(), text.len());
                for (a, b) in masked.bytes().zip(text.bytes()) {
                    proptest::prop_assert_eq!(a == b'\n', b == b'\n');
                }
            }
        }

        /// Fixing Markdown never changes a code span or a code block.
        #[test]
        fn markdown_code_survives_fixing(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "XI said ", "`XI` ", "\n\n```\nXI said\n```\n\n", "Pope Pius XI ",
                "\n\n    XI code\n\n", "[XI](XI) ", "<b>XI</b> ", "\n",
            ]),
            0..12,
        )) {
            let engine = xi_engine();
            let text: String = parts.concat();
            let fixed = fix_document(&engine, Kind::Markdown, &text, true).text;
            let code = |t: &str| -> Vec<String> {
                markdown_code(t)
            };
            proptest::prop_assert_eq!(code(&text), code(&fixed));
            proptest::prop_assert_eq!(fixed.len(), text.len());
        }
    }

    /// The code spans and code blocks of a Markdown text, as written.
    fn markdown_code(text: &str) -> Vec<String> {
        use pulldown_cmark::{Event, Parser, Tag};
        Parser::new(text)
            .into_offset_iter()
            .filter(|(e, _)| matches!(e, Event::Code(_) | Event::Start(Tag::CodeBlock(_))))
            .map(|(_, r)| text[r].to_string())
            .collect()
    }

    #[test]
    fn lines_drop_their_breaks() {
        let text = "a\r\nbc\n\nd";
        let got: Vec<&str> = lines(text).map(|r| &text[r]).collect();
        assert_eq!(got, ["a", "bc", "", "d"]);
    }
}
