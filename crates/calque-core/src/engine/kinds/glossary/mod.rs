//! Glossary rules: canonical names, their accepted variants and known
//! foreign spellings, and near-misses found by string similarity.
//!
//! A *candidate* is a run of 1 to N capitalised words in the text (N: the
//! most words of any form in any glossary), lowercase particles such as "da"
//! or "von" allowed inside when some form has them. Every candidate is first
//! looked up exactly: an accepted form is right as written, a foreign
//! spelling is flagged with the canonical form. Candidates that are not
//! inside an exact match are then compared, ASCII-folded and lower-cased,
//! with the few forms that have the same initials ("vp" for "Vladmir
//! Putin": a near-miss keeps the first letter of every word) and whose
//! length and letter set could reach the entry's threshold (normalised
//! Damerau-Levenshtein similarity, `strsim`). That index keeps the cost per
//! candidate nearly flat however large the glossary grows.

mod surname;
mod validate;

use super::{FieldError, Kind, PhraseSink, RuleTable, Search, Validating};
use crate::engine::definition::CaseMode;
use crate::engine::eight_bytes;
use crate::engine::error::BuildError;
use crate::engine::finding::{Finding, Fix};
use crate::engine::shape;
use crate::engine::sightings::{Seen, Sighting};
use crate::rule::{Applicability, RuleId};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

/// Similarity (1 - edits / longer length) a near-miss needs by default.
pub const DEFAULT_THRESHOLD: f64 = 0.8;
/// Forms and candidates shorter than this (in characters, folded) are only
/// ever matched exactly: one edit turns a short name into a common word.
/// Inside a longer name, a word this short must match exactly too ("Li
/// Qiang" is not "Li Xiang"'s near-miss because of "Li").
pub const MIN_FUZZY_CHARS: usize = 5;

/// Lowercase words that may stand inside a name in any glossary, besides
/// those the glossary's own forms use: a misspelt particle ("Lula de Silva")
/// must not cut the name in two.
const COMMON_PARTICLES: [&str; 16] = [
    "al", "bin", "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "ibn", "van",
    "von", "zu",
];

/// One glossary entry, as a pack defines it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The canonical form: the replacement for foreign spellings and near-misses.
    pub name: String,
    /// Other spellings that are right as written (never flagged).
    pub variants: Vec<String>,
    /// Spellings that are wrong, flagged with `name` as the fix.
    pub foreign: Vec<String>,
    /// Similarity a near-miss needs, in (0, 1]; 1 turns near-misses off.
    pub threshold: f64,
    /// Whether a near-miss fix is applied by `calque fix` without `--unsafe`.
    pub fuzzy_safe: bool,
}

/// The words of a glossary form, or why it cannot be one: a form must read
/// as a candidate would, capitalised words with at most lowercase particles
/// between them.
pub fn form_words(form: &str) -> Result<Vec<&str>, String> {
    let mut scanner = Scanner::new(form);
    let Some(run) = scanner.next_run(&|_| true).map(<[Word]>::to_vec) else {
        return Err(format!("`{form}` has no capitalised word"));
    };
    let covers = run.first().is_some_and(|w| w.start == 0)
        && run.last().is_some_and(|w| w.end == form.len())
        && scanner.next_run(&|_| true).is_none();
    let edges_capitalised =
        run.first().is_some_and(|w| w.capitalised) && run.last().is_some_and(|w| w.capitalised);
    if !covers || !edges_capitalised {
        return Err(format!(
            "`{form}` is not a name: capitalised words separated by single spaces \
             (lowercase particles such as `da` allowed between them)"
        ));
    }
    Ok(run.iter().map(|w| &form[w.start..w.end]).collect())
}

