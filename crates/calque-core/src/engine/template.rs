//! Replacement templates of pattern rules: `$1`, `${1}`, `$name`, `${name}`, `$$`,
//! and a case transform of a group: `${1:title}`, `${1:lower}`, `${1:upper}`.
//!
//! The `regex` crate expands a reference to a missing group as an empty string;
//! a pack author almost never means that, so loading rejects it instead.
//! The case transforms exist because some fixes are a change of case only
//! ("Elisabeth BORNE" → "Elisabeth Borne", "; In 2018" → "; in 2018"), which
//! no literal replacement can say for every word.

use super::pattern::Pattern;
use regex::Captures;

/// How a `${group:transform}` reference changes the case of the group's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Transform {
    /// As matched.
    None,
    /// Every letter lower case.
    Lower,
    /// Every letter upper case.
    Upper,
    /// The first letter of each word (after a space, hyphen or apostrophe)
    /// upper case, the others lower case: "LE DRIAN" → "Le Drian".
    Title,
}

impl Transform {
    fn parse(name: &str) -> Option<Transform> {
        match name {
            "lower" => Some(Transform::Lower),
            "upper" => Some(Transform::Upper),
            "title" => Some(Transform::Title),
            _ => None,
        }
    }

    fn apply(self, text: &str, out: &mut String) {
        match self {
            Transform::None => out.push_str(text),
            Transform::Lower => out.extend(text.chars().flat_map(char::to_lowercase)),
            Transform::Upper => out.extend(text.chars().flat_map(char::to_uppercase)),
            Transform::Title => {
                let mut word_start = true;
                for c in text.chars() {
                    if word_start {
                        out.extend(c.to_uppercase());
                    } else {
                        out.extend(c.to_lowercase());
                    }
                    word_start = !c.is_alphanumeric();
                }
            }
        }
    }
}

/// Splits a braced reference `1:title` into the group and its transform;
/// fails on an unknown transform.
fn split_transform(reference: &str) -> Result<(&str, Transform), TemplateError> {
    match reference.split_once(':') {
        None => Ok((reference, Transform::None)),
        Some((group, name)) => Transform::parse(name).map(|t| (group, t)).ok_or_else(|| {
            TemplateError::UnknownTransform {
                reference: reference.to_string(),
                transform: name.to_string(),
            }
        }),
    }
}

/// Expands `template` with the groups of `caps` into `out`, as
/// `Captures::expand` does, plus the case transforms. A group that did not
/// take part in the match expands to nothing.
pub fn expand(caps: &Captures<'_>, template: &str, out: &mut String) {
    if !template.contains(':') {
        caps.expand(template, out);
        return;
    }
    let mut rest = template;
    while let Some(dollar) = rest.find('$') {
        out.push_str(&rest[..dollar]);
        rest = &rest[dollar + 1..];
        if let Some(after) = rest.strip_prefix('$') {
            out.push('$');
            rest = after;
            continue;
        }
        let (reference, after) = match rest.strip_prefix('{') {
            Some(braced) => match braced.find('}') {
                Some(close) => (&braced[..close], &braced[close + 1..]),
                None => {
                    out.push('$');
                    continue;
                }
            },
            None => {
                let len = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                if len == 0 {
                    out.push('$');
                    continue;
                }
                (&rest[..len], &rest[len..])
            }
        };
        // Validation at load time has rejected unknown transforms.
        let (group, transform) = split_transform(reference).unwrap_or((reference, Transform::None));
        let text = match group.parse::<usize>() {
            Ok(index) => caps.get(index),
            Err(_) => caps.name(group),
        };
        if let Some(m) = text {
            transform.apply(m.as_str(), out);
        }
        rest = after;
    }
    out.push_str(rest);
}

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

/// Why a replacement template cannot be used with its pattern.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    /// A reference to a capture group the pattern lacks.
    #[error(transparent)]
    MissingGroup(#[from] MissingGroup),
    /// A `${group:transform}` reference whose transform is not
    /// `title`, `lower` or `upper`.
    #[error("unknown case transform `{transform}` in `${{{reference}}}` (title, lower or upper)")]
    UnknownTransform {
        /// The reference between the braces, as the pack writes it (`1:shout`).
        reference: String,
        /// The transform it names (`shout`).
        transform: String,
    },
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
/// Fails too when a reference asks for an unknown case transform.
pub fn validate(template: &str, pattern: &Pattern) -> Result<(), TemplateError> {
    for reference in group_references(template) {
        let (name, _) = split_transform(reference)?;
        let exists = match name.parse::<usize>() {
            Ok(index) => index < pattern.captures_len(),
            Err(_) => pattern.has_group_named(name),
        };
        if !exists {
            return Err(MissingGroup {
                template: template.to_string(),
                group: name.to_string(),
            }
            .into());
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

    fn expanded(pattern: &str, text: &str, template: &str) -> String {
        let regex = regex::Regex::new(pattern).unwrap();
        let caps = regex.captures(text).unwrap();
        let mut out = String::new();
        expand(&caps, template, &mut out);
        out
    }

    #[test]
    fn case_transforms_change_only_their_group() {
        let p = r"(\w+) (?P<last>[\w-]+)";
        assert_eq!(
            expanded(p, "Elisabeth BORNE", "$1 ${2:title}"),
            "Elisabeth Borne"
        );
        assert_eq!(
            expanded(p, "Jean LE-DRIAN", "$1 ${last:title}"),
            "Jean Le-Drian"
        );
        assert_eq!(expanded(p, "In 2018", "${1:lower} $2"), "in 2018");
        assert_eq!(expanded(p, "a b", "${1:upper}$$${2}"), "A$b");
        assert_eq!(expanded(p, "a b", "$1-$2"), "a-b");
    }

    #[test]
    fn unknown_transforms_are_load_errors() {
        let regex = Pattern::parse(r"(\w+)").unwrap();
        assert!(validate("${1:title}", &regex).is_ok());
        let err = validate("${1:shout}", &regex).unwrap_err();
        assert!(matches!(err, TemplateError::UnknownTransform { .. }));
        assert_eq!(
            err.to_string(),
            "unknown case transform `shout` in `${1:shout}` (title, lower or upper)"
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
