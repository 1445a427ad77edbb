//! [`AllocationPolicy`]: the effective dates, thresholds and switches of allocation, as data.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// An allocation policy: effective dates, criteria switches, thresholds and deadlines.
///
/// Every field is documented with its default and where that default comes from. Switches and values marked
/// \[A\] in docs/rules/allocation.md are the caller's to change; load a custom policy from JSON with
/// [`AllocationPolicy::from_json`] (unknown fields are an error; every field must be given) or start from a
/// preset ([`AllocationPolicy::preset`]) and change fields in code, then call [`AllocationPolicy::validate`].
///
/// ```
/// use probation_core::allocation::AllocationPolicy;
/// let p = AllocationPolicy::default_policy();
/// assert_eq!(p.id.as_ref(), "default");
/// assert!(p.rsr_threshold_enabled);
/// assert_eq!(p.rsr_threshold, 6.9);
///
/// // A custom policy: the default with the RSR criterion switched off.
/// let mut json = serde_json::to_value(&p).unwrap();
/// json["id"] = "no-rsr".into();
/// json["rsr_threshold_enabled"] = false.into();
/// let custom = AllocationPolicy::from_json(&json.to_string()).unwrap();
/// assert!(!custom.rsr_threshold_enabled);
///
/// // An invalid policy names the field.
/// json["rsr_threshold"] = 101.0.into();
/// let err = AllocationPolicy::from_json(&json.to_string()).unwrap_err();
/// assert_eq!(err.field(), "rsr_threshold");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllocationPolicy {
    /// Identifier, copied into every result (non-empty, at most 64 characters).
    pub id: Arc<str>,
    /// Version, copied into every result.
    pub version: u32,
    /// First day of Transforming Rehabilitation; before it every case belongs to the Probation Trust. Default
    /// 2014-06-01 \[V\].
    pub tr_start: NaiveDate,
    /// First day of the unified Probation Service; from it every case belongs to it. Default 2021-06-26 \[V\].
    /// Must be after `tr_start`.
    pub ps_start: NaiveDate,
    /// Whether Welsh cases go to NPS Wales from `wales_to_nps_from`. Default on \[A\].
    pub wales_to_nps_enabled: bool,
    /// When Wales' CRC work moved to NPS Wales. Default 2019-12-01 \[A\]
    /// (docs/rules/allocation.md#wales-from-december-2019: "December 2019").
    pub wales_to_nps_from: NaiveDate,
    /// Whether an active `RPIR` (exceptional public interest) keeps a case with the NPS. Default on \[A\].
    pub public_interest_enabled: bool,
    /// Whether an active `RTAO` (terrorism) keeps a case with the NPS. Default on \[A\].
    pub terrorism_enabled: bool,
    /// Whether an RSR at or above `rsr_threshold` keeps a case with the NPS. Default on \[A\].
    pub rsr_threshold_enabled: bool,
    /// RSR percentage (0–100) at or above which a case stays with the NPS. Default 6.9, the start of the high
    /// band \[V-code\] / \[A\] for its use in allocation.
    pub rsr_threshold: f64,
    /// Working days after the sentence date by whose end allocation must be done. Default 2 \[V\] NPS SL002. 0–30.
    pub allocation_working_days: u32,
    /// Working days after a risk change by which a CRC must refer the case to the NPS ("without delay"). Default
    /// 1, the next working day \[A\]. 0–30.
    pub escalation_working_days: u32,
}

/// Why a policy is invalid. Names the field; never repeats a value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    /// The JSON does not match the policy format.
    #[error("policy field `{path}`: {message}")]
    Decode {
        /// Field path (`rsr_threshold`), empty for the document itself.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A field has a value outside its range.
    #[error("policy field `{field}`: {reason}")]
    Invalid {
        /// The field.
        field: &'static str,
        /// What the field must be.
        reason: &'static str,
    },
    /// No preset has this name.
    #[error("unknown allocation policy preset; known presets: default, verified-only")]
    UnknownPreset,
}

