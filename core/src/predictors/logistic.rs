//! What ARP, VRP and SVRP share (docs/rules/predictors.md#vrp-and-svrp): the validation of the
//! common static inputs, the criminal-history terms over one generated coefficient type, and the percentage.
//!
//! The six coefficient tables are generated into `coefficients.rs` by `tools/predictor-tables/generate.py` from
//! the service's files at 016919c (extracted into `core/data/actuarial/coefficients.json`). A coefficient a file does not have is
//! 0.0, so each polynomial has the degree its file gives, as the service's `calculatePolynomial` does.

use chrono::{Datelike, NaiveDate};

use super::arp::{ActuarialCategory, ArpError};
use super::{exact_sum, half_up, logistic, whole_months, whole_years};
use crate::model::Sex;

#[path = "coefficients.rs"]
pub(crate) mod coefficients;
pub(crate) use coefficients::{Answers, Coefficients};

/// The static inputs ARP, VRP and SVRP share, borrowed from each predictor's input.
#[derive(Clone, Copy)]
pub(crate) struct StaticInputs {
    pub(crate) assessment_date: NaiveDate,
    pub(crate) date_of_birth: NaiveDate,
    pub(crate) conviction_date: NaiveDate,
    pub(crate) follow_up_start: Option<NaiveDate>,
    pub(crate) sex: Sex,
    pub(crate) age_at_first_sanction: u32,
    pub(crate) total_sanctions: u32,
    pub(crate) actuarial_category: ActuarialCategory,
    /// VRP and SVRP only (0 for ARP, whose tables have no violence terms).
    pub(crate) violent_sanctions: u32,
}

/// The validated criminal history.
#[derive(Clone, Copy)]
pub(crate) struct History {
    pub(crate) female: bool,
    pub(crate) age_at_follow_up: u32,
    pub(crate) age_at_conviction: u32,
    pub(crate) age_at_first_sanction: u32,
    pub(crate) n: u32,
    pub(crate) violent: u32,
    pub(crate) category: usize,
    pub(crate) ofm: u32,
}

/// `d` is after `base` plus 3 months (Java's `plusMonths(3)`: the day clamped to the end of the month), without
/// building the date.
pub(crate) fn after_three_months(d: NaiveDate, base: NaiveDate) -> bool {
    let months = |x: NaiveDate| i64::from(x.year()) * 12 + i64::from(x.month0());
    after_three_months_of((months(d), d.day()), (months(base), base.day()), || {
        d.with_day(31)
            .or_else(|| d.with_day(30))
            .or_else(|| d.with_day(29))
            .map_or(28, |x| x.day())
    })
}

/// [`after_three_months`] of two dates given as (a month count on any one scale, the day of the month), with the
/// length of `d`'s month asked for only when it matters: what the batch kernels call on their integer dates.
pub(crate) fn after_three_months_of(
    d: (i64, u32),
    base: (i64, u32),
    month_length: impl FnOnce() -> u32,
) -> bool {
    let target = base.0 + 3;
    if d.0 != target {
        return d.0 > target;
    }
    // Same month: compare days, the base day clamped to the month's length (only days 29–31 can clamp).
    let bd = base.1;
    let limit = if bd > 28 { bd.min(month_length()) } else { bd };
    d.1 > limit
}

