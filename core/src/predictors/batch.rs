//! Batch scoring over flat columns: OGRS3 and ARP for many people at once, each input a column (a slice, one
//! value per row; dates as day numbers), each row's result written into a caller's slice, with nothing allocated.
//!
//! Every figure and every error of a row is the per-case function's, to the bit: [`ogrs3_columns`] gives row
//! `i` what [`ogrs3_percentages`](super::ogrs3_percentages) gives that row's [`Ogrs3Input`](super::Ogrs3Input)
//! (the percentages, probabilities, band and logit total), and [`arp_columns`] gives what [`arp`](super::arp)
//! gives (score, probability, band, static or dynamic, the missing answers), both without the per-term
//! explanation, which the per-case functions keep. The test `core/tests/predictor_batch.rs` compares them on
//! random and edge inputs, invalid rows included.
//!
//! The speed comes from day numbers instead of calendar dates (one conversion per date), from codes as numbers,
//! and from scoring in passes over a block of rows (validation and terms, then the logarithms, then the
//! exponentials and roundings): the rows of a pass are independent, so the processor overlaps their long
//! dependency chains (the `ln` and `exp` calls), which one row at a time cannot. OGRS3's Copas logarithms
//! come from a table of the platform's `ln` (`ogrs3::copas_rate`), and its exponentials from vector code whose
//! few ulps of error cannot move a rounding (`ogrs3::exponential_vectorised`).

use chrono::{Datelike, NaiveDate};

use super::arp::{
    ActuarialCategory, ArpError, DRUG_SLOTS, DRUGS, DynamicAnswers, REQUIRED, REQUIRED_SLOTS,
    arp_answer_terms, arp_drugs_used, inconsistent_drugs, missing_answers,
};
use super::logistic::coefficients::{ARP_DYNAMIC, ARP_STATIC};
use super::logistic::{self, History};
use super::ogrs3::{self, Ogrs3Code, Ogrs3Error, Ogrs3Percentages};
use super::{FieldSet, RiskBand, ScoreKind, half_up};
use crate::model::Sex;

/// A column whose length differs from the output's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("column `{column}` has a different length from the output")]
pub struct ColumnLengthError {
    /// The column's name (its per-case input field).
    pub column: &'static str,
}

/// A date as its day number: days since 1970-01-01 (Arrow's `date32`), the encoding of the date columns.
#[must_use]
pub fn day_number(date: NaiveDate) -> i32 {
    // 719,163 days from 0001-01-01 (day 1 of the common era) to 1970-01-01.
    date.num_days_from_ce() - 719_163
}

/// An offence code as [`Ogrs3Columns::offence_code`] takes it: the 5 digits as a number, or `u32::MAX` when the
/// text is not 5 digits (the row then fails with [`Ogrs3Error::OffenceCodeFormat`], as the per-case function).
#[must_use]
pub fn ogrs3_code(code: &str) -> u32 {
    ogrs3::parse_code(code).unwrap_or(u32::MAX)
}

/// The calendar date of a day number (proleptic Gregorian, any `i32`), in the "computational" calendar whose
/// years start on 1 March (so that February, with its leap day, is the year's last month): integer arithmetic
/// only, by C. Neri and L. Schneider's Euclidean affine functions ("Euclidean affine functions and their
/// application to calendar algorithms", 2022), on unsigned values shifted by whole 400-year eras so that every
/// `i32` is non-negative.
#[derive(Clone, Copy)]
struct Civil {
    /// Whole months since January of year 0: year × 12 + month − 1 (the computational year × 12 + its month
    /// 3–14, less one, is the same number).
    months: i64,
    /// The day of the month, 1–31.
    day: u32,
    /// Computational year × 512 + month (3–14) × 32 + day. The difference of two keys, divided by 512
    /// rounding down, is the whole years between the dates, as with calendar years and months
    /// (`ogrs3::date_key`): the months are only rotated, January and February moving to the end of the year
    /// before, which changes neither the year difference nor whether the day of the year has been reached.
    key: i64,
    /// The computational year (shifted by `SHIFT` eras) and month (3–14), for the month's length.
    year: u64,
    month: u64,
}

/// 400-year eras added so that the shifted day is ≥ 0 for every i32 (14,700 eras exceed 2^31 days).
const SHIFT: u64 = 14_700;
/// Days in 400 years.
const ERA: u64 = 146_097;

impl Civil {
    fn of(days: i32) -> Civil {
        // Days since 0000-03-01, the computational calendar's day 0 (719,468 days before 1970-01-01), shifted.
        let n = (i64::from(days) + 719_468 + (SHIFT * ERA) as i64) as u64;
        let n1 = 4 * n + 3;
        let century = n1 / ERA;
        let n2 = (n1 % ERA) | 3; // 4 × the day of the century + 3
        let p2 = 2_939_745 * n2;
        let year_of_century = p2 >> 32;
        let day_of_year = (p2 & 0xFFFF_FFFF) / 2_939_745 / 4;
        let year = 100 * century + year_of_century;
        let n3 = 2141 * day_of_year + 197_913;
        let month = n3 >> 16; // 3 (March) to 14 (February)
        let day = ((n3 & 0xFFFF) / 2141 + 1) as u32;
        let real_year = year as i64 - (SHIFT * 400) as i64;
        Civil {
            months: real_year * 12 + month as i64 - 1,
            day,
            key: real_year * 512 + (month * 32) as i64 + i64::from(day),
            year,
            month,
        }
    }

