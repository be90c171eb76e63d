//! Arbitrary bytes through `source::decode`, then `check` and `fix` with the
//! built-in packs plus a small pack of every rule kind (phrases, patterns
//! with groups, context conditions, exact case), asserting the invariants in
//! tests/support/invariants.rs. Also runs `fix -` (the streaming fixer) on
//! the same bytes: it must agree with `fix` on text and never panic on the rest.
#![no_main]

use calque::engine::Engine;
use calque::{pack, source, stream};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

/// Rules of every kind, so the fuzzer also reaches the code paths the
/// built-in packs may not use (or when rules/ is empty).
const EXTRA_PACK: &str = include_str!("../../tests/support/every-kind.toml");

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let mut packs = pack::builtin().expect("the built-in packs load");
        packs.push(pack::load("every-kind.toml", EXTRA_PACK).expect("the extra pack loads"));
        let defs = packs.into_iter().flat_map(|p| p.rules).collect();
        Engine::new(defs).expect("the rules compile")
    })
}

fuzz_target!(|data: &[u8]| {
    let engine = engine();
    // The first byte picks safe-only or all fixes; the rest is the input.
    let Some((&flags, bytes)) = data.split_first() else {
        return;
    };
    let unsafe_fixes = flags & 1 == 1;
    let decoded = source::decode(bytes.to_vec());
    let mut streamed = Vec::new();
    let streamed_ok = stream::fix_stream(engine, bytes, &mut streamed, unsafe_fixes).is_ok();
    let Ok(text) = decoded else {
        assert!(!streamed_ok, "fix - accepted what decode refused");
        return;
    };
    let fixed = invariants::assert_check_and_fix(engine, &text, unsafe_fixes);
    if text.len() < calque::engine::blocks::TARGET_BLOCK {
        // One piece: the stream fixer must give exactly what `fix` gives.
        assert!(streamed_ok, "fix - refused text that decode accepted");
        assert_eq!(String::from_utf8_lossy(&streamed), fixed, "fix - differs from fix");
    }
});
