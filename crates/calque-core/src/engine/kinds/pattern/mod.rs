//! The `pattern` kind: a regular expression, compiled when its pack is
//! loaded or on first use (see [`Validation`]). All the patterns of an
//! engine share one Aho-Corasick automaton of their trigger literals
//! ([`prefilter`]), which says where each can match; a regex runs only
//! there.

pub(crate) mod prefilter;

use super::{
    FieldError, Found, Kind, PhraseSink, RuleTable, Search, Validating, Validation, invalid_regex,
    regex_pattern,
};
use crate::engine::definition::CaseMode;
use crate::engine::error::BuildError;
use crate::engine::finding;
use crate::engine::pattern::Pattern;
use crate::engine::{shape, template};
use crate::rule::RuleId;
use std::ops::Range;
use toml::Spanned;

/// The `pattern` kind.
pub(crate) struct PatternKind;

/// The pattern rules, compiled: where each can match, its rule and its regex.
#[derive(Debug, Clone)]
pub(crate) struct PatternRules {
    scan: prefilter::PatternScan,
    rules: Vec<RuleId>,
    regexes: Vec<Pattern>,
}

impl Kind for PatternKind {
    const KEY: &'static str = "pattern";
    const NAME: &'static str = "pattern";
    const DEFAULT_CASE: CaseMode = CaseMode::Exact;
    type Raw = Spanned<String>;
    type Def = Pattern;
    type Compiled = PatternRules;

    fn validate(pattern: Self::Raw, rule: Validating) -> Result<Pattern, FieldError> {
        regex_pattern(pattern.get_ref(), rule.validation)
            .map_err(|e| (pattern.span(), invalid_regex("pattern", &e)))
    }

    /// A template names only groups the pattern has (checked when the
    /// pattern itself is).
    fn check_replace(
        regex: &Pattern,
        template: &str,
        validation: Validation,
    ) -> Result<(), String> {
        match validation {
            Validation::Full => template::validate(template, regex).map_err(|e| e.to_string()),
            Validation::Deferred => Ok(()),
        }
    }

    fn share_patterns(regex: &mut Pattern, share: &mut dyn FnMut(&mut Pattern)) {
        share(regex);
    }

    fn compile(
        defs: Vec<(RuleId, Pattern)>,
        _: &RuleTable,
        _: &mut PhraseSink,
    ) -> Result<PatternRules, BuildError> {
        let (rules, regexes): (Vec<RuleId>, Vec<Pattern>) = defs.into_iter().unzip();
        let scan = prefilter::PatternScan::new(&regexes.iter().collect::<Vec<_>>())?;
        Ok(PatternRules {
            scan,
            rules,
            regexes,
        })
    }
}

impl Search for PatternRules {
    /// The findings of the pattern rules in `text[block]`, each regex run
    /// only where its triggers say it can match.
    fn block(&self, rules: &RuleTable, text: &str, block: Range<usize>, out: Found) {
        let haystack = &text[block.clone()];
        self.scan.regions(haystack, out.scratch, |which, region| {
            let rule = self.rules[which];
            let behaviour = rules.behaviour(rule);
            let regex = self.regexes[which].regex();
            let base = block.start + region.start;
            for caps in regex.captures_iter(&haystack[region]) {
                let whole = caps.get(0).expect("group 0 always matches");
                if whole.is_empty() {
                    continue;
                }
                let (start, end) = (base + whole.start(), base + whole.end());
                if !behaviour.context.accepts(text, start, end) {
                    continue;
                }
                let case = match behaviour.case {
                    CaseMode::Preserve => shape::case_pattern(whole.as_str()),
                    CaseMode::Exact => shape::CasePattern::AsWritten,
                };
                let replacements = behaviour
                    .replace
                    .iter()
                    .map(|template| {
                        let mut expanded = String::new();
                        template::expand(&caps, template, &mut expanded);
                        shape::apply_case(case, &expanded)
                    })
                    .collect();
                let applicability = rules.rule(rule).applicability;
                out.findings.extend(finding::unless_unchanged(
                    rule,
                    start..end,
                    whole.as_str(),
                    replacements,
                    applicability,
                ));
            }
        });
    }
}
