//! Checking a text again after a pass of edits, paragraph by paragraph.
//!
//! Phrase and pattern rules find nothing across a paragraph break, and what
//! they find in a paragraph depends only on that paragraph and on the 100
//! characters of context around a match, which stop at paragraph breaks
//! too. So after a pass, only the paragraphs an edit touched are searched
//! again; the findings elsewhere are those of the previous pass, moved by
//! the edits before them. Glossary and consistency rules decide over the
//! whole text, but what they see lies within paragraphs too (see
//! [`crate::engine::sightings`]): their sightings are kept and searched
//! again the same way, and only the decision runs over the whole text at
//! every pass.
//!
//! The paragraphs are cut only at *clear* breaks: exactly one blank line,
//! with a line of text before it and a non-space character after it, and
//! no edit on those lines. There every definition of a paragraph break in
//! the engine agrees, whatever runs of blank lines or spaces there are
//! elsewhere, and the context on either side of the cut reads the same
//! bytes before and after the edits.

use super::Edit;
use crate::engine::sightings::Sighting;
use crate::engine::{Engine, Finding, blocks};
use crate::parallel;
use std::ops::Range;

/// The paragraph findings and the sightings of a text (see
/// [`Engine::search`]), kept from
/// pass to pass, each in order of start.
#[derive(Debug, Default)]
pub struct ParagraphFindings {
    findings: Vec<Finding>,
    sightings: Vec<Sighting>,
}

impl ParagraphFindings {
    /// The paragraph findings and sightings of the whole of `text`.
    pub fn of(engine: &Engine, text: &str) -> ParagraphFindings {
        let (mut findings, sightings) = parallel::paragraph_findings_and_sightings(engine, text);
        findings.sort_by_key(|f| f.span.start);
        ParagraphFindings {
            findings,
            sightings,
        }
    }

    /// All findings of `text`, whose paragraph findings these are: the same
    /// as `engine.check(text)`.
    pub fn complete(&self, engine: &Engine, text: &str) -> Vec<Finding> {
        engine.complete(text, self.findings.clone(), &self.sightings)
    }

    /// Brings the findings up to date with `new`, the text these findings
    /// were of with the (sorted, non-overlapping) `edits` applied: the
    /// paragraphs the edits touched are searched again.
    pub fn after_edits(&mut self, engine: &Engine, edits: &[Edit], new: &str) {
        let touched = touched_paragraphs(edits, new);
        let (mut findings, mut sightings) = (Vec::new(), Vec::new());
        for stretch in &touched {
            let (mut f, mut s) = (Vec::new(), Vec::new());
            engine.search(new, stretch.new.clone(), &mut f, &mut s);
            f.sort_by_key(|f| f.span.start);
            findings.push(f);
            sightings.push(s);
        }
        self.findings = update(std::mem::take(&mut self.findings), &touched, findings);
        self.sightings = update(std::mem::take(&mut self.sightings), &touched, sightings);
    }
}

/// What has a place in the text: findings and sightings.
trait Placed {
    fn span(&self) -> &Range<usize>;
    fn span_mut(&mut self) -> &mut Range<usize>;
}

impl Placed for Finding {
    fn span(&self) -> &Range<usize> {
        &self.span
    }
    fn span_mut(&mut self) -> &mut Range<usize> {
        &mut self.span
    }
}

impl Placed for Sighting {
    fn span(&self) -> &Range<usize> {
        &self.span
    }
    fn span_mut(&mut self) -> &mut Range<usize> {
        &mut self.span
    }
}

