//! False positives on edited English: what `calque fix` would change in a
//! text that no machine translated, and how many findings it draws.
//!
//! Every edit of such a text is wrong unless it corrects a real typo of the
//! source, listed in a *right-edits* file: one `FILE<TAB>SNIPPET` a line
//! (`#` comments), where FILE is the text's file name and SNIPPET a piece of
//! its original text that contains the edited span. Pure: text in, figures
//! out; reading the files is the command line's job.

use crate::engine::Engine;
use crate::eval::EvalError;
use crate::fix;
use crate::rule::Level;
use crate::source::LineIndex;
use serde::Serialize;

/// A real typo of a clean text: fixing it is right.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RightEdit {
    /// The file name of the text (no directory).
    pub file: String,
    /// A piece of the original text around the typo.
    pub snippet: String,
}

/// Parses a right-edits file: `FILE<TAB>SNIPPET` lines, `#` comments and
/// blank lines skipped.
pub fn parse_right_edits(label: &str, text: &str) -> Result<Vec<RightEdit>, EvalError> {
    let mut list = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (file, snippet) = line
            .split_once('\t')
            .filter(|(f, s)| !f.is_empty() && !s.is_empty())
            .ok_or_else(|| EvalError::RightEdits {
                file: label.to_string(),
                line: number + 1,
            })?;
        list.push(RightEdit {
            file: file.to_string(),
            snippet: snippet.to_string(),
        });
    }
    Ok(list)
}

/// One edit `calque fix` makes in a clean text (its first pass).
#[derive(Debug, Clone, Serialize)]
pub struct CleanEdit {
    pub line: usize,
    pub rule: String,
    pub matched: String,
    pub replacement: String,
    /// The line around the edit, for reading.
    pub snippet: String,
    /// Whether it corrects a listed real typo.
    pub right: bool,
}

/// Findings of each level.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct LevelCounts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

impl LevelCounts {
    fn count(&mut self, level: Level) {
        match level {
            Level::Error => self.error += 1,
            Level::Warning => self.warning += 1,
            Level::Info => self.info += 1,
        }
    }

    pub fn add(&mut self, other: &LevelCounts) {
        self.error += other.error;
        self.warning += other.warning;
        self.info += other.info;
    }
}

/// The figures of one clean text.
#[derive(Debug, Clone, Serialize)]
pub struct CleanScore {
    pub bytes: usize,
    pub edits: Vec<CleanEdit>,
    /// Listed typos of this text that no edit corrected.
    pub missed_right_edits: Vec<String>,
    pub findings: LevelCounts,
    /// Of `findings`, those on no listed typo: the false positives.
    pub false_findings: LevelCounts,
}

/// Scores `text`, whose file name is `file`, against the right edits listed
/// for that name.
pub fn score(
    engine: &Engine,
    file: &str,
    text: &str,
    right_edits: &[RightEdit],
    unsafe_fixes: bool,
) -> CleanScore {
    // Where each listed typo may be: every occurrence of its snippet.
    let typos: Vec<(usize, std::ops::Range<usize>)> = right_edits
        .iter()
        .enumerate()
        .filter(|(_, r)| r.file == file)
        .flat_map(|(i, r)| {
            text.match_indices(r.snippet.as_str())
                .map(move |(at, s)| (i, at..at + s.len()))
        })
        .collect();
    let on_typo = |span: &std::ops::Range<usize>| {
        typos
            .iter()
            .any(|(_, r)| r.start <= span.start && span.end <= r.end)
    };
    let (mut findings, mut false_findings) = (LevelCounts::default(), LevelCounts::default());
    for f in engine.check(text) {
        let level = engine.rule(f.rule).level;
        findings.count(level);
        if !on_typo(&f.span) {
            false_findings.count(level);
        }
    }
    let outcome = fix::fix_text(engine, text, unsafe_fixes);
    let lines = LineIndex::new(text);
    let mut corrected = vec![false; right_edits.len()];
    let edits = outcome
        .passes
        .first()
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .map(|e| {
            let typo = typos
                .iter()
                .find(|(_, r)| r.start <= e.span.start && e.span.end <= r.end);
            if let Some((i, _)) = typo {
                corrected[*i] = true;
            }
            let line = lines.line(e.span.start);
            CleanEdit {
                line,
                rule: engine.rule(e.rule).id.clone(),
                matched: text[e.span.clone()].to_string(),
                replacement: e.replacement.clone(),
                snippet: around(text, e.span.clone()),
                right: typo.is_some(),
            }
        })
        .collect();
    let missed_right_edits = right_edits
        .iter()
        .zip(&corrected)
        .filter(|(r, done)| r.file == file && !**done)
        .map(|(r, _)| r.snippet.clone())
        .collect();
    CleanScore {
        bytes: text.len(),
        edits,
        missed_right_edits,
        findings,
        false_findings,
    }
}