    /// The number of days in the date's month.
    fn month_length(self) -> u32 {
        // March to January, then February (month 14) of the calendar year after the computational one.
        const LENGTHS: [u32; 12] = [31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 31, 28];
        let base = LENGTHS
            .get(self.month.wrapping_sub(3) as usize)
            .copied()
            .unwrap_or(31);
        // The shift is whole eras, so the shifted year is a leap year exactly when the real one is.
        let g = self.year + 1;
        let leap = g.is_multiple_of(4) && (!g.is_multiple_of(100) || g.is_multiple_of(400));
        base + u32::from(self.month == 14 && leap)
    }
}

/// Whole calendar months from `from` to `to` (`predictors::whole_months`).
fn whole_months(from: Civil, to: Civil) -> i64 {
    super::whole_months_of((from.months, from.day), (to.months, to.day))
}

/// Whole years from the day `base` to the later day `d`, as the computational-calendar keys give them
/// (`Civil::key`), mostly from the day count alone: `n` whole years are reached `365·n + k` days after `base`,
/// `k` the 29 Februaries passed (at most ⌈n/4⌉ in `n` consecutive years), so with `days` days `n = days / 365`
/// is an upper bound, reached when `days ≥ 365·n + ⌈n/4⌉`. Only within those ⌈n/4⌉ days of a birthday (about
/// 2 % of adult ages) do the calendar dates decide. The same bound as the release calculator's
/// `Day::years_since`, here on `u32` day counts (one multiplication for the division, on the kernel's hot
/// path). The test `years_after_as_keys` compares it with the keys.
#[inline]
fn years_after(base: i32, d: i32) -> u32 {
    // `d` > `base`, so 0 < days < 2^32: a u32, whose division by 365 is one multiplication.
    let days = (i64::from(d) - i64::from(base)) as u32;
    let n = days / 365;
    if u64::from(days) >= 365 * u64::from(n) + u64::from(n.div_ceil(4)) {
        n
    } else {
        years_by_keys(base, d)
    }
}

/// [`years_after`] from the calendar dates.
#[inline(never)]
fn years_by_keys(base: i32, d: i32) -> u32 {
    ((Civil::of(d).key - Civil::of(base).key) >> 9) as u32
}

/// `d` after `base` plus 3 months, the day clamped to the month's end (`logistic::after_three_months`).
fn after_three_months(d: Civil, base: Civil) -> bool {
    super::logistic::after_three_months_of((d.months, d.day), (base.months, base.day), || {
        d.month_length()
    })
}

/// The rows scored per pass: the scratch columns of a block stay in the first-level cache.
const BLOCK: usize = 256;

