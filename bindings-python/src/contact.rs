//! Contact policies, schedules and compliance (docs/rules/contact.md and enforcement.md).

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use probation_core::contact::{
    ContactError, ContactPolicy, compliance as core_compliance, schedule as core_schedule,
};

use crate::calendar::{PyCalendar, calendar_arg};
use crate::case::PyCase;
use crate::convert::{date_arg, policy_json_from_dict, policy_to_json, policy_to_py, result_to_py};
use crate::errors::Error;
use crate::guard::guard;

impl From<ContactError> for Error {
    fn from(e: ContactError) -> Self {
        let path = e.path();
        match e {
            ContactError::Policy { .. } | ContactError::UnknownPreset => Error::Policy {
                code: e.code(),
                path,
                message: e.to_string(),
            },
            ContactError::Calendar(c) => Error::from(c),
            _ => Error::Rule {
                kind: "contact",
                code: e.code(),
                path,
                message: e.to_string(),
            },
        }
    }
}

/// A contact policy: named, versioned phases of contact and deadlines, and the enforcement timetable.
#[pyclass(frozen, module = "probation._probation", name = "ContactPolicy")]
pub(crate) struct PyContactPolicy {
    pub(crate) inner: ContactPolicy,
}

#[pymethods]
impl PyContactPolicy {
    /// The preset `name`: `ns2007`, `tr2014` or `ps2021`.
    #[new]
    #[pyo3(signature = (preset = "ps2021"))]
    fn new(preset: &str) -> PyResult<Self> {
        Self::preset(preset)
    }

    /// A built-in preset by name.
    #[staticmethod]
    fn preset(name: &str) -> PyResult<Self> {
        guard(|| {
            Ok(PyContactPolicy {
                inner: ContactPolicy::preset(name).map_err(Error::from)?,
            })
        })
    }

    /// The names of the built-in presets.
    #[staticmethod]
    fn presets() -> Vec<&'static str> {
        ContactPolicy::PRESETS.to_vec()
    }

    /// A policy from JSON (strict: unknown fields are errors).
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Self> {
        guard(|| {
            Ok(PyContactPolicy {
                inner: ContactPolicy::from_json(text).map_err(Error::from)?,
            })
        })
    }

    /// A policy from a dict, as `to_dict` returns.
    #[staticmethod]
    fn from_dict(data: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(|| Self::from_json(&policy_json_from_dict(data, "policy")?))
    }

    /// The policy as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(|| policy_to_py(py, &self.inner, false))
    }

    /// The policy as JSON text.
    fn to_json(&self) -> PyResult<String> {
        guard(|| Ok(policy_to_json(&self.inner)?))
    }

    /// The policy's name.
    #[getter]
    fn name(&self) -> String {
        self.inner.name.to_string()
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyContactPolicy>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __repr__(&self) -> String {
        format!("ContactPolicy(name={:?})", self.inner.name.to_string())
    }
}

/// Reads a contact-policy argument: a preset name, a dict, or a `ContactPolicy`.
fn contact_policy(arg: &Bound<'_, PyAny>) -> PyResult<ContactPolicy> {
    if let Ok(p) = arg.cast::<PyContactPolicy>() {
        return Ok(p.get().inner.clone());
    }
    if let Ok(s) = arg.cast::<PyString>() {
        return Ok(PyContactPolicy::preset(s.to_str()?)?.inner);
    }
    if arg.is_instance_of::<PyDict>() {
        return Ok(PyContactPolicy::from_dict(arg)?.inner);
    }
    Err(pyo3::exceptions::PyTypeError::new_err(
        "policy must be a ContactPolicy, a preset name or a dict",
    ))
}

/// The contact schedule of a case, as core serialises it.
#[pyfunction]
#[pyo3(signature = (case, policy, calendar = None))]
pub(crate) fn schedule<'py>(
    py: Python<'py>,
    case: &Bound<'py, PyCase>,
    policy: &Bound<'py, PyAny>,
    calendar: Option<&Bound<'py, PyCalendar>>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(|| {
        let policy = contact_policy(policy)?;
        let cal = calendar_arg(calendar);
        let c = &case.get().inner;
        let s = py
            .detach(|| core_schedule(c, &policy, &cal))
            .map_err(Error::from)?;
        result_to_py(py, &s)
    })
}

/// Compliance of a case with its schedule on `as_of`, as core serialises it.
#[pyfunction]
#[pyo3(signature = (case, as_of, policy, calendar = None))]
pub(crate) fn compliance<'py>(
    py: Python<'py>,
    case: &Bound<'py, PyCase>,
    as_of: &Bound<'_, PyAny>,
    policy: &Bound<'py, PyAny>,
    calendar: Option<&Bound<'py, PyCalendar>>,
) -> PyResult<Bound<'py, PyAny>> {
    let as_of = date_arg(as_of, "as_of")?;
    guard(|| {
        let policy = contact_policy(policy)?;
        let cal = calendar_arg(calendar);
        let c = &case.get().inner;
        let r = py
            .detach(|| core_compliance(c, &policy, &cal, as_of))
            .map_err(Error::from)?;
        result_to_py(py, &r)
    })
}
