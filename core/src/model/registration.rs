//! Registrations ("registers"): nDelius flags such as RoSH level, MAPPA, domestic abuse, complexity factors.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

macro_rules! register_codes {
    ($($v:ident = $code:literal, $doc:literal;)+) => {
        /// An nDelius register code ([V-code] hmpps-tier). Codes this library does not know are kept as
        /// [`RegisterCode::Other`], never rejected.
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RegisterCode {
            $(#[doc = $doc] $v,)+
            /// A code this library does not interpret; kept as given.
            Other(String),
        }
        impl RegisterCode {
            /// Every known code.
            pub const KNOWN: &'static [RegisterCode] = &[$(RegisterCode::$v),+];
            /// The nDelius code.
            pub fn code(&self) -> &str {
                match self { $(RegisterCode::$v => $code,)+ RegisterCode::Other(s) => s }
            }
            /// Parses a code; unknown codes become [`RegisterCode::Other`].
            pub fn from_code(s: &str) -> Self {
                match s { $($code => RegisterCode::$v,)+ _ => RegisterCode::Other(s.to_owned()) }
            }
        }
    };
}

register_codes! {
    Rlrh = "RLRH", "RoSH low.";
    Rmrh = "RMRH", "RoSH medium.";
    Rhrh = "RHRH", "RoSH high.";
    Rvhr = "RVHR", "RoSH very high.";
    Mapp = "MAPP", "MAPPA, with level M1–M3 and category M1–M4.";
    Inll = "INLL", "Lifer.";
    Advp = "ADVP", "Domestic abuse perpetrator.";
    Reg30 = "REG30", "Domestic abuse history.";
    Spo = "SPO", "Stalking.";
    Rcpr = "RCPR", "Child protection.";
    Iiom = "IIOM", "Integrated offender management nominal.";
    Rmdo = "RMDO", "Complexity: mental health.";
    Alsh = "ALSH", "Complexity: self-harm.";
    Rvln = "RVLN", "Complexity: vulnerability.";
    Rcco = "RCCO", "Complexity: child concerns.";
    Rchd = "RCHD", "Complexity: risk to children.";
    Rpir = "RPIR", "Complexity: public interest.";
    Rvad = "RVAD", "Complexity: adult at risk.";
    Strg = "STRG", "Complexity: street gangs.";
    Rtao = "RTAO", "Complexity: terrorism.";
    Prc = "PRC", "Unsupervised (tier gets an `S` suffix).";
    Hreg = "HREG", "Historic registration (ignored by tiering).";
}

impl RegisterCode {
    /// The ten complexity factors of docs/rules/case.md#registrations (each distinct one adds 2 protect points), `RCPR` included.
    pub fn is_complexity_factor(&self) -> bool {
        use RegisterCode::*;
        matches!(
            self,
            Rmdo | Alsh | Rvln | Rcco | Rchd | Rcpr | Rpir | Rvad | Strg | Rtao
        )
    }
    /// The RoSH level of a RoSH register code in any letter case (`rhrh`): hmpps-tier matches RoSH codes
    /// case-insensitively (docs/rules/tier.md). Only the tiers use this; other rules read [`Self::rosh_level`].
    pub fn rosh_level_any_case(&self) -> Option<super::RoshLevel> {
        use super::RoshLevel;
        match self {
            RegisterCode::Other(s) => [
                ("RLRH", RoshLevel::Low),
                ("RMRH", RoshLevel::Medium),
                ("RHRH", RoshLevel::High),
                ("RVHR", RoshLevel::VeryHigh),
            ]
            .into_iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(s))
            .map(|(_, l)| l),
            known => known.rosh_level(),
        }
    }
    /// The RoSH level a RoSH register code stands for.
    pub fn rosh_level(&self) -> Option<super::RoshLevel> {
        use super::RoshLevel;
        match self {
            RegisterCode::Rlrh => Some(RoshLevel::Low),
            RegisterCode::Rmrh => Some(RoshLevel::Medium),
            RegisterCode::Rhrh => Some(RoshLevel::High),
            RegisterCode::Rvhr => Some(RoshLevel::VeryHigh),
            _ => None,
        }
    }
}

