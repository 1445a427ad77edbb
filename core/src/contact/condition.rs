//! Conditions on a case that select a phase or a deadline (risk, MAPPA, registrations, requirements).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ContactError;
use crate::model::{Case, Event, RegisterCode, RequirementKind, RoshLevel};

/// A MAPPA level or category code, `M1`–`M4` (levels stop at `M3`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MappaCode {
    /// `M1`.
    M1,
    /// `M2`.
    M2,
    /// `M3`.
    M3,
    /// `M4` (categories only).
    M4,
}

impl MappaCode {
    const fn code(self) -> &'static str {
        match self {
            MappaCode::M1 => "M1",
            MappaCode::M2 => "M2",
            MappaCode::M3 => "M3",
            MappaCode::M4 => "M4",
        }
    }
}

/// A protect letter of the 2021 tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProtectLetter {
    /// `A`.
    A,
    /// `B`.
    B,
    /// `C`.
    C,
    /// `D`.
    D,
}

impl ProtectLetter {
    const fn of(level: crate::tier::ProtectLevel) -> Self {
        use crate::tier::ProtectLevel as L;
        match level {
            L::A => ProtectLetter::A,
            L::B => ProtectLetter::B,
            L::C => ProtectLetter::C,
            L::D => ProtectLetter::D,
        }
    }
}

/// A condition, written as a one-key JSON object: `{"rosh_in": ["high", "very_high"]}`,
/// `{"any": [{"high_risk": true}, {"mappa_category_in": ["M1"]}]}`.
///
/// Conditions are read at the start of each supervision period: RoSH from the newest active RoSH registration,
/// else the newest assessment on or before that date (\[A\], rule `contact.risk.as_at_start`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// The policy's own `high_risk` definition holds (`true`) or does not (`false`).
    HighRisk(bool),
    /// The overall RoSH is one of these.
    RoshIn(Vec<RoshLevel>),
    /// No RoSH is known (`true`) or one is (`false`).
    RoshUnknown(bool),
    /// The newest active MAPPA registration with a valid level has one of these levels (`M1`–`M3`).
    MappaLevelIn(Vec<MappaCode>),
    /// The newest active MAPPA registration has one of these categories (`M1`–`M4`).
    MappaCategoryIn(Vec<MappaCode>),
    /// An active registration with one of these nDelius codes exists.
    Registered(Vec<RegisterCode>),
    /// The sentence has a requirement of this kind (not terminated).
    Requirement(RequirementKind),
    /// The 2021 tier's protect letter (`A`–`D`, [`crate::tier::tier`] at the start of the period) is one of these.
    TierProtectIn(Vec<ProtectLetter>),
    /// The 2021 tier's change digit (0–3) is one of these.
    TierChangeIn(Vec<u8>),
    /// Any of these holds.
    Any(Vec<Condition>),
    /// All of these hold.
    All(Vec<Condition>),
    /// This does not hold.
    Not(Box<Condition>),
}

const MAX_DEPTH: usize = 16;

impl Condition {
    /// Checks nesting depth and that `high_risk` is only used where allowed.
    pub(crate) fn check(&self, path: &str, high_risk_allowed: bool) -> Result<(), ContactError> {
        self.check_at(path, high_risk_allowed, 0)
    }

    fn check_at(&self, path: &str, hr: bool, depth: usize) -> Result<(), ContactError> {
        let err = |m: &str| ContactError::Policy {
            path: path.to_owned(),
            message: m.to_owned(),
        };
        if depth > MAX_DEPTH {
            return Err(err("conditions nest too deeply (at most 16)"));
        }
        match self {
            Condition::HighRisk(_) if !hr => {
                Err(err("the high_risk definition cannot refer to itself"))
            }
            Condition::MappaLevelIn(v) if v.contains(&MappaCode::M4) => {
                Err(err("mappa levels are M1 to M3"))
            }
            Condition::TierChangeIn(v) if v.iter().any(|d| *d > 3) => {
                Err(err("tier change levels are 0 to 3"))
            }
            Condition::Any(v) | Condition::All(v) => {
                v.iter().try_for_each(|c| c.check_at(path, hr, depth + 1))
            }
            Condition::Not(c) => c.check_at(path, hr, depth + 1),
            _ => Ok(()),
        }
    }
}

