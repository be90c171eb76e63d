//! Context conditions: what the text just before or after a match must, or
//! must not, look like. The `regex` crate has no look-around, so a rule gets
//! these instead, tested only on candidates.

use super::pattern::Pattern;

/// How far a context window reaches, in characters.
pub const WINDOW_CHARS: usize = 100;

#[derive(Debug, Clone, Default)]
pub struct Context {
    pub before: Option<Pattern>,
    pub not_before: Option<Pattern>,
    pub after: Option<Pattern>,
    pub not_after: Option<Pattern>,
}

impl Context {
    pub fn is_empty(&self) -> bool {
        self.before.is_none()
            && self.not_before.is_none()
            && self.after.is_none()
            && self.not_after.is_none()
    }

    /// Whether a match at `start..end` of `text` satisfies every condition.
    pub fn accepts(&self, text: &str, start: usize, end: usize) -> bool {
        if self.is_empty() {
            return true;
        }
        if self.before.is_some() || self.not_before.is_some() {
            let window = window_before(text, start);
            if !holds(&self.before, &self.not_before, window) {
                return false;
            }
        }
        if self.after.is_some() || self.not_after.is_some() {
            let window = window_after(text, end);
            if !holds(&self.after, &self.not_after, window) {
                return false;
            }
        }
        true
    }
}

fn holds(must: &Option<Pattern>, must_not: &Option<Pattern>, window: &str) -> bool {
    must.as_ref().is_none_or(|r| r.regex().is_match(window))
        && must_not
            .as_ref()
            .is_none_or(|r| !r.regex().is_match(window))
}

/// Up to [`WINDOW_CHARS`] characters ending at `start`, cut after the last
/// paragraph break (a blank line) so that context never leaks across paragraphs.
pub fn window_before(text: &str, start: usize) -> &str {
    let head = &text[..start];
    let from = head
        .char_indices()
        .rev()
        .nth(WINDOW_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let window = &head[from..];
    match last_paragraph_break(window) {
        Some(cut) => &window[cut..],
        None => window,
    }
}

/// Up to [`WINDOW_CHARS`] characters starting at `end`, cut before the first
/// paragraph break.
pub fn window_after(text: &str, end: usize) -> &str {
    let tail = &text[end..];
    let to = tail
        .char_indices()
        .nth(WINDOW_CHARS)
        .map_or(tail.len(), |(i, _)| i);
    let window = &tail[..to];
    match first_paragraph_break(window) {
        Some(cut) => &window[..cut],
        None => window,
    }
}

/// Byte offset just after the last blank line in `s`.
fn last_paragraph_break(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut newline_after: Option<usize> = None; // a newline seen with only blanks after it so far
    for i in (0..bytes.len()).rev() {
        match bytes[i] {
            b'\n' => {
                if let Some(after) = newline_after {
                    return Some(after);
                }
                newline_after = Some(i + 1);
            }
            b' ' | b'\t' | b'\r' => {}
            _ => newline_after = None,
        }
    }
    None
}

/// Byte offset of the start of the first blank line in `s`.
fn first_paragraph_break(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut newline_at: Option<usize> = None;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'\n' => {
                if let Some(at) = newline_at {
                    return Some(at);
                }
                newline_at = Some(i);
            }
            b' ' | b'\t' | b'\r' => {}
            _ => newline_at = None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_stop_at_paragraph_breaks() {
        let text = "Louis\n\nXI said\n\nmore";
        let start = text.find("XI").unwrap();
        assert_eq!(window_before(text, start), "");
        assert_eq!(window_after(text, start + 2), " said");
    }

    #[test]
    fn windows_cross_single_line_breaks() {
        let text = "Pope Pius\nXI said";
        let start = text.find("XI").unwrap();
        assert_eq!(window_before(text, start), "Pope Pius\n");
    }

    #[test]
    fn windows_are_bounded() {
        let text = format!("{}XI{}", "a".repeat(500), "b".repeat(500));
        let start = 500;
        assert_eq!(window_before(&text, start).chars().count(), WINDOW_CHARS);
        assert_eq!(window_after(&text, start + 2).chars().count(), WINDOW_CHARS);
    }

    #[test]
    fn conditions_filter_candidates() {
        let context = Context {
            not_before: Some(Pattern::parse(r"(?:Louis|Pius)\s+$").unwrap()),
            ..Context::default()
        };
        let ok = "Louis XI";
        assert!(!context.accepts(ok, 6, 8));
        let bad = "said XI.";
        assert!(context.accepts(bad, 5, 7));
    }
}
