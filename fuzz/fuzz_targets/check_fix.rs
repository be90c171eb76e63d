//! Arbitrary bytes through `source::decode`, then `check` and `fix` with the
//! built-in packs plus a small pack of every rule kind, asserting the
//! invariants in tests/support/invariants.rs (no panic, findings and edits
//! in bounds, only edited bytes change, fix idempotent); `fix -` must agree.
#![no_main]

use calque_core::engine::Engine;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    let engine = ENGINE.get_or_init(invariants::fuzz_engine);
    invariants::check_fix_bytes(engine, data);
});
