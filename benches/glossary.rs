//! How the size of a glossary changes the cost of `check`: glossaries of
//! 10 and of 10,000 entries (synthetic but name-shaped) over the same 10 MB
//! of news-like text. Run with `cargo bench --bench glossary`; it prints the
//! best of several runs for each size and their ratio (the target: <= 2).
//!
//! `CALQUE_BENCH_MB` changes the text size; `CALQUE_BENCH_RUNS` the runs;
//! `CALQUE_BENCH_WRITE=DIR` also writes the text and both packs to DIR, to
//! time `calque check --no-default-packs --pack DIR/glossary-N.toml DIR/text.txt`.

use calque_core::engine::Engine;
use calque_core::pack;
use std::fmt::Write as _;
use std::time::{Duration, Instant};

const GIVEN: [&str; 40] = [
    "Ahmed",
    "Alejandro",
    "Aleksandar",
    "Ana",
    "Andrzej",
    "Anna",
    "Carlos",
    "Chen",
    "Daniel",
    "Dmitri",
    "Elena",
    "Emmanuel",
    "Fatima",
    "Giorgia",
    "Hassan",
    "Ibrahim",
    "Jean",
    "Joao",
    "Jorge",
    "Karin",
    "Kwame",
    "Lars",
    "Luis",
    "Maria",
    "Mehmet",
    "Miguel",
    "Mohammed",
    "Nadia",
    "Nicolas",
    "Olga",
    "Pedro",
    "Rafael",
    "Sergei",
    "Sofia",
    "Tamara",
    "Thomas",
    "Viktor",
    "Vladimir",
    "Wang",
    "Yusuf",
];
const ONSETS: [&str; 24] = [
    "B", "D", "F", "G", "H", "K", "L", "M", "N", "P", "R", "S", "T", "V", "Z", "Br", "Ch", "Dr",
    "Gr", "Kr", "Sh", "St", "Tr", "Vl",
];
const SYLLABLES: [&str; 30] = [
    "a", "e", "i", "o", "u", "an", "ar", "el", "en", "er", "in", "ov", "os", "ul", "ak", "ic",
    "ez", "ad", "im", "or", "ani", "ero", "ski", "vic", "nov", "lin", "dze", "ura", "aro", "ito",
];
const WORDS: [&str; 40] = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "said",
    "that",
    "for",
    "on",
    "with",
    "was",
    "talks",
    "minister",
    "government",
    "meeting",
    "cooperation",
    "countries",
    "international",
    "economic",
    "support",
    "development",
    "trade",
    "security",
    "agreement",
    "week",
    "officials",
    "visit",
    "policy",
    "new",
    "reform",
    "summit",
    "region",
    "leaders",
    "by",
    "from",
    "at",
    "its",
    "their",
    "after",
];
const CAPITALISED: [&str; 24] = [
    "The",
    "In",
    "On",
    "After",
    "During",
    "Putting",
    "Meanwhile",
    "However",
    "Ministry",
    "Parliament",
    "Council",
    "Monday",
    "Friday",
    "January",
    "Madrid",
    "Beijing",
    "Moscow",
    "Caracas",
    "Belgrade",
    "Havana",
    "European",
    "Union",
    "United",
    "Nations",
];

/// A small deterministic generator (xorshift64*), so every run checks the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
}

fn surname(rng: &mut Rng) -> String {
    let mut s = rng.pick(&ONSETS).to_string();
    for _ in 0..1 + rng.below(3) {
        s.push_str(rng.pick(&SYLLABLES));
    }
    s
}

/// `count` distinct two- and three-word names.
fn names(count: usize, rng: &mut Rng) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(count);
    while out.len() < count {
        let name = if rng.below(5) == 0 {
            format!("{} {} {}", rng.pick(&GIVEN), surname(rng), surname(rng))
        } else {
            format!("{} {}", rng.pick(&GIVEN), surname(rng))
        };
        if seen.insert(name.clone()) {
            out.push(name);
        }
    }
    out
}