/// About 30 characters either side of `span`, on its line.
fn around(text: &str, span: std::ops::Range<usize>) -> String {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    let start = text[line_start..span.start]
        .char_indices()
        .rev()
        .nth(29)
        .map_or(line_start, |(i, _)| line_start + i);
    let end = text[span.end..line_end]
        .char_indices()
        .nth(30)
        .map_or(line_end, |(i, _)| span.end + i);
    text[start..end].to_string()
}

/// The figures of several clean texts together.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CleanTotals {
    pub texts: usize,
    pub bytes: usize,
    pub edits: usize,
    pub right_edits: usize,
    pub wrong_edits: usize,
    pub missed_right_edits: usize,
    pub findings: LevelCounts,
    pub false_findings: LevelCounts,
    /// Warning-or-error findings per MB (10^6 bytes).
    pub warning_or_error_per_mb: f64,
    /// The same, without the findings on listed real typos.
    pub false_warning_or_error_per_mb: f64,
    pub error_per_mb: f64,
    pub warning_per_mb: f64,
    pub info_per_mb: f64,
}

impl CleanTotals {
    pub fn of<'a>(scores: impl IntoIterator<Item = &'a CleanScore>) -> CleanTotals {
        let mut t = CleanTotals::default();
        for s in scores {
            t.texts += 1;
            t.bytes += s.bytes;
            t.edits += s.edits.len();
            t.right_edits += s.edits.iter().filter(|e| e.right).count();
            t.missed_right_edits += s.missed_right_edits.len();
            t.findings.add(&s.findings);
            t.false_findings.add(&s.false_findings);
        }
        t.wrong_edits = t.edits - t.right_edits;
        let mb = (t.bytes as f64 / 1e6).max(f64::MIN_POSITIVE);
        t.error_per_mb = t.findings.error as f64 / mb;
        t.warning_per_mb = t.findings.warning as f64 / mb;
        t.info_per_mb = t.findings.info as f64 / mb;
        t.warning_or_error_per_mb = (t.findings.error + t.findings.warning) as f64 / mb;
        t.false_warning_or_error_per_mb =
            (t.false_findings.error + t.false_findings.warning) as f64 / mb;
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_edits_file_is_parsed_and_checked() {
        let list = parse_right_edits("r.tsv", "# c\n\na.txt\tcitizens , particularly\n").unwrap();
        assert_eq!(list[0].file, "a.txt");
        assert_eq!(list[0].snippet, "citizens , particularly");
        assert!(parse_right_edits("r.tsv", "no tab here\n").is_err());
    }

    #[test]
    fn an_edit_inside_a_listed_snippet_is_right_and_others_are_wrong() {
        use crate::testing::{TestPack, TestRule};
        let space_comma = TestRule::pattern("space-comma", " ,")
            .replace(",")
            .safe()
            .level("error")
            .example("a , b", "a, b");
        let engine = TestPack::new("test").rule(space_comma).engine();
        let text = "our citizens , particularly\nand others , too\n";
        let right = parse_right_edits("r", "t.txt\tcitizens , particularly\n").unwrap();
        let s = score(&engine, "t.txt", text, &right, false);
        assert_eq!(s.edits.len(), 2);
        assert!(s.edits[0].right && !s.edits[1].right);
        assert_eq!(s.edits[1].line, 2);
        assert!(s.missed_right_edits.is_empty());
        assert_eq!(s.findings.error, 2);
        assert_eq!(
            s.false_findings.error, 1,
            "the finding on the listed typo is right"
        );
        let other = score(&engine, "u.txt", text, &right, false);
        assert!(
            other.edits.iter().all(|e| !e.right),
            "the file name must match"
        );
        let totals = CleanTotals::of([&s, &other]);
        assert_eq!((totals.edits, totals.wrong_edits), (4, 3));
    }
}
