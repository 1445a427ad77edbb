//! The records real systems hold, read and written directly: the tier-to-delius `tier-details` document, the
//! tier in the forms nDelius stores, HMPPS domain events, and which results an event can change.
//!
//! Each mapping says, per field, what it reads (docs/records.md). Code tables are cited data in [`codes`]; per
//! table an unknown code is either kept or a typed [`RecordError`] naming the field and the code. Errors never
//! contain a personal value: a code is echoed only when it has the shape of a code (see [`codes::shown`]).

pub mod arns;
pub mod arns_sections;
pub mod codes;
pub mod community_api;
pub mod events;
pub mod export;
pub mod integration_api;
pub mod shape;
pub mod tier_details;

use serde::Serialize;

pub use arns::{ArnsPredictorEntry, arns_predictors_to_assessment};
pub use arns_sections::{ArnsSections, ArnsSexualOffence, arns_sections_to_assessment};
pub use community_api::{CommunityApiCase, community_api_from_case, community_api_to_case};
pub use events::{
    DomainEvent, EventRecompute, PersonIdentifier, PersonReference, Recompute, TierChange,
    recompute_for, recompute_for_event, tier_changed_events,
};
pub use export::{
    EventKeyDates, NdeliusKeyDate, NdeliusTierForms, case_key_dates, key_dates, tier_forms,
};
pub use integration_api::{IntegrationApiCase, integration_api_from_case, integration_api_to_case};
pub use shape::{RecordShape, from_ndelius, to_ndelius};
pub use tier_details::{
    TierDetails, tier_details_from_case, tier_details_line_from_case, tier_details_line_to_case,
    tier_details_to_case,
};

/// The largest document a mapping reads, in bytes (as for a case, [`crate::interchange::MAX_CASE_BYTES`]).
pub const MAX_DOCUMENT_BYTES: usize = crate::interchange::MAX_CASE_BYTES;

/// The most items any one array of a record may hold (registrations, convictions, requirements, ...).
pub const MAX_ITEMS: usize = 1000;

/// Why a record could not be read. Messages name the field (a path in the record's own field names) and, for
/// code tables, the code; never a personal value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RecordError {
    /// Not well-formed JSON, a value of the wrong type, or a required field absent.
    #[error("{}{message}", prefix(path))]
    Decode {
        /// Field path, e.g. `convictions[0].requirements[1].restrictive`; `""` at the top level.
        path: String,
        /// What is wrong, redacted (no input value).
        message: String,
    },
    /// The document is larger than [`MAX_DOCUMENT_BYTES`].
    #[error("document is larger than the limit of {limit} bytes")]
    TooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// An array holds more than [`MAX_ITEMS`] items.
    #[error("`{path}` holds more than {max} items")]
    TooMany {
        /// Field path of the array.
        path: String,
        /// The limit.
        max: usize,
    },
    /// A code the field's table refuses when unknown.
    #[error("`{path}`: unknown code `{code}`")]
    UnknownCode {
        /// Field path.
        path: String,
        /// The code, or `<redacted>` when the value does not have the shape of a code.
        code: String,
    },
    /// A known code the case model cannot represent.
    #[error("`{path}`: code `{code}` cannot be represented in the case model")]
    Unsupported {
        /// Field path.
        path: String,
        /// The code.
        code: String,
    },
    /// A value that is well-typed but not acceptable (an identifier, a percentage, a contradiction).
    #[error("`{path}`: {reason}")]
    Invalid {
        /// Field path.
        path: String,
        /// Why, in fixed words.
        reason: String,
    },
}

fn prefix(path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!("`{path}`: ")
    }
}

/// Redacts a serde message, keeping the name of a missing field when it is a key of the shape.
fn redact(msg: &str, keys: Keys<'_>) -> String {
    if let Some(rest) = msg.strip_prefix("missing field `")
        && let Some((key, tail)) = rest.split_once('`')
        && known(keys, key)
    {
        return format!("missing field `{key}`{}", crate::interchange::redact(tail));
    }
    crate::interchange::redact(msg)
}

impl RecordError {
    /// The field path the error is about (`""` for the whole document).
    pub fn path(&self) -> &str {
        match self {
            RecordError::Decode { path, .. }
            | RecordError::TooMany { path, .. }
            | RecordError::UnknownCode { path, .. }
            | RecordError::Unsupported { path, .. }
            | RecordError::Invalid { path, .. } => path,
            RecordError::TooLarge { .. } => "",
        }
    }

