//! Source-language gating: which packs may report in a document.
//!
//! Some renderings are wrong only in text machine-translated from one
//! language: "community of common destiny" is a calque of 命运共同体 in a
//! Chinese government text and a fine phrase in an essay on Europe; "very
//! deceived by" is French *déçu* only where French was the source. A pack
//! declares the languages it targets (`source = ["zh"]` in `[pack]`) and
//! `evidence`: regexes whose hits show that a document came from one of
//! them (pinyin names and Chinese institutions; French spacing before
//! `: ; ! ?`, guillemets, "M. Macron").
//!
//! With [`Origin::Auto`] (the default), the findings of a sourced pack are
//! kept in a document only when the document shows evidence for one of the
//! pack's languages: at least `MIN_HITS` hits of that language's evidence
//! patterns, and at least one per `BYTES_PER_HIT` bytes of text, so that a
//! long document (a corpus of speeches in one file) needs evidence
//! throughout and not one quoted name. A finding of one of a pack's
//! `proof_rules` (a phrase that is not English outside translations, such as
//! "barrier gestures") settles it alone. The decision is taken once per
//! document over its whole text, in `Engine::complete`;
//! packs without `source` always report.

use super::Finding;
use crate::rule::Rule;
use regex::Regex;
use std::fmt;
use std::str::FromStr;

/// Evidence hits a document needs, whatever its length.
pub(crate) const MIN_HITS: usize = 2;
/// ... and at least one hit per this many bytes of text.
pub(crate) const BYTES_PER_HIT: usize = 8 * 1024;

/// Which source languages a run assumes (`--from`, config `from`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Origin {
    /// Decide per document from the evidence in it.
    #[default]
    Auto,
    /// Every pack reports everywhere (no gating).
    Any,
    /// Every document was translated from this language: packs for it on,
    /// packs for other languages only off.
    Language(String),
}

/// A `--from` or config `from` value that is not an [`Origin`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not auto, any or a language code such as zh or fr")]
pub struct UnknownOrigin(pub String);

impl FromStr for Origin {
    type Err = UnknownOrigin;
    fn from_str(s: &str) -> Result<Origin, UnknownOrigin> {
        match s {
            "auto" => Ok(Origin::Auto),
            "any" => Ok(Origin::Any),
            code if is_language_code(code) => Ok(Origin::Language(code.to_string())),
            other => Err(UnknownOrigin(other.to_string())),
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Auto => f.write_str("auto"),
            Origin::Any => f.write_str("any"),
            Origin::Language(code) => f.write_str(code),
        }
    }
}

/// A lowercase ISO 639 code: two or three ASCII letters.
pub(crate) fn is_language_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

/// What a pack says about the documents it applies to (validated from
/// `[pack]` by the pack loader).
#[derive(Debug, Clone, Default)]
pub struct PackGate {
    /// Source languages; empty = the pack applies to any text.
    pub languages: Vec<String>,
    /// Patterns whose hits are evidence for those languages.
    pub evidence: Vec<Regex>,
    /// Ids (short) of the pack's rules whose findings are evidence too.
    pub evidence_rules: Vec<String>,
    /// Ids (short) of the pack's rules whose one finding proves the source.
    pub proof_rules: Vec<String>,
}

/// What a rule's finding says about a document's source language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Testimony {
    /// Nothing: only evidence patterns and evidence rules count.
    None,
    /// One hit of evidence.
    Evidence,
    /// Proof: the phrase is not English outside translations.
    Proof,
}

/// One source language and all the evidence the loaded packs give for it.
#[derive(Debug, Clone)]
struct Language {
    code: String,
    evidence: Vec<Regex>,
}

/// The compiled gate of one run: for each rule, the languages it needs.
#[derive(Debug, Clone)]
pub struct Gate {
    origin: Origin,
    languages: Vec<Language>,
    /// Per rule (engine order): indices into `languages`; empty = always on.
    rule_languages: Vec<Vec<usize>>,
    /// Per rule: what its findings say about its languages.
    rule_testimony: Vec<Testimony>,
}

