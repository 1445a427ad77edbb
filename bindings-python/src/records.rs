//! nDelius and HMPPS records (docs/records.md): tier-details, community-api and Integration API documents to
//! and from cases, the nDelius tier forms, code tables, domain events and what they make stale. Every mapping
//! is core's (`probation_core::records`); errors are `RecordError`.

use pyo3::prelude::*;
use pyo3::types::PyList;

use probation_core::model::Case;
use probation_core::records::{self as core_records, RecordError, RecordShape, TierChange};
use probation_core::tier2026;

use crate::call::on_case;
use crate::case::PyCase;
use crate::convert::{date_arg, result_to_py};
use crate::errors::Error;
use crate::guard::guard;
use crate::predictors::input;

fn case<'py>(py: Python<'py>, c: Case) -> PyResult<Bound<'py, PyCase>> {
    Bound::new(py, PyCase { inner: c })
}

/// A tier-details document for `crn` on `on` → a case (not validated).
#[pyfunction]
pub(crate) fn tier_details_to_case<'py>(
    py: Python<'py>,
    text: &str,
    crn: &str,
    on: &Bound<'_, PyAny>,
) -> PyResult<Bound<'py, PyCase>> {
    let on = date_arg(on, "on")?;
    mapped_case(py, || core_records::tier_details_to_case(text, crn, on))
}

/// The case a record mapping makes, as a Python `Case`, or the mapping's error.
fn mapped_case<'py>(
    py: Python<'py>,
    map: impl FnOnce() -> Result<Case, RecordError>,
) -> PyResult<Bound<'py, PyCase>> {
    guard(|| case(py, map().map_err(Error::from)?))
}

/// A case on `on` → a tier-details document (JSON text).
#[pyfunction]
pub(crate) fn tier_details_from_case(
    case: &Bound<'_, PyCase>,
    on: &Bound<'_, PyAny>,
) -> PyResult<String> {
    let on = date_arg(on, "on")?;
    guard(|| Ok(core_records::tier_details_from_case(&case.get().inner, on)))
}

/// A community-api bundle → a case (not validated).
#[pyfunction]
pub(crate) fn community_api_to_case<'py>(
    py: Python<'py>,
    text: &str,
) -> PyResult<Bound<'py, PyCase>> {
    mapped_case(py, || core_records::community_api_to_case(text))
}

/// A case → a community-api bundle (JSON text).
#[pyfunction]
pub(crate) fn community_api_from_case(case: &Bound<'_, PyCase>) -> PyResult<String> {
    guard(|| Ok(core_records::community_api_from_case(&case.get().inner)))
}

/// An Integration API bundle → a case (not validated).
#[pyfunction]
pub(crate) fn integration_api_to_case<'py>(
    py: Python<'py>,
    text: &str,
) -> PyResult<Bound<'py, PyCase>> {
    mapped_case(py, || core_records::integration_api_to_case(text))
}

/// A case on `on` → an Integration API bundle (JSON text).
#[pyfunction]
pub(crate) fn integration_api_from_case(
    case: &Bound<'_, PyCase>,
    on: &Bound<'_, PyAny>,
) -> PyResult<String> {
    let on = date_arg(on, "on")?;
    guard(|| {
        Ok(core_records::integration_api_from_case(
            &case.get().inner,
            on,
        ))
    })
}

/// The nDelius forms of both tiers of a case on `on` (core's `tiers`, then `tier_forms`).
#[pyfunction]
pub(crate) fn tier_forms<'py>(
    py: Python<'py>,
    case: &Bound<'py, PyCase>,
    on: &Bound<'_, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    on_case(py, case, on, |c, on| {
        let t = tier2026::tiers(c, on)?;
        Ok::<_, Error>(core_records::tier_forms(&t.tier_2021, Some(&t.tier_2026)))
    })
}

/// What one code table makes of one code.
#[pyfunction]
pub(crate) fn code_lookup<'py>(
    py: Python<'py>,
    table: &str,
    code: &str,
) -> PyResult<Bound<'py, PyAny>> {
    guard(|| {
        result_to_py(
            py,
            &core_records::codes::lookup(table, code).map_err(Error::from)?,
        )
    })
}

