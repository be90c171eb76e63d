//! Floors for `calque eval --floor FILE`: the figures a run must reach, so
//! that CI fails when a change makes the packs worse.
//!
//! ```toml
//! [gold]                       # figures of the gold file
//! min_core_flagged = 60
//! min_safe_fixed_exactly = 37
//! max_false_edits = 0
//! [clean]                      # figures of the --clean texts
//! max_wrong_edits = 0
//! max_warning_or_error_per_mb = 0.5
//! ```
//!
//! Every key is optional; a key whose figures the run did not measure (a
//! `[clean]` floor without `--clean`) is an error, so a floor cannot pass by
//! not being looked at.

use crate::eval::{EvalError, Totals};
use crate::eval_clean::CleanTotals;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
/// A floor file: the figures `calque eval --floor` must reach, per corpus.
pub struct Floor {
    /// Floors for the gold (MT) corpus, `[gold]`.
    pub gold: Option<GoldFloor>,
    /// Floors for the clean corpus, `[clean]`.
    pub clean: Option<CleanFloor>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
/// The `[gold]` table: lower bounds on catches, upper bounds on harm.
pub struct GoldFloor {
    /// At least this many core-tier errors flagged.
    pub min_core_flagged: Option<usize>,
    /// At least this many hard-tier errors flagged.
    pub min_hard_flagged: Option<usize>,
    /// At least this many safe errors fixed exactly.
    pub min_safe_fixed_exactly: Option<usize>,
    /// At most this many edits where no gold error is.
    pub max_false_edits: Option<usize>,
    /// At most this many findings where no gold error is.
    pub max_stray_findings: Option<usize>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
/// The `[clean]` table: bounds on what the rules do to right text.
pub struct CleanFloor {
    /// At most this many edits that correct no listed typo.
    pub max_wrong_edits: Option<usize>,
    /// At least this many listed typos corrected.
    pub min_right_edits: Option<usize>,
    /// At most this many warning-or-error findings per MB.
    pub max_warning_or_error_per_mb: Option<f64>,
    /// The same, not counting findings on listed typos.
    pub max_false_warning_or_error_per_mb: Option<f64>,
}

/// Parses a floor file.
pub fn parse(label: &str, text: &str) -> Result<Floor, EvalError> {
    toml::from_str(text).map_err(|e| EvalError::Floor {
        file: label.to_string(),
        message: e.message().to_string(),
    })
}

/// The floors `gold` and `clean` miss, one line each; an error when the
/// floor names figures the run did not measure.
pub fn misses(
    floor: &Floor,
    gold: Option<&Totals>,
    clean: Option<&CleanTotals>,
) -> Result<Vec<String>, EvalError> {
    let mut misses = Vec::new();
    let as_f64 = |v: Option<usize>| v.map(|v| v as f64);
    if let Some(f) = &floor.gold {
        let t = gold.ok_or(EvalError::Unmeasured {
            section: "gold",
            scored: "gold file",
        })?;
        let mut check = |name, got: usize, bound| compare(&mut misses, name, got as f64, bound);
        check(
            "core flagged",
            t.core_flagged,
            Bound::Min(as_f64(f.min_core_flagged)),
        );
        check(
            "hard flagged",
            t.hard_flagged,
            Bound::Min(as_f64(f.min_hard_flagged)),
        );
        check(
            "safe fixed exactly",
            t.safe_fixed_exactly,
            Bound::Min(as_f64(f.min_safe_fixed_exactly)),
        );
        check(
            "false edits",
            t.false_edits,
            Bound::Max(as_f64(f.max_false_edits)),
        );
        check(
            "stray findings",
            t.stray_findings,
            Bound::Max(as_f64(f.max_stray_findings)),
        );
    }
    if let Some(f) = &floor.clean {
        let t = clean.ok_or(EvalError::Unmeasured {
            section: "clean",
            scored: "--clean text",
        })?;
        let m = &mut misses;
        let wrong = t.wrong_edits as f64;
        compare(
            m,
            "clean wrong edits",
            wrong,
            Bound::Max(as_f64(f.max_wrong_edits)),
        );
        let right = t.right_edits as f64;
        compare(
            m,
            "clean right edits",
            right,
            Bound::Min(as_f64(f.min_right_edits)),
        );
        compare(
            m,
            "clean warning-or-error findings per MB",
            round2(t.warning_or_error_per_mb),
            Bound::Max(f.max_warning_or_error_per_mb),
        );
        compare(
            m,
            "clean warning-or-error findings per MB on no listed typo",
            round2(t.false_warning_or_error_per_mb),
            Bound::Max(f.max_false_warning_or_error_per_mb),
        );
    }
    Ok(misses)
}

enum Bound {
    Min(Option<f64>),
    Max(Option<f64>),
}

fn compare(misses: &mut Vec<String>, name: &str, got: f64, bound: Bound) {
    match bound {
        Bound::Min(Some(min)) if got < min => {
            misses.push(format!("{name} is {got}, below the floor {min}"))
        }
        Bound::Max(Some(max)) if got > max => {
            misses.push(format!("{name} is {got}, above the ceiling {max}"))
        }
        _ => {}
    }
}

/// Rounded to two decimals, as printed.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_below_its_floor_is_a_miss() {
        let floor = parse("f", "[gold]\nmin_core_flagged = 3\nmax_false_edits = 0\n").unwrap();
        let mut t = Totals {
            core_flagged: 3,
            ..Totals::default()
        };
        assert!(misses(&floor, Some(&t), None).unwrap().is_empty());
        t.core_flagged = 2;
        t.false_edits = 1;
        assert_eq!(misses(&floor, Some(&t), None).unwrap().len(), 2);
    }

    #[test]
    fn a_floor_on_figures_not_measured_is_an_error() {
        let floor = parse("f", "[clean]\nmax_wrong_edits = 0\n").unwrap();
        assert!(misses(&floor, None, None).is_err());
        assert!(parse("f", "[clean]\nmax_wrong = 0\n").is_err());
    }

    #[test]
    fn findings_per_mb_over_the_floor_is_a_miss() {
        let floor = parse("f", "[clean]\nmax_warning_or_error_per_mb = 0.5\n").unwrap();
        let t = CleanTotals {
            warning_or_error_per_mb: 0.7,
            ..CleanTotals::default()
        };
        assert_eq!(misses(&floor, None, Some(&t)).unwrap().len(), 1);
    }
}
