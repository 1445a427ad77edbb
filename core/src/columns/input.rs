//! [`Columns`]: borrowed, checked input columns (typed slices of one length), and the reference rows built from
//! them for the per-case engines.

use chrono::NaiveDate;

use super::error::ColumnError;
use super::spec::{
    COMPLEXITY, INPUTS, Input, Kind, NEEDS, NO_CODE, NO_DATE, PREDICTOR_BANDS, PREDICTOR_KINDS,
    ROSH,
};
use crate::allocation::AllocationFacts;
use crate::model::{
    CrcArea, MappaCategory, MappaLevel, NeedSeverity, Predictor, PredictorBand, PredictorKind,
    RoshLevel,
};
use crate::tier::{ComplexityFactor, ComplexityFactors, TierInputs};
use crate::tier2026::Tier2026Inputs;

/// 1970-01-01 as days from the Common Era (chrono's `num_days_from_ce`).
const EPOCH_CE: i32 = 719_163;

/// One column's values.
#[derive(Debug, Clone, Copy)]
pub enum Data<'a> {
    /// A [`Kind::Date`] column.
    Date(&'a [i32]),
    /// A [`Kind::F64`] column.
    F64(&'a [f64]),
    /// A [`Kind::Bool`], [`Kind::U8`] or [`Kind::Cat`] column.
    U8(&'a [u8]),
}

impl Data<'_> {
    fn len(&self) -> usize {
        match self {
            Data::Date(v) => v.len(),
            Data::F64(v) => v.len(),
            Data::U8(v) => v.len(),
        }
    }
}

/// The input columns of one table: each given column checked for its kind, length and values; absent columns
/// read as missing / false / 0.
#[derive(Debug, Clone)]
pub struct Columns<'a> {
    n: usize,
    on_default: Option<i32>,
    data: Vec<Option<Data<'a>>>,
    zeros: Vec<u8>,
    no_codes: Vec<u8>,
    nans: Vec<f64>,
    no_dates: Vec<i32>,
}

/// Days since 1970-01-01 of `d`.
pub fn days(d: NaiveDate) -> i32 {
    use chrono::Datelike;
    d.num_days_from_ce() - EPOCH_CE
}

/// The date of `v` days since 1970-01-01; `None` for [`NO_DATE`] or outside chrono's range.
pub fn date(v: i32) -> Option<NaiveDate> {
    if v == NO_DATE {
        return None;
    }
    v.checked_add(EPOCH_CE)
        .and_then(NaiveDate::from_num_days_from_ce_opt)
}

impl<'a> Columns<'a> {
    /// A table of `n` rows with no columns yet; `on_default` is the date of rows whose `on` is missing.
    pub fn new(n: usize, on_default: Option<NaiveDate>) -> Self {
        Columns {
            n,
            on_default: on_default.map(days),
            data: vec![None; INPUTS.len()],
            zeros: Vec::new(),
            no_codes: Vec::new(),
            nans: Vec::new(),
            no_dates: Vec::new(),
        }
    }

    /// The number of rows.
    pub const fn len(&self) -> usize {
        self.n
    }

    /// True when the table has no rows.
    pub const fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// True when the column was given.
    pub fn has(&self, c: Input) -> bool {
        self.data.get(c.index()).is_some_and(Option::is_some)
    }

    /// Sets column `c`.
    ///
    /// # Errors
    /// [`ColumnError`] naming the column when the data's type or length is wrong, a `u8` value is above the
    /// column's maximum, a category code has no category, or a date is outside chrono's range.
    pub fn set(&mut self, c: Input, data: Data<'a>) -> Result<(), ColumnError> {
        let name = c.name();
        if data.len() != self.n {
            return Err(ColumnError::new(name, "has the wrong length"));
        }
        let bad = |what| ColumnError::new(name, what);
        match (c.kind(), data) {
            (Kind::Date, Data::Date(v)) => {
                // chrono's range in days since 1970 (a range check per row, not a date built per row).
                let range = days(NaiveDate::MIN)..=days(NaiveDate::MAX);
                // A fold with no early exit (vectorised), then the row looked for only when there is one.
                let out = |d: &i32| *d != NO_DATE && !range.contains(d);
                if v.iter().fold(false, |b, d| b | out(d))
                    && let Some(i) = v.iter().position(out)
                {
                    return Err(bad("date out of range").at(i));
                }
            }
            (Kind::F64, Data::F64(_)) | (Kind::Bool, Data::U8(_)) => {}
            (Kind::U8 { max }, Data::U8(v)) => {
                if v.iter().fold(false, |b, x| b | (*x > max)) {
                    return Err(bad(match max {
                        2 => "values must be 0 to 2",
                        3 => "values must be 0 to 3",
                        _ => "values must be 0 to 4",
                    }));
                }
            }
            (Kind::Cat(cats), Data::U8(v)) => {
                let count = cats.names().len();
                let out = |x: &u8| *x != NO_CODE && usize::from(*x) >= count;
                if v.iter().fold(false, |b, x| b | out(x))
                    && let Some(i) = v.iter().position(out)
                {
                    return Err(bad("category code out of range").at(i));
                }
            }
            _ => return Err(bad("has the wrong type")),
        }
        if let Some(slot) = self.data.get_mut(c.index()) {
            *slot = Some(data);
        }
        Ok(())
    }

