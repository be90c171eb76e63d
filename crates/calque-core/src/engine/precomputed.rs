//! Trigger analyses of the built-in packs' patterns, made at build time.
//!
//! Parsing some 150 patterns and choosing their triggers took about half of
//! start-up; it depends only on each pattern's source, so `build.rs` runs
//! the same code ([`super::literals::analyse`], compiled into the build
//! script) over `rules/*.toml` and writes the results into the binary. A
//! pattern not in the table (a user's pack, or a built-in one the build
//! script could not read) is analysed at start-up as before.

use super::literals::{Analysis, Boundary, Trigger};

struct Entry {
    source: &'static str,
    needs_paragraph: bool,
    triggers: Option<&'static [StaticTrigger]>,
}

struct StaticTrigger {
    bytes: &'static [u8],
    before: Option<Boundary>,
    after: Option<Boundary>,
}

// `static ENTRIES: &[Entry]`, sorted by source, no source twice.
include!(concat!(env!("OUT_DIR"), "/pattern_analyses.rs"));

/// The build-time analysis of the pattern `source`, if it has one.
pub fn analysis(source: &str) -> Option<Analysis> {
    let at = ENTRIES.binary_search_by(|e| e.source.cmp(source)).ok()?;
    let entry = &ENTRIES[at];
    Some(Analysis {
        triggers: entry.triggers.map(|list| {
            list.iter()
                .map(|t| Trigger {
                    bytes: t.bytes.to_vec(),
                    before: t.before,
                    after: t.after,
                })
                .collect()
        }),
        needs_paragraph: entry.needs_paragraph,
    })
}

/// How many patterns the table holds.
#[cfg(test)]
fn len() -> usize {
    ENTRIES.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::{self, Matcher};

    #[test]
    fn every_builtin_pattern_is_in_the_table_as_start_up_would_analyse_it() {
        let mut patterns = 0;
        for pack in pack::builtin().unwrap() {
            for def in &pack.rules {
                if let Matcher::Pattern(pattern) = &def.matcher {
                    patterns += 1;
                    let built = analysis(pattern.as_str())
                        .unwrap_or_else(|| panic!("{} is not in the table", def.rule.id));
                    assert_eq!(
                        built,
                        super::super::literals::analyse(pattern.hir()),
                        "{}",
                        def.rule.id
                    );
                }
            }
        }
        assert!(patterns > 0);
        assert!(len() <= patterns);
        assert!(analysis("(?i)not a built-in pattern").is_none());
    }
}
