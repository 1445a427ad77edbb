//! Property tests of the 2026 tier (issue 13): raising any risk input never lowers the tier; `not_supervised` and
//! `missing` only in their stated conditions; provisional only for a letter.
//!
//! One exception is the rule itself: within the DC-SRP **medium** band the letters go C ≥ 3.36, D ≥ 2.11, C ≥ 1.12,
//! D ≥ 0.60 (docs/rules/tier-2026.md, as hmpps-tier has it), so raising a medium DC-SRP's score from 1.12 to 2.11 lowers
//! that step from C to D. Raising the DC-SRP *band*, or a score from 0, is tested; a medium score is not raised.
#![cfg(test)]

use chrono::{Days, NaiveDate};
use probation_core::model::{MappaCategory, Predictor, PredictorBand, PredictorKind, RoshLevel};
use probation_core::tier2026::{Tier2026Code, Tier2026Inputs, calculate};
use proptest::prelude::*;

mod support;
use support::{none_or, rosh};

fn on() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 10, 1).unwrap()
}

fn kind() -> impl Strategy<Value = Option<PredictorKind>> {
    none_or(&[PredictorKind::Static, PredictorKind::Dynamic])
}

/// Scores on a 0.01 grid (as OASys reports them), including the thresholds.
fn score() -> impl Strategy<Value = f64> {
    (0u32..=10_000).prop_map(|n| f64::from(n) / 100.0)
}

fn predictor() -> impl Strategy<Value = Option<Predictor>> {
    prop::option::weighted(
        0.9,
        (score(), kind()).prop_map(|(score, kind)| Predictor {
            score,
            kind,
            band: None,
        }),
    )
}

fn band() -> impl Strategy<Value = Option<PredictorBand>> {
    none_or(&BANDS)
}

/// A DC-SRP the tier accepts: a medium one scores 0 or at least 0.60.
fn dc_srp() -> impl Strategy<Value = Option<Predictor>> {
    prop::option::of((score(), band()).prop_map(|(score, band)| {
        let score = if band == Some(PredictorBand::Medium) && score > 0.0 && score < 0.6 {
            0.6
        } else {
            score
        };
        Predictor {
            score,
            kind: None,
            band,
        }
    }))
}

fn category() -> impl Strategy<Value = Option<MappaCategory>> {
    none_or(&[
        MappaCategory::M1,
        MappaCategory::M2,
        MappaCategory::M3,
        MappaCategory::M4,
    ])
}

fn inputs() -> impl Strategy<Value = Tier2026Inputs> {
    (
        (predictor(), predictor(), dc_srp(), rosh(), category()),
        prop::option::of(0u64..4000),
        any::<[bool; 6]>(),
    )
        .prop_map(|((arp, csrp, dc_srp, rosh, mappa_category), release, b)| {
            let mut t = Tier2026Inputs::empty(on());
            t.active_event = b[0];
            t.arp = arp;
            t.csrp = csrp;
            t.dc_srp = dc_srp;
            t.rosh = rosh;
            t.mappa_category = mappa_category;
            t.lifer = b[1];
            t.latest_release = release.and_then(|d| on().checked_sub_days(Days::new(d)));
            t.domestic_abuse = b[2];
            t.stalking = b[3];
            t.child_protection = b[4];
            t.sexual_offence = b[5];
            t
        })
}

const BANDS: [PredictorBand; 5] = [
    PredictorBand::NotApplicable,
    PredictorBand::Low,
    PredictorBand::Medium,
    PredictorBand::High,
    PredictorBand::VeryHigh,
];

