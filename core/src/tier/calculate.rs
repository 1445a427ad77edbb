//! The tier calculation: pure functions from [`TierInputs`].

use super::result::{
    Change, ChangeBreakdown, ChangeLevel, NeedScores, Protect, ProtectBreakdown, ProtectLevel,
    SpecialRule, Tier, TierCode, TierReadings, WomensPoints,
};
use super::{ScoreSource, TierError, TierInputs, rules};
use crate::allocation::RuleList;
use crate::model::{MappaLevel, RoshLevel};

/// RSR points: ≥ 7.00 → 20; ≥ 3.00 → 10; else 0 (docs/rules/tier.md, \[V-code\] hmpps-tier).
///
/// hmpps-tier writes the bands as closed ranges built from doubles, `BigDecimal(7.00)..BigDecimal(99.99)` → 20 and
/// `BigDecimal(3.00)..BigDecimal(6.99)` → 10, which gives 0 points to an RSR of 99.99 or 100 and to values between
/// 6.99 and 7.00. That is an artefact of the ranges, not a policy, and it would let a higher RSR lower the protect
/// level; this library follows the rulebook's half-open bands (docs/rules/tier.md#protect-points), which agree with
/// hmpps-tier for every 2-decimal RSR from 0.00 to 99.98.
pub fn rsr_points(rsr: f64) -> u32 {
    // Two comparisons, no branch (NaN, a missing score, compares false: 0 points).
    u32::from(rsr >= 3.0) * 10 + u32::from(rsr >= 7.0) * 10
}

/// RoSH points: very high 150, high 20, medium 10, low or none 0.
pub const fn rosh_points(rosh: Option<RoshLevel>) -> u32 {
    match rosh {
        Some(RoshLevel::VeryHigh) => 150,
        Some(RoshLevel::High) => 20,
        Some(RoshLevel::Medium) => 10,
        Some(RoshLevel::Low) | None => 0,
    }
}

/// MAPPA points: level 2 or 3 → 150, level 1 → 5.
pub const fn mappa_points(level: Option<MappaLevel>) -> u32 {
    match level {
        Some(MappaLevel::M2 | MappaLevel::M3) => 150,
        Some(MappaLevel::M1) => 5,
        None => 0,
    }
}

/// OGRS points: ⌊OGRS ÷ 10⌋ (OGRS a percentage 0–100).
pub fn ogrs_points(ogrs: f64) -> u32 {
    // ⌊p⌋ of a finite p ≥ 0 is its truncation (`as`, saturating), so no call to `floor`; NaN, negative and
    // infinite values score 0.
    let p = ogrs / 10.0;
    if p >= 0.0 && p.is_finite() {
        (p as u32).min(10)
    } else {
        0
    }
}

fn protect(i: &TierInputs, fired: &mut RuleList) -> Protect {
    let rsr = rsr_points(i.rsr.unwrap_or(0.0));
    let rosh = rosh_points(i.rosh);
    let mappa = mappa_points(i.mappa_level);
    let complexity = i.complexity.len() * 2;
    let womens_factors = if i.female {
        WomensPoints {
            parenting: if i.parenting_responsibilities { 2 } else { 0 },
            impulsivity_or_temper: if i.impulsivity_or_temper { 2 } else { 0 },
            breach_or_recall: if i.breach_or_recall_last_12_months {
                2
            } else {
                0
            },
        }
    } else {
        WomensPoints::default()
    };
    if rsr > 0 {
        fired.fire(rules::Idx::RSR.bit());
    }
    if rosh > 0 {
        fired.fire(rules::Idx::ROSH.bit());
    }
    if rsr > 0 && rosh > 0 {
        fired.fire(rules::Idx::LARGER_OF_RSR_ROSH.bit());
    }
    if mappa > 0 {
        fired.fire(rules::Idx::MAPPA.bit());
    }
    if complexity > 0 {
        fired.fire(rules::Idx::COMPLEXITY.bit());
    }
    if womens_factors.total() > 0 {
        fired.fire(rules::Idx::WOMENS_FACTORS.bit());
    }
    fired.fire(rules::Idx::PROTECT_LEVELS.bit());
    let counted = rsr.max(rosh);
    let points = counted + mappa + complexity + womens_factors.total();
    Protect {
        level: ProtectLevel::from_points(points),
        points,
        breakdown: ProtectBreakdown {
            rsr,
            rosh,
            rsr_or_rosh_counted: counted,
            mappa,
            complexity: i.complexity,
            womens_factors,
        },
    }
}

fn change(i: &TierInputs, fired: &mut RuleList) -> Change {
    if !i.has_mandate {
        fired.fire(rules::Idx::NO_MANDATE.bit());
        return Change {
            level: ChangeLevel::Zero,
            points: 0,
            special_rule: Some(SpecialRule::NoMandate),
            breakdown: None,
        };
    }
    if !i.has_assessment {
        fired.fire(rules::Idx::NO_ASSESSMENT.bit());
        return Change {
            level: ChangeLevel::Two,
            points: 0,
            special_rule: Some(SpecialRule::NoAssessment),
            breakdown: None,
        };
    }
    let needs = NeedScores(i.needs, i.need_sources);
    let ogrs = ogrs_points(i.ogrs.unwrap_or(0.0));
    let iom = if i.iom { 2 } else { 0 };
    if i.needs_from_answers {
        fired.fire(rules::Idx::NEED_FROM_ANSWERS.bit());
    }
    let needs_total = needs.total();
    if needs_total > 0 {
        fired.fire(rules::Idx::NEEDS.bit());
    }
    if ogrs > 0 {
        fired.fire(rules::Idx::OGRS.bit());
    }
    if iom > 0 {
        fired.fire(rules::Idx::IOM.bit());
    }
    fired.fire(rules::Idx::CHANGE_LEVELS.bit());
    let points = needs_total + ogrs + iom;
    Change {
        level: ChangeLevel::from_points(points),
        points,
        special_rule: None,
        breakdown: Some(ChangeBreakdown { needs, ogrs, iom }),
    }
}

