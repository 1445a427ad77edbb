//! Complexity factors: the registrations that each add 2 protect points (docs/rules/case.md#registrations,
//! docs/rules/tier.md#protect-points).

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::model::RegisterCode;

/// A complexity factor register (\[V-code\] hmpps-tier `ComplexityFactor`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ComplexityFactor {
    /// `RMDO` mental health.
    MentalHealth,
    /// `ALSH` self-harm.
    SelfHarm,
    /// `RVLN` vulnerability.
    Vulnerability,
    /// `RCCO` child concerns.
    ChildConcerns,
    /// `RCHD` risk to children.
    RiskToChildren,
    /// `RCPR` child protection (also its own step of the 2026 tier).
    ChildProtection,
    /// `RPIR` public interest.
    PublicInterest,
    /// `RVAD` adult at risk.
    AdultAtRisk,
    /// `STRG` street gangs.
    StreetGangs,
    /// `RTAO` terrorism.
    Terrorism,
}

impl ComplexityFactor {
    /// Every factor, in bit order.
    pub const ALL: [ComplexityFactor; 10] = [
        Self::MentalHealth,
        Self::SelfHarm,
        Self::Vulnerability,
        Self::ChildConcerns,
        Self::RiskToChildren,
        Self::ChildProtection,
        Self::PublicInterest,
        Self::AdultAtRisk,
        Self::StreetGangs,
        Self::Terrorism,
    ];

    /// The nDelius register code.
    pub const fn code(self) -> &'static str {
        match self {
            Self::MentalHealth => "RMDO",
            Self::SelfHarm => "ALSH",
            Self::Vulnerability => "RVLN",
            Self::ChildConcerns => "RCCO",
            Self::RiskToChildren => "RCHD",
            Self::ChildProtection => "RCPR",
            Self::PublicInterest => "RPIR",
            Self::AdultAtRisk => "RVAD",
            Self::StreetGangs => "STRG",
            Self::Terrorism => "RTAO",
        }
    }

    /// The factor a register code stands for, if any. hmpps-tier matches complexity factor codes
    /// case-insensitively (docs/rules/tier.md), so an unknown code that is a factor's code in another letter case
    /// (`rmdo`) counts too.
    pub fn from_register(code: &RegisterCode) -> Option<Self> {
        Some(match code {
            RegisterCode::Other(s) => {
                return Self::ALL
                    .into_iter()
                    .find(|f| f.code().eq_ignore_ascii_case(s));
            }
            RegisterCode::Rmdo => Self::MentalHealth,
            RegisterCode::Alsh => Self::SelfHarm,
            RegisterCode::Rvln => Self::Vulnerability,
            RegisterCode::Rcco => Self::ChildConcerns,
            RegisterCode::Rchd => Self::RiskToChildren,
            RegisterCode::Rcpr => Self::ChildProtection,
            RegisterCode::Rpir => Self::PublicInterest,
            RegisterCode::Rvad => Self::AdultAtRisk,
            RegisterCode::Strg => Self::StreetGangs,
            RegisterCode::Rtao => Self::Terrorism,
            _ => return None,
        })
    }

    const fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// A set of distinct complexity factors (a bitset: no allocation). Serialised as a map from register code to the
/// points it adds (2 each), e.g. `{"RMDO": 2, "STRG": 2}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ComplexityFactors(u16);

impl ComplexityFactors {
    /// No factors.
    pub const fn empty() -> Self {
        ComplexityFactors(0)
    }
    /// Adds a factor (a second registration of the same factor counts once).
    pub fn insert(&mut self, f: ComplexityFactor) {
        self.0 |= f.bit();
    }
    /// True when `f` is in the set.
    pub const fn contains(self, f: ComplexityFactor) -> bool {
        self.0 & f.bit() != 0
    }
    /// The number of distinct factors.
    pub const fn len(self) -> u32 {
        self.0.count_ones()
    }
    /// True when there are none.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }
    /// The factors, in [`ComplexityFactor::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = ComplexityFactor> {
        ComplexityFactor::ALL
            .into_iter()
            .filter(move |f| self.contains(*f))
    }
}

impl FromIterator<ComplexityFactor> for ComplexityFactors {
    fn from_iter<I: IntoIterator<Item = ComplexityFactor>>(iter: I) -> Self {
        let mut s = ComplexityFactors::empty();
        for f in iter {
            s.insert(f);
        }
        s
    }
}

impl Serialize for ComplexityFactors {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.len() as usize))?;
        for f in self.iter() {
            m.serialize_entry(f.code(), &2u32)?;
        }
        m.end()
    }
}

crate::schema::inline_schema!(ComplexityFactors, "ComplexityFactors", _ => {
    schemars::json_schema!({
        "description": "Register code of each distinct complexity factor → the points it adds.",
        "type": "object",
        "additionalProperties": { "type": "integer", "format": "uint32", "minimum": 0 }
    })
});
