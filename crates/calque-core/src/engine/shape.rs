//! Shaping a replacement to the text it replaces: its case pattern
//! ("Bilateral Links" -> "Bilateral Ties") and its whitespace (a phrase that
//! matched across a line break keeps the line break).

/// The case pattern of a matched text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CasePattern {
    /// all lower case, or no letters, or a mix we cannot name: use the replacement as written
    AsWritten,
    /// First letter upper case, the rest not every word capitalised
    Capitalised,
    /// Every Word Capitalised (two words or more)
    Title,
    /// ALL UPPER CASE (two letters or more)
    Upper,
}

pub fn case_pattern(matched: &str) -> CasePattern {
    let mut letters = matched.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return CasePattern::AsWritten;
    };
    if !first.is_uppercase() {
        return CasePattern::AsWritten;
    }
    let mut rest = letters.peekable();
    if rest.peek().is_some() && matched.chars().all(|c| !c.is_lowercase()) {
        return CasePattern::Upper;
    }
    let words: Vec<&str> = matched.split_whitespace().collect();
    let every_word_capitalised = words.len() > 1
        && words.iter().all(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_none_or(|c| c.is_uppercase())
        });
    if every_word_capitalised {
        CasePattern::Title
    } else {
        CasePattern::Capitalised
    }
}

pub fn apply_case(pattern: CasePattern, replacement: &str) -> String {
    match pattern {
        CasePattern::AsWritten => replacement.to_string(),
        CasePattern::Upper => replacement.to_uppercase(),
        CasePattern::Capitalised => capitalise_first(replacement),
        CasePattern::Title => replacement
            .split(' ')
            .map(capitalise_first)
            .collect::<Vec<_>>()
            .join(" "),
    }
}

fn capitalise_first(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// If `matched` and `replacement` have the same number of gaps between
/// words, puts the matched text's own whitespace (tabs, line breaks) into
/// the replacement's single spaces, in order.
pub fn keep_whitespace(matched: &str, replacement: &str) -> String {
    let gaps = whitespace_runs(matched);
    if gaps.is_empty() || gaps.iter().all(|g| *g == " ") {
        return replacement.to_string();
    }
    let words: Vec<&str> = replacement.split(' ').collect();
    if words.len() != gaps.len() + 1 || words.iter().any(|w| w.is_empty()) {
        return replacement.to_string();
    }
    let mut out = String::with_capacity(replacement.len() + 8);
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push_str(gaps[i - 1]);
        }
        out.push_str(word);
    }
    out
}

fn whitespace_runs(text: &str) -> Vec<&str> {
    let mut runs = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push(&text[s..]);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shaped(matched: &str, replacement: &str) -> String {
        apply_case(case_pattern(matched), replacement)
    }

    #[test]
    fn keeps_the_case_pattern_of_the_match() {
        assert_eq!(
            shaped("bilateral links", "bilateral ties"),
            "bilateral ties"
        );
        assert_eq!(
            shaped("Bilateral Links", "bilateral ties"),
            "Bilateral Ties"
        );
        assert_eq!(
            shaped("BILATERAL LINKS", "bilateral ties"),
            "BILATERAL TIES"
        );
        assert_eq!(
            shaped("Iron friendships", "ironclad friendships"),
            "Ironclad friendships"
        );
        assert_eq!(shaped("Tendance", "trend"), "Trend");
        assert_eq!(shaped("victory day", "Victory Day"), "Victory Day");
        assert_eq!(shaped("Victory day", "Victory Day"), "Victory Day");
    }

    #[test]
    fn a_single_capital_is_not_all_caps() {
        assert_eq!(case_pattern("A"), CasePattern::Capitalised);
        assert_eq!(case_pattern("XI"), CasePattern::Upper);
        assert_eq!(case_pattern("42"), CasePattern::AsWritten);
    }

    #[test]
    fn keeps_line_breaks_inside_the_match() {
        assert_eq!(
            keep_whitespace("all-terrain\nfriendship", "all-weather friendship"),
            "all-weather\nfriendship"
        );
        assert_eq!(keep_whitespace("a  b", "c"), "c");
        assert_eq!(keep_whitespace("a b", "c d"), "c d");
    }
}
