//! A pack's regular expressions: parsed when the pack is loaded, compiled
//! on first use, with bounded cost.
//!
//! Compiling a regex is most of what start-up used to cost (the built-in
//! packs hold some 150 patterns and as many context conditions), and a run
//! needs only the few whose triggers occur in the text. Parsing alone finds
//! every syntax error (with the same message as compiling), gives the
//! capture groups that replacement templates refer to, and gives the syntax
//! tree that trigger literals are taken from; compiling can then wait. Only
//! the size limits need a compilation to check, so user packs are compiled
//! when loaded (see [`crate::pack::Validation`]). The built-in packs'
//! patterns are not even parsed at start-up: their triggers were chosen at
//! build time, so a run parses only the patterns it compiles.

use regex::{Regex, RegexBuilder};
use regex_syntax::hir::{Hir, HirKind};
use std::fmt;
use std::sync::{Arc, OnceLock};

/// Caps on what one pattern may cost to compile and hold, so that a hostile
/// or careless pack fails to load quickly instead of eating the machine.
const SIZE_LIMIT: usize = 8 << 20;
const DFA_SIZE_LIMIT: usize = 8 << 20;
/// A pattern longer than this is refused before the regex parser sees it.
pub const MAX_PATTERN_LEN: usize = 64 << 10;

/// A regular expression, parsed and compiled the first time each is needed.
/// Clones share both.
#[derive(Clone)]
pub struct Pattern(Arc<Inner>);

struct Inner {
    source: String,
    hir: OnceLock<Hir>,
    compiled: OnceLock<Regex>,
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Pattern").field(&self.0.source).finish()
    }
}

impl Pattern {
    /// Parses `source` as the `regex` crate would, without compiling it.
    pub fn parse(source: &str) -> Result<Pattern, PatternError> {
        if source.len() > MAX_PATTERN_LEN {
            return Err(PatternError::TooLong {
                len: source.len(),
                limit: MAX_PATTERN_LEN,
            });
        }
        // The regex crate parses with the parser's defaults (Unicode, UTF-8,
        // nest limit 250) and reports the parser's error as it is.
        let hir = regex_syntax::parse(source).map_err(|e| PatternError::Syntax(Box::new(e)))?;
        let pattern = Pattern::unchecked(source);
        // A fresh pattern: nobody else can have filled the cell.
        let _ = pattern.0.hir.set(hir);
        Ok(pattern)
    }

    /// `source`, to be parsed on first use: for the built-in packs, which
    /// `tests/builtin_packs.rs` parses and compiles in full.
    pub fn unchecked(source: &str) -> Pattern {
        Pattern(Arc::new(Inner {
            source: source.to_string(),
            hir: OnceLock::new(),
            compiled: OnceLock::new(),
        }))
    }

    /// Parses and compiles `source` now: checks the size limits too.
    pub fn compile(source: &str) -> Result<Pattern, PatternError> {
        let pattern = Pattern::parse(source)?;
        let regex = build(source)?;
        // A fresh pattern: nobody else can have filled the cell.
        let _ = pattern.0.compiled.set(regex);
        Ok(pattern)
    }

    pub fn as_str(&self) -> &str {
        &self.0.source
    }

    /// Whether `self` and `other` are one pattern, compiled (or to be) once.
    #[cfg(test)]
    pub fn is_shared_with(&self, other: &Pattern) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    /// The syntax tree, as the regex crate parses it.
    ///
    /// # Panics
    /// If an [`unchecked`](Pattern::unchecked) pattern does not parse.
    pub fn hir(&self) -> &Hir {
        self.0.hir.get_or_init(|| {
            regex_syntax::parse(&self.0.source)
                .unwrap_or_else(|e| panic!("pattern `{}`: {e}", self.0.source))
        })
    }

    /// The compiled regex, compiled on the first call.
    ///
    /// # Panics
    /// If the pattern does not compile. Packs loaded from files are
    /// compiled when loaded, so only a built-in pattern could fail here, and
    /// `tests/builtin_packs.rs` compiles every one of them.
    pub fn regex(&self) -> &Regex {
        self.0.compiled.get_or_init(|| {
            build(&self.0.source).unwrap_or_else(|e| panic!("pattern `{}`: {e}", self.0.source))
        })
    }

    /// How many groups a match has, the whole match (group 0) included.
    pub fn captures_len(&self) -> usize {
        self.hir().properties().explicit_captures_len() + 1
    }

    /// Whether the pattern has a group called `name`.
    pub fn has_group_named(&self, name: &str) -> bool {
        fn walk(hir: &Hir, name: &str) -> bool {
            match hir.kind() {
                HirKind::Capture(c) => c.name.as_deref() == Some(name) || walk(&c.sub, name),
                HirKind::Repetition(r) => walk(&r.sub, name),
                HirKind::Concat(subs) | HirKind::Alternation(subs) => {
                    subs.iter().any(|s| walk(s, name))
                }
                _ => false,
            }
        }
        walk(self.hir(), name)
    }
}

/// Why a pattern's source is not a usable regular expression.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PatternError {
    /// Longer than a pack's pattern may be.
    #[error("the pattern is {len} bytes long; the limit is {limit} bytes")]
    TooLong {
        /// The source's length in bytes.
        len: usize,
        /// The most bytes a pattern may have.
        limit: usize,
    },
    /// Not a regular expression of the `regex` crate (its own message;
    /// boxed, as the parser's error is large and errors are rare).
    #[error("{0}")]
    Syntax(Box<regex_syntax::Error>),
    /// Compiles to a program over the size limits.
    #[error("the pattern compiles to more than {0} bytes; simplify it")]
    TooBig(usize),
    /// Any other error of the `regex` crate (its own message).
    #[error("{0}")]
    Regex(regex::Error),
}

fn build(source: &str) -> Result<Regex, PatternError> {
    RegexBuilder::new(source)
        .size_limit(SIZE_LIMIT)
        .dfa_size_limit(DFA_SIZE_LIMIT)
        .build()
        .map_err(|e| match e {
            regex::Error::CompiledTooBig(limit) => PatternError::TooBig(limit),
            other => PatternError::Regex(other),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsing_reports_what_compiling_reports() {
        for bad in [r"(unclosed", r"a{2,1}", r"\p{Nope}", r"(?<x>a)(?<x>b)"] {
            let parsed = Pattern::parse(bad).unwrap_err().to_string();
            let compiled = Regex::new(bad).unwrap_err().to_string();
            assert_eq!(parsed, compiled, "{bad}");
        }
    }

    #[test]
    fn size_limits_need_a_compilation() {
        let nested = r"((\w{50}){50}){50}";
        assert!(Pattern::parse(nested).is_ok());
        let err = Pattern::compile(nested).unwrap_err().to_string();
        assert!(err.contains("compiles to more than"), "{err}");
    }

    #[test]
    fn an_unchecked_pattern_is_parsed_on_first_use() {
        let pattern = Pattern::unchecked(r"(a)(b)");
        assert!(pattern.0.hir.get().is_none());
        assert_eq!(pattern.captures_len(), 3);
        assert!(pattern.0.hir.get().is_some());
        assert!(pattern.regex().is_match("ab"));
    }

    #[test]
    fn compiles_on_first_use_and_clones_share_it() {
        let pattern = Pattern::parse(r"(?P<head>\w+) (\w+)").unwrap();
        let clone = pattern.clone();
        assert!(pattern.regex().is_match("a b"));
        assert!(clone.0.compiled.get().is_some());
        assert_eq!(pattern.captures_len(), 3);
        assert!(pattern.has_group_named("head"));
        assert!(!pattern.has_group_named("tail"));
    }
}
