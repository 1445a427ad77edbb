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
pub mod combined;
pub mod dcsrp;
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
    let m = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
    let mut months = m(to) - m(from);
    let days = i64::from(to.day()) - i64::from(from.day());
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
    // Truncation, not `floor()`: y ≥ 0, and on baseline x86-64 `floor` is a libm call.
    let k = y as u64;
    let frac = y - k as f64;
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

/// e^t / (1 + e^t), in the form that neither overflows nor loses precision for large |t|.
pub(crate) fn logistic(t: f64) -> f64 {
    if t >= 0.0 {
        1.0 / (1.0 + (-t).exp())
    } else {
        let e = t.exp();
        e / (1.0 + e)
    }
}

/// Compensated (Neumaier) summation: the service sums its terms in exact decimal; this keeps the f64 sum within
/// an ulp of that.
pub(crate) fn exact_sum(terms: &[f64]) -> f64 {
    let mut sum = 0.0f64;
    let mut c = 0.0f64;
    for &t in terms {
        let s = sum + t;
        // Of `sum` and `t`, the larger in magnitude loses the low bits the other keeps: `(big - s) + small`.
        // Chosen by a bit mask, not a branch: which is larger follows the data, and a mispredicted branch per
        // term cost more than the rest of the loop (the same result to the bit).
        let keep_sum = u64::from(sum.abs() >= t.abs()).wrapping_neg();
        let (sb, tb) = (sum.to_bits(), t.to_bits());
        let big = f64::from_bits((sb & keep_sum) | (tb & !keep_sum));
        let small = f64::from_bits((tb & keep_sum) | (sb & !keep_sum));
        c += (big - s) + small;
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
