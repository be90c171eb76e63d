//! Year ranges that run backwards: "from 2019 to 2004". MT
//! misreads a year written short or in another form (2024 as "24" or as
//! "二〇二四") and English readers cannot tell which year was meant. A range
//! of years in prose runs forwards, so a backwards one is reported, without
//! a fix: only the source can say which year is wrong.
//!
//! Left alone: a range that counts down on purpose ("back from 2019 to
//! 2004", "down from") and years outside 1500–2099. Dashed ranges
//! ("2024–2019") are not read: no machine-translated text seen so far has
//! one backwards, and the one found in edited English was a typo of a
//! lifespan in a dictionary gloss, not translation damage.

use super::Proposal;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// "from 2019 to 2004", "from 2019 until 2004".
static FROM_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?P<lead>(?:back|down|backwards|counting)\s+)?from\s+(?P<a>1[5-9][0-9]{2}|20[0-9]{2})\s+(?:to|until|till|through)\s+(?P<b>1[5-9][0-9]{2}|20[0-9]{2})(?-u:\b)",
    )
    .expect("valid regex")
});

/// Appends a report of each backwards year range in the block.
pub fn find(text: &str, block: Range<usize>, out: &mut Vec<Proposal>) {
    let slice = &text[block.clone()];
    let backwards = |a: &str, b: &str| b < a;
    for caps in FROM_TO.captures_iter(slice) {
        if caps.name("lead").is_some() || !backwards(&caps["a"], &caps["b"]) {
            continue;
        }
        let whole = caps.get(0).expect("match");
        out.push(Proposal::report(
            block.start + whole.start()..block.start + whole.end(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reported(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        find(text, 0..text.len(), &mut out);
        out.into_iter().map(|p| &text[p.span]).collect()
    }

    #[test]
    fn backwards_ranges_are_reported() {
        assert_eq!(
            reported("the plan for the period from 2019 to 2004 was adopted"),
            ["from 2019 to 2004"]
        );
        assert_eq!(
            reported("From 2024 until 2019, nothing changed"),
            ["From 2024 until 2019"]
        );
    }

    #[test]
    fn forward_and_intended_ranges_stay() {
        for ok in [
            "from 2019 to 2023",
            "King of France from 1643 to 1715",
            "(1889-1964)",
            "looking back from 2019 to 2004, we see",
            "ISBN 978-2019-2004-1",
            "from 1200 to 1100 BC",
            "call 2019-2004.5",
        ] {
            assert!(reported(ok).is_empty(), "{ok}");
        }
    }
}
