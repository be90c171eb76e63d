//! TMX 1.4: translation units (`<tu>`) holding one variant (`<tuv>`) per
//! language. The source language comes from the header's `srclang`; each
//! other variant (or only those of `--target-lang`) is a target.

use super::xliff::pair;
use super::xml::{Xml, attribute};
use super::{ReadError, Unit};
use quick_xml::events::Event;

pub fn read(text: &str, target_lang: Option<&str>) -> Result<Vec<Unit>, ReadError> {
    let mut xml = Xml::new(text);
    let mut units = Vec::new();
    let mut source_lang: Option<String> = None;
    // The variants of the current `<tu>`: language and content.
    let mut variants: Vec<(String, Unit)> = Vec::new();
    let mut tu_id = String::new();
    let mut tu_count = 0;
    let mut lang = String::new();
    while let Some((event, range)) = xml.next()? {
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"header" => {
                source_lang = attribute(&e, "srclang");
            }
            Event::Start(e) => match e.local_name().as_ref() {
                b"tu" => {
                    tu_count += 1;
                    tu_id = attribute(&e, "tuid").unwrap_or_else(|| format!("tu {tu_count}"));
                    variants.clear();
                }
                b"tuv" => {
                    lang = attribute(&e, "xml:lang")
                        .or_else(|| attribute(&e, "lang"))
                        .unwrap_or_default();
                }
                b"seg" => variants.push((lang.clone(), xml.content(range.end)?)),
                b"note" | b"prop" => xml.skip(&e)?,
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == b"tu" => {
                let Some(source_lang) = &source_lang else {
                    continue;
                };
                let Some(source) = variants
                    .iter()
                    .find(|(l, _)| same_language(l, source_lang))
                    .map(|(_, u)| u.clone())
                else {
                    continue;
                };
                let targets: Vec<&(String, Unit)> = variants
                    .iter()
                    .filter(|(l, _)| match target_lang {
                        Some(t) => same_language(l, t),
                        None => !same_language(l, source_lang),
                    })
                    .collect();
                let several = targets.len() > 1;
                for (l, target) in targets {
                    let id = if several {
                        format!("{tu_id}/{l}")
                    } else {
                        tu_id.clone()
                    };
                    units.push(pair(id, source.clone(), target.clone()));
                }
            }
            _ => {}
        }
    }
    Ok(units)
}

/// `zh` and `zh-CN` are the same language; `zh-CN` and `zh-TW` are not.
fn same_language(a: &str, b: &str) -> bool {
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    let primary = |s: &str| {
        s.split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    let bare = |s: &str| !s.contains(['-', '_']);
    (bare(a) || bare(b)) && primary(a) == primary(b)
}

#[cfg(test)]
#[test]
fn languages_match_by_primary_subtag() {
    assert!(same_language("zh", "zh-CN"));
    assert!(same_language("EN-us", "en-US"));
    assert!(!same_language("zh-CN", "zh-TW"));
    assert!(!same_language("en", "fr"));
}
