//! Term bases in TBX (ISO 30042), read as a pack of `term` rules: TBX-Basic
//! and TBX v2 (`<termEntry>`, `<langSet xml:lang>`, `<tig>`/`<ntig>` with
//! `<term>`) and TBX v3 (`<conceptEntry>`, `<langSec xml:lang>`,
//! `<termSec>` with `<term>`).
//!
//! Each entry with terms in the target language (English unless asked)
//! and in another becomes a rule: where a source has one of the other
//! languages' terms, the target must have one of the target language's.
//! The rules are written as a pack's TOML and loaded like any pack, so a
//! term base and a hand-written pack behave the same.

use super::{Pack, PackError, load};
use crate::markup::bilingual::same_language;
use quick_xml::Reader;
use quick_xml::events::Event;

/// One concept: its id and its terms with their languages.
#[derive(Debug, Default)]
struct Entry {
    id: Option<String>,
    terms: Vec<(String, String)>,
}

/// The pack of a TBX file: `file` names it in messages and gives the pack
/// its name (`termbase-` and the file's stem); `target_lang` is the
/// language of the renderings a target must use.
pub fn load_tbx(file: &str, text: &str, target_lang: &str) -> Result<Pack, PackError> {
    let entries = read(text).map_err(|message| PackError {
        file: file.to_string(),
        position: None,
        rule: None,
        message,
    })?;
    load(file, &to_pack(file, &entries, target_lang))
}

