//! Arbitrary text as a rule pack: `pack::load` returns a pack or a located
//! error, never panics; a pack that loads compiles (or fails cleanly) and
//! keeps the fix invariants on its own examples (tests/support/invariants.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| invariants::load_pack_bytes(data));
