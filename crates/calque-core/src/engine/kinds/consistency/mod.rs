//! Consistency rules: one document should render one thing one way.
//!
//! A group lists variants ("theatre" / "theater", "Kyiv" / "Kiev"). Over the
//! whole text, each member is counted; when two or more members occur, every
//! occurrence of the others is flagged with the group's preferred member,
//! or else the most frequent one (the first listed on a tie). Members are
//! matched as phrases (word-bounded, ASCII case-insensitive, any whitespace
//! between words) by the same automaton as phrase rules.
//!
//! The built-in `apostrophes` group compares the straight ' and the curly ’
//! between two letters ("China's" / "China’s"); a finding covers the whole
//! word, so the fix reads as a word.

mod validate;

use super::{FieldError, Found, Kind, PhraseSink, RuleTable, Search, Validating};
use crate::engine::definition::CaseMode;
use crate::engine::error::BuildError;
use crate::engine::finding::{Finding, Fix};
use crate::engine::phrase::Candidate;
use crate::engine::phrase::is_word_char;
use crate::engine::shape;
use crate::engine::sightings::{Seen, Sighting};
use crate::rule::{Applicability, RuleId};
use std::ops::Range;

/// What one consistency rule compares, as a pack defines it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Groups {
    /// Groups of phrases that render the same thing.
    Phrases(Vec<Group>),
    /// Straight against curly apostrophes inside words; the preferred one, if any.
    Apostrophes { preferred: Option<char> },
}

/// Variants of one thing, whitespace-normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub members: Vec<String>,
    /// Index into `members` of the form to use whatever the counts.
    pub preferred: Option<usize>,
}

/// The two apostrophes the built-in group compares, in tie-break order.
pub const APOSTROPHES: [char; 2] = ['\'', '\u{2019}'];

#[derive(Debug, Clone)]
struct CompiledGroup {
    rule: RuleId,
    safe: bool,
    /// Indices into `ConsistencySet::members`.
    members: Range<usize>,
    preferred: Option<usize>,
}

#[derive(Debug, Clone)]
struct ApostropheRule {
    rule: RuleId,
    safe: bool,
    preferred: Option<char>,
}

/// All consistency rules of an engine. The members of the groups are
/// searched for by the engine's phrase search, with the phrases of the
/// phrase rules (one pass over the words serves both), and come back here
/// as sightings ([`ConsistencySet::sighting`]).
#[derive(Debug, Clone)]
pub struct ConsistencySet {
    /// Every member of every group, in group order: (group index, text).
    members: Vec<(usize, String)>,
    groups: Vec<CompiledGroup>,
    apostrophes: Vec<ApostropheRule>,
}

impl ConsistencySet {
    /// `rules`: (rule id, the rule's `safe`, what it compares).
    pub fn new(rules: Vec<(RuleId, bool, Groups)>) -> Result<ConsistencySet, BuildError> {
        let mut members = Vec::new();
        let mut groups = Vec::new();
        let mut apostrophes = Vec::new();
        for (rule, safe, kind) in rules {
            match kind {
                Groups::Phrases(list) => {
                    for group in list {
                        let first = members.len();
                        let index = groups.len();
                        members.extend(group.members.into_iter().map(|m| (index, m)));
                        groups.push(CompiledGroup {
                            rule,
                            safe,
                            members: first..members.len(),
                            preferred: group.preferred.map(|p| first + p),
                        });
                    }
                }
                Groups::Apostrophes { preferred } => apostrophes.push(ApostropheRule {
                    rule,
                    safe,
                    preferred,
                }),
            }
        }
        Ok(ConsistencySet {
            members,
            groups,
            apostrophes,
        })
    }

    /// The members of all groups, whitespace-normalised, to be searched
    /// for as phrases (ASCII case-insensitive); a match of the `i`-th is
    /// [`ConsistencySet::sighting`]`(i, span)`.
    pub fn member_phrases(&self) -> impl Iterator<Item = &str> {
        self.members.iter().map(|(_, text)| text.as_str())
    }

    /// What a match of member `member` at `span` is.
    pub fn sighting(member: usize, span: Range<usize>) -> Sighting {
        Sighting {
            span,
            seen: Seen::Variant(member),
        }
    }

