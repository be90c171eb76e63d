//! Finding, in one pass over a block, where each pattern rule can match.
//!
//! Every pattern gets trigger literals ([`crate::engine::literals`]), one of which
//! occurs in every match; the triggers of all patterns share one
//! Aho-Corasick automaton (ASCII case-insensitive, overlapping, so no hit
//! hides another). Each hit that passes its boundary checks marks a region
//! ([`crate::engine::regions`]) where its pattern is then run. Before this, all
//! patterns ran as one `RegexSet` per block and the lazy DFA spent most of
//! `check` building states for 150 case-insensitive Unicode patterns.
//!
//! A pattern without a usable trigger set (only large classes, or literals
//! so common that a hit would come every few dozen bytes) falls back to its
//! *relaxed* twin: the same regex with its word-boundary assertions removed,
//! run over the block. A Unicode `\b` makes the regex crate's lazy DFA give
//! up at the first non-ASCII byte, and a 64 KB block of English nearly
//! always holds a curly quote or a dash; removing an assertion only widens
//! what a regex matches, so the twin, on the DFA, finds every place the real
//! pattern can match, and the real pattern runs on the paragraphs around.
//! Pattern matches do not cross paragraph breaks (as in `fix -`).

use crate::engine::blocks;
use crate::engine::error::BuildError;
use crate::engine::literals::{self, Trigger};
use crate::engine::pattern::Pattern;
use crate::engine::precomputed;
use crate::engine::regions::{self, Reach};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::{Regex, RegexBuilder};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

/// The patterns of an engine, ready to be located in blocks of text.
#[derive(Debug, Clone)]
pub struct PatternScan {
    automaton: Option<Arc<TriggerAutomaton>>,
    /// For each literal of the automaton, the patterns it triggers.
    uses: Vec<Vec<Use>>,
    plans: Vec<Plan>,
}

#[derive(Debug, Clone)]
struct Use {
    pattern: usize,
    trigger: Trigger,
}

#[derive(Debug, Clone)]
enum Plan {
    Triggered(Reach),
    Fallback(Relaxed),
}

impl PatternScan {
    pub fn new(patterns: &[&Pattern]) -> Result<PatternScan, BuildError> {
        let mut literal_ids: HashMap<Vec<u8>, usize> = HashMap::new();
        let mut uses: Vec<Vec<Use>> = Vec::new();
        let mut plans = Vec::with_capacity(patterns.len());
        for (index, pattern) in patterns.iter().enumerate() {
            let analysis = precomputed::analysis(pattern.as_str())
                .unwrap_or_else(|| literals::analyse(pattern.hir()));
            let Some(triggers) = analysis.triggers else {
                plans.push(Plan::Fallback(Relaxed::new(pattern.as_str())));
                continue;
            };
            let reach = if analysis.needs_paragraph {
                Reach::Paragraph
            } else {
                Reach::Line
            };
            plans.push(Plan::Triggered(reach));
            for trigger in triggers {
                let next = literal_ids.len();
                let id = *literal_ids.entry(trigger.bytes.clone()).or_insert(next);
                if id == uses.len() {
                    uses.push(Vec::new());
                }
                uses[id].push(Use {
                    pattern: index,
                    trigger,
                });
            }
        }
        let automaton = if uses.is_empty() {
            None
        } else {
            let mut literals = vec![Vec::new(); uses.len()];
            for (bytes, id) in literal_ids {
                literals[id] = bytes;
            }
            Some(Arc::new(TriggerAutomaton::new(literals)?))
        };
        Ok(PatternScan {
            automaton,
            uses,
            plans,
        })
    }

    /// Calls `search(pattern, region)` for every region of `block` (offsets
    /// into it) where a pattern may match: each region once, the regions of
    /// one pattern disjoint and in order, the patterns in order. `hits` is
    /// scratch space, reused across calls.
    pub fn regions(
        &self,
        block: &str,
        hits: &mut Vec<(usize, usize)>,
        mut search: impl FnMut(usize, Range<usize>),
    ) {
        let bytes = block.as_bytes();
        hits.clear();
        if let Some(automaton) = &self.automaton {
            for hit in automaton
                .for_haystack(bytes.len())
                .find_overlapping_iter(bytes)
            {
                for u in &self.uses[hit.pattern().as_usize()] {
                    if u.trigger.may_match_at(bytes, hit.start(), hit.end()) {
                        hits.push((u.pattern, hit.start()));
                    }
                }
            }
        }
        hits.sort_unstable();
        let mut rest = &hits[..];
        for (index, plan) in self.plans.iter().enumerate() {
            let count = rest.iter().take_while(|(p, _)| *p == index).count();
            let (mine, later) = rest.split_at(count);
            rest = later;
            match plan {
                Plan::Triggered(reach) => {
                    regions::regions(bytes, *reach, mine.iter().map(|&(_, pos)| pos), |r| {
                        search(index, r)
                    })
                }
                Plan::Fallback(relaxed) => {
                    for r in relaxed.paragraphs(block) {
                        search(index, r);
                    }
                }
            }
        }
    }
}