/// All glossary rules of an engine, compiled into one index.
#[derive(Debug, Clone, Default)]
pub struct GlossarySet {
    entries: Vec<Compiled>,
    /// Every form as written (words joined by single spaces) -> what it is.
    exact: HashMap<String, Form>,
    /// Every form, lower-cased: a candidate differing from one only by case
    /// is left to the casing rules.
    lowercase: HashSet<String>,
    /// Folded initials of the words ("vp") -> forms for near-miss search.
    buckets: HashMap<String, Bucket>,
    /// Lowercase words allowed inside a name ("da", "von").
    particles: HashSet<String>,
    /// Every word of a right form (name or variant), folded: a near-miss
    /// whose every differing word is one of them is another person's name
    /// made of known parts ("Robert Martin" beside "Roberto Marti"), not a
    /// misspelling.
    known_words: HashSet<String>,
    /// Surnames and given names, for the slips of [`surname`].
    surnames: surname::SurnameIndex,
    max_words: usize,
}

#[derive(Debug, Clone)]
struct Compiled {
    rule: RuleId,
    rule_safe: bool,
    entry: Entry,
    single_word: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Form {
    entry: usize,
    foreign: bool,
}

/// The forms that share initials, by length, with their lowest threshold.
#[derive(Debug, Clone, Default)]
struct Bucket {
    keys: Vec<FuzzyKey>,
    lowest_threshold: f64,
}

#[derive(Debug, Clone)]
struct FuzzyKey {
    entry: usize,
    folded: String,
    chars: usize,
    letters: u64,
    /// Each word's shape, for a cheap word-by-word bound.
    words: Vec<WordShape>,
}

impl GlossarySet {
    /// `rules`: (rule id, the rule's `safe`, its entries). Forms must
    /// have passed [`form_words`].
    pub fn new(rules: Vec<(RuleId, bool, Vec<Entry>)>) -> GlossarySet {
        let mut set = GlossarySet::default();
        set.particles
            .extend(COMMON_PARTICLES.iter().map(|p| p.to_string()));
        for (rule, rule_safe, entries) in rules {
            for entry in entries {
                let index = set.entries.len();
                let forms = forms_of(&entry);
                for (form_index, form) in forms.iter().enumerate() {
                    let words = form_words(form).unwrap_or_default();
                    set.max_words = set.max_words.max(words.len());
                    for word in &words {
                        if word.chars().next().is_some_and(char::is_lowercase) {
                            set.particles.insert(word.to_string());
                        }
                    }
                    let foreign = form_index > entry.variants.len();
                    // The first entry to claim a form keeps it.
                    set.exact.entry(words.join(" ")).or_insert(Form {
                        entry: index,
                        foreign,
                    });
                    set.lowercase.insert(form.to_lowercase());
                    let folded = fold(form);
                    if !foreign {
                        set.known_words
                            .extend(folded.split(' ').map(str::to_string));
                    }
                    let chars = folded.chars().count();
                    if entry.threshold < 1.0 && chars >= MIN_FUZZY_CHARS {
                        let mut key = String::new();
                        initials(&folded, &mut key);
                        let bucket = set.buckets.entry(key).or_insert(Bucket {
                            keys: Vec::new(),
                            lowest_threshold: 1.0,
                        });
                        bucket.lowest_threshold = bucket.lowest_threshold.min(entry.threshold);
                        bucket.keys.push(FuzzyKey {
                            entry: index,
                            letters: letter_set(&folded),
                            words: word_shapes(&folded),
                            folded,
                            chars,
                        });
                    }
                }
                set.entries.push(Compiled {
                    rule,
                    rule_safe,
                    single_word: !entry.name.contains(' '),
                    entry,
                });
            }
        }
        for bucket in set.buckets.values_mut() {
            bucket.keys.sort_by_key(|k| k.chars);
        }
        set.surnames = surname::SurnameIndex::new(set.entries.iter().map(|c| {
            let right = std::iter::once(c.entry.name.as_str())
                .chain(c.entry.variants.iter().map(String::as_str));
            (c.rule, c.entry.name.as_str(), right.collect())
        }));
        set
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Appends the glossary findings in `text`: [`GlossarySet::observe`]
    /// over the whole text, then [`GlossarySet::resolve`].
    #[cfg(test)]
    pub fn find(&self, text: &str, out: &mut Vec<Finding>) {
        let mut sightings = Vec::new();
        self.observe(text, 0..text.len(), &mut sightings);
        self.resolve(text, &sightings, out);
    }

    /// Appends what the glossary sees in `text[range]`, which must start
    /// and end at paragraph breaks (or the text's ends): every form written
    /// exactly, and every near-miss (a run of capitalised words inside no
    /// exact form). Runs never cross a paragraph break, so the sightings of
    /// a text are those of its paragraphs.
    pub fn observe(&self, text: &str, range: Range<usize>, out: &mut Vec<Sighting>) {
        if self.is_empty() {
            return;
        }
        let mut memo: HashMap<String, Option<usize>> = HashMap::default();
        let mut scanner = Scanner::within(&text[..range.end], range.start);
        let (mut window, mut key) = (String::new(), String::new());
        let mut exact_spans: Vec<Range<usize>> = Vec::new();
        let mut windows: Vec<(usize, usize)> = Vec::new();
        // Most words are lowercase: a length test spares the hash for most.
        let longest_particle = self.particles.iter().map(String::len).max().unwrap_or(0);
        let is_particle = |w: &str| w.len() <= longest_particle && self.particles.contains(w);
        while let Some(run) = scanner.next_run(&is_particle) {
            exact_spans.clear();
            windows.clear();
            for i in (0..run.len()).filter(|&i| run[i].capitalised) {
                let last = run.len().min(i + self.max_words);
                windows.extend((i..last).filter(|&j| run[j].capitalised).map(|j| (i, j)));
            }
            for &(i, j) in &windows {
                join_words(text, &run[i..=j], &mut window);
                let Some(form) = self.exact.get(window.as_str()) else {
                    continue;
                };
                let span = run[i].start..run[j].end;
                let seen = if form.foreign {
                    Seen::GlossaryForeign(form.entry)
                } else {
                    Seen::GlossaryMention(form.entry)
                };
                out.push(Sighting {
                    span: span.clone(),
                    seen,
                });
                exact_spans.push(span);
            }
            for &(i, j) in &windows {
                let span = run[i].start..run[j].end;
                if exact_spans
                    .iter()
                    .any(|e| e.start <= span.start && span.end <= e.end)
                {
                    continue;
                }
                join_words(text, &run[i..=j], &mut window);
                if window.len() < MIN_FUZZY_CHARS {
                    continue;
                }
                let hit = match memo.get(window.as_str()) {
                    Some(hit) => *hit,
                    None => {
                        let hit = self.near_miss(&window, &mut key).or_else(|| {
                            let (given, surname) = window.split_once(' ')?;
                            let two_words = j == i + 1 && run[j].capitalised;
                            two_words
                                .then(|| self.wrong_given_name(given, surname))
                                .flatten()
                        });
                        memo.insert(window.clone(), hit);
                        hit
                    }
                };
                if let Some(entry) = hit {
                    out.push(Sighting {
                        span,
                        seen: Seen::GlossaryNear(entry),
                    });
                }
            }
        }
    }

    /// Appends the glossary findings of `text` given all its sightings.
    /// Document-level: a one-word near-miss ("Madro") is reported only when
    /// the document also names the entry correctly somewhere ("Maduro", or
    /// "Nicolás Maduro" with a "Maduro" entry), since alone it is as likely
    /// an unrelated word.
    pub fn resolve(&self, text: &str, sightings: &[Sighting], out: &mut Vec<Finding>) {
        if self.is_empty() {
            return;
        }
        let mut mentioned = vec![false; self.entries.len()];
        for s in sightings {
            if let Seen::GlossaryMention(entry) = s.seen {
                mentioned[entry] = true;
            }
        }
        for s in sightings {
            match s.seen {
                Seen::GlossaryForeign(entry) => {
                    out.push(self.finding(entry, text, s.span.clone(), false));
                }
                Seen::GlossaryNear(entry)
                    if !self.entries[entry].single_word || mentioned[entry] =>
                {
                    out.push(self.finding(entry, text, s.span.clone(), true));
                }
                _ => {}
            }
        }
        self.lone_surnames(text, sightings, &mentioned, out);
    }

    /// The entry with the closest form to `candidate` that reaches the
    /// entry's threshold.
    fn near_miss(&self, candidate: &str, key: &mut String) -> Option<usize> {
        // Most candidates share their initials with no form: that test
        // comes first, before anything is folded or allocated.
        initials(candidate, key);
        let bucket = self.buckets.get(key.as_str())?;
        let folded = fold(candidate);
        let chars = folded.chars().count();
        if chars < MIN_FUZZY_CHARS || self.lowercase.contains(&candidate.to_lowercase()) {
            return None;
        }
        let keys = &bucket.keys;
        let letters = letter_set(&folded);
        let words = word_shapes(&folded);
        // A form of length L can reach similarity t only if
        // t * max(L, l) <= min(L, l): scan just those lengths.
        let lowest = bucket.lowest_threshold;
        let single_word = !folded.contains(' ');
        let shortest = (chars as f64 * lowest).ceil() as usize;
        let longest = (chars as f64 / lowest).floor() as usize;
        let from = keys.partition_point(|k| k.chars < shortest);
        let mut best: Option<(&FuzzyKey, f64)> = None;
        for key in keys[from..].iter().take_while(|k| k.chars <= longest) {
            let threshold = self.entries[key.entry].entry.threshold;
            let longer = key.chars.max(chars) as f64;
            let max_edits = ((1.0 - threshold) * longer + 1e-9).floor() as u32;
            // Each edit adds or removes at most two letters of the letter set.
            if (key.letters ^ letters).count_ones() > 2 * max_edits {
                continue;
            }
            if !words_could_match(&words, &key.words, threshold) {
                continue;
            }
            if single_word && key.chars == chars && !same_letters(&folded, &key.folded) {
                continue;
            }
            let similarity = strsim::normalized_damerau_levenshtein(&folded, &key.folded);
            if similarity + 1e-9 >= threshold
                && best.is_none_or(|(_, s)| similarity > s)
                && words_match(&folded, &key.folded, threshold)
            {
                best = Some((key, similarity));
            }
        }
        let (key, _) = best?;
        // Differing only by diacritics ("Vucic" for "Vučić") is a near-miss
        // of this name whatever the words.
        let mut differing = folded
            .split(' ')
            .zip(key.folded.split(' '))
            .filter(|(written, form)| written != form)
            .peekable();
        let misspelt = differing.peek().is_none()
            || differing.any(|(written, _)| !self.known_words.contains(written));
        misspelt.then_some(key.entry)
    }

    /// A finding for `span`, fixed to the entry's name.
    fn finding(&self, entry: usize, text: &str, span: Range<usize>, fuzzy: bool) -> Finding {
        self.finding_as(entry, text, span, fuzzy, &self.entries[entry].entry.name)
    }

    /// A finding for `span`, fixed to `form`: the entry's name, or part of
    /// it (a surname); variants are offered beside the name only.
    fn finding_as(
        &self,
        entry: usize,
        text: &str,
        span: Range<usize>,
        fuzzy: bool,
        form: &str,
    ) -> Finding {
        let compiled = &self.entries[entry];
        let matched = &text[span.clone()];
        let shaped = |form: &str| {
            let form = match shape::case_pattern(matched) {
                shape::CasePattern::Upper => form.to_uppercase(),
                _ => form.to_string(),
            };
            shape::keep_whitespace(matched, &form)
        };
        let mut replacements = vec![shaped(form)];
        if fuzzy && form == compiled.entry.name {
            // The variant closest to what was written, diacritics counted,
            // if it is closer than the name ("Vucik": "Vucic" before "Vučić").
            let written = matched.to_lowercase();
            let closeness =
                |form: &str| strsim::normalized_damerau_levenshtein(&written, &form.to_lowercase());
            let name_closeness = closeness(&compiled.entry.name);
            let closest = compiled
                .entry
                .variants
                .iter()
                .map(|v| (v, closeness(v)))
                .filter(|(_, c)| *c > name_closeness)
                .max_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((variant, _)) = closest {
                replacements.push(shaped(variant));
            }
        }
        let applicability = Applicability::safe_if(if fuzzy {
            compiled.entry.fuzzy_safe
        } else {
            compiled.rule_safe
        });
        Finding {
            rule: compiled.rule,
            span,
            fix: Some(Fix {
                replacements,
                applicability,
            }),
        }
    }
}

/// Length, letter set and particle-ness of one folded word.
#[derive(Debug, Clone, Copy)]
struct WordShape {
    chars: usize,
    letters: u64,
    particle: bool,
}

fn word_shapes(folded: &str) -> Vec<WordShape> {
    folded
        .split(' ')
        .map(|w| WordShape {
            chars: w.chars().count(),
            letters: letter_set(w),
            particle: COMMON_PARTICLES.contains(&w),
        })
        .collect()
}

/// A cheap necessary condition for [`words_match`]: no word is further from
/// its counterpart in length or letters than the threshold allows.
fn words_could_match(a: &[WordShape], b: &[WordShape], threshold: f64) -> bool {
    a.iter().zip(b).all(|(a, b)| {
        let (la, ma, lb, mb) = (a.chars, a.letters, b.chars, b.letters);
        if la < MIN_FUZZY_CHARS && lb < MIN_FUZZY_CHARS {
            return (la == lb && ma == mb) || (a.particle && b.particle);
        }
        let max_edits = ((1.0 - threshold) * la.max(lb) as f64 + 1e-9).floor() as usize;
        la.abs_diff(lb) <= max_edits && (ma ^ mb).count_ones() as usize <= 2 * max_edits
    })
}

/// Whether two words of one length hold the same letters, in another order.
/// A one-word near-miss must have dropped, added or swapped letters: one
/// changed letter ("Madura", "Micron") too often makes another real word.
fn same_letters(a: &str, b: &str) -> bool {
    let mut a: Vec<char> = a.chars().collect();
    let mut b: Vec<char> = b.chars().collect();
    a.sort_unstable();
    b.sort_unstable();
    a == b
}

/// Whether each word of a near-miss is itself near its counterpart: a
/// shared first name must not carry a different surname ("Aleksandar
/// Vulin" is not "Aleksandar Vučić"). Short words must be equal.
fn words_match(candidate: &str, form: &str, threshold: f64) -> bool {
    candidate.split(' ').zip(form.split(' ')).all(|(a, b)| {
        let short = a.chars().count() < MIN_FUZZY_CHARS && b.chars().count() < MIN_FUZZY_CHARS;
        let is_particle = |w: &str| COMMON_PARTICLES.contains(&w);
        if short {
            a == b || (is_particle(a) && is_particle(b))
        } else {
            strsim::normalized_damerau_levenshtein(a, b) + 1e-9 >= threshold
        }
    })
}

/// Name, variants, then foreign spellings: the order [`FuzzyKey::form`] counts in.
fn forms_of(entry: &Entry) -> Vec<&str> {
    std::iter::once(entry.name.as_str())
        .chain(entry.variants.iter().map(String::as_str))
        .chain(entry.foreign.iter().map(String::as_str))
        .collect()
}

/// The words of a window joined by single spaces, the form the index keys use.
fn join_words(text: &str, words: &[Word], out: &mut String) {
    out.clear();
    for (n, w) in words.iter().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        out.push_str(&text[w.start..w.end]);
    }
}

/// One word of a run: its byte span and whether it starts with a capital.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Word {
    start: usize,
    end: usize,
    capitalised: bool,
}

