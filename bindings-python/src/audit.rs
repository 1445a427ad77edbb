//! Audit and timeline (docs/rules/audit.md): core's `probation_core::audit`, errors as `RuleError`
//! (`kind="audit"` for a recorded value not of its form, else the engine's kind).

use pyo3::prelude::*;
use pyo3::types::PyList;

use probation_core::audit::{self as core_audit, AuditError, AuditOptions};
use probation_core::synth::{Generator, decisions};

use crate::calendar::{PyCalendar, calendar_arg};
use crate::case::PyCase;
use crate::convert::{date_arg, result_to_py};
use crate::errors::Error;
use crate::guard::guard;
use crate::synth::synth_end;

impl From<AuditError> for Error {
    fn from(e: AuditError) -> Self {
        match e {
            AuditError::Allocation(a) => a.into(),
            AuditError::Tier(t) => t.into(),
            AuditError::Contact(c) => c.into(),
            AuditError::Invalid { .. } | AuditError::Sentence { .. } => Error::Rule {
                kind: if matches!(e, AuditError::Invalid { .. }) {
                    "audit"
                } else {
                    "sentence"
                },
                code: e.kind(),
                path: e.path(),
                message: e.to_string(),
            },
        }
    }
}

fn options() -> Result<AuditOptions, Error> {
    AuditOptions::standard().map_err(Error::from)
}

/// The audit of `case` up to `as_of` (an `Audit` as a dict).
#[pyfunction]
#[pyo3(signature = (case, as_of, calendar = None))]
pub(crate) fn audit<'py>(
    py: Python<'py>,
    case: &Bound<'py, PyCase>,
    as_of: &Bound<'_, PyAny>,
    calendar: Option<&Bound<'py, PyCalendar>>,
) -> PyResult<Bound<'py, PyAny>> {
    let as_of = date_arg(as_of, "as_of")?;
    guard(|| {
        let cal = calendar_arg(calendar);
        let options = options()?;
        let c = &case.get().inner;
        let r = py
            .detach(|| core_audit::audit_with(c, as_of, &options, &cal))
            .map_err(Error::from)?;
        result_to_py(py, &r)
    })
}

/// The audits of many cases up to `as_of`, with the GIL released: a list of `(crn, Audit dict)`.
#[pyfunction]
#[pyo3(signature = (cases, as_of, calendar = None))]
pub(crate) fn audit_many<'py>(
    py: Python<'py>,
    cases: Vec<Bound<'py, PyCase>>,
    as_of: &Bound<'_, PyAny>,
    calendar: Option<&Bound<'py, PyCalendar>>,
) -> PyResult<Bound<'py, PyList>> {
    let as_of = date_arg(as_of, "as_of")?;
    guard(|| {
        let cal = calendar_arg(calendar);
        let options = options()?;
        let inner: Vec<&probation_core::model::Case> =
            cases.iter().map(|c| &c.get().inner).collect();
        let audits = py
            .detach(|| {
                inner
                    .iter()
                    .map(|c| core_audit::audit_with(c, as_of, &options, &cal))
                    .collect::<Result<Vec<_>, _>>()
            })
            .map_err(Error::from)?;
        let list = PyList::empty(py);
        for (a, c) in audits.iter().zip(&inner) {
            list.append((c.person.crn.as_str(), result_to_py(py, a)?))?;
        }
        Ok(list)
    })
}

/// The timeline of `case` from `from_` to `to` (a `Timeline` as a dict).
#[pyfunction]
#[pyo3(signature = (case, from_, to, calendar = None))]
pub(crate) fn timeline<'py>(
    py: Python<'py>,
    case: &Bound<'py, PyCase>,
    from_: &Bound<'_, PyAny>,
    to: &Bound<'_, PyAny>,
    calendar: Option<&Bound<'py, PyCalendar>>,
) -> PyResult<Bound<'py, PyAny>> {
    let from = date_arg(from_, "from_")?;
    let to = date_arg(to, "to")?;
    guard(|| {
        let cal = calendar_arg(calendar);
        let options = options()?;
        let c = &case.get().inner;
        let r = py
            .detach(|| core_audit::timeline_with(c, from, to, &options, &cal))
            .map_err(Error::from)?;
        result_to_py(py, &r)
    })
}

/// `count` synthetic cases with recorded decisions, `fault_percent` % of them with one injected fault: a list of
/// `(case, fault)` with `fault` `None` or `{"kind", "on"}`.
#[pyfunction]
#[pyo3(signature = (seed, count, fault_percent = 20, *, start = 0))]
pub(crate) fn synth_audited<'py>(
    py: Python<'py>,
    seed: u64,
    count: u64,
    fault_percent: u8,
    start: u64,
) -> PyResult<Bound<'py, PyList>> {
    guard(|| {
        let end = synth_end(count, start)?;
        let options = options()?;
        let cal = probation_core::calendar::Calendar::england_and_wales();
        let made = py.detach(|| {
            let g = Generator::new(seed);
            (start..end)
                .map(|i| {
                    // A case the engines refuse comes without recorded decisions (and no fault).
                    let plain = g.case(i);
                    let mut c = plain.clone();
                    match decisions::record(&mut c, seed, i, fault_percent, &options, &cal) {
                        Ok(f) => (c, f),
                        Err(_) => (plain, None),
                    }
                })
                .collect::<Vec<_>>()
        });
        let list = PyList::empty(py);
        for (case, fault) in made {
            let pair = (
                Bound::new(py, PyCase { inner: case })?,
                result_to_py(py, &fault)?,
            );
            list.append(pair)?;
        }
        Ok(list)
    })
}