/// A pack with one glossary rule of these names: every fifth with a variant
/// (the surname without its last letter) and every seventh with a foreign spelling.
fn pack_text(names: &[String]) -> String {
    let mut toml = String::from(
        "[pack]\nname = \"bench\"\ndescription = \"synthetic names\"\n\n[[rule]]\n\
         id = \"names\"\nmessage = \"misspelt name\"\nglossary = [\n",
    );
    for (i, name) in names.iter().enumerate() {
        let mut variants = String::new();
        let mut foreign = String::new();
        if i % 5 == 0 {
            variants = format!("\"{}h\"", name);
        }
        if i % 7 == 0 {
            foreign = format!("\"{}e\"", name);
        }
        writeln!(
            toml,
            "  {{ name = \"{name}\", variants = [{variants}], foreign = [{foreign}] }},"
        )
        .unwrap();
    }
    // Entry 0 has the foreign spelling "<name>e".
    writeln!(
        toml,
        "]\nexamples = [{{ bad = \"{0}e said\", good = \"{0} said\" }}]",
        names[0]
    )
    .unwrap();
    toml
}

/// About `bytes` of news-like prose: sentences of common words, capitalised
/// words and places, and now and then a name of `mentioned` or a near-miss.
fn text(bytes: usize, mentioned: &[String], rng: &mut Rng) -> String {
    let mut out = String::with_capacity(bytes + 1024);
    while out.len() < bytes {
        for sentence in 0..4 + rng.below(4) {
            out.push_str(rng.pick(&CAPITALISED));
            for _ in 0..8 + rng.below(16) {
                out.push(' ');
                match rng.below(40) {
                    0 => {
                        let name = &mentioned[rng.below(mentioned.len())];
                        out.push_str(name);
                    }
                    1 => {
                        // A near-miss: one letter dropped from a name.
                        let name = &mentioned[rng.below(mentioned.len())];
                        let cut = 1 + rng.below(name.len() - 2);
                        if name.is_char_boundary(cut) && name.is_char_boundary(cut + 1) {
                            out.push_str(&name[..cut]);
                            out.push_str(&name[cut + 1..]);
                        }
                    }
                    2..=5 => out.push_str(rng.pick(&CAPITALISED)),
                    _ => out.push_str(rng.pick(&WORDS)),
                }
            }
            out.push_str(if sentence % 3 == 2 { ", " } else { ". " });
        }
        out.push_str("\n\n");
    }
    out
}

fn main() {
    let megabytes: usize = std::env::var("CALQUE_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    let runs: usize = std::env::var("CALQUE_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let all = names(10_000, &mut rng);
    // The text mentions the first 10 names (in both glossaries) and the
    // near-misses of them, so both glossaries have the same work to report.
    let text = text(megabytes << 20, &all[..10], &mut rng);
    println!(
        "text: {:.1} MB, {} runs each, best run reported",
        text.len() as f64 / (1 << 20) as f64,
        runs
    );
    let mut engines = Vec::new();
    for size in [10, 10_000] {
        let toml = pack_text(&all[..size]);
        if let Ok(dir) = std::env::var("CALQUE_BENCH_WRITE") {
            let dir = std::path::Path::new(&dir);
            std::fs::write(dir.join(format!("glossary-{size}.toml")), &toml).unwrap();
            std::fs::write(dir.join("text.txt"), &text).unwrap();
        }
        let start = Instant::now();
        let pack = pack::load("bench.toml", &toml).unwrap_or_else(|e| panic!("{e}"));
        let engine = Engine::new(pack.rules).expect("the bench pack compiles");
        engines.push((size, engine, start.elapsed()));
    }
    // Runs alternate between the sizes so that a busy machine slows both alike.
    let mut best = [Duration::MAX; 2];
    let mut findings = [0; 2];
    for _ in 0..runs {
        for (i, (_, engine, _)) in engines.iter().enumerate() {
            let start = Instant::now();
            findings[i] = engine.check(&text).len();
            best[i] = best[i].min(start.elapsed());
        }
    }
    for (i, (size, _, load)) in engines.iter().enumerate() {
        println!(
            "{size:>6} entries: load {:>8.2} ms, check {:>8.1} ms ({:.0} MB/s), {} findings",
            load.as_secs_f64() * 1e3,
            best[i].as_secs_f64() * 1e3,
            text.len() as f64 / (1 << 20) as f64 / best[i].as_secs_f64(),
            findings[i],
        );
    }
    println!(
        "ratio 10,000 / 10 entries: {:.2}",
        best[1].as_secs_f64() / best[0].as_secs_f64()
    );
}