/// Cuts a text into runs of name-like words: capitalised words separated by
/// whitespace (no paragraph break), with particles allowed between them.
struct Scanner<'t> {
    text: &'t str,
    at: usize,
    run: Vec<Word>,
    /// The byte found by the last [`Scanner::next_token_with_capital`]:
    /// until the scan passes it, there is no need to look again.
    capital_at: Option<usize>,
}

impl<'t> Scanner<'t> {
    fn new(text: &'t str) -> Scanner<'t> {
        Scanner::within(text, 0)
    }

    /// A scanner of `text` from byte `at`, a paragraph start (or 0).
    fn within(text: &'t str, at: usize) -> Scanner<'t> {
        Scanner {
            text,
            at,
            run: Vec::new(),
            capital_at: None,
        }
    }

    /// The next run that holds a capitalised word, particles at its ends dropped.
    fn next_run(&mut self, is_particle: &dyn Fn(&str) -> bool) -> Option<&[Word]> {
        let text = self.text;
        let bytes = text.as_bytes();
        self.run.clear();
        while self.at < bytes.len() {
            if self.run.is_empty() && self.capital_at.is_none_or(|c| self.at > c) {
                let (token_start, capital) = self.next_token_with_capital(self.at);
                self.at = token_start;
                self.capital_at = Some(capital);
                if self.at >= bytes.len() {
                    break;
                }
            }
            let Some(c) = text[self.at..].chars().next() else {
                break;
            };
            if !c.is_alphabetic() {
                self.at += c.len_utf8();
                if (!c.is_whitespace() || self.paragraph_break_before(self.at)) && self.take_run() {
                    return Some(&self.run);
                }
                continue;
            }
            let start = self.at;
            let end = word_end(text, start);
            self.at = end;
            let word = &text[start..end];
            let capitalised = c.is_uppercase();
            let glued = text[end..]
                .chars()
                .next()
                .is_some_and(|n| n.is_alphanumeric() || n == '_');
            if glued || !(capitalised || is_particle(word)) {
                // A digit-glued or ordinary lowercase word ends any run.
                if self.take_run() {
                    return Some(&self.run);
                }
                continue;
            }
            self.run.push(Word {
                start,
                end,
                capitalised,
            });
        }
        self.take_run().then_some(self.run.as_slice())
    }

    /// Where to resume scanning when no run is open: the start of the
    /// token holding the next ASCII capital or non-ASCII byte (which may be
    /// a capital), and that byte's offset; the end of the text if there is
    /// none. Nothing before it can open a run (lowercase words, digits and
    /// punctuation only close runs, and particles before a name are
    /// dropped), so the char-by-char scan is spared for most of an English
    /// text. Backing up to the last whitespace keeps words cut exactly where
    /// that scan cuts them ("d'Estaing" stays one lowercase word).
    fn next_token_with_capital(&self, from: usize) -> (usize, usize) {
        let bytes = self.text.as_bytes();
        let Some(found) = capital_or_non_ascii(&bytes[from..]) else {
            return (bytes.len(), bytes.len());
        };
        let found = from + found;
        let token_start = bytes[from..found]
            .iter()
            .rposition(u8::is_ascii_whitespace)
            .map_or(from, |ws| from + ws + 1);
        (token_start, found)
    }

    /// Whether the whitespace ending just before `at` holds a blank line.
    fn paragraph_break_before(&self, at: usize) -> bool {
        let bytes = self.text.as_bytes();
        if bytes.get(at - 1) != Some(&b'\n') {
            return false;
        }
        let mut newlines = 0;
        for &b in bytes[..at].iter().rev() {
            match b {
                b'\n' => newlines += 1,
                b' ' | b'\t' | b'\r' => {}
                _ => break,
            }
            if newlines >= 2 {
                return true;
            }
        }
        false
    }

    /// Trims the open run to its capitalised ends; whether anything is left.
    fn take_run(&mut self) -> bool {
        while self.run.last().is_some_and(|w| !w.capitalised) {
            self.run.pop();
        }
        // Popping stopped at a capitalised word, so one is left if any is.
        let Some(first) = self.run.iter().position(|w| w.capitalised) else {
            return false;
        };
        self.run.drain(..first);
        true
    }
}

/// Offset of the first ASCII capital or non-ASCII byte of `bytes`. Eight
/// bytes at a time: most of an English text is lowercase ASCII, and a
/// byte-by-byte search was a tenth of `check`.
fn capital_or_non_ascii(bytes: &[u8]) -> Option<usize> {
    let mut eights = bytes.chunks_exact(8);
    for (k, eight) in eights.by_ref().enumerate() {
        let x = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
        let capital = eight_bytes::in_range(x & !eight_bytes::HIGH, b'A', b'Z') & !x;
        let found = capital | (x & eight_bytes::HIGH);
        if found != 0 {
            return Some(8 * k + found.trailing_zeros() as usize / 8);
        }
    }
    let rest = eights.remainder();
    let at = rest
        .iter()
        .position(|&b| b.is_ascii_uppercase() || b >= 0x80)?;
    Some(bytes.len() - rest.len() + at)
}

/// End of the word starting at `start`: letters and combining marks, with
/// a hyphen inside ("Díaz-Canel") and an apostrophe before a capital
/// ("O'Neill"), but not the possessive ("Putin's" ends at "Putin").
fn word_end(text: &str, start: usize) -> usize {
    // ASCII letters always join; the rules below are for what follows them.
    let ascii_letters = text.as_bytes()[start..]
        .iter()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(text.len() - start);
    let start = start + ascii_letters;
    let mut end = start;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let joins = match c {
            '-' | '\u{2010}' => next.is_some_and(char::is_alphabetic),
            '\'' | '\u{2019}' => next.is_some_and(char::is_uppercase),
            _ => c.is_alphabetic() || is_combining_mark(c),
        };
        if !joins {
            break;
        }
        end = start + i + c.len_utf8();
    }
    end
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}')
}

