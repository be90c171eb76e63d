//! Compiling a pack's regular expressions with bounded cost.

use regex::{Regex, RegexBuilder};

/// Caps on what one pattern may cost to compile and hold, so that a hostile
/// or careless pack fails to load quickly instead of eating the machine.
const SIZE_LIMIT: usize = 8 << 20;
const DFA_SIZE_LIMIT: usize = 8 << 20;
/// A pattern longer than this is refused before the regex parser sees it.
pub const MAX_PATTERN_LEN: usize = 64 << 10;

pub fn compile(source: &str) -> Result<Regex, String> {
    if source.len() > MAX_PATTERN_LEN {
        return Err(format!(
            "the pattern is {} bytes long; the limit is {} bytes",
            source.len(),
            MAX_PATTERN_LEN
        ));
    }
    RegexBuilder::new(source)
        .size_limit(SIZE_LIMIT)
        .dfa_size_limit(DFA_SIZE_LIMIT)
        .build()
        .map_err(|e| match e {
            regex::Error::CompiledTooBig(limit) => {
                format!("the pattern compiles to more than {limit} bytes; simplify it")
            }
            other => other.to_string(),
        })
}