fn check(len: usize, columns: &[(&'static str, usize)]) -> Result<(), ColumnLengthError> {
    match columns.iter().find(|(_, l)| *l != len) {
        Some(&(column, _)) => Err(ColumnLengthError { column }),
        None => Ok(()),
    }
}

/// OGRS3's inputs as columns, one value per row, each as [`Ogrs3Input`](super::Ogrs3Input)'s field of the same
/// name: dates as day numbers ([`day_number`]), the offence code as a number ([`ogrs3_code`]).
#[derive(Debug, Clone, Copy)]
pub struct Ogrs3Columns<'a> {
    /// Sex.
    pub sex: &'a [Sex],
    /// Date of birth, as a day number.
    pub date_of_birth: &'a [i32],
    /// Date of the current conviction, as a day number.
    pub conviction_date: &'a [i32],
    /// Start of follow-up, as a day number.
    pub follow_up_start: &'a [i32],
    /// Total sanctions, including the current one.
    pub total_sanctions: &'a [u32],
    /// Age in whole years at the first sanction.
    pub age_at_first_sanction: &'a [u32],
    /// The Home Office offence code as a number ([`ogrs3_code`]; above 99,999: not 5 digits).
    pub offence_code: &'a [u32],
}

/// One OGRS3 row: the validated inputs reduced to the logit's parts. `total = (pre + copas_rate(sanctions,
/// denominator) × COPAS) + offence`, the per-case sum's order.
#[derive(Clone, Copy)]
struct Ogrs3Parts {
    pre: f64,
    sanctions: u32,
    denominator: u32,
    offence: f64,
}

/// One row's values, as [`Ogrs3Columns`] holds them.
#[derive(Clone, Copy)]
struct Ogrs3Row {
    sex: Sex,
    dob: i32,
    conviction: i32,
    follow_up: i32,
    total_sanctions: u32,
    first: u32,
    code: u32,
}

#[inline(always)]
fn ogrs3_row(r: Ogrs3Row) -> Result<Ogrs3Parts, Ogrs3Error> {
    let female = match r.sex {
        Sex::Male => false,
        Sex::Female => true,
        Sex::NotSpecified => return Err(Ogrs3Error::SexNotSpecified),
    };
    let total_sanctions = r.total_sanctions;
    if !(1..=999).contains(&total_sanctions) {
        return Err(Ogrs3Error::TotalSanctionsOutOfRange);
    }
    let code = r.code;
    if code > 99_999 {
        return Err(Ogrs3Error::OffenceCodeFormat);
    }
    let (dob, conviction, follow_up) = (r.dob, r.conviction, r.follow_up);
    if conviction <= dob {
        return Err(Ogrs3Error::ConvictionNotAfterBirth);
    }
    if follow_up <= dob {
        return Err(Ogrs3Error::FollowUpNotAfterBirth);
    }
    let (age_at_conviction, age_at_follow_up) =
        (years_after(dob, conviction), years_after(dob, follow_up));
    if age_at_conviction < 10 {
        return Err(Ogrs3Error::AgeAtConvictionUnderTen);
    }
    if age_at_follow_up < 10 {
        return Err(Ogrs3Error::AgeAtFollowUpUnderTen);
    }
    let first = r.first;
    if first > age_at_conviction {
        return Err(Ogrs3Error::FirstSanctionAfterConviction);
    }
    let group = match ogrs3::lookup(code) {
        Some(Ogrs3Code::Group(g)) => g,
        Some(Ogrs3Code::NeedsDetails) => return Err(Ogrs3Error::OffenceNeedsDetails),
        Some(Ogrs3Code::NoWeighting) | None => return Err(Ogrs3Error::OffenceCodeNotMapped),
    };
    // As `ogrs3::logit`, term by term.
    let age_sex = ogrs3::age_sex(female, age_at_follow_up);
    let conviction_status = if total_sanctions == 1 {
        0.12614
    } else {
        0.46306
    };
    Ok(Ogrs3Parts {
        pre: age_sex + conviction_status,
        sanctions: total_sanctions,
        denominator: 10 + age_at_conviction - first,
        offence: group.weighting(),
    })
}

/// Scores OGRS3 on every row of `columns` into `out` (row `i` into `out[i]`): for each row exactly what
/// [`ogrs3_percentages`](super::ogrs3_percentages) gives that row's input — the 1- and 2-year percentages and
/// probabilities, the band and the logit total, or the row's typed error (the first failing check, naming the
/// field). Allocates nothing. Fails, writing nothing, when a column's length differs from `out`'s.
///
/// ```
/// use chrono::NaiveDate;
/// use probation_core::model::Sex;
/// use probation_core::predictors::batch::{Ogrs3Columns, day_number, ogrs3_code, ogrs3_columns};
/// use probation_core::predictors::{Ogrs3Input, ogrs3_percentages};
/// let d = |s: &str| day_number(s.parse::<NaiveDate>().unwrap());
/// let columns = Ogrs3Columns {
///     sex: &[Sex::Female, Sex::NotSpecified],
///     date_of_birth: &[d("1985-03-01"), d("1985-03-01")],
///     conviction_date: &[d("2021-05-20"), d("2021-05-20")],
///     follow_up_start: &[d("2021-09-01"), d("2021-09-01")],
///     total_sanctions: &[12, 12],
///     age_at_first_sanction: &[15, 15],
///     offence_code: &[ogrs3_code("04900"), ogrs3_code("04900")],
/// };
/// let mut out = [Err(probation_core::predictors::Ogrs3Error::SexNotSpecified); 2];
/// ogrs3_columns(&columns, &mut out).unwrap();
/// let one = Ogrs3Input {
///     sex: Sex::Female,
///     date_of_birth: "1985-03-01".parse().unwrap(),
///     conviction_date: "2021-05-20".parse().unwrap(),
///     follow_up_start: "2021-09-01".parse().unwrap(),
///     total_sanctions: 12,
///     age_at_first_sanction: 15,
///     offence_code: "04900".into(),
/// };
/// assert_eq!(out[0], ogrs3_percentages(&one));
/// assert_eq!(out[1].unwrap_err().field(), "sex");
/// ```
pub fn ogrs3_columns(
    columns: &Ogrs3Columns<'_>,
    out: &mut [Result<Ogrs3Percentages, Ogrs3Error>],
) -> Result<(), ColumnLengthError> {
    let c = columns;
    check(
        out.len(),
        &[
            ("sex", c.sex.len()),
            ("date_of_birth", c.date_of_birth.len()),
            ("conviction_date", c.conviction_date.len()),
            ("follow_up_start", c.follow_up_start.len()),
            ("total_sanctions", c.total_sanctions.len()),
            ("age_at_first_sanction", c.age_at_first_sanction.len()),
            ("offence_code", c.offence_code.len()),
        ],
    )?;
    // A refused row's parts: any in the Copas table.
    const REFUSED: Ogrs3Parts = Ogrs3Parts {
        pre: 0.0,
        sanctions: 1,
        denominator: 10,
        offence: 0.0,
    };
    let mut parts = [REFUSED; BLOCK];
    let mut total = [0.0f64; BLOCK];
    let mut exponential = [0.0f64; BLOCK];
    let mut accepted = [false; BLOCK];
    // Every column has `out`'s length (checked above), so the blocks of each column line up with `out`'s, and
    // each pass walks whole slices without bounds checks.
    let blocks = out
        .chunks_mut(BLOCK)
        .zip(c.sex.chunks(BLOCK))
        .zip(c.date_of_birth.chunks(BLOCK))
        .zip(c.conviction_date.chunks(BLOCK))
        .zip(c.follow_up_start.chunks(BLOCK))
        .zip(c.total_sanctions.chunks(BLOCK))
        .zip(c.age_at_first_sanction.chunks(BLOCK))
        .zip(c.offence_code.chunks(BLOCK));
    for (((((((block, sex), dob), conviction), follow_up), total_sanctions), first), code) in blocks
    {
        let rows = sex
            .iter()
            .zip(dob)
            .zip(conviction)
            .zip(follow_up)
            .zip(total_sanctions)
            .zip(first)
            .zip(code)
            .map(
                |(
                    (((((&sex, &dob), &conviction), &follow_up), &total_sanctions), &first),
                    &code,
                )| {
                    Ogrs3Row {
                        sex,
                        dob,
                        conviction,
                        follow_up,
                        total_sanctions,
                        first,
                        code,
                    }
                },
            );
        // Pass 1: validation and the terms; a refused row gets its error now and `REFUSED`, an accepted one
        // its figures in pass 4 (so that its slot is written once).
        for (((slot, part), ok), row) in block
            .iter_mut()
            .zip(parts.iter_mut())
            .zip(accepted.iter_mut())
            .zip(rows)
        {
            match ogrs3_row(row) {
                Ok(p) => {
                    *part = p;
                    *ok = true;
                }
                Err(e) => {
                    *part = REFUSED;
                    *ok = false;
                    *slot = Err(e);
                }
            }
        }
        // Pass 2: the Copas rates and the totals.
        for (t, p) in total.iter_mut().zip(parts.iter()).take(block.len()) {
            *t = (p.pre + ogrs3::copas_rate(p.sanctions, p.denominator) * ogrs3::COPAS) + p.offence;
        }
        // Pass 3: the exponentials (`ogrs3::probabilities`' one per row).
        for (e, &t) in exponential.iter_mut().zip(total.iter()).take(block.len()) {
            *e = ogrs3::exponential_vectorised(t);
        }
        // Pass 4: the probabilities, roundings and band, as `ogrs3::probabilities` and `ogrs3_percentages`
        // (the percentages from the whole hundred-thousandths, `ogrs3::percentage_of_units`).
        for (((slot, &t), &u), &ok) in block
            .iter_mut()
            .zip(total.iter())
            .zip(exponential.iter())
            .zip(accepted.iter())
        {
            if ok {
                let (k1, k2) = ogrs3::probability_units(t, u);
                let (one_year, two_year) = (
                    ogrs3::percentage_of_units(k1).0,
                    ogrs3::percentage_of_units(k2).0,
                );
                *slot = Ok(Ogrs3Percentages {
                    one_year,
                    two_year,
                    band: ogrs3::band(two_year),
                    one_year_probability: ogrs3::hundred_thousandths(k1),
                    two_year_probability: ogrs3::hundred_thousandths(k2),
                    total: t,
                });
            }
        }
    }
    Ok(())
}

/// ARP's inputs as columns, one value per row, each as [`ArpInput`](super::ArpInput)'s field of the same name:
/// dates as day numbers ([`day_number`]). `follow_up_start` and `dynamic` may be empty: no follow-up start
/// (the conviction date), no answers (a static score), for every row.
#[derive(Debug, Clone, Copy)]
pub struct ArpColumns<'a> {
    /// The date of the assessment, as a day number.
    pub assessment_date: &'a [i32],
    /// Date of birth, as a day number.
    pub date_of_birth: &'a [i32],
    /// Date of the current conviction, as a day number.
    pub conviction_date: &'a [i32],
    /// Start of follow-up, as a day number; `None` (or an empty column): the conviction date.
    pub follow_up_start: &'a [Option<i32>],
    /// Sex.
    pub sex: &'a [Sex],
    /// Age in whole years at the first sanction.
    pub age_at_first_sanction: &'a [u32],
    /// Total sanctions, including the current one.
    pub total_sanctions: &'a [u32],
    /// The current offence's actuarial category.
    pub actuarial_category: &'a [ActuarialCategory],
    /// The OASys answers (an empty column: none for any row).
    pub dynamic: &'a [DynamicAnswers],
}

