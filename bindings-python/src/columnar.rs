//! The columnar API's native half: fixed-width columns (raw little-endian bytes) in, core's flat
//! [`AllocationFacts`] and [`TierInputs`] built row by row, core's pure engines run with the GIL released,
//! fixed-width columns out. The tier columns feed both the 2021 tier ([`TierInputs`]) and the 2026 tier
//! ([`Tier2026Inputs`]): one column per fact, read by both where both read it (`registered_rosh`, the `RCPR`
//! column `child_protection`). The Python half (`probation/_columnar.py`) turns pandas / pyarrow columns into these
//! bytes and back, and documents the columns (docs/python.md).
//!
//! Encodings (one value per row): `bool` u8 0/1; `f64` little-endian, NaN = missing; `u8`; `date` i32 days
//! since 1970-01-01, `i32::MIN` = missing; `cat` i32 code into a list of category strings, -1 = missing.

use std::collections::HashMap;

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};

use probation_core::allocation::{self, AllocationFacts, AllocationPolicy};
use probation_core::model::{
    CrcArea, MappaCategory, MappaLevel, NeedSeverity, Predictor, PredictorBand, PredictorKind,
    Provider, RoshLevel,
};
use probation_core::tier::{self as core_tier, ComplexityFactor, ComplexityFactors, TierInputs};
use probation_core::tier2026::{self, Tier2026Code, Tier2026Inputs};

use crate::allocation::facts;
use crate::calendar::{PyCalendar, calendar_arg};
use crate::case::PyCase;
use crate::convert::date_arg;
use crate::errors::Error;
use crate::guard::guard;
use crate::policy::allocation_policy;

/// Missing date.
pub(crate) const NO_DATE: i32 = i32::MIN;
/// 1970-01-01 as days from the Common Era (chrono's `num_days_from_ce`).
pub(crate) const EPOCH_CE: i32 = 719_163;

/// The complexity-factor columns, in [`ComplexityFactor::ALL`] order.
const COMPLEXITY: [(&str, ComplexityFactor); 10] = [
    ("mental_health", ComplexityFactor::MentalHealth),
    ("self_harm", ComplexityFactor::SelfHarm),
    ("vulnerability", ComplexityFactor::Vulnerability),
    ("child_concerns", ComplexityFactor::ChildConcerns),
    ("risk_to_children", ComplexityFactor::RiskToChildren),
    ("child_protection", ComplexityFactor::ChildProtection),
    ("public_interest", ComplexityFactor::PublicInterest),
    ("adult_at_risk", ComplexityFactor::AdultAtRisk),
    ("street_gangs", ComplexityFactor::StreetGangs),
    ("terrorism", ComplexityFactor::Terrorism),
];

/// The need columns, `need_<area>`, in [`NeedArea::ALL`] order.
const NEEDS: [&str; 10] = [
    "need_accommodation",
    "need_education_training_employability",
    "need_relationships",
    "need_lifestyle_associates",
    "need_drug_misuse",
    "need_alcohol_misuse",
    "need_thinking_behaviour",
    "need_attitudes",
    "need_financial_management",
    "need_emotional_wellbeing",
];

const ROSH: [(&str, RoshLevel); 4] = [
    ("low", RoshLevel::Low),
    ("medium", RoshLevel::Medium),
    ("high", RoshLevel::High),
    ("very_high", RoshLevel::VeryHigh),
];

/// Every provider, in the order of the `provider` output's categories.
fn providers() -> Vec<Provider> {
    let mut v = vec![Provider::ProbationTrust];
    v.extend(
        probation_core::model::NpsDivision::ALL
            .iter()
            .map(|d| Provider::Nps(*d)),
    );
    v.extend(CrcArea::ALL.iter().map(|c| Provider::Crc(*c)));
    v.push(Provider::ProbationService);
    v
}

/// The `arp_kind` / `csrp_kind` categories.
const PREDICTOR_KINDS: [(&str, PredictorKind); 2] = [
    ("static", PredictorKind::Static),
    ("dynamic", PredictorKind::Dynamic),
];

/// The `dc_srp_band` categories.
const PREDICTOR_BANDS: [(&str, PredictorBand); 5] = [
    ("not_applicable", PredictorBand::NotApplicable),
    ("low", PredictorBand::Low),
    ("medium", PredictorBand::Medium),
    ("high", PredictorBand::High),
    ("very_high", PredictorBand::VeryHigh),
];

/// The `mappa_category` column: 0 none, 1–4 the category.
const MAPPA_CATEGORIES: [MappaCategory; 4] = [
    MappaCategory::M1,
    MappaCategory::M2,
    MappaCategory::M3,
    MappaCategory::M4,
];

/// The `tier_2026` output's categories, in code order.
const TIER_2026_NAMES: [&str; 9] = [
    "not_supervised",
    "missing",
    "A",
    "B",
    "C",
    "D",
    "E",
    "F",
    "G",
];

fn tier_2026_index(code: Tier2026Code) -> u8 {
    let name = code.as_str();
    let i = TIER_2026_NAMES.iter().position(|n| *n == name);
    i.and_then(|i| u8::try_from(i).ok()).unwrap_or(u8::MAX)
}

