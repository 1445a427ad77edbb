//! Reoffending predictors: OGRS3 (docs/rules/predictors.md) and the 2026 OGRS4 family (§9b; docs/rules/predictors.md): ARP (static and
//! dynamic), VRP, SVRP, DC-SRP, IIC-SRP and CSRP. Each is a free function over a plain input struct, returning a serialisable score with
//! every term of its sum, or a typed error naming the input field. [`predictors()`] computes what a case's
//! inputs allow. The rules, with their sources, are in `docs/rules/predictors.md`.
//!
//! ```
//! use chrono::NaiveDate;
//! use probation_core::model::Sex;
//! use probation_core::predictors::{Ogrs3Input, RiskBand, ogrs3};
//! let d = |s: &str| s.parse::<NaiveDate>().unwrap();
//! let score = ogrs3(&Ogrs3Input {
//!     sex: Sex::Male,
//!     date_of_birth: d("1990-06-15"),
//!     conviction_date: d("2020-01-10"),
//!     follow_up_start: d("2020-01-10"),
//!     total_sanctions: 1,
//!     age_at_first_sanction: 29,
//!     offence_code: "00100".into(),
//! })
//! .unwrap();
//! // age 29: −1.1667; first sanction 0.12614; 1.25112 × ln(1/10) = −2.880810; violence 0 → total −3.921370;
//! // 1-year logistic(−2.518810) = 0.07455 → 7%, 2-year logistic(−1.799670) = 0.14189 → 14%, low.
//! assert_eq!((score.one_year, score.two_year, score.band), (7, 14, RiskBand::Low));
//! ```

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

pub mod arp;
pub mod batch;
pub mod combined;
pub mod dcsrp;
mod exp_vector;
mod from_case;
mod logistic;
pub mod ogrs3;
pub mod rules;
pub mod violent;

pub use arp::{
    ActuarialCategory, ArpDynamicTerms, ArpError, ArpInput, ArpScore, ArpTerms, DynamicAnswers,
    MotivationLevel, PreviousConvictions, ProblemLevel, RelationshipStatus, arp,
};
pub use combined::{
    CsrpError, CsrpInput, CsrpScore, IicSrpInput, IicSrpRung, IicSrpScore, csrp, iic_srp,
};
pub use dcsrp::{DcSrpError, DcSrpInput, DcSrpPoints, DcSrpScore, SupervisionStatus, dc_srp};
pub use from_case::{CasePredictors, Outcome, PredictorError, predictors};
pub use ogrs3::{
    Ogrs3Error, Ogrs3Input, Ogrs3OffenceGroup, Ogrs3Percentages, Ogrs3Score, Ogrs3Terms, ogrs3,
    ogrs3_percentages,
};
pub use violent::{
    SvrpDynamicTerms, SvrpScore, ViolentInput, ViolentScore, ViolentTerms, VrpDynamicTerms,
    VrpScore, svrp, vrp,
};

/// A predictor's risk band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum RiskBand {
    /// Low.
    Low,
    /// Medium.
    Medium,
    /// High.
    High,
    /// Very high.
    VeryHigh,
    /// The predictor does not apply (DC-SRP for a woman or for someone with no sexual offending).
    NotApplicable,
}

/// Whether a score used the static coefficient set (criminal history only) or the dynamic one (with OASys
/// answers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum ScoreKind {
    /// Criminal-history terms only.
    Static,
    /// Criminal history and OASys answers.
    Dynamic,
}

impl ScoreKind {
    /// `Dynamic` when the OASys answers were used, else `Static`.
    pub const fn of(dynamic: bool) -> Self {
        if dynamic {
            ScoreKind::Dynamic
        } else {
            ScoreKind::Static
        }
    }
}

/// A set of input field names (which inputs were missing or inconsistent), serialised as a JSON list of names.
/// A bitset over a `'static` list, so building one never allocates.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct FieldSet {
    names: &'static [&'static str],
    bits: u32,
}

