//! `AllocationPolicy`: core's allocation policy as data — presets, dicts, JSON.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use probation_core::allocation::AllocationPolicy;

use crate::convert::{policy_json_from_dict, policy_to_json, policy_to_py};
use crate::errors::Error;
use crate::guard::guard;

/// The allocation policy (docs/rules/allocation.md): effective dates, switches for the assumed rules, thresholds,
/// working days. Immutable.
#[pyclass(frozen, module = "probation._probation", name = "AllocationPolicy")]
pub(crate) struct PyAllocationPolicy {
    pub(crate) inner: AllocationPolicy,
}

fn policy_error(path: &str, message: &str) -> Error {
    Error::Policy {
        code: "invalid",
        path: path.to_owned(),
        message: message.to_owned(),
    }
}

#[pymethods]
impl PyAllocationPolicy {
    /// The default policy (every [A] rule on), or the preset `name` (`default`, `verified-only`).
    #[new]
    #[pyo3(signature = (preset = "default"))]
    fn new(preset: &str) -> PyResult<Self> {
        Self::preset(preset)
    }

    /// A built-in preset by name: `default` or `verified-only`.
    #[staticmethod]
    fn preset(name: &str) -> PyResult<Self> {
        guard(|| {
            Ok(PyAllocationPolicy {
                inner: AllocationPolicy::preset(name).map_err(Error::from)?,
            })
        })
    }

    /// The names of the built-in presets.
    #[staticmethod]
    fn presets() -> Vec<&'static str> {
        AllocationPolicy::PRESETS.to_vec()
    }

    /// A policy from JSON text (every field required; unknown fields refused).
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Self> {
        guard(|| {
            Ok(PyAllocationPolicy {
                inner: AllocationPolicy::from_json(text).map_err(Error::from)?,
            })
        })
    }

    /// A policy from a dict (as `to_dict` returns; dates may be `datetime.date`).
    #[staticmethod]
    fn from_dict(data: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(|| Self::from_json(&policy_json_from_dict(data, "invalid")?))
    }

    /// The policy as a dict, dates as `datetime.date`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(|| policy_to_py(py, &self.inner, true))
    }

    /// The policy as JSON text.
    fn to_json(&self) -> PyResult<String> {
        guard(|| Ok(policy_to_json(&self.inner)?))
    }

    /// A copy with some fields changed, e.g. `policy.replace(rsr_threshold_enabled=False)`; validated.
    #[pyo3(signature = (**changes))]
    fn replace(&self, py: Python<'_>, changes: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        guard(|| {
            let d = self.to_dict(py)?.cast_into::<PyDict>()?;
            if let Some(changes) = changes {
                for (k, v) in changes.iter() {
                    let key = k.cast::<PyString>()?.to_str()?.to_owned();
                    if !d.contains(&key)? {
                        return Err(policy_error(&key, "unknown policy field").into());
                    }
                    d.set_item(key, v)?;
                }
            }
            Self::from_dict(d.as_any())
        })
    }

    /// The policy's id.
    #[getter]
    fn id(&self) -> String {
        self.inner.id.to_string()
    }

    /// The policy's version.
    #[getter]
    fn version(&self) -> u32 {
        self.inner.version
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyAllocationPolicy>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __repr__(&self) -> String {
        format!(
            "AllocationPolicy(id={:?}, version={})",
            self.inner.id.as_ref(),
            self.inner.version
        )
    }
}

/// Reads a policy argument: `None` (the default policy), a preset name, a dict, or an `AllocationPolicy`.
pub(crate) fn allocation_policy(arg: Option<&Bound<'_, PyAny>>) -> PyResult<AllocationPolicy> {
    let Some(arg) = arg.filter(|a| !a.is_none()) else {
        return Ok(AllocationPolicy::default_policy());
    };
    if let Ok(p) = arg.cast::<PyAllocationPolicy>() {
        return Ok(p.get().inner.clone());
    }
    if let Ok(s) = arg.cast::<PyString>() {
        return Ok(PyAllocationPolicy::preset(s.to_str()?)?.inner);
    }
    if arg.is_instance_of::<PyDict>() {
        return Ok(PyAllocationPolicy::from_dict(arg)?.inner);
    }
    Err(pyo3::exceptions::PyTypeError::new_err(
        "policy must be an AllocationPolicy, a preset name, a dict or None",
    ))
}
