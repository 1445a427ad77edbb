//! The person under supervision.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::CrcArea;
use crate::ids::{Crn, Pnc, PrisonNumber};

/// Sex as recorded in nDelius. Only `female` changes a rule (the women's factors of the tier,
/// docs/rules/tier.md#factors-for-women).
///
/// Read in any letter case (`female`, `Female`, `FEMALE`): hmpps-tier matches `female` case-insensitively and
/// nDelius exports `Female`; written in lower case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
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

impl Sex {
    const NAMES: &'static [&'static str] = &["male", "female", "not_specified"];

    /// The sex named `s` in any letter case.
    pub fn from_name(s: &str) -> Option<Self> {
        if s.eq_ignore_ascii_case("male") {
            Some(Sex::Male)
        } else if s.eq_ignore_ascii_case("female") {
            Some(Sex::Female)
        } else if s.eq_ignore_ascii_case("not_specified") {
            Some(Sex::NotSpecified)
        } else {
            None
        }
    }
}

// Read as an enum (so a non-string is the same error as for any other enum), with the variant name matched in
// any letter case. The fast path hands known names over by index.
impl<'de> Deserialize<'de> for Sex {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{EnumAccess, VariantAccess};
        struct Name(Sex);
        impl<'de> Deserialize<'de> for Name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct N;
                impl serde::de::Visitor<'_> for N {
                    type Value = Name;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str("a variant identifier")
                    }
                    fn visit_u64<E: serde::de::Error>(self, i: u64) -> Result<Name, E> {
                        [Sex::Male, Sex::Female, Sex::NotSpecified]
                            .into_iter()
                            .nth(usize::try_from(i).unwrap_or(usize::MAX))
                            .map(Name)
                            .ok_or_else(|| {
                                E::invalid_value(serde::de::Unexpected::Unsigned(i), &self)
                            })
                    }
                    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Name, E> {
                        // The value is never echoed: it may be personal data.
                        Sex::from_name(s)
                            .map(Name)
                            .ok_or_else(|| E::unknown_variant("<redacted>", Sex::NAMES))
                    }
                }
                d.deserialize_identifier(N)
            }
        }
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Sex;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("`male`, `female` or `not_specified` (any letter case)")
            }
            fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Sex, A::Error> {
                let (Name(sex), v) = data.variant::<Name>()?;
                v.unit_variant()?;
                Ok(sex)
            }
        }
        d.deserialize_enum("Sex", Sex::NAMES, V)
    }
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
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// nDelius case reference number.
    pub crn: Crn,
    /// Police National Computer id, long form.
    pub pnc: Option<Pnc>,
    /// Prison (NOMS) number.
    pub prison_number: Option<PrisonNumber>,
    /// Name (optional; never used by a rule).
    pub name: Option<PersonName>,
    /// Date of birth.
    pub date_of_birth: NaiveDate,
    /// Sex.
    pub sex: Sex,
    /// Foreign national liable to deportation (keeps a case with the NPS,
    /// docs/rules/allocation.md#foreign-national-liable-to-deportation).
    #[serde(default)]
    pub foreign_national_liable_to_deportation: bool,
    /// Home area, as the CRC area that covers it (decides the CRC a case is allocated to).
    pub home_area: CrcArea,
    /// The person's current RSR (percent 0–100) as nDelius holds it on the person record, outside any OASys needs
    /// assessment (docs/rules/case.md "Risk scores outside OASys"); the 2021 tier prefers it to an assessment's `rsr`.
    pub rsr: Option<f64>,
    /// The person's current OGRS (percent 0–100) as nDelius holds it on the person record (the newer of the latest
    /// OASys and the latest standalone OGRS assessment); the 2021 tier prefers it to an assessment's `ogrs`.
    pub ogrs: Option<f64>,
}

impl Person {
    /// Age in whole years on `on` (0 if `on` is before the date of birth).
    pub fn age_on(&self, on: NaiveDate) -> u32 {
        on.years_since(self.date_of_birth).unwrap_or(0)
    }
}