impl fmt::Display for RegisterCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
impl From<String> for RegisterCode {
    fn from(s: String) -> Self {
        RegisterCode::from_code(&s)
    }
}
impl From<RegisterCode> for String {
    fn from(c: RegisterCode) -> String {
        c.code().to_owned()
    }
}
impl Serialize for RegisterCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}
impl<'de> Deserialize<'de> for RegisterCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A borrowed string: known codes allocate nothing.
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = RegisterCode;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<RegisterCode, E> {
                Ok(RegisterCode::from_code(s))
            }
        }
        d.deserialize_str(V)
    }
}
#[cfg(feature = "schema")]
impl schemars::JsonSchema for RegisterCode {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "RegisterCode".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let known: Vec<&str> = RegisterCode::KNOWN.iter().map(RegisterCode::code).collect();
        schemars::json_schema!({
            "type": "string",
            "description": format!("nDelius register code; known: {}; other codes are kept", known.join(", ")),
        })
    }
}

/// MAPPA level (1 single-agency; 2 and 3 multi-agency). Serialised as its code (`M1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum MappaLevel {
    /// Level 1.
    M1,
    /// Level 2.
    M2,
    /// Level 3.
    M3,
}

/// MAPPA category. Serialised as its code (`M1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum MappaCategory {
    /// Category 1: registered sexual offenders.
    M1,
    /// Category 2: violent offenders with ≥ 12 months custody (or a hospital order).
    M2,
    /// Category 3: other dangerous offenders.
    M3,
    /// Category 4: terrorism ([A], added c.2022).
    M4,
}

/// One registration. `level` and `category` are kept as the raw nDelius codes; on a MAPPA registration,
/// validation refuses any but nDelius's own (level `M0`–`M3`, category `M1`–`M4` or `X9`), and tiering reads
/// `M0` and `X9` ("not yet decided") as no level and no category.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Registration {
    /// The register code.
    pub code: RegisterCode,
    /// Level code (MAPPA: `M1`–`M3`, or `M0`: not yet confirmed).
    pub level: Option<String>,
    /// Category code (MAPPA: `M1`–`M4`, or `X9`: not yet determined).
    pub category: Option<String>,
    /// Date registered.
    pub registered: NaiveDate,
    /// Date deregistered, if it was.
    pub deregistered: Option<NaiveDate>,
}

impl Registration {
    /// A registration of `code` from `registered`.
    pub fn new(code: RegisterCode, registered: NaiveDate) -> Self {
        Registration {
            code,
            level: None,
            category: None,
            registered,
            deregistered: None,
        }
    }
    /// True when registered on or before `on` and not deregistered by then.
    pub fn is_active_on(&self, on: NaiveDate) -> bool {
        self.registered <= on && self.deregistered.is_none_or(|d| d > on)
    }
    /// The MAPPA level, when `level` is a valid one.
    pub fn mappa_level(&self) -> Option<MappaLevel> {
        match self.level.as_deref()? {
            "M1" => Some(MappaLevel::M1),
            "M2" => Some(MappaLevel::M2),
            "M3" => Some(MappaLevel::M3),
            _ => None,
        }
    }
    /// The MAPPA level in any letter case (`m2`): hmpps-tier matches the MAPPA level case-insensitively
    /// (docs/rules/tier.md). Only the tiers use this; other rules read [`Self::mappa_level`].
    pub fn mappa_level_any_case(&self) -> Option<MappaLevel> {
        let l = self.level.as_deref()?;
        [
            ("M1", MappaLevel::M1),
            ("M2", MappaLevel::M2),
            ("M3", MappaLevel::M3),
        ]
        .into_iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(l))
        .map(|(_, v)| v)
    }
    /// The MAPPA category, when `category` is a valid one.
    pub fn mappa_category(&self) -> Option<MappaCategory> {
        match self.category.as_deref()? {
            "M1" => Some(MappaCategory::M1),
            "M2" => Some(MappaCategory::M2),
            "M3" => Some(MappaCategory::M3),
            "M4" => Some(MappaCategory::M4),
            _ => None,
        }
    }
}
