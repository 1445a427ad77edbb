//! Allocation, escalation and tiering of single cases and lists of cases.
//!
//! Results are core's serialised form converted to Python (dates as `datetime.date`); the public package wraps
//! them in typed classes.

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::PyList;

use probation_core::allocation::{self, AllocationFacts, ManagerOverride};
use probation_core::model::Case;
use probation_core::tier::{self as core_tier, TierInputs};
use probation_core::tier2026;

use crate::calendar::{PyCalendar, calendar_arg};
use crate::call::{each_case, on_case};
use crate::case::PyCase;
use crate::convert::{result_to_py, to_json};
use crate::errors::Error;
use crate::guard::guard;
use crate::policy::allocation_policy;

/// Reads a manager override: `{"provider": "N07", "reason": "risk_not_reflected"}`.
fn manager_override(arg: Option<&Bound<'_, PyAny>>) -> Result<Option<ManagerOverride>, Error> {
    let Some(arg) = arg.filter(|a| !a.is_none()) else {
        return Ok(None);
    };
    let value = to_json(arg)?;
    serde_json::from_value(value)
        .map(Some)
        .map_err(|_| Error::Input {
            path: "override".to_owned(),
            message: "expected {\"provider\": <provider code>, \"reason\": <override reason>}"
                .to_owned(),
        })
}

/// Allocates one case on `on`, recording a manager's override beside the rules' answer when given.
#[pyfunction]
#[pyo3(signature = (case, on, policy = None, manager_override = None, calendar = None))]
pub(crate) fn allocate<'py>(
    py: Python<'py>,
    case: &Bound<'py, PyCase>,
    on: &Bound<'_, PyAny>,
    policy: Option<&Bound<'py, PyAny>>,
    manager_override: Option<&Bound<'py, PyAny>>,
    calendar: Option<&Bound<'py, PyCalendar>>,
) -> PyResult<Bound<'py, PyAny>> {
    let policy = guard(|| allocation_policy(policy))?;
    let over = guard(|| Ok(self::manager_override(manager_override)?))?;
    on_case(py, case, on, |c, on| {
        let a = allocation::allocate(c, on, &policy, &calendar_arg(calendar))?;
        Ok::<_, Error>(match over {
            Some(o) => a.with_override(o),
            None => a,
        })
    })
}

/// Allocates many cases (GIL released while deciding).
#[pyfunction]
#[pyo3(signature = (cases, on, policy = None, calendar = None))]
pub(crate) fn allocate_many<'py>(
    py: Python<'py>,
    cases: Vec<Bound<'py, PyCase>>,
    on: &Bound<'py, PyAny>,
    policy: Option<&Bound<'py, PyAny>>,
    calendar: Option<&Bound<'py, PyCalendar>>,
) -> PyResult<Bound<'py, PyList>> {
    let policy = guard(|| allocation_policy(policy))?;
    let cal = calendar_arg(calendar);
    each_case(py, &cases, on, |c, on| {
        allocation::allocate(c, on, &policy, &cal)
    })
}

/// Whether a CRC case must be referred to the NPS on `on` (risk escalation).
#[pyfunction]
#[pyo3(signature = (case, on, policy = None, calendar = None))]
pub(crate) fn escalation<'py>(
    py: Python<'py>,
    case: &Bound<'py, PyCase>,
    on: &Bound<'_, PyAny>,
    policy: Option<&Bound<'py, PyAny>>,
    calendar: Option<&Bound<'py, PyCalendar>>,
) -> PyResult<Bound<'py, PyAny>> {
    let policy = guard(|| allocation_policy(policy))?;
    on_case(py, case, on, |c, on| {
        allocation::escalation(c, on, &policy, &calendar_arg(calendar))
    })
}

/// Every point in a case's history at which it should have been referred to the NPS.
#[pyfunction]
#[pyo3(signature = (case, policy = None, calendar = None))]
pub(crate) fn escalation_history<'py>(
    py: Python<'py>,
    case: &Bound<'py, PyCase>,
    policy: Option<&Bound<'py, PyAny>>,
    calendar: Option<&Bound<'py, PyCalendar>>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(|| {
        let policy = allocation_policy(policy)?;
        let h = allocation::escalation_history(&case.get().inner, &policy, &calendar_arg(calendar))
            .map_err(Error::from)?;
        result_to_py(py, &h)
    })
}

/// The tier of one case on `on`.
#[pyfunction(name = "tier")]
pub(crate) fn tier_one<'py>(
    py: Python<'py>,
    case: &Bound<'py, PyCase>,
    on: &Bound<'_, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    on_case(py, case, on, core_tier::tier)
}

/// The 2026 tier (A–G, provisional) of one case on `on`.
#[pyfunction]
pub(crate) fn tier_2026<'py>(
    py: Python<'py>,
    case: &Bound<'py, PyCase>,
    on: &Bound<'_, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    on_case(py, case, on, tier2026::tier_2026)
}

/// Both tiers (2021 and 2026) of one case on `on`.
#[pyfunction]
pub(crate) fn tiers<'py>(
    py: Python<'py>,
    case: &Bound<'py, PyCase>,
    on: &Bound<'_, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    on_case(py, case, on, tier2026::tiers)
}

/// Tiers many cases (GIL released while calculating).
#[pyfunction]
pub(crate) fn tier_many<'py>(
    py: Python<'py>,
    cases: Vec<Bound<'py, PyCase>>,
    on: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyList>> {
    each_case(py, &cases, on, core_tier::tier)
}

/// The flat allocation facts and tier inputs core reads from a case (what the columnar API takes).
pub(crate) fn facts(case: &Case, on: NaiveDate) -> Result<(AllocationFacts, TierInputs), Error> {
    Ok((
        AllocationFacts::from_case(case, on)?,
        TierInputs::from_case(case, on)?,
    ))
}
