//! Engines, packs and texts for tests, here and in the crates built on this
//! one (the `test-support` feature); never part of a release build.
//!
//! A test states the rules it needs with [`TestRule`] and [`TestPack`]
//! rather than a TOML copy of its own: the builders write the pack file a
//! user would write (so it goes through the real loader), fill in what a
//! test does not care about (a message, an example), and name the two rules
//! most tests share, [`TestRule::xi_all_caps`] and
//! [`TestRule::long_term_spacing`].
//!
//! ```
//! use calque_core::testing::{TestPack, TestRule};
//!
//! let engine = TestPack::new("demo")
//!     .rule(TestRule::phrase("links", "bilateral links").replace("bilateral ties"))
//!     .rule(TestRule::xi_all_caps())
//!     .engine();
//! assert_eq!(engine.check("XI praised bilateral links").len(), 2);
//! ```

use crate::engine::Engine;
use crate::pack::{self, Pack};

/// An engine from the `[[rule]]` tables of a pack (a header is added), for tests.
pub fn test_engine(rules: &str) -> Engine {
    let text = format!("[pack]\nname = \"test\"\ndescription = \"t\"\n{rules}");
    let pack = pack::load("test.toml", &text).unwrap_or_else(|e| panic!("{e}"));
    Engine::new(pack.rules).unwrap()
}

/// The engine of the built-in packs, for tests.
pub fn builtin_engine() -> Engine {
    let rules = pack::builtin()
        .unwrap()
        .into_iter()
        .flat_map(|p| p.rules)
        .collect();
    Engine::new(rules).unwrap()
}

/// The seed article `copies` times, a blank line (a clear break) after
/// each, for tests of large texts.
pub fn seed_copies(copies: usize) -> String {
    let seed = include_str!("../../../fixtures/seed/000_0a50a29a47c1f7ef.txt");
    format!("{}\n\n", seed.trim_end()).repeat(copies)
}

/// A pack file, built up for a test: `[pack]` with a name and a
/// description, any other header keys, then the rules.
#[derive(Debug, Clone)]
pub struct TestPack {
    name: String,
    header: Vec<(String, String)>,
    rules: Vec<TestRule>,
}

impl TestPack {
    /// An empty pack called `name` (its rules are `name/id`).
    pub fn new(name: &str) -> TestPack {
        TestPack {
            name: name.into(),
            header: vec![("description".into(), toml_string("for a test"))],
            rules: Vec::new(),
        }
    }

    /// Adds a rule.
    pub fn rule(mut self, rule: TestRule) -> TestPack {
        self.rules.push(rule);
        self
    }

    /// Adds rules.
    pub fn rules(mut self, rules: impl IntoIterator<Item = TestRule>) -> TestPack {
        self.rules.extend(rules);
        self
    }

    /// Sets a key of `[pack]` to a TOML value written as is
    /// (`.header("source", r#"["fr"]"#)`).
    pub fn header(mut self, key: &str, toml_value: &str) -> TestPack {
        set(&mut self.header, key, toml_value.into());
        self
    }

    /// The pack file's text.
    pub fn toml(&self) -> String {
        let mut text = format!("[pack]\nname = {}\n", toml_string(&self.name));
        for (key, value) in &self.header {
            text.push_str(&format!("{key} = {value}\n"));
        }
        for rule in &self.rules {
            text.push('\n');
            text.push_str(&rule.toml());
        }
        text
    }

    /// The pack, loaded as `<name>.toml`; panics with the loader's message.
    pub fn load(&self) -> Pack {
        let file = format!("{}.toml", self.name);
        pack::load(&file, &self.toml()).unwrap_or_else(|e| panic!("{e}\n{}", self.toml()))
    }

    /// An engine of this pack alone.
    pub fn engine(&self) -> Engine {
        Engine::new(self.load().rules).unwrap()
    }
}

/// One `[[rule]]` table, built up for a test. Keys a test leaves out get a
/// plain value: `message = "m"`, and for a phrase rule an example made of
/// its first phrase and first replacement. Other kinds need an `example`.
#[derive(Debug, Clone)]
pub struct TestRule {
    id: String,
    /// The rule's keys after `id`, in the order written, values as TOML.
    keys: Vec<(String, String)>,
    /// For the default example: the first phrase and replacement.
    first_phrase: Option<String>,
    first_replacement: Option<String>,
    examples: Vec<String>,
    ok: Vec<String>,
}

impl TestRule {
    /// A rule whose matcher is `key = toml_value`, written as is (for kinds
    /// without a shorthand below, and for malformed values).
    pub fn new(id: &str, key: &str, toml_value: &str) -> TestRule {
        TestRule {
            id: id.into(),
            keys: vec![(key.into(), toml_value.into())],
            first_phrase: None,
            first_replacement: None,
            examples: Vec::new(),
            ok: Vec::new(),
        }
    }

