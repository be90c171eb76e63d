//! `calque eval`: scoring the loaded packs against annotated text.
//!
//! A gold file lists every error of a text (`[[error]]`: line, verbatim
//! text, which occurrence on the line, acceptable fixes, whether a
//! context-free fix is safe, tier) and spans that look wrong but are right
//! (`[[keep]]`). The score says how many errors the packs flag, how many
//! safe ones `calque fix` turns into a gold fix exactly, and what the packs
//! touch that they should not. Pure: texts in, numbers out.

use crate::engine::{Engine, Finding};
use crate::fix::{self, Edit};
use crate::source::{LineIndex, located};
use serde::{Deserialize, Serialize};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
/// How hard a gold error is to catch; scores are given per tier.
pub enum Tier {
    /// A reusable pattern rule can catch it.
    Core,
    /// Needs an understanding of the sentence.
    Hard,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
/// A `[[error]]` of a gold file: an MT error a good checker should flag.
pub struct GoldError {
    /// 1-based line of the error in its text.
    pub line: usize,
    /// The erroneous text, verbatim, as it appears on the line.
    pub text: String,
    #[serde(default = "first")]
    /// Which occurrence of `text` on the line (1-based), when it occurs more than once.
    pub occurrence: usize,
    #[serde(default)]
    /// Acceptable corrections; empty when only flagging is expected.
    pub fix: Vec<String>,
    #[serde(default)]
    /// Whether `fix` should correct it unreviewed: its result must then equal one of `fix`.
    pub safe: bool,
    /// How hard the error is to catch.
    pub tier: Tier,
    #[serde(default)]
    /// A free label ("calque", "terminology"...) for per-category figures.
    pub category: Option<String>,
    #[serde(default)]
    /// The text it is in, for gold files covering several texts.
    pub file: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
/// A `[[keep]]` of a gold file: text that is right as written, so any edit there is false.
pub struct GoldKeep {
    /// 1-based line of the text.
    pub line: usize,
    /// The text, verbatim.
    pub text: String,
    #[serde(default = "first")]
    /// Which occurrence of `text` on the line (1-based).
    pub occurrence: usize,
    #[serde(default)]
    /// The text it is in, for gold files covering several texts.
    pub file: Option<String>,
}

fn first() -> usize {
    1
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
/// A gold file: the annotated errors of some texts, and spans to keep.
pub struct Gold {
    #[serde(default)]
    /// The `[[error]]` entries.
    pub error: Vec<GoldError>,
    #[serde(default)]
    /// The `[[keep]]` entries.
    pub keep: Vec<GoldKeep>,
}

/// Why a gold file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EvalError {
    /// Not a gold file: TOML or schema error, located where TOML says.
    #[error("{file}{}: {message}", located(*position))]
    Gold {
        /// The gold file's name as the user gave it.
        file: String,
        /// 1-based line and column (in characters).
        position: Option<(usize, usize)>,
        /// TOML's message.
        message: String,
    },
    /// A gold span that its text does not have.
    #[error("line {line}: occurrence {occurrence} of {needle:?} not found")]
    SpanNotFound {
        /// 1-based line of the text.
        line: usize,
        /// Which occurrence on the line (1-based).
        occurrence: usize,
        /// The verbatim text looked for.
        needle: String,
    },
    /// Not a right-edits file (`calque eval --right-edits`): a line that is
    /// not `FILE<TAB>SNIPPET`.
    #[error("{file}:{line}: expected FILE<TAB>SNIPPET")]
    RightEdits {
        /// The right-edits file's name as the user gave it.
        file: String,
        /// 1-based line.
        line: usize,
    },
    /// Not a floor file (`calque eval --floor`): TOML or schema error.
    #[error("{file}: {message}")]
    Floor {
        /// The floor file's name as the user gave it.
        file: String,
        /// TOML's message.
        message: String,
    },
    /// A floor on figures the run did not measure, which cannot pass by not
    /// being looked at: `[gold]` without a gold file, `[clean]` without
    /// `--clean`.
    #[error("the floor has [{section}] figures but no {scored} was scored")]
    Unmeasured {
        /// The floor file's section.
        section: &'static str,
        /// What the run would have had to score.
        scored: &'static str,
    },
}

/// Parses a gold file; errors name the file, line and column.
pub fn parse_gold(label: &str, text: &str) -> Result<Gold, EvalError> {
    toml::from_str(text).map_err(|e| EvalError::Gold {
        file: label.to_string(),
        position: e
            .span()
            .map(|span| LineIndex::new(text).position_in(text, span.start)),
        message: e.message().trim().to_string(),
    })
}

/// The byte range of the `occurrence`-th `needle` on 1-based `line`.
pub fn locate(
    text: &str,
    lines: &LineIndex,
    line: usize,
    needle: &str,
    occurrence: usize,
) -> Option<Range<usize>> {
    if line == 0 || line > text.matches('\n').count() + 1 || needle.is_empty() {
        return None;
    }
    let start = lines.line_start(line);
    let line_text = lines.line_text(text, line);
    let (at, _) = line_text
        .match_indices(needle)
        .nth(occurrence.checked_sub(1)?)?;
    Some(start + at..start + at + needle.len())
}

/// How the packs did on one gold error.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorResult {
    /// The gold error scored.
    pub gold: GoldError,
    /// Whether any finding covers it.
    pub flagged: bool,
    /// The rules that flagged it.
    pub rules: Vec<String>,
    /// For safe errors: what `fix` left in its place, and whether that is a gold fix.
    pub fixed_to: Option<String>,
    /// Whether `fixed_to` is one of the gold fixes (safe errors only).
    pub fixed_exactly: Option<bool>,
}

/// Something the packs did where no gold error is.
#[derive(Debug, Clone, Serialize)]
pub struct Stray {
    /// 1-based line.
    pub line: usize,
    /// The id of the rule.
    pub rule: String,
    /// The text it matched.
    pub matched: String,
    /// Its first replacement, if it has one.
    pub replacement: Option<String>,
    /// The span is a `[[keep]]` span: right as written.
    pub on_keep: bool,
}

#[derive(Debug, Clone, Serialize)]
/// The score of one text against its gold errors.
pub struct TextScore {
    /// One result per gold error of the text, in gold order.
    pub errors: Vec<ErrorResult>,
    /// Edits of `fix` that touch no gold span, or touch a keep span.
    pub false_edits: Vec<Stray>,
    /// Findings (fixable or not) on no gold span.
    pub stray_findings: Vec<Stray>,
}

/// Scores `engine` on one text. Gold spans that cannot be found are an error.
pub fn score(
    engine: &Engine,
    text: &str,
    errors: &[&GoldError],
    keeps: &[&GoldKeep],
    unsafe_fixes: bool,
) -> Result<TextScore, EvalError> {
    let lines = LineIndex::new(text);
    let find = |line, needle: &str, occurrence| {
        locate(text, &lines, line, needle, occurrence).ok_or_else(|| EvalError::SpanNotFound {
            line,
            occurrence,
            needle: needle.to_string(),
        })
    };
    let error_spans: Vec<Range<usize>> = errors
        .iter()
        .map(|e| find(e.line, &e.text, e.occurrence))
        .collect::<Result<_, _>>()?;
    let keep_spans: Vec<Range<usize>> = keeps
        .iter()
        .map(|k| find(k.line, &k.text, k.occurrence))
        .collect::<Result<_, _>>()?;

    let findings = engine.check(text);
    let outcome = fix::fix_text(engine, text, unsafe_fixes);
    let first_pass: &[Edit] = outcome.passes.first().map_or(&[], Vec::as_slice);

    let results = errors
        .iter()
        .zip(&error_spans)
        .map(|(gold, span)| {
            let flagging: Vec<&Finding> = findings
                .iter()
                .filter(|f| overlaps(&f.span, span))
                .collect();
            let mut rules: Vec<String> = flagging
                .iter()
                .map(|f| engine.rule(f.rule).id.clone())
                .collect();
            rules.dedup();
            let (fixed_to, fixed_exactly) = if gold.safe {
                let (got, expected) = fixed_region(
                    text,
                    &outcome.text,
                    span,
                    first_pass,
                    &outcome.passes,
                    &gold.fix,
                );
                let exact = expected.contains(&got);
                (Some(got), Some(exact))
            } else {
                (None, None)
            };
            ErrorResult {
                gold: (*gold).clone(),
                flagged: !flagging.is_empty(),
                rules,
                fixed_to,
                fixed_exactly,
            }
        })
        .collect();

    let on_keep = |span: &Range<usize>| keep_spans.iter().any(|k| overlaps(k, span));
    let on_gold = |span: &Range<usize>| error_spans.iter().any(|g| overlaps(g, span));
    // An edit changes a keep span only if the bytes it really changes fall
    // in it: "narrower China-Cuba community" -> "closer China-Cuba community"
    // leaves a keep span starting at "community" as it was.
    let changes_keep = |e: &Edit| on_keep(&changed_part(text, e));
    let false_edits = first_pass
        .iter()
        .filter(|e| !on_gold(&e.span) || changes_keep(e))
        .map(|e| Stray {
            line: lines.line(e.span.start),
            rule: engine.rule(e.rule).id.clone(),
            matched: text[e.span.clone()].to_string(),
            replacement: Some(e.replacement.clone()),
            on_keep: changes_keep(e),
        })
        .collect();
    let stray_findings = findings
        .iter()
        .filter(|f| !on_gold(&f.span))
        .map(|f| Stray {
            line: lines.line(f.span.start),
            rule: engine.rule(f.rule).id.clone(),
            matched: text[f.span.clone()].to_string(),
            replacement: f.replacements().first().cloned(),
            on_keep: on_keep(&f.span),
        })
        .collect();
    Ok(TextScore {
        errors: results,
        false_edits,
        stray_findings,
    })
}

/// The part of an edit's span that its replacement really changes: the
/// span less the prefix and suffix it shares with the replacement.
fn changed_part(text: &str, edit: &Edit) -> Range<usize> {
    let old = text[edit.span.clone()].as_bytes();
    let new = edit.replacement.as_bytes();
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let max_suffix = old.len().min(new.len()) - prefix;
    let suffix = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    edit.span.start + prefix..edit.span.end - suffix
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// What `fix` made of a gold span, and what it should have made of it.
///
/// An edit may cover more than the gold span ("oppose the policy of power"
/// for the gold "the policy of power"), so both sides are compared over the
/// span grown to the first pass's overlapping edits: the fixed text there,
/// against the original there with the gold span replaced by each gold fix.
fn fixed_region(
    original: &str,
    fixed: &str,
    span: &Range<usize>,
    first_pass: &[Edit],
    passes: &[Vec<Edit>],
    gold_fixes: &[String],
) -> (String, Vec<String>) {
    let mut grown = span.clone();
    for e in first_pass {
        if overlaps(&e.span, span) {
            grown.start = grown.start.min(e.span.start);
            grown.end = grown.end.max(e.span.end);
        }
    }
    let mut mapped = grown.clone();
    for pass in passes {
        mapped = fix::map_forward(&mapped, pass);
    }
    let got = fixed[mapped].to_string();
    let before = &original[grown.start..span.start];
    let after = &original[span.end..grown.end];
    let expected = gold_fixes
        .iter()
        .map(|f| format!("{before}{f}{after}"))
        .collect();
    (got, expected)
}

/// Totals over any number of scored texts.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Totals {
    /// Gold errors of the core tier.
    pub core: usize,
    /// Of those, the flagged ones.
    pub core_flagged: usize,
    /// Gold errors of the hard tier.
    pub hard: usize,
    /// Of those, the flagged ones.
    pub hard_flagged: usize,
    /// Gold errors marked safe.
    pub safe: usize,
    /// Of those, the ones `fix` turned into a gold fix.
    pub safe_fixed_exactly: usize,
    /// Edits of `fix` where no gold error is.
    pub false_edits: usize,
    /// Of those, the ones on a keep span.
    pub false_edits_on_keep: usize,
    /// Findings where no gold error is.
    pub stray_findings: usize,
}

impl Totals {
    /// Adds one text's score.
    pub fn add(&mut self, score: &TextScore) {
        for r in &score.errors {
            match r.gold.tier {
                Tier::Core => {
                    self.core += 1;
                    self.core_flagged += usize::from(r.flagged);
                }
                Tier::Hard => {
                    self.hard += 1;
                    self.hard_flagged += usize::from(r.flagged);
                }
            }
            if r.gold.safe {
                self.safe += 1;
                self.safe_fixed_exactly += usize::from(r.fixed_exactly == Some(true));
            }
        }
        self.false_edits += score.false_edits.len();
        self.false_edits_on_keep += score.false_edits.iter().filter(|s| s.on_keep).count();
        self.stray_findings += score.stray_findings.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{TestPack, TestRule};

    const GOLD: &str = r#"
[[error]]
line = 1
text = "XI"
fix = ["Xi"]
safe = true
tier = "core"

[[error]]
line = 2
text = "the policy of power"
fix = ["power politics"]
safe = true
tier = "core"

[[error]]
line = 2
text = "regular progress"
fix = ["steady progress"]
tier = "hard"

[[keep]]
line = 3
text = "Louis XI"
"#;

    fn engine() -> Engine {
        TestPack::new("test")
            .rule(TestRule::xi_all_caps())
            .rule(
                TestRule::phrase("power", "oppose the policy of power")
                    .replace("oppose power politics")
                    .safe(),
            )
            .engine()
    }

    #[test]
    fn scores_flags_exact_fixes_and_false_positives() {
        let gold = parse_gold("gold.toml", GOLD).unwrap();
        let text = "XI said\nThey oppose the policy of power and make regular progress.\nLouis XI ruled.\n";
        let engine = engine();
        let errors: Vec<&GoldError> = gold.error.iter().collect();
        let keeps: Vec<&GoldKeep> = gold.keep.iter().collect();
        let score = score(&engine, text, &errors, &keeps, false).unwrap();
        let mut totals = Totals::default();
        totals.add(&score);
        assert_eq!((totals.core, totals.core_flagged), (2, 2));
        assert_eq!((totals.hard, totals.hard_flagged), (1, 0));
        assert_eq!((totals.safe, totals.safe_fixed_exactly), (2, 2));
        // "Louis XI" is a keep span, and the bare pattern edits it.
        assert_eq!(totals.false_edits, 1);
        assert_eq!(totals.false_edits_on_keep, 1);
        assert_eq!(
            score.errors[1].fixed_to.as_deref(),
            Some("oppose power politics")
        );
    }

    #[test]
    fn a_gold_span_that_is_not_in_the_text_is_an_error() {
        let gold = parse_gold(
            "g",
            "[[error]]\nline = 1\ntext = \"nope\"\ntier = \"core\"\n",
        )
        .unwrap();
        let engine = engine();
        let errors: Vec<&GoldError> = gold.error.iter().collect();
        assert!(score(&engine, "XI", &errors, &[], false).is_err());
    }

    #[test]
    fn gold_errors_name_line_and_column() {
        let e = parse_gold("g.toml", "[[error]]\nline = \"one\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("g.toml:2:8:"), "{e}");
    }
}
