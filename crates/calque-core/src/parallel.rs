//! Checking one large text on several threads.
//!
//! Files are checked side by side already (`-j`); this spreads a single
//! large text (a corpus of segments, a book) over the threads too. The text
//! is cut at clear breaks into stretches (`blocks::stretches`), each
//! stretch's paragraph findings and sightings are found on a thread of its
//! own, and the whole-text rules then decide over all the sightings, as
//! [`Engine::check`] does. The findings are the same, in the same order,
//! whatever the number of threads. (The engine itself stays free of threads.)
//!
//! The threads are those of the current rayon pool, with the `parallel`
//! feature; without it everything runs on the calling thread, with the same
//! results.

use crate::engine::sightings::Sighting;
use crate::engine::{Engine, Finding, blocks};
#[cfg(feature = "parallel")]
use rayon::prelude::*;
use std::ops::Range;

/// A text shorter than this is searched in one piece: cutting it would
/// cost more than it saves.
const MIN_STRETCH: usize = 1 << 20;

/// What [`Engine::check`] gives, found on the threads of the current
/// rayon pool.
pub fn check(engine: &Engine, text: &str) -> Vec<Finding> {
    let (findings, sightings) = paragraph_findings_and_sightings(engine, text);
    engine.complete(text, findings, &sightings)
}

/// What [`Engine::search`] finds in all of `text`: the paragraph findings
/// (unsorted) and the sightings (in order of start).
pub(crate) fn paragraph_findings_and_sightings(
    engine: &Engine,
    text: &str,
) -> (Vec<Finding>, Vec<Sighting>) {
    found_in(engine, text, stretches(text, MIN_STRETCH))
}

/// `text` cut for the threads of the current pool into stretches of at
/// least `min` bytes: a few a thread, so that one slow stretch does not
/// hold the others up.
fn stretches(text: &str, min: usize) -> Vec<Range<usize>> {
    let threads = threads();
    if threads > 1 && text.len() >= 2 * min {
        blocks::stretches(text, (text.len() / (4 * threads)).max(min))
    } else {
        std::iter::once(0..text.len()).collect()
    }
}

/// How many threads the stretches of one text are spread over.
#[cfg(feature = "parallel")]
fn threads() -> usize {
    rayon::current_num_threads()
}

#[cfg(not(feature = "parallel"))]
fn threads() -> usize {
    1
}

fn found_in(
    engine: &Engine,
    text: &str,
    stretches: Vec<Range<usize>>,
) -> (Vec<Finding>, Vec<Sighting>) {
    let found = |stretch: Range<usize>| {
        let (mut findings, mut sightings) = (Vec::new(), Vec::new());
        engine.search(text, stretch, &mut findings, &mut sightings);
        (findings, sightings)
    };
    // One stretch (a small text, or one thread): no pool, nothing to join.
    if let [only] = stretches.as_slice() {
        return found(only.clone());
    }
    #[cfg(feature = "parallel")]
    let parts: Vec<(Vec<Finding>, Vec<Sighting>)> = stretches.into_par_iter().map(found).collect();
    #[cfg(not(feature = "parallel"))]
    let parts: Vec<(Vec<Finding>, Vec<Sighting>)> = stretches.into_iter().map(found).collect();
    let mut findings = Vec::with_capacity(parts.iter().map(|p| p.0.len()).sum());
    let mut sightings = Vec::with_capacity(parts.iter().map(|p| p.1.len()).sum());
    for (f, s) in parts {
        findings.extend(f);
        sightings.extend(s);
    }
    (findings, sightings)
}

#[cfg(all(test, feature = "parallel"))]
mod tests {
    use super::*;

    #[test]
    fn the_findings_of_a_text_cut_in_stretches_are_those_of_the_whole() {
        let engine = crate::testing::builtin_engine();
        let text = crate::testing::seed_copies(30);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let (findings, sightings) = pool.install(|| {
            let cut = stretches(&text, 64 << 10);
            assert!(cut.len() > 2, "the text is cut: {cut:?}");
            found_in(&engine, &text, cut)
        });
        let whole = engine.check(&text);
        assert!(whole.len() > 100);
        assert_eq!(engine.complete(&text, findings, &sightings), whole);
    }
}
