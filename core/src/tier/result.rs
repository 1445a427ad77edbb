//! [`Tier`]: the result of a tier calculation, with its point breakdown.

use std::fmt;

use chrono::NaiveDate;
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::complexity::ComplexityFactors;
use super::inputs::{NeedSource, ScoreSource};
use super::needs::{NEED_AREAS, severity_score, weight};
use crate::allocation::RuleList;
use crate::model::{MappaCategory, MappaLevel, NeedArea, NeedSeverity, RoshLevel};

/// The protect level (risk of harm), A highest. Ordered by severity: `D < C < B < A`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ProtectLevel {
    /// Fewer than 10 points.
    D,
    /// 10 to 19 points.
    C,
    /// 20 to 149 points.
    B,
    /// 150 points or more.
    A,
}

impl ProtectLevel {
    /// The level of `points`: A ≥ 150, B 20–149, C 10–19, D < 10.
    pub const fn from_points(points: u32) -> Self {
        match points {
            150.. => ProtectLevel::A,
            20..=149 => ProtectLevel::B,
            10..=19 => ProtectLevel::C,
            _ => ProtectLevel::D,
        }
    }
    /// The letter.
    pub const fn letter(self) -> char {
        match self {
            ProtectLevel::A => 'A',
            ProtectLevel::B => 'B',
            ProtectLevel::C => 'C',
            ProtectLevel::D => 'D',
        }
    }
}

/// The change level (likelihood of reoffending / need for change), 0–3. Serialised as a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ChangeLevel {
    /// No mandate for change.
    Zero,
    /// Fewer than 10 points.
    One,
    /// 10 to 19 points, or no assessment.
    Two,
    /// 20 points or more.
    Three,
}

impl ChangeLevel {
    /// The level of `points`: 3 ≥ 20, 2 10–19, 1 < 10.
    pub const fn from_points(points: u32) -> Self {
        match points {
            20.. => ChangeLevel::Three,
            10..=19 => ChangeLevel::Two,
            _ => ChangeLevel::One,
        }
    }
    /// The digit.
    pub const fn digit(self) -> u8 {
        self as u8
    }
}

impl Serialize for ChangeLevel {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.digit())
    }
}

/// A tier as written: protect letter, change digit, and `S` when unsupervised (`B2`, `B2S`). Serialised as that
/// string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TierCode {
    /// Protect level.
    pub protect: ProtectLevel,
    /// Change level.
    pub change: ChangeLevel,
    /// Unsupervised (`PRC`): the `S` suffix.
    pub unsupervised: bool,
}

impl TierCode {
    /// The nDelius form of this tier (`UB2`, `UB2S`).
    pub const fn ndelius(self) -> NdeliusTier {
        NdeliusTier(self)
    }

    /// Reads a tier as written (`B2`, `B2S`); `None` for anything else.
    pub fn parse(s: &str) -> Option<Self> {
        let mut c = s.chars();
        let protect = match c.next()? {
            'A' => ProtectLevel::A,
            'B' => ProtectLevel::B,
            'C' => ProtectLevel::C,
            'D' => ProtectLevel::D,
            _ => return None,
        };
        let change = match c.next()? {
            '0' => ChangeLevel::Zero,
            '1' => ChangeLevel::One,
            '2' => ChangeLevel::Two,
            '3' => ChangeLevel::Three,
            _ => return None,
        };
        let unsupervised = match (c.next(), c.next()) {
            (None, _) => false,
            (Some('S'), None) => true,
            _ => return None,
        };
        Some(TierCode {
            protect,
            change,
            unsupervised,
        })
    }
}

impl NdeliusTier {
    /// Reads the nDelius form (`UB2`, `UB2S`); `None` for anything else.
    pub fn parse(s: &str) -> Option<Self> {
        s.strip_prefix('U')
            .and_then(TierCode::parse)
            .map(NdeliusTier)
    }
}

