//! Risk and needs assessments (OASys and the newer SAN): RoSH per group, RSR, OGRS, criminogenic needs.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Risk of Serious Harm level ([V] OASys definitions, docs/rules/case.md#risk-of-serious-harm).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RoshLevel {
    /// Low.
    Low,
    /// Medium: identifiable indicators, unlikely to cause serious harm unless circumstances change.
    Medium,
    /// High: could happen at any time and the impact would be serious.
    High,
    /// Very high: imminent, more likely than not.
    VeryHigh,
}

impl RoshLevel {
    /// True for high and very high.
    pub const fn is_high_or_above(self) -> bool {
        matches!(self, RoshLevel::High | RoshLevel::VeryHigh)
    }
}

/// RoSH per group. The overall RoSH is the highest of them.
#[probation_macros::fields]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RoshByGroup {
    /// Risk to children.
    pub children: Option<RoshLevel>,
    /// Risk to the public.
    pub public: Option<RoshLevel>,
    /// Risk to a known adult.
    pub known_adult: Option<RoshLevel>,
    /// Risk to staff.
    pub staff: Option<RoshLevel>,
    /// Risk to prisoners (custody only).
    pub prisoners: Option<RoshLevel>,
}

impl RoshByGroup {
    /// The overall RoSH: the highest level of any group, or `None` when no group is assessed.
    pub fn overall(&self) -> Option<RoshLevel> {
        [
            self.children,
            self.public,
            self.known_adult,
            self.staff,
            self.prisoners,
        ]
        .into_iter()
        .flatten()
        .max()
    }
}

/// Criminogenic need areas of OASys (docs/rules/tier.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NeedArea {
    /// Accommodation.
    Accommodation,
    /// Education, training and employability.
    EducationTrainingEmployability,
    /// Relationships.
    Relationships,
    /// Lifestyle and associates.
    LifestyleAssociates,
    /// Drug misuse.
    DrugMisuse,
    /// Alcohol misuse.
    AlcoholMisuse,
    /// Thinking and behaviour.
    ThinkingBehaviour,
    /// Attitudes.
    Attitudes,
    /// Financial management and income.
    FinancialManagement,
    /// Emotional well-being.
    EmotionalWellbeing,
}

impl NeedArea {
    /// Every area.
    pub const ALL: &'static [NeedArea] = &[
        Self::Accommodation,
        Self::EducationTrainingEmployability,
        Self::Relationships,
        Self::LifestyleAssociates,
        Self::DrugMisuse,
        Self::AlcoholMisuse,
        Self::ThinkingBehaviour,
        Self::Attitudes,
        Self::FinancialManagement,
        Self::EmotionalWellbeing,
    ];
}

/// How severe a need is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NeedSeverity {
    /// No need.
    NoNeed,
    /// Standard need.
    Standard,
    /// Severe need.
    Severe,
}

/// An answer to an OASys section question. Scores: yes 2 / no 0; none 0 / some 1 / significant 2; never 0 /
/// previous 1 / currently 2; unknown 0 (docs/rules/tier.md#need-severity-from-section-answers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Yes (2).
    Yes,
    /// No (0).
    No,
    /// No problems (0).
    None,
    /// Some problems (1).
    Some,
    /// Significant problems (2).
    Significant,
    /// Never (0).
    Never,
    /// Previously (1).
    Previous,
    /// Currently (2).
    Currently,
    /// Unknown (0).
    Unknown,
}

impl Answer {
    /// The answer's score.
    pub const fn score(self) -> u32 {
        match self {
            Answer::Yes | Answer::Significant | Answer::Currently => 2,
            Answer::Some | Answer::Previous => 1,
            Answer::No | Answer::None | Answer::Never | Answer::Unknown => 0,
        }
    }
}

/// Which assessment tool produced the assessment (the SAN has different need thresholds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AssessmentKind {
    /// OASys layer 3.
    #[default]
    Oasys,
    /// The newer Strengths and Needs assessment.
    San,
}

/// The women's factors of the tier (women only, docs/rules/tier.md#factors-for-women).
#[probation_macros::fields]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WomensFactors {
    /// Parenting responsibilities answered yes.
    #[serde(default)]
    pub parenting_responsibilities: bool,
    /// Impulsivity score (0–2).
    #[serde(default)]
    pub impulsivity: u8,
    /// Temper control score (0–2).
    #[serde(default)]
    pub temper_control: u8,
    /// A breach or recall in the last 12 months.
    #[serde(default)]
    pub breach_or_recall_last_12_months: bool,
}