fn provider_index(p: Provider) -> u8 {
    let i = match p {
        Provider::ProbationTrust => 0,
        Provider::Nps(d) => 1 + d as usize,
        Provider::Crc(c) => 8 + c as usize,
        Provider::ProbationService => 29,
    };
    u8::try_from(i).unwrap_or(u8::MAX)
}

/// Tier strings in the order of the `tier` output's categories: `A0`..`D3`, then `A0S`..`D3S`.
fn tier_names() -> Vec<String> {
    let mut v = Vec::with_capacity(32);
    for s in ["", "S"] {
        for l in ['A', 'B', 'C', 'D'] {
            for d in 0..4 {
                v.push(format!("{l}{d}{s}"));
            }
        }
    }
    v
}

pub(crate) fn column_error(column: &str, message: impl std::fmt::Display) -> Error {
    Error::Input {
        path: column.to_owned(),
        message: format!("column `{column}`: {message}"),
    }
}

/// Borrowed input columns, checked for length.
pub(crate) struct Columns<'a> {
    pub(crate) n: usize,
    bytes: HashMap<String, &'a [u8]>,
    cats: HashMap<String, Vec<Option<String>>>,
}

/// A fixed-width column read row by row (absent columns read as their default).
#[derive(Clone, Copy)]
pub(crate) struct Col<'a>(pub(crate) Option<&'a [u8]>);

impl Col<'_> {
    pub(crate) fn bool(self, i: usize) -> bool {
        self.0.and_then(|b| b.get(i)).is_some_and(|v| *v != 0)
    }
    pub(crate) fn u8(self, i: usize) -> u8 {
        self.0.and_then(|b| b.get(i)).copied().unwrap_or(0)
    }
    fn word<const N: usize>(self, i: usize) -> Option<[u8; N]> {
        self.0
            .and_then(|b| b.get(i * N..i * N + N))
            .and_then(|w| w.try_into().ok())
    }
    pub(crate) fn f64(self, i: usize) -> Option<f64> {
        self.word::<8>(i)
            .map(f64::from_le_bytes)
            .filter(|v| !v.is_nan())
    }
    pub(crate) fn i32(self, i: usize) -> Option<i32> {
        self.word::<4>(i).map(i32::from_le_bytes)
    }
    /// A date; `Err(())` for a value outside chrono's range.
    pub(crate) fn date(self, i: usize) -> Result<Option<NaiveDate>, ()> {
        match self.i32(i) {
            None | Some(NO_DATE) => Ok(None),
            Some(v) => v
                .checked_add(EPOCH_CE)
                .and_then(NaiveDate::from_num_days_from_ce_opt)
                .map(Some)
                .ok_or(()),
        }
    }
}

/// A categorical column: codes, and the value of each category.
pub(crate) struct Cat<'a, T> {
    pub(crate) codes: Col<'a>,
    table: Vec<Option<T>>,
}

impl<T: Clone> Cat<'_, T> {
    /// The row's value; `Err(())` for a code with no category.
    pub(crate) fn get(&self, i: usize) -> Result<Option<T>, ()> {
        match self.codes.i32(i) {
            None => Ok(None),
            Some(c) if c < 0 => Ok(None),
            Some(c) => usize::try_from(c)
                .ok()
                .and_then(|c| self.table.get(c).cloned())
                .ok_or(()),
        }
    }
}

/// The column bytes of a `{name: bytes}` dict, held for the call.
pub(crate) fn held_columns<'py>(
    columns: &Bound<'py, PyDict>,
) -> PyResult<Vec<(String, Bound<'py, PyBytes>)>> {
    let mut held = Vec::new();
    for (k, v) in columns.iter() {
        let name: String = k.extract()?;
        let b = v
            .cast_into::<PyBytes>()
            .map_err(|_| pyo3::exceptions::PyTypeError::new_err("column data must be bytes"))?;
        held.push((name, b));
    }
    Ok(held)
}

impl<'a> Columns<'a> {
    /// The columns of `held` (`n` rows each) and the category lists of `categories`.
    pub(crate) fn new(
        n: usize,
        held: &'a [(String, Bound<'_, PyBytes>)],
        categories: &Bound<'_, PyDict>,
    ) -> PyResult<Self> {
        let mut bytes = HashMap::new();
        for (name, b) in held {
            bytes.insert(name.clone(), b.as_bytes());
        }
        let mut cats = HashMap::new();
        for (k, v) in categories.iter() {
            cats.insert(k.extract::<String>()?, v.extract::<Vec<Option<String>>>()?);
        }
        Ok(Columns { n, bytes, cats })
    }

    pub(crate) fn col(&self, name: &str, width: usize) -> Result<Col<'a>, Error> {
        match self.bytes.get(name) {
            None => Ok(Col(None)),
            Some(b) if b.len() == self.n * width => Ok(Col(Some(b))),
            Some(_) => Err(column_error(
                name,
                format!("expected {width} byte(s) per row"),
            )),
        }
    }

    pub(crate) fn u8s(&self, name: &str, max: u8) -> Result<Col<'a>, Error> {
        let c = self.col(name, 1)?;
        if c.0.is_some_and(|b| b.iter().any(|v| *v > max)) {
            return Err(column_error(name, format!("values must be 0 to {max}")));
        }
        Ok(c)
    }

    pub(crate) fn cat<T: Clone>(
        &self,
        name: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Result<Cat<'a, T>, Error> {
        let codes = self.col(name, 4)?;
        let names = self.cats.get(name).map(Vec::as_slice).unwrap_or(&[]);
        let table = names
            .iter()
            .map(|c| match c {
                None => Ok(None),
                Some(s) => parse(s)
                    .map(Some)
                    .ok_or_else(|| column_error(name, "unknown code")),
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Cat { codes, table })
    }
}

