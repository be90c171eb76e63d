//! Loading and validating rule packs.
//!
//! A pack is validated completely before any text is read: unknown fields,
//! missing or duplicate ids, invalid regular expressions, empty phrases,
//! replacements naming missing capture groups, malformed examples. Each
//! problem becomes one [`PackError`] naming the file, line, column and rule.

mod builtin;
mod gate;
mod ok_cases;
mod rule_table;
pub(crate) mod schema;
pub mod tbx;

use crate::engine::context::Context;
use crate::engine::kinds::{FieldError, Validating, invalid_regex, regex_pattern};
use crate::engine::pattern::Pattern;
use crate::rule::{Applicability, Example, Level, Rule};
use crate::source::{LineIndex, located};
use crate::suggest;
use schema::{RawPack, RawRule, RuleLocator};
use std::collections::HashMap;
use std::ops::Range;
use toml::Spanned;

pub use crate::engine::definition::{Matcher, Origin, RuleDef};
pub use crate::engine::gate::PackGate;
pub use crate::engine::kinds::Validation;
pub use builtin::BUILTIN_PACKS;

/// A problem in a pack file, located as precisely as the file allows:
/// `file:line:column: rule `id`: message` on one line, followed, for a
/// regular expression that does not compile, by the regex crate's diagram.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}{}: {}{}", located(*position), in_rule(rule.as_deref()), one_line(message))]
pub struct PackError {
    /// The pack's file name as the user gave it.
    pub file: String,
    /// 1-based line and column (in characters) of the offending value.
    pub position: Option<(usize, usize)>,
    /// The id of the rule at fault, where one is.
    pub rule: Option<String>,
    /// What is wrong.
    pub message: String,
}

/// `rule `id`: `, or nothing.
fn in_rule(rule: Option<&str>) -> String {
    rule.map_or(String::new(), |rule| format!("rule `{rule}`: "))
}

/// The first line of the message is the one line a person or a script
/// reads, so its whitespace is folded; the lines after it, when there are
/// any, are a diagram (the regex crate's caret under the fault) whose spaces
/// carry meaning, so they are written as they are.
fn one_line(message: &str) -> String {
    let mut lines = message.lines();
    let first = lines
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    lines.fold(first, |mut out, line| {
        out.push('\n');
        out.push_str(line);
        out
    })
}

impl PackError {
    /// A TOML parse or schema error of `text` (from `file`), located at its
    /// span when it has one, with "did you mean" for unknown fields.
    /// `rule_at` names the rule holding a byte offset, where that applies.
    pub fn from_toml(
        file: &str,
        text: &str,
        error: &toml::de::Error,
        rule_at: impl Fn(usize) -> Option<String>,
    ) -> PackError {
        let span = error.span();
        PackError {
            file: file.to_string(),
            position: span
                .as_ref()
                .map(|s| LineIndex::new(text).position_in(text, s.start)),
            rule: span.and_then(|s| rule_at(s.start)),
            message: with_field_suggestion(error.message()),
        }
    }
}

/// A validated pack.
#[derive(Debug, Clone)]
pub struct Pack {
    /// The pack's name, the first part of its rules' ids.
    pub name: String,
    /// One line saying what the pack is for.
    pub description: String,
    /// The file it came from (`rules/x.toml` for built-in packs).
    pub file: String,
    /// Its rules, validated, in file order.
    pub rules: Vec<RuleDef>,
    /// Which documents it applies to: its source languages and evidence.
    pub gate: PackGate,
    /// Runs only when asked for by name (`--pack NAME`, `--select`).
    pub opt_in: bool,
}

/// Parses and validates one pack, compiling its regular expressions. `file`
/// is only used in error messages.
pub fn load(file: &str, text: &str) -> Result<Pack, PackError> {
    load_with(file, text, Validation::Full)
}

