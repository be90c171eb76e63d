//! The rule kinds. Each kind is one module that owns all of it: the key a
//! pack writes it under and the TOML shape of its value, its validation,
//! what it compiles to and how it searches. Each implements [`Kind`] (pack
//! side) and its compiled form [`Search`] (engine side); the engine and the
//! pack loader know the kinds only through the list in [`kinds!`] below,
//! from which `registry.rs` writes the enums and the dispatch.
//!
//! Adding a kind: a module here implementing both traits, its line in the
//! list, and the docs (docs/rule-packs.md). A kind that decides over the
//! whole text also names what it sees in `sightings::Seen`.

#[macro_use]
mod registry;

pub(crate) mod bilingual;
pub(crate) mod consistency;
pub(crate) mod detector;
mod field;
pub(crate) mod glossary;
pub(crate) mod pattern;
pub(crate) mod phrase;

pub use field::Validation;
pub(crate) use field::{FieldError, OneOrMany, invalid_regex, normalise_phrase, regex_pattern};

use super::context::Context;
use super::definition::{CaseMode, Check};
use super::detect::Detector;
use super::error::BuildError;
use super::finding::Finding;
use super::pattern::Pattern;
use super::phrase::Candidate;
use super::sightings::Sighting;
use crate::rule::{Rule, RuleId};
use std::ops::Range;
use toml::Spanned;

kinds! {
    /// Literal phrases, whitespace-normalised, matched by one shared index.
    Phrase(Vec<String>) = phrase::Phrase,
    /// A regular expression.
    Pattern(Pattern) = pattern::PatternKind,
    /// Canonical names with variants and foreign spellings; near-misses by similarity.
    Glossary(Vec<glossary::Entry>) = glossary::Glossary,
    /// Groups of variants that one document should not mix.
    Consistency(consistency::Groups) = consistency::Consistency,
    /// A built-in detector written in Rust; it proposes its own fixes.
    Detector(Detector) = detector::DetectorKind,
    /// A built-in comparison of a translation with its source (bilingual files only).
    Check(Check) = bilingual::CheckKind,
    /// A term base entry: a source term and its accepted renderings (bilingual files only).
    Term(Check) = bilingual::TermKind,
}

/// One rule kind as a pack writes it and as the engine compiles it.
pub(crate) trait Kind {
    /// The key of a rule table that makes a rule of this kind (`phrase = ...`).
    const KEY: &'static str;
    /// The kind's name in `calque rules` and the JSON output.
    const NAME: &'static str;
    /// The case mode of a rule of this kind that writes no `case`.
    const DEFAULT_CASE: CaseMode;
    /// Why a rule of this kind may not write `replace`: its matcher gives
    /// the fixes. `None`: the rule's `replace` gives them.
    const GIVES_ITS_FIXES: Option<&'static str> = None;
    /// Whether a rule of this kind may write `prefer`.
    const TAKES_PREFER: bool = false;
    /// Whether it compares a translation with its source: its examples
    /// carry a `source`, its `ok` cases are pairs.
    const BILINGUAL: bool = false;

    /// The matcher's value as the TOML holds it.
    type Raw: serde::de::DeserializeOwned + std::fmt::Debug;
    /// The matcher validated (a variant of [`Matcher`]).
    type Def: std::fmt::Debug + Clone;
    /// All the rules of the kind, compiled for the engine.
    type Compiled: Search + std::fmt::Debug + Clone + Send + Sync;

    /// Validates the matcher (`rule` carries the rule's other fields the
    /// kind may read); an error points at the value at fault.
    fn validate(raw: Self::Raw, rule: Validating) -> Result<Self::Def, FieldError>;

    /// Whether the rule's findings carry a fix (then each example needs
    /// `good`), given its `replace`.
    fn has_fix(_def: &Self::Def, replace: &[String]) -> bool {
        !replace.is_empty()
    }

    /// Checks one `replace` template against the matcher (a pattern's groups).
    fn check_replace(
        _def: &Self::Def,
        _template: &str,
        _validation: Validation,
    ) -> Result<(), String> {
        Ok(())
    }

    /// Hands each regular expression of the matcher to `share`, so that
    /// one written the same way in several rules is compiled once.
    fn share_patterns(_def: &mut Self::Def, _share: &mut dyn FnMut(&mut Pattern)) {}

    /// Compiles every rule of the kind (in rule order); phrases the kind
    /// wants found go to `phrases`, and come back to [`Search::phrase`].
    fn compile(
        defs: Vec<(RuleId, Self::Def)>,
        rules: &RuleTable,
        phrases: &mut PhraseSink,
    ) -> Result<Self::Compiled, BuildError>;
}

/// The fields of a rule besides its matcher that a kind's validation may read.
pub(crate) struct Validating {
    /// `prefer` (consistency rules; refused on the others before validation).
    pub prefer: Option<Spanned<OneOrMany>>,
    /// How far regular expressions are checked.
    pub validation: Validation,
}