fn rosh_from(s: &str) -> Option<RoshLevel> {
    ROSH.iter().find(|(k, _)| *k == s).map(|(_, v)| *v)
}

fn kind_from(s: &str) -> Option<PredictorKind> {
    PREDICTOR_KINDS
        .iter()
        .find(|(k, _)| *k == s)
        .map(|(_, v)| *v)
}

fn band_from(s: &str) -> Option<PredictorBand> {
    PREDICTOR_BANDS
        .iter()
        .find(|(k, _)| *k == s)
        .map(|(_, v)| *v)
}

fn mappa_category_from(v: u8) -> Option<MappaCategory> {
    MAPPA_CATEGORIES
        .get(usize::from(v).checked_sub(1)?)
        .copied()
}

fn mappa_category_code(c: Option<MappaCategory>) -> u8 {
    c.and_then(|c| MAPPA_CATEGORIES.iter().position(|m| *m == c))
        .and_then(|i| u8::try_from(i + 1).ok())
        .unwrap_or(0)
}

/// A predictor from its score column and, when given, its kind or band.
fn predictor(
    score: Option<f64>,
    kind: Option<PredictorKind>,
    band: Option<PredictorBand>,
) -> Option<Predictor> {
    score.map(|score| Predictor { score, kind, band })
}

/// The column a 2026-tier error names: `arp.score` → `arp` (the score column).
fn tier_2026_column(e: Error) -> Error {
    match e {
        Error::Rule {
            kind,
            code,
            path,
            message,
        } => Error::Rule {
            kind,
            code,
            path: path.strip_suffix(".score").unwrap_or(&path).to_owned(),
            message,
        },
        other => other,
    }
}

/// Output columns.
#[derive(Default)]
struct Out {
    provider: Vec<u8>,
    deadline: Vec<i32>,
    tier: Vec<u8>,
    protect_points: Vec<u32>,
    change_points: Vec<u32>,
    tier_2026: Vec<u8>,
    provisional: Vec<u8>,
}

fn days(d: Option<NaiveDate>) -> i32 {
    use chrono::Datelike;
    d.map_or(NO_DATE, |d| d.num_days_from_ce() - EPOCH_CE)
}

fn row_error(i: usize, e: Error) -> Error {
    match e {
        Error::Rule {
            kind,
            code,
            path,
            message,
        } => Error::Rule {
            kind,
            code,
            message: format!("row {i}: {message}"),
            path,
        },
        Error::Calendar(m) => Error::Calendar(format!("row {i}: {m}")),
        Error::Input { path, message } => Error::Input {
            message: format!("row {i}: {message}"),
            path,
        },
        other => other,
    }
}

