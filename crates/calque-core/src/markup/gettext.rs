//! gettext catalogues (`.po`, `.pot`). Only translations are checked: the
//! contents of the `msgstr` and `msgstr[N]` strings, continuation lines
//! included. Comments, `msgctxt`, `msgid`, `msgid_plural`, the keywords,
//! the quotes and the header entry (the `msgstr` of the empty `msgid`, which
//! holds metadata) are excluded.
//!
//! Escape sequences (`\"`, `\n`, `\\`, `\t`, octal and hex) are excluded
//! too, so no match can start, end or run inside one, and an edit never
//! breaks one; replacements are escaped before they go in (see [`escape`]).

use super::{Layout, lines};
use std::ops::Range;

/// Which string a line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// msgctxt, msgid, msgid_plural, or a line that is not a string.
    Other,
    /// A translation: checked.
    Translation,
    /// The header entry's msgstr: metadata.
    Header,
}

pub fn layout(text: &str) -> Layout {
    let mut excluded = Vec::new();
    let mut part = Part::Other;
    let mut in_msgid = false;
    let mut msgid_empty = false;
    let mut has_context = false;
    let mut after_msgstr = true;
    for line in lines(text) {
        let content = &text[line.clone()];
        let trimmed = content.trim_start();
        let keyword_end = trimmed.find(|c: char| c.is_whitespace() || c == '"');
        let keyword = keyword_end.map_or(trimmed, |end| &trimmed[..end]);
        match keyword {
            "msgctxt" => {
                has_context = true;
                in_msgid = false;
                part = Part::Other;
                after_msgstr = false;
            }
            "msgid" => {
                if after_msgstr {
                    has_context = false;
                }
                in_msgid = true;
                msgid_empty = true;
                part = Part::Other;
                after_msgstr = false;
            }
            "msgid_plural" => {
                in_msgid = false;
                part = Part::Other;
            }
            k if k == "msgstr" || (k.starts_with("msgstr[") && k.ends_with(']')) => {
                in_msgid = false;
                after_msgstr = true;
                part = if msgid_empty && !has_context {
                    Part::Header
                } else {
                    Part::Translation
                };
            }
            "" if trimmed.starts_with('"') => {}
            _ => {
                // A comment, a blank line or something unknown ends the string.
                in_msgid = false;
                part = Part::Other;
            }
        }
        let literal = string_literal(content).map(|r| r.start + line.start..r.end + line.start);
        if in_msgid && literal.as_ref().is_some_and(|r| !r.is_empty()) {
            msgid_empty = false;
        }
        match (part, literal) {
            (Part::Translation, Some(inside)) => {
                excluded.push(line.start..inside.start);
                excluded.extend(escapes(text, inside.clone()));
                excluded.push(inside.end..line.end);
            }
            _ => excluded.push(line),
        }
    }
    Layout {
        excluded,
        suppressions: Vec::new(),
    }
}

/// The byte range inside the quotes of the first string literal of a line
/// (relative to the line), if it has a closed one.
pub(crate) fn string_literal(line: &str) -> Option<Range<usize>> {
    let open = line.find('"')? + 1;
    let bytes = line.as_bytes();
    let mut i = open;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(open..i),
            _ => i += 1,
        }
    }
    None
}

/// The escape sequences inside a string literal's contents.
pub(crate) fn escapes(text: &str, inside: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[inside.clone()];
    let bytes = s.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        match bytes.get(i) {
            Some(b'0'..=b'7') => {
                let digits = bytes[i..]
                    .iter()
                    .take(3)
                    .take_while(|b| (b'0'..=b'7').contains(b))
                    .count();
                i += digits;
            }
            Some(b'x') => {
                i += 1;
                i += bytes[i..]
                    .iter()
                    .take_while(|b| b.is_ascii_hexdigit())
                    .count();
            }
            Some(_) => {
                // One whole character, however many bytes it takes.
                i += s[i..].chars().next().map_or(1, char::len_utf8);
            }
            None => {}
        }
        found.push(inside.start + start..inside.start + i.min(bytes.len()));
    }
    found
}

/// `text` written as the contents of a PO string literal.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{PLACEHOLDER, mask, normalise};
    use super::*;

    fn seen(text: &str) -> String {
        mask(text, &normalise(layout(text).excluded)).replace(PLACEHOLDER as char, "#")
    }

    #[test]
    fn only_translations_are_seen() {
        let po = concat!(
            "# XI comment\n",
            "#: src/main.c:12\n",
            "msgid \"XI said\"\n",
            "msgstr \"XI a dit \\\"XI\\\"\\nXI\"\n",
            "\n",
            "msgctxt \"XI\"\n",
            "msgid \"one XI\"\n",
            "msgid_plural \"XI many\"\n",
            "msgstr[0] \"\"\n",
            "\"XI one\"\n",
            "msgstr[1] \"XI\"\n",
        );
        assert_eq!(
            seen(po),
            concat!(
                "############\n",
                "################\n",
                "###############\n",
                "########XI a dit ##XI####XI#\n",
                "\n",
                "############\n",
                "##############\n",
                "######################\n",
                "############\n",
                "#XI one#\n",
                "###########XI#\n",
            )
        );
    }

    #[test]
    fn the_header_entry_is_metadata() {
        let po =
            "msgid \"\"\nmsgstr \"\"\n\"Language: XI\\n\"\n\nmsgid \"\"\n\"XI\"\nmsgstr \"XI\"\n";
        assert_eq!(
            seen(po),
            "########\n#########\n################\n\n########\n####\n########XI#\n"
        );
    }

    #[test]
    fn escapes_are_whole() {
        let s = r#"a\"b\nc\\d\101e\x41g\é"#;
        let found: Vec<&str> = escapes(s, 0..s.len()).into_iter().map(|r| &s[r]).collect();
        assert_eq!(found, [r#"\""#, r"\n", r"\\", r"\101", r"\x41", r"\é"]);
    }

    #[test]
    fn replacements_are_escaped() {
        assert_eq!(escape("say \"hi\"\\\n"), r#"say \"hi\"\\\n"#);
    }
}