/// One ARP row's figures: what [`arp`](super::arp)'s [`ArpScore`](super::ArpScore) says, without the terms and
/// the rules.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ArpFigures {
    /// 2-year percentage, 2 dp (0.01–99.99): `ArpScore::score`.
    pub score: f64,
    /// The 2-year probability before rounding: logistic(total), which `score` is 100 × rounded half up.
    pub probability: f64,
    /// Band.
    pub band: RiskBand,
    /// Static or dynamic.
    pub kind: ScoreKind,
    /// The logit total: `ArpScore::terms.total`.
    pub total: f64,
    /// Required dynamic answers that were missing (non-empty: the score fell back to static).
    pub missing_dynamic: FieldSet,
    /// Drug-use answers given as true with no motivation answer (non-empty: the score fell back to static).
    pub inconsistent_drug_answers: FieldSet,
    /// Whole years of age at the start of follow-up.
    pub age_at_follow_up: u32,
    /// Whole years of age at the current conviction.
    pub age_at_conviction: u32,
    /// Whole months from the start of follow-up to the assessment date, 0–36.
    pub offence_free_months: u32,
}

/// The common static inputs validated as `logistic::history` does (ARP: no violent sanctions), from day numbers.
fn arp_history(c: &ArpColumns<'_>, i: usize) -> Result<History, ArpError> {
    let at = |s: &[i32]| s.get(i).copied().unwrap_or(0);
    let female = match c.sex.get(i).copied().unwrap_or(Sex::NotSpecified) {
        Sex::Male => false,
        Sex::Female => true,
        Sex::NotSpecified => return Err(ArpError::SexNotSpecified),
    };
    let (dob_day, conviction_day) = (at(c.date_of_birth), at(c.conviction_date));
    if conviction_day <= dob_day {
        return Err(ArpError::ConvictionNotAfterBirth);
    }
    // Whole years from the day counts (`years_after`: the key difference, which is `whole_years` of the dates,
    // for a later day, as here and for the follow-up start below), so no date of birth to convert.
    let conviction = Civil::of(conviction_day);
    let age_at_conviction = years_after(dob_day, conviction_day);
    let first = c.age_at_first_sanction.get(i).copied().unwrap_or(0);
    if first > age_at_conviction {
        return Err(ArpError::FirstSanctionAfterConviction);
    }
    let assessment_day = at(c.assessment_date);
    let assessment = Civil::of(assessment_day);
    if after_three_months(conviction, assessment) {
        return Err(ArpError::ConvictionAfterAssessment);
    }
    if first >= 110 {
        return Err(ArpError::AgeAtFirstSanctionOutOfRange);
    }
    let category = c
        .actuarial_category
        .get(i)
        .copied()
        .unwrap_or(ActuarialCategory::Unknown);
    if category == ActuarialCategory::Unknown {
        return Err(ArpError::CategoryUnknown);
    }
    let n = c.total_sanctions.get(i).copied().unwrap_or(0);
    if !(1..=999).contains(&n) {
        return Err(ArpError::TotalSanctionsOutOfRange);
    }
    let (follow_up_day, follow_up, age_at_follow_up) =
        match c.follow_up_start.get(i).copied().flatten() {
            Some(f) => {
                if f <= dob_day {
                    return Err(ArpError::FollowUpNotAfterBirth);
                }
                let age = years_after(dob_day, f);
                if age >= 110 {
                    return Err(ArpError::FollowUpAgeOutOfRange);
                }
                (f, Civil::of(f), age)
            }
            // No follow-up start: the conviction date, whose age is known.
            None => (conviction_day, conviction, age_at_conviction),
        };
    let ofm = if assessment_day < follow_up_day {
        0
    } else {
        whole_months(follow_up, assessment).clamp(0, 36) as u32
    };
    Ok(History {
        female,
        age_at_follow_up,
        age_at_conviction,
        age_at_first_sanction: first,
        n,
        violent: 0,
        category: category as usize,
        ofm,
    })
}