    /// Appends the findings of every consistency rule over the whole
    /// `text`, searching its members on their own: for tests.
    #[cfg(test)]
    pub fn find(&self, text: &str, out: &mut Vec<Finding>) {
        use crate::engine::phrase::{BlockBuffers, PhraseSet};
        let phrases = self.member_phrases().enumerate();
        let phrases = PhraseSet::new(phrases.map(|(i, m)| (i, m.to_string(), false)).collect());
        let phrases = phrases.expect("the members compile");
        let (mut found, mut buffers) = (Vec::new(), BlockBuffers::default());
        for block in crate::engine::blocks::blocks(text) {
            phrases.find(text, block, &mut buffers, &mut found);
        }
        let mut sightings: Vec<Sighting> = found
            .iter()
            .map(|c| Self::sighting(c.owner, c.start..c.end))
            .collect();
        self.observe(text, 0..text.len(), &mut sightings);
        sightings.sort_by_key(|s| s.span.start);
        self.resolve(text, &sightings, out);
    }

    /// Appends what the consistency rules see in `text[range]` besides
    /// their members, which must start and end at paragraph breaks (or the
    /// text's ends): each apostrophe between letters, and each line that
    /// shows code.
    pub fn observe(&self, text: &str, range: Range<usize>, out: &mut Vec<Sighting>) {
        if !self.apostrophes.is_empty() {
            code_lines(text, range.clone(), out);
            word_internal_apostrophes(text, range, out);
        }
    }

    /// Appends the findings of every consistency rule, given all the
    /// sightings of `text` in order of start.
    pub fn resolve(&self, text: &str, sightings: &[Sighting], out: &mut Vec<Finding>) {
        if !self.groups.is_empty() {
            self.resolve_phrases(text, sightings, out);
        }
        if !self.apostrophes.is_empty() && !sightings.iter().any(|s| s.seen == Seen::CodeLine) {
            let found: Vec<(usize, char)> = sightings
                .iter()
                .filter_map(|s| match s.seen {
                    Seen::Apostrophe { curly } => {
                        Some((s.span.start, APOSTROPHES[usize::from(curly)]))
                    }
                    _ => None,
                })
                .collect();
            for rule in &self.apostrophes {
                resolve_apostrophes(rule, text, &found, out);
            }
        }
    }

    fn resolve_phrases(&self, text: &str, sightings: &[Sighting], out: &mut Vec<Finding>) {
        let found: Vec<(Range<usize>, usize)> = sightings
            .iter()
            .filter_map(|s| match s.seen {
                Seen::Variant(member) => Some((s.span.clone(), member)),
                _ => None,
            })
            .collect();
        let mut counts = vec![0usize; self.members.len()];
        for (_, member) in &found {
            counts[*member] += 1;
        }
        let winners: Vec<Option<usize>> = self
            .groups
            .iter()
            .map(|g| {
                let used = g.members.clone().filter(|&m| counts[m] > 0).count();
                if used < 2 {
                    return None;
                }
                // max_by_key keeps the last maximum; scan in reverse for the first.
                g.preferred
                    .or_else(|| g.members.clone().rev().max_by_key(|&m| counts[m]))
            })
            .collect();
        for (span, member) in found {
            let group = self.members[member].0;
            let Some(winner) = winners[group] else {
                continue;
            };
            if member == winner {
                continue;
            }
            let matched = &text[span.clone()];
            let preferred = &self.members[winner].1;
            let replacement = shape::keep_whitespace(
                matched,
                &shape::apply_case(shape::case_pattern(matched), preferred),
            );
            if replacement == matched {
                continue;
            }
            let g = &self.groups[group];
            out.push(Finding {
                rule: g.rule,
                span,
                fix: Some(Fix {
                    replacements: vec![replacement],
                    applicability: Applicability::safe_if(g.safe),
                }),
            });
        }
    }
}

