//! Reading a `[[rule]]` table into a [`RawRule`] by hand. The derived
//! reader would need one optional field per matcher and a check after it;
//! here the matcher is one slot, filled once: a second matcher key fails
//! right there, at its value, so "exactly one matcher" holds by the time a
//! rule is validated. Unknown and missing keys fail as the derived reader
//! fails (serde's own messages, which `with_field_suggestion` completes).

use super::schema::{RawMatcher, RawRule};
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use std::fmt;

/// The keys of a rule table; their order is the order serde lists them in
/// "expected one of" messages.
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum Key {
    Id,
    Phrase,
    Pattern,
    Glossary,
    Consistency,
    Detector,
    Check,
    Term,
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

/// Every matcher key, for the message of a rule without one.
const MATCHER_KEYS: &str =
    "`phrase`, `pattern`, `glossary`, `consistency`, `detector`, `check` or `term`";

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
            let matcher_key = match key {
                Key::Phrase => Some("phrase"),
                Key::Pattern => Some("pattern"),
                Key::Glossary => Some("glossary"),
                Key::Consistency => Some("consistency"),
                Key::Detector => Some("detector"),
                Key::Check => Some("check"),
                Key::Term => Some("term"),
                _ => None,
            };
            if let (Some(second), Some(first)) = (matcher_key, &matcher) {
                let first = first.key();
                map.next_value_seed(SecondMatcher { first, second })?;
                continue;
            }
            match key {
                Key::Id => id = Some(map.next_value()?),
                Key::Phrase => matcher = Some(RawMatcher::Phrase(map.next_value()?)),
                Key::Pattern => matcher = Some(RawMatcher::Pattern(map.next_value()?)),
                Key::Glossary => matcher = Some(RawMatcher::Glossary(map.next_value()?)),
                Key::Consistency => matcher = Some(RawMatcher::Consistency(map.next_value()?)),
                Key::Detector => matcher = Some(RawMatcher::Detector(map.next_value()?)),
                Key::Check => matcher = Some(RawMatcher::Check(map.next_value()?)),
                Key::Term => matcher = Some(RawMatcher::Term(map.next_value()?)),
                Key::Prefer => prefer = Some(map.next_value()?),
                Key::Replace => replace = Some(map.next_value()?),
                Key::Level => level = Some(map.next_value()?),
                Key::Safe => safe = Some(map.next_value()?),
                Key::Message => message = Some(map.next_value()?),
                Key::Rationale => rationale = Some(map.next_value()?),
                Key::Reference => reference = Some(map.next_value()?),
                Key::Case => case = Some(map.next_value()?),
                Key::Before => before = Some(map.next_value()?),
                Key::NotBefore => not_before = Some(map.next_value()?),
                Key::After => after = Some(map.next_value()?),
                Key::NotAfter => not_after = Some(map.next_value()?),
                Key::Examples => examples = Some(map.next_value()?),
                Key::Ok => ok = Some(map.next_value()?),
            }
        }
        let id = id.ok_or_else(|| de::Error::missing_field("id"))?;
        let message = message.ok_or_else(|| de::Error::missing_field("message"))?;
        let examples = examples.ok_or_else(|| de::Error::missing_field("examples"))?;
        let matcher = matcher.ok_or_else(|| {
            de::Error::custom(format!("the rule has no matcher: add {MATCHER_KEYS}"))
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
