//! The Kotlin binding's one public error type, and the one place core's errors are mapped onto it.
//!
//! It lives here rather than in the binding so that a value that does not lift (a bad CRN in a Kotlin `Person`,
//! an unknown provider code) raises the same typed error as decoding: uniffi turns a lift failure into the
//! function's own error only when it is exactly that type. Kotlin sees `ApiException`, a sealed class with one
//! subclass per variant (`ApiException.Decode`, `ApiException.Validation`, …). A variant is added only when a
//! caller would act differently on it. Messages come from core, which never puts a value from the input into
//! an error.

use crate::allocation::{AllocationError, PolicyError};
use crate::calendar::CalendarError;
use crate::contact::ContactError;
use crate::interchange::DecodeError;
use crate::predictors::{ArpError, CsrpError, DcSrpError, Ogrs3Error};
use crate::records::RecordError;
use crate::release::ReleaseError;
use crate::sentence::SentenceError;
use crate::tier::TierError;
use crate::validate::ValidationErrors;

/// One validation failure: the field path and the rule's stable code.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Issue {
    /// Field path, e.g. `events[0].sentence.requirements[1].hours`.
    pub path: String,
    /// The rule's snake_case code, e.g. `unpaid_work_hours`.
    pub rule: String,
    /// What the rule requires, in plain English.
    pub message: String,
}