impl FieldSet {
    pub(crate) const fn new(names: &'static [&'static str]) -> Self {
        FieldSet { names, bits: 0 }
    }
    pub(crate) fn insert(&mut self, index: usize) {
        self.bits |= 1u32.checked_shl(index as u32).unwrap_or(0);
    }
    /// True when no field is in the set.
    pub const fn is_empty(&self) -> bool {
        self.bits == 0
    }
    /// The field names, in input order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        let bits = self.bits;
        self.names
            .iter()
            .take(32)
            .enumerate()
            .filter(move |(i, _)| bits & (1 << i) != 0)
            .map(|(_, n)| *n)
    }
}

impl fmt::Debug for FieldSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for FieldSet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for FieldSet {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FieldSet".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "array", "items": { "type": "string" } })
    }
}

/// Whole years from `from` to `to`, as Java's `Period.between(from, to).years` (negative when `to` is earlier).
pub(crate) fn whole_years(from: NaiveDate, to: NaiveDate) -> i64 {
    whole_months(from, to) / 12
}

/// Whole calendar months from `from` to `to`, as Java's `ChronoUnit.MONTHS.between(from, to)`: the difference in
/// months, less one when the day of the month has not been reached (towards zero when negative).
pub(crate) fn whole_months(from: NaiveDate, to: NaiveDate) -> i64 {
    let m = |d: NaiveDate| (i64::from(d.year()) * 12 + i64::from(d.month0()), d.day());
    whole_months_of(m(from), m(to))
}

/// [`whole_months`] of two dates given as (a month count on any one scale, the day of the month): what the batch
/// kernels call on their integer dates.
pub(crate) fn whole_months_of(from: (i64, u32), to: (i64, u32)) -> i64 {
    let mut months = to.0 - from.0;
    let days = i64::from(to.1) - i64::from(from.1);
    if months > 0 && days < 0 {
        months -= 1;
    } else if months < 0 && days > 0 {
        months += 1;
    }
    months
}

/// `x` (finite, 0 ≤ x ≤ 2) times `scale` (≤ 10⁶), rounded half up, computed on the exact binary value of `x` as
/// Java's `BigDecimal(x).multiply(scale).setScale(0, HALF_UP)` does. Plain `(x * scale).round()` can be wrong
/// when `x * scale` lies within rounding error of a half; then the exact comparison decides.
pub(crate) fn half_up(x: f64, scale: u32) -> u64 {
    let y = x * f64::from(scale);
    // Truncation, not `floor()`: y ≥ 0, and on baseline x86-64 `floor` is a libm call. Through i64 (one
    // instruction each way, where u64 conversions are several); clamped at 0, so the value of `y as u64`.
    let ki = (y as i64).max(0);
    let frac = y - ki as f64;
    let k = ki as u64;
    if (frac - 0.5).abs() > 1e-6 {
        return k + u64::from(frac > 0.5);
    }
    // Exact: is x ≥ (2k + 1) / (2 · scale)? With x = m · 2^e: compare m · 2 · scale · 2^e with 2k + 1.
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac_bits = bits & ((1u64 << 52) - 1);
    let (m, e) = if exp == 0 {
        (frac_bits, -1074)
    } else {
        (frac_bits | (1u64 << 52), exp - 1075)
    };
    let lhs = u128::from(m) * 2 * u128::from(scale);
    let rhs = u128::from(2 * k + 1);
    let up = if e >= 0 {
        lhs.checked_shl(e.unsigned_abs()).is_none_or(|l| l >= rhs)
    } else {
        rhs.checked_shl(e.unsigned_abs()).is_some_and(|r| lhs >= r)
    };
    if up { k + 1 } else { k }
}

/// e^t / (1 + e^t), in the form that neither overflows nor loses precision for large |t|: 1 / (1 + e^-t) for
/// t ≥ 0, e^t / (1 + e^t) below. Both from the one exponential e^-|t| (e^-t for t ≥ 0, e^t below), the
/// numerator chosen by `select_unpredictable` (a conditional move: the sign follows the data, and a
/// mispredicted branch cost more than the arithmetic); the same value to the bit as the branch on the sign.
pub(crate) fn logistic(t: f64) -> f64 {
    let u = (-t.abs()).exp();
    std::hint::select_unpredictable(t >= 0.0, 1.0, u) / (1.0 + u)
}

