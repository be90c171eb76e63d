//! Reading a `[[rule]]` table into a [`RawRule`] by hand. The derived
//! reader would need one optional field per matcher and a check after it;
//! here the matcher is one slot, filled once: a second matcher key fails
//! right there, at its value, so "exactly one matcher" holds by the time a
//! rule is validated. Unknown and missing keys fail as the derived reader
//! fails (serde's own messages, which `with_field_suggestion` completes).

use super::schema::{RawMatcher, RawRule};
use crate::engine::kinds::KEYS;
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use std::fmt;

/// The keys of a rule table besides the matcher keys, which come from the
/// list of kinds ([`KEYS`]).
#[derive(Clone, Copy)]
enum Field {
    Id,
    Prefer,
    Replace,
    Level,
    Safe,
    Message,
    Rationale,
    Reference,
    Case,
    Before,
    NotBefore,
    After,
    NotAfter,
    Examples,
    Ok,
}

/// Each [`Field`] with its key: the one table of the keys a rule table may
/// hold besides its matcher's.
const FIELDS: [(&str, Field); 15] = [
    ("id", Field::Id),
    ("prefer", Field::Prefer),
    ("replace", Field::Replace),
    ("level", Field::Level),
    ("safe", Field::Safe),
    ("message", Field::Message),
    ("rationale", Field::Rationale),
    ("reference", Field::Reference),
    ("case", Field::Case),
    ("before", Field::Before),
    ("not_before", Field::NotBefore),
    ("after", Field::After),
    ("not_after", Field::NotAfter),
    ("examples", Field::Examples),
    ("ok", Field::Ok),
];

/// Every key of a rule table, in the order serde lists them in "expected
/// one of" messages: `id`, the matcher keys, then the others.
const ALL_KEYS: [&str; FIELDS.len() + KEYS.len()] = {
    let mut all = [""; FIELDS.len() + KEYS.len()];
    all[0] = FIELDS[0].0;
    let mut i = 0;
    while i < KEYS.len() {
        all[1 + i] = KEYS[i];
        i += 1;
    }
    let mut j = 1;
    while j < FIELDS.len() {
        all[KEYS.len() + j] = FIELDS[j].0;
        j += 1;
    }
    all
};

/// A key of a rule table: a matcher's (its place in [`KEYS`]) or another.
enum Key {
    Matcher(usize),
    Field(Field),
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Key;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("field identifier")
            }

            fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
                if let Some(at) = KEYS.iter().position(|k| *k == key) {
                    return Ok(Key::Matcher(at));
                }
                FIELDS
                    .iter()
                    .find(|(name, _)| *name == key)
                    .map(|&(_, field)| Key::Field(field))
                    .ok_or_else(|| de::Error::unknown_field(key, &ALL_KEYS))
            }
        }
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

/// Every matcher key, for the message of a rule without one.
fn matcher_keys() -> String {
    let quoted: Vec<String> = KEYS.iter().map(|k| format!("`{k}`")).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

impl<'de> Deserialize<'de> for RawRule {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<RawRule, D::Error> {
        deserializer.deserialize_map(RuleVisitor)
    }
}

struct RuleVisitor;

/// Fails on the value of a second matcher key, so that the error points at it.
struct SecondMatcher {
    first: &'static str,
    second: &'static str,
}

impl<'de> DeserializeSeed<'de> for SecondMatcher {
    type Value = RawMatcher;

    fn deserialize<D: Deserializer<'de>>(self, _: D) -> Result<RawMatcher, D::Error> {
        let message = if [self.first, self.second] == ["phrase", "pattern"]
            || [self.first, self.second] == ["pattern", "phrase"]
        {
            "a rule has either `phrase` or `pattern`, not both".to_string()
        } else {
            format!(
                "a rule has exactly one matcher, not both `{}` and `{}`",
                self.first, self.second
            )
        };
        Err(de::Error::custom(message))
    }
}

impl<'de> Visitor<'de> for RuleVisitor {
    type Value = RawRule;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a [[rule]] table")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawRule, A::Error> {
        let mut id = None;
        let mut matcher: Option<RawMatcher> = None;
        let (mut prefer, mut replace, mut level, mut safe) = (None, None, None, None);
        let (mut message, mut rationale, mut reference, mut case) = (None, None, None, None);
        let (mut before, mut not_before, mut after, mut not_after) = (None, None, None, None);
        let (mut examples, mut ok) = (None, None);
        while let Some(key) = map.next_key::<Key>()? {
            let field = match key {
                Key::Matcher(at) => {
                    if let Some(first) = &matcher {
                        let (first, second) = (first.key(), KEYS[at]);
                        map.next_value_seed(SecondMatcher { first, second })?;
                    } else {
                        matcher = Some(RawMatcher::read(at, &mut map)?);
                    }
                    continue;
                }
                Key::Field(field) => field,
            };
            match field {
                Field::Id => id = Some(map.next_value()?),
                Field::Prefer => prefer = Some(map.next_value()?),
                Field::Replace => replace = Some(map.next_value()?),
                Field::Level => level = Some(map.next_value()?),
                Field::Safe => safe = Some(map.next_value()?),
                Field::Message => message = Some(map.next_value()?),
                Field::Rationale => rationale = Some(map.next_value()?),
                Field::Reference => reference = Some(map.next_value()?),
                Field::Case => case = Some(map.next_value()?),
                Field::Before => before = Some(map.next_value()?),
                Field::NotBefore => not_before = Some(map.next_value()?),
                Field::After => after = Some(map.next_value()?),
                Field::NotAfter => not_after = Some(map.next_value()?),
                Field::Examples => examples = Some(map.next_value()?),
                Field::Ok => ok = Some(map.next_value()?),
            }
        }
        let id = id.ok_or_else(|| de::Error::missing_field("id"))?;
        let message = message.ok_or_else(|| de::Error::missing_field("message"))?;
        let examples = examples.ok_or_else(|| de::Error::missing_field("examples"))?;
        let matcher = matcher.ok_or_else(|| {
            de::Error::custom(format!("the rule has no matcher: add {}", matcher_keys()))
        })?;
        Ok(RawRule {
            id,
            matcher,
            prefer,
            replace,
            level,
            safe,
            message,
            rationale,
            reference,
            case,
            before,
            not_before,
            after,
            not_after,
            examples,
            ok: ok.unwrap_or_default(),
        })
    }
}