/// Everything that can go wrong in a call. Never contains a value from the input.
///
/// `code` is core's stable snake_case kind of the error (`decode`, `out_of_range`, `policy`, `unknown_preset`,
/// `calendar`, …, as in `tests/vectors`); `path` names the field at fault (empty when the whole input is).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum ApiError {
    /// The input is unusable: bad JSON, a field of the wrong type, an unknown code, a bad identifier, a value
    /// out of range, a sentence whose dates cannot be worked out, more items than the documented limits.
    #[error("{code} at `{path}`: {reason}")]
    Decode {
        /// Stable kind: `decode` (bad JSON or not the case format), `too_large`, `too_deep`, `invalid_utf8`,
        /// `out_of_range` (a percentage), `zero_length`, `credit_exceeds_sentence`, `sentence`,
        /// `date_out_of_range`, `too_many_items`.
        code: String,
        /// Field path (empty when the whole input is at fault).
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// The case decoded but breaks one or more rules of docs/rules/case.md.
    #[error("{} validation issue(s)", issues.len())]
    Validation {
        /// Every failure, in case order.
        issues: Vec<Issue>,
    },
    /// A policy (allocation or contact standard) is malformed, or no preset has that name.
    #[error("{code} at `{path}`: {reason}")]
    Policy {
        /// Stable kind: `policy` or `unknown_preset`.
        code: String,
        /// Field path in the policy.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// A date (given, or an answer) is outside the calendar's range 1970-01-01 ..= 2100-12-31.
    #[error("{code} at `{path}`: {reason}")]
    Calendar {
        /// Stable kind: `out_of_range` (calendar questions) or `calendar` (a deadline of an engine).
        code: String,
        /// The date the answer counts from, when known.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// An nDelius/OASys record (tier-details, community-api, Integration API, a domain event) could not be read.
    #[error("{code} at `{path}`: {reason}")]
    Record {
        /// Stable kind, as core's `RecordError` serialises it: `decode`, `too_large`, `too_many`,
        /// `unknown_code`, `unsupported`, `invalid`.
        code: String,
        /// Field path in the record's own field names (empty when the whole document is at fault).
        path: String,
        /// The register/table code refused (`unknown_code`, `unsupported`; `<redacted>` when the value does not
        /// have the shape of a code). Never a personal value.
        table_code: Option<String>,
        /// The limit exceeded (`too_large`: bytes; `too_many`: items).
        limit: Option<u64>,
        /// What is wrong.
        reason: String,
    },
    /// A bug in the library (a panic caught at the boundary). Please report it.
    #[error("internal error: {reason}")]
    Internal {
        /// What happened, without input values.
        reason: String,
    },
}

impl ApiError {
    /// A decode error at `path`.
    pub fn decode(path: impl Into<String>, reason: impl Into<String>) -> Self {
        ApiError::Decode {
            code: "decode".to_owned(),
            path: path.into(),
            reason: reason.into(),
        }
    }

    fn of(
        make: fn(String, String, String) -> ApiError,
        code: &str,
        path: impl Into<String>,
        reason: impl ToString,
    ) -> Self {
        make(code.to_owned(), path.into(), reason.to_string())
    }
}

fn decode(code: String, path: String, reason: String) -> ApiError {
    ApiError::Decode { code, path, reason }
}
fn policy(code: String, path: String, reason: String) -> ApiError {
    ApiError::Policy { code, path, reason }
}
fn calendar(code: String, path: String, reason: String) -> ApiError {
    ApiError::Calendar { code, path, reason }
}

// ---- the one mapping from core's errors ----------------------------------------------------------------------

impl From<DecodeError> for ApiError {
    fn from(e: DecodeError) -> Self {
        let code = match &e {
            DecodeError::Syntax { .. } | DecodeError::Schema { .. } => "decode",
            DecodeError::TooLarge { .. } => "too_large",
            DecodeError::TooDeep { .. } => "too_deep",
            DecodeError::InvalidUtf8 => "invalid_utf8",
            DecodeError::Io(_) => "io",
        };
        let reason = match &e {
            DecodeError::Schema { message, .. } => message.clone(),
            other => other.to_string(),
        };
        ApiError::of(decode, code, e.path(), reason)
    }
}

impl From<ValidationErrors> for ApiError {
    fn from(e: ValidationErrors) -> Self {
        ApiError::Validation {
            issues: e
                .0
                .into_iter()
                .map(|i| Issue {
                    message: i.rule.message().to_owned(),
                    rule: i.rule.code().to_owned(),
                    path: i.path,
                })
                .collect(),
        }
    }
}

impl From<CalendarError> for ApiError {
    fn from(e: CalendarError) -> Self {
        ApiError::of(calendar, e.code(), "", e)
    }
}

impl From<PolicyError> for ApiError {
    fn from(e: PolicyError) -> Self {
        ApiError::of(policy, "policy", e.field(), &e)
    }
}

impl From<AllocationError> for ApiError {
    fn from(e: AllocationError) -> Self {
        match e {
            AllocationError::Policy(p) => p.into(),
            AllocationError::Calendar { .. } => ApiError::of(calendar, e.kind(), e.path(), &e),
            AllocationError::OutOfRange { .. } => ApiError::of(decode, e.kind(), e.path(), &e),
        }
    }
}

impl From<TierError> for ApiError {
    fn from(e: TierError) -> Self {
        ApiError::of(decode, e.kind(), e.path(), &e)
    }
}

impl From<SentenceError> for ApiError {
    fn from(e: SentenceError) -> Self {
        ApiError::of(decode, e.code(), e.field(), e)
    }
}

impl From<ContactError> for ApiError {
    fn from(e: ContactError) -> Self {
        let make = match e {
            ContactError::Policy { .. } | ContactError::UnknownPreset => policy,
            ContactError::Calendar(_) => calendar,
            _ => decode,
        };
        ApiError::of(make, e.code(), e.path(), &e)
    }
}

impl From<crate::audit::AuditError> for ApiError {
    fn from(e: crate::audit::AuditError) -> Self {
        use crate::audit::AuditError as A;
        match e {
            A::Allocation(a) => a.into(),
            A::Tier(t) => t.into(),
            A::Contact(c) => c.into(),
            A::Invalid { .. } | A::Sentence { .. } => {
                let path = e.path();
                ApiError::of(decode, e.kind(), &path, &e)
            }
        }
    }
}

impl From<ReleaseError> for ApiError {
    fn from(e: ReleaseError) -> Self {
        ApiError::of(decode, e.code(), e.field(), e.reason())
    }
}

impl From<Ogrs3Error> for ApiError {
    fn from(e: Ogrs3Error) -> Self {
        ApiError::of(decode, e.kind(), e.field(), e)
    }
}

impl From<ArpError> for ApiError {
    fn from(e: ArpError) -> Self {
        ApiError::of(decode, e.kind(), e.field(), e)
    }
}

impl From<DcSrpError> for ApiError {
    fn from(e: DcSrpError) -> Self {
        ApiError::of(decode, e.kind(), e.field(), e)
    }
}

impl From<CsrpError> for ApiError {
    fn from(e: CsrpError) -> Self {
        ApiError::of(decode, e.kind(), e.field(), e)
    }
}

impl From<RecordError> for ApiError {
    fn from(e: RecordError) -> Self {
        let (table_code, limit) = match &e {
            RecordError::TooLarge { limit } => (None, Some(*limit)),
            RecordError::TooMany { max, .. } => (None, Some(*max)),
            RecordError::UnknownCode { code, .. } | RecordError::Unsupported { code, .. } => {
                (Some(code.clone()), None)
            }
            RecordError::Decode { .. } | RecordError::Invalid { .. } => (None, None),
        };
        ApiError::Record {
            code: e.kind().to_owned(),
            path: e.path().to_owned(),
            table_code,
            limit: limit.and_then(|l| u64::try_from(l).ok()),
            reason: e.to_string(),
        }
    }
}