/// What an HMPPS domain event type can make stale.
#[pyfunction]
pub(crate) fn recompute_for<'py>(py: Python<'py>, event_type: &str) -> PyResult<Bound<'py, PyAny>> {
    guard(|| result_to_py(py, &core_records::recompute_for(event_type)))
}

/// An HMPPS domain event (the envelope's JSON text) → whom it concerns and what it makes stale.
#[pyfunction]
pub(crate) fn recompute_for_event<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    guard(|| {
        result_to_py(
            py,
            &core_records::recompute_for_event(text).map_err(Error::from)?,
        )
    })
}

/// One `tier.calculation.changed` event per CRN of `after` whose tier changed since `before`.
#[pyfunction]
pub(crate) fn tier_changed_events<'py>(
    py: Python<'py>,
    before: &Bound<'py, PyAny>,
    after: &Bound<'py, PyAny>,
    occurred_at: &str,
) -> PyResult<Bound<'py, PyList>> {
    guard(|| {
        let before: Vec<TierChange> = input(before, "tier change")?;
        let after: Vec<TierChange> = input(after, "tier change")?;
        let events =
            core_records::tier_changed_events(&before, &after, occurred_at).map_err(Error::from)?;
        let list = PyList::empty(py);
        for e in &events {
            list.append(result_to_py(py, e)?)?;
        }
        Ok(list)
    })
}

/// The optional `on` argument of the shape-named calls.
fn optional_date(on: Option<&Bound<'_, PyAny>>) -> PyResult<Option<chrono::NaiveDate>> {
    on.filter(|o| !o.is_none())
        .map(|o| date_arg(o, "on"))
        .transpose()
}

/// A record document as JSON text: `str` as given, `bytes` (UTF-8) or a dict / list written as JSON.
fn document_text(document: &Bound<'_, PyAny>) -> Result<String, Error> {
    if let Ok(s) = document.cast::<pyo3::types::PyString>() {
        let s = s.to_str().map_err(|_| RecordError::Decode {
            path: String::new(),
            message: "input is not valid utf-8".to_owned(),
        })?;
        return Ok(s.to_owned());
    }
    if let Ok(b) = document.cast::<pyo3::types::PyBytes>() {
        return Ok(core_records::document_text(b.as_bytes())?.to_owned());
    }
    let (text, refused) = crate::convert::to_json_text(document)?;
    match refused {
        Some(r) => Err(Error::Input {
            path: r.path(),
            message: r.message.to_owned(),
        }),
        None => Ok(text),
    }
}

/// A document of the shape named `shape` (`tier-details`, `community-api`, `integration-api`) → a case
/// (not validated): core's `from_ndelius`.
#[pyfunction]
#[pyo3(signature = (document, shape, crn=None, on=None))]
pub(crate) fn from_ndelius<'py>(
    py: Python<'py>,
    document: &Bound<'py, PyAny>,
    shape: &str,
    crn: Option<&str>,
    on: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyCase>> {
    let on = optional_date(on)?;
    guard(|| {
        let shape = RecordShape::parse(shape).map_err(Error::from)?;
        let text = document_text(document)?;
        let c = core_records::from_ndelius(shape, &text, crn, on).map_err(Error::from)?;
        case(py, c)
    })
}

/// A case → a document of the shape named `shape` (JSON text): core's `to_ndelius`.
#[pyfunction]
#[pyo3(signature = (case, shape, on=None))]
pub(crate) fn to_ndelius(
    case: &Bound<'_, PyCase>,
    shape: &str,
    on: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let on = optional_date(on)?;
    guard(|| {
        let shape = RecordShape::parse(shape).map_err(Error::from)?;
        Ok(core_records::to_ndelius(shape, &case.get().inner, on).map_err(Error::from)?)
    })
}

/// The nDelius key dates of every custodial event of a case (core's `case_key_dates`).
#[pyfunction]
pub(crate) fn key_dates<'py>(
    py: Python<'py>,
    case: &Bound<'py, PyCase>,
) -> PyResult<Bound<'py, PyList>> {
    guard(|| {
        let list = PyList::empty(py);
        for e in &core_records::case_key_dates(&case.get().inner).map_err(Error::from)? {
            list.append(result_to_py(py, e)?)?;
        }
        Ok(list)
    })
}
