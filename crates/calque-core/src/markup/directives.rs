//! Inline suppression comments, in the manner of ESLint and markdownlint:
//!
//! ```text
//! <!-- calque-disable-next-line names-casing/xi-all-caps -->
//! <!-- calque-disable zh-diplomatic -->  ...  <!-- calque-enable -->
//! ```
//!
//! With no ids a comment silences every rule; an id is a rule (`pack/rule`)
//! or a whole pack, as for `--select` and `--ignore`.

use std::ops::Range;

/// Findings that start inside `span` are silenced, for the listed rules or
/// packs (all rules when the list is empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// The bytes the suppression covers.
    pub span: Range<usize>,
    /// Rule ids or pack names it names; empty = every rule.
    pub rules: Vec<String>,
}

impl Suppression {
    /// Whether a finding of `rule_id` starting at byte `at` is silenced.
    pub fn silences(&self, rule_id: &str, at: usize) -> bool {
        self.span.contains(&at)
            && (self.rules.is_empty() || self.rules.iter().any(|r| names(r, rule_id)))
    }
}

/// Whether `id` (a rule id or a pack name) names the rule `rule_id`.
fn names(id: &str, rule_id: &str) -> bool {
    id == rule_id
        || rule_id
            .strip_prefix(id)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// The suppressions written in `comments`, the byte ranges of whole
/// comments (`<!-- ... -->`) in `text`, in file order. A `calque-disable`
/// with no `calque-enable` after it runs to the end of the file.
pub(crate) fn from_comments(
    text: &str,
    comments: impl IntoIterator<Item = Range<usize>>,
) -> Vec<Suppression> {
    let mut found = Vec::new();
    let mut open: Vec<(usize, Vec<String>)> = Vec::new();
    for comment in comments {
        let body = text[comment.clone()]
            .trim_start_matches("<!--")
            .trim_end_matches("-->");
        let mut words = body
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty());
        let Some(verb) = words.next() else { continue };
        let ids: Vec<String> = words.map(str::to_string).collect();
        match verb {
            "calque-disable-next-line" => {
                if let Some(line) = next_line(text, comment.end) {
                    found.push(Suppression {
                        span: line,
                        rules: ids,
                    });
                }
            }
            "calque-disable" => open.push((comment.end, ids)),
            "calque-enable" => {
                for (start, rules) in open.drain(..) {
                    found.push(Suppression {
                        span: start..comment.start,
                        rules,
                    });
                }
            }
            _ => {}
        }
    }
    for (start, rules) in open {
        found.push(Suppression {
            span: start..text.len(),
            rules,
        });
    }
    found
}

/// The line after the one holding byte `at`, its line break included.
fn next_line(text: &str, at: usize) -> Option<Range<usize>> {
    let start = at + memchr::memchr(b'\n', &text.as_bytes()[at..])? + 1;
    let end = memchr::memchr(b'\n', &text.as_bytes()[start..])
        .map(|n| start + n + 1)
        .unwrap_or(text.len());
    Some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comments(text: &str) -> Vec<Range<usize>> {
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(start) = text[from..].find("<!--") {
            let start = from + start;
            let end = start + text[start..].find("-->").unwrap() + 3;
            found.push(start..end);
            from = end;
        }
        found
    }

    #[test]
    fn next_line_silences_only_that_line() {
        let text = "a\n<!-- calque-disable-next-line -->\nXI one\nXI two\n";
        let s = from_comments(text, comments(text));
        let one = text.find("XI one").unwrap();
        let two = text.find("XI two").unwrap();
        assert!(s[0].silences("p/xi", one));
        assert!(!s[0].silences("p/xi", two));
    }

    #[test]
    fn ids_name_rules_or_packs() {
        let text = "<!-- calque-disable-next-line names/xi, other -->\nXI\n";
        let s = &from_comments(text, comments(text))[0];
        let at = text.find("XI").unwrap();
        assert!(s.silences("names/xi", at));
        assert!(s.silences("other/anything", at));
        assert!(!s.silences("names/xin", at));
        assert!(!s.silences("names-casing/xi", at));
    }

    #[test]
    fn regions_run_to_enable_or_to_the_end() {
        let text =
            "<!-- calque-disable -->\nA\n<!-- calque-enable -->\nB\n<!-- calque-disable p -->\nC\n";
        let s = from_comments(text, comments(text));
        let at = |w: &str| text.find(w).unwrap();
        let silenced = |w: &str, id: &str| s.iter().any(|s| s.silences(id, at(w)));
        assert!(silenced("A", "x/y"));
        assert!(!silenced("B", "x/y"));
        assert!(silenced("C", "p/y"));
        assert!(!silenced("C", "x/y"));
    }

    #[test]
    fn other_comments_do_nothing() {
        let text = "<!-- a note -->\nXI\n<!-- calque-disable-next-line -->";
        assert!(from_comments(text, comments(text)).is_empty());
    }
}