/// Flags the first word that uses the apostrophe that lost the count; `found`:
/// offset and kind of every word-internal apostrophe, in order.
fn resolve_apostrophes(
    rule: &ApostropheRule,
    text: &str,
    found: &[(usize, char)],
    out: &mut Vec<Finding>,
) {
    let straight = found.iter().filter(|(_, c)| *c == APOSTROPHES[0]).count();
    let curly = found.len() - straight;
    if straight == 0 || curly == 0 {
        return;
    }
    let winner = rule.preferred.unwrap_or(if curly > straight {
        APOSTROPHES[1]
    } else {
        APOSTROPHES[0]
    });
    // Reported once per document, at the first word in the minority form:
    // one finding per apostrophe buried a long text's real findings (215 on
    // one 830 KB speech), and the choice is one decision for the document.
    if let Some(&(at, _)) = found.iter().find(|(_, c)| *c != winner) {
        let word = word_around(text, at);
        let matched = &text[word.clone()];
        let replacement: String = matched
            .chars()
            .map(|ch| {
                if APOSTROPHES.contains(&ch) {
                    winner
                } else {
                    ch
                }
            })
            .collect();
        out.push(Finding {
            rule: rule.rule,
            span: word,
            fix: Some(Fix {
                replacements: vec![replacement],
                applicability: Applicability::safe_if(rule.safe),
            }),
        });
    }
}

/// Appends every apostrophe in `text[range]` with a letter on each side.
fn word_internal_apostrophes(text: &str, range: Range<usize>, out: &mut Vec<Sighting>) {
    let bytes = text.as_bytes();
    // ’ is E2 80 99 in UTF-8.
    for at in memchr::memchr2_iter(b'\'', 0xE2, &bytes[range.clone()]).map(|i| range.start + i) {
        let c = if bytes[at] == b'\'' {
            '\''
        } else if bytes[at..].starts_with("\u{2019}".as_bytes()) {
            '\u{2019}'
        } else {
            continue;
        };
        let before = text[..at].chars().next_back();
        let after = text[at + c.len_utf8()..].chars().next();
        if before.is_some_and(char::is_alphabetic)
            && after.is_some_and(char::is_alphabetic)
            && !looks_like_code(text, at)
            // an identifier (scope_test's) is code too
            && !text[..at]
                .chars()
                .rev()
                .take_while(|&c| is_word_char(c))
                .any(|c| c == '_' || c.is_ascii_digit())
        {
            out.push(Sighting {
                span: at..at + c.len_utf8(),
                seen: Seen::Apostrophe {
                    curly: c == APOSTROPHES[1],
                },
            });
        }
    }
}

/// Appends each line of `text[range]` (which starts at a line start) that
/// shows code: a `>>>` prompt, a ``` fence, or an indented line with code
/// punctuation. A document with one (technical docs) legitimately keeps
/// straight apostrophes in code, literals and program output that cannot be
/// told from prose, so the apostrophe rules leave it alone.
fn code_lines(text: &str, range: Range<usize>, out: &mut Vec<Sighting>) {
    let bytes = &text.as_bytes()[..range.end];
    let after_line_feeds =
        memchr::memchr_iter(b'\n', &bytes[range.clone()]).map(|i| range.start + i + 1);
    for start in std::iter::once(range.start).chain(after_line_feeds) {
        // Most lines start with a letter and cannot show code: their first
        // byte tells, with no search for the end of the line.
        let could_be_code = match bytes.get(start) {
            None => false,
            Some(b'>' | b'`') => true,
            Some(&first) => !first.is_ascii() || first.is_ascii_whitespace() || first == 0x0b,
        };
        if !could_be_code {
            continue;
        }
        // The line with its line ending, which none of the tests looks at.
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i + 1);
        let line = &text[start..end];
        let trimmed = line.trim_start();
        if trimmed.starts_with(">>> ")
            || trimmed.starts_with("```")
            || ((line.starts_with("    ") || line.starts_with('\t'))
                && trimmed.contains(['(', ')', '=', '{', '}', ';', '[']))
        {
            out.push(Sighting {
                span: start..start,
                seen: Seen::CodeLine,
            });
        }
    }
}