/// Builds core's flat inputs row by row from the columns and runs core's engines on them: one pass, no
/// per-row allocation in the binding.
fn run(
    c: &Columns<'_>,
    on_default: Option<NaiveDate>,
    policy: &AllocationPolicy,
    cal: &probation_core::calendar::Calendar,
    want_alloc: bool,
    want_tier: bool,
) -> Result<Out, Error> {
    let n = c.n;
    let on_col = c.col("on", 4)?;
    if on_col.0.is_none() && on_default.is_none() {
        return Err(column_error("on", "required (or give `on=`)"));
    }
    let rsr = c.col("rsr", 8)?;
    let registered_rosh = c.cat("registered_rosh", rosh_from)?;
    let public_interest = c.col("public_interest", 1)?;
    let terrorism = c.col("terrorism", 1)?;
    // Allocation columns.
    let home = c.cat("home_area", CrcArea::from_code)?;
    if want_alloc && home.codes.0.is_none() {
        return Err(column_error("home_area", "required"));
    }
    let mappa = c.col("mappa_eligible", 1)?;
    let assessed = c.cat("assessed_rosh", rosh_from)?;
    let foreign = c.col("foreign_national_liable_to_deportation", 1)?;
    let sentence = c.col("sentence_date", 4)?;
    // Tier columns.
    let female = c.col("female", 1)?;
    let ogrs = c.col("ogrs", 8)?;
    let mappa_level = c.u8s("mappa_level", 3)?;
    let flags = COMPLEXITY
        .iter()
        .map(|(name, f)| Ok((c.col(name, 1)?, *f)))
        .collect::<Result<Vec<_>, Error>>()?;
    let needs = NEEDS
        .iter()
        .map(|name| c.u8s(name, 2))
        .collect::<Result<Vec<_>, _>>()?;
    let parenting = c.col("parenting_responsibilities", 1)?;
    let impulsivity = c.col("impulsivity_or_temper", 1)?;
    let breach = c.col("breach_or_recall_last_12_months", 1)?;
    let iom = c.col("iom", 1)?;
    let unsupervised = c.col("unsupervised", 1)?;
    let mandate = c.col("has_mandate", 1)?;
    let assessment = c.col("has_assessment", 1)?;
    // The RSR and RoSH the tiers read (TierInputs / Tier2026Inputs): when a table has no such column, the
    // allocation's `rsr` / `registered_rosh`.
    let tier_rsr = match c.col("tier_rsr", 8)? {
        Col(None) => rsr,
        col => col,
    };
    let tier_rosh = c.cat("tier_rosh", rosh_from)?;
    let tier_rosh_given = tier_rosh.codes.0.is_some();
    // 2026 tier columns (the RCPR column child_protection is shared with the 2021 tier).
    let mappa_category = c.u8s("mappa_category", 4)?;
    let active_event = c.col("active_event", 1)?;
    let arp = c.col("arp", 8)?;
    let arp_kind = c.cat("arp_kind", kind_from)?;
    let csrp = c.col("csrp", 8)?;
    let csrp_kind = c.cat("csrp_kind", kind_from)?;
    let dc_srp = c.col("dc_srp", 8)?;
    let dc_srp_band = c.cat("dc_srp_band", band_from)?;
    let lifer = c.col("lifer", 1)?;
    let latest_release = c.col("latest_release", 4)?;
    let domestic_abuse = c.col("domestic_abuse", 1)?;
    let stalking = c.col("stalking", 1)?;
    let child_protection = c.col("child_protection", 1)?;
    let sexual_offence = c.col("sexual_offence", 1)?;

    let bad = |name: &str, i: usize, what: &str| column_error(name, format!("{what} at row {i}"));
    let mut out = Out::default();
    if want_alloc {
        out.provider.reserve(n);
        out.deadline.reserve(n);
    }
    if want_tier {
        out.tier.reserve(n);
        out.protect_points.reserve(n);
        out.change_points.reserve(n);
        out.tier_2026.reserve(n);
        out.provisional.reserve(n);
    }
    for i in 0..n {
        let on = on_col
            .date(i)
            .map_err(|()| bad("on", i, "date out of range"))?
            .or(on_default)
            .ok_or_else(|| bad("on", i, "missing date (give `on=` for a default)"))?;
        let registered = registered_rosh
            .get(i)
            .map_err(|()| bad("registered_rosh", i, "category code out of range"))?;
        if want_alloc {
            let facts = AllocationFacts {
                on,
                home_area: home
                    .get(i)
                    .map_err(|()| bad("home_area", i, "category code out of range"))?
                    .ok_or_else(|| bad("home_area", i, "missing value"))?,
                mappa_eligible: mappa.bool(i),
                assessed_rosh: assessed
                    .get(i)
                    .map_err(|()| bad("assessed_rosh", i, "category code out of range"))?,
                registered_rosh: registered,
                foreign_national_liable_to_deportation: foreign.bool(i),
                public_interest: public_interest.bool(i),
                terrorism: terrorism.bool(i),
                rsr: rsr.f64(i),
                sentence_date: sentence
                    .date(i)
                    .map_err(|()| bad("sentence_date", i, "date out of range"))?,
            };
            let a = allocation::allocate_facts(&facts, policy, cal)
                .map_err(|e| row_error(i, Error::from(e)))?;
            out.provider.push(provider_index(a.provider));
            out.deadline.push(days(a.deadline));
        }
        if want_tier {
            let mut t = TierInputs::empty(on);
            t.female = female.bool(i);
            t.rsr = tier_rsr.f64(i);
            t.ogrs = ogrs.f64(i);
            t.rosh = if tier_rosh_given {
                tier_rosh
                    .get(i)
                    .map_err(|()| bad("tier_rosh", i, "category code out of range"))?
            } else {
                registered
            };
            t.mappa_category = mappa_category_from(mappa_category.u8(i));
            t.mappa_level = match mappa_level.u8(i) {
                1 => Some(MappaLevel::M1),
                2 => Some(MappaLevel::M2),
                3 => Some(MappaLevel::M3),
                _ => None,
            };
            t.complexity = flags
                .iter()
                .filter(|(col, _)| col.bool(i))
                .map(|(_, f)| *f)
                .collect::<ComplexityFactors>();
            t.parenting_responsibilities = parenting.bool(i);
            t.impulsivity_or_temper = impulsivity.bool(i);
            t.breach_or_recall_last_12_months = breach.bool(i);
            t.iom = iom.bool(i);
            t.unsupervised = unsupervised.bool(i);
            t.has_mandate = mandate.bool(i);
            t.has_assessment = assessment.bool(i);
            for (slot, col) in t.needs.iter_mut().zip(&needs) {
                *slot = match col.u8(i) {
                    2 => NeedSeverity::Severe,
                    1 => NeedSeverity::Standard,
                    _ => NeedSeverity::NoNeed,
                };
            }
            let r = core_tier::calculate(&t).map_err(|e| row_error(i, Error::from(e)))?;
            let code = r.tier;
            let idx = (code.protect as usize ^ 3) * 4
                + usize::from(code.change.digit())
                + if code.unsupervised { 16 } else { 0 };
            out.tier.push(u8::try_from(idx).unwrap_or(u8::MAX));
            out.protect_points.push(r.protect.points);
            out.change_points.push(r.change.points);

            let kind = |col: &Cat<'_, PredictorKind>, name: &str| {
                col.get(i)
                    .map_err(|()| bad(name, i, "category code out of range"))
            };
            let mut u = Tier2026Inputs::empty(on);
            u.active_event = active_event.bool(i);
            u.arp = predictor(arp.f64(i), kind(&arp_kind, "arp_kind")?, None);
            u.csrp = predictor(csrp.f64(i), kind(&csrp_kind, "csrp_kind")?, None);
            let band = dc_srp_band
                .get(i)
                .map_err(|()| bad("dc_srp_band", i, "category code out of range"))?;
            u.dc_srp = predictor(dc_srp.f64(i), None, band);
            u.rosh = t.rosh;
            u.mappa_category = t.mappa_category;
            u.lifer = lifer.bool(i);
            u.latest_release = latest_release
                .date(i)
                .map_err(|()| bad("latest_release", i, "date out of range"))?;
            u.domestic_abuse = domestic_abuse.bool(i);
            u.stalking = stalking.bool(i);
            u.child_protection = child_protection.bool(i);
            u.sexual_offence = sexual_offence.bool(i);
            let r = tier2026::calculate(&u)
                .map_err(|e| row_error(i, tier_2026_column(Error::from(e))))?;
            out.tier_2026.push(tier_2026_index(r.tier));
            out.provisional.push(u8::from(r.provisional));
        }
    }
    Ok(out)
}