/// Which OASys assessment produced the record ([V-code] hmpps-tier v3: the latest completed layer-3, layer-1 or
/// standalone assessment carries the OGRS4-family predictors, docs/rules/tier-2026.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum AssessmentLayer {
    /// A full layer-3 assessment.
    Layer3,
    /// A layer-1 (basic) assessment.
    Layer1,
    /// A standalone predictor assessment (scores without a needs assessment).
    Standalone,
}

/// Whether a predictor was computed from static factors only or with the dynamic OASys answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum PredictorKind {
    /// Static factors only (criminal history, age, sex).
    Static,
    /// Static and dynamic factors (OASys answers).
    Dynamic,
}

/// The band of an OGRS4-family predictor (docs/rules/predictors.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum PredictorBand {
    /// Not applicable (e.g. DC-SRP for a woman or without sexual history).
    NotApplicable,
    /// Low.
    Low,
    /// Medium.
    Medium,
    /// High.
    High,
    /// Very high.
    VeryHigh,
}

/// One predictor output: the score (percent), and where recorded whether it is static or dynamic and its band.
#[probation_macros::fields]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Predictor {
    /// Score, percent 0–100.
    pub score: f64,
    /// Static or dynamic (ARP, CSRP, VRP, SVRP).
    pub kind: Option<PredictorKind>,
    /// The band, as OASys reports it (DC-SRP, VRP, SVRP, IIC-SRP; kept for ARP and CSRP when given).
    pub band: Option<PredictorBand>,
}

impl Predictor {
    /// A predictor with a score and nothing else.
    pub const fn new(score: f64) -> Self {
        Predictor {
            score,
            kind: None,
            band: None,
        }
    }
}

/// The OGRS4-family predictor outputs of an assessment (OASys `outputVersion` 2, docs/rules/tier-2026.md, §9b).
#[probation_macros::fields]
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Predictors {
    /// ARP, all reoffending predictor (replaced OGRS3 and OGP).
    pub arp: Option<Predictor>,
    /// CSRP, combined serious reoffending predictor (replaced RSR).
    pub csrp: Option<Predictor>,
    /// DC-SRP, direct-contact sexual reoffending predictor (replaced OSP-DC); read with its band.
    pub dc_srp: Option<Predictor>,
    /// VRP, violent reoffending predictor (kept, not used by a tier).
    pub vrp: Option<Predictor>,
    /// SVRP, serious violent reoffending predictor (kept, not used by a tier).
    pub svrp: Option<Predictor>,
    /// IIC-SRP, images and indirect-contact sexual reoffending predictor (kept, not used by a tier).
    pub iic_srp: Option<Predictor>,
}

/// One dated risk and needs assessment. A case's current assessment is its newest.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// Date the assessment was completed.
    pub date: NaiveDate,
    /// OASys or SAN.
    #[serde(default)]
    pub kind: AssessmentKind,
    /// RoSH per group.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub rosh: RoshByGroup,
    /// Risk of Serious Recidivism, percent 0–100.
    pub rsr: Option<f64>,
    /// OGRS3 two-year proven reoffending, percent 0–100.
    pub ogrs: Option<f64>,
    /// Need severities, when already scored.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "super::unique_map::deserialize"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub needs: NeedMap,
    /// Raw section answers (`null` = missing), from which severities are scored when `needs` lacks the area.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "super::unique_map::deserialize"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub section_answers: AnswerMap,
    /// Women's factors.
    pub womens_factors: Option<WomensFactors>,
    /// Layer 3, layer 1 or standalone (OASys); absent when not recorded.
    pub layer: Option<AssessmentLayer>,
    /// The OGRS4-family predictor outputs (ARP, CSRP, DC-SRP, ...), when the assessment has them.
    pub predictors: Option<Predictors>,
    /// The person has ever committed a sexual offence (OASys sexually-motivated-offence question); absent = false.
    pub ever_committed_sexual_offence: bool,
}

impl Assessment {
    /// An assessment on `date` with nothing recorded.
    pub fn new(date: NaiveDate) -> Self {
        Assessment {
            date,
            kind: AssessmentKind::Oasys,
            rosh: RoshByGroup::default(),
            rsr: None,
            ogrs: None,
            needs: BTreeMap::new(),
            section_answers: BTreeMap::new(),
            womens_factors: None,
            layer: None,
            predictors: None,
            ever_committed_sexual_offence: false,
        }
    }
}

/// Need severities by area.
pub type NeedMap = BTreeMap<NeedArea, NeedSeverity>;

/// Raw section answers by area (`None` = missing).
pub type AnswerMap = BTreeMap<NeedArea, Vec<Option<Answer>>>;
