//! Engines and texts for tests, here and in the crates built on this one
//! (the `test-support` feature); never part of a release build.

use crate::engine::Engine;
use crate::pack;

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