pub(crate) fn le_bytes<T: Copy, const N: usize>(v: &[T], f: impl Fn(T) -> [u8; N]) -> Vec<u8> {
    let mut b = Vec::with_capacity(v.len() * N);
    for x in v {
        b.extend_from_slice(&f(*x));
    }
    b
}

/// Runs allocation and/or tier over columns. Private: called by `probation._columnar`.
#[pyfunction]
#[pyo3(signature = (n, columns, categories, on = None, policy = None, allocation = true, tier = true, calendar = None))]
#[allow(
    clippy::too_many_arguments,
    reason = "mirrors the Python call; private"
)]
pub(crate) fn assess_columns<'py>(
    py: Python<'py>,
    n: usize,
    columns: &Bound<'py, PyDict>,
    categories: &Bound<'py, PyDict>,
    on: Option<&Bound<'_, PyAny>>,
    policy: Option<&Bound<'py, PyAny>>,
    allocation: bool,
    tier: bool,
    calendar: Option<&Bound<'py, PyCalendar>>,
) -> PyResult<Bound<'py, PyDict>> {
    guard(|| {
        let policy = allocation_policy(policy)?;
        let cal = calendar_arg(calendar);
        let held = held_columns(columns)?;
        let cols = Columns::new(n, &held, categories)?;
        let on = on
            .filter(|o| !o.is_none())
            .map(|o| date_arg(o, "on"))
            .transpose()?;
        let out = py.detach(|| run(&cols, on, &policy, &cal, allocation, tier))?;
        let d = PyDict::new(py);
        if allocation {
            d.set_item("provider", PyBytes::new(py, &out.provider))?;
            d.set_item(
                "allocation_deadline",
                PyBytes::new(py, &le_bytes(&out.deadline, i32::to_le_bytes)),
            )?;
        }
        if tier {
            d.set_item("tier", PyBytes::new(py, &out.tier))?;
            d.set_item(
                "protect_points",
                PyBytes::new(py, &le_bytes(&out.protect_points, u32::to_le_bytes)),
            )?;
            d.set_item(
                "change_points",
                PyBytes::new(py, &le_bytes(&out.change_points, u32::to_le_bytes)),
            )?;
            d.set_item("tier_2026", PyBytes::new(py, &out.tier_2026))?;
            d.set_item("provisional", PyBytes::new(py, &out.provisional))?;
        }
        Ok(d)
    })
}

/// The category lists of the outputs: `provider` codes and `tier` strings.
#[pyfunction]
pub(crate) fn output_categories<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    for (name, list) in category_lists() {
        d.set_item(name, list)?;
    }
    Ok(d)
}

/// Every category list by name (what [`output_categories`] returns; `read_cases` reads it).
pub(crate) fn category_lists() -> Vec<(&'static str, Vec<String>)> {
    let names = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    vec![
        (
            "provider",
            providers().iter().map(|p| p.to_string()).collect(),
        ),
        ("tier", tier_names()),
        ("tier_2026", names(&TIER_2026_NAMES)),
        (
            "predictor_kind",
            PREDICTOR_KINDS
                .iter()
                .map(|(k, _)| (*k).to_owned())
                .collect(),
        ),
        (
            "predictor_band",
            PREDICTOR_BANDS
                .iter()
                .map(|(k, _)| (*k).to_owned())
                .collect(),
        ),
        ("rosh", ROSH.iter().map(|(k, _)| (*k).to_owned()).collect()),
        (
            "home_area",
            CrcArea::ALL.iter().map(|c| c.code().to_owned()).collect(),
        ),
    ]
}