/// Validates the common static inputs in the order of [`ArpError`]'s variants (the first failing check is the
/// error); `violent` adds VRP's and SVRP's violent-sanction check after the total.
pub(crate) fn history(i: &StaticInputs, violent: bool) -> Result<History, ArpError> {
    let female = match i.sex {
        Sex::Male => false,
        Sex::Female => true,
        Sex::NotSpecified => return Err(ArpError::SexNotSpecified),
    };
    let dob = i.date_of_birth;
    if i.conviction_date <= dob {
        return Err(ArpError::ConvictionNotAfterBirth);
    }
    let age_at_conviction = u32::try_from(whole_years(dob, i.conviction_date)).unwrap_or(0);
    if i.age_at_first_sanction > age_at_conviction {
        return Err(ArpError::FirstSanctionAfterConviction);
    }
    if after_three_months(i.conviction_date, i.assessment_date) {
        return Err(ArpError::ConvictionAfterAssessment);
    }
    if i.age_at_first_sanction >= 110 {
        return Err(ArpError::AgeAtFirstSanctionOutOfRange);
    }
    if i.actuarial_category == ActuarialCategory::Unknown {
        return Err(ArpError::CategoryUnknown);
    }
    if !(1..=999).contains(&i.total_sanctions) {
        return Err(ArpError::TotalSanctionsOutOfRange);
    }
    if violent && i.violent_sanctions > i.total_sanctions {
        return Err(ArpError::ViolentSanctionsOutOfRange);
    }
    if let Some(f) = i.follow_up_start {
        if f <= dob {
            return Err(ArpError::FollowUpNotAfterBirth);
        }
        if whole_years(dob, f) >= 110 {
            return Err(ArpError::FollowUpAgeOutOfRange);
        }
    }
    let follow_up = i.follow_up_start.unwrap_or(i.conviction_date);
    let ofm = if i.assessment_date < follow_up {
        0
    } else {
        whole_months(follow_up, i.assessment_date).clamp(0, 36) as u32
    };
    Ok(History {
        female,
        age_at_follow_up: u32::try_from(whole_years(dob, follow_up)).unwrap_or(0),
        age_at_conviction,
        age_at_first_sanction: i.age_at_first_sanction,
        n: i.total_sanctions,
        violent: if violent { i.violent_sanctions } else { 0 },
        category: i.actuarial_category as usize,
        ofm,
    })
}

/// The criminal-history terms of one table, each already × its coefficient (0 where the table has no term).
#[derive(Clone, Copy, Default)]
pub(crate) struct HistoryTerms {
    pub(crate) intercept: f64,
    pub(crate) age: [f64; 4],
    pub(crate) female: f64,
    pub(crate) offence_category: f64,
    pub(crate) first_sanction: f64,
    pub(crate) second_sanction: f64,
    pub(crate) sanction_occasions: f64,
    pub(crate) second_sanction_gap: f64,
    pub(crate) ofm: [f64; 4],
    pub(crate) copas: f64,
    pub(crate) copas_squared: f64,
    pub(crate) never_violent: f64,
    pub(crate) once_violent: f64,
    pub(crate) violent_sanctions: f64,
    pub(crate) violent_rate: f64,
}

impl HistoryTerms {
    /// Every summand, for the compensated sum.
    pub(crate) fn values(&self) -> [f64; 21] {
        let (a, o) = (self.age, self.ofm);
        [
            self.intercept,
            a[0],
            a[1],
            a[2],
            a[3],
            self.female,
            self.offence_category,
            self.first_sanction,
            self.second_sanction,
            self.sanction_occasions,
            self.second_sanction_gap,
            o[0],
            o[1],
            o[2],
            o[3],
            self.copas,
            self.copas_squared,
            self.never_violent,
            self.once_violent,
            self.violent_sanctions,
            self.violent_rate,
        ]
    }
}

/// `c[k] × x^(k+1)` for the four degrees, each power formed as written (the batch kernel calls it too).
pub(crate) fn poly(c: &[f64; 4], x: u32) -> [f64; 4] {
    let x = f64::from(x);
    [
        c[0] * x,
        c[1] * (x * x),
        c[2] * (x * x * x),
        c[3] * (x * x * x * x),
    ]
}

