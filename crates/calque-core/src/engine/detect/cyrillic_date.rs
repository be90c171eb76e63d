//! Dates whose month MT left in Russian or Ukrainian: "21 июля 2020",
//! "24 декабря 2022", "5 травня".
//!
//! Page furniture (a byline's "Published 21 июля 2020") is often not sent
//! to the translator, or comes back untouched, and the month stays in the
//! source. The repair is the English month with the day and the year kept,
//! in the source's order (day first), which is the only reading.
//!
//! A month in Cyrillic is never English, so a day before it is enough.
//! Dates in French, Spanish, Portuguese, German and Italian are found by
//! the `untranslated-date-*` pattern rules of the same pack (report only).

use super::Proposal;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// Russian and Ukrainian month names in the genitive, the form a date
/// uses, with the English month (1-based).
const MONTHS: &[(&str, usize)] = &[
    // Russian
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    // Ukrainian
    ("січня", 1),
    ("лютого", 2),
    ("березня", 3),
    ("квітня", 4),
    ("травня", 5),
    ("червня", 6),
    ("липня", 7),
    ("серпня", 8),
    ("вересня", 9),
    ("жовтня", 10),
    ("листопада", 11),
    ("грудня", 12),
];

const ENGLISH: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Day, month and optional year ("21 июля 2020", "21 июля 2020 г.").
fn date_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let mut names: Vec<&str> = MONTHS.iter().map(|(m, _)| *m).collect();
        names.sort_by_key(|m| std::cmp::Reverse(m.len()));
        let pattern = format!(
            r"(?i)\b([12][0-9]|3[01]|0?[1-9])[ \u{{A0}}]+({})\b(?:,?[ \u{{A0}}]+((?:1[89]|20)[0-9][0-9])\b)?",
            names.join("|")
        );
        Regex::new(&pattern).expect("the month pattern is valid")
    })
}

fn english_month(name: &str) -> Option<&'static str> {
    let lower = name.to_lowercase();
    MONTHS
        .iter()
        .find(|(m, _)| *m == lower)
        .map(|&(_, n)| ENGLISH[n - 1])
}

/// Appends a proposal for each date with a Cyrillic month in `text[block]`.
pub fn find(text: &str, block: Range<usize>, out: &mut Vec<Proposal>) {
    let slice = &text[block.clone()];
    if !slice.bytes().any(|b| b.is_ascii_digit()) {
        return;
    }
    for caps in date_pattern().captures_iter(slice) {
        let (whole, day, month) = (&caps[0], &caps[1], &caps[2]);
        let year = caps.get(3).map(|y| y.as_str());
        let Some(english) = english_month(month) else {
            continue;
        };
        let day = day.trim_start_matches('0');
        let replacement = match year {
            Some(year) => format!("{day} {english} {year}"),
            None => format!("{day} {english}"),
        };
        let span = caps.get(0).expect("group 0 is the match").range();
        debug_assert_eq!(&slice[span.clone()], whole);
        out.push(Proposal {
            span: block.start + span.start..block.start + span.end,
            replacement: Some(replacement),
            unambiguous: true,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixes(text: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        find(text, 0..text.len(), &mut out);
        out.into_iter()
            .map(|p| (text[p.span].to_string(), p.replacement.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn translates_the_month_and_keeps_day_and_year() {
        assert_eq!(
            fixes("Posted 21 июля 2020,, 08:50"),
            vec![("21 июля 2020".into(), "21 July 2020".into())]
        );
        assert_eq!(
            fixes("Updated 24 декабря, 22:37"),
            vec![("24 декабря".into(), "24 December".into())]
        );
        assert_eq!(
            fixes("the strike of 5 травня 2023 in Kyiv"),
            vec![("5 травня 2023".into(), "5 May 2023".into())]
        );
    }

    #[test]
    fn leaves_other_months_and_nominatives_alone() {
        for text in [
            "the Mouvement du 23 mars (M23) attacked Goma",
            "on 21 July 2020 and 4 April 2021",
            "page 21 июль",
            "июля 2020 without a day",
        ] {
            assert!(fixes(text).is_empty(), "{text}");
        }
    }
}
