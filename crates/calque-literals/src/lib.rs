//! Trigger literals: for one pattern, a few literals one of which occurs in
//! every match, so that a single Aho-Corasick pass over the text finds every
//! place where any pattern can match.
//!
//! The literals come from the pattern's syntax tree, ASCII case folded first
//! (the trigger automaton ignores ASCII case, and folding keeps
//! `(?i)developed` one literal instead of 512 case variants; non-ASCII case
//! variants, `ſ` for `s` or the Kelvin sign for `k`, stay as alternatives).
//! Every sub-expression that every match must pass through offers sets:
//! the prefixes or suffixes (regex-syntax's extractor) of each run of a
//! concatenation, the triggers of a required part, the union over the
//! branches of an alternation. The set chosen is the one with the fewest
//! expected hits in English text (a rough per-byte frequency model), so
//! `[ \t]+:` triggers on " :" and "\t:", and `\bnarrowly\s+linked\b` on
//! "narrowly" at a word start rather than on "linked".
//!
//! A prefix literal right after a word-boundary assertion (or a suffix
//! literal right before one) keeps it, so a hit can be dropped without
//! running the regex when the boundary cannot hold there.

use regex_syntax::hir::literal::{ExtractKind, Extractor, Literal, Seq};
use regex_syntax::hir::{
    Capture, Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir, HirKind,
    Look, Repetition,
};

/// Literals are cut to this many bytes: longer ones hardly hit less often
/// and only make the automaton bigger.
const MAX_TRIGGER_LEN: usize = 12;
/// A concatenation longer than this is only searched for triggers of its
/// parts and of its whole, to keep huge patterns cheap to analyse.
const MAX_RUNS: usize = 32;
/// How deep the search for triggers looks into the syntax tree.
const MAX_DEPTH: usize = 3;
/// The most literals one extracted set may hold.
const LIMIT_TOTAL: usize = 256;

/// A word-boundary assertion next to a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Boundary {
    /// `\b`: the bytes on each side differ in being word characters.
    Word { unicode: bool },
    /// `\B`: they do not.
    NotWord { unicode: bool },
}

impl Boundary {
    fn of(hir: &Hir) -> Option<Boundary> {
        match hir.kind() {
            HirKind::Look(Look::WordAscii) => Some(Boundary::Word { unicode: false }),
            HirKind::Look(Look::WordUnicode) => Some(Boundary::Word { unicode: true }),
            HirKind::Look(Look::WordAsciiNegate) => Some(Boundary::NotWord { unicode: false }),
            HirKind::Look(Look::WordUnicodeNegate) => Some(Boundary::NotWord { unicode: true }),
            _ => None,
        }
    }

    /// Whether the assertion can hold between byte `before` and byte
    /// `after` (`None`: the edge of the text). A Unicode assertion next to
    /// a non-ASCII byte is not decided here: it may hold.
    pub fn may_hold(self, before: Option<u8>, after: Option<u8>) -> bool {
        let (negated, unicode) = match self {
            Boundary::Word { unicode } => (false, unicode),
            Boundary::NotWord { unicode } => (true, unicode),
        };
        if unicode
            && (before.is_some_and(|b| !b.is_ascii()) || after.is_some_and(|b| !b.is_ascii()))
        {
            return true;
        }
        let word = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_');
        (word(before) != word(after)) != negated
    }

    /// Estimated share of places where the assertion holds next to `byte`.
    fn selectivity(self, byte: u8) -> f64 {
        let word = byte.is_ascii_alphanumeric() || byte == b'_';
        match (self, word) {
            (Boundary::Word { .. }, true) => 0.2,
            (Boundary::Word { .. }, false) => 0.6,
            (Boundary::NotWord { .. }, true) => 0.8,
            (Boundary::NotWord { .. }, false) => 0.4,
        }
    }
}

/// One literal of a pattern's trigger set.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Trigger {
    /// ASCII lower case; to be matched ignoring ASCII case.
    pub bytes: Vec<u8>,
    /// An assertion the pattern makes just before the literal's first byte.
    pub before: Option<Boundary>,
    /// An assertion the pattern makes just after the literal's last byte.
    pub after: Option<Boundary>,
}