/// Column builders for [`case_columns`] / [`synth_columns`].
#[derive(Default)]
pub(crate) struct InputColumns {
    n: usize,
    on: Vec<i32>,
    home_area: Vec<i32>,
    mappa_eligible: Vec<u8>,
    assessed_rosh: Vec<i32>,
    registered_rosh: Vec<i32>,
    foreign: Vec<u8>,
    public_interest: Vec<u8>,
    terrorism: Vec<u8>,
    rsr: Vec<f64>,
    sentence_date: Vec<i32>,
    female: Vec<u8>,
    ogrs: Vec<f64>,
    mappa_level: Vec<u8>,
    complexity: [Vec<u8>; 10],
    parenting: Vec<u8>,
    impulsivity: Vec<u8>,
    breach: Vec<u8>,
    iom: Vec<u8>,
    unsupervised: Vec<u8>,
    mandate: Vec<u8>,
    assessment: Vec<u8>,
    needs: [Vec<u8>; 10],
    tier_rsr: Vec<f64>,
    tier_rosh: Vec<i32>,
    mappa_category: Vec<u8>,
    active_event: Vec<u8>,
    arp: Vec<f64>,
    arp_kind: Vec<i32>,
    csrp: Vec<f64>,
    csrp_kind: Vec<i32>,
    dc_srp: Vec<f64>,
    dc_srp_band: Vec<i32>,
    lifer: Vec<u8>,
    latest_release: Vec<i32>,
    domestic_abuse: Vec<u8>,
    stalking: Vec<u8>,
    sexual_offence: Vec<u8>,
}

fn kind_code(p: Option<Predictor>) -> i32 {
    p.and_then(|p| p.kind)
        .and_then(|k| PREDICTOR_KINDS.iter().position(|(_, v)| *v == k))
        .and_then(|i| i32::try_from(i).ok())
        .unwrap_or(-1)
}

fn band_code(p: Option<Predictor>) -> i32 {
    p.and_then(|p| p.band)
        .and_then(|b| PREDICTOR_BANDS.iter().position(|(_, v)| *v == b))
        .and_then(|i| i32::try_from(i).ok())
        .unwrap_or(-1)
}

fn score(p: Option<Predictor>) -> f64 {
    p.map_or(f64::NAN, |p| p.score)
}

fn rosh_code(r: Option<RoshLevel>) -> i32 {
    r.map_or(-1, |r| r as i32)
}

impl InputColumns {
    pub(crate) fn push(&mut self, a: &AllocationFacts, t: &TierInputs, u: &Tier2026Inputs) {
        self.n += 1;
        self.tier_rsr.push(t.rsr.unwrap_or(f64::NAN));
        self.tier_rosh.push(rosh_code(t.rosh));
        self.mappa_category
            .push(mappa_category_code(t.mappa_category));
        self.active_event.push(u8::from(u.active_event));
        self.arp.push(score(u.arp));
        self.arp_kind.push(kind_code(u.arp));
        self.csrp.push(score(u.csrp));
        self.csrp_kind.push(kind_code(u.csrp));
        self.dc_srp.push(score(u.dc_srp));
        self.dc_srp_band.push(band_code(u.dc_srp));
        self.lifer.push(u8::from(u.lifer));
        self.latest_release.push(days(u.latest_release));
        self.domestic_abuse.push(u8::from(u.domestic_abuse));
        self.stalking.push(u8::from(u.stalking));
        self.sexual_offence.push(u8::from(u.sexual_offence));
        self.on.push(days(Some(a.on)));
        self.home_area.push(a.home_area as i32);
        self.mappa_eligible.push(u8::from(a.mappa_eligible));
        self.assessed_rosh.push(rosh_code(a.assessed_rosh));
        self.registered_rosh.push(rosh_code(a.registered_rosh));
        self.foreign
            .push(u8::from(a.foreign_national_liable_to_deportation));
        self.public_interest.push(u8::from(a.public_interest));
        self.terrorism.push(u8::from(a.terrorism));
        self.rsr.push(a.rsr.unwrap_or(f64::NAN));
        self.sentence_date.push(days(a.sentence_date));
        self.female.push(u8::from(t.female));
        self.ogrs.push(t.ogrs.unwrap_or(f64::NAN));
        self.mappa_level.push(match t.mappa_level {
            None => 0,
            Some(MappaLevel::M1) => 1,
            Some(MappaLevel::M2) => 2,
            Some(MappaLevel::M3) => 3,
        });
        for ((_, f), col) in COMPLEXITY.iter().zip(self.complexity.iter_mut()) {
            col.push(u8::from(t.complexity.contains(*f)));
        }
        self.parenting.push(u8::from(t.parenting_responsibilities));
        self.impulsivity.push(u8::from(t.impulsivity_or_temper));
        self.breach
            .push(u8::from(t.breach_or_recall_last_12_months));
        self.iom.push(u8::from(t.iom));
        self.unsupervised.push(u8::from(t.unsupervised));
        self.mandate.push(u8::from(t.has_mandate));
        self.assessment.push(u8::from(t.has_assessment));
        for (sev, col) in t.needs.iter().zip(self.needs.iter_mut()) {
            col.push(match sev {
                NeedSeverity::NoNeed => 0,
                NeedSeverity::Standard => 1,
                NeedSeverity::Severe => 2,
            });
        }
    }

