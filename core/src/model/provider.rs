//! Providers of probation services: NPS divisions, CRCs, Probation Trusts, the Probation Service.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! code_enum {
    ($(#[$m:meta])* $name:ident, $err:literal, { $($v:ident = $code:literal, $label:literal;)+ }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub enum $name {
            $(
                #[doc = $label]
                #[serde(rename = $code)]
                $v,
            )+
        }
        impl $name {
            /// Every value, in code order.
            pub const ALL: &'static [$name] = &[$($name::$v),+];
            /// The nDelius code.
            pub const fn code(self) -> &'static str {
                match self { $($name::$v => $code),+ }
            }
            /// The area's name.
            pub const fn name(self) -> &'static str {
                match self { $($name::$v => $label),+ }
            }
            /// Parses an nDelius code.
            pub fn from_code(s: &str) -> Option<Self> {
                match s { $($code => Some($name::$v),)+ _ => None }
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.code()) }
        }
    };
}

code_enum!(
    /// NPS divisions `N01`–`N07` ([V-code] community-api stubs).
    NpsDivision, "nps division", {
    N01 = "N01", "North West";
    N02 = "N02", "North East";
    N03 = "N03", "Wales";
    N04 = "N04", "Midlands";
    N05 = "N05", "South West & South Central";
    N06 = "N06", "South East & Eastern";
    N07 = "N07", "London";
});

code_enum!(
    /// Community Rehabilitation Company areas `C01`–`C21` ([V-code] community-api stubs). Also used as a
    /// person's home area.
    CrcArea, "crc area", {
    C01 = "C01", "Northumbria";
    C02 = "C02", "Cumbria & Lancashire";
    C03 = "C03", "Durham Tees Valley";
    C04 = "C04", "Humber, Lincolnshire & North Yorkshire";
    C05 = "C05", "West Yorkshire";
    C06 = "C06", "Merseyside";
    C07 = "C07", "Cheshire & Greater Manchester";
    C08 = "C08", "Derbyshire, Leicestershire, Nottinghamshire & Rutland";
    C09 = "C09", "South Yorkshire";
    C10 = "C10", "Wales";
    C11 = "C11", "Staffordshire & West Midlands";
    C12 = "C12", "Warwickshire & West Mercia";
    C13 = "C13", "Bedfordshire, Northamptonshire, Cambridgeshire & Hertfordshire";
    C14 = "C14", "Norfolk & Suffolk";
    C15 = "C15", "Bristol, Gloucestershire, Somerset & Wiltshire";
    C16 = "C16", "Thames Valley";
    C17 = "C17", "London";
    C18 = "C18", "Essex";
    C19 = "C19", "Dorset, Devon & Cornwall";
    C20 = "C20", "Hampshire & Isle of Wight";
    C21 = "C21", "Kent, Surrey & Sussex";
});

impl CrcArea {
    /// The NPS division that covers this area ([A]: by geography of the 2014 divisions).
    pub const fn nps_division(self) -> NpsDivision {
        use CrcArea::*;
        match self {
            C02 | C06 | C07 => NpsDivision::N01,
            C01 | C03 | C04 | C05 | C09 => NpsDivision::N02,
            C10 => NpsDivision::N03,
            C08 | C11 | C12 => NpsDivision::N04,
            C15 | C16 | C19 | C20 => NpsDivision::N05,
            C13 | C14 | C18 | C21 => NpsDivision::N06,
            C17 => NpsDivision::N07,
        }
    }
}

/// Who supervises a case. Serialised as a string: `N01`–`N07`, `C01`–`C21`, `probation_trust`,
/// `probation_service`.
///
/// ```
/// use probation_core::model::{CrcArea, Provider};
/// let p: Provider = "C17".parse().unwrap();
/// assert_eq!(p, Provider::Crc(CrcArea::C17));
/// assert_eq!(p.to_string(), "C17");
/// assert!(p.is_crc());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "String")]
pub enum Provider {
    /// The local Probation Trust (before 1 June 2014).
    ProbationTrust,
    /// A National Probation Service division (1 June 2014 – 25 June 2021).
    Nps(NpsDivision),
    /// A Community Rehabilitation Company (1 June 2014 – 25 June 2021).
    Crc(CrcArea),
    /// The unified Probation Service (from 26 June 2021).
    ProbationService,
}

impl Provider {
    /// True for a CRC.
    pub const fn is_crc(self) -> bool {
        matches!(self, Provider::Crc(_))
    }
    /// True for an NPS division.
    pub const fn is_nps(self) -> bool {
        matches!(self, Provider::Nps(_))
    }
    /// The code used on the wire.
    pub const fn code(self) -> &'static str {
        match self {
            Provider::ProbationTrust => "probation_trust",
            Provider::ProbationService => "probation_service",
            Provider::Nps(d) => d.code(),
            Provider::Crc(c) => c.code(),
        }
    }
}

/// An unknown provider code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("provider must be N01-N07, C01-C21, probation_trust or probation_service")]
pub struct ProviderError;

impl std::str::FromStr for Provider {
    type Err = ProviderError;
    fn from_str(s: &str) -> Result<Self, ProviderError> {
        match s {
            "probation_trust" => Ok(Provider::ProbationTrust),
            "probation_service" => Ok(Provider::ProbationService),
            _ => NpsDivision::from_code(s)
                .map(Provider::Nps)
                .or_else(|| CrcArea::from_code(s).map(Provider::Crc))
                .ok_or(ProviderError),
        }
    }
}
impl TryFrom<String> for Provider {
    type Error = ProviderError;
    fn try_from(s: String) -> Result<Self, ProviderError> {
        s.parse()
    }
}
// From the borrowed string (`from_text`): a provider is read for every case and its home area, and going through an
// owned `String` (serde's `try_from`) allocated each time.
impl<'de> Deserialize<'de> for Provider {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::from_text::deserialize(d)
    }
}
impl From<Provider> for String {
    fn from(p: Provider) -> String {
        p.code().to_owned()
    }
}
impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Provider {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Provider".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut codes: Vec<&str> = vec!["probation_trust"];
        codes.extend(NpsDivision::ALL.iter().map(|d| d.code()));
        codes.extend(CrcArea::ALL.iter().map(|c| c.code()));
        codes.push("probation_service");
        schemars::json_schema!({
            "description": concat!(
                "Who supervises a case: a Probation Trust (before 1 June 2014), an NPS division or a CRC ",
                "(1 June 2014 – 25 June 2021), the Probation Service (from 26 June 2021)."
            ),
            "type": "string",
            "enum": codes
        })
    }
}