/// Scores ARP on every row of `columns` into `out` (row `i` into `out[i]`): for each row exactly what
/// [`arp`](super::arp) gives that row's input — the score, its probability and band, static or dynamic and
/// which answers were missing — or the row's typed error (the first failing check, naming the field). Allocates
/// nothing. Fails, writing nothing, when a column's length differs from `out`'s (`follow_up_start` and `dynamic`
/// may also be empty).
pub fn arp_columns(
    columns: &ArpColumns<'_>,
    out: &mut [Result<ArpFigures, ArpError>],
) -> Result<(), ColumnLengthError> {
    let c = columns;
    let n = out.len();
    let optional = |l: usize| if l == 0 { n } else { l };
    check(
        n,
        &[
            ("assessment_date", c.assessment_date.len()),
            ("date_of_birth", c.date_of_birth.len()),
            ("conviction_date", c.conviction_date.len()),
            ("follow_up_start", optional(c.follow_up_start.len())),
            ("sex", c.sex.len()),
            ("age_at_first_sanction", c.age_at_first_sanction.len()),
            ("total_sanctions", c.total_sanctions.len()),
            ("actuarial_category", c.actuarial_category.len()),
            ("dynamic", optional(c.dynamic.len())),
        ],
    )?;
    let none = DynamicAnswers::default();
    let mut terms = [[[0.0f64; 2]; TERM_SLOTS]; ARP_BLOCK / 2];
    let mut ratio = [1.0f64; ARP_BLOCK];
    let mut spans = [NO_SPAN; ARP_BLOCK];
    let mut totals = [[0.0f64; 2]; ARP_BLOCK / 2];
    let mut kept = [ArpKept::REFUSED; ARP_BLOCK];
    for (b, block) in out.chunks_mut(ARP_BLOCK).enumerate() {
        let start = b * ARP_BLOCK;
        // Pass 1 (row by row): validation, the answers' sets and every term but the Copas logarithm's. A refused
        // row gets its error now, an accepted one its figures in pass 4 (so that its slot is written once).
        let rows = kept.iter_mut().zip(ratio.iter_mut()).zip(spans.iter_mut());
        for (j, (slot, ((k, r), span))) in block.iter_mut().zip(rows).enumerate() {
            let i = start + j;
            match arp_history(c, i) {
                Ok(h) => {
                    let d = c.dynamic.get(i).unwrap_or(&none);
                    let yes = arp_drugs_used(d);
                    let missing = missing_answers(d, &REQUIRED, &REQUIRED_SLOTS);
                    let inconsistent = if yes == 0 {
                        FieldSet::new(DRUGS)
                    } else {
                        inconsistent_drugs(d, DRUGS, &DRUG_SLOTS)
                    };
                    let is_dynamic = missing.is_empty() && inconsistent.is_empty();
                    if let Some(t) = terms.get_mut(j / 2) {
                        (*r, *span) =
                            arp_row_terms(&h, is_dynamic.then_some(d), yes != 0, t, j & 1);
                    }
                    *k = ArpKept {
                        accepted: true,
                        kind: ScoreKind::of(is_dynamic),
                        missing_dynamic: missing,
                        inconsistent_drug_answers: inconsistent,
                        age_at_follow_up: h.age_at_follow_up,
                        age_at_conviction: h.age_at_conviction,
                        offence_free_months: h.ofm,
                    };
                }
                Err(e) => {
                    *r = 1.0;
                    *span = NO_SPAN;
                    k.accepted = false;
                    *slot = Err(e);
                }
            }
        }
        // Pass 2: the Copas logarithms (ln 1 = 0 for a row without them, whose coefficients are 0), as
        // `logistic::history_terms`: c₁ · l and c₂ · (l · l).
        // Two rows at a time, as their terms are stored (a block of odd length computes one logarithm more, of
        // a ratio its last slot's sum will not read).
        let n = block.len();
        for (t, r) in terms
            .iter_mut()
            .zip(ratio.chunks_exact(2))
            .take(n.div_ceil(2))
        {
            if let ([ra, rb], Some([c1, c2])) = (r, t.get_mut(COPAS..COPAS + 2)) {
                let (la, lb) = (ra.ln(), rb.ln());
                let ([c1a, c1b], [c2a, c2b]) = (*c1, *c2);
                (*c1, *c2) = ([c1a * la, c1b * lb], [c2a * (la * la), c2b * (lb * lb)]);
            }
        }
        // Pass 3: the compensated sums, two rows at once (their chains of additions interleaved), over the
        // slots either row may use (a refused row's span is empty, and so is a missing second row's). Each row
        // wrote its own span only: where the two spans differ, the slots of the pair's span outside a row's own
        // are set to +0 in its lane (no-ops in the sum, see `arp_row_terms`).
        for (k, ((t, total), pair)) in terms
            .iter_mut()
            .zip(totals.iter_mut())
            .zip(spans.chunks_exact(2))
            .take(n.div_ceil(2))
            .enumerate()
        {
            let [a, b] = match pair {
                [a, b] => [*a, if 2 * k + 1 < n { *b } else { NO_SPAN }],
                _ => [NO_SPAN; 2],
            };
            let (from, to) = (a.0.min(b.0), a.1.max(b.1));
            if a != b {
                for (lane, (start, end)) in [a, b].into_iter().enumerate() {
                    if start < end {
                        clear_lane(t, lane, from..start);
                        clear_lane(t, lane, end..to);
                    }
                }
            }
            *total = exact_sum_pair(t, from, to);
        }
        // Pass 4: the exponential, the rounding and the band (`logistic::hundredths`, then as `arp`), and the
        // accepted rows' slots written.
        for ((slot, &total), k) in block
            .iter_mut()
            .zip(totals.as_flattened().iter())
            .zip(kept.iter())
        {
            if k.accepted {
                let p = super::logistic(total);
                let hundredths = half_up(p, 10_000);
                *slot = if hundredths == 0 {
                    Err(ArpError::ScoreZero)
                } else {
                    let score = logistic::percentage(hundredths);
                    Ok(ArpFigures {
                        score,
                        probability: p,
                        band: super::arp::band(score, [50.0, 75.0, 90.0]),
                        kind: k.kind,
                        total,
                        missing_dynamic: k.missing_dynamic,
                        inconsistent_drug_answers: k.inconsistent_drug_answers,
                        age_at_follow_up: k.age_at_follow_up,
                        age_at_conviction: k.age_at_conviction,
                        offence_free_months: k.offence_free_months,
                    })
                };
            }
        }
    }
    Ok(())
}