/// Whether the position sits in what reads as code rather than prose: an
/// indented or prompt line (">>> ", "... ", "$ "), or inside a straight
/// double-quoted or backquoted string on its line. Code keeps straight
/// apostrophes whatever the prose around it uses.
fn looks_like_code(text: &str, at: usize) -> bool {
    let line_start = memchr::memrchr(b'\n', &text.as_bytes()[..at]).map_or(0, |i| i + 1);
    let before = &text[line_start..at];
    let trimmed = before.trim_start();
    before.starts_with("    ")
        || before.starts_with('\t')
        || [">>>", "...", "$ "].iter().any(|p| trimmed.starts_with(p))
        || before.bytes().filter(|&b| b == b'"').count() % 2 == 1
        || before.bytes().filter(|&b| b == b'`').count() % 2 == 1
}

/// The word holding the apostrophe at `at`: word characters and
/// apostrophes that have a word character on each side.
fn word_around(text: &str, at: usize) -> Range<usize> {
    let joins = |prev: Option<char>, c: char, next: Option<char>| {
        is_word_char(c)
            || (APOSTROPHES.contains(&c)
                && prev.is_some_and(is_word_char)
                && next.is_some_and(is_word_char))
    };
    let mut start = at;
    while let Some(c) = text[..start].chars().next_back() {
        let prev = text[..start - c.len_utf8()].chars().next_back();
        let next = text[start..].chars().next();
        if !joins(prev, c, next) {
            break;
        }
        start -= c.len_utf8();
    }
    let mut end = at;
    while let Some(c) = text[end..].chars().next() {
        let prev = text[..end].chars().next_back();
        let next = text[end + c.len_utf8()..].chars().next();
        if !joins(prev, c, next) {
            break;
        }
        end += c.len_utf8();
    }
    start..end
}

/// The `consistency` kind.
pub(crate) struct Consistency;

impl Kind for Consistency {
    const KEY: &'static str = "consistency";
    const NAME: &'static str = "consistency";
    const DEFAULT_CASE: CaseMode = CaseMode::Preserve;
    const GIVES_ITS_FIXES: Option<&'static str> =
        Some("the glossary entries or the consistency groups give the fixes");
    const TAKES_PREFER: bool = true;
    type Raw = toml::Spanned<validate::RawConsistency>;
    type Def = Groups;
    type Compiled = ConsistencySet;

    fn validate(raw: Self::Raw, rule: Validating) -> Result<Groups, FieldError> {
        validate::groups(raw, rule.prefer)
    }

    fn has_fix(_: &Groups, _: &[String]) -> bool {
        true
    }

    /// The groups compiled; their members go to the phrase index, one
    /// owner per member.
    fn compile(
        defs: Vec<(RuleId, Groups)>,
        rules: &RuleTable,
        phrases: &mut PhraseSink,
    ) -> Result<ConsistencySet, BuildError> {
        let safe = |id: RuleId| rules.rule(id).applicability.is_safe();
        let set = ConsistencySet::new(
            defs.into_iter()
                .map(|(id, groups)| (id, safe(id), groups))
                .collect(),
        )?;
        for (member, text) in set.member_phrases().enumerate() {
            phrases.add(member, [text.to_string()], false);
        }
        Ok(set)
    }
}

impl Search for ConsistencySet {
    /// Member `owner` of a group found: a sighting, decided on over the whole text.
    fn phrase(&self, _: &RuleTable, _: &str, owner: usize, at: Candidate, out: Found) {
        out.sightings
            .push(ConsistencySet::sighting(owner, at.start..at.end));
    }

    fn observe(&self, text: &str, range: Range<usize>, sightings: &mut Vec<Sighting>) {
        ConsistencySet::observe(self, text, range, sightings);
    }

