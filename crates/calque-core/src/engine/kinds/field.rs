//! What the validation of every kind shares: how far regular expressions
//! are checked, the error of one field, and the forms a matcher's value
//! takes.

use crate::engine::pattern::{Pattern, PatternError};
use serde::Deserialize;
use std::ops::Range;

/// A validation error: the bytes of the pack at fault, and what is wrong.
pub(crate) type FieldError = (Range<usize>, String);

/// How much of a pack's regular expressions loading checks.
///
/// Packs that come from files are parsed and compiled when loaded, so that
/// every error names the file, line and rule. Parsing and compiling some 300
/// regexes was most of the start-up cost, and a run needs only the few
/// whose triggers occur in the text, so the built-in packs defer both to
/// first use; `tests/builtin_packs.rs` loads them with [`Validation::Full`],
/// so none can fail at run time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validation {
    /// Parse and compile every regular expression now, and check that
    /// replacements name groups the pattern has.
    Full,
    /// Parse and compile on first use; skip the checks that need parsing.
    Deferred,
}

/// A string or a list of strings (`phrase`, `replace`).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }
    }
}

pub(crate) fn regex_pattern(source: &str, validation: Validation) -> Result<Pattern, PatternError> {
    match validation {
        Validation::Full => Pattern::compile(source),
        Validation::Deferred => Ok(Pattern::unchecked(source)),
    }
}

/// The message for a regular expression that does not compile: what is
/// wrong on the first line, then the regex crate's diagram (the pattern
/// with a caret under the fault) on lines of its own, as the crate draws
/// it. A diagram too large to read (a pattern of kilobytes) is left out.
pub(crate) fn invalid_regex(field: &str, error: &PatternError) -> String {
    let error = error.to_string();
    let lines: Vec<&str> = error.lines().collect();
    let [first, diagram @ .., last] = lines.as_slice() else {
        return format!("invalid `{field}`: {error}");
    };
    if *first != "regex parse error:" || diagram.is_empty() {
        return format!("invalid `{field}`: {error}");
    }
    let what = last.strip_prefix("error: ").unwrap_or(last);
    let mut message = format!("invalid `{field}`: {what}");
    if diagram.len() <= MAX_DIAGRAM_LINES && diagram.iter().all(|l| l.len() <= MAX_DIAGRAM_WIDTH) {
        for line in diagram {
            message.push('\n');
            message.push_str(line);
        }
    }
    message
}

/// Above these sizes a regex error diagram is not shown.
const MAX_DIAGRAM_LINES: usize = 12;
const MAX_DIAGRAM_WIDTH: usize = 300;

/// Trims a phrase and folds every whitespace run to one space, the form the
/// phrase automaton matches against.
pub(crate) fn normalise_phrase(phrase: &str) -> String {
    phrase.split_whitespace().collect::<Vec<_>>().join(" ")
}
