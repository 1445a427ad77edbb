//! [`Tier2026Inputs`] read from a case, and [`calculate`], the pure 2026 tier on them.

use chrono::{Months, NaiveDate};

use super::result::{Letter, Provisional, Step, Steps, Tier2026, Tier2026Code};
use super::{rules, table};
use crate::allocation::RuleList;
use crate::model::{
    Case, MappaCategory, Predictor, PredictorBand, PredictorKind, RoshLevel, Sentence,
};
use crate::tier::{ActiveRegisters, ComplexityFactor, TierError};

/// Everything the 2026 tier reads, as plain values (docs/rules/tier-2026.md). Build it with [`Tier2026Inputs::from_case`]
/// or from table columns, then call [`calculate`].
///
/// From a case on `on`:
/// - `active_event`: an event sentenced on or before `on` and not terminated by then;
/// - `arp`, `csrp`, `dc_srp`, `sexual_offence`: the newest assessment on or before `on` that holds OGRS4-family
///   `predictors` (ties: the later in the list); its index is `predictors_from`;
/// - registrations active on `on`, newest first: `rosh` the newest RoSH registration (codes in any letter case;
///   `RLRH` low counts as present); `mappa_category` the category of the newest `MAPP` registration (none if that
///   row has no valid category); `lifer` an `INLL`; `domestic_abuse` an `ADVP` or `REG30`; `stalking` an `SPO`;
///   `child_protection` an `RCPR` in any letter case, as the 2021 tier reads it (the other codes exactly; one
///   reading for allocation and both tiers: [`ActiveRegisters`]);
/// - `latest_release`: the newest of `latest_release_date` and the events' custody `release_date`s that are on
///   or before `on`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tier2026Inputs {
    /// The date of the calculation.
    pub on: NaiveDate,
    /// An active event on `on`.
    pub active_event: bool,
    /// ARP (score, static/dynamic).
    pub arp: Option<Predictor>,
    /// CSRP (score, static/dynamic).
    pub csrp: Option<Predictor>,
    /// DC-SRP (score, band).
    pub dc_srp: Option<Predictor>,
    /// RoSH of the newest active RoSH registration.
    pub rosh: Option<RoshLevel>,
    /// Category of the newest active `MAPP` registration.
    pub mappa_category: Option<MappaCategory>,
    /// An active `INLL` (lifer / IPP) registration.
    pub lifer: bool,
    /// The latest release from custody on or before `on`.
    pub latest_release: Option<NaiveDate>,
    /// An active `ADVP` or `REG30`.
    pub domestic_abuse: bool,
    /// An active `SPO`.
    pub stalking: bool,
    /// An active `RCPR`.
    pub child_protection: bool,
    /// Ever committed a sexual offence.
    pub sexual_offence: bool,
    /// The index of the assessment the predictors came from (for error paths).
    pub predictors_from: Option<usize>,
}

impl Tier2026Inputs {
    /// Inputs with nothing recorded (not supervised).
    pub const fn empty(on: NaiveDate) -> Self {
        Tier2026Inputs {
            on,
            active_event: false,
            arp: None,
            csrp: None,
            dc_srp: None,
            rosh: None,
            mappa_category: None,
            lifer: false,
            latest_release: None,
            domestic_abuse: false,
            stalking: false,
            child_protection: false,
            sexual_offence: false,
            predictors_from: None,
        }
    }

    /// Reads `case` on `on` (one pass over assessments, events and registrations; no allocation).
    pub fn from_case(case: &Case, on: NaiveDate) -> Self {
        Self::from_case_with(case, on, &ActiveRegisters::read(&case.registrations, on))
    }

    /// [`Self::from_case`] with the case's registrations already read on `on` (see [`super::tiers`]).
    pub fn from_case_with(case: &Case, on: NaiveDate, registers: &ActiveRegisters) -> Self {
        let mut t = Tier2026Inputs::empty(on);
        if let Some((i, a)) = case.newest_assessment_on(on, |a| a.predictors.is_some()) {
            let p = a.predictors.unwrap_or_default();
            t.arp = p.arp;
            t.csrp = p.csrp;
            t.dc_srp = p.dc_srp;
            t.sexual_offence = a.ever_committed_sexual_offence;
            t.predictors_from = Some(i);
        }
        t.latest_release = case.latest_release_date.filter(|d| *d <= on);
        for e in &case.events {
            if e.is_active_on(on) {
                t.active_event = true;
            }
            if let Sentence::Custody {
                release_date: Some(d),
                ..
            } = e.sentence
                && d <= on
                && t.latest_release.is_none_or(|l| d > l)
            {
                t.latest_release = Some(d);
            }
        }
        t.rosh = registers.rosh;
        t.mappa_category = registers.mappa_category;
        t.lifer = registers.lifer;
        t.domestic_abuse = registers.domestic_abuse;
        t.stalking = registers.stalking;
        t.child_protection = registers.has(ComplexityFactor::ChildProtection);
        t
    }

