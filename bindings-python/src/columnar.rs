//! The columnar API's shared pieces: the column lists (core's one declaration), the output categories, the input
//! columns built from cases (`cases_table`, `synth_table`, `read_cases`), and the fixed-width byte columns the
//! columnar predictors read. `assess_table` itself reads Arrow: src/arrow_table.rs.
//!
//! Byte encodings (one value per row): `bool` u8 0/1; `f64` little-endian, NaN = missing; `u8`; `date` i32 days
//! since 1970-01-01, `i32::MIN` = missing; `cat` i32 code into a list of category strings, -1 = missing.

use std::collections::HashMap;

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};

use probation_core::allocation::AllocationFacts;
use probation_core::columns::{
    AssessError, COMPLEXITY, INPUTS, NEEDS, OUTPUTS, PREDICTOR_BANDS, PREDICTOR_KINDS,
    output_categories as output_categories_core,
};
use probation_core::model::{MappaCategory, MappaLevel, NeedSeverity, Predictor, RoshLevel};
use probation_core::tier::{ComplexityFactor, TierInputs};
use probation_core::tier2026::Tier2026Inputs;

use crate::allocation::facts;
use crate::case::PyCase;
use crate::convert::date_arg;
use crate::errors::Error;
use crate::guard::guard;

/// Missing date.
pub(crate) const NO_DATE: i32 = i32::MIN;
/// 1970-01-01 as days from the Common Era (chrono's `num_days_from_ce`).
pub(crate) const EPOCH_CE: i32 = 719_163;

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
    fn word<const N: usize>(self, i: usize) -> Option<[u8; N]> {
        self.0
            .and_then(|b| b.get(i * N..i * N + N))
            .and_then(|w| w.try_into().ok())
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

fn mappa_category_code(c: Option<MappaCategory>) -> u8 {
    match c {
        None => 0,
        Some(MappaCategory::M1) => 1,
        Some(MappaCategory::M2) => 2,
        Some(MappaCategory::M3) => 3,
        Some(MappaCategory::M4) => 4,
    }
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

/// The Python error of a refusal of core's column engine (rows counted from the start of the input).
pub(crate) fn assess_error(e: AssessError) -> Error {
    match e {
        AssessError::Column(c) => Error::Input {
            path: c.column.to_owned(),
            message: c.to_string(),
        },
        AssessError::Allocation { row, error } => row_error(row, Error::from(error)),
        AssessError::Tier {
            row,
            tier2026,
            error,
        } => {
            let e = Error::from(error);
            row_error(row, if tier2026 { tier_2026_column(e) } else { e })
        }
    }
}

pub(crate) fn le_bytes<T: Copy, const N: usize>(v: &[T], f: impl Fn(T) -> [u8; N]) -> Vec<u8> {
    let mut b = Vec::with_capacity(v.len() * N);
    for x in v {
        b.extend_from_slice(&f(*x));
    }
    b
}

/// The category lists of the outputs and the categorical inputs (core's [`output_categories`]), and the ids of
/// each rule table the `*_rules` outputs are bitsets over.
#[pyfunction]
pub(crate) fn output_categories<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    for (name, list) in output_categories_core() {
        d.set_item(name, list)?;
    }
    let ids = |t: &[&probation_core::rules::Rule]| t.iter().map(|r| r.id).collect::<Vec<_>>();
    d.set_item(
        "rules:allocation",
        ids(probation_core::allocation::rules::TABLE),
    )?;
    d.set_item("rules:tier", ids(probation_core::tier::rules::TABLE))?;
    d.set_item(
        "rules:tier2026",
        ids(probation_core::tier2026::rules::TABLE),
    )?;
    Ok(d)
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
        for (f, col) in ComplexityFactor::ALL.iter().zip(self.complexity.iter_mut()) {
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
        for (input, col) in COMPLEXITY.iter().zip(self.complexity) {
            let name = input.name();
            // public_interest and terrorism are already set (the same registrations).
            if !d.iter().any(|(n, _)| *n == name) {
                d.push((name, u8s(col)));
            }
        }
        d.push(("parenting_responsibilities", u8s(self.parenting)));
        d.push(("impulsivity_or_temper", u8s(self.impulsivity)));
        d.push(("breach_or_recall_last_12_months", u8s(self.breach)));
        d.push(("iom", u8s(self.iom)));
        d.push(("unsupervised", u8s(self.unsupervised)));
        d.push(("has_mandate", u8s(self.mandate)));
        d.push(("has_assessment", u8s(self.assessment)));
        for (input, col) in NEEDS.iter().zip(self.needs) {
            d.push((input.name(), u8s(col)));
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

/// Every input column, `(name, encoding)`, in core's [`INPUTS`] order (the one declaration).
#[pyfunction]
pub(crate) fn input_columns<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
    PyList::new(py, input_column_list())
}

/// Every input column, `(name, encoding)`, in core's [`INPUTS`] order (what [`input_columns`] returns;
/// `read_cases` reads it).
pub(crate) fn input_column_list() -> impl Iterator<Item = (&'static str, String)> {
    INPUTS.iter().map(|(_, n, k)| (*n, k.encoding()))
}

/// The output columns, `(name, encoding)`: core's [`OUTPUTS`], then `policy` (the allocation policy's
/// `id@version`, one value per table).
#[pyfunction]
pub(crate) fn output_columns<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
    PyList::new(py, OUTPUTS.iter().copied().chain([("policy", "str")]))
}

/// The names of [`input_columns`].
#[pyfunction]
pub(crate) fn input_column_names<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
    PyList::new(py, INPUTS.iter().map(|(_, n, _)| *n))
}