    /// Fills the defaults absent columns read (call once, after the last [`Self::set`]); only those some absent
    /// column that `read` says is read needs, so a table with every read column given allocates none (a column
    /// not read returns an empty slice).
    pub(crate) fn fill_defaults(&mut self, read: impl Fn(Input) -> bool) {
        let absent = |want: fn(Kind) -> bool| {
            INPUTS
                .iter()
                .any(|(c, _, k)| want(*k) && read(*c) && !self.has(*c))
        };
        let n = self.n;
        let (zeros, codes, nans, dates) = (
            absent(|k| matches!(k, Kind::Bool | Kind::U8 { .. })),
            absent(|k| matches!(k, Kind::Cat(_))),
            absent(|k| k == Kind::F64),
            absent(|k| k == Kind::Date),
        );
        if zeros {
            self.zeros = vec![0; n];
        }
        if codes {
            self.no_codes = vec![NO_CODE; n];
        }
        if nans {
            self.nans = vec![f64::NAN; n];
        }
        if dates {
            self.no_dates = vec![NO_DATE; n];
        }
    }

    fn get(&self, c: Input) -> Option<Data<'a>> {
        self.data.get(c.index()).copied().flatten()
    }

    /// A `u8` column (bool, u8 or category codes); absent: zeros, or [`NO_CODE`] for categories.
    pub(crate) fn u8s(&self, c: Input) -> &[u8] {
        match self.get(c) {
            Some(Data::U8(v)) => v,
            _ if matches!(c.kind(), Kind::Cat(_)) => &self.no_codes,
            _ => &self.zeros,
        }
    }

    /// An `f64` column; absent: NaN.
    pub(crate) fn f64s(&self, c: Input) -> &[f64] {
        match self.get(c) {
            Some(Data::F64(v)) => v,
            _ => &self.nans,
        }
    }

    /// A date column; absent: [`NO_DATE`].
    pub(crate) fn dates(&self, c: Input) -> &[i32] {
        match self.get(c) {
            Some(Data::Date(v)) => v,
            _ => &self.no_dates,
        }
    }

    /// The `on` of each row, the default where missing; the first row with neither is an error.
    pub(crate) fn on(&self) -> Result<Vec<i32>, ColumnError> {
        let given = self.get(Input::On).is_some();
        match (given, self.on_default) {
            (false, Some(d)) => Ok(vec![d; self.n]),
            (false, None) => Err(ColumnError::new("on", "required (or give `on=`)")),
            (true, default) => {
                let on = self.dates(Input::On);
                let mut out = Vec::with_capacity(self.n);
                for (i, d) in on.iter().enumerate() {
                    match (*d, default) {
                        (NO_DATE, Some(d)) => out.push(d),
                        (NO_DATE, None) => {
                            return Err(ColumnError::new(
                                "on",
                                "missing date (give `on=` for a default)",
                            )
                            .at(i));
                        }
                        (d, _) => out.push(d),
                    }
                }
                Ok(out)
            }
        }
    }

    // ---- Reference rows: core's flat inputs of row `i`, for the per-case engines. ----

    fn flag(&self, c: Input, i: usize) -> bool {
        self.u8s(c).get(i).is_some_and(|v| *v != 0)
    }

    fn byte(&self, c: Input, i: usize) -> u8 {
        self.u8s(c).get(i).copied().unwrap_or(0)
    }

    fn code(&self, c: Input, i: usize) -> Option<usize> {
        self.u8s(c)
            .get(i)
            .filter(|v| **v != NO_CODE)
            .map(|v| usize::from(*v))
    }

    fn score(&self, c: Input, i: usize) -> Option<f64> {
        self.f64s(c).get(i).copied().filter(|v| !v.is_nan())
    }

    fn day(&self, c: Input, i: usize) -> Option<NaiveDate> {
        self.dates(c).get(i).copied().and_then(date)
    }

    fn rosh(&self, c: Input, i: usize) -> Option<RoshLevel> {
        self.code(c, i).and_then(|k| ROSH.get(k)).map(|(_, r)| *r)
    }

    fn kind(&self, c: Input, i: usize) -> Option<PredictorKind> {
        self.code(c, i)
            .and_then(|k| PREDICTOR_KINDS.get(k))
            .map(|(_, r)| *r)
    }

    fn band(&self, c: Input, i: usize) -> Option<PredictorBand> {
        self.code(c, i)
            .and_then(|k| PREDICTOR_BANDS.get(k))
            .map(|(_, r)| *r)
    }

    /// The date row `i` is read on (`None` when it has none and there is no default).
    pub fn row_on(&self, i: usize) -> Option<NaiveDate> {
        self.day(Input::On, i)
            .or_else(|| self.on_default.and_then(date))
    }

    /// Row `i`'s allocation facts (`None` without a date or a home area).
    pub fn allocation_facts(&self, i: usize) -> Option<AllocationFacts> {
        Some(AllocationFacts {
            on: self.row_on(i)?,
            home_area: self
                .code(Input::HomeArea, i)
                .and_then(|k| CrcArea::ALL.get(k))
                .copied()?,
            mappa_eligible: self.flag(Input::MappaEligible, i),
            assessed_rosh: self.rosh(Input::AssessedRosh, i),
            registered_rosh: self.rosh(Input::RegisteredRosh, i),
            foreign_national_liable_to_deportation: self.flag(Input::ForeignNational, i),
            public_interest: self.flag(Input::PublicInterest, i),
            terrorism: self.flag(Input::Terrorism, i),
            rsr: self.score(Input::Rsr, i),
            sentence_date: self.day(Input::SentenceDate, i),
        })
    }

    fn tier_rsr(&self, i: usize) -> Option<f64> {
        self.score(
            if self.has(Input::TierRsr) {
                Input::TierRsr
            } else {
                Input::Rsr
            },
            i,
        )
    }

    fn tier_rosh(&self, i: usize) -> Option<RoshLevel> {
        self.rosh(
            if self.has(Input::TierRosh) {
                Input::TierRosh
            } else {
                Input::RegisteredRosh
            },
            i,
        )
    }

    fn mappa_category(&self, i: usize) -> Option<MappaCategory> {
        match self.byte(Input::MappaCategory, i) {
            1 => Some(MappaCategory::M1),
            2 => Some(MappaCategory::M2),
            3 => Some(MappaCategory::M3),
            4 => Some(MappaCategory::M4),
            _ => None,
        }
    }

    /// Row `i`'s 2021 tier inputs (`None` without a date).
    pub fn tier_inputs(&self, i: usize) -> Option<TierInputs> {
        let mut t = TierInputs::empty(self.row_on(i)?);
        t.female = self.flag(Input::Female, i);
        t.rsr = self.tier_rsr(i);
        t.ogrs = self.score(Input::Ogrs, i);
        t.rosh = self.tier_rosh(i);
        t.mappa_category = self.mappa_category(i);
        t.mappa_level = match self.byte(Input::MappaLevel, i) {
            1 => Some(MappaLevel::M1),
            2 => Some(MappaLevel::M2),
            3 => Some(MappaLevel::M3),
            _ => None,
        };
        t.complexity = COMPLEXITY
            .iter()
            .zip(ComplexityFactor::ALL)
            .filter(|(c, _)| self.flag(**c, i))
            .map(|(_, f)| f)
            .collect::<ComplexityFactors>();
        t.parenting_responsibilities = self.flag(Input::Parenting, i);
        t.impulsivity_or_temper = self.flag(Input::Impulsivity, i);
        t.breach_or_recall_last_12_months = self.flag(Input::Breach, i);
        t.iom = self.flag(Input::Iom, i);
        t.unsupervised = self.flag(Input::Unsupervised, i);
        t.has_mandate = self.flag(Input::HasMandate, i);
        t.has_assessment = self.flag(Input::HasAssessment, i);
        for (slot, c) in t.needs.iter_mut().zip(NEEDS) {
            *slot = match self.byte(c, i) {
                2 => NeedSeverity::Severe,
                1 => NeedSeverity::Standard,
                _ => NeedSeverity::NoNeed,
            };
        }
        Some(t)
    }

    /// Row `i`'s 2026 tier inputs (`None` without a date).
    pub fn tier_2026_inputs(&self, i: usize) -> Option<Tier2026Inputs> {
        let predictor =
            |score: Option<f64>, kind, band| score.map(|score| Predictor { score, kind, band });
        let mut u = Tier2026Inputs::empty(self.row_on(i)?);
        u.active_event = self.flag(Input::ActiveEvent, i);
        u.arp = predictor(
            self.score(Input::Arp, i),
            self.kind(Input::ArpKind, i),
            None,
        );
        u.csrp = predictor(
            self.score(Input::Csrp, i),
            self.kind(Input::CsrpKind, i),
            None,
        );
        u.dc_srp = predictor(
            self.score(Input::DcSrp, i),
            None,
            self.band(Input::DcSrpBand, i),
        );
        u.rosh = self.tier_rosh(i);
        u.mappa_category = self.mappa_category(i);
        u.lifer = self.flag(Input::Lifer, i);
        u.latest_release = self.day(Input::LatestRelease, i);
        u.domestic_abuse = self.flag(Input::DomesticAbuse, i);
        u.stalking = self.flag(Input::Stalking, i);
        u.child_protection = self.flag(Input::ChildProtection, i);
        u.sexual_offence = self.flag(Input::SexualOffence, i);
        Some(u)
    }
}