/// Lower case without diacritics ("Vučić" -> "vucic"), for similarity only.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        if is_combining_mark(c) {
            continue;
        }
        for lower in c.to_lowercase() {
            out.push(fold_char(lower));
        }
    }
    out
}

fn fold_char(c: char) -> char {
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' | 'æ' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' | 'ð' => 'd',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'œ' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ß' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' | 'þ' => 't',
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        '\u{2019}' => '\'',
        '\u{2010}' => '-',
        other => other,
    }
}

/// The first character of every word of `words` (words joined by single
/// spaces), folded as [`fold`] folds it, into `out`: the same for a name
/// and for its folded form.
fn initials(words: &str, out: &mut String) {
    out.clear();
    for word in words.split(' ') {
        match word.chars().next() {
            Some(c) if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            Some(c) => out.extend(c.to_lowercase().next().map(fold_char)),
            None => {}
        }
    }
}

/// Which characters occur, as bits: a cheap bound on the edit distance.
fn letter_set(folded: &str) -> u64 {
    folded.chars().fold(0, |set, c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            ' ' => 26,
            '-' => 27,
            other => 28 + other as u32 % 36,
        };
        set | 1 << bit
    })
}

/// The `glossary` kind.
pub(crate) struct Glossary;

impl Kind for Glossary {
    const KEY: &'static str = "glossary";
    const NAME: &'static str = "glossary";
    const DEFAULT_CASE: CaseMode = CaseMode::Exact;
    const GIVES_ITS_FIXES: Option<&'static str> =
        Some("the glossary entries or the consistency groups give the fixes");
    type Raw = toml::Spanned<Vec<toml::Spanned<validate::RawEntry>>>;
    type Def = Vec<Entry>;
    type Compiled = GlossarySet;

    fn validate(raw: Self::Raw, _: Validating) -> Result<Vec<Entry>, FieldError> {
        validate::entries(raw)
    }

    fn has_fix(_: &Vec<Entry>, _: &[String]) -> bool {
        true
    }

    fn compile(
        defs: Vec<(RuleId, Vec<Entry>)>,
        rules: &RuleTable,
        _: &mut PhraseSink,
    ) -> Result<GlossarySet, BuildError> {
        let safe = |id: RuleId| rules.rule(id).applicability.is_safe();
        Ok(GlossarySet::new(
            defs.into_iter()
                .map(|(id, entries)| (id, safe(id), entries))
                .collect(),
        ))
    }
}

impl Search for GlossarySet {
    fn observe(&self, text: &str, range: Range<usize>, sightings: &mut Vec<Sighting>) {
        GlossarySet::observe(self, text, range, sightings);
    }

    fn resolve(
        &self,
        _: &RuleTable,
        text: &str,
        sightings: &[Sighting],
        findings: &mut Vec<Finding>,
    ) {
        GlossarySet::resolve(self, text, sightings, findings);
    }
}

#[cfg(test)]
mod tests;
