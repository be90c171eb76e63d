//! Helpers shared by the integration tests (each test file that needs them
//! says `mod support;`).
#![allow(dead_code)]

pub mod invariants;