/// Raises one risk input of `t` (never lowers any).
fn raise(t: &Tier2026Inputs, which: u8, x: f64, n: u64) -> Tier2026Inputs {
    let mut u = *t;
    let up = |p: Option<Predictor>| {
        Some(match p {
            Some(p) => Predictor {
                score: p.score.max(x),
                ..p
            },
            None => Predictor {
                score: x,
                kind: None,
                band: None,
            },
        })
    };
    match which % 13 {
        0 => u.active_event = true,
        1 => u.arp = up(u.arp),
        2 => u.csrp = up(u.csrp),
        3 => {
            // A higher band at the same score; a medium one at a score it accepts.
            let dc = u.dc_srp.unwrap_or(Predictor::new(x));
            let band = BANDS
                .iter()
                .copied()
                .filter(|b| dc.band.is_none_or(|d| *b >= d))
                .nth(usize::try_from(n % 5).unwrap())
                .or(dc.band);
            let score = if band == Some(PredictorBand::Medium) && dc.score > 0.0 && dc.score < 0.6 {
                0.6
            } else {
                dc.score
            };
            // A medium score that was raised from below 0.60 to 0.60 only happens from a non-medium band, whose
            // letter (low E, none) is at most D.
            u.dc_srp = Some(Predictor { score, band, ..dc });
        }
        4 => {
            // A score from 0 (no letter) to above 0, outside the medium band.
            if let Some(dc) = u.dc_srp
                && dc.score == 0.0
                && dc.band != Some(PredictorBand::Medium)
            {
                u.dc_srp = Some(Predictor { score: x, ..dc });
            }
        }
        5 => {
            let levels = [
                RoshLevel::Low,
                RoshLevel::Medium,
                RoshLevel::High,
                RoshLevel::VeryHigh,
            ];
            u.rosh = u.rosh.max(Some(levels[usize::try_from(n % 4).unwrap()]));
        }
        6 => u.mappa_category = u.mappa_category.or(Some(MappaCategory::M2)),
        7 => u.lifer = true,
        8 => {
            // A later release.
            u.latest_release = Some(match u.latest_release {
                Some(d) => d.checked_add_days(Days::new(n % 2000)).unwrap().min(on()),
                None => on().checked_sub_days(Days::new(n % 4000)).unwrap(),
            });
        }
        9 => u.domestic_abuse = true,
        10 => u.stalking = true,
        11 => u.child_protection = true,
        _ => u.sexual_offence = true,
    }
    u
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn raising_a_risk_input_never_lowers_the_2026_tier(
        t in inputs(), which in any::<u8>(), x in score(), n in any::<u64>(),
    ) {
        let u = raise(&t, which, x, n);
        let before = calculate(&t).unwrap().tier;
        let after = calculate(&u).unwrap().tier;
        prop_assert!(after >= before, "{before} -> {after}: {t:?} -> {u:?}");
    }

    #[test]
    fn not_supervised_and_missing_only_in_their_conditions(t in inputs()) {
        let r = calculate(&t).unwrap();
        prop_assert_eq!(r.tier == Tier2026Code::NotSupervised, !t.active_event);
        prop_assert_eq!(
            r.tier == Tier2026Code::Missing,
            t.active_event && (t.arp.is_none() || t.csrp.is_none())
        );
        if r.tier.letter().is_none() {
            prop_assert!(!r.provisional);
            prop_assert!(r.steps.iter().next().is_none());
        } else {
            // A letter always has its reoffending step and is the highest of the steps.
            prop_assert!(r.steps.iter().next().is_some());
            prop_assert_eq!(r.tier.letter(), r.steps.iter().map(|(_, l)| l).max());
        }
        prop_assert_eq!(r.provisional, r.provisional_because.any());
    }

    #[test]
    fn without_inll_the_calculation_date_changes_nothing(t in inputs(), d in 0u64..10_000) {
        // The calculation date only matters through the lifer step: without INLL, moving it changes nothing.
        let mut u = t;
        u.lifer = false;
        let mut w = u;
        w.on = on().checked_add_days(Days::new(d)).unwrap();
        let (a, b) = (calculate(&u).unwrap(), calculate(&w).unwrap());
        prop_assert_eq!((a.tier, a.provisional, a.steps), (b.tier, b.provisional, b.steps));
    }
}