/// The automaton of all trigger literals (ASCII case-insensitive,
/// overlapping). As a DFA it searches about 12% faster than as a contiguous
/// NFA, but takes about 4 ms to build, a fifth of start-up; so the NFA
/// serves the first [`DFA_AFTER_BYTES`] searched, enough for a pre-commit
/// hook's few files, and the DFA is built once that much has gone by. Both
/// report every occurrence of every literal, so which one ran does not
/// change the hits.
#[derive(Debug)]
struct TriggerAutomaton {
    literals: Vec<Vec<u8>>,
    nfa: AhoCorasick,
    /// `None` if the DFA could not be built: the NFA goes on serving.
    dfa: OnceLock<Option<AhoCorasick>>,
    searched: AtomicUsize,
}

const DFA_AFTER_BYTES: usize = 1 << 20;

impl TriggerAutomaton {
    fn new(literals: Vec<Vec<u8>>) -> Result<TriggerAutomaton, BuildError> {
        let nfa =
            Self::build(&literals, AhoCorasickKind::ContiguousNFA).map_err(BuildError::Triggers)?;
        Ok(TriggerAutomaton {
            literals,
            nfa,
            dfa: OnceLock::new(),
            searched: AtomicUsize::new(0),
        })
    }

    fn build(
        literals: &[Vec<u8>],
        kind: AhoCorasickKind,
    ) -> Result<AhoCorasick, aho_corasick::BuildError> {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(kind))
            .build(literals)
    }

    /// The automaton to search a haystack of `len` bytes with.
    fn for_haystack(&self, len: usize) -> &AhoCorasick {
        if let Some(dfa) = self.dfa.get() {
            return dfa.as_ref().unwrap_or(&self.nfa);
        }
        if self.searched.fetch_add(len, Ordering::Relaxed) + len < DFA_AFTER_BYTES {
            return &self.nfa;
        }
        self.dfa
            .get_or_init(|| Self::build(&self.literals, AhoCorasickKind::DFA).ok())
            .as_ref()
            .unwrap_or(&self.nfa)
    }
}

/// A pattern's relaxed twin, compiled on first use.
#[derive(Debug, Clone)]
struct Relaxed {
    source: String,
    compiled: OnceLock<Option<Regex>>,
}

impl Relaxed {
    fn new(source: &str) -> Relaxed {
        Relaxed {
            source: without_word_boundaries(source),
            compiled: OnceLock::new(),
        }
    }

    /// The paragraphs of `haystack` (offsets into it, in order, each once)
    /// in which the pattern may match.
    fn paragraphs(&self, haystack: &str) -> Vec<Range<usize>> {
        let twin = self.compiled.get_or_init(|| {
            // The twin is no bigger than its pattern, which compiled; should
            // it not, every paragraph is searched.
            RegexBuilder::new(&self.source)
                .size_limit(64 << 20)
                .build()
                .ok()
        });
        let bytes = haystack.as_bytes();
        let Some(twin) = twin else {
            let mut all = Vec::new();
            let mut start = 0;
            while start < bytes.len() {
                let end = blocks::paragraph_break_after(bytes, start).unwrap_or(bytes.len());
                all.push(start..end);
                start = end;
            }
            return all;
        };
        let mut out: Vec<Range<usize>> = Vec::new();
        let mut covered = 0;
        for hit in twin.find_iter(haystack) {
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
    fn the_trigger_dfa_takes_over_after_a_megabyte_with_the_same_hits() {
        let literals = vec![b"ab".to_vec(), b"b".to_vec(), b"bc".to_vec()];
        let automaton = TriggerAutomaton::new(literals).unwrap();
        let hits = |a: &AhoCorasick, text: &[u8]| -> Vec<(usize, usize, usize)> {
            a.find_overlapping_iter(text)
                .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                .collect()
        };
        let text = b"xABc abc bbc";
        let by_nfa = hits(automaton.for_haystack(text.len()), text);
        assert!(automaton.dfa.get().is_none());
        assert_eq!(by_nfa.len(), 9);
        automaton.for_haystack(DFA_AFTER_BYTES);
        let dfa = automaton.dfa.get().unwrap().as_ref().unwrap();
        assert_eq!(dfa.kind(), AhoCorasickKind::DFA);
        assert!(std::ptr::eq(automaton.for_haystack(text.len()), dfa));
        assert_eq!(hits(dfa, text), by_nfa);
    }

    #[test]
    fn finds_the_paragraphs_to_search() {
        let relaxed = Relaxed::new(r"\bb\b");
        let text = "a a\n\nb b\nb\n\nc\n \nb";
        let found: Vec<&str> = relaxed
            .paragraphs(text)
            .iter()
            .map(|r| &text[r.clone()])
            .collect();
        assert_eq!(found, vec!["b b\nb\n\n", "b"]);
        assert!(relaxed.paragraphs("ccc").is_empty());
    }
}
