//! A change whose verb and figures disagree: "rose from 40% to 36%",
//! "fell from 20 to 30". MT picks the verb from a neutral source verb
//! (French "passer de 40 % à 36 %", Spanish "pasar de", German "von ... auf")
//! or from a dictionary sense of the wrong direction, and keeps the figures,
//! so the sentence says the opposite of itself. Only the source says whether
//! the verb or a figure is wrong, so the detector reports without a fix.
//!
//! It reads "VERB from A to B" and "NOUN from A to B" (an increase, a fall)
//! where A and B are plain figures of the same kind, and compares them. It
//! stays silent whenever the figures could mean something else:
//!
//! - a figure that may be written with a European thousands separator
//!   ("1.200") or a decimal comma ("1,5"), since "1.200" may be 1200;
//! - different magnitudes or currencies on the two sides ("from 900 to 1.2
//!   billion", where the first may be millions);
//! - ordinals and ranks ("from 40th to 12th", "from No. 40 to No. 12"), and
//!   a change followed soon by a word of ranking ("climbed from 40 to 12 on
//!   the chart"), where a smaller number is a rise;
//! - years, which [`super::year_range`] reads.

use super::Proposal;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A verb or noun of movement, "from", a figure, "to", a figure.
static CHANGE: LazyLock<Regex> = LazyLock::new(|| {
    let up = r"ris(?:e|es|en|ing)|rose|increas(?:e|es|ed|ing)|gr(?:ew|own|ow|ows|owing)|growth|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|soar(?:s|ed|ing)?|(?:went|gone|go|goes|going)\s+up|rais(?:e|es|ed|ing)";
    let down = r"f(?:ell|all|alls|allen|alling)|drop(?:s|ped|ping)?|decreas(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|shr(?:ank|unk|ink|inks|inking)|plung(?:e|es|ed|ing)|plummet(?:s|ed|ing)?|slump(?:s|ed|ing)?|dip(?:s|ped|ping)?|(?:went|gone|go|goes|going)\s+down|reduc(?:e|es|ed|ing|tion)|lower(?:s|ed|ing)?";
    let figure = |name: &str| {
        format!(
            r"(?P<{name}_cur>[$€£¥])?(?P<{name}>[-−]?[0-9](?:[0-9.,]*[0-9])?)(?P<{name}_pct>\s*(?:%|per\s?cent|percent))?(?P<{name}_mag>\s+(?:thousand|million|billion|trillion))?"
        )
    };
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:(?P<up>{up})|(?P<down>{down}))\s+from\s+{a}\s+to\s+{b}",
        a = figure("a"),
        b = figure("b"),
    ))
    .expect("valid regex")
});

/// Words after a change that make a smaller number a rise: ranks and charts.
static RANKING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^.;\n]{0,40}?(?-u:\b)(?:chart|charts|rank|ranks|ranking|rankings|ranked|place|position|spot|seed|seeded|table|league|list|billboard|poll position)(?-u:\b)")
        .expect("valid regex")
});

/// How many characters after the figures [`RANKING`] looks at.
const RANKING_WINDOW: usize = 60;

/// The value of a figure, when its reading is certain: digits, English
/// thousands groups ("23,500"), or a decimal point followed by other than
/// exactly three digits ("3.5", "0.25"; "1.200" may be 1200).
fn value(figure: &str) -> Option<f64> {
    let (negative, digits) = match figure.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest),
        None => (false, figure),
    };
    let plain = if let Some((whole, fraction)) = digits.split_once('.') {
        let certain = fraction.len() != 3
            && fraction.bytes().all(|b| b.is_ascii_digit())
            && !whole.contains(',');
        certain.then(|| digits.to_string())?
    } else if digits.contains(',') {
        let mut groups = digits.split(',');
        let head = groups.next()?;
        let grouped = (1..=3).contains(&head.len()) && groups.all(|g| g.len() == 3);
        grouped.then(|| digits.replace(',', ""))?
    } else {
        digits.to_string()
    };
    let number: f64 = plain.parse().ok()?;
    Some(if negative { -number } else { number })
}

/// Whether a plain figure is a year, which `year_range` reads.
fn is_year(figure: &str) -> bool {
    figure.len() == 4
        && figure.bytes().all(|b| b.is_ascii_digit())
        && (1500..2100).contains(&figure.parse::<u32>().unwrap_or(0))
}

/// Appends a report of each change whose direction and figures disagree.
pub fn find(text: &str, block: Range<usize>, out: &mut Vec<Proposal>) {
    let slice = &text[block.clone()];
    for caps in CHANGE.captures_iter(slice) {
        let whole = caps.get(0).expect("match");
        let part = |name: &str| caps.name(name).map(|m| m.as_str().trim().to_lowercase());
        let same_kind = part("a_cur") == part("b_cur")
            && part("a_mag") == part("b_mag")
            && (part("a_pct").is_none() || part("b_pct").is_some());
        let after = &slice[whole.end()..];
        // A figure that goes on with letters or another figure is an
        // ordinal, a unit or a ratio ("40th", "1 in 10"): not read.
        let figure_ends = !after.starts_with(|c: char| c.is_alphanumeric() || c == '-');
        if !same_kind || !figure_ends || is_year(&caps["a"]) || is_year(&caps["b"]) {
            continue;
        }
        let (Some(a), Some(b)) = (value(&caps["a"]), value(&caps["b"])) else {
            continue;
        };
        let window: String = after.chars().take(RANKING_WINDOW).collect();
        let disagrees = if caps.name("up").is_some() {
            b < a
        } else {
            b > a
        };
        if disagrees && !RANKING.is_match(&window) {
            out.push(Proposal::report(
                block.start + whole.start()..block.start + whole.end(),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::detect::test_support::spans;

    #[test]
    fn changes_against_their_figures_are_reported() {
        assert_eq!(
            spans(
                find,
                "voting intentions rose from 40% to 36% between February and May"
            ),
            ["rose from 40% to 36%"]
        );
        assert_eq!(
            spans(find, "Unemployment fell from 5.2 per cent to 6.1 per cent."),
            ["fell from 5.2 per cent to 6.1 per cent"]
        );
        assert_eq!(
            spans(find, "a decrease from 23,500 to 31,000 tonnes"),
            ["decrease from 23,500 to 31,000"]
        );
        assert_eq!(
            spans(find, "prices went up from $12 to $9"),
            ["went up from $12 to $9"]
        );
        assert_eq!(
            spans(find, "the temperature dropped from -5 to 3 degrees"),
            ["dropped from -5 to 3"]
        );
    }

    #[test]
    fn consistent_or_unreadable_changes_stay() {
        for ok in [
            "rose from 26 per cent to 31.5 per cent",
            "increased from 9 to 29 per cent",
            "fell from 38.2 per cent to 15.2 per cent",
            "the debt fell from 1.200 to 900 euros",
            "sales rose from 900 to 1.2 billion",
            "rose from 5 million to 2 billion",
            "the song climbed from 40 to 12 on the Billboard chart",
            "she rose from 15th to 3rd",
            "jumped from No. 40 to No. 12",
            "prices rose from 1,5 to 1,2 euros",
            "the share rose from 1 in 10 to 1 in 5",
            "production rose from 2019 to 2004",
            "it fell from 3 to 1 seed in the tournament",
            "prices rose from €5 to $4",
            "grew from 20 to 30",
        ] {
            assert!(spans(find, ok).is_empty(), "{ok}");
        }
    }
}
