//! calque-core: find and fix the damage machine translation leaves in
//! English text. The library behind every calque front end (the command
//! line, and to come a language server and Python bindings): text in,
//! findings and fixes out, with no file system, printing, argument parsing
//! or threads (the `parallel` feature spreads one large text over a rayon
//! pool; without it everything runs on the calling thread).
//!
//! Data flows one way: a pack's TOML is validated by [`pack::load`] into
//! rule definitions, [`engine::Engine::new`] compiles them once, and
//! [`engine::Engine::check`] turns a text into [`engine::Finding`]s, which
//! [`fix::fix_text`] applies (safe fixes only, unless asked otherwise).
//! [`source::decode`] turns bytes into text, [`markup`] keeps Markdown code,
//! subtitles' timings and gettext's source strings out of reach.
//!
//! ```
//! use calque_core::engine::Engine;
//! use calque_core::{fix, pack};
//!
//! let house = pack::load(
//!     "house.toml",
//!     r#"
//! [pack]
//! name = "house"
//! description = "Set phrases our translation engine gets wrong"
//!
//! [[rule]]
//! id = "all-weather-friendship"
//! phrase = "all-terrain friendship"
//! replace = "all-weather friendship"
//! level = "error"
//! safe = true
//! message = "literal rendering of 全天候友谊"
//! examples = [{ bad = "advance all-terrain friendship", good = "advance all-weather friendship" }]
//! ok = ["an all-terrain vehicle"]
//! "#,
//! )?;
//! let engine = Engine::new(house.rules)?;
//!
//! let text = "They praised the All-terrain friendship, not the all-terrain vehicle.";
//! let findings = engine.check(text);
//! assert_eq!(findings.len(), 1);
//! assert_eq!(engine.rule(findings[0].rule).id, "house/all-weather-friendship");
//! assert_eq!(&text[findings[0].span.clone()], "All-terrain friendship");
//!
//! let fixed = fix::fix_text(&engine, text, false);
//! assert_eq!(
//!     fixed.text,
//!     "They praised the All-weather friendship, not the all-terrain vehicle."
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![deny(missing_docs)]

pub mod engine;
pub mod eval;
pub mod eval_clean;
pub mod eval_floor;
pub mod fix;
pub mod markup;
/// Bilingual files (XLIFF, PO, TMX, TSV) and the checks of a translation
/// against its source; they live with the other file readers in [`markup`].
pub use markup::bilingual;
pub mod pack;
pub mod parallel;
pub mod rule;
pub mod selftest;
pub mod source;
pub mod suggest;
#[cfg(any(test, feature = "test-support"))]
pub mod testing;