    /// `phrase = "…"`.
    pub fn phrase(id: &str, phrase: &str) -> TestRule {
        TestRule::phrases(id, &[phrase])
    }

    /// `phrase = ["…", "…"]`: several spellings of one phrase.
    pub fn phrases(id: &str, phrases: &[&str]) -> TestRule {
        let mut rule = TestRule::new(id, "phrase", &toml_strings(phrases));
        rule.first_phrase = phrases.first().map(|p| p.to_string());
        rule
    }

    /// `pattern = '…'`, a regular expression.
    pub fn pattern(id: &str, regex: &str) -> TestRule {
        TestRule::new(id, "pattern", &toml_string(regex))
    }

    /// `glossary = […]`, its entries written as TOML
    /// (`r#"[{ name = "Putin", foreign = ["Poutine"] }]"#`).
    pub fn glossary(id: &str, entries: &str) -> TestRule {
        TestRule::new(id, "glossary", entries)
    }

    /// `consistency = [["…", "…"], …]`: groups of variants, one per group
    /// to be used throughout a text.
    pub fn consistency(id: &str, groups: &[&[&str]]) -> TestRule {
        let groups: Vec<String> = groups.iter().map(|g| toml_strings(g)).collect();
        TestRule::new(id, "consistency", &format!("[{}]", groups.join(", ")))
    }

    /// `detector = "…"`, a built-in detector by name.
    pub fn detector(id: &str, name: &str) -> TestRule {
        TestRule::new(id, "detector", &toml_string(name))
    }

    /// `check = "…"`, a built-in bilingual check by name.
    pub fn check(id: &str, name: &str) -> TestRule {
        TestRule::new(id, "check", &toml_string(name))
    }

    /// `term = { source = "…", target = […] }`, a bilingual term base entry.
    pub fn term(id: &str, source: &str, targets: &[&str]) -> TestRule {
        let value = format!(
            "{{ source = {}, target = {} }}",
            toml_string(source),
            toml_strings(targets)
        );
        TestRule::new(id, "term", &value)
    }

    /// The French-style all-caps surname `XI`, fixed to `Xi` (a safe fix,
    /// level warning): the rule most tests need one of.
    pub fn xi_all_caps() -> TestRule {
        TestRule::pattern("xi-all-caps", r"\bXI\b")
            .replace("Xi")
            .safe()
            .message("all-caps surname")
            .example("XI said", "Xi said")
    }

    /// A tokenizer's space before a hyphen, `long -term`, fixed to
    /// `long-term` (a safe fix, level warning).
    pub fn long_term_spacing() -> TestRule {
        TestRule::phrase("long-term", "long -term")
            .replace("long-term")
            .safe()
            .message("tokenizer spacing")
    }

    /// The same rule under another id (for two rules alike but for a key).
    pub fn id(mut self, id: &str) -> TestRule {
        self.id = id.into();
        self
    }

    /// Two safe fixes that undo each other, `alpha` → `beta` (`a-to-b`)
    /// and `beta` → `alpha` (`b-to-a`): fixing never settles.
    pub fn undoing_each_other() -> [TestRule; 2] {
        [
            TestRule::phrase("a-to-b", "alpha").replace("beta").safe(),
            TestRule::phrase("b-to-a", "beta").replace("alpha").safe(),
        ]
    }

    /// `replace = "…"`.
    pub fn replace(self, replacement: &str) -> TestRule {
        self.replace_any(&[replacement])
    }

    /// `replace = ["…", "…"]`: several plausible replacements.
    pub fn replace_any(mut self, replacements: &[&str]) -> TestRule {
        self.first_replacement = replacements.first().map(|r| r.to_string());
        self.set("replace", &toml_strings(replacements))
    }

    /// `safe = true`.
    pub fn safe(self) -> TestRule {
        self.set("safe", "true")
    }

    /// `level = "…"` (`"error"`, `"warning"`, `"info"`).
    pub fn level(self, level: &str) -> TestRule {
        self.set("level", &toml_string(level))
    }

    /// `message = "…"` (`"m"` when not set).
    pub fn message(self, message: &str) -> TestRule {
        self.set("message", &toml_string(message))
    }

    /// `key = "…"`, a string: `not_before`, `after`, `prefer`, `case`...
    pub fn with(self, key: &str, value: &str) -> TestRule {
        self.set(key, &toml_string(value))
    }

    /// `key = value`, the value written as TOML as is.
    pub fn set(mut self, key: &str, toml_value: &str) -> TestRule {
        set(&mut self.keys, key, toml_value.into());
        self
    }

    /// An example: `bad` must be flagged and fixed to `good`.
    pub fn example(mut self, bad: &str, good: &str) -> TestRule {
        self.examples.push(format!(
            "{{ bad = {}, good = {} }}",
            toml_string(bad),
            toml_string(good)
        ));
        self
    }