/// [`load`], checking the regular expressions as far as `validation` says.
pub fn load_with(file: &str, text: &str, validation: Validation) -> Result<Pack, PackError> {
    let lines = LineIndex::new(text);
    let at = |span: Range<usize>, rule: Option<&str>, message: String| PackError {
        file: file.to_string(),
        position: Some(lines.position_in(text, span.start)),
        rule: rule.map(str::to_string),
        message,
    };
    let raw: RawPack = toml::from_str(text).map_err(|e| {
        if e.message().starts_with("missing field `pack`") {
            // Serde names the missing table at the document's start, which
            // would blame whatever rule comes first.
            return PackError {
                file: file.to_string(),
                position: None,
                rule: None,
                message: "no `[pack]` table: a pack file starts with `[pack]`, \
                          giving its `name` and `description`"
                    .into(),
            };
        }
        PackError::from_toml(file, text, &e, |at| rule_containing(text, at))
    })?;

    let name = raw.pack.name.get_ref().clone();
    if !is_valid_name(&name) {
        return Err(at(
            raw.pack.name.span(),
            None,
            format!("pack name `{name}` must be lowercase letters, digits and hyphens"),
        ));
    }
    // Each id and where it was first defined, to point at it from a duplicate.
    let mut seen: HashMap<String, Range<usize>> = HashMap::new();
    let mut rules = Vec::with_capacity(raw.rule.len());
    for spanned in raw.rule {
        let span = spanned.span();
        let raw_rule = spanned.into_inner();
        let id = raw_rule.id.get_ref().clone();
        if !is_valid_name(&id) {
            return Err(at(
                raw_rule.id.span(),
                Some(&id),
                "a rule id must be lowercase letters, digits and hyphens".into(),
            ));
        }
        if let Some(first) = seen.insert(id.clone(), raw_rule.id.span()) {
            let (line, column) = lines.position_in(text, first.start);
            return Err(at(
                raw_rule.id.span(),
                Some(&id),
                format!("duplicate rule id (first defined at {file}:{line}:{column})"),
            ));
        }
        let origin = {
            let (line, column) = lines.position_in(text, span.start);
            Origin {
                file: file.to_string(),
                line,
                column,
            }
        };
        let def = validate_rule(&name, raw_rule, origin, validation)
            .map_err(|(span, message)| at(span, Some(&id), message))?;
        rules.push(def);
    }
    let ids: Vec<&str> = rules.iter().map(|d: &RuleDef| d.rule.short_id()).collect();
    let gate = gate::pack_gate(&name, &raw.pack, &ids)
        .map_err(|(span, message)| at(span, None, message))?;
    Ok(Pack {
        name,
        description: raw.pack.description,
        file: file.to_string(),
        rules,
        gate,
        opt_in: raw.pack.opt_in,
    })
}

/// Loads the packs compiled into the binary.
pub fn builtin() -> Result<Vec<Pack>, PackError> {
    // Parsing the TOML of the built-in packs is a good part of start-up;
    // the packs are independent, so they are parsed side by side (rayon's
    // `collect` keeps their order).
    let load = |(file, text): &(&str, &str)| load_with(file, text, Validation::Deferred);
    #[cfg(feature = "parallel")]
    let packs = {
        use rayon::prelude::*;
        BUILTIN_PACKS.par_iter().map(load).collect()
    };
    #[cfg(not(feature = "parallel"))]
    let packs = BUILTIN_PACKS.iter().map(load).collect();
    packs
}

/// Fails on a rule id defined twice across the given packs.
pub fn check_unique(packs: &[Pack]) -> Result<(), PackError> {
    let mut seen: HashMap<&str, &Origin> = HashMap::new();
    let mut names: HashMap<&str, &str> = HashMap::new();
    for pack in packs {
        if let Some(first) = names.insert(&pack.name, &pack.file) {
            return Err(PackError {
                file: pack.file.clone(),
                position: None,
                rule: None,
                message: format!("pack `{}` is already loaded from {first}", pack.name),
            });
        }
        for def in &pack.rules {
            if let Some(first) = seen.insert(&def.rule.id, &def.origin) {
                return Err(PackError {
                    file: def.origin.file.clone(),
                    position: Some((def.origin.line, def.origin.column)),
                    rule: Some(def.rule.id.clone()),
                    message: format!(
                        "duplicate rule id (first defined at {}:{}:{})",
                        first.file, first.line, first.column
                    ),
                });
            }
        }
    }
    Ok(())
}

