//! Unified diffs of fixes, in the form `git apply` and `patch -p1` accept.

use similar::{Algorithm, TextDiff};

/// The unified diff turning `old` into `new`, with `a/PATH` and `b/PATH`
/// headers and three lines of context; empty when they are equal.
pub fn unified(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let path = path
        .strip_prefix("./")
        .unwrap_or(path)
        .trim_start_matches('/');
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .diff_lines(old, new);
    diff.unified_diff()
        .context_radius(3)
        .missing_newline_hint(true)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_and_hunks() {
        let diff = unified(
            "./doc.txt",
            "one\nXI said\nthree\n",
            "one\nXi said\nthree\n",
        );
        assert!(
            diff.starts_with("--- a/doc.txt\n+++ b/doc.txt\n@@ -1,3 +1,3 @@\n"),
            "{diff}"
        );
        assert!(diff.contains("-XI said\n+Xi said\n"));
    }

    #[test]
    fn no_change_no_diff() {
        assert_eq!(unified("x", "same", "same"), "");
    }

    #[test]
    fn marks_a_missing_final_newline() {
        let diff = unified("x", "XI", "Xi");
        assert!(diff.contains("\\ No newline at end of file"), "{diff}");
    }
}