impl PolicyError {
    /// The field the error is about (`""` for the document or an unknown preset).
    pub fn field(&self) -> &str {
        match self {
            PolicyError::Decode { path, .. } => path,
            PolicyError::Invalid { field, .. } => field,
            PolicyError::UnknownPreset => "",
        }
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

impl AllocationPolicy {
    /// The names of the built-in presets.
    pub const PRESETS: &'static [&'static str] = &["default", "verified-only"];

    /// The default policy: docs/rules/allocation.md as written, every \[A\] switch on.
    pub fn default_policy() -> Self {
        AllocationPolicy {
            id: Arc::from("default"),
            version: 1,
            tr_start: date(2014, 6, 1),
            ps_start: date(2021, 6, 26),
            wales_to_nps_enabled: true,
            wales_to_nps_from: date(2019, 12, 1),
            public_interest_enabled: true,
            terrorism_enabled: true,
            rsr_threshold_enabled: true,
            rsr_threshold: 6.9,
            allocation_working_days: 2,
            escalation_working_days: 1,
        }
    }

    /// Only the \[V\] criteria (MAPPA, RoSH high or very high, foreign national liable to deportation): the \[A\]
    /// switches (public interest, terrorism, RSR, Wales) are off.
    pub fn verified_only() -> Self {
        AllocationPolicy {
            id: Arc::from("verified-only"),
            wales_to_nps_enabled: false,
            public_interest_enabled: false,
            terrorism_enabled: false,
            rsr_threshold_enabled: false,
            ..Self::default_policy()
        }
    }

    /// A preset by name (see [`AllocationPolicy::PRESETS`]).
    ///
    /// # Errors
    /// [`PolicyError::UnknownPreset`] for any other name.
    pub fn preset(name: &str) -> Result<Self, PolicyError> {
        match name {
            "default" => Ok(Self::default_policy()),
            "verified-only" => Ok(Self::verified_only()),
            _ => Err(PolicyError::UnknownPreset),
        }
    }

    /// Loads and validates a policy from JSON. Every field must be given; unknown fields are an error.
    ///
    /// # Errors
    /// [`PolicyError::Decode`] naming the field for malformed JSON, a missing or unknown field or a wrong type;
    /// [`PolicyError::Invalid`] for a value out of range.
    pub fn from_json(json: &str) -> Result<Self, PolicyError> {
        let mut de = serde_json::Deserializer::from_str(json);
        let p: AllocationPolicy = serde_path_to_error::deserialize(
            crate::interchange::ObjectsOnly(&mut de),
        )
        .map_err(|e| {
            let message = e.inner().to_string();
            PolicyError::Decode {
                path: normalise_path(e.path().to_string(), &message),
                message,
            }
        })?;
        de.end().map_err(|e| PolicyError::Decode {
            path: String::new(),
            message: e.to_string(),
        })?;
        p.validate()?;
        Ok(p)
    }

    /// Checks every field's range.
    ///
    /// # Errors
    /// [`PolicyError::Invalid`] naming the first field out of range.
    pub fn validate(&self) -> Result<(), PolicyError> {
        let invalid = |field, reason| Err(PolicyError::Invalid { field, reason });
        if self.id.trim().is_empty() || self.id.len() > 64 {
            return invalid("id", "must be 1 to 64 characters");
        }
        if self.ps_start <= self.tr_start {
            return invalid("ps_start", "must be after tr_start");
        }
        if self.wales_to_nps_from < self.tr_start {
            return invalid("wales_to_nps_from", "must not be before tr_start");
        }
        if !(self.rsr_threshold.is_finite() && (0.0..=100.0).contains(&self.rsr_threshold)) {
            return invalid("rsr_threshold", "must be a percentage from 0 to 100");
        }
        if self.allocation_working_days > 30 {
            return invalid("allocation_working_days", "must be from 0 to 30");
        }
        if self.escalation_working_days > 30 {
            return invalid("escalation_working_days", "must be from 0 to 30");
        }
        Ok(())
    }
}

impl Default for AllocationPolicy {
    fn default() -> Self {
        Self::default_policy()
    }
}

/// serde reports a missing field at its parent: name the field itself.
fn normalise_path(p: String, message: &str) -> String {
    let missing = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next());
    match (p.as_str(), missing) {
        (".", Some(field)) => field.to_owned(),
        (_, Some(field)) => format!("{p}.{field}"),
        (".", None) => String::new(),
        _ => p,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_are_valid_and_round_trip() {
        for name in AllocationPolicy::PRESETS {
            let p = AllocationPolicy::preset(name).unwrap();
            p.validate().unwrap();
            let back = AllocationPolicy::from_json(&serde_json::to_string(&p).unwrap()).unwrap();
            assert_eq!(back, p);
        }
        assert_eq!(
            AllocationPolicy::preset("nope"),
            Err(PolicyError::UnknownPreset)
        );
    }

    #[test]
    fn errors_name_the_field() {
        let mut v = serde_json::to_value(AllocationPolicy::default_policy()).unwrap();
        v["colour"] = "red".into();
        assert_eq!(
            AllocationPolicy::from_json(&v.to_string())
                .unwrap_err()
                .field(),
            "colour"
        );
        let mut v = serde_json::to_value(AllocationPolicy::default_policy()).unwrap();
        v.as_object_mut().unwrap().remove("tr_start");
        let e = AllocationPolicy::from_json(&v.to_string()).unwrap_err();
        assert_eq!(e.field(), "tr_start");
        let mut v = serde_json::to_value(AllocationPolicy::default_policy()).unwrap();
        v["ps_start"] = "2010-01-01".into();
        assert_eq!(
            AllocationPolicy::from_json(&v.to_string())
                .unwrap_err()
                .field(),
            "ps_start"
        );
        v["ps_start"] = "2021-02-30".into();
        assert_eq!(
            AllocationPolicy::from_json(&v.to_string())
                .unwrap_err()
                .field(),
            "ps_start"
        );
        let mut v = serde_json::to_value(AllocationPolicy::default_policy()).unwrap();
        v["escalation_working_days"] = 31.into();
        assert_eq!(
            AllocationPolicy::from_json(&v.to_string())
                .unwrap_err()
                .field(),
            "escalation_working_days"
        );
    }

    /// A policy is an object: the same values as an array, in field order, are refused.
    #[test]
    fn an_array_is_not_a_policy() {
        use serde::Deserializer as _;
        // The policy's values in field order (a `serde_json::Value` would sort the keys).
        struct InOrder;
        impl<'de> serde::de::Visitor<'de> for InOrder {
            type Value = Vec<serde_json::Value>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some((_, v)) = m.next_entry::<String, serde_json::Value>()? {
                    out.push(v);
                }
                Ok(out)
            }
        }
        let json = serde_json::to_string(&AllocationPolicy::default_policy()).unwrap();
        let values = serde_json::Deserializer::from_str(&json)
            .deserialize_map(InOrder)
            .unwrap();
        let text = serde_json::Value::Array(values).to_string();
        // serde's derive alone would read it, field by field in order.
        assert!(serde_json::from_str::<AllocationPolicy>(&text).is_ok());
        let e = AllocationPolicy::from_json(&text).unwrap_err();
        assert_eq!(e.field(), "");
        assert!(matches!(e, PolicyError::Decode { .. }), "{e:?}");
    }
}
