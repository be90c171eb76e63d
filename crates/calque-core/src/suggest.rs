//! "Did you mean ...?" for names a user typed: rule ids, pack names, fields.

/// The candidate closest to `typed`, if it is close enough to be a plausible
/// typo (Jaro-Winkler similarity of at least 0.8, or one or two edits away).
pub(crate) fn closest<'a, I>(typed: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let mut best: Option<(&str, f64)> = None;
    for candidate in candidates {
        let score = strsim::jaro_winkler(typed, candidate);
        let edits = strsim::levenshtein(typed, candidate);
        let plausible = score >= 0.8 || edits <= 2.min(typed.len() / 3 + 1);
        if plausible && best.is_none_or(|(_, s)| score > s) {
            best = Some((candidate, score));
        }
    }
    best.map(|(c, _)| c)
}

/// `" (did you mean `x`?)"` or an empty string.
pub fn did_you_mean<'a, I>(typed: &str, candidates: I) -> String
where
    I: IntoIterator<Item = &'a str>,
{
    match closest(typed, candidates) {
        Some(c) => format!(" (did you mean `{c}`?)"),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_a_near_name() {
        let names = ["zh-diplomatic", "names-casing", "fr-calques"];
        assert_eq!(closest("zh-diplomtic", names), Some("zh-diplomatic"));
        assert_eq!(closest("fr-calque", names), Some("fr-calques"));
    }

    #[test]
    fn stays_silent_for_unrelated_names() {
        assert_eq!(closest("bananas", ["zh-diplomatic", "names-casing"]), None);
    }
}