impl Condition {
    /// True when this condition reads the 2021 tier (so the tier must be worked out).
    pub(crate) fn uses_tier(&self) -> bool {
        match self {
            Condition::TierProtectIn(_) | Condition::TierChangeIn(_) => true,
            Condition::Any(v) | Condition::All(v) => v.iter().any(Condition::uses_tier),
            Condition::Not(c) => c.uses_tier(),
            _ => false,
        }
    }
}

/// The facts about a case that conditions read, as at one date.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Facts<'a> {
    pub case: &'a Case,
    pub event: &'a Event,
    pub on: NaiveDate,
    pub rosh: Option<RoshLevel>,
    pub high_risk: bool,
    /// The 2021 tier's protect letter and change digit, when the policy reads the tier.
    pub tier: Option<(ProtectLetter, u8)>,
}

impl<'a> Facts<'a> {
    /// Reads the facts as at `on`; `high_risk` is worked out from the policy's definition; the tier only when
    /// `with_tier`.
    pub fn new(
        case: &'a Case,
        event: &'a Event,
        on: NaiveDate,
        high_risk: Option<&Condition>,
        with_tier: bool,
    ) -> Result<Self, ContactError> {
        let tier = if with_tier {
            let t = crate::tier::tier(case, on).map_err(|e| ContactError::Tier {
                path: e.path().to_owned(),
            })?;
            Some((ProtectLetter::of(t.protect.level), t.change.level.digit()))
        } else {
            None
        };
        let mut f = Facts {
            case,
            event,
            on,
            rosh: rosh_on(case, on),
            high_risk: false,
            tier,
        };
        f.high_risk = high_risk.is_some_and(|c| f.holds(c));
        Ok(f)
    }

    /// True when `c` holds.
    pub fn holds(&self, c: &Condition) -> bool {
        match c {
            Condition::HighRisk(b) => self.high_risk == *b,
            Condition::RoshIn(v) => self.rosh.is_some_and(|r| v.contains(&r)),
            Condition::RoshUnknown(b) => self.rosh.is_none() == *b,
            Condition::MappaLevelIn(v) => self
                .newest_mappa(|r| r.mappa_level().is_some())
                .and_then(|r| r.level.as_deref())
                .is_some_and(|l| v.iter().any(|c| c.code() == l)),
            Condition::MappaCategoryIn(v) => self
                .newest_mappa(|_| true)
                .and_then(|r| r.category.as_deref())
                .is_some_and(|l| v.iter().any(|c| c.code() == l)),
            Condition::Registered(codes) => self
                .case
                .registrations
                .iter()
                .any(|r| r.is_active_on(self.on) && codes.contains(&r.code)),
            Condition::Requirement(kind) => self
                .event
                .sentence
                .requirements()
                .iter()
                .any(|r| r.kind == *kind && r.terminated.is_none_or(|t| t > self.on)),
            Condition::TierProtectIn(v) => self.tier.is_some_and(|(p, _)| v.contains(&p)),
            Condition::TierChangeIn(v) => self.tier.is_some_and(|(_, d)| v.contains(&d)),
            Condition::Any(v) => v.iter().any(|c| self.holds(c)),
            Condition::All(v) => v.iter().all(|c| self.holds(c)),
            Condition::Not(c) => !self.holds(c),
        }
    }

    fn newest_mappa(
        &self,
        keep: impl Fn(&crate::model::Registration) -> bool,
    ) -> Option<&'a crate::model::Registration> {
        newest(
            self.case
                .registrations
                .iter()
                .filter(|r| r.code == RegisterCode::Mapp && r.is_active_on(self.on) && keep(r)),
        )
    }
}

/// The newest registration (ties: the later in the list).
fn newest<'a>(
    it: impl Iterator<Item = &'a crate::model::Registration>,
) -> Option<&'a crate::model::Registration> {
    it.fold(
        None,
        |best: Option<&crate::model::Registration>, r| match best {
            Some(b) if b.registered > r.registered => Some(b),
            _ => Some(r),
        },
    )
}

/// The overall RoSH on `on`: the newest active RoSH registration, else the newest assessment on or before `on`.
pub(crate) fn rosh_on(case: &Case, on: NaiveDate) -> Option<RoshLevel> {
    newest(
        case.registrations
            .iter()
            .filter(|r| r.is_active_on(on) && r.code.rosh_level().is_some()),
    )
    .and_then(|r| r.code.rosh_level())
    .or_else(|| case.assessment_on(on).and_then(|a| a.rosh.overall()))
}