impl Trigger {
    /// Whether an occurrence at `start..end` of `haystack` can be part of a
    /// match, as far as the boundaries tell.
    pub fn may_match_at(&self, haystack: &[u8], start: usize, end: usize) -> bool {
        let at = |i: usize| haystack.get(i).copied();
        self.before
            .is_none_or(|b| b.may_hold(start.checked_sub(1).and_then(at), at(start)))
            && self
                .after
                .is_none_or(|b| b.may_hold(end.checked_sub(1).and_then(at), at(end)))
    }

    fn expected_hits_per_byte(&self) -> f64 {
        let mut p: f64 = self.bytes.iter().map(|&b| byte_frequency(b)).product();
        for pair in self.bytes.windows(2) {
            p *= pair_affinity(pair[0], pair[1]);
        }
        if let (Some(b), Some(&first)) = (self.before, self.bytes.first()) {
            p *= b.selectivity(first);
        }
        if let (Some(b), Some(&last)) = (self.after, self.bytes.last()) {
            p *= b.selectivity(last);
        }
        p
    }
}

/// A set of triggers, one of which occurs in every match.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub triggers: Vec<Trigger>,
    /// How often one of them is expected to occur, per byte of English text.
    pub hits_per_byte: f64,
}

impl Choice {
    fn new(mut triggers: Vec<Trigger>) -> Option<Choice> {
        if triggers.is_empty() || triggers.iter().any(|t| t.bytes.is_empty()) {
            return None;
        }
        triggers.sort_by(|a, b| a.bytes.cmp(&b.bytes));
        triggers.dedup();
        let hits_per_byte = triggers.iter().map(Trigger::expected_hits_per_byte).sum();
        Some(Choice {
            triggers,
            hits_per_byte,
        })
    }

    fn cheaper(a: Option<Choice>, b: Option<Choice>) -> Option<Choice> {
        match (a, b) {
            (Some(a), Some(b)) => Some(if b.hits_per_byte < a.hits_per_byte {
                b
            } else {
                a
            }),
            (a, b) => a.or(b),
        }
    }
}

/// Above this many expected trigger hits per byte of English text, a
/// pattern is cheaper run over each block (as its relaxed twin, see
/// [`super::prefilter`]) than re-run around every hit.
pub const MAX_HITS_PER_BYTE: f64 = 1.0 / 500.0;

/// What locating a pattern in text needs to know of it, which depends on
/// its source alone: computed from the syntax tree, or, for the built-in
/// packs, at build time (see [`super::precomputed`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// Its triggers; `None` when it has no set that hits rarely enough.
    pub triggers: Option<Vec<Trigger>>,
    /// Whether a match can span a line break, or the pattern looks at the
    /// edges of its haystack: then it runs on the paragraph around a hit,
    /// not the line.
    pub needs_paragraph: bool,
}

pub fn analyse(hir: &Hir) -> Analysis {
    Analysis {
        triggers: choose(hir)
            .filter(|c| c.hits_per_byte <= MAX_HITS_PER_BYTE)
            .map(|c| c.triggers),
        needs_paragraph: can_match_line_feed(hir)
            || hir.properties().look_set().contains_anchor_haystack(),
    }
}

/// The set of triggers with the fewest expected hits, if the pattern has one
/// (a pattern made only of large classes, say `\d+`, has none).
pub fn choose(hir: &Hir) -> Option<Choice> {
    best(&fold_ascii_case(hir), 0)
}

/// Candidate sets come from the pattern's upper levels only: the runs of
/// consecutive parts of a concatenation, its parts, the branches of an
/// alternation, each looked at the same way down to [`MAX_DEPTH`]; deeper
/// nodes offer their prefixes and suffixes. Each part's prefixes and
/// suffixes are extracted once and crossed into runs, which keeps the
/// analysis of the built-in patterns to a few milliseconds in all.
fn best(hir: &Hir, depth: usize) -> Option<Choice> {
    let whole = || {
        Choice::cheaper(
            affixes(extract(hir, ExtractKind::Prefix), true, (None, None)),
            affixes(extract(hir, ExtractKind::Suffix), false, (None, None)),
        )
    };
    if depth >= MAX_DEPTH {
        return whole();
    }
    match hir.kind() {
        HirKind::Capture(capture) => best(&capture.sub, depth),
        HirKind::Concat(parts) => runs(parts, depth),
        HirKind::Repetition(rep) if rep.min >= 1 => {
            Choice::cheaper(best(&rep.sub, depth + 1), whole())
        }
        HirKind::Alternation(branches) => {
            let mut all = Vec::new();
            let mut complete = true;
            for branch in branches {
                match best(branch, depth + 1) {
                    Some(choice) => all.extend(choice.triggers),
                    None => {
                        complete = false;
                        break;
                    }
                }
            }
            let union = if complete { Choice::new(all) } else { None };
            Choice::cheaper(union, whole())
        }
        _ => whole(),
    }
}

