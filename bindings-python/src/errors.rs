//! The Python exception hierarchy and the one place where every core error becomes a Python exception.
//!
//! ```text
//! ProbationError(Exception)
//! ├── DecodeError(ProbationError, ValueError)       .kind, .path
//! ├── ValidationError(ProbationError, ValueError)   .issues: list[(path, rule)]
//! ├── PolicyError(ProbationError, ValueError)       .code, .path
//! ├── CalendarError(ProbationError, ValueError)     .code
//! ├── RuleError(ProbationError, ValueError)         an engine refused a case: .kind, .code, .path
//! ├── RecordError(ProbationError, ValueError)       an nDelius / HMPPS record that does not map: .kind, .path, …
//! └── InternalError(ProbationError)                 a bug in the library (a caught panic); never input's fault
//! ```
//!
//! Messages come from core, which never puts personal data in them; the binding adds only field paths and
//! type names.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyTuple, PyType};

use probation_core::allocation::{AllocationError, PolicyError};
use probation_core::interchange::DecodeError;
use probation_core::records::RecordError;
use probation_core::tier::TierError;
use probation_core::validate::ValidationErrors;

/// An error of the binding, before it becomes a Python exception in [`Error::into_pyerr`].
#[derive(Debug)]
pub(crate) enum Error {
    /// The case text or object could not be decoded.
    Decode(DecodeError),
    /// A Python value could not be turned into the interchange form (path, message).
    Input {
        /// Field path.
        path: String,
        /// What is wrong; never the value itself.
        message: String,
    },
    /// The case broke validation rules.
    Validation(ValidationErrors),
    /// A policy could not be loaded or is inconsistent (path, message).
    Policy {
        /// Stable code: `unknown_preset`, `policy`, `decode`, `invalid`.
        code: &'static str,
        /// Field path in the policy, `""` when not known.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A date outside the calendar's range, or a bad extra holiday.
    Calendar(String),
    /// An engine refused a case: `kind` names the engine (`allocation`, `tier`, `contact`, `sentence`, `predictors`, `release`).
    Rule {
        /// Which engine.
        kind: &'static str,
        /// Core's stable error code (`out_of_range`, `zero_length`, …).
        code: &'static str,
        /// Field path the error is about, `""` when none.
        path: String,
        /// Core's message.
        message: String,
    },
    /// An nDelius / HMPPS record that does not map to a case (or an event, a code).
    Record(RecordError),
    /// A bug: a panic caught at the boundary.
    Internal,
}

impl From<RecordError> for Error {
    fn from(e: RecordError) -> Self {
        Error::Record(e)
    }
}

impl From<DecodeError> for Error {
    fn from(e: DecodeError) -> Self {
        Error::Decode(e)
    }
}

impl From<ValidationErrors> for Error {
    fn from(e: ValidationErrors) -> Self {
        Error::Validation(e)
    }
}

impl From<AllocationError> for Error {
    fn from(e: AllocationError) -> Self {
        match e {
            AllocationError::Policy(p) => p.into(),
            AllocationError::Calendar { .. } => Error::Calendar(e.to_string()),
            AllocationError::OutOfRange { .. } => Error::Rule {
                kind: "allocation",
                code: "out_of_range",
                path: e.path().to_owned(),
                message: e.to_string(),
            },
        }
    }
}

impl From<PolicyError> for Error {
    fn from(e: PolicyError) -> Self {
        Error::Policy {
            code: match e {
                PolicyError::UnknownPreset => "unknown_preset",
                PolicyError::Decode { .. } => "decode",
                PolicyError::Invalid { .. } => "invalid",
            },
            path: e.field().to_owned(),
            message: e.to_string(),
        }
    }
}

impl From<TierError> for Error {
    fn from(e: TierError) -> Self {
        Error::Rule {
            kind: "tier",
            code: e.kind(),
            path: e.path().to_owned(),
            message: e.to_string(),
        }
    }
}

impl From<Error> for PyErr {
    fn from(e: Error) -> PyErr {
        Python::attach(|py| e.into_pyerr(py))
    }
}

/// The exception classes, created once per interpreter.
struct Classes {
    base: Py<PyType>,
    decode: Py<PyType>,
    validation: Py<PyType>,
    policy: Py<PyType>,
    calendar: Py<PyType>,
    rule: Py<PyType>,
    record: Py<PyType>,
    internal: Py<PyType>,
}

static CLASSES: PyOnceLock<Classes> = PyOnceLock::new();

const MODULE: &str = "probation._probation";

/// Creates `class name(*bases)` with `__module__`, `__doc__` and class-level defaults for its attributes
/// (so they are visible on the class, as the stub declares).
fn new_class<'py>(
    py: Python<'py>,
    name: &str,
    doc: &str,
    bases: &[&Bound<'py, PyAny>],
    attrs: &[(&str, Bound<'py, PyAny>)],
) -> PyResult<Py<PyType>> {
    let dict = PyDict::new(py);
    dict.set_item("__module__", MODULE)?;
    dict.set_item("__doc__", doc)?;
    for (k, v) in attrs {
        dict.set_item(*k, v)?;
    }
    let bases = PyTuple::new(py, bases)?;
    let cls = py.get_type::<PyType>().call1((name, bases, dict))?;
    Ok(cls.cast_into::<PyType>()?.unbind())
}

fn build(py: Python<'_>) -> PyResult<Classes> {
    let exception = py.get_type::<pyo3::exceptions::PyException>().into_any();
    let value_error = py.get_type::<pyo3::exceptions::PyValueError>().into_any();
    let empty = || pyo3::types::PyString::new(py, "").into_any();
    let base = new_class(
        py,
        "ProbationError",
        "Base class of every error raised by probation.",
        &[&exception],
        &[],
    )?;
    let b = base.bind(py).clone().into_any();
    let input = |name: &str, doc: &str, attrs: &[(&str, Bound<'_, PyAny>)]| {
        new_class(py, name, doc, &[&b, &value_error], attrs)
    };
    Ok(Classes {
        decode: input(
            "DecodeError",
            "The input is not a case: malformed JSON, an unknown or missing field, a wrong type, a bad \
             identifier. `kind` is one of `syntax`, `schema`, `too_large`, `too_deep`, `invalid_utf8`, `io`; `path` names \
             the field (`\"\"` when there is none). The message never contains a value from the input.",
            &[("kind", empty()), ("path", empty())],
        )?,
        validation: input(
            "ValidationError",
            "The case breaks one or more rules of the case model. `issues` lists every failure as a \
             `(path, rule)` pair, e.g. `(\"events[0].sentence.length\", \"community_order_too_long\")`.",
            &[("issues", PyList::empty(py).into_any())],
        )?,
        policy: input(
            "PolicyError",
            "A policy could not be loaded: unknown preset name, malformed policy, inconsistent settings. \
             `path` names the field when known.",
            &[("code", empty()), ("path", empty())],
        )?,
        calendar: input(
            "CalendarError",
            "A date outside the calendar's range (1970-01-01 to 2100-12-31), or a bad extra holiday. `code` is \
             `out_of_range`.",
            &[("code", empty())],
        )?,
        rule: input(
            "RuleError",
            "An engine (allocation, tier, contact schedule, sentence dates, predictors, release dates) cannot decide this case, e.g. \
             a percentage out of range in a case decoded with `validate=False`. `kind` names the engine \
             (`allocation`, `tier`, `contact`, `sentence`, `predictors`, `release`), `path` the field.",
            &[("kind", empty()), ("code", empty()), ("path", empty())],
        )?,
        record: input(
            "RecordError",
            "An nDelius or HMPPS record (tier-details, community-api, Integration API, a domain event, a code) that \
             does not map: `kind` is `decode`, `too_large`, `too_many`, `unknown_code`, `unsupported` or `invalid`; \
             `path` names the field in the record's own keys (`?` for a key the shape does not have); `code` (the \
             code, `<redacted>` unless shaped like one), `max`, `limit` and `reason` are set when the kind has them, \
             else None. The message never contains a personal value of the input.",
            &[
                ("kind", empty()),
                ("path", empty()),
                ("code", py.None().into_bound(py)),
                ("max", py.None().into_bound(py)),
                ("limit", py.None().into_bound(py)),
                ("reason", py.None().into_bound(py)),
            ],
        )?,
        internal: new_class(
            py,
            "InternalError",
            "A bug in probation (an internal panic was caught). Never caused by bad input: please report it.",
            &[&b],
            &[],
        )?,
        base,
    })
}

fn classes(py: Python<'_>) -> PyResult<&'static Classes> {
    CLASSES.get_or_try_init(py, || build(py))
}

/// Adds the exception classes to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let c = classes(py)?;
    for (name, cls) in [
        ("ProbationError", &c.base),
        ("DecodeError", &c.decode),
        ("ValidationError", &c.validation),
        ("PolicyError", &c.policy),
        ("CalendarError", &c.calendar),
        ("RuleError", &c.rule),
        ("RecordError", &c.record),
        ("InternalError", &c.internal),
    ] {
        m.add(name, cls.clone_ref(py))?;
    }
    Ok(())
}

fn raise(
    py: Python<'_>,
    cls: &Py<PyType>,
    message: &str,
    attrs: &[(&str, Bound<'_, PyAny>)],
) -> PyResult<PyErr> {
    let inst = cls.bind(py).call1((message,))?;
    for (k, v) in attrs {
        inst.setattr(*k, v)?;
    }
    Ok(PyErr::from_value(inst))
}

fn decode_kind(e: &DecodeError) -> &'static str {
    match e {
        DecodeError::Syntax { .. } => "syntax",
        DecodeError::Schema { .. } => "schema",
        DecodeError::TooLarge { .. } => "too_large",
        DecodeError::TooDeep { .. } => "too_deep",
        DecodeError::InvalidUtf8 => "invalid_utf8",
        DecodeError::Io(_) => "io",
    }
}

impl Error {
    /// The Python exception for this error. The single mapping from core errors to Python.
    pub(crate) fn into_pyerr(self, py: Python<'_>) -> PyErr {
        let built = (|| -> PyResult<PyErr> {
            let c = classes(py)?;
            let s = |v: &str| pyo3::types::PyString::new(py, v).into_any();
            match self {
                Error::Decode(e) => raise(
                    py,
                    &c.decode,
                    &e.to_string(),
                    &[("kind", s(decode_kind(&e))), ("path", s(e.path()))],
                ),
                Error::Input { path, message } => {
                    let text = if path.is_empty() {
                        message
                    } else {
                        format!("{path}: {message}")
                    };
                    raise(
                        py,
                        &c.decode,
                        &text,
                        &[("kind", s("schema")), ("path", s(&path))],
                    )
                }
                Error::Validation(errs) => {
                    let issues = PyList::empty(py);
                    for i in &errs.0 {
                        issues.append((i.path.as_str(), i.rule.code()))?;
                    }
                    raise(
                        py,
                        &c.validation,
                        &errs.to_string(),
                        &[("issues", issues.into_any())],
                    )
                }
                Error::Policy {
                    code,
                    path,
                    message,
                } => raise(
                    py,
                    &c.policy,
                    &message,
                    &[("code", s(code)), ("path", s(&path))],
                ),
                Error::Calendar(message) => {
                    raise(py, &c.calendar, &message, &[("code", s("out_of_range"))])
                }
                Error::Rule {
                    kind,
                    code,
                    path,
                    message,
                } => raise(
                    py,
                    &c.rule,
                    &message,
                    &[("kind", s(kind)), ("code", s(code)), ("path", s(&path))],
                ),
                Error::Record(e) => {
                    let none = || py.None().into_bound(py);
                    let int = |v: usize| v.into_pyobject(py).map(pyo3::Bound::into_any);
                    let (kind, path, code, max, limit, reason) = match &e {
                        RecordError::Decode { path, .. } => {
                            ("decode", path.as_str(), none(), none(), none(), none())
                        }
                        RecordError::TooLarge { limit } => {
                            ("too_large", "", none(), none(), int(*limit)?, none())
                        }
                        RecordError::TooMany { path, max } => (
                            "too_many",
                            path.as_str(),
                            none(),
                            int(*max)?,
                            none(),
                            none(),
                        ),
                        RecordError::UnknownCode { path, code } => (
                            "unknown_code",
                            path.as_str(),
                            s(code),
                            none(),
                            none(),
                            none(),
                        ),
                        RecordError::Unsupported { path, code } => (
                            "unsupported",
                            path.as_str(),
                            s(code),
                            none(),
                            none(),
                            none(),
                        ),
                        RecordError::Invalid { path, reason } => {
                            ("invalid", path.as_str(), none(), none(), none(), s(reason))
                        }
                    };
                    raise(
                        py,
                        &c.record,
                        &e.to_string(),
                        &[
                            ("kind", s(kind)),
                            ("path", s(path)),
                            ("code", code),
                            ("max", max),
                            ("limit", limit),
                            ("reason", reason),
                        ],
                    )
                }
                Error::Internal => raise(
                    py,
                    &c.internal,
                    "internal error in probation (a bug, not a problem with the input): please report it",
                    &[],
                ),
            }
        })();
        built.unwrap_or_else(|e| e)
    }
}