/// How a kind's compiled rules search a text. The engine calls each method
/// of every kind; each has a default that finds nothing, so a kind writes
/// only the ones it needs. See `Engine::search` for the two steps: what a
/// paragraph shows (findings, and sightings for the rules that decide over
/// the whole text), then the decision over the whole text.
pub(crate) trait Search {
    /// One of the kind's phrases (given to [`PhraseSink::add`] with
    /// `owner`) was found at `at`.
    fn phrase(&self, _rules: &RuleTable, _text: &str, _owner: usize, _at: Candidate, _out: Found) {}

    /// Searches the paragraph `text[block]`.
    fn block(&self, _rules: &RuleTable, _text: &str, _block: Range<usize>, _out: Found) {}

    /// Appends what the kind sees in `text[range]` (paragraphs) that it
    /// will decide on over the whole text.
    fn observe(&self, _text: &str, _range: Range<usize>, _sightings: &mut Vec<Sighting>) {}

    /// Appends the kind's findings over the whole text, from all its
    /// sightings (in order of start).
    fn resolve(
        &self,
        _rules: &RuleTable,
        _text: &str,
        _sightings: &[Sighting],
        _findings: &mut Vec<Finding>,
    ) {
    }

    /// The kind's bilingual checks (rule and check), which only run where
    /// a source is known (see `markup::bilingual::check`).
    fn bilingual(&self) -> &[(RuleId, Check)] {
        &[]
    }
}

/// Where a search puts what it finds in a paragraph.
pub(crate) struct Found<'a> {
    /// Findings of the rules that look at one paragraph at a time.
    pub findings: &'a mut Vec<Finding>,
    /// What the rules that decide over the whole text see.
    pub sightings: &'a mut Vec<Sighting>,
    /// Scratch space a kind may clear and fill within one call (the
    /// pattern kind's trigger hits), kept from paragraph to paragraph so
    /// that a search allocates it once.
    pub scratch: &'a mut Vec<(usize, usize)>,
}

impl Found<'_> {
    /// The same places, borrowed again (one kind after another).
    pub(crate) fn reborrow(&mut self) -> Found<'_> {
        Found {
            findings: self.findings,
            sightings: self.sightings,
            scratch: self.scratch,
        }
    }
}

/// What every rule has besides its matcher, by rule id: its identity and
/// level, and how a match becomes a finding.
#[derive(Debug, Clone)]
pub(crate) struct RuleTable {
    rules: Vec<Rule>,
    behaviours: Vec<Behaviour>,
}

/// How one rule turns a match into a finding.
#[derive(Debug, Clone)]
pub(crate) struct Behaviour {
    /// The rule's `replace` (templates for a pattern rule).
    pub replace: Vec<String>,
    /// How matching and replacements treat letter case.
    pub case: CaseMode,
    /// Conditions on the text around a match.
    pub context: Context,
}

impl RuleTable {
    /// A table of `rules` (with their behaviours), numbered in order.
    pub(crate) fn new(rules: Vec<Rule>, behaviours: Vec<Behaviour>) -> RuleTable {
        RuleTable { rules, behaviours }
    }

    /// Every rule, in order.
    pub(crate) fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The rule `id` names.
    pub(crate) fn rule(&self, id: RuleId) -> &Rule {
        &self.rules[id.index()]
    }

    /// How the rule `id` turns a match into a finding.
    pub(crate) fn behaviour(&self, id: RuleId) -> &Behaviour {
        &self.behaviours[id.index()]
    }
}

/// The phrases the kinds want found, gathered while compiling into the one
/// phrase index the engine searches each paragraph with (phrase rules and
/// consistency members, say, in one pass). Each group of phrases a kind
/// adds gets an owner number the engine maps back to the kind.
#[derive(Debug, Default)]
pub(crate) struct PhraseSink {
    /// (owner, whitespace-normalised phrase, exact case?)
    pub(crate) phrases: Vec<(usize, String, bool)>,
    /// For each owner: the kind (its place in the list) and its own number.
    pub(crate) owners: Vec<(usize, usize)>,
    /// The kind compiling now.
    pub(crate) kind: usize,
}

impl PhraseSink {
    /// Adds `phrases` (whitespace-normalised), found ASCII
    /// case-insensitively unless `exact_case`; a match comes back to the
    /// kind's [`Search::phrase`] with `owner`.
    pub(crate) fn add(
        &mut self,
        owner: usize,
        phrases: impl IntoIterator<Item = String>,
        exact_case: bool,
    ) {
        let number = self.owners.len();
        self.owners.push((self.kind, owner));
        self.phrases
            .extend(phrases.into_iter().map(|p| (number, p, exact_case)));
    }
}