impl fmt::Display for TierCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.protect.letter(), self.change.digit())?;
        if self.unsupervised {
            f.write_str("S")?;
        }
        Ok(())
    }
}

/// The tier as nDelius stores it: `U` followed by the tier (`UB2`, `UB2S`). Serialised as that string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NdeliusTier(pub TierCode);

impl fmt::Display for NdeliusTier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "U{}", self.0)
    }
}

/// Serialises a short `Display` value through a stack buffer (no allocation).
fn serialize_short<S: Serializer, T: fmt::Display>(v: &T, s: S) -> Result<S::Ok, S::Error> {
    use std::fmt::Write;
    struct Buf {
        b: [u8; 8],
        n: usize,
    }
    impl Write for Buf {
        fn write_str(&mut self, x: &str) -> fmt::Result {
            let end = self.n + x.len();
            let dst = self.b.get_mut(self.n..end).ok_or(fmt::Error)?;
            dst.copy_from_slice(x.as_bytes());
            self.n = end;
            Ok(())
        }
    }
    let mut buf = Buf { b: [0; 8], n: 0 };
    write!(buf, "{v}").map_err(serde::ser::Error::custom)?;
    let text = buf
        .b
        .get(..buf.n)
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or_default();
    s.serialize_str(text)
}

impl Serialize for TierCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_short(self, s)
    }
}
impl Serialize for NdeliusTier {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_short(self, s)
    }
}

/// The women's factors' points (each 0 or 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WomensPoints {
    /// Parenting responsibilities.
    pub parenting: u32,
    /// Impulsivity or temper control.
    pub impulsivity_or_temper: u32,
    /// Breach or recall in the last 12 months.
    pub breach_or_recall: u32,
}

impl WomensPoints {
    /// The sum.
    pub const fn total(&self) -> u32 {
        self.parenting + self.impulsivity_or_temper + self.breach_or_recall
    }
}

/// Every component of the protect points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProtectBreakdown {
    /// RSR points (0, 10, 20).
    pub rsr: u32,
    /// RoSH points (0, 10, 20, 150).
    pub rosh: u32,
    /// The larger of `rsr` and `rosh`: the only one that counts.
    pub rsr_or_rosh_counted: u32,
    /// MAPPA points (0, 5, 150).
    pub mappa: u32,
    /// Each complexity factor and its points (2 each).
    pub complexity: ComplexityFactors,
    /// The women's factors.
    pub womens_factors: WomensPoints,
}

/// The protect half of a tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Protect {
    /// The level.
    pub level: ProtectLevel,
    /// Total points.
    pub points: u32,
    /// Points per component.
    pub breakdown: ProtectBreakdown,
}

/// One need's contribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NeedScore {
    /// Severity (`no_need` when absent).
    pub severity: NeedSeverity,
    /// Recorded on the assessment, scored from its section answers, or absent.
    pub source: NeedSource,
    /// Weight.
    pub weight: u32,
    /// Weight × severity score.
    pub points: u32,
}

/// Every need's severity and where it came from, in [`NeedArea::ALL`] order; serialised as a map from need area
/// (snake_case) to its [`NeedScore`] (severity, source, weight, points), computed on demand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NeedScores(pub [NeedSeverity; NEED_AREAS], pub [NeedSource; NEED_AREAS]);

impl NeedScores {
    /// The contribution of each need, in [`NeedArea::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (NeedArea, NeedScore)> + '_ {
        NeedArea::ALL
            .iter()
            .zip(self.0.iter().zip(self.1.iter()))
            .map(|(area, (sev, source))| {
                let weight = weight(*area);
                (
                    *area,
                    NeedScore {
                        severity: *sev,
                        source: *source,
                        weight,
                        points: weight * severity_score(*sev),
                    },
                )
            })
    }

    /// The sum of the points.
    pub fn total(&self) -> u32 {
        self.iter().map(|(_, n)| n.points).sum()
    }
}