    /// Every column's values by name, in no particular order (`read_cases` and [`Self::into_py`] read them).
    pub(crate) fn into_values(self) -> Vec<(&'static str, Values)> {
        let mut d: Vec<(&'static str, Values)> = Vec::with_capacity(64);
        let i32s = Values::I32;
        let f64s = Values::F64;
        let u8s = Values::U8;
        d.push(("on", i32s(self.on)));
        d.push(("home_area", i32s(self.home_area)));
        d.push(("mappa_eligible", u8s(self.mappa_eligible)));
        d.push(("assessed_rosh", i32s(self.assessed_rosh)));
        d.push(("registered_rosh", i32s(self.registered_rosh)));
        d.push(("foreign_national_liable_to_deportation", u8s(self.foreign)));
        d.push(("public_interest", u8s(self.public_interest)));
        d.push(("terrorism", u8s(self.terrorism)));
        d.push(("rsr", f64s(self.rsr)));
        d.push(("sentence_date", i32s(self.sentence_date)));
        d.push(("female", u8s(self.female)));
        d.push(("ogrs", f64s(self.ogrs)));
        d.push(("mappa_level", u8s(self.mappa_level)));
        for ((name, _), col) in COMPLEXITY.iter().zip(self.complexity) {
            // public_interest and terrorism are already set (the same registrations).
            if !d.iter().any(|(n, _)| n == name) {
                d.push((*name, u8s(col)));
            }
        }
        d.push(("parenting_responsibilities", u8s(self.parenting)));
        d.push(("impulsivity_or_temper", u8s(self.impulsivity)));
        d.push(("breach_or_recall_last_12_months", u8s(self.breach)));
        d.push(("iom", u8s(self.iom)));
        d.push(("unsupervised", u8s(self.unsupervised)));
        d.push(("has_mandate", u8s(self.mandate)));
        d.push(("has_assessment", u8s(self.assessment)));
        for (name, col) in NEEDS.iter().zip(self.needs) {
            d.push((*name, u8s(col)));
        }
        d.push(("tier_rsr", f64s(self.tier_rsr)));
        d.push(("tier_rosh", i32s(self.tier_rosh)));
        d.push(("mappa_category", u8s(self.mappa_category)));
        d.push(("active_event", u8s(self.active_event)));
        d.push(("arp", f64s(self.arp)));
        d.push(("arp_kind", i32s(self.arp_kind)));
        d.push(("csrp", f64s(self.csrp)));
        d.push(("csrp_kind", i32s(self.csrp_kind)));
        d.push(("dc_srp", f64s(self.dc_srp)));
        d.push(("dc_srp_band", i32s(self.dc_srp_band)));
        d.push(("lifer", u8s(self.lifer)));
        d.push(("latest_release", i32s(self.latest_release)));
        d.push(("domestic_abuse", u8s(self.domestic_abuse)));
        d.push(("stalking", u8s(self.stalking)));
        d.push(("sexual_offence", u8s(self.sexual_offence)));
        d
    }

    fn into_py<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (name, values) in self.into_values() {
            let bytes = match values {
                Values::I32(v) => le_bytes(&v, i32::to_le_bytes),
                Values::F64(v) => le_bytes(&v, f64::to_le_bytes),
                Values::U8(v) => v,
            };
            d.set_item(name, PyBytes::new(py, &bytes))?;
        }
        Ok(d)
    }
}

/// One input column's values, as [`InputColumns`] builds them (the encodings of the module docs).
pub(crate) enum Values {
    /// Dates (days since 1970, [`NO_DATE`] missing) and category codes (-1 missing).
    I32(Vec<i32>),
    /// Numbers, NaN missing.
    F64(Vec<f64>),
    /// Flags 0/1 and small counts.
    U8(Vec<u8>),
}

/// The input columns of the columnar API read from cases on `on` (core's `from_case`), as encoded bytes.
#[pyfunction]
pub(crate) fn case_columns<'py>(
    py: Python<'py>,
    cases: Vec<Bound<'py, PyCase>>,
    on: &Bound<'_, PyAny>,
) -> PyResult<Bound<'py, PyDict>> {
    let on = date_arg(on, "on")?;
    guard(|| {
        let refs: Vec<_> = cases.iter().map(|c| &c.get().inner).collect();
        let cols = py.detach(|| -> Result<InputColumns, Error> {
            let mut cols = InputColumns::default();
            for (i, c) in refs.iter().enumerate() {
                let (a, t) = facts(c, on).map_err(|e| row_error(i, e))?;
                cols.push(&a, &t, &Tier2026Inputs::from_case(c, on));
            }
            Ok(cols)
        })?;
        cols.into_py(py)
    })
}

