//! Micro-benchmarks of the engine alone (no process start, no I/O):
//! `Engine::check` and `fix::fix_text` with the built-in packs on the seed
//! article (14 KB of machine-translated news) and on 1 MB of clean fixture
//! prose with the seed interleaved. Run with `cargo bench --bench engine`.
//! The end-to-end benchmark, with other tools beside calque, is
//! benches/run.py.

use calque_core::engine::Engine;
use calque_core::engine::blocks;
use calque_core::engine::phrase::{BlockBuffers, PhraseSet};
use calque_core::{fix, pack};
use divan::{Bencher, black_box, counter::BytesCount};
use std::sync::LazyLock;

fn main() {
    divan::main();
}

static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    let packs = pack::builtin().expect("the built-in packs load");
    Engine::new(packs.into_iter().flat_map(|p| p.rules).collect()).expect("they compile")
});

const SEED: &str = include_str!("../fixtures/seed/000_0a50a29a47c1f7ef.txt");

/// About 1 MB: the clean fixtures in a fixed order, the seed after each one,
/// repeated as needed.
static MEGABYTE: LazyLock<String> = LazyLock::new(|| {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/clean");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures/clean")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut text = String::new();
    'fill: loop {
        for path in &files {
            text.push_str(&std::fs::read_to_string(path).expect("a fixture"));
            text.push_str("\n\n");
            text.push_str(SEED);
            text.push_str("\n\n");
            if text.len() >= 1 << 20 {
                break 'fill;
            }
        }
    }
    text
});

fn texts() -> [(&'static str, &'static str); 2] {
    [("seed", SEED), ("1mb", MEGABYTE.as_str())]
}

#[divan::bench(args = ["seed", "1mb"])]
fn check(bencher: Bencher, which: &str) {
    let text = texts().into_iter().find(|(n, _)| *n == which).unwrap().1;
    let engine = &*ENGINE;
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| engine.check(black_box(text)));
}

#[divan::bench(args = ["seed", "1mb"])]
fn fix_text(bencher: Bencher, which: &str) {
    let text = texts().into_iter().find(|(n, _)| *n == which).unwrap().1;
    let engine = &*ENGINE;
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| fix::fix_text(engine, black_box(text), false));
}

/// Building the engine from the built-in packs: most of the start-up time.
#[divan::bench(sample_count = 10)]
fn compile_builtin_packs() -> Engine {
    let packs = pack::builtin().expect("the built-in packs load");
    Engine::new(packs.into_iter().flat_map(|p| p.rules).collect()).expect("they compile")
}

/// `n` three-word phrases of words of the 1 MB text, drawn by a fixed
/// pseudo-random sequence (a stand-in for benches/run.py's synthetic packs).
fn synthetic_phrases(n: usize) -> PhraseSet {
    let mut words: Vec<&str> = MEGABYTE
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() > 2)
        .collect();
    words.sort_unstable();
    words.dedup();
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut pick = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        words[(state % words.len() as u64) as usize]
    };
    let phrases = (0..n)
        .map(|i| (i, format!("{} {} {}", pick(), pick(), pick()), false))
        .collect();
    PhraseSet::new(phrases).expect("the phrases compile")
}

/// The phrase search alone, over the 1 MB text, by number of phrases.
#[divan::bench(args = [100, 1000, 10000])]
fn phrase_find(bencher: Bencher, n: usize) {
    let set = synthetic_phrases(n);
    let text = MEGABYTE.as_str();
    let mut buffers = BlockBuffers::default();
    let mut out = Vec::new();
    bencher.counter(BytesCount::of_str(text)).bench_local(|| {
        out.clear();
        for block in blocks::blocks(text) {
            set.find(black_box(text), block, &mut buffers, &mut out);
        }
        out.len()
    });
}