    /// A short stable kind: `decode`, `too_large`, `too_many`, `unknown_code`, `unsupported`, `invalid`.
    pub const fn kind(&self) -> &'static str {
        match self {
            RecordError::Decode { .. } => "decode",
            RecordError::TooLarge { .. } => "too_large",
            RecordError::TooMany { .. } => "too_many",
            RecordError::UnknownCode { .. } => "unknown_code",
            RecordError::Unsupported { .. } => "unsupported",
            RecordError::Invalid { .. } => "invalid",
        }
    }

    pub(crate) fn invalid(path: impl Into<String>, reason: &str) -> Self {
        RecordError::Invalid {
            path: path.into(),
            reason: reason.to_owned(),
        }
    }

    pub(crate) fn unknown(path: impl Into<String>, code: &str) -> Self {
        RecordError::UnknownCode {
            path: path.into(),
            code: codes::shown(code),
        }
    }
}

/// Every key of a shape, as lists (a shape that joins others' documents gives theirs too).
pub(crate) type Keys<'a> = &'a [&'a [&'a str]];

fn known(keys: Keys<'_>, key: &str) -> bool {
    keys.iter().any(|k| k.contains(&key))
}

/// Decodes a record of type `T` from `json`, naming the field of any error with the record's own keys (`keys`:
/// every key of the shape; any other key is input and is shown as `?`).
pub(crate) fn decode<T: serde::de::DeserializeOwned>(
    json: &str,
    keys: Keys<'_>,
) -> Result<T, RecordError> {
    if json.len() > MAX_DOCUMENT_BYTES {
        return Err(RecordError::TooLarge {
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    // The case format's fast path first (`interchange::fast`: it returns a value only where serde_json would
    // return the same one, and reads structs from objects only; names handed over as names, since the shapes
    // have serde aliases), then serde_json with structs from objects only,
    // as for a case (`interchange::ObjectsOnly`): an array is never read as a struct.
    if let Some(v) = crate::interchange::fast::decode_by_name::<T>(json) {
        return Ok(v);
    }
    if let Ok(v) = crate::interchange::from_str_objects_only::<T>(json) {
        return Ok(v);
    }
    let mut de = serde_json::Deserializer::from_str(json);
    let err =
        match serde_path_to_error::deserialize::<_, T>(crate::interchange::ObjectsOnly(&mut de)) {
            Ok(v) => match de.end() {
                Ok(()) => return Ok(v),
                Err(e) => {
                    return Err(RecordError::Decode {
                        path: String::new(),
                        message: redact(&e.to_string(), keys),
                    });
                }
            },
            Err(e) => e,
        };
    let path = path_of(err.path(), keys);
    Err(RecordError::Decode {
        path,
        message: redact(&err.inner().to_string(), keys),
    })
}

/// Decodes from bytes, which must be UTF-8.
pub(crate) fn decode_bytes<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    keys: Keys<'_>,
) -> Result<T, RecordError> {
    decode(document_text(bytes)?, keys)
}

/// A document given as bytes, as text: `too_large` over [`MAX_DOCUMENT_BYTES`], `decode` when not UTF-8.
pub fn document_text(bytes: &[u8]) -> Result<&str, RecordError> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(RecordError::TooLarge {
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    std::str::from_utf8(bytes).map_err(|_| RecordError::Decode {
        path: String::new(),
        message: "input is not valid utf-8".to_owned(),
    })
}

fn path_of(path: &serde_path_to_error::Path, keys: Keys<'_>) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(if known(keys, key) { key } else { "?" });
            }
            Segment::Unknown => {}
        }
    }
    out
}

/// Refuses an array longer than [`MAX_ITEMS`].
pub(crate) fn check_len<T>(items: &[T], path: impl FnOnce() -> String) -> Result<(), RecordError> {
    if items.len() > MAX_ITEMS {
        Err(RecordError::TooMany {
            path: path(),
            max: MAX_ITEMS,
        })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_field_is_named_and_values_are_not() {
        let e = tier_details::TierDetails::decode(
            r#"{"registrations":[],"convictions":[],"previousEnforcementActivity":false}"#,
        )
        .err();
        let text = e.map(|e| e.to_string()).unwrap_or_default();
        assert!(text.starts_with("missing field `hasActiveEvent`"), "{text}");
        let e = tier_details::TierDetails::decode(r#"{"gender": 5, "Jane Smith": 1}"#).err();
        let text = e.map(|e| e.to_string()).unwrap_or_default();
        assert!(
            text.starts_with("`gender`: invalid type: integer, expected"),
            "{text}"
        );
        assert!(!text.contains('5') || text.contains("column"), "{text}");
    }

    #[test]
    fn codes_are_shown_only_when_code_shaped() {
        assert_eq!(codes::shown("RM38"), "RM38");
        assert_eq!(codes::shown("Jane Smith"), "<redacted>");
        assert_eq!(codes::shown(""), "<redacted>");
        assert_eq!(codes::shown("ABCDEFGHIJKLMNOPQ"), "<redacted>");
    }
}