/// The input columns of synthetic cases `start .. start + count` of `seed` on `on`, without keeping the cases.
#[pyfunction]
#[pyo3(signature = (seed, count, on, *, start = 0))]
pub(crate) fn synth_columns<'py>(
    py: Python<'py>,
    seed: u64,
    count: u64,
    on: &Bound<'_, PyAny>,
    start: u64,
) -> PyResult<Bound<'py, PyDict>> {
    let on = date_arg(on, "on")?;
    guard(|| {
        if count > crate::synth::MAX_SYNTH {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "count must be at most {}",
                crate::synth::MAX_SYNTH
            )));
        }
        let end = start
            .checked_add(count)
            .ok_or_else(|| pyo3::exceptions::PyValueError::new_err("start + count overflows"))?;
        let cols = py.detach(|| -> Result<InputColumns, Error> {
            let g = probation_core::synth::Generator::new(seed);
            let mut cols = InputColumns::default();
            for i in start..end {
                let case = g.case(i);
                let (a, t) = facts(&case, on)?;
                cols.push(&a, &t, &Tier2026Inputs::from_case(&case, on));
            }
            Ok(cols)
        })?;
        cols.into_py(py)
    })
}

/// Every input column the columnar API reads, with its encoding (`date`, `f64`, `u8`, `bool`, `cat:<category
/// list of [`output_categories`]>): the one declaration, read by `probation._columnar` and `input_columns()`.
/// The complexity and need columns follow, from [`COMPLEXITY`] and [`NEEDS`], then [`TIER_2026_COLUMNS`].
const INPUT_COLUMNS: [(&str, &str); 18] = [
    ("on", "date"),
    ("home_area", "cat:home_area"),
    ("mappa_eligible", "bool"),
    ("assessed_rosh", "cat:rosh"),
    ("registered_rosh", "cat:rosh"),
    ("foreign_national_liable_to_deportation", "bool"),
    ("rsr", "f64"),
    ("sentence_date", "date"),
    ("female", "bool"),
    ("ogrs", "f64"),
    ("mappa_level", "u8"),
    ("parenting_responsibilities", "bool"),
    ("impulsivity_or_temper", "bool"),
    ("breach_or_recall_last_12_months", "bool"),
    ("iom", "bool"),
    ("unsupervised", "bool"),
    ("has_mandate", "bool"),
    ("has_assessment", "bool"),
];

/// The RSR and RoSH both tiers read (`tier_rsr`: the person record's RSR before the assessment's; `tier_rosh`: RoSH
/// registrations in any letter case — absent columns fall back to `rsr` / `registered_rosh`), `mappa_category`
/// (both tiers), and the columns only the 2026 tier reads (it also reads `on` and `child_protection`).
const TIER_2026_COLUMNS: [(&str, &str); 15] = [
    ("tier_rsr", "f64"),
    ("tier_rosh", "cat:rosh"),
    ("mappa_category", "u8"),
    ("active_event", "bool"),
    ("arp", "f64"),
    ("arp_kind", "cat:predictor_kind"),
    ("csrp", "f64"),
    ("csrp_kind", "cat:predictor_kind"),
    ("dc_srp", "f64"),
    ("dc_srp_band", "cat:predictor_band"),
    ("lifer", "bool"),
    ("latest_release", "date"),
    ("domestic_abuse", "bool"),
    ("stalking", "bool"),
    ("sexual_offence", "bool"),
];

/// The output columns of [`assess_columns`] and their encodings (`provider`/`tier` u8 codes).
const OUTPUT_COLUMNS: [(&str, &str); 7] = [
    ("provider", "cat:provider"),
    ("allocation_deadline", "date"),
    ("tier", "cat:tier"),
    ("protect_points", "u32"),
    ("change_points", "u32"),
    ("tier_2026", "cat:tier_2026"),
    ("provisional", "bool"),
];

/// Every input column, `(name, encoding)`, in order: [`INPUT_COLUMNS`], then the complexity flags, then the
/// needs.
#[pyfunction]
pub(crate) fn input_columns<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
    PyList::new(py, input_column_list())
}

/// Every input column, `(name, encoding)`, in order (what [`input_columns`] returns; `read_cases` reads it).
pub(crate) fn input_column_list() -> impl Iterator<Item = (&'static str, &'static str)> {
    INPUT_COLUMNS
        .into_iter()
        .chain(COMPLEXITY.iter().map(|(n, _)| (*n, "bool")))
        .chain(NEEDS.iter().map(|n| (*n, "u8")))
        .chain(TIER_2026_COLUMNS)
}

/// The output columns, `(name, encoding)`.
#[pyfunction]
pub(crate) fn output_columns<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
    PyList::new(py, OUTPUT_COLUMNS)
}

/// The names of [`input_columns`].
#[pyfunction]
pub(crate) fn input_column_names<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
    let names = INPUT_COLUMNS
        .iter()
        .map(|(n, _)| *n)
        .chain(COMPLEXITY.iter().map(|(n, _)| *n))
        .chain(NEEDS)
        .chain(TIER_2026_COLUMNS.iter().map(|(n, _)| *n));
    PyList::new(py, names)
}
