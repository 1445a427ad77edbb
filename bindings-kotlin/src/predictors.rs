//! The actuarial predictors (docs/rules/predictors.md): OGRS3, ARP, DC-SRP, VRP, SVRP, IIC-SRP, CSRP over their own
//! inputs, and every predictor of a case; core's own input and result records (OGRS3, ARP, DC-SRP, the case), and
//! the same as JSON (core's serialisation).

use chrono::NaiveDate;
use probation_core::model::Case;
use probation_core::predictors as p;

use crate::ApiError;
use crate::api::{from_json, input_from_json};
use crate::error::{guard, internal};

/// OGRS3 of its inputs. A refused input is `ApiException.Decode` with the predictor's kind (e.g.
/// `offence_code_not_mapped`) and the input field as `path`.
#[uniffi::export]
pub fn ogrs3(input: p::Ogrs3Input) -> Result<p::Ogrs3Score, ApiError> {
    guard(|| Ok(p::ogrs3(&input)?))
}

/// ARP of its inputs; errors as [`ogrs3`].
#[uniffi::export]
pub fn arp(input: p::ArpInput) -> Result<p::ArpScore, ApiError> {
    guard(|| Ok(p::arp(&input)?))
}

/// DC-SRP of its inputs; errors as [`ogrs3`].
#[uniffi::export]
pub fn dc_srp(input: p::DcSrpInput) -> Result<p::DcSrpScore, ApiError> {
    guard(|| Ok(p::dc_srp(&input)?))
}

/// Every predictor of a case on `on`: each scored, refused or not computed with the missing fields.
#[uniffi::export]
pub fn predictors(case: Case, on: NaiveDate) -> Result<p::CasePredictors, ApiError> {
    guard(|| Ok(p::predictors(&case, on)))
}

/// OGRS3 of an `Ogrs3Input` given as JSON, as JSON (`Ogrs3Score`); errors as [`ogrs3`].
#[uniffi::export]
pub fn ogrs3_json(input_json: String) -> Result<String, ApiError> {
    guard(|| serde_json::to_string(&p::ogrs3(&input_from_json(&input_json)?)?).map_err(internal))
}

/// ARP of an `ArpInput` given as JSON, as JSON (`ArpScore`); errors as [`ogrs3`].
#[uniffi::export]
pub fn arp_json(input_json: String) -> Result<String, ApiError> {
    guard(|| serde_json::to_string(&p::arp(&input_from_json(&input_json)?)?).map_err(internal))
}

/// DC-SRP of a `DcSrpInput` given as JSON, as JSON (`DcSrpScore`); errors as [`ogrs3`].
#[uniffi::export]
pub fn dc_srp_json(input_json: String) -> Result<String, ApiError> {
    guard(|| serde_json::to_string(&p::dc_srp(&input_from_json(&input_json)?)?).map_err(internal))
}

/// VRP of a `ViolentInput` given as JSON, as JSON (`ViolentScore`); errors as [`ogrs3_json`].
#[uniffi::export]
pub fn vrp_json(input_json: String) -> Result<String, ApiError> {
    guard(|| serde_json::to_string(&p::vrp(&input_from_json(&input_json)?)?).map_err(internal))
}

/// SVRP of a `ViolentInput` given as JSON, as JSON (`ViolentScore`); errors as [`ogrs3_json`].
#[uniffi::export]
pub fn svrp_json(input_json: String) -> Result<String, ApiError> {
    guard(|| serde_json::to_string(&p::svrp(&input_from_json(&input_json)?)?).map_err(internal))
}

/// IIC-SRP of an `IicSrpInput` given as JSON, as JSON (`IicSrpScore`); errors as [`ogrs3_json`].
#[uniffi::export]
pub fn iic_srp_json(input_json: String) -> Result<String, ApiError> {
    guard(|| serde_json::to_string(&p::iic_srp(&input_from_json(&input_json)?)?).map_err(internal))
}

/// CSRP of a `CsrpInput` given as JSON, as JSON (`CsrpScore`); a refused component is `ApiException.Decode`
/// with kind `component_refused` and the component (`svrp`, `dc_srp`, `iic_srp`) as `path`.
#[uniffi::export]
pub fn csrp_json(input_json: String) -> Result<String, ApiError> {
    guard(|| serde_json::to_string(&p::csrp(&input_from_json(&input_json)?)?).map_err(internal))
}

/// Every predictor of a case given as JSON on `on`, as JSON (`CasePredictors`: each scored, refused or not
/// computed with the missing fields).
#[uniffi::export]
pub fn predictors_json(case_json: String, on: NaiveDate) -> Result<String, ApiError> {
    guard(|| serde_json::to_string(&p::predictors(&from_json(&case_json)?, on)).map_err(internal))
}
