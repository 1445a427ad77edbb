//! Batch functions over lists of cases: one result per input, in order; a failing case gives an
//! [`ItemError`] in its slot and does not stop the batch.

use probation_core::interchange;
use probation_core::model::Case;

use crate::bytes::JsonBytes;
use crate::error::guard;
use crate::{ApiError, Issue};

/// Which [`ApiError`] variant an item failed with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ErrorKind {
    /// See `ApiException.Decode`.
    Decode,
    /// See `ApiException.Validation`.
    Validation,
    /// See `ApiException.Policy`.
    Policy,
    /// See `ApiException.Calendar`.
    Calendar,
    /// See `ApiException.Internal`.
    Internal,
    /// See `ApiException.Record`.
    Record,
}

/// The error of one item of a batch: the same information as the [`ApiError`] a single call would throw.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ItemError {
    /// Which error.
    pub kind: ErrorKind,
    /// core's stable code (`decode`, `out_of_range`, `policy`, …; `validation`, `internal`).
    pub code: String,
    /// Field path, when the error names one.
    pub path: String,
    /// What is wrong.
    pub reason: String,
    /// Validation issues (validation errors), else empty.
    pub issues: Vec<Issue>,
}

impl From<ApiError> for ItemError {
    fn from(e: ApiError) -> Self {
        let reason = e.to_string();
        let none = Vec::new;
        let (kind, code, path, issues) = match e {
            ApiError::Decode { code, path, .. } => (ErrorKind::Decode, code, path, none()),
            ApiError::Validation { issues } => (
                ErrorKind::Validation,
                "validation".into(),
                String::new(),
                issues,
            ),
            ApiError::Policy { code, path, .. } => (ErrorKind::Policy, code, path, none()),
            ApiError::Calendar { code, path, .. } => (ErrorKind::Calendar, code, path, none()),
            ApiError::Record { code, path, .. } => (ErrorKind::Record, code, path, none()),
            ApiError::Internal { .. } => (
                ErrorKind::Internal,
                "internal".into(),
                String::new(),
                none(),
            ),
        };
        ItemError {
            kind,
            code,
            path,
            reason,
            issues,
        }
    }
}

/// Runs `f` on every case, in order, and builds each item with `item(result, error)`: exactly one of the two is
/// set, the error being what a single call would throw.
pub(crate) fn each<T, E, I>(
    cases: &[Case],
    f: impl Fn(&Case) -> Result<T, E>,
    item: impl Fn(Option<T>, Option<ItemError>) -> I,
) -> Vec<I>
where
    ApiError: From<E>,
{
    cases
        .iter()
        .map(|c| match f(c) {
            Ok(x) => item(Some(x), None),
            Err(e) => item(None, Some(ApiError::from(e).into())),
        })
        .collect()
}

/// One line of a JSON Lines case file.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct DecodedLine {
    /// 1-based line number.
    pub line: u32,
    /// The case, when the line decoded.
    pub case: Option<Case>,
    /// Why it did not.
    pub error: Option<ItemError>,
}

/// Decodes a JSON Lines case file (one case per line, blank lines skipped). Every line gets an entry.
#[uniffi::export]
pub fn decode_jsonl(text: String) -> Result<Vec<DecodedLine>, ApiError> {
    guard(|| Ok(lines(text.as_bytes())))
}

/// As [`decode_jsonl`], for the file's bytes: a line that is not UTF-8 is an item error `invalid_utf8` and the
/// other lines are decoded, as the `probation` command does (`readCaseFile` reads files this way).
#[uniffi::export]
pub fn decode_jsonl_bytes(bytes: JsonBytes) -> Result<Vec<DecodedLine>, ApiError> {
    guard(|| Ok(lines(&bytes.0)))
}

/// Every line of a JSON Lines input, decoded by core's reader.
fn lines(bytes: &[u8]) -> Vec<DecodedLine> {
    interchange::read_jsonl(bytes)
        .map(|l| {
            let line = u32::try_from(l.number).unwrap_or(u32::MAX);
            match l.case {
                Ok(c) => DecodedLine {
                    line,
                    case: Some(c),
                    error: None,
                },
                Err(e) => DecodedLine {
                    line,
                    case: None,
                    error: Some(ApiError::from(e).into()),
                },
            }
        })
        .collect()
}

/// Validates many cases: for each, its issues (empty = valid) or the error that stopped it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ValidationItem {
    /// Issues (empty = valid); empty too when `error` is set.
    pub issues: Vec<Issue>,
    /// A decode error (bad identifier or code), if any.
    pub error: Option<ItemError>,
}

/// Validates every case of a list.
#[uniffi::export]
pub fn validate_batch(cases: Vec<Case>) -> Result<Vec<ValidationItem>, ApiError> {
    guard(|| {
        Ok(cases
            .into_iter()
            .map(|c| ValidationItem {
                issues: crate::api::issues(&c),
                error: None,
            })
            .collect())
    })
}

/// The most cases [`synthetic_cases`] makes in one call.
pub const MAX_SYNTHETIC_CASES: u32 = 100_000;

/// A deterministic synthetic caseload (clearly fake people, valid cases) for tests, demos and benchmarks:
/// the same `seed` and `count` always give the same cases. At most [`MAX_SYNTHETIC_CASES`].
#[uniffi::export]
pub fn synthetic_cases(seed: u64, count: u32) -> Result<Vec<Case>, ApiError> {
    guard(|| {
        if count > MAX_SYNTHETIC_CASES {
            return Err(ApiError::Decode {
                code: "too_many_items".to_owned(),
                path: "count".to_owned(),
                reason: format!("at most {MAX_SYNTHETIC_CASES} cases per call"),
            });
        }
        let n = usize::try_from(count).unwrap_or(0);
        Ok(probation_core::synth::generate(seed, n))
    })
}