fn read(text: &str) -> Result<Vec<Entry>, String> {
    let mut reader = Reader::from_str(text);
    let mut entries = Vec::new();
    let mut entry: Option<Entry> = None;
    let mut lang: Option<String> = None;
    let mut term: Option<String> = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("invalid TBX at byte {}: {e}", reader.buffer_position()))?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"termEntry" | b"conceptEntry" => {
                    let id = attribute(&e, b"id");
                    entry = Some(Entry {
                        id,
                        terms: Vec::new(),
                    });
                }
                b"langSet" | b"langSec" => lang = attribute(&e, b"xml:lang"),
                b"term" if entry.is_some() => term = Some(String::new()),
                _ => {}
            },
            Event::Text(t) => {
                if let Some(term) = term.as_mut() {
                    let decoded = t.decode().map_err(|e| e.to_string())?;
                    let text = quick_xml::escape::unescape(&decoded).map_err(|e| e.to_string())?;
                    term.push_str(&text);
                }
            }
            Event::GeneralRef(r) => {
                if let Some(term) = term.as_mut() {
                    let name = r.decode().map_err(|e| e.to_string())?;
                    let reference = format!("&{name};");
                    let text =
                        quick_xml::escape::unescape(&reference).map_err(|e| e.to_string())?;
                    term.push_str(&text);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"term" => {
                    if let (Some(t), Some(l), Some(entry)) = (term.take(), &lang, entry.as_mut()) {
                        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
                        if !t.is_empty() {
                            entry.terms.push((l.clone(), t));
                        }
                    }
                }
                b"langSet" | b"langSec" => lang = None,
                b"termEntry" | b"conceptEntry" => entries.extend(entry.take()),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(entries)
}

fn attribute(e: &quick_xml::events::BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// The pack's TOML: one `term` rule per entry that has terms in the target
/// language and in another, and that a target could break (a term written
/// the same in both, such as a brand name, needs no rule).
fn to_pack(file: &str, entries: &[Entry], target_lang: &str) -> String {
    let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
    let list = |items: &[&str]| {
        let quoted: Vec<String> = items.iter().map(|s| quote(s)).collect();
        format!("[{}]", quoted.join(", "))
    };
    let stem = std::path::Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("tbx");
    let mut out = format!(
        "[pack]\nname = {}\ndescription = {}\n",
        quote(&format!("termbase-{}", slug(stem))),
        quote(&format!("Term base {file} (TBX)")),
    );
    for (n, entry) in entries.iter().enumerate() {
        let in_target = |lang: &str| same_language(lang, target_lang);
        let target: Vec<&str> = entry
            .terms
            .iter()
            .filter(|(lang, _)| in_target(lang))
            .map(|(_, t)| t.as_str())
            .collect();
        let source: Vec<&str> = entry
            .terms
            .iter()
            .filter(|(lang, _)| !in_target(lang))
            .map(|(_, t)| t.as_str())
            .filter(|s| !target.iter().any(|t| t.eq_ignore_ascii_case(s)))
            .collect();
        let (Some(first_source), Some(first_target)) = (source.first(), target.first()) else {
            continue;
        };
        let id = match entry.id.as_deref().map(slug) {
            Some(id) if !id.is_empty() => format!("entry-{id}"),
            _ => format!("entry-{}", n + 1),
        };
        out.push_str(&format!(
            "\n[[rule]]\nid = {}\nmessage = {}\nterm = {{ source = {}, target = {} }}\n\
             examples = [{{ source = {}, bad = {} }}]\nok = [{{ source = {}, target = {} }}]\n",
            quote(&id),
            quote(&format!(
                "the term base renders `{first_source}` as `{first_target}`"
            )),
            list(&source),
            list(&target),
            quote(first_source),
            quote(first_source),
            quote(first_source),
            quote(first_target),
        ));
    }
    out
}

/// A name made of lowercase letters, digits and hyphens.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TBX2: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en">
 <text><body>
  <termEntry id="c1">
   <langSet xml:lang="zh"><tig><term>一带一路</term></tig></langSet>
   <langSet xml:lang="en">
    <tig><term>Belt and Road Initiative</term></tig>
    <ntig><termGrp><term>Belt and Road</term></termGrp></ntig>
   </langSet>
  </termEntry>
  <termEntry id="c2">
   <langSet xml:lang="en"><tig><term>Linux</term></tig></langSet>
   <langSet xml:lang="zh"><tig><term>Linux</term></tig></langSet>
  </termEntry>
 </body></text>
</martif>"#;

    const TBX3: &str = r#"<?xml version="1.0"?>
<tbx type="TBX-Core" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
 <text><body>
  <conceptEntry id="R&amp;D">
   <langSec xml:lang="fr"><termSec><term>recherche et développement</term></termSec></langSec>
   <langSec xml:lang="en-US"><termSec><term>research &amp; development</term></termSec></langSec>
  </conceptEntry>
 </body></text>
</tbx>"#;

    #[test]
    fn tbx_2_entries_become_term_rules() {
        let pack = load_tbx("glossary/bri.tbx", TBX2, "en").unwrap();
        assert_eq!(pack.name, "termbase-bri");
        let ids: Vec<&str> = pack.rules.iter().map(|r| r.rule.short_id()).collect();
        assert_eq!(ids, ["entry-c1"], "a term the same in both needs no rule");
        let crate::pack::Matcher::Term(crate::markup::bilingual::Check::Term(term)) =
            &pack.rules[0].matcher
        else {
            panic!("not a term rule");
        };
        assert_eq!(term.source, ["一带一路"]);
        assert_eq!(term.target, ["Belt and Road Initiative", "Belt and Road"]);
    }

    #[test]
    fn tbx_3_entries_and_entities() {
        let pack = load_tbx("core.tbx", TBX3, "en").unwrap();
        let crate::pack::Matcher::Term(crate::markup::bilingual::Check::Term(term)) =
            &pack.rules[0].matcher
        else {
            panic!("not a term rule");
        };
        assert_eq!(pack.rules[0].rule.short_id(), "entry-r-d");
        assert_eq!(term.source, ["recherche et développement"]);
        assert_eq!(term.target, ["research & development"]);
        // Another target language turns the entry around.
        let french = load_tbx("core.tbx", TBX3, "fr").unwrap();
        assert_eq!(french.rules.len(), 1);
    }

    #[test]
    fn broken_tbx_is_an_error_naming_the_file() {
        let error = load_tbx("bad.tbx", "<martif><termEntry></langSet>", "en").unwrap_err();
        assert_eq!(error.file, "bad.tbx");
    }
}