/// What pass 1 keeps of a row for pass 4: whether it was accepted and, if so, its figures but those of the sum.
#[derive(Clone, Copy)]
struct ArpKept {
    accepted: bool,
    kind: ScoreKind,
    missing_dynamic: FieldSet,
    inconsistent_drug_answers: FieldSet,
    age_at_follow_up: u32,
    age_at_conviction: u32,
    offence_free_months: u32,
}

impl ArpKept {
    const REFUSED: ArpKept = ArpKept {
        accepted: false,
        kind: ScoreKind::Static,
        missing_dynamic: FieldSet::new(&REQUIRED),
        inconsistent_drug_answers: FieldSet::new(DRUGS),
        age_at_follow_up: 0,
        age_at_conviction: 0,
        offence_free_months: 0,
    };
}

/// The rows of an ARP pass: a block's terms (37 a row, 19 KB) stay in the first-level cache.
const ARP_BLOCK: usize = 64;
/// The slots of one ARP row's terms, in the order of `arp`'s sum (`logistic::total` of
/// `HistoryTerms::values` then `ArpDynamicTerms::values`), two rows' terms side by side in each slot (the
/// block's rows 2k and 2k + 1), so that pass 3 loads both with one instruction.
///
/// A static row: the intercept, the four age terms, female, the offence category, the first- or second-sanction
/// flag (one slot: at most one of the two is non-zero, and they are adjacent), sanction occasions, the
/// second-sanction gap, the four offence-free-months terms, the two Copas terms (slot [`COPAS`]): slots 0–15.
/// A dynamic row, from slot 2: the same history terms but the last two offence-free-months terms (the dynamic
/// table's cubic and quartic coefficients are 0, checked when compiling, below, so both terms are always 0),
/// so that the Copas terms are at [`COPAS`] too; then the 12 answer terms before the drugs' and, when a drug
/// is used, the nine drug terms. A row writes its own slots only; pass 3 sets the rest of its pair's span to
/// +0. The four violence terms are left out: ARP's tables have none (checked when compiling, below), so each
/// is 0.
const TERM_SLOTS: usize = 37;
/// The history slots: a static row's terms.
const HISTORY_SLOTS: usize = 16;
/// The slots before the nine drug-use terms (the last answers): a dynamic row with no drug used.
const NO_DRUG_SLOTS: usize = 28;
/// The slot of the Copas term (its square next).
const COPAS: usize = 14;
/// A dynamic row's first slot (slots 0 and 1 are a static row's intercept and first age term).
const DYNAMIC_START: usize = 2;