fn is_valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn validate_rule(
    pack: &str,
    raw: RawRule,
    origin: Origin,
    validation: Validation,
) -> Result<RuleDef, FieldError> {
    let id_span = raw.id.span();
    let message = raw.message.get_ref().trim().to_string();
    if message.is_empty() {
        return Err((raw.message.span(), "`message` is empty".into()));
    }
    if let Some(prefer) = &raw.prefer
        && !raw.matcher.takes_prefer()
    {
        return Err((
            prefer.span(),
            "`prefer` belongs to `consistency` rules".into(),
        ));
    }
    if let (Some(r), Some(gives)) = (&raw.replace, raw.matcher.gives_its_fixes()) {
        return Err((r.span(), format!("`replace` is not used here: {gives}")));
    }
    let (matcher, default_case) = raw.matcher.validate(Validating {
        prefer: raw.prefer,
        validation,
    })?;
    let kind = matcher.kind();

    let replace = match raw.replace {
        None => Vec::new(),
        Some(r) => {
            let span = r.span();
            let list = r.into_inner().into_vec();
            if list.is_empty() {
                return Err((
                    span,
                    "`replace` is an empty list (omit it for a report-only rule)".into(),
                ));
            }
            for template in &list {
                matcher
                    .check_replace(template, validation)
                    .map_err(|e| (span.clone(), e))?;
            }
            list
        }
    };

    let context = Context {
        before: condition(raw.before, "before", validation)?,
        not_before: condition(raw.not_before, "not_before", validation)?,
        after: condition(raw.after, "after", validation)?,
        not_after: condition(raw.not_after, "not_after", validation)?,
    };

    // Glossary and consistency rules always carry their fix, a detector if
    // it is one that repairs; a bilingual check may or may not.
    let is_bilingual = matcher.is_bilingual();
    let has_fix = matcher.has_fix(&replace);
    let examples_span = raw.examples.span();
    let raw_examples = raw.examples.into_inner();
    if raw_examples.is_empty() {
        return Err((
            examples_span,
            "a rule needs at least one example in `examples`".into(),
        ));
    }
    let mut examples = Vec::with_capacity(raw_examples.len());
    for example in raw_examples {
        let span = example.span();
        let example = example.into_inner();
        if is_bilingual != example.source.is_some() {
            let problem = if is_bilingual {
                "a bilingual rule's example needs `source`: the text `bad` translates"
            } else {
                "`source` belongs to the examples of bilingual rules (`check`, `term`)"
            };
            return Err((span, problem.into()));
        }
        match (&example.good, !has_fix) {
            _ if is_bilingual => {}
            (None, false) => {
                return Err((
                    span,
                    "this example needs `good`: the text after the fix".into(),
                ));
            }
            (Some(_), true) => {
                return Err((span, "`good` given, but the rule has no `replace`".into()));
            }
            _ => {}
        }
        examples.push(Example {
            source: example.source,
            bad: example.bad,
            good: example.good,
        });
    }

    let (ok, ok_pairs) =
        ok_cases::ok_cases(raw.ok, is_bilingual).map_err(|m| (id_span.clone(), m))?;
    let rule = Rule {
        id: format!("{pack}/{}", raw.id.get_ref()),
        pack: pack.to_string(),
        level: raw.level.unwrap_or(Level::Warning),
        applicability: Applicability::safe_if(raw.safe.unwrap_or(false)),
        message,
        rationale: raw.rationale,
        reference: raw.reference,
        examples,
        ok,
        ok_pairs,
        kind,
    };
    Ok(RuleDef {
        rule,
        matcher,
        replace,
        case: raw.case.unwrap_or(default_case),
        context,
        origin,
    })
}

fn condition(
    field: Option<Spanned<String>>,
    name: &str,
    validation: Validation,
) -> Result<Option<Pattern>, FieldError> {
    match field {
        None => Ok(None),
        Some(s) => regex_pattern(s.get_ref(), validation)
            .map(Some)
            .map_err(|e| (s.span(), invalid_regex(name, &e))),
    }
}

/// The id of the `[[rule]]` table whose text contains byte `offset`, if any.
fn rule_containing(text: &str, offset: usize) -> Option<String> {
    let locator: RuleLocator = toml::from_str(text).ok()?;
    // A `[[rule]]` table's span may cover only its header, so take the last
    // rule that starts before the error.
    locator
        .rule
        .iter()
        .filter(|r| r.span().start <= offset)
        .max_by_key(|r| r.span().start)
        .and_then(|r| r.get_ref().id.as_ref())
        .and_then(|v| v.as_str().map(str::to_string))
}

/// Adds "did you mean" to serde's "unknown field `x`, expected one of ..." messages.
pub(crate) fn with_field_suggestion(message: &str) -> String {
    let message = message.trim().to_string();
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return message;
    };
    let Some((field, expected)) = rest.split_once('`') else {
        return message;
    };
    let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    let hint = suggest::did_you_mean(field, candidates.iter().copied());
    if hint.is_empty() {
        message
    } else {
        format!("unknown field `{field}`{hint}")
    }
}

#[cfg(test)]
mod tests;