/// Compensated summation: the service sums its terms in exact decimal; this keeps the f64 sum within an ulp of
/// that. Each step adds the exact rounding error of `sum + t` to the compensation, found by Knuth's TwoSum (six
/// additions, no comparison): the same error, to the bit, as Neumaier's step (which orders `sum` and `t` by
/// magnitude and takes `(big − s) + small`), since both are the exact error of one rounded addition; a zero error
/// may differ in sign, which adding it to the compensation does not see (the compensation starts at +0 and a sum
/// of two values is −0 only when both are). No comparison, so no branch to mispredict: a select on the magnitudes
/// was compiled as one.
pub(crate) fn exact_sum(terms: &[f64]) -> f64 {
    let mut sum = 0.0f64;
    let mut c = 0.0f64;
    for &t in terms {
        let s = sum + t;
        let bb = s - sum;
        c += (sum - (s - bb)) + (t - bb);
        sum = s;
    }
    sum + c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn months_and_years_as_java() {
        assert_eq!(whole_months(d("2020-01-31"), d("2020-02-29")), 0);
        assert_eq!(whole_months(d("2020-01-31"), d("2020-03-01")), 1);
        assert_eq!(whole_months(d("2020-03-15"), d("2020-01-16")), -1);
        assert_eq!(whole_years(d("2000-02-29"), d("2018-02-28")), 17);
        assert_eq!(whole_years(d("2000-02-29"), d("2018-03-01")), 18);
    }

    /// The TwoSum steps give Neumaier's compensated sum to the bit, on sums of 1–40 terms of mixed magnitudes
    /// and signs (cancellations, zeros, exact ties).
    #[test]
    fn exact_sum_as_neumaier() {
        let neumaier = |terms: &[f64]| {
            let (mut sum, mut c) = (0.0f64, 0.0f64);
            for &t in terms {
                let s = sum + t;
                c += if sum.abs() >= t.abs() {
                    (sum - s) + t
                } else {
                    (t - s) + sum
                };
                sum = s;
            }
            sum + c
        };
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..200_000 {
            let n = (next() % 40 + 1) as usize;
            let terms: Vec<f64> = (0..n)
                .map(|_| {
                    let r = next();
                    let mantissa = (r >> 11) as f64 / (1u64 << 53) as f64;
                    let scale = [1e-12, 1e-6, 0.01, 1.0, 3.0, 1e3, 1e8][(r % 7) as usize];
                    let sign = if r & 8 == 0 { 1.0 } else { -1.0 };
                    match r % 11 {
                        0 => 0.0,
                        1 => -0.0,
                        2 => sign * 0.5,
                        _ => sign * mantissa * scale,
                    }
                })
                .collect();
            let (a, b) = (exact_sum(&terms), neumaier(&terms));
            assert_eq!(a.to_bits(), b.to_bits(), "{terms:?}");
            // A cancelling copy: every term and its negation.
            let mut both = terms.clone();
            both.extend(terms.iter().map(|t| -t));
            assert_eq!(
                exact_sum(&both).to_bits(),
                neumaier(&both).to_bits(),
                "{both:?}"
            );
        }
    }

    /// The one-exponential logistic equals the two forms chosen by a branch, on a grid and at ±0, ±∞.
    #[test]
    fn logistic_as_two_forms() {
        let two = |t: f64| {
            if t >= 0.0 {
                1.0 / (1.0 + (-t).exp())
            } else {
                let e = t.exp();
                e / (1.0 + e)
            }
        };
        let grid = (-40 * 4096..40 * 4096).map(|i| f64::from(i) / 4096.0 + f64::from(i) * 1e-9);
        for t in grid.chain([0.0, -0.0, f64::INFINITY, f64::NEG_INFINITY, 800.0, -800.0]) {
            assert_eq!(logistic(t).to_bits(), two(t).to_bits(), "{t}");
        }
    }

    #[test]
    fn half_up_is_exact_at_ties() {
        // 0.015625 = 1/64 is exactly representable and exactly half-way at 5 dp: half up gives 0.01563.
        assert_eq!(half_up(0.015625, 100_000), 1563);
        // 0.125 at 2 dp: a tie, up.
        assert_eq!(half_up(0.125, 100), 13);
        // 0.145 is not representable; its double is 0.14499999999999999, so it rounds down.
        assert_eq!(half_up(0.145, 100), 14);
        assert_eq!(half_up(0.0, 100), 0);
        assert_eq!(half_up(0.994_999_999, 100), 99);
    }
}