/// The tier of flat inputs (docs/rules/tier.md): pure, no allocation.
///
/// # Errors
/// [`TierError::OutOfRange`] naming `rsr` or `ogrs` when outside 0–100.
///
/// ```
/// use chrono::NaiveDate;
/// use probation_core::model::RoshLevel;
/// use probation_core::tier::{calculate, TierInputs};
/// let mut i = TierInputs::empty(NaiveDate::from_ymd_opt(2024, 5, 1).unwrap());
/// i.rosh = Some(RoshLevel::High);   // 20
/// i.rsr = Some(3.5);                // 10, but only the larger counts
/// i.has_mandate = true;
/// i.has_assessment = true;
/// i.ogrs = Some(64.0);              // 6
/// let t = calculate(&i).unwrap();
/// assert_eq!(t.tier.to_string(), "B1");
/// assert_eq!(t.ndelius.to_string(), "UB1");
/// assert_eq!(t.protect.points, 20);
///
/// i.ogrs = Some(100.5);
/// assert_eq!(calculate(&i).unwrap_err().path(), "ogrs");
/// ```
pub fn calculate(inputs: &TierInputs) -> Result<Tier, TierError> {
    inputs.validate()?;
    let mut fired = RuleList::new(rules::TABLE);
    if inputs.rsr.is_none()
        || (inputs.has_mandate && inputs.has_assessment && inputs.ogrs.is_none())
    {
        fired.fire(rules::Idx::MISSING_SCORE.bit());
    }
    let protect = protect(inputs, &mut fired);
    let change = change(inputs, &mut fired);
    let from_person = |f: Option<ScoreSource>| f == Some(ScoreSource::PersonRecord);
    if from_person(inputs.rsr_from) || (from_person(inputs.ogrs_from) && change.breakdown.is_some())
    {
        fired.fire(rules::Idx::SCORES_FROM_PERSON.bit());
    }
    if inputs.unsupervised {
        fired.fire(rules::Idx::UNSUPERVISED.bit());
    }
    fired.fire(rules::Idx::NDELIUS_FORM.bit());
    let code = TierCode {
        protect: protect.level,
        change: change.level,
        unsupervised: inputs.unsupervised,
    };
    Ok(Tier {
        tier: code,
        ndelius: code.ndelius(),
        protect,
        change,
        unsupervised: inputs.unsupervised,
        on: inputs.on,
        readings: TierReadings {
            rosh: inputs.rosh,
            mappa_level: inputs.mappa_level,
            mappa_category: inputs.mappa_category,
            rsr: inputs.rsr,
            rsr_from: inputs.rsr_from,
            ogrs: inputs.ogrs,
            ogrs_from: inputs.ogrs_from,
            assessed: inputs.has_assessment,
        },
        rules: fired,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The points without `floor` are ⌊OGRS ÷ 10⌋ (capped at 10, 0 for what is not a finite number ≥ 0), as the
    /// rulebook writes it, for every two-decimal score, the doubles either side of each band edge, and the odd
    /// values (NaN, infinities, negatives, huge).
    #[test]
    fn ogrs_points_are_the_floor_of_a_tenth() {
        let reference = |o: f64| {
            let p = (o / 10.0).floor();
            if p.is_finite() && p >= 0.0 {
                p.min(10.0) as u32
            } else {
                0
            }
        };
        let mut values: Vec<f64> = (0..=10_000).map(|i| f64::from(i) / 100.0).collect();
        for k in 0..=11 {
            let edge = f64::from(k) * 10.0;
            values.extend([edge.next_down(), edge, edge.next_up()]);
        }
        values.extend([
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            -0.0,
            -0.01,
            -9.99,
            -10.0,
            1e300,
            f64::MAX,
            f64::MIN_POSITIVE,
        ]);
        for o in values {
            assert_eq!(ogrs_points(o), reference(o), "{o:e}");
        }
        assert_eq!(ogrs_points(29.99), 2);
        assert_eq!(ogrs_points(30.0_f64.next_down()), 2);
        assert_eq!(rsr_points(f64::NAN), 0);
        assert_eq!(rsr_points(7.0_f64.next_down()), 10);
    }

    #[test]
    fn boundaries() {
        assert_eq!(rsr_points(6.99), 10);
        assert_eq!(rsr_points(7.0), 20);
        assert_eq!(rsr_points(2.99), 0);
        assert_eq!(rsr_points(3.0), 10);
        assert_eq!(ogrs_points(49.99), 4);
        assert_eq!(ogrs_points(100.0), 10);
        for (p, l) in [
            (149, ProtectLevel::B),
            (150, ProtectLevel::A),
            (19, ProtectLevel::C),
            (20, ProtectLevel::B),
            (9, ProtectLevel::D),
            (10, ProtectLevel::C),
        ] {
            assert_eq!(ProtectLevel::from_points(p), l, "{p}");
        }
        for (p, l) in [
            (9, ChangeLevel::One),
            (10, ChangeLevel::Two),
            (19, ChangeLevel::Two),
            (20, ChangeLevel::Three),
        ] {
            assert_eq!(ChangeLevel::from_points(p), l, "{p}");
        }
    }
}
