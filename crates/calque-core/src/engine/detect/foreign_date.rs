//! Dates whose month MT left in the source language: "21 июля 2020",
//! "24 декабря 2022", "12 juin 2023", "5 de mayo de 2021", "3. März 2022".
//!
//! Page furniture (a byline's "Published 21 июля 2020") is often not sent
//! to the translator, or comes back untouched, and the month stays in the
//! source. The repair is the English month with the day and the year kept,
//! in the source's order (day first), which is the only reading.
//!
//! A month in another script (Cyrillic) is never English, so a day before
//! it is enough. A Latin month ("mars", "mayo", "Julio") may be a word or
//! a name ("the 23 mars movement", "Julio Iglesias"), so a day before it
//! and a year after it are required: "23 mars 2023" is a date and nothing
//! else. Months spelt as in English ("April", "August") are English.

use super::Proposal;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// Month names of the languages MT leaves dates in, with the English month
/// (1-based). Russian and Ukrainian in the genitive, the form a date uses.
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
    // French
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    // Spanish
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    // Italian
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("dezembro", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
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

/// Day, optional ordinal mark ("1er", "1.", "1º"), optional "de", month,
/// optional "de" and year.
fn date_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let mut names: Vec<&str> = MONTHS.iter().map(|(m, _)| *m).collect();
        names.sort_by_key(|m| std::cmp::Reverse(m.len()));
        let pattern = format!(
            r"(?i)\b([12][0-9]|3[01]|0?[1-9])(?:er|\.|º|°)?[ \u{{A0}}]+(?:de[ \u{{A0}}]+)?({})\b(?:(?:[ \u{{A0}}]+de)?,?[ \u{{A0}}]+((?:1[89]|20)[0-9][0-9])\b)?",
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

/// Appends a proposal for each date with a foreign month in `text[block]`.
pub fn find(text: &str, block: Range<usize>, out: &mut Vec<Proposal>) {
    let slice = &text[block.clone()];
    if !slice.bytes().any(|b| b.is_ascii_digit()) {
        return;
    }
    for caps in date_pattern().captures_iter(slice) {
        let (whole, day, month) = (&caps[0], &caps[1], &caps[2]);
        let year = caps.get(3).map(|y| y.as_str());
        let latin = month
            .chars()
            .all(|c| c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(&c));
        if latin && year.is_none() {
            continue;
        }
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
            fixes("the decree of 5 de mayo de 2021 and the 1er juin 2023 vote"),
            vec![
                ("5 de mayo de 2021".into(), "5 May 2021".into()),
                ("1er juin 2023".into(), "1 June 2023".into())
            ]
        );
        assert_eq!(
            fixes("signed on 3. März 2022 in Berlin"),
            vec![("3. März 2022".into(), "3 March 2022".into())]
        );
    }

    #[test]
    fn leaves_words_names_and_english_months_alone() {
        for text in [
            "the Mouvement du 23 mars (M23) attacked Goma",
            "he met Julio Iglesias and 3 mayo jars",
            "on 21 July 2020 and 4 April 2021",
            "Room 12 Mai",
            "page 21 июль",
        ] {
            assert!(fixes(text).is_empty(), "{text}");
        }
    }
}
