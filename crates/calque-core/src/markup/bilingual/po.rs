//! gettext catalogues as bilingual files: `msgid` against `msgstr`, or for
//! plural entries `msgid` against `msgstr[0]` and `msgid_plural` against the
//! other forms. The header entry, obsolete entries (`#~`) and, unless
//! asked, fuzzy entries (`#, fuzzy`: a guess awaiting review) are skipped.
//! The unit id is the entry's `msgctxt` and `msgid`, with `[N]` for a
//! plural form.

use super::Unit;
use crate::markup::gettext::{escapes, string_literal};
use crate::markup::lines;

/// Which string the current line continues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    None,
    Context,
    Id,
    Plural,
    Translation(usize),
}

#[derive(Default)]
struct Entry {
    fuzzy: bool,
    context: String,
    id: String,
    plural: Option<String>,
    /// `msgstr[N]` (or `msgstr` as 0) with its collected text.
    translations: Vec<(usize, Unit)>,
}

pub fn read(text: &str, include_fuzzy: bool) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut entry = Entry::default();
    let mut part = Part::None;
    let mut after_translation = false;
    for line in lines(text) {
        let content = &text[line.clone()];
        let trimmed = content.trim_start();
        if trimmed.starts_with("#,") && trimmed.contains("fuzzy") {
            finish(&mut entry, &mut units, include_fuzzy);
            entry.fuzzy = true;
            part = Part::None;
            after_translation = false;
            continue;
        }
        let keyword = trimmed
            .split(|c: char| c.is_whitespace() || c == '"')
            .next()
            .unwrap_or("");
        let next = match keyword {
            "msgctxt" => Some(Part::Context),
            "msgid" => Some(Part::Id),
            "msgid_plural" => Some(Part::Plural),
            "msgstr" => Some(Part::Translation(0)),
            k if k.starts_with("msgstr[") && k.ends_with(']') => {
                k[7..k.len() - 1].parse().ok().map(Part::Translation)
            }
            "" if trimmed.starts_with('"') => None,
            _ => {
                part = Part::None;
                continue;
            }
        };
        if let Some(next) = next {
            // A new entry starts at its first keyword after a translation.
            if after_translation && matches!(next, Part::Context | Part::Id) {
                finish(&mut entry, &mut units, include_fuzzy);
                after_translation = false;
            }
            if let Part::Translation(n) = next {
                after_translation = true;
                entry.translations.push((n, Unit::default()));
            }
            part = next;
        }
        let Some(inside) = string_literal(content) else {
            continue;
        };
        let inside = line.start + inside.start..line.start + inside.end;
        match part {
            Part::None => {}
            Part::Context => entry.context.push_str(&decode(text, inside)),
            Part::Id => entry.id.push_str(&decode(text, inside)),
            Part::Plural => entry
                .plural
                .get_or_insert_with(String::new)
                .push_str(&decode(text, inside)),
            Part::Translation(_) => {
                if let Some((_, unit)) = entry.translations.last_mut() {
                    collect(unit, text, inside);
                }
            }
        }
    }
    finish(&mut entry, &mut units, include_fuzzy);
    // Message ids are English by convention: an English catalogue
    // (`en_GB`, `en_AU`) repeats many of them on purpose.
    if header_language(text).is_some_and(|l| super::same_language(&l, "en")) {
        units.iter_mut().for_each(|u| u.same_language = true);
    }
    units
}

/// The `Language:` field of the header entry, if any.
fn header_language(text: &str) -> Option<String> {
    let at = text.find("\"Language: ")? + "\"Language: ".len();
    let value: String = text[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .collect();
    (!value.is_empty()).then_some(value)
}

/// Turns a finished entry into units and starts a new one.
fn finish(entry: &mut Entry, units: &mut Vec<Unit>, include_fuzzy: bool) {
    let entry = std::mem::take(entry);
    let header = entry.id.is_empty() && entry.context.is_empty();
    if header || (entry.fuzzy && !include_fuzzy) {
        return;
    }
    let mut id = entry.id.clone();
    if !entry.context.is_empty() {
        id = format!("{}|{id}", entry.context);
    }
    let plural = entry.plural.is_some();
    for (n, mut unit) in entry.translations {
        unit.source = match (&entry.plural, n) {
            (Some(p), 1..) => p.clone(),
            _ => entry.id.clone(),
        };
        unit.plural = match (&entry.plural, n) {
            (Some(_), 1..) => Some(entry.id.clone()),
            (Some(p), _) => Some(p.clone()),
            (None, _) => None,
        };
        unit.id = if plural {
            format!("{id}[{n}]")
        } else {
            id.clone()
        };
        units.push(unit);
    }
}

/// Adds the contents of one string literal to a translation.
fn collect(unit: &mut Unit, text: &str, inside: std::ops::Range<usize>) {
    if unit.pieces.is_empty() {
        unit.span = inside.clone();
    }
    unit.span.end = inside.end;
    let mut at = inside.start;
    for escape in escapes(text, inside.clone()) {
        unit.push_verbatim(&text[at..escape.start], at);
        unit.push_decoded(&unescape(&text[escape.clone()]), escape.clone());
        at = escape.end;
    }
    unit.push_verbatim(&text[at..inside.end], at);
}

/// The decoded contents of one string literal.
fn decode(text: &str, inside: std::ops::Range<usize>) -> String {
    let mut unit = Unit::default();
    collect(&mut unit, text, inside);
    unit.target
}

/// What one escape sequence stands for.
fn unescape(escape: &str) -> String {
    let body = &escape[1..];
    let code = match body {
        "n" => Some('\n'),
        "t" => Some('\t'),
        "r" => Some('\r'),
        "a" => Some('\u{7}'),
        "b" => Some('\u{8}'),
        "f" => Some('\u{c}'),
        "v" => Some('\u{b}'),
        _ if body.starts_with('x') => u32::from_str_radix(&body[1..], 16)
            .ok()
            .and_then(char::from_u32),
        _ if body.starts_with(|c: char| c.is_digit(8)) => {
            u32::from_str_radix(body, 8).ok().and_then(char::from_u32)
        }
        _ => body.chars().next(),
    };
    code.map_or_else(|| escape.to_string(), |c| c.to_string())
}