    /// Checks the scores: finite, 0–100.
    ///
    /// # Errors
    /// [`TierError::OutOfRange`] with path `arp.score`, `csrp.score` or `dc_srp.score`.
    pub fn validate(&self) -> Result<(), TierError> {
        for (p, path) in [
            (self.arp, "arp.score"),
            (self.csrp, "csrp.score"),
            (self.dc_srp, "dc_srp.score"),
        ] {
            if let Some(p) = p
                && !(p.score.is_finite() && (0.0..=100.0).contains(&p.score))
            {
                return Err(TierError::OutOfRange {
                    path: path.to_owned(),
                });
            }
        }
        Ok(())
    }
}

/// True for a DC-SRP that hmpps-tier cannot tier: band medium, score above 0 and below 0.60.
pub fn dc_srp_medium_below_threshold(dc: &Predictor) -> bool {
    dc.band == Some(PredictorBand::Medium)
        && dc.score > 0.0
        && table::DC_SRP_MEDIUM
            .last()
            .is_some_and(|(t, _)| dc.score < *t)
}

fn sexual_reoffending(dc: Option<Predictor>) -> Result<Option<Letter>, TierError> {
    let Some(dc) = dc else { return Ok(None) };
    if dc.score <= 0.0 {
        return Ok(None);
    }
    Ok(match dc.band {
        None | Some(PredictorBand::NotApplicable) => None,
        Some(PredictorBand::VeryHigh) => Some(Letter::A),
        Some(PredictorBand::High) => Some(Letter::B),
        Some(PredictorBand::Low) => Some(Letter::E),
        Some(PredictorBand::Medium) => {
            match table::DC_SRP_MEDIUM.iter().find(|(t, _)| dc.score >= *t) {
                Some((_, l)) => Some(*l),
                None => {
                    return Err(TierError::DcSrpMediumBelowThreshold {
                        path: "dc_srp.score".to_owned(),
                    });
                }
            }
        }
    })
}

const fn mappa_rosh(category: Option<MappaCategory>, rosh: Option<RoshLevel>) -> Option<Letter> {
    match (category.is_some(), rosh) {
        (true, Some(RoshLevel::VeryHigh)) => Some(Letter::A),
        (true, Some(RoshLevel::High)) => Some(Letter::C),
        (true, Some(RoshLevel::Medium)) => Some(Letter::D),
        (true, Some(RoshLevel::Low) | None) => Some(Letter::E),
        (false, Some(RoshLevel::VeryHigh)) => Some(Letter::C),
        (false, Some(RoshLevel::High)) => Some(Letter::D),
        (false, _) => None,
    }
}

fn lifer(on: NaiveDate, lifer: bool, released: Option<NaiveDate>) -> Option<Letter> {
    let released = released.filter(|_| lifer)?;
    for (years, letter) in table::LIFER_RELEASED_WITHIN {
        let from = on
            .checked_sub_months(Months::new(12 * years))
            .unwrap_or(NaiveDate::MIN);
        if released >= from {
            return Some(letter);
        }
    }
    Some(table::LIFER_EARLIER)
}

/// The rule bit of a step (a test checks it against [`Step::rule`]).
const fn step_bit(step: Step) -> u32 {
    use rules::Idx;
    match step {
        Step::Reoffending => Idx::REOFFENDING,
        Step::SexualReoffending => Idx::SEXUAL_REOFFENDING,
        Step::MappaRosh => Idx::MAPPA_ROSH,
        Step::Lifer => Idx::LIFER,
        Step::DomesticAbuse => Idx::DOMESTIC_ABUSE,
        Step::Stalking => Idx::STALKING,
        Step::ChildProtection => Idx::CHILD_PROTECTION,
        Step::SexualOffence => Idx::SEXUAL_OFFENCE,
    }
    .bit()
}

fn kind_is(p: Predictor, k: PredictorKind) -> bool {
    p.kind == Some(k)
}

