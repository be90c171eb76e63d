//! Placeholders a translation must keep: printf conversions (`%s`,
//! `%1$d`, `%(name)s`), braces (`{0}`, `{name}`, `{{name}}`), `${var}`,
//! HTML/XML tags (by name: attributes may be translated) and the inline
//! codes of XLIFF and TMX. Order is free (languages reorder words), and a
//! positional `%1$s` stands for the `%s` it reorders.

use regex::Regex;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"%%",
        r"|%(?:[0-9]+\$)?(?:\([A-Za-z_][A-Za-z0-9_]*\))?[-+0#]*(?:[0-9]+|\*)?(?:\.(?:[0-9]+|\*))?(?:hh|h|ll|l|L|z|j|t|q)?[diouxXeEfFgGaAcspn@]",
        r"|\{\{\s*[A-Za-z_][A-Za-z0-9_.]*\s*\}\}",
        r"|\$\{[A-Za-z_][A-Za-z0-9_.]*\}",
        r"|\{[A-Za-z0-9_][A-Za-z0-9_.]*(?:[:,][^{}\s]*)?\}",
        r"|</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>",
    ))
    .expect("valid")
});

/// Placeholders written with stray spaces inside, as machine translation
/// leaves them: `% s`, `{ 0 }`, `$ {var}`.
static SPACED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"%\s+(?:[0-9]+\s*\$\s*)?[sd]\b|\{\s*[A-Za-z0-9_.]+\s*\}|\$\s+\{\s*[A-Za-z_][A-Za-z0-9_.]*\s*\}")
        .expect("valid")
});

/// One placeholder: what it must match (its key) and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    pub key: String,
    pub written: String,
    pub range: Range<usize>,
}

/// The placeholders of a text, in order (`%%` is a literal percent sign).
pub fn find(text: &str) -> Vec<Placeholder> {
    PLACEHOLDER
        .find_iter(text)
        .filter(|m| m.as_str() != "%%")
        .map(|m| Placeholder {
            key: key(m.as_str()),
            written: m.as_str().to_string(),
            range: m.range(),
        })
        .collect()
}

/// What two placeholders must share to be the same: a printf conversion
/// without its position, a tag's name and kind, anything else as written.
fn key(written: &str) -> String {
    if let Some(rest) = written.strip_prefix('%') {
        let rest = match rest.find('$') {
            Some(i) if rest[..i].bytes().all(|b| b.is_ascii_digit()) => &rest[i + 1..],
            _ => rest,
        };
        return format!("%{rest}");
    }
    if written.starts_with('<') {
        let closing = written.starts_with("</");
        let empty = written.ends_with("/>");
        let name: String = written
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == ':' || *c == '-')
            .collect::<String>()
            .to_lowercase();
        return match (closing, empty) {
            (true, _) => format!("</{name}>"),
            (_, true) => format!("<{name}/>"),
            _ => format!("<{name}>"),
        };
    }
    written.to_string()
}

/// Whether a placeholder's key is an inline HTML tag of typography only
/// (`<sup>`, `</i>`, `<em>`...), which a translation may add.
pub fn is_typographic(key: &str) -> bool {
    let name = key
        .trim_start_matches(['<', '/'])
        .trim_end_matches(['>', '/']);
    matches!(
        name,
        "sup" | "sub" | "i" | "b" | "em" | "strong" | "small" | "span" | "nobr" | "wbr"
    )
}

/// The difference between the placeholders of a source and a target.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Difference {
    /// The source's placeholders the target lacks (as written in the source).
    pub missing: Vec<String>,
    /// The target's placeholders the source lacks.
    pub added: Vec<Placeholder>,
}

impl Difference {
    pub fn is_empty(&self) -> bool {
        self.missing.is_empty() && self.added.is_empty()
    }
}

/// Compares the placeholders (and inline codes) of a source and a target.
pub fn compare(source: &[Placeholder], target: &[Placeholder]) -> Difference {
    let mut counts: HashMap<&str, isize> = HashMap::new();
    for p in source {
        *counts.entry(&p.key).or_default() += 1;
    }
    for p in target {
        *counts.entry(&p.key).or_default() -= 1;
    }
    // A named placeholder may be used as often as the language needs:
    // only whether it is there counts.
    let present = |list: &[Placeholder], key: &str| list.iter().any(|p| p.key == key);
    for (key, n) in counts.iter_mut() {
        if is_named(key) && present(source, key) && present(target, key) {
            *n = 0;
        }
    }
    let mut difference = Difference::default();
    let mut owed = counts.clone();
    for p in source {
        let n = owed.get_mut(p.key.as_str()).expect("counted");
        if *n > 0 {
            difference.missing.push(p.written.clone());
            *n -= 1;
        }
    }
    for p in target {
        let n = owed.get_mut(p.key.as_str()).expect("counted");
        if *n < 0 {
            difference.added.push(p.clone());
            *n += 1;
        }
    }
    difference
}

/// Whether a placeholder is filled by name or number rather than by its
/// place (`%(name)s`, `{0}`, `{{ x }}`, `${x}`; not `%s` nor a tag).
fn is_named(key: &str) -> bool {
    key.starts_with("%(") || key.starts_with('{') || key.starts_with("${")
}

/// [`compare`] for forms of a plural message: each distinct placeholder
/// of `source` the target lacks is missing, each of the target that
/// `either` (both source forms) lacks is added; how often does not count.
pub fn compare_sets(
    source: &[Placeholder],
    either: &[Placeholder],
    target: &[Placeholder],
) -> Difference {
    let mut difference = Difference::default();
    for p in source {
        if !target.iter().any(|t| t.key == p.key) && !difference.missing.contains(&p.written) {
            difference.missing.push(p.written.clone());
        }
    }
    for p in target {
        if !either.iter().any(|s| s.key == p.key)
            && !difference.added.iter().any(|a| a.key == p.key)
        {
            difference.added.push(p.clone());
        }
    }
    difference
}

/// Added placeholders that are a missing one with other spacing inside
/// (`{{limit}}` for `{{ limit }}`): the range of each and the missing
/// placeholder it should be, taken out of `difference`.
pub fn respaced(difference: &mut Difference) -> Vec<(Range<usize>, String)> {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let mut found = Vec::new();
    difference.added.retain(|added| {
        if added.range.is_empty() {
            return true;
        }
        let i = difference
            .missing
            .iter()
            .position(|m| squeeze(m) == squeeze(&added.written));
        match i {
            Some(i) => {
                found.push((added.range.clone(), difference.missing.remove(i)));
                false
            }
            None => true,
        }
    });
    found
}

/// Where the target writes a missing placeholder with stray spaces: the
/// range of the spaced form, and the placeholder as the source writes it.
pub fn spaced(target: &str, missing: &[String]) -> Vec<(Range<usize>, String)> {
    let mut wanted: Vec<&String> = missing.iter().collect();
    let mut found = Vec::new();
    for m in SPACED.find_iter(target) {
        let squeezed: String = m.as_str().chars().filter(|c| !c.is_whitespace()).collect();
        if squeezed == m.as_str() {
            continue;
        }
        if let Some(i) = wanted.iter().position(|w| **w == squeezed) {
            found.push((m.range(), wanted.remove(i).clone()));
        }
    }
    found
}

/// A text with its placeholders blanked out (same length), so that the
/// digits of `%1$d` or `<h2>` are not read as numbers.
pub fn blank(text: &str) -> String {
    let mut out = text.to_string();
    for p in find(text) {
        out.replace_range(p.range.clone(), &" ".repeat(p.range.len()));
    }
    out
}