/// `old` (spans in the old text, in order of start) brought up to date with
/// the new text: those in the `touched` stretches replaced by `fresh`, what
/// was found in each stretch (in order of start), the others moved by the
/// edits before them.
fn update<T: Placed>(old: Vec<T>, touched: &[Touched], fresh: Vec<Vec<T>>) -> Vec<T> {
    let mut out = Vec::with_capacity(old.len());
    let mut old = old.into_iter().peekable();
    // Length of the new text minus that of the old, before the current place.
    let mut shift: isize = 0;
    for (stretch, found) in touched.iter().zip(fresh) {
        let old_start = (stretch.new.start as isize - shift) as usize;
        while let Some(item) = old.next_if(|t| t.span().start < old_start) {
            debug_assert!(item.span().end <= old_start, "a span crosses a clear break");
            out.push(moved(item, shift));
        }
        shift += stretch.growth;
        let old_end = (stretch.new.end as isize - shift) as usize;
        while old.next_if(|t| t.span().start < old_end).is_some() {}
        out.extend(found);
    }
    out.extend(old.map(|t| moved(t, shift)));
    out
}

fn moved<T: Placed>(mut item: T, shift: isize) -> T {
    let to = |at: usize| (at as isize + shift) as usize;
    let span = item.span_mut();
    *span = to(span.start)..to(span.end);
    item
}

/// Paragraphs of the new text that edits touched, with how much longer the
/// edits in them made the text.
#[derive(Debug, PartialEq, Eq)]
struct Touched {
    new: Range<usize>,
    growth: isize,
}

/// The stretches of `new` (the edited text) to search again: each edit
/// with the paragraphs around it, from the clear break before it to the
/// clear break after it, merged when they meet. In order.
fn touched_paragraphs(edits: &[Edit], new: &str) -> Vec<Touched> {
    let bytes = new.as_bytes();
    let mut out: Vec<Touched> = Vec::new();
    let mut shift: isize = 0;
    for edit in edits {
        let start = (edit.span.start as isize + shift) as usize;
        let end = start + edit.replacement.len();
        let growth = edit.replacement.len() as isize - edit.span.len() as isize;
        shift += growth;
        if let Some(last) = out.last_mut()
            && start <= last.new.end
        {
            // The clear break after an edit is never before the one after
            // an earlier edit; when the stretch's end still qualifies, it is
            // the answer, and not searching again for it keeps a long text
            // without breaks (one huge line) from being scanned once per edit.
            let still_clear = last.new.end == bytes.len()
                || blocks::clear_break_guard(bytes, last.new.end).is_some_and(|guard| guard >= end);
            if !still_clear {
                last.new.end = clear_break_after(bytes, end.max(last.new.end));
            }
            last.growth += growth;
            continue;
        }
        let floor = out.last().map_or(0, |t| t.new.end);
        out.push(Touched {
            new: clear_break_before(bytes, start, floor)..clear_break_after(bytes, end),
            growth,
        });
    }
    out
}

/// The last clear break at or after `floor` that is before `at` with its
/// lines, the text start, or `floor` itself (the end of a stretch already
/// taken, a clear break too) when there is none between.
fn clear_break_before(text: &[u8], at: usize, floor: usize) -> usize {
    let mut search_end = at;
    while let Some(nl) = memchr::memrchr(b'\n', &text[floor..search_end]) {
        let candidate = floor + nl + 1;
        // The character after the break must not be edited: `at` is past it.
        if candidate < at
            && let Some(guard) = blocks::clear_break_guard(text, candidate)
            && guard >= floor
        {
            return candidate;
        }
        search_end = floor + nl;
    }
    floor
}