/// The cheapest set among a concatenation's parts and runs of parts.
fn runs(parts: &[Hir], depth: usize) -> Option<Choice> {
    let mut found = None;
    for part in parts {
        found = Choice::cheaper(found, best(part, depth + 1));
    }
    if parts.len() > MAX_RUNS {
        return found;
    }
    let prefixes: Vec<Seq> = parts
        .iter()
        .map(|p| extract(p, ExtractKind::Prefix))
        .collect();
    let suffixes: Vec<Seq> = parts
        .iter()
        .map(|p| extract(p, ExtractKind::Suffix))
        .collect();
    let first = parts.first().and_then(Boundary::of);
    let last = parts.last().and_then(Boundary::of);
    for i in 0..parts.len() {
        // Every match of the concatenation holds a match of `parts[i..]`
        // starting right after `parts[i - 1]`, and one of `parts[..=i]`
        // ending right before `parts[i + 1]`. A literal that is a whole
        // match of the run also keeps the assertion at the run's far end.
        let before = i.checked_sub(1).and_then(|j| Boundary::of(&parts[j]));
        let mut seq = Seq::singleton(Literal::exact(vec![]));
        for next in &prefixes[i..] {
            if seq.is_inexact() {
                break;
            }
            seq = cross(seq, next.clone(), ExtractKind::Prefix);
        }
        found = Choice::cheaper(found, affixes(seq, true, (before, last)));

        let after = parts.get(i + 1).and_then(Boundary::of);
        let mut seq = Seq::singleton(Literal::exact(vec![]));
        for next in suffixes[..=i].iter().rev() {
            if seq.is_inexact() {
                break;
            }
            seq = cross(seq, next.clone(), ExtractKind::Suffix);
        }
        found = Choice::cheaper(found, affixes(seq, false, (first, after)));
    }
    found
}

fn extractor(kind: ExtractKind) -> Extractor {
    let mut extractor = Extractor::new();
    extractor
        .kind(kind)
        .limit_class(10)
        .limit_repeat(4)
        .limit_literal_len(MAX_TRIGGER_LEN)
        .limit_total(LIMIT_TOTAL);
    extractor
}

fn extract(hir: &Hir, kind: ExtractKind) -> Seq {
    extractor(kind).extract(hir)
}

/// The cross product of two prefix (or suffix) sequences of consecutive
/// parts, under the limits the extractor applies to its own.
fn cross(mut seq: Seq, mut next: Seq, kind: ExtractKind) -> Seq {
    if seq
        .max_cross_len(&next)
        .is_some_and(|len| len > LIMIT_TOTAL)
    {
        next.make_infinite();
    }
    match kind {
        ExtractKind::Suffix => {
            seq.cross_reverse(&mut next);
            seq.keep_last_bytes(MAX_TRIGGER_LEN);
        }
        _ => {
            seq.cross_forward(&mut next);
            seq.keep_first_bytes(MAX_TRIGGER_LEN);
        }
    }
    seq
}

/// The prefixes (or suffixes) in `seq` as triggers, if finite. `edges` are
/// the assertions the pattern makes just before and just after the
/// sub-expression they come from; a prefix keeps the first, a suffix the
/// second, and a literal that is a whole match (exact) both.
fn affixes(seq: Seq, prefix: bool, edges: (Option<Boundary>, Option<Boundary>)) -> Option<Choice> {
    let mut triggers: Vec<Trigger> = seq
        .literals()?
        .iter()
        .map(|literal| {
            let bytes = literal.as_bytes();
            let cut = bytes.len().min(MAX_TRIGGER_LEN);
            let whole = literal.is_exact() && cut == bytes.len();
            let bytes = if prefix {
                &bytes[..cut]
            } else {
                &bytes[bytes.len() - cut..]
            };
            Trigger {
                bytes: bytes.to_vec(),
                before: edges.0.filter(|_| prefix || whole),
                after: edges.1.filter(|_| !prefix || whole),
            }
        })
        .collect();
    drop_implied(&mut triggers, prefix);
    Choice::new(triggers)
}