/// The 2026 tier of flat inputs (docs/rules/tier-2026.md): pure, no allocation.
///
/// # Errors
/// [`TierError::OutOfRange`] for a score outside 0–100 (path `arp.score`, `csrp.score`, `dc_srp.score`);
/// [`TierError::DcSrpMediumBelowThreshold`] (path `dc_srp.score`) for a medium DC-SRP above 0 and below 0.60.
///
/// ```
/// use chrono::NaiveDate;
/// use probation_core::model::{Predictor, PredictorKind, RoshLevel};
/// use probation_core::tier2026::{calculate, Tier2026Inputs};
/// let mut i = Tier2026Inputs::empty(NaiveDate::from_ymd_opt(2026, 10, 1).unwrap());
/// i.active_event = true;
/// i.arp = Some(Predictor { score: 52.0, kind: Some(PredictorKind::Dynamic), band: None });
/// i.csrp = Some(Predictor { score: 1.2, kind: Some(PredictorKind::Dynamic), band: None });
/// i.rosh = Some(RoshLevel::High);
/// let t = calculate(&i).unwrap();
/// // reoffending: CSRP ≥ 1.0 row, ARP ≥ 50 column → D; RoSH high without MAPPA → D; highest D
/// assert_eq!(t.tier.to_string(), "D");
/// assert!(!t.provisional);
/// ```
pub fn calculate(i: &Tier2026Inputs) -> Result<Tier2026, TierError> {
    i.validate()?;
    let mut fired = RuleList::new(rules::TABLE);
    let mut out = Tier2026 {
        tier: Tier2026Code::NotSupervised,
        provisional: false,
        provisional_because: Provisional::default(),
        steps: Steps::default(),
        on: i.on,
        rules: fired,
    };
    if !i.active_event {
        fired.fire(rules::Idx::NOT_SUPERVISED.bit());
        out.rules = fired;
        return Ok(out);
    }
    let (Some(arp), Some(csrp)) = (i.arp, i.csrp) else {
        fired.fire(rules::Idx::MISSING.bit());
        out.tier = Tier2026Code::Missing;
        out.rules = fired;
        return Ok(out);
    };
    // Validated above: both scores are 0–100, so both have a row and a column.
    let row = table::csrp_row(csrp.score).unwrap_or(table::CSRP_ROWS.len() - 1);
    let column = table::arp_column(arp.score).unwrap_or(table::ARP_COLUMNS.len() - 1);
    let flag = |on: bool, l: Letter| on.then_some(l);
    let steps = Steps([
        Some(table::cell(row, column)),
        sexual_reoffending(i.dc_srp)?,
        mappa_rosh(i.mappa_category, i.rosh),
        lifer(i.on, i.lifer, i.latest_release),
        flag(i.domestic_abuse, table::DOMESTIC_ABUSE),
        flag(i.stalking, table::STALKING),
        flag(i.child_protection, table::CHILD_PROTECTION),
        flag(i.sexual_offence, table::SEXUAL_OFFENCE),
    ]);
    for (step, _) in steps.iter() {
        fired.fire(step_bit(step));
    }
    fired.fire(rules::Idx::HIGHEST.bit());
    let letter = steps.highest(|_| true);

    let w = steps.highest(|s| s != Step::Reoffending);
    let (arp_static, csrp_static) = (
        kind_is(arp, PredictorKind::Static),
        kind_is(csrp, PredictorKind::Static),
    );
    let (arp_dynamic, csrp_dynamic) = (
        kind_is(arp, PredictorKind::Dynamic),
        kind_is(csrp, PredictorKind::Dynamic),
    );
    let static_predictors = if arp_static && csrp_static {
        w < Letter::A
    } else if arp_static && csrp_dynamic {
        w < table::cell(row, 0)
    } else if csrp_static && arp_dynamic {
        w < table::cell(0, column)
    } else {
        false
    };
    let missing_rosh = i.rosh.is_none() && {
        let both_dynamic = arp_dynamic && csrp_dynamic;
        let w2 =
            steps.highest(|s| s != Step::MappaRosh && (both_dynamic || s != Step::Reoffending));
        w2 < if i.mappa_category.is_some() {
            Letter::A
        } else {
            Letter::C
        }
    };
    if static_predictors {
        fired.fire(rules::Idx::PROVISIONAL_STATIC.bit());
    }
    if missing_rosh {
        fired.fire(rules::Idx::PROVISIONAL_MISSING_ROSH.bit());
    }
    out.tier = Tier2026Code::Letter(letter);
    out.provisional = static_predictors || missing_rosh;
    out.provisional_because = Provisional {
        static_predictors,
        missing_rosh,
    };
    out.steps = steps;
    out.rules = fired;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_bits_match_step_rules() {
        for step in Step::ALL {
            let mut l = RuleList::new(rules::TABLE);
            l.fire(step_bit(step));
            assert_eq!(l.ids().collect::<Vec<_>>(), [step.rule().id]);
        }
    }

    #[test]
    fn lifer_bounds_are_inclusive() {
        let on = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(lifer(on, true, d(2025, 10, 1)), Some(Letter::B));
        assert_eq!(lifer(on, true, d(2025, 9, 30)), Some(Letter::D));
        assert_eq!(lifer(on, true, d(2021, 10, 1)), Some(Letter::D));
        assert_eq!(lifer(on, true, d(2021, 9, 30)), Some(Letter::E));
        assert_eq!(lifer(on, true, None), None);
        assert_eq!(lifer(on, false, d(2025, 10, 1)), None);
    }
}
