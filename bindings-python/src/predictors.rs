//! The actuarial predictors: OGRS3, ARP, DC-SRP, VRP, SVRP, IIC-SRP and CSRP over their own inputs (a dict in the
//! shape of core's `Ogrs3Input`, `ArpInput`, `DcSrpInput`, `ViolentInput`, `IicSrpInput`, `CsrpInput`), and everything a case allows on a date (`CasePredictors`).

use pyo3::prelude::*;

use probation_core::predictors::{
    self as core_predictors, ArpError, CsrpError, DcSrpError, Ogrs3Error,
};
use serde::de::DeserializeOwned;

use crate::call::on_case;
use crate::case::PyCase;
use crate::convert::{result_to_py, to_json_text};
use crate::errors::Error;
use crate::guard::guard;

/// The path of an input that does not decode, with field names only: serde descends only into fields the input
/// type knows (every predictor input refuses unknown fields and holds no free-keyed map), so every key on the path
/// is a field name, except an unknown key at the end, which is dropped. Enum variants and unnamed segments end it.
fn field_path(e: &serde_path_to_error::Error<serde_json::Error>) -> String {
    use serde_path_to_error::Segment;
    let unknown = e.inner().to_string().starts_with("unknown field");
    let segments: Vec<&Segment> = e.path().iter().collect();
    let keep = segments
        .iter()
        .position(|s| matches!(s, Segment::Enum { .. } | Segment::Unknown))
        .unwrap_or(segments.len());
    let keep = if unknown && keep == segments.len() {
        keep.saturating_sub(1)
    } else {
        keep
    };
    let mut out = String::new();
    for s in segments.iter().take(keep) {
        match s {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    out
}

/// Reads a predictor's input from a dict (dates as `datetime.date` or ISO strings). `DecodeError` naming the
/// field for a missing or unknown field or a wrong type; the message never holds a key or value of the input.
pub(crate) fn input<T: DeserializeOwned>(data: &Bound<'_, PyAny>, what: &str) -> Result<T, Error> {
    let (text, refused) = to_json_text(data)?;
    if let Some(r) = refused {
        return Err(Error::Input {
            path: r.path(),
            message: r.message.to_owned(),
        });
    }
    let mut de = serde_json::Deserializer::from_str(&text);
    serde_path_to_error::deserialize(&mut de).map_err(|e| Error::Input {
        path: field_path(&e),
        message: format!(
            "not a valid {what} input: a missing or unknown field, or a value of the wrong type"
        ),
    })
}

fn rule(code: &'static str, path: &'static str, message: String) -> Error {
    Error::Rule {
        kind: "predictors",
        code,
        path: path.to_owned(),
        message,
    }
}

/// Each predictor's error as a `RuleError` (`kind="predictors"`, its kind as `code`, its field as `path`).
macro_rules! rule_errors {
    ($($t:ty),+) => {$(
        impl From<$t> for Error {
            fn from(e: $t) -> Self {
                rule(e.kind(), e.field(), e.to_string())
            }
        }
    )+};
}
rule_errors!(Ogrs3Error, ArpError, DcSrpError, CsrpError);

/// A `#[pyfunction]` scoring one predictor over its input dict.
macro_rules! predictor_fns {
    ($($(#[$doc:meta])* $name:ident: $input:ty, $label:literal;)+) => {$(
        $(#[$doc])*
        #[pyfunction]
        pub(crate) fn $name<'py>(
            py: Python<'py>,
            inputs: &Bound<'py, PyAny>,
        ) -> PyResult<Bound<'py, PyAny>> {
            guard(|| {
                let i = input::<$input>(inputs, $label)?;
                result_to_py(py, &core_predictors::$name(&i).map_err(Error::from)?)
            })
        }
    )+};
}

predictor_fns! {
    /// OGRS3 over an `Ogrs3Input` dict.
    ogrs3: core_predictors::Ogrs3Input, "OGRS3";
    /// ARP over an `ArpInput` dict.
    arp: core_predictors::ArpInput, "ARP";
    /// DC-SRP over a `DcSrpInput` dict.
    dc_srp: core_predictors::DcSrpInput, "DC-SRP";
    /// VRP over a `ViolentInput` dict.
    vrp: core_predictors::ViolentInput, "VRP";
    /// SVRP over a `ViolentInput` dict.
    svrp: core_predictors::ViolentInput, "SVRP";
    /// IIC-SRP over an `IicSrpInput` dict.
    iic_srp: core_predictors::IicSrpInput, "IIC-SRP";
    /// CSRP over a `CsrpInput` dict (`{"svrp": ViolentInput, "dc_srp": DcSrpInput}`).
    csrp: core_predictors::CsrpInput, "CSRP";
}

/// Every predictor of a case on `on`, as far as its inputs allow.
#[pyfunction]
pub(crate) fn predictors<'py>(
    py: Python<'py>,
    case: &Bound<'py, PyCase>,
    on: &Bound<'_, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    on_case(py, case, on, |c, on| {
        Ok::<_, Error>(core_predictors::predictors(c, on))
    })
}