/// Removes every trigger that has another trigger of the set as a prefix
/// (`prefix`) or suffix (else), unless the other asserts a boundary at its
/// far end: the automaton would report the other anyway. All triggers of a
/// set of prefixes share their assertion before, those of suffixes their
/// assertion after.
fn drop_implied(triggers: &mut Vec<Trigger>, prefix: bool) {
    let key = |t: &Trigger| {
        let bytes: Vec<u8> = if prefix {
            t.bytes.clone()
        } else {
            t.bytes.iter().rev().copied().collect()
        };
        let far_end = if prefix { t.after } else { t.before };
        (bytes, far_end.is_some())
    };
    triggers.sort_by_cached_key(key);
    // In sorted order, a trigger that has a kept one as a prefix (suffix)
    // has the last kept one able to imply others as its prefix (suffix).
    let mut last: Option<usize> = None;
    let mut keep = Vec::with_capacity(triggers.len());
    for (i, t) in triggers.iter().enumerate() {
        let implied = last.is_some_and(|k| {
            let k = &triggers[k].bytes;
            if prefix {
                t.bytes.starts_with(k)
            } else {
                t.bytes.ends_with(k)
            }
        });
        keep.push(!implied);
        let far_end = if prefix { t.after } else { t.before };
        if !implied && far_end.is_none() {
            last = Some(i);
        }
    }
    let mut flags = keep.into_iter();
    triggers.retain(|_| flags.next().unwrap_or(true));
}

/// `hir` with every ASCII upper-case letter lowered: whatever `hir` matches,
/// lowered, the result matches.
fn fold_ascii_case(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => hir.clone(),
        HirKind::Literal(literal) => Hir::literal(literal.0.to_ascii_lowercase()),
        HirKind::Class(Class::Unicode(class)) => {
            let upper = ClassUnicode::new([ClassUnicodeRange::new('A', 'Z')]);
            let mut uppers = class.clone();
            uppers.intersect(&upper);
            let mut folded = class.clone();
            folded.difference(&upper);
            folded.union(&ClassUnicode::new(uppers.iter().map(|r| {
                ClassUnicodeRange::new(r.start().to_ascii_lowercase(), r.end().to_ascii_lowercase())
            })));
            Hir::class(Class::Unicode(folded))
        }
        HirKind::Class(Class::Bytes(class)) => {
            let upper = ClassBytes::new([ClassBytesRange::new(b'A', b'Z')]);
            let mut uppers = class.clone();
            uppers.intersect(&upper);
            let mut folded = class.clone();
            folded.difference(&upper);
            folded.union(&ClassBytes::new(uppers.iter().map(|r| {
                ClassBytesRange::new(r.start().to_ascii_lowercase(), r.end().to_ascii_lowercase())
            })));
            Hir::class(Class::Bytes(folded))
        }
        HirKind::Repetition(rep) => Hir::repetition(Repetition {
            sub: Box::new(fold_ascii_case(&rep.sub)),
            ..rep.clone()
        }),
        HirKind::Capture(capture) => Hir::capture(Capture {
            sub: Box::new(fold_ascii_case(&capture.sub)),
            ..capture.clone()
        }),
        HirKind::Concat(parts) => Hir::concat(parts.iter().map(fold_ascii_case).collect()),
        HirKind::Alternation(branches) => {
            Hir::alternation(branches.iter().map(fold_ascii_case).collect())
        }
    }
}

/// Rough share of bytes of English text (lower-cased) that are `byte`,
/// measured on the benchmark corpus; only the order of magnitude matters.
fn byte_frequency(byte: u8) -> f64 {
    match byte {
        b' ' => 0.17,
        b'e' => 0.091,
        b't' => 0.068,
        b'a' => 0.060,
        b'o' => 0.056,
        b'n' | b'i' => 0.054,
        b's' => 0.049,
        b'r' => 0.046,
        b'h' => 0.037,
        b'l' => 0.031,
        b'd' => 0.029,
        b'c' | b'u' => 0.022,
        b'm' => 0.020,
        b'\n' => 0.018,
        b'f' | b'p' => 0.017,
        b'g' | b'y' | b'w' | b'b' => 0.014,
        b',' | b'.' => 0.011,
        b'v' => 0.0076,
        b'k' | b'-' => 0.004,
        b'\'' | b'"' | b'x' => 0.0026,
        b'0'..=b'9' | b'(' | b')' | b';' | b'q' | b':' | b'j' | b'z' => 0.001,
        0x80.. => 0.001,
        _ => 0.0003,
    }
}