    /// An example that is flagged with no fix to compare.
    pub fn example_flagged(mut self, bad: &str) -> TestRule {
        self.examples
            .push(format!("{{ bad = {} }}", toml_string(bad)));
        self
    }

    /// An example of a bilingual rule: `bad` translates `source`.
    pub fn example_translated(mut self, source: &str, bad: &str) -> TestRule {
        self.examples.push(format!(
            "{{ source = {}, bad = {} }}",
            toml_string(source),
            toml_string(bad)
        ));
        self
    }

    /// A text the rule must leave alone (`ok`).
    pub fn ok(mut self, text: &str) -> TestRule {
        self.ok.push(toml_string(text));
        self
    }

    /// The `[[rule]]` table's text.
    pub fn toml(&self) -> String {
        let mut text = format!("[[rule]]\nid = {}\n", toml_string(&self.id));
        let mut keys = self.keys.clone();
        if !keys.iter().any(|(k, _)| k == "message") {
            keys.push(("message".into(), toml_string("m")));
        }
        for (key, value) in &keys {
            text.push_str(&format!("{key} = {value}\n"));
        }
        let examples = if self.examples.is_empty() {
            vec![self.default_example()]
        } else {
            self.examples.clone()
        };
        text.push_str(&format!("examples = [{}]\n", examples.join(", ")));
        if !self.ok.is_empty() {
            text.push_str(&format!("ok = [{}]\n", self.ok.join(", ")));
        }
        text
    }

    /// A phrase rule's own example: its first phrase, fixed to its first
    /// replacement.
    fn default_example(&self) -> String {
        let bad = self.first_phrase.as_deref().unwrap_or_else(|| {
            panic!(
                "test rule `{}`: only a phrase rule has a default example",
                self.id
            )
        });
        match &self.first_replacement {
            Some(good) => format!(
                "{{ bad = {}, good = {} }}",
                toml_string(bad),
                toml_string(good)
            ),
            None => format!("{{ bad = {} }}", toml_string(bad)),
        }
    }
}

/// Sets `key` in an ordered list of keys, replacing an earlier value.
fn set(keys: &mut Vec<(String, String)>, key: &str, value: String) {
    match keys.iter_mut().find(|(k, _)| k == key) {
        Some(slot) => slot.1 = value,
        None => keys.push((key.into(), value)),
    }
}

/// `s` as a TOML string: a literal string (`'\bXI\b'`, as pack authors
/// write regular expressions) when it holds a backslash and can be one,
/// otherwise a basic string with its escapes.
fn toml_string(s: &str) -> String {
    let literal_fits = !s.contains('\'') && !s.chars().any(char::is_control);
    if s.contains('\\') && literal_fits {
        return format!("'{s}'");
    }
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// One string as a TOML string, several as an array of them.
fn toml_strings(items: &[&str]) -> String {
    match items {
        [one] => toml_string(one),
        many => {
            let quoted: Vec<String> = many.iter().map(|s| toml_string(s)).collect();
            format!("[{}]", quoted.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_survive_the_round_trip_through_toml() {
        for s in [r"\bXI\b", "it's", r"a\'b", "say \"hi\"\n\tthen", "é\u{1}"] {
            let doc = format!("v = {}", toml_string(s));
            let table: toml::Table = doc.parse().unwrap_or_else(|e| panic!("{doc}: {e}"));
            assert_eq!(table["v"].as_str(), Some(s), "{doc}");
        }
    }

    #[test]
    fn a_built_pack_is_the_file_a_user_would_write() {
        let pack = TestPack::new("demo")
            .header("source", r#"["fr"]"#)
            .rule(
                TestRule::xi_all_caps()
                    .level("error")
                    .with("not_before", r"Louis\s+$"),
            )
            .rule(TestRule::phrase("links", "bilateral links").replace_any(&["ties", "relations"]));
        assert_eq!(
            pack.toml(),
            r#"[pack]
name = "demo"
description = "for a test"
source = ["fr"]

[[rule]]
id = "xi-all-caps"
pattern = '\bXI\b'
replace = "Xi"
safe = true
message = "all-caps surname"
level = "error"
not_before = 'Louis\s+$'
examples = [{ bad = "XI said", good = "Xi said" }]

[[rule]]
id = "links"
phrase = "bilateral links"
replace = ["ties", "relations"]
message = "m"
examples = [{ bad = "bilateral links", good = "ties" }]
"#
        );
        let loaded = pack.load();
        assert_eq!(loaded.rules.len(), 2);
        assert_eq!(loaded.rules[0].rule.id, "demo/xi-all-caps");
    }

    #[test]
    #[should_panic(expected = "only a phrase rule has a default example")]
    fn a_pattern_rule_without_an_example_is_a_mistake_of_the_test() {
        TestRule::pattern("p", "x").toml();
    }
}