const _: () = {
    let (s, d) = (&ARP_STATIC.history, &ARP_DYNAMIC.history);
    assert!(
        s.never_violent[0] == 0.0
            && s.never_violent[1] == 0.0
            && s.once_violent == 0.0
            && s.violent_sanctions == 0.0
            && s.violent_rate == 0.0
            && d.never_violent[0] == 0.0
            && d.never_violent[1] == 0.0
            && d.once_violent == 0.0
            && d.violent_sanctions == 0.0
            && d.violent_rate == 0.0,
        "ARP has no violence terms"
    );
    assert!(
        d.offence_free_months[2] == 0.0 && d.offence_free_months[3] == 0.0,
        "the dynamic table has no cubic or quartic offence-free-months term"
    );
    // `exact_sum_pair` starts each sum at its first slot's term: a non-zero intercept or a slot pass 3 cleared to +0.
    assert!(
        s.intercept != 0.0 && d.intercept != 0.0,
        "both intercepts non-zero"
    );
};

/// One row's terms into lane `lane` (0 or 1) of `t`, each computed as `logistic::history_terms` (career boost
/// 26, no violent sanctions) and `arp::dynamic_terms` compute it, but the Copas pair, which holds its
/// coefficients until pass 2 multiplies them by the logarithm of the returned ratio (1 when n < 3). `drugs`:
/// some drug answer of ARP's is yes (else the nine drug terms are 0, and left out). Also returns the span of
/// slots written (the first, one past the last): the row's other slots hold another row's terms, which pass 3
/// clears where the pair's span needs them.
///
/// Why leaving terms out or adding zeros keeps the sum to the bit: in `exact_sum` a step with `t = ±0` gives
/// `s = sum` (a sum of +0 and −0 is +0, and the sum starts at +0 so is never −0), `bb = 0`, and adds
/// `(sum − sum) + (t − 0) = ±0` to the compensation, which leaves it unchanged (it starts at +0 and is never −0
/// for the same reason). So each zero term is a no-op, and the sum of the slots (zeros included, in slot order)
/// is `logistic::total`'s sum of the non-zero terms in the same order.
fn arp_row_terms(
    h: &History,
    dynamic: Option<&DynamicAnswers>,
    drugs: bool,
    t: &mut [[f64; 2]; TERM_SLOTS],
    lane: usize,
) -> (f64, (usize, usize)) {
    let c = if dynamic.is_some() {
        &ARP_DYNAMIC.history
    } else {
        &ARP_STATIC.history
    };
    let sex = usize::from(h.female);
    let pick = |a: &[f64; 2]| a.get(sex).copied().unwrap_or(0.0);
    let [a1, a2, a3, a4] = logistic::poly(c.age.get(sex).unwrap_or(&[0.0; 4]), h.age_at_follow_up);
    let [o1, o2, o3, o4] = logistic::poly(&c.offence_free_months, h.ofm);
    let n = h.n;
    let gap = h.age_at_conviction - h.age_at_first_sanction;
    let three = n >= 3;
    let common = [
        c.intercept,
        a1,
        a2,
        a3,
        a4,
        if h.female { c.female } else { 0.0 },
        c.category.get(h.category).copied().unwrap_or(0.0),
        match n {
            1 => c.first_sanction,
            2 => c.second_sanction,
            _ => 0.0,
        },
        f64::from(n) * c.sanction_occasions,
        if n == 2 {
            f64::from(gap) * pick(&c.gap)
        } else {
            0.0
        },
        o1,
        o2,
    ];
    let copas = [
        if three { pick(&c.copas) } else { 0.0 },
        if three { pick(&c.copas_squared) } else { 0.0 },
    ];
    let lane = lane & 1;
    let put = |slots: &mut [[f64; 2]], values: &[f64]| {
        for (s, &v) in slots.iter_mut().zip(values) {
            if let Some(x) = s.get_mut(lane) {
                *x = v;
            }
        }
    };
    let (history, rest) = t.split_at_mut(HISTORY_SLOTS);
    let span = match dynamic {
        Some(d) => {
            if let Some(tail) = history.get_mut(DYNAMIC_START..) {
                put(tail, &common);
            }
            let end = if drugs { TERM_SLOTS } else { NO_DRUG_SLOTS };
            let answers = arp_answer_terms(d, drugs);
            put(rest, answers.get(..end - HISTORY_SLOTS).unwrap_or(&answers));
            (DYNAMIC_START, end)
        }
        None => {
            let (head, tail) = history.split_at_mut(common.len());
            put(head, &common);
            put(tail, &[o3, o4]);
            (0, HISTORY_SLOTS)
        }
    };
    if let Some(cp) = history.get_mut(COPAS..) {
        put(cp, &copas);
    }
    let ratio = if three {
        f64::from(n) / f64::from(gap + 26)
    } else {
        1.0
    };
    (ratio, span)
}

/// No slots: a refused row's span (and a missing second row's).
const NO_SPAN: (usize, usize) = (TERM_SLOTS, 0);

