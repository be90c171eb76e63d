//! calque: find and fix the damage machine translation leaves in English text.
//!
//! Data flows one way: a [`source::Source`] (bytes checked and decoded) goes
//! through an [`engine::Engine`] (all rule packs compiled once) to a list of
//! [`engine::Finding`]s, which [`report`] prints and [`fix`] turns into edits.
//! The engine is pure: no file system, threads or printing inside it.

pub mod bilingual;
pub mod engine;
pub mod eval;
pub mod fix;
pub mod markup;
pub mod pack;
pub mod parallel;
pub mod rule;
pub mod selftest;
pub mod source;
pub mod suggest;