impl Serialize for NeedScores {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(NEED_AREAS))?;
        for (area, score) in self.iter() {
            m.serialize_entry(&area, &score)?;
        }
        m.end()
    }
}

/// Every component of the change points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ChangeBreakdown {
    /// Each need.
    pub needs: NeedScores,
    /// OGRS points (⌊OGRS ÷ 10⌋).
    pub ogrs: u32,
    /// IOM points (0 or 2).
    pub iom: u32,
}

/// A special rule that sets the change level without points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum SpecialRule {
    /// No mandate for change: level 0.
    NoMandate,
    /// No assessment: level 2 with 0 points.
    NoAssessment,
}

/// The change half of a tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Change {
    /// The level.
    pub level: ChangeLevel,
    /// Total points (0 when a special rule applies).
    pub points: u32,
    /// The special rule that set the level, if one did.
    pub special_rule: Option<SpecialRule>,
    /// Points per component; `null` when a special rule applies.
    pub breakdown: Option<ChangeBreakdown>,
}

/// The inputs a 2021 tier read, so a reader can check it: RoSH level, MAPPA level and category, and the RSR and
/// OGRS values actually used with where each came from.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TierReadings {
    /// RoSH level of the newest active RoSH registration.
    pub rosh: Option<RoshLevel>,
    /// MAPPA level of the newest MAPP registration with a valid level.
    pub mappa_level: Option<MappaLevel>,
    /// MAPPA category of the newest MAPP registration (not scored by the 2021 tier).
    pub mappa_category: Option<MappaCategory>,
    /// The RSR used (`null`: missing, counted as 0).
    pub rsr: Option<f64>,
    /// Where the RSR came from.
    pub rsr_from: Option<ScoreSource>,
    /// The OGRS used (`null`: missing, counted as 0).
    pub ogrs: Option<f64>,
    /// Where the OGRS came from.
    pub ogrs_from: Option<ScoreSource>,
    /// An OASys needs assessment on or before the date was found.
    pub assessed: bool,
}

/// A tier: protect level and points, change level and points, the tier string and its nDelius form, and every
/// rule that fired.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Tier {
    /// The tier string, e.g. `B2` or `B2S`.
    pub tier: TierCode,
    /// The nDelius form, e.g. `UB2` or `UB2S`.
    pub ndelius: NdeliusTier,
    /// The protect half.
    pub protect: Protect,
    /// The change half.
    pub change: Change,
    /// An active `PRC` registration (the `S` suffix).
    pub unsupervised: bool,
    /// The date of the calculation.
    pub on: NaiveDate,
    /// The inputs read (RoSH, MAPPA, RSR and OGRS used).
    pub readings: TierReadings,
    /// Every rule that fired.
    pub rules: RuleList,
}

#[cfg(feature = "schema")]
mod schema {
    //! JSON Schemas of the result types that serialise by hand.
    use schemars::json_schema;

    use super::{ChangeLevel, NdeliusTier, NeedScore, NeedScores, TierCode};
    use crate::model::NeedArea;

    crate::schema::inline_schema!(ChangeLevel, "ChangeLevel", _ =>
        json_schema!({ "type": "integer", "format": "uint8", "minimum": 0, "maximum": 3 }));

    crate::schema::inline_schema!(TierCode, "TierCode", _ =>
        json_schema!({ "type": "string", "pattern": "^[A-D][0-3]S?$" }));

    crate::schema::inline_schema!(NdeliusTier, "NdeliusTier", _ =>
        json_schema!({ "type": "string", "pattern": "^U[A-D][0-3]S?$" }));

    crate::schema::inline_schema!(NeedScores, "NeedScores", g => {
        let key = g.subschema_for::<NeedArea>();
        let value = g.subschema_for::<NeedScore>();
        json_schema!({
            "description": "Each need area → its contribution to the change points.",
            "type": "object",
            "propertyNames": key,
            "additionalProperties": value
        })
    });
}