/// Lane `lane` of the slots `range` of `t` set to +0.
fn clear_lane(t: &mut [[f64; 2]; TERM_SLOTS], lane: usize, range: std::ops::Range<usize>) {
    for s in t.get_mut(range).unwrap_or_default() {
        if let Some(x) = s.get_mut(lane & 1) {
            *x = 0.0;
        }
    }
}

/// One TwoSum step of `exact_sum` in each of the two lanes.
#[inline(always)]
fn two_sum_step(s: &mut [f64; 2], c: &mut [f64; 2], t: [f64; 2]) {
    let ([sa, sb], [ca, cb], [ta, tb]) = (*s, *c, t);
    let (na, nb) = (sa + ta, sb + tb);
    let (ba, bb) = (na - sa, nb - sb);
    *c = [
        ca + ((sa - (na - ba)) + (ta - ba)),
        cb + ((sb - (nb - bb)) + (tb - bb)),
    ];
    *s = [na, nb];
}

/// `exact_sum` of slots `from..to` of two rows (the two lanes of `t`), the steps of the two interleaved: each
/// row's sum, to the bit, as `exact_sum` gives it, while the processor overlaps the two chains of dependent
/// additions. The sum starts at the first slot's term (a step from +0 gives that term and a compensation of +0
/// exactly, when the term is not −0: a non-zero intercept or a cleared +0 slot) and goes two slots a loop.
fn exact_sum_pair(t: &[[f64; 2]; TERM_SLOTS], from: usize, to: usize) -> [f64; 2] {
    let Some((&first, rest)) = t.get(from..to).and_then(|r| r.split_first()) else {
        return [0.0; 2];
    };
    let (mut s, mut c) = (first, [0.0f64; 2]);
    let mut twos = rest.chunks_exact(2);
    for two in &mut twos {
        if let [x, y] = two {
            two_sum_step(&mut s, &mut c, *x);
            two_sum_step(&mut s, &mut c, *y);
        }
    }
    for &x in twos.remainder() {
        two_sum_step(&mut s, &mut c, x);
    }
    let ([sa, sb], [ca, cb]) = (s, c);
    [sa + ca, sb + cb]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The day-number calendar equals chrono's on every day from 1600 to 2400 and on day numbers near the ends
    /// of chrono's range: months, day, month length and the computational-calendar key.
    #[test]
    fn civil_as_chrono() {
        let check = |d: NaiveDate| {
            let c = Civil::of(day_number(d));
            let months = i64::from(d.year()) * 12 + i64::from(d.month0());
            let last = (28..=31)
                .rev()
                .find(|&k| d.with_day(k).is_some())
                .unwrap_or(0);
            assert_eq!(
                (c.months, c.day, c.month_length()),
                (months, d.day(), last),
                "{d}"
            );
            let early = d.month() <= 2;
            let (year, month) = (
                i64::from(d.year()) - i64::from(early),
                i64::from(d.month()) + 12 * i64::from(early),
            );
            assert_eq!(c.key, year * 512 + month * 32 + i64::from(d.day()), "{d}");
        };
        let start = NaiveDate::from_ymd_opt(1600, 1, 1).unwrap_or_default();
        let end = NaiveDate::from_ymd_opt(2400, 12, 31).unwrap_or_default();
        for d in start.iter_days().take_while(|d| *d <= end) {
            check(d);
        }
        for d in NaiveDate::MIN.iter_days().take(800) {
            check(d);
        }
        for d in NaiveDate::MAX.iter_days().rev().take(800) {
            check(d);
        }
        // Every i32 converts without overflow, in order.
        assert!(
            Civil::of(i32::MIN).key < Civil::of(0).key
                && Civil::of(0).key < Civil::of(i32::MAX).key
        );
        assert_eq!(
            day_number(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()),
            0
        );
    }

    /// [`years_after`] equals the key difference for every birth day of a leap cycle and every 13th from 1896 to
    /// 2104: at ages 1–130 in steps of 3, on every day from a few before the birthday to past the day-count
    /// bound (365·n + ⌈n/4⌉), so both sides of the birthday and of the bound; on the days just after each
    /// birth; and near the ends of `i32`.
    #[test]
    fn years_after_as_keys() {
        let keys = |b: i32, d: i32| ((Civil::of(d).key - Civil::of(b).key) >> 9) as u32;
        let start = day_number(NaiveDate::from_ymd_opt(1896, 1, 1).unwrap_or_default());
        let end = day_number(NaiveDate::from_ymd_opt(2104, 12, 31).unwrap_or_default());
        // Every birth day of a 4-year leap cycle, and every 13th day of the range (across 1900 and 2100, which
        // are not leap years).
        let cycle = day_number(NaiveDate::from_ymd_opt(1999, 1, 1).unwrap_or_default());
        let births = (cycle..cycle + 1461).chain((start..=end).step_by(13));
        for b in births {
            for d in b + 1..b + 40 {
                assert_eq!(years_after(b, d), keys(b, d), "{b} {d}");
            }
            for n in (1..=130).step_by(3) {
                let near = b + 365 * n + n / 4;
                for d in near - 3 - n / 100..=near + 3 + (n + 3) / 4 {
                    assert_eq!(years_after(b, d), keys(b, d), "{b} {d}");
                }
            }
        }
        for (b, d) in [
            (i32::MIN, i32::MAX),
            (i32::MIN, 0),
            (0, i32::MAX),
            (i32::MAX - 1, i32::MAX),
            (i32::MIN, i32::MIN + 1),
        ] {
            assert_eq!(years_after(b, d), keys(b, d), "{b} {d}");
        }
    }
}
