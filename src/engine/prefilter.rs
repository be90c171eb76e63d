//! Keeping pattern rules on the regex crate's fast path.
//!
//! A Unicode word boundary (`\b`, the default) makes the regex crate's lazy
//! DFA give up as soon as the haystack holds one non-ASCII byte, and the
//! search restarts in the PikeVM, which ran at well under 1 MB/s over the
//! built-in packs: a 64 KB block of English nearly always holds a curly
//! quote or a dash. So each pattern also gets a *relaxed* twin, the same
//! regex with its word-boundary assertions removed. Removing an assertion
//! only widens what a regex matches, so the relaxed twins, run as one
//! `RegexSet` and then one by one (both on the DFA), find every place the real
//! pattern can match; the real pattern then runs only on the paragraphs
//! around those places, short haystacks where even the PikeVM is cheap.
//! Pattern matches do not cross paragraph breaks (as in `fix -`).

use super::blocks;
use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use std::ops::Range;

/// The relaxed twins of a list of patterns, searched together.
#[derive(Debug, Clone)]
pub struct Relaxed {
    set: RegexSet,
    each: Vec<Regex>,
}

impl Relaxed {
    pub fn new(sources: &[String]) -> Result<Relaxed, String> {
        let relaxed: Vec<String> = sources.iter().map(|s| without_word_boundaries(s)).collect();
        let set = RegexSetBuilder::new(&relaxed)
            .size_limit(64 << 20)
            .dfa_size_limit(64 << 20)
            .build()
            .map_err(|e| format!("cannot combine the patterns: {e}"))?;
        let each = relaxed
            .iter()
            .map(|s| RegexBuilder::new(s).size_limit(64 << 20).build())
            .collect::<Result<_, _>>()
            .map_err(|e| format!("cannot relax a pattern: {e}"))?;
        Ok(Relaxed { set, each })
    }

    /// Indices of the patterns that may match somewhere in `haystack`.
    pub fn which(&self, haystack: &str) -> impl Iterator<Item = usize> {
        self.set.matches(haystack).into_iter()
    }

    /// The paragraphs of `haystack` (offsets into it, in order, each once)
    /// in which pattern `which` may match.
    pub fn paragraphs(&self, which: usize, haystack: &str) -> Vec<Range<usize>> {
        let bytes = haystack.as_bytes();
        let mut out: Vec<Range<usize>> = Vec::new();
        let mut covered = 0;
        for hit in self.each[which].find_iter(haystack) {
            let mut at = hit.start().max(covered);
            let last = hit.end().saturating_sub(1).max(hit.start());
            while at <= last && at < bytes.len() {
                let start = if at == covered {
                    at
                } else {
                    blocks::paragraph_start_before(bytes, at).max(covered)
                };
                let end = blocks::paragraph_break_after(bytes, at).unwrap_or(bytes.len());
                out.push(start..end);
                covered = end;
                at = end;
            }
        }
        out
    }
}

/// `source` with every word-boundary assertion (`\b`, `\B`, `\b{...}`, `\<`,
/// `\>`) outside a character class replaced by an empty group.
pub fn without_word_boundaries(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    // Depth of `[...]` nesting; inside a class `\b` is not an assertion.
    let mut class_depth = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(next) = chars.next() else {
                    out.push(c);
                    break;
                };
                if class_depth == 0 && matches!(next, 'b' | 'B' | '<' | '>') {
                    if next == 'b' && chars.peek() == Some(&'{') {
                        for skipped in chars.by_ref() {
                            if skipped == '}' {
                                break;
                            }
                        }
                    }
                    out.push_str("(?:)");
                } else {
                    out.push(c);
                    out.push(next);
                }
            }
            '[' => {
                out.push(c);
                class_depth += 1;
                // A `]` or `^]` right after the opening bracket is a literal.
                if chars.peek() == Some(&'^') {
                    out.push(chars.next().unwrap());
                }
                if chars.peek() == Some(&']') {
                    out.push(chars.next().unwrap());
                }
            }
            ']' if class_depth > 0 => {
                out.push(c);
                class_depth -= 1;
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_boundaries_but_not_escapes_or_classes() {
        assert_eq!(without_word_boundaries(r"\bXI\b"), "(?:)XI(?:)");
        assert_eq!(without_word_boundaries(r"(?-u:\b)a\B"), "(?-u:(?:))a(?:)");
        assert_eq!(without_word_boundaries(r"\b{start}a\b{end}"), "(?:)a(?:)");
        assert_eq!(without_word_boundaries(r"\\b[\b]\w"), r"\\b[\b]\w");
        assert_eq!(without_word_boundaries(r"[]\b]\b"), r"[]\b](?:)");
        assert_eq!(
            without_word_boundaries(r"[[:alpha:]\b]x\b"),
            r"[[:alpha:]\b]x(?:)"
        );
    }

    #[test]
    fn the_relaxed_pattern_matches_wherever_the_real_one_does() {
        let source = r"(?i)\bdeveloped\s+permanently\b";
        let real = Regex::new(source).unwrap();
        let relaxed = Regex::new(&without_word_boundaries(source)).unwrap();
        for text in [
            "it developed permanently.",
            "undeveloped permanently",
            "é developed\npermanently",
        ] {
            if real.is_match(text) {
                assert!(relaxed.is_match(text), "{text}");
            }
        }
        assert!(relaxed.is_match("undeveloped permanentlyx"));
    }

    #[test]
    fn finds_the_paragraphs_to_search() {
        let relaxed = Relaxed::new(&[r"\bb\b".to_string()]).unwrap();
        let text = "a a\n\nb b\nb\n\nc\n \nb";
        let found: Vec<&str> = relaxed
            .paragraphs(0, text)
            .iter()
            .map(|r| &text[r.clone()])
            .collect();
        assert_eq!(found, vec!["b b\nb\n\n", "b"]);
        assert_eq!(relaxed.which("ccc").count(), 0);
    }
}