/// How much more often than chance (the product of the two byte
/// frequencies) `b` follows `a` in English: letter pairs are far from
/// independent, and without this "ing" (1 in 24,000 bytes by single
/// frequencies, about 1 in 200 in fact) looked rarer than "aim" or "goal".
/// The pairs are the most frequent in English letter-pair counts (shares of
/// all pairs, from the usual published tables: "th" 3.6%, "in" 2.4%, "ng"
/// 0.95% ...), turned into a ratio to chance with [`byte_frequency`]; a
/// pair that is not listed counts as independent.
fn pair_affinity(a: u8, b: u8) -> f64 {
    let share = match [a, b] {
        [b't', b'h'] => 0.036,
        [b'h', b'e'] => 0.031,
        [b'i', b'n'] => 0.024,
        [b'e', b'r'] => 0.021,
        [b'a', b'n'] => 0.020,
        [b'r', b'e'] => 0.019,
        [b'o', b'n'] => 0.018,
        [b'a', b't'] | [b'e', b'n'] => 0.015,
        [b'n', b'd'] | [b't', b'i'] | [b'e', b's'] => 0.013,
        [b'o', b'r'] | [b't', b'e'] => 0.012,
        [b'o', b'f'] | [b'e', b'd'] | [b'i', b's'] | [b'i', b't'] => 0.011,
        [b'a', b'l'] | [b'a', b'r'] | [b's', b't'] | [b't', b'o'] | [b'n', b't'] => 0.010,
        [b'n', b'g'] | [b's', b'e'] | [b'h', b'a'] => 0.0095,
        [b'a', b's'] | [b'o', b'u'] | [b'i', b'o'] | [b'l', b'e'] | [b'v', b'e'] => 0.0085,
        [b'c', b'o'] | [b'm', b'e'] | [b'd', b'e'] | [b'h', b'i'] => 0.0077,
        [b'r', b'i'] | [b'r', b'o'] | [b'i', b'c'] | [b'n', b'e'] | [b'e', b'a'] | [b'r', b'a'] => {
            0.0070
        }
        [b'c', b'e'] | [b'l', b'i'] | [b'c', b'h'] | [b'l', b'l'] | [b'b', b'e'] => 0.0062,
        _ => return 1.0,
    };
    // Shares of letter pairs; about four bytes in five of a text are
    // letters, so about that share of byte pairs are letter pairs.
    let per_byte = 0.8 * share;
    (per_byte / (byte_frequency(a) * byte_frequency(b))).max(1.0)
}