    fn resolve(
        &self,
        _: &RuleTable,
        text: &str,
        sightings: &[Sighting],
        findings: &mut Vec<Finding>,
    ) {
        ConsistencySet::resolve(self, text, sightings, findings);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(groups: Groups, text: &str) -> Vec<(String, String)> {
        let set = ConsistencySet::new(vec![(RuleId::new(0), false, groups)]).unwrap();
        let mut out = Vec::new();
        set.find(text, &mut out);
        out.iter()
            .map(|f| {
                (
                    text[f.span.clone()].to_string(),
                    f.replacements()[0].clone(),
                )
            })
            .collect()
    }

    fn group(members: &[&str], preferred: Option<usize>) -> Groups {
        Groups::Phrases(vec![Group {
            members: members.iter().map(|m| m.to_string()).collect(),
            preferred,
        }])
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn the_minority_takes_the_majority_form() {
        let text = "Kyiv and Kyiv, then Kiev; KIEV.";
        assert_eq!(
            check(group(&["Kyiv", "Kiev"], None), text),
            vec![pair("Kiev", "Kyiv"), pair("KIEV", "KYIV")]
        );
        let text = "the theatre, the theater, a theater";
        assert_eq!(
            check(group(&["theatre", "theater"], None), text),
            vec![pair("theatre", "theater")]
        );
    }

    #[test]
    fn a_preferred_form_wins_over_the_majority() {
        let text = "equity and justice, equity and\njustice, fairness and justice";
        assert_eq!(
            check(
                group(&["fairness and justice", "equity and justice"], Some(0)),
                text
            ),
            vec![
                pair("equity and justice", "fairness and justice"),
                pair("equity and\njustice", "fairness and\njustice"),
            ]
        );
    }

    #[test]
    fn one_form_alone_is_consistent() {
        let text = "equity and justice, and equity and justice again";
        assert!(
            check(
                group(&["fairness and justice", "equity and justice"], Some(0)),
                text
            )
            .is_empty()
        );
    }

    #[test]
    fn a_tie_goes_to_the_first_listed() {
        assert_eq!(
            check(group(&["theatre", "theater"], None), "theater, theatre"),
            vec![pair("theater", "theatre")]
        );
    }

    #[test]
    fn apostrophes_follow_the_majority_inside_words_once_per_document() {
        let text = "China's role, Xi's visit, Iran's part, China’s day and Russia’s; 'quoted' and students’ books";
        assert_eq!(
            check(Groups::Apostrophes { preferred: None }, text),
            vec![pair("China’s", "China's")]
        );
        let text = "it’s, don’t, can't";
        assert_eq!(
            check(Groups::Apostrophes { preferred: None }, text),
            vec![pair("can't", "can’t")]
        );
        let text = "it’s, don’t, can't";
        assert_eq!(
            check(
                Groups::Apostrophes {
                    preferred: Some('\'')
                },
                text
            ),
            vec![pair("it’s", "it's")]
        );
        assert!(check(Groups::Apostrophes { preferred: None }, "it’s, don’t").is_empty());
    }

    #[test]
    fn apostrophes_in_code_are_not_counted() {
        let text = "It’s prose, it’s, it’s.\nsay `it's` and \"isn't\" here";
        assert!(check(Groups::Apostrophes { preferred: None }, text).is_empty());
        let text = "It’s prose, it’s.\n    print(x)\nIt's output";
        assert!(check(Groups::Apostrophes { preferred: None }, text).is_empty());
        let text = "It’s prose, it’s.\n>>> 'a'\nIt's output";
        assert!(check(Groups::Apostrophes { preferred: None }, text).is_empty());
    }

    #[test]
    fn code_lines_are_found_by_their_first_bytes_and_within_the_range() {
        let text = "prose\n    x = 1\r\n\u{a0}>>> it's\n```\n\tplain tab\n\x0b>>> v\nend >>> no";
        let mut out = Vec::new();
        code_lines(text, 0..text.len(), &mut out);
        let lines: Vec<&str> = out
            .iter()
            .map(|s| text[s.span.start..].lines().next().unwrap())
            .collect();
        assert_eq!(lines, ["    x = 1", "\u{a0}>>> it's", "```", "\x0b>>> v"]);
        let second = text.find("\u{a0}").unwrap();
        out.clear();
        code_lines(text, second..text.len(), &mut out);
        assert_eq!(out.len(), 3);
        out.clear();
        code_lines(text, 0..second, &mut out);
        assert_eq!(out.len(), 1);
        code_lines(text, 3..3, &mut out);
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn a_word_with_two_apostrophes_is_one_finding() {
        let text = "rock’n’roll, it's, that's, what's";
        assert_eq!(
            check(Groups::Apostrophes { preferred: None }, text),
            vec![pair("rock’n’roll", "rock'n'roll")]
        );
    }
}
