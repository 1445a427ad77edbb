//! Exported functions over one case: JSON in and out, records in and out, validation.

use probation_core::interchange;
use probation_core::model::Case;

use crate::bytes::JsonBytes;
use crate::error::guard;
use crate::{ApiError, Issue};

/// Decodes one case from its JSON interchange form (strict: unknown fields, bad codes and bad identifiers are
/// `ApiException.Decode` naming the field).
#[uniffi::export]
pub fn decode_case(json: String) -> Result<Case, ApiError> {
    guard(|| Ok(interchange::decode_case(&json)?))
}

/// Decodes one case from UTF-8 bytes (invalid UTF-8 is `ApiException.Decode` with code `invalid_utf8`).
#[uniffi::export]
pub fn decode_case_bytes(bytes: JsonBytes) -> Result<Case, ApiError> {
    guard(|| Ok(interchange::decode_case_bytes(&bytes.0)?))
}

/// Encodes a case record as compact interchange JSON.
#[uniffi::export]
pub fn encode_case(case: Case) -> Result<String, ApiError> {
    guard(|| Ok(interchange::encode_case(&case)))
}

/// Decodes a case from JSON.
pub(crate) fn from_json(json: &str) -> Result<Case, ApiError> {
    Ok(interchange::decode_case(json)?)
}

/// Every rule of docs/rules/case.md the case breaks, in case order; empty when it is valid.
pub(crate) fn issues(case: &Case) -> Vec<Issue> {
    match probation_core::validate::validate(case) {
        Ok(()) => Vec::new(),
        Err(e) => match ApiError::from(e) {
            ApiError::Validation { issues } => issues,
            _ => Vec::new(),
        },
    }
}

/// Validates a case record: every rule it breaks (empty list = valid). Bad identifiers or codes are
/// `ApiException.Decode`.
#[uniffi::export]
pub fn validate(case: Case) -> Result<Vec<Issue>, ApiError> {
    guard(|| Ok(issues(&case)))
}

/// Validates a case given as JSON: every rule it breaks (empty list = valid). Malformed JSON is
/// `ApiException.Decode`.
#[uniffi::export]
pub fn validate_json(json: String) -> Result<Vec<Issue>, ApiError> {
    guard(|| Ok(issues(&from_json(&json)?)))
}

/// Validates a case given as UTF-8 bytes of JSON: every rule it breaks (empty list = valid).
#[uniffi::export]
pub fn validate_json_bytes(bytes: JsonBytes) -> Result<Vec<Issue>, ApiError> {
    guard(|| Ok(issues(&interchange::decode_case_bytes(&bytes.0)?)))
}

/// Throws `ApiException.Validation` listing every issue when the case is invalid; returns normally otherwise.
#[uniffi::export]
pub fn require_valid(case: Case) -> Result<(), ApiError> {
    guard(|| Ok(probation_core::validate::validate(&case)?))
}

/// Decodes an input that is not a case (a predictor's inputs, release options, tier changes) from JSON, naming
/// the field at fault. The reason is fixed words: serde's message can quote the input.
pub(crate) fn input_from_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, ApiError> {
    let mut de = serde_json::Deserializer::from_str(json);
    let value = serde_path_to_error::deserialize::<_, T>(&mut de).map_err(|e| {
        ApiError::decode(
            e.path().to_string(),
            "missing, of the wrong type, or not a known field or value",
        )
    })?;
    de.end()
        .map_err(|_| ApiError::decode("", "trailing characters after the JSON value"))?;
    Ok(value)
}
