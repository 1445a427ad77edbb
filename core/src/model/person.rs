//! The person under supervision.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::CrcArea;
use crate::ids::{Crn, Pnc, PrisonNumber};

/// Sex as recorded in nDelius. Only `female` changes a rule (the women's factors of the tier, DOMAIN.md §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// Male.
    Male,
    /// Female.
    Female,
    /// Not specified or not known.
    NotSpecified,
}

/// A person's name. Personal data: never appears in errors or logs.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PersonName {
    /// Given name(s).
    pub given: String,
    /// Family name.
    pub family: String,
}

impl std::fmt::Debug for PersonName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PersonName(<redacted>)")
    }
}

/// The person a case is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// nDelius case reference number.
    pub crn: Crn,
    /// Police National Computer id, long form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub pnc: Option<Pnc>,
    /// Prison (NOMS) number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub prison_number: Option<PrisonNumber>,
    /// Name (optional; never used by a rule).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<PersonName>,
    /// Date of birth.
    #[serde(deserialize_with = "crate::model::date::de")]
    pub date_of_birth: NaiveDate,
    /// Sex.
    pub sex: Sex,
    /// Foreign national liable to deportation (keeps a case with the NPS, DOMAIN.md §3).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub foreign_national_liable_to_deportation: bool,
    /// Home area, as the CRC area that covers it (decides the CRC a case is allocated to).
    pub home_area: CrcArea,
}

impl Person {
    /// Age in whole years on `on` (0 if `on` is before the date of birth).
    pub fn age_on(&self, on: NaiveDate) -> u32 {
        on.years_since(self.date_of_birth).unwrap_or(0)
    }
}