/// Whether `hir` can match a line feed: if not, every match lies within one
/// line.
pub fn can_match_line_feed(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => false,
        HirKind::Literal(literal) => literal.0.contains(&b'\n'),
        HirKind::Class(Class::Unicode(class)) => {
            class.iter().any(|r| r.start() <= '\n' && '\n' <= r.end())
        }
        HirKind::Class(Class::Bytes(class)) => {
            class.iter().any(|r| r.start() <= b'\n' && b'\n' <= r.end())
        }
        HirKind::Repetition(rep) => rep.max != Some(0) && can_match_line_feed(&rep.sub),
        HirKind::Capture(capture) => can_match_line_feed(&capture.sub),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => {
            parts.iter().any(can_match_line_feed)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn triggers(pattern: &str) -> Vec<(String, bool, bool)> {
        let hir = regex_syntax::parse(pattern).unwrap();
        let mut out: Vec<_> = choose(&hir)
            .unwrap_or_else(|| panic!("no triggers for {pattern}"))
            .triggers
            .into_iter()
            .map(|t| {
                (
                    String::from_utf8(t.bytes).unwrap(),
                    t.before.is_some(),
                    t.after.is_some(),
                )
            })
            .collect();
        out.sort();
        out
    }

    fn plain(pattern: &str) -> Vec<String> {
        triggers(pattern).into_iter().map(|t| t.0).collect()
    }

    #[test]
    fn a_word_at_a_boundary_is_its_own_trigger() {
        assert_eq!(
            triggers(r"(?i)(?-u:\b)developed\s+permanently(?-u:\b)"),
            vec![("permanently".to_string(), false, true)]
        );
        assert_eq!(
            triggers(r"(?i)(?-u:\b)tendance(s?)\s"),
            vec![("tendance".to_string(), true, false)]
        );
        assert_eq!(
            triggers(r"(?-u:\b)XI(?-u:\b)"),
            vec![("xi".to_string(), true, true)]
        );
    }

    #[test]
    fn optional_endings_reduce_to_the_stem() {
        assert_eq!(
            plain(r"(?i)\breturn(ing|s)?(\s+(?:a|an)\s+visit)\b"),
            vec!["return"]
        );
    }

    #[test]
    fn spacing_rules_trigger_on_the_space_and_the_mark() {
        assert_eq!(
            plain(r"[ \t\x{A0}\x{202F}]+:"),
            vec!["\t:", " :", "\u{a0}:", "\u{202f}:"]
        );
        assert_eq!(plain(r"[ \t]+-(\p{Lu}\p{Ll}+)"), vec!["\t-", " -"]);
    }

    #[test]
    fn case_insensitive_patterns_keep_non_ascii_variants() {
        // (?i)s also matches U+017F LATIN SMALL LETTER LONG S.
        assert_eq!(plain(r"(?i)\bsince\b"), vec!["since", "ſince"]);
        assert_eq!(plain(r"(?i)élan"), vec!["Élan", "élan"]);
    }

    #[test]
    fn alternations_take_the_union_of_their_branches() {
        assert_eq!(
            plain(r"(?i)within the frame of|(?:lasting|enduring) peace"),
            vec![
                "enduring pea",
                "lasting peac",
                "laſting pea",
                "the frame of"
            ]
        );
    }

    #[test]
    fn a_pattern_of_large_classes_has_no_triggers() {
        let hir = regex_syntax::parse(r"\w+\s+\d+").unwrap();
        assert!(choose(&hir).is_none());
        let hir = regex_syntax::parse(r"a?").unwrap();
        assert!(choose(&hir).is_none());
    }

    #[test]
    fn every_match_holds_a_trigger() {
        for (pattern, texts) in [
            (
                r"(?i)\bassist(ed|s|ing)?\s+to\s+the\s+(?:meeting|funeral)\b",
                &["Assisted to the Meeting", "ASSIST TO THE FUNERAL"][..],
            ),
            (
                r"(?-u:\b)(\d+),(\d{1,2}) (million|billion)\b",
                &["3,5 billion"],
            ),
            (
                r"«(?:[ \t]+([^«»\n]*?)[ \t]*|([^«»\n]*?)[ \t]+)»",
                &["« a »"],
            ),
            (r"(?i)\bmaking\s+the\s+point", &["ſtill MAKING the point"]),
        ] {
            let choice = choose(&regex_syntax::parse(pattern).unwrap()).unwrap();
            let regex = regex::Regex::new(pattern).unwrap();
            for text in texts {
                let m = regex
                    .find(text)
                    .unwrap_or_else(|| panic!("{pattern} on {text}"));
                let lower = m.as_str().to_ascii_lowercase();
                assert!(
                    choice.triggers.iter().any(|t| lower
                        .as_bytes()
                        .windows(t.bytes.len())
                        .any(|w| w == t.bytes)),
                    "{pattern}: {text} holds none of {:?}",
                    choice.triggers
                );
            }
        }
    }

    #[test]
    fn boundaries_are_checked_on_ascii_bytes_only_when_unicode() {
        let ascii = Boundary::Word { unicode: false };
        assert!(ascii.may_hold(None, Some(b'x')));
        assert!(ascii.may_hold(Some(b' '), Some(b'x')));
        assert!(!ascii.may_hold(Some(b'a'), Some(b'x')));
        assert!(
            ascii.may_hold(Some(0xA9), Some(b'x')),
            "é is not an ASCII word byte"
        );
        let unicode = Boundary::Word { unicode: true };
        assert!(!unicode.may_hold(Some(b'a'), Some(b'x')));
        assert!(unicode.may_hold(Some(0xA9), Some(b'x')), "undecided");
        let not = Boundary::NotWord { unicode: false };
        assert!(not.may_hold(Some(b'a'), Some(b'x')));
        assert!(!not.may_hold(None, Some(b'x')));
    }

    #[test]
    fn line_feeds() {
        let can = |p: &str| can_match_line_feed(&regex_syntax::parse(p).unwrap());
        assert!(!can(r"[ \t\x{A0}]+:"));
        assert!(!can(r"\([^()\n]{0,200}\)"));
        assert!(can(r"a\s+b"));
        assert!(can(r"a[^x]b"));
        assert!(!can(r"a(?:\n){0}b"));
    }
}
