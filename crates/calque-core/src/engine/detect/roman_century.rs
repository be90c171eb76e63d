//! Centuries in Roman numerals: "the XIX century", "XIXth century", "the
//! XVIII-XIX centuries". French (XIXe siècle), Spanish and Italian (siglo
//! XIX, XIX secolo), Portuguese and Russian (XIX век) number centuries so;
//! MT keeps the numeral, and English writes "the 19th century".
//!
//! Only a numeral right before "century"/"centuries" (lower case or all
//! capitals) is taken, so names with numerals ("Louis XIV", "Pius XII")
//! and titles ("Capital in the XXI Century") are not; the numeral must be a
//! well-formed Roman number from I to XXI. The rewrite (19th, 21st) is the
//! only reading of the numeral.

use super::Proposal;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A numeral, an optional ordinal ending (XIXth, XIXe, XIXº), an optional
/// second numeral of a range, then "century"/"centuries".
static CENTURY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?P<first>[IVX]{1,5})(?:th|st|nd|rd|e|º)?(?:(?P<sep>\s*[-–—]\s*|\s+(?:and|or|to)\s+(?:the\s+)?)(?P<second>[IVX]{1,5})(?:th|st|nd|rd|e|º)?)?(?P<word>\s+(?:century|centuries|CENTURY|CENTURIES))\b",
    )
    .expect("valid regex")
});

/// The value of a well-formed Roman numeral from I to XXI ("IIII" and
/// "VX" are not numerals; anything above XXI is not a century of ours).
fn roman(numeral: &str) -> Option<u32> {
    const UNITS: [&str; 10] = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    let tens = numeral.len() - numeral.trim_start_matches('X').len();
    let unit = UNITS.iter().position(|u| *u == &numeral[tens..])?;
    let value = u32::try_from(tens * 10 + unit).ok()?;
    (1..=21).contains(&value).then_some(value)
}

/// "19th", "21st", "22nd", "3rd", "11th".
fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Appends the rewrite of each Roman-numeral century in the block.
pub fn find(text: &str, block: Range<usize>, out: &mut Vec<Proposal>) {
    let slice = &text[block.clone()];
    let lower = slice.contains("centur");
    if !lower && !slice.contains("CENTUR") {
        return;
    }
    for caps in CENTURY.captures_iter(slice) {
        let whole = caps.get(0).expect("match");
        // "MCMXIX century" or "A-XIX": part of a longer token.
        let glued = slice[..whole.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '.');
        let Some(first) = roman(&caps["first"]) else {
            continue;
        };
        let second = match caps.name("second") {
            Some(s) => match roman(s.as_str()) {
                Some(v) => Some(v),
                None => continue,
            },
            None => None,
        };
        if glued {
            continue;
        }
        let mut replacement = ordinal(first);
        if let (Some(value), Some(sep)) = (second, caps.name("sep")) {
            replacement.push_str(sep.as_str());
            replacement.push_str(&ordinal(value));
        }
        replacement.push_str(&caps["word"]);
        out.push(Proposal {
            span: block.start + whole.start()..block.start + whole.end(),
            replacement: Some(replacement),
            unambiguous: true,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> String {
        crate::engine::detect::test_support::fixed(find, text)
    }

    #[test]
    fn numerals_become_ordinals() {
        assert_eq!(
            fixed("built in the XIX century"),
            "built in the 19th century"
        );
        assert_eq!(fixed("the XXI CENTURY began"), "the 21st CENTURY began");
        assert_eq!(fixed("late XIXth century"), "late 19th century");
        assert_eq!(fixed("the XII century church"), "the 12th century church");
        assert_eq!(
            fixed("in the XVIII-XIX centuries"),
            "in the 18th-19th centuries"
        );
        assert_eq!(
            fixed("the XV and the XVI centuries"),
            "the 15th and the 16th centuries"
        );
        assert_eq!(fixed("the III century BC"), "the 3rd century BC");
        assert_eq!(fixed("the XXII century"), "the XXII century");
    }

    #[test]
    fn names_titles_and_non_numerals_stay() {
        for ok in [
            "Louis XIV ruled for a century",
            "Capital in the XXI Century",
            "the 19th century",
            "MCMXIX century",
            "the IIII century",
            "a VX century",
            "the MIX century",
        ] {
            assert_eq!(fixed(ok), ok, "{ok}");
        }
    }

    #[test]
    fn roman_values() {
        assert_eq!(roman("XIX"), Some(19));
        assert_eq!(roman("XXI"), Some(21));
        assert_eq!(roman("IV"), Some(4));
        assert_eq!(roman("X"), Some(10));
        assert_eq!(roman("XXX"), None);
        assert_eq!(roman("IIX"), None);
        assert_eq!(ordinal(12), "12th");
        assert_eq!(ordinal(2), "2nd");
    }
}
