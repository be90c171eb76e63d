//! Does a phrase match the text at a given place? Byte by byte, with the
//! same rules as the folded search: ASCII case-insensitive unless the
//! phrase keeps its case, and a space in the phrase matching any run of
//! whitespace that is not a paragraph break.

use super::whitespace_run;

/// A phrase prepared for [`match_end`]: its bytes, ASCII letters lowered
/// unless it keeps its case.
#[derive(Debug, Clone)]
pub struct Prepared {
    bytes: Box<[u8]>,
    exact_case: bool,
}

impl Prepared {
    /// `phrase` is whitespace-normalised (single spaces, none at the ends).
    pub fn new(phrase: &str, exact_case: bool) -> Prepared {
        let mut bytes = phrase.as_bytes().to_vec();
        if !exact_case {
            bytes.make_ascii_lowercase();
        }
        Prepared {
            bytes: bytes.into(),
            exact_case,
        }
    }
}

/// Where `phrase` ends if it matches `block` from byte `at`, else `None`.
pub fn match_end(phrase: &Prepared, block: &str, at: usize) -> Option<usize> {
    let text = block.as_bytes();
    let mut j = at;
    for &p in phrase.bytes.iter() {
        if p == b' ' {
            // Phrases hold no other whitespace and never two spaces in a
            // row, so the run is matched whole, as a folded space would be.
            let run = whitespace_run(block, j);
            if run.end == j || run.paragraph_break {
                return None;
            }
            j = run.end;
            continue;
        }
        let &t = text.get(j)?;
        let t = if phrase.exact_case {
            t
        } else {
            t.to_ascii_lowercase()
        };
        if t != p {
            return None;
        }
        j += 1;
    }
    Some(j)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn end(phrase: &str, exact: bool, block: &str) -> Option<usize> {
        match_end(&Prepared::new(phrase, exact), block, 0)
    }

    #[test]
    fn spaces_match_whitespace_runs_within_a_paragraph() {
        for block in [
            "long term",
            "long\tterm",
            "long\r\nterm",
            "long \n\t term",
            "long\u{a0}term",
            "long\u{202f}term",
            "long \u{2003}\r\n term",
        ] {
            assert_eq!(
                end("long term", false, block),
                Some(block.len()),
                "{block:?}"
            );
        }
        for block in ["longterm", "long\n\nterm", "long\r\n \r\nterm", "long-term"] {
            assert_eq!(end("long term", false, block), None, "{block:?}");
        }
    }

    #[test]
    fn case_is_ignored_for_ascii_letters_only_unless_exact() {
        assert_eq!(end("pékin", false, "PéKIN!"), Some(6));
        assert_eq!(end("pékin", false, "PÉKIN"), None);
        assert_eq!(end("Celac", true, "Celac"), Some(5));
        assert_eq!(end("Celac", true, "CELAC"), None);
        assert_eq!(end("people’s", false, "People’s"), Some(10));
    }

    #[test]
    fn the_text_may_end_before_the_phrase() {
        assert_eq!(end("long term", false, "long"), None);
        assert_eq!(end("long term", false, "long "), None);
        assert_eq!(end("long term", false, "long te"), None);
    }
}