/// The first clear break whose lines start at or after `at`, or the text end.
fn clear_break_after(text: &[u8], at: usize) -> usize {
    let mut from = at;
    while let Some(nl) = memchr::memchr(b'\n', &text[from..]) {
        let candidate = from + nl + 1;
        if let Some(guard) = blocks::clear_break_guard(text, candidate)
            && guard >= at
        {
            return candidate;
        }
        from = candidate;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(span: Range<usize>, replacement: &str) -> Edit {
        Edit {
            span,
            replacement: replacement.into(),
            rule: crate::rule::RuleId::new(0),
        }
    }

    #[test]
    fn clear_breaks_are_single_blank_lines_between_text() {
        let text = b"one\n\ntwo\r\n \r\nthree\n\n\nfour\n\n five\n\n";
        let breaks: Vec<usize> = (0..=text.len())
            .filter(|&at| blocks::clear_break_guard(text, at).is_some())
            .collect();
        let two = 5;
        let three = text.windows(5).position(|w| w == b"three").unwrap();
        assert_eq!(breaks, vec![two, three]);
        assert_eq!(blocks::clear_break_guard(text, two), Some(3));
    }

    #[test]
    fn touched_stretches_run_between_clear_breaks() {
        let text = "a b\n\nc XI d\nmore\n\ne f\n\ng XI\n\nh";
        let at = text.find("XI").unwrap();
        let edits = [edit(at..at + 2, "Xi")];
        let touched = touched_paragraphs(&edits, text);
        assert_eq!(touched.len(), 1);
        assert_eq!(&text[touched[0].new.clone()], "c XI d\nmore\n\n");
        // An edit at the start of a paragraph takes the paragraph before it
        // too: the character after a clear break must not change.
        let at = text.find("e f").unwrap();
        let touched = touched_paragraphs(&[edit(at..at + 1, "E")], text);
        assert_eq!(&text[touched[0].new.clone()], "c XI d\nmore\n\ne f\n\n");
    }

    #[test]
    fn nearby_edits_merge_and_growth_adds_up() {
        let text = "a XI XI b\n\nc\n\nd XI";
        let first = text.find("XI").unwrap();
        let last = text.rfind("XI").unwrap();
        // Edits given in the old text's coordinates; here the new text is
        // `text` and the replacements grow by one byte each.
        let edits = [
            edit(first..first + 1, "XI"),
            edit(first + 2..first + 3, "XI"),
            edit(last - 2..last - 1, "XI"),
        ];
        let touched = touched_paragraphs(&edits, text);
        assert_eq!(touched.len(), 2);
        assert_eq!(touched[0].growth, 2);
        assert_eq!(&text[touched[0].new.clone()], "a XI XI b\n\n");
        assert_eq!(&text[touched[1].new.clone()], "d XI");
    }

    /// What `touched_paragraphs` gives when it searches for the clear break
    /// after every edit, as it did before it skipped the searches it can.
    fn touched_searching_after_every_edit(edits: &[Edit], new: &str) -> Vec<Touched> {
        let bytes = new.as_bytes();
        let mut out: Vec<Touched> = Vec::new();
        let mut shift: isize = 0;
        for edit in edits {
            let start = (edit.span.start as isize + shift) as usize;
            let end = start + edit.replacement.len();
            let growth = edit.replacement.len() as isize - edit.span.len() as isize;
            shift += growth;
            match out.last_mut() {
                Some(last) if start <= last.new.end => {
                    last.new.end = last.new.end.max(clear_break_after(bytes, end));
                    last.growth += growth;
                }
                _ => {
                    let floor = out.last().map_or(0, |t| t.new.end);
                    out.push(Touched {
                        new: clear_break_before(bytes, start, floor)..clear_break_after(bytes, end),
                        growth,
                    });
                }
            }
        }
        out
    }

    proptest::proptest! {
        /// Edits of one byte into one to three bytes, anywhere in a text of
        /// lines, blank lines and spaces: the stretches are those found by
        /// searching after every edit.
        #[test]
        fn skipped_searches_change_no_stretch(
            text in "[ab \n]{0,60}",
            picks in proptest::collection::vec((0usize..60, 1usize..4), 0..8),
        ) {
            // Non-overlapping old spans, in order, of one byte each; the new
            // text is `text` itself, so the edits' replacements are cut from it.
            let mut edits = Vec::new();
            let (mut old_at, mut new_at) = (0usize, 0usize);
            let mut picks = picks;
            picks.sort();
            for (gap, len) in picks {
                let new_start = new_at + gap.min(3);
                if new_start + len > text.len() {
                    break;
                }
                let old_start = old_at + (new_start - new_at);
                edits.push(edit(old_start..old_start + 1, &text[new_start..new_start + len]));
                old_at = old_start + 1;
                new_at = new_start + len;
            }
            proptest::prop_assert_eq!(
                touched_paragraphs(&edits, &text),
                touched_searching_after_every_edit(&edits, &text)
            );
        }
    }
}