/// The career boost added to the gap in the career log-rate ln(n / (gap + boost)): 26 for ARP, 12 for VRP and
/// SVRP (`*PredictorConstant.CAREER_BOOST*`).
pub(crate) fn history_terms(h: &History, c: &Coefficients, career_boost: u32) -> HistoryTerms {
    let c = &c.history;
    let sex = usize::from(h.female);
    let pick = |a: &[f64; 2]| a.get(sex).copied().unwrap_or(0.0);
    let age = poly(c.age.get(sex).unwrap_or(&[0.0; 4]), h.age_at_follow_up);
    let gap = h.age_at_conviction - h.age_at_first_sanction;
    let (copas, copas_squared) = if h.n >= 3 {
        let l = (f64::from(h.n) / f64::from(gap + career_boost)).ln();
        (pick(&c.copas) * l, pick(&c.copas_squared) * (l * l))
    } else {
        (0.0, 0.0)
    };
    let v = h.violent;
    HistoryTerms {
        intercept: c.intercept,
        age,
        female: if h.female { c.female } else { 0.0 },
        offence_category: c.category.get(h.category).copied().unwrap_or(0.0),
        first_sanction: if h.n == 1 { c.first_sanction } else { 0.0 },
        second_sanction: if h.n == 2 { c.second_sanction } else { 0.0 },
        sanction_occasions: f64::from(h.n) * c.sanction_occasions,
        second_sanction_gap: if h.n == 2 {
            f64::from(gap) * pick(&c.gap)
        } else {
            0.0
        },
        ofm: poly(&c.offence_free_months, h.ofm),
        copas,
        copas_squared,
        never_violent: if v == 0 { pick(&c.never_violent) } else { 0.0 },
        once_violent: if v == 1 { c.once_violent } else { 0.0 },
        violent_sanctions: f64::from(v) * c.violent_sanctions,
        violent_rate: if v > 0 && c.violent_rate != 0.0 {
            c.violent_rate * (f64::from(v) / f64::from(gap + 30)).ln()
        } else {
            0.0
        },
    }
}

/// The compensated sum of the history terms and `extra`.
pub(crate) fn total(h: &HistoryTerms, extra: &[f64]) -> f64 {
    // Zero terms (answers not given, conditions not met: a third to a half of them) are left out before the
    // sum, whose steps depend each on the last: adding ±0 changes neither the sum nor its compensation (but
    // for the sign of a zero total, which the logistic does not see). Compacted without a branch: each term is
    // written and the length advanced only past a non-zero one.
    let mut all = [0.0f64; 64];
    let mut len = 0usize;
    let mut push = |v: f64| {
        if let Some(slot) = all.get_mut(len & 63) {
            *slot = v;
        }
        len += usize::from(v != 0.0);
    };
    h.values().into_iter().for_each(&mut push);
    extra.iter().take(32).copied().for_each(&mut push);
    exact_sum(all.get(..len.min(53)).unwrap_or(&[]))
}

/// 100 × logistic(total) in hundredths, rounded half up (0–10,000; 10,000 is reported as 99.99).
pub(crate) fn hundredths(total: f64) -> u64 {
    half_up(logistic(total), 10_000)
}

/// The percentage of `hundredths`, ≥ 100 clamped to 99.99.
pub(crate) fn percentage(hundredths: u64) -> f64 {
    if hundredths >= 10_000 {
        99.99
    } else {
        hundredths as f64 / 100.0
    }
}

/// A coefficient × an answer's 0/1/2 score (absent counts 0: callers check presence first).
pub(crate) fn level<T: Copy>(answer: Option<T>, score: fn(T) -> f64, coefficient: f64) -> f64 {
    answer.map_or(0.0, |a| score(a) * coefficient)
}

/// The coefficient when the flag is true, else 0.
pub(crate) fn flag(answer: Option<bool>, coefficient: f64) -> f64 {
    if answer == Some(true) {
        coefficient
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cheap comparison equals "after `base` + 3 months" with chrono's month arithmetic (which clamps the
    /// day as Java's `plusMonths` does), around every month end of four years.
    #[test]
    fn three_months_as_plus_months() {
        let start = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap_or_default();
        for b in start.iter_days().take(4 * 366) {
            let limit = b
                .checked_add_months(chrono::Months::new(3))
                .unwrap_or_default();
            for delta in -3i64..=3 {
                let d = limit + chrono::TimeDelta::days(delta);
                assert_eq!(after_three_months(d, b), d > limit, "{b} {d}");
            }
        }
    }
}
