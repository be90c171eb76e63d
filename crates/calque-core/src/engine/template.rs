//! Replacement templates of pattern rules: `$1`, `${1}`, `$name`, `${name}`, `$$`.
//!
//! The `regex` crate expands a reference to a missing group as an empty string;
//! a pack author almost never means that, so loading rejects it instead.

use super::pattern::Pattern;

/// A replacement template that names a capture group its pattern lacks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "replacement `{template}` refers to group `{group}`, which the pattern does not have{}",
    hint(group)
)]
pub struct MissingGroup {
    /// The whole template, as the pack writes it.
    pub template: String,
    /// The group it names.
    pub group: String,
}

/// `$1x` reads as group `1x`: say how to write group 1 followed by `x`.
fn hint(group: &str) -> &'static str {
    if group.chars().next().is_some_and(|c| c.is_ascii_digit())
        && group.chars().any(|c| !c.is_ascii_digit())
    {
        " (write `${1}x`, not `$1x`)"
    } else {
        ""
    }
}

/// Fails when `template` names a capture group that `pattern` lacks.
pub fn validate(template: &str, pattern: &Pattern) -> Result<(), MissingGroup> {
    for name in group_references(template) {
        let exists = match name.parse::<usize>() {
            Ok(index) => index < pattern.captures_len(),
            Err(_) => pattern.has_group_named(name),
        };
        if !exists {
            return Err(MissingGroup {
                template: template.to_string(),
                group: name.to_string(),
            });
        }
    }
    Ok(())
}

/// The group names and numbers a template refers to, parsed as the `regex`
/// crate's `Captures::expand` parses them.
fn group_references(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(dollar) = rest.find('$') {
        rest = &rest[dollar + 1..];
        if let Some(after) = rest.strip_prefix('$') {
            rest = after;
        } else if let Some(after) = rest.strip_prefix('{') {
            match after.find('}') {
                Some(close) => {
                    names.push(&after[..close]);
                    rest = &after[close + 1..];
                }
                // An unclosed brace is copied literally by the regex crate.
                None => rest = after,
            }
        } else {
            let len = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            if len > 0 {
                names.push(&rest[..len]);
            }
            rest = &rest[len..];
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_reference() {
        assert_eq!(
            group_references("$1 ${2} $name ${other}x $$ $"),
            vec!["1", "2", "name", "other"]
        );
    }

    #[test]
    fn rejects_missing_groups() {
        let regex = Pattern::parse(r"(\w+) (?P<tail>\w+)").unwrap();
        assert!(validate("$1-${tail}", &regex).is_ok());
        assert!(validate("$3", &regex).is_err());
        assert!(validate("$head", &regex).is_err());
        let err = validate("$1x", &regex).unwrap_err().to_string();
        assert!(err.contains("${1}x"), "{err}");
    }
}
