//! Arbitrary text as a rule pack: `pack::load` must return a pack or a
//! located error, never panic; a pack that loads must compile into an
//! engine and survive checking and fixing its own examples.
#![no_main]

use calque::engine::Engine;
use calque::pack;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(loaded) = pack::load("fuzz.toml", text) else {
        return;
    };
    let samples: Vec<String> = loaded
        .rules
        .iter()
        .flat_map(|d| {
            d.rule
                .examples
                .iter()
                .flat_map(|e| std::iter::once(e.bad.clone()).chain(e.good.clone()))
                .chain(d.rule.ok.iter().cloned())
        })
        .collect();
    let Ok(engine) = Engine::new(loaded.rules) else {
        return;
    };
    for sample in samples.iter().take(16) {
        invariants::assert_check_and_fix(&engine, sample, true);
    }
});