impl Gate {
    /// The gate for `rules` (engine order), from the packs' declarations
    /// (pack name, gate).
    pub fn new<'a>(
        origin: Origin,
        packs: impl IntoIterator<Item = (&'a str, &'a PackGate)>,
        rules: &[Rule],
    ) -> Gate {
        let mut languages: Vec<Language> = Vec::new();
        let mut pack_languages: Vec<(&str, Vec<usize>, &PackGate)> = Vec::new();
        for (name, gate) in packs {
            let mut indices = Vec::new();
            for code in &gate.languages {
                let index = match languages.iter().position(|l| &l.code == code) {
                    Some(i) => i,
                    None => {
                        languages.push(Language {
                            code: code.clone(),
                            evidence: Vec::new(),
                        });
                        languages.len() - 1
                    }
                };
                languages[index]
                    .evidence
                    .extend(gate.evidence.iter().cloned());
                indices.push(index);
            }
            pack_languages.push((name, indices, gate));
        }
        let of_pack = |rule: &Rule| pack_languages.iter().find(|(name, ..)| *name == rule.pack);
        let rule_languages = rules
            .iter()
            .map(|rule| of_pack(rule).map(|(_, l, _)| l.clone()).unwrap_or_default())
            .collect();
        let rule_testimony = rules
            .iter()
            .map(|rule| {
                let names = |ids: &[String]| ids.iter().any(|id| id == rule.short_id());
                match of_pack(rule) {
                    Some((_, _, gate)) if names(&gate.proof_rules) => Testimony::Proof,
                    Some((_, _, gate)) if names(&gate.evidence_rules) => Testimony::Evidence,
                    _ => Testimony::None,
                }
            })
            .collect();
        Gate {
            origin,
            languages,
            rule_languages,
            rule_testimony,
        }
    }

    /// Drops the findings of packs that do not apply to `text`.
    pub fn retain(&self, text: &str, findings: &mut Vec<Finding>) {
        if self.origin == Origin::Any
            || findings
                .iter()
                .all(|f| self.rule_languages[f.rule.index()].is_empty())
        {
            return;
        }
        // Findings of evidence and proof rules count first; the patterns
        // are searched lazily, once per language and document.
        let mut found = vec![0; self.languages.len()];
        let mut decided: Vec<Option<bool>> = vec![None; self.languages.len()];
        for f in findings.iter() {
            let testimony = self.rule_testimony[f.rule.index()];
            for &l in &self.rule_languages[f.rule.index()] {
                match testimony {
                    Testimony::None => {}
                    Testimony::Evidence => found[l] += 1,
                    Testimony::Proof if self.origin == Origin::Auto => decided[l] = Some(true),
                    Testimony::Proof => {}
                }
            }
        }
        findings.retain(|f| {
            let needs = &self.rule_languages[f.rule.index()];
            needs.is_empty()
                || needs.iter().any(|&l| {
                    *decided[l].get_or_insert_with(|| self.language_applies(l, text, found[l]))
                })
        });
    }

    /// Whether packs of language `index` apply to `text`, where `found`
    /// findings of evidence rules were made.
    fn language_applies(&self, index: usize, text: &str, found: usize) -> bool {
        let language = &self.languages[index];
        match &self.origin {
            Origin::Any => true,
            Origin::Language(code) => &language.code == code,
            Origin::Auto => shows_evidence(&language.evidence, text, found),
        }
    }
}

/// Whether `text`, where `found` findings of evidence rules were made, holds
/// enough hits of `evidence`: [`MIN_HITS`], and one per [`BYTES_PER_HIT`]
/// bytes, the findings included.
pub(crate) fn shows_evidence(evidence: &[Regex], text: &str, found: usize) -> bool {
    let needed = MIN_HITS.max(text.len().div_ceil(BYTES_PER_HIT));
    found >= needed || found + count_hits(evidence, text, needed - found) >= needed
}

/// Hits of all `evidence` patterns in `text`, counting up to `enough`.
fn count_hits(evidence: &[Regex], text: &str, enough: usize) -> usize {
    let mut hits = 0;
    for pattern in evidence {
        for _ in pattern.find_iter(text) {
            hits += 1;
            if hits >= enough {
                return hits;
            }
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_parses_auto_any_and_codes() {
        assert_eq!("auto".parse::<Origin>(), Ok(Origin::Auto));
        assert_eq!("any".parse::<Origin>(), Ok(Origin::Any));
        assert_eq!("zh".parse::<Origin>(), Ok(Origin::Language("zh".into())));
        assert_eq!(
            "Chinese".parse::<Origin>().unwrap_err().to_string(),
            "`Chinese` is not auto, any or a language code such as zh or fr"
        );
    }

    #[test]
    fn evidence_needs_two_hits_and_one_per_block_of_text() {
        let evidence = [Regex::new(r"\bXinhua\b").unwrap()];
        assert!(!shows_evidence(&evidence, "Xinhua reported it.", 0));
        assert!(shows_evidence(
            &evidence,
            "Xinhua reported it. Xinhua said.",
            0
        ));
        assert!(
            shows_evidence(&evidence, "Xinhua reported it.", 1),
            "a finding counts"
        );
        let long = format!("Xinhua, Xinhua. {}", "Plain English text. ".repeat(2000));
        assert!(
            !shows_evidence(&evidence, &long, 0),
            "two hits in 40 KB are not enough"
        );
    }
}
