//! ARP, the all reoffending predictor of 2026 (docs/rules/predictors.md; docs/rules/predictors.md rules 1–5): the 2-year
//! proven-reoffending percentage from criminal history (static) or criminal history and OASys answers (dynamic).
//!
//! The coefficients are generated from the HMPPS actuarial service's files at 016919c
//! (`tools/predictor-tables/generate.py`, `core/data/actuarial/`). The service sums exact decimals; here each
//! product is an IEEE double and the sum is compensated, which agrees with it to about 1e-15 on the logit, so
//! the 2-dp score differs only if 100 × p lies within about 1e-12 of a half-hundredth.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::rules::arp::{self as rules, Idx};
use super::{FieldSet, RiskBand, ScoreKind};
use crate::allocation::RuleList;
use crate::model::Sex;

use super::logistic::coefficients::{ARP_DYNAMIC, ARP_STATIC};
use super::logistic::{self, Coefficients, HistoryTerms, StaticInputs, flag, level};

/// The 24 actuarial offence categories of the service (`ActuarialCategory`), plus `unknown`. The map from Home
/// Office code to category comes from Manage Offences and is not public: the category is an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs, reason = "the service's category names, self-describing")]
pub enum ActuarialCategory {
    BurglaryDomestic,
    BurglaryOther,
    Drunkenness,
    DrinkDriving,
    MotoringOffences,
    VehicleRelatedTheft,
    FraudAndForgery,
    WelfareFraud,
    DrugImportExportOrProduction,
    DrugPossessionOrSupply,
    ViolenceAgainstThePersonAbhPlus,
    ViolenceAgainstThePersonSubAbh,
    PublicOrderAndHarrassment,
    WeaponsNonFirearm,
    FirearmsMostSerious,
    FirearmsOther,
    HandlingStolenGoods,
    CriminalDamage,
    AcquisitiveViolence,
    OtherOffences,
    AbscondingOrBail,
    SexualAgainstChild,
    SexualNotAgainstChild,
    TheftNonMotor,
    /// No category (the service's `UNKNOWN`): refused.
    Unknown,
}

/// An OASys problem level (scored 0, 1, 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum ProblemLevel {
    /// 0.
    NoProblems,
    /// 1.
    SomeProblems,
    /// 2.
    SignificantProblems,
}

impl ProblemLevel {
    pub(crate) const fn score(self) -> f64 {
        match self {
            ProblemLevel::NoProblems => 0.0,
            ProblemLevel::SomeProblems => 1.0,
            ProblemLevel::SignificantProblems => 2.0,
        }
    }
}

/// Motivation to tackle drug misuse (scored 0, 1, 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum MotivationLevel {
    /// 0.
    FullMotivation,
    /// 1.
    PartialMotivation,
    /// 2.
    NoMotivation,
}

impl MotivationLevel {
    pub(crate) const fn score(self) -> f64 {
        match self {
            MotivationLevel::FullMotivation => 0.0,
            MotivationLevel::PartialMotivation => 1.0,
            MotivationLevel::NoMotivation => 2.0,
        }
    }
}

/// Current relationship status (OASys 6.x).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum RelationshipStatus {
    /// Not in a relationship.
    NotInRelationship,
    /// In a relationship, living together.
    LivingTogether,
    /// In a relationship, not living together.
    NotLivingTogether,
}

/// The OASys answers the dynamic predictors read; each optional. The first ten are required for a dynamic ARP;
/// the drug answers are optional (motivation absent counts as full motivation, a drug flag absent as false).
#[probation_macros::fields]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct DynamicAnswers {
    /// Suitability of accommodation (OASys 3.4).
    pub suitability_of_accommodation: Option<ProblemLevel>,
    /// Unemployed (OASys 4.2).
    pub is_unemployed: Option<bool>,
    /// Current relationship with partner (OASys 6.4).
    pub current_relationship_with_partner: Option<ProblemLevel>,
    /// Evidence of domestic abuse as perpetrator (OASys 6.7).
    pub evidence_of_domestic_abuse: Option<bool>,
    /// Current relationship status.
    pub current_relationship_status: Option<RelationshipStatus>,
    /// Regular activities encourage offending (OASys 7.2).
    pub regular_offending_activities: Option<ProblemLevel>,
    /// Current alcohol use is a problem (OASys 9.1).
    pub current_alcohol_use_problems: Option<ProblemLevel>,
    /// Binge drinking or excessive alcohol use (OASys 9.2).
    pub excessive_alcohol_use: Option<ProblemLevel>,
    /// Impulsivity (OASys 11.2).
    pub impulsivity_problems: Option<ProblemLevel>,
    /// Pro-criminal attitudes (OASys 12.1).
    pub pro_criminal_attitudes: Option<ProblemLevel>,
    /// Motivation to tackle drug misuse (OASys 8.8); required when any drug flag is true.
    pub motivation_to_tackle_drug_misuse: Option<MotivationLevel>,
    /// Heroin.
    pub has_heroin_usage: Option<bool>,
    /// Methadone (VRP only; not read by ARP).
    pub has_methadone_usage: Option<bool>,
    /// Other opiates.
    pub has_other_opiate_usage: Option<bool>,
    /// Crack cocaine.
    pub has_crack_cocaine_usage: Option<bool>,
    /// Powder cocaine.
    pub has_powder_cocaine_usage: Option<bool>,
    /// Misused prescribed drugs.
    pub has_misused_prescription_drug_usage: Option<bool>,
    /// Benzodiazepines.
    pub has_benzodiazepines_usage: Option<bool>,
    /// Cannabis.
    pub has_cannabis_usage: Option<bool>,
    /// Steroids.
    pub has_steroids_usage: Option<bool>,
    /// Other drugs.
    pub has_other_drugs_usage: Option<bool>,
    /// Ketamine.
    pub has_ketamine_usage: Option<bool>,
    /// Spice.
    pub has_spice_usage: Option<bool>,
    /// Hallucinogens.
    pub has_hallucinogens_usage: Option<bool>,
    /// Solvents.
    pub has_solvents_usage: Option<bool>,
    /// Temper control (OASys 11.4; VRP and SVRP only, not read by ARP).
    pub temper_control: Option<ProblemLevel>,
    /// Did the current offence involve carrying or using a weapon (OASys 2.6; SVRP only).
    pub carrying_or_using_weapon: Option<bool>,
    /// The serious offences among the previous convictions (OASys 1.x; SVRP only). Absent: not answered;
    /// given with none true: answered, none.
    pub previous_convictions: Option<PreviousConvictions>,
}

impl DynamicAnswers {
    /// The names of the yes/no answers: unemployment, domestic abuse, weapon, then the drug flags (ARP's
    /// thirteen, then methadone, which only VRP reads). [`DynamicAnswers::flag`] reads one by name.
    pub const FLAGS: [&'static str; 17] = [
        "is_unemployed",
        "evidence_of_domestic_abuse",
        "carrying_or_using_weapon",
        "has_heroin_usage",
        "has_other_opiate_usage",
        "has_crack_cocaine_usage",
        "has_powder_cocaine_usage",
        "has_misused_prescription_drug_usage",
        "has_benzodiazepines_usage",
        "has_cannabis_usage",
        "has_steroids_usage",
        "has_other_drugs_usage",
        "has_ketamine_usage",
        "has_spice_usage",
        "has_hallucinogens_usage",
        "has_solvents_usage",
        "has_methadone_usage",
    ];

    /// The yes/no answer named `name` (one of [`DynamicAnswers::FLAGS`]), to read or set; `None` for another
    /// name.
    pub fn flag_mut(&mut self, name: &str) -> Option<&mut Option<bool>> {
        Some(match name {
            "is_unemployed" => &mut self.is_unemployed,
            "evidence_of_domestic_abuse" => &mut self.evidence_of_domestic_abuse,
            "carrying_or_using_weapon" => &mut self.carrying_or_using_weapon,
            "has_heroin_usage" => &mut self.has_heroin_usage,
            "has_methadone_usage" => &mut self.has_methadone_usage,
            "has_other_opiate_usage" => &mut self.has_other_opiate_usage,
            "has_crack_cocaine_usage" => &mut self.has_crack_cocaine_usage,
            "has_powder_cocaine_usage" => &mut self.has_powder_cocaine_usage,
            "has_misused_prescription_drug_usage" => &mut self.has_misused_prescription_drug_usage,
            "has_benzodiazepines_usage" => &mut self.has_benzodiazepines_usage,
            "has_cannabis_usage" => &mut self.has_cannabis_usage,
            "has_steroids_usage" => &mut self.has_steroids_usage,
            "has_other_drugs_usage" => &mut self.has_other_drugs_usage,
            "has_ketamine_usage" => &mut self.has_ketamine_usage,
            "has_spice_usage" => &mut self.has_spice_usage,
            "has_hallucinogens_usage" => &mut self.has_hallucinogens_usage,
            "has_solvents_usage" => &mut self.has_solvents_usage,
            _ => return None,
        })
    }

    /// The yes/no answer named `name` (one of [`DynamicAnswers::FLAGS`]); `None` when not given or for another
    /// name.
    #[must_use]
    pub fn flag(&self, name: &str) -> Option<bool> {
        let mut copy = *self;
        copy.flag_mut(name).and_then(|v| *v)
    }
}

/// The service's `previousConvictions` list (SVRP), as one flag per kind of serious offence.
#[probation_macros::fields]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
#[allow(
    missing_docs,
    reason = "the service's PreviousConviction values, self-describing"
)]
pub struct PreviousConvictions {
    #[serde(default)]
    pub homicide: bool,
    #[serde(default)]
    pub wounding_gbh: bool,
    #[serde(default)]
    pub kidnapping: bool,
    #[serde(default)]
    pub firearms: bool,
    #[serde(default)]
    pub robbery: bool,
    #[serde(default)]
    pub aggravated_burglary: bool,
    #[serde(default)]
    pub weapon: bool,
    #[serde(default)]
    pub criminal_damage: bool,
    #[serde(default)]
    pub arson: bool,
}

/// The inputs of ARP (docs/rules/predictors.md "Common static inputs" and the ARP dynamic list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct ArpInput {
    /// The date of the assessment (the service defaults it to today; here it is explicit).
    #[serde(deserialize_with = "crate::model::date::de")]
    pub assessment_date: NaiveDate,
    /// Date of birth.
    #[serde(deserialize_with = "crate::model::date::de")]
    pub date_of_birth: NaiveDate,
    /// Date of the current conviction.
    #[serde(deserialize_with = "crate::model::date::de")]
    pub conviction_date: NaiveDate,
    /// Start of follow-up; defaults to the conviction date.
    #[serde(
        default,
        deserialize_with = "crate::model::date::de_opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub follow_up_start: Option<NaiveDate>,
    /// `male` or `female`.
    pub sex: Sex,
    /// Age in whole years at the first sanction (0–109).
    pub age_at_first_sanction: u32,
    /// Total sanctions for all offences, including the current one (1–999).
    pub total_sanctions: u32,
    /// The current offence's actuarial category.
    pub actuarial_category: ActuarialCategory,
    /// OASys answers; with any required one missing the score is static.
    #[serde(default)]
    pub dynamic: DynamicAnswers,
}

/// The names of the required dynamic answers, in [`DynamicAnswers`] order.
pub(crate) const REQUIRED: [&str; 10] = [
    "suitability_of_accommodation",
    "is_unemployed",
    "current_relationship_with_partner",
    "evidence_of_domestic_abuse",
    "current_relationship_status",
    "regular_offending_activities",
    "current_alcohol_use_problems",
    "excessive_alcohol_use",
    "impulsivity_problems",
    "pro_criminal_attitudes",
];
/// [`REQUIRED`]'s answer numbers ([`answer_slots`]).
pub(crate) const REQUIRED_SLOTS: [u8; 10] = answer_slots(&REQUIRED);
/// [`DRUGS`]' answer numbers ([`answer_slots`]).
pub(crate) const DRUG_SLOTS: [u8; 13] = answer_slots(DRUGS);
/// The names of ARP's drug-use answers (every drug flag but methadone).
pub(crate) const DRUGS: &[&str] = DynamicAnswers::FLAGS.split_at(3).1.split_at(13).0;

/// Why ARP, VRP or SVRP could not be scored; each names the input field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ArpError {
    /// Sex is `not_specified`.
    #[error("`sex` must be male or female for ARP")]
    SexNotSpecified,
    /// Conviction on or before the date of birth (`DATE_OF_CURRENT_CONVICTION_BEFORE_DATE_OF_BIRTH`).
    #[error("`conviction_date` must be after the date of birth")]
    ConvictionNotAfterBirth,
    /// Age at first sanction above the age at conviction (`AGE_AT_FIRST_SANCTION_AFTER_AGE_AT_CURRENT_CONVICTION`).
    #[error("`age_at_first_sanction` must not be after the age at current conviction")]
    FirstSanctionAfterConviction,
    /// Conviction more than 3 months after the assessment date
    /// (`DATE_OF_CURRENT_CONVICTION_WITHIN_THREE_MONTHS_OF_ASSESSMENT_DATE`).
    #[error("`conviction_date` must be no more than 3 months after the assessment date")]
    ConvictionAfterAssessment,
    /// Age at first sanction 110 or over (`AGE_AT_FIRST_SANCTION_OUT_OF_RANGE`).
    #[error("`age_at_first_sanction` must be from 0 to 109")]
    AgeAtFirstSanctionOutOfRange,
    /// Category `unknown` (`OFFENCE_CODE_MAPPING_NOT_FOUND`).
    #[error("`actuarial_category` must be a known category")]
    CategoryUnknown,
    /// Total sanctions outside 1–999 (`TOTAL_NUMBER_OF_SANCTIONS_OUT_OF_RANGE`).
    #[error("`total_sanctions` must be from 1 to 999")]
    TotalSanctionsOutOfRange,
    /// Follow-up start on or before the date of birth (`DATE_OF_START_OF_FOLLOWUP_BEFORE_DATE_OF_BIRTH`).
    #[error("`follow_up_start` must be after the date of birth")]
    FollowUpNotAfterBirth,
    /// Age at follow-up start 110 or over (`DATE_OF_START_OF_FOLLOWUP_OUT_OF_RANGE`).
    #[error("age at `follow_up_start` must be under 110")]
    FollowUpAgeOutOfRange,
    /// The score rounds to 0.00, which the service refuses to band (`UNEXPECTED_ERROR`; ARP and VRP).
    #[error("the score rounds to 0.00, which has no band")]
    ScoreZero,
    /// Violent sanctions above the total sanctions (`VIOLENT_SANCTION_OUT_OF_RANGE`; VRP and SVRP).
    #[error("`violent_sanctions` must be from 0 to `total_sanctions`")]
    ViolentSanctionsOutOfRange,
}

impl ArpError {
    /// The input field the error is about.
    pub const fn field(&self) -> &'static str {
        match self {
            ArpError::SexNotSpecified => "sex",
            ArpError::ConvictionNotAfterBirth | ArpError::ConvictionAfterAssessment => {
                "conviction_date"
            }
            ArpError::FirstSanctionAfterConviction | ArpError::AgeAtFirstSanctionOutOfRange => {
                "age_at_first_sanction"
            }
            ArpError::CategoryUnknown => "actuarial_category",
            ArpError::TotalSanctionsOutOfRange => "total_sanctions",
            ArpError::FollowUpNotAfterBirth | ArpError::FollowUpAgeOutOfRange => "follow_up_start",
            ArpError::ScoreZero => "score",
            ArpError::ViolentSanctionsOutOfRange => "violent_sanctions",
        }
    }

    /// A short stable kind for bindings and vectors.
    pub const fn kind(&self) -> &'static str {
        match self {
            ArpError::SexNotSpecified => "sex_not_specified",
            ArpError::ConvictionNotAfterBirth => "conviction_not_after_birth",
            ArpError::FirstSanctionAfterConviction => "first_sanction_after_conviction",
            ArpError::ConvictionAfterAssessment => "conviction_after_assessment",
            ArpError::AgeAtFirstSanctionOutOfRange => "age_at_first_sanction_out_of_range",
            ArpError::CategoryUnknown => "category_unknown",
            ArpError::TotalSanctionsOutOfRange => "total_sanctions_out_of_range",
            ArpError::FollowUpNotAfterBirth => "follow_up_not_after_birth",
            ArpError::FollowUpAgeOutOfRange => "follow_up_age_out_of_range",
            ArpError::ScoreZero => "score_zero",
            ArpError::ViolentSanctionsOutOfRange => "violent_sanctions_out_of_range",
        }
    }
}

/// The dynamic terms of ARP (each the coefficient × the answer's score; absent drug answers count 0).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[allow(missing_docs, reason = "one term per answer, named as the answer")]
pub struct ArpDynamicTerms {
    pub accommodation: f64,
    /// The coefficient × 2 when unemployed.
    pub unemployed: f64,
    pub live_in_relationship: f64,
    pub relationship_quality: f64,
    /// Living together × relationship quality (only when living together).
    pub live_in_relationship_quality: f64,
    pub domestic_abuse: f64,
    pub regular_offending_activities: f64,
    pub drug_motivation: f64,
    pub chronic_drinking: f64,
    pub binge_drinking: f64,
    pub impulsivity: f64,
    pub pro_criminal_attitudes: f64,
    pub heroin: f64,
    pub other_opiate: f64,
    pub crack_cocaine: f64,
    pub powder_cocaine: f64,
    pub prescription_drug_misuse: f64,
    pub benzodiazepines: f64,
    pub cannabis: f64,
    pub steroids: f64,
    /// Other drugs, ketamine, spice, hallucinogens or solvents: one shared term.
    pub other_drugs: f64,
}

/// Every term of the ARP logit, and their sum.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ArpTerms {
    /// The 2-year intercept.
    pub intercept: f64,
    /// The sex-specific quartic in age at follow-up start.
    pub age_sex: f64,
    /// The female term (0 for a man).
    pub female: f64,
    /// The offence category's coefficient.
    pub offence_category: f64,
    /// The first-sanction flag's coefficient (n = 1), else 0.
    pub first_sanction: f64,
    /// The second-sanction flag's coefficient (n = 2), else 0.
    pub second_sanction: f64,
    /// n × the sanction-occasions coefficient.
    pub sanction_occasions: f64,
    /// (age at conviction − age at first sanction) × the sex's coefficient, at n = 2; else 0.
    pub second_sanction_gap: f64,
    /// The polynomial in offence-free months (quartic static, quadratic dynamic).
    pub offence_free_months: f64,
    /// c₁ · ln(n / (gap + 26)) at n ≥ 3, else 0.
    pub copas: f64,
    /// c₂ · ln(n / (gap + 26))² at n ≥ 3, else 0.
    pub copas_squared: f64,
    /// The OASys terms, for a dynamic score.
    pub dynamic: Option<ArpDynamicTerms>,
    /// The sum of every term.
    pub total: f64,
}

/// An ARP score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ArpScore {
    /// 2-year percentage, 2 dp (0.01–99.99).
    pub score: f64,
    /// Band.
    pub band: RiskBand,
    /// Static or dynamic.
    pub kind: ScoreKind,
    /// Required dynamic answers that were missing (non-empty: the score fell back to static).
    pub missing_dynamic: FieldSet,
    /// Drug-use answers given as true with no motivation answer (non-empty: the score fell back to static).
    pub inconsistent_drug_answers: FieldSet,
    /// Whole years of age at the start of follow-up.
    pub age_at_follow_up: u32,
    /// Whole years of age at the current conviction.
    pub age_at_conviction: u32,
    /// Whole months from the start of follow-up to the assessment date, 0–36.
    pub offence_free_months: u32,
    /// Every term.
    pub terms: ArpTerms,
    /// Every rule that fired.
    pub rules: RuleList,
}

/// The names of the required answers that are absent, as a set over `names` (each a [`DynamicAnswers`] field,
/// numbered by `slots`: [`answer_slots`] of `names`).
pub(crate) fn missing_answers(
    d: &DynamicAnswers,
    names: &'static [&'static str],
    slots: &[u8],
) -> FieldSet {
    let given = given_bits(d);
    let mut missing = FieldSet::new(names);
    // Every answer given (a dynamic score's usual case): none missing, without the per-answer loop.
    let all = slots
        .iter()
        .fold(0u32, |m, &slot| m | (1u32 << (slot & 31)));
    if given & all == all {
        return missing;
    }
    for (i, &slot) in slots.iter().enumerate() {
        if given & (1u32 << (slot & 31)) == 0 {
            missing.insert(i);
        }
    }
    missing
}

/// The drug answers among `names` (numbered by `slots`, see [`answer_slots`]) given as true while the motivation
/// answer is absent (`MOTIVATION_TO_TACKLE_DRUG_MISUSE_INCONSISTENT`).
pub(crate) fn inconsistent_drugs(
    d: &DynamicAnswers,
    names: &'static [&'static str],
    slots: &[u8],
) -> FieldSet {
    let mut set = FieldSet::new(names);
    if d.motivation_to_tackle_drug_misuse.is_none() {
        let yes = drug_bits(d);
        for (i, &slot) in slots.iter().enumerate() {
            if yes & (1u32 << (slot & 31)) != 0 {
                set.insert(i);
            }
        }
    }
    set
}

/// The bits of [`drug_bits`] of ARP's drug answers ([`DRUG_SLOTS`]) given as true: 0 when none is, so that
/// [`inconsistent_drugs`] finds none and each of ARP's nine drug terms is 0.
pub(crate) fn arp_drugs_used(d: &DynamicAnswers) -> u32 {
    drug_bits(d) & ARP_DRUG_MASK
}

/// The bits of [`DRUG_SLOTS`] among [`drug_bits`]: ARP's drug answers (methadone's bit not set).
const ARP_DRUG_MASK: u32 = slot_mask(&DRUG_SLOTS);

#[allow(
    clippy::indexing_slicing,
    reason = "evaluated when compiling only (const items): an index out of range fails the build"
)]
const fn slot_mask(slots: &[u8]) -> u32 {
    let mut m = 0u32;
    let mut i = 0;
    while i < slots.len() {
        m |= 1u32 << (slots[i] & 31);
        i += 1;
    }
    m
}

/// The answers that are neither required by ARP nor yes/no, in [`DynamicAnswers`] order.
const OTHER_ANSWERS: [&str; 3] = [
    "motivation_to_tackle_drug_misuse",
    "temper_control",
    "previous_convictions",
];

/// Every answer [`missing_answers`] and [`inconsistent_drugs`] read, numbered: bit `k` of [`given_bits`] (the
/// first 14) or of [`drug_bits`] (the drug answers, from 14) is the answer `ANSWER_NAMES[k]`. Derived, not
/// restated: ARP's [`REQUIRED`] names (which hold the first two yes/no answers), [`OTHER_ANSWERS`], then
/// [`DynamicAnswers::FLAGS`] from the third (the weapon answer, then the fourteen drug answers). The tests
/// `answer_names_are_the_fields` and `bits_follow_answer_names` hold `given_bits` and `drug_bits` to this order.
const ANSWER_NAMES: [&str; 28] = answer_names();

#[allow(
    clippy::indexing_slicing,
    reason = "evaluated when compiling only (const items): an index out of range fails the build"
)]
const fn answer_names() -> [&'static str; 28] {
    let mut out = [""; 28];
    let mut k = 0;
    while k < REQUIRED.len() {
        out[k] = REQUIRED[k];
        k += 1;
    }
    let mut j = 0;
    while j < OTHER_ANSWERS.len() {
        out[k] = OTHER_ANSWERS[j];
        k += 1;
        j += 1;
    }
    // The first two flags are among the required answers.
    assert!(
        same(REQUIRED[1], DynamicAnswers::FLAGS[0]) && same(REQUIRED[3], DynamicAnswers::FLAGS[1])
    );
    let mut f = 2;
    while f < DynamicAnswers::FLAGS.len() {
        out[k] = DynamicAnswers::FLAGS[f];
        k += 1;
        f += 1;
    }
    assert!(k == 28, "every answer numbered once");
    out
}

#[allow(
    clippy::indexing_slicing,
    reason = "evaluated when compiling only (const items): an index out of range fails the build"
)]
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The numbers of `names` among [`ANSWER_NAMES`] (drug answers as their bit of [`drug_bits`]), computed when
/// compiling, so that a score compares no names: a name that is not an answer fails the build.
#[allow(
    clippy::indexing_slicing,
    reason = "evaluated when compiling only (const items): an index out of range fails the build"
)]
pub(crate) const fn answer_slots<const N: usize>(names: &[&str]) -> [u8; N] {
    assert!(names.len() == N, "one number per name");
    let mut out = [0u8; N];
    let mut i = 0;
    while i < N {
        let mut k = 0;
        while k < ANSWER_NAMES.len() && !same(ANSWER_NAMES[k], names[i]) {
            k += 1;
        }
        assert!(k < ANSWER_NAMES.len(), "not a dynamic answer");
        out[i] = (if k >= 14 { k - 14 } else { k }) as u8;
        i += 1;
    }
    out
}

/// Bit `k` set when the answer `ANSWER_NAMES[k]` (k < 14) is given.
fn given_bits(d: &DynamicAnswers) -> u32 {
    [
        d.suitability_of_accommodation.is_some(),
        d.is_unemployed.is_some(),
        d.current_relationship_with_partner.is_some(),
        d.evidence_of_domestic_abuse.is_some(),
        d.current_relationship_status.is_some(),
        d.regular_offending_activities.is_some(),
        d.current_alcohol_use_problems.is_some(),
        d.excessive_alcohol_use.is_some(),
        d.impulsivity_problems.is_some(),
        d.pro_criminal_attitudes.is_some(),
        d.motivation_to_tackle_drug_misuse.is_some(),
        d.temper_control.is_some(),
        d.previous_convictions.is_some(),
        d.carrying_or_using_weapon.is_some(),
    ]
    .iter()
    .enumerate()
    .fold(0, |bits, (k, &b)| bits | (u32::from(b) << k))
}

/// Bit `k` set when the drug answer `ANSWER_NAMES[14 + k]` (`DynamicAnswers::FLAGS[3 + k]`) is given as true.
fn drug_bits(d: &DynamicAnswers) -> u32 {
    [
        d.has_heroin_usage,
        d.has_other_opiate_usage,
        d.has_crack_cocaine_usage,
        d.has_powder_cocaine_usage,
        d.has_misused_prescription_drug_usage,
        d.has_benzodiazepines_usage,
        d.has_cannabis_usage,
        d.has_steroids_usage,
        d.has_other_drugs_usage,
        d.has_ketamine_usage,
        d.has_spice_usage,
        d.has_hallucinogens_usage,
        d.has_solvents_usage,
        d.has_methadone_usage,
    ]
    .iter()
    .enumerate()
    .fold(0, |bits, (k, &b)| bits | (u32::from(b == Some(true)) << k))
}

/// The one shared term for other drugs, ketamine, spice, hallucinogens or solvents.
pub(crate) fn other_drugs(d: &DynamicAnswers, coefficient: f64) -> f64 {
    let any = [
        d.has_other_drugs_usage,
        d.has_ketamine_usage,
        d.has_spice_usage,
        d.has_hallucinogens_usage,
        d.has_solvents_usage,
    ]
    .contains(&Some(true));
    if any { coefficient } else { 0.0 }
}

/// The relationship terms ARP and VRP share: live-in, quality, and live-in × quality (only when living together).
pub(crate) fn relationship(d: &DynamicAnswers, a: &logistic::Answers) -> [f64; 3] {
    let living_together = d.current_relationship_status == Some(RelationshipStatus::LivingTogether);
    let quality = level(
        d.current_relationship_with_partner,
        ProblemLevel::score,
        1.0,
    );
    [
        if living_together {
            a.live_in_relationship
        } else {
            0.0
        },
        quality * a.relationship_quality,
        if living_together {
            quality * a.quality_of_live_in_relationship
        } else {
            0.0
        },
    ]
}

/// The unemployed term: the coefficient × 2 when unemployed.
pub(crate) fn unemployed(d: &DynamicAnswers, coefficient: f64) -> f64 {
    if d.is_unemployed == Some(true) {
        coefficient * 2.0
    } else {
        0.0
    }
}

pub(crate) fn dynamic_terms(d: &DynamicAnswers, c: &Coefficients) -> ArpDynamicTerms {
    let a = &c.answers;
    let [
        live_in_relationship,
        relationship_quality,
        live_in_relationship_quality,
    ] = relationship(d, a);
    ArpDynamicTerms {
        accommodation: level(
            d.suitability_of_accommodation,
            ProblemLevel::score,
            a.accommodation_suitability,
        ),
        unemployed: unemployed(d, a.unemployed),
        live_in_relationship,
        relationship_quality,
        live_in_relationship_quality,
        domestic_abuse: flag(d.evidence_of_domestic_abuse, a.domestic_abuse),
        regular_offending_activities: level(
            d.regular_offending_activities,
            ProblemLevel::score,
            a.activities_encourage_offending,
        ),
        drug_motivation: level(
            d.motivation_to_tackle_drug_misuse,
            MotivationLevel::score,
            a.motivation_to_tackle_drug_misuse,
        ),
        chronic_drinking: level(
            d.current_alcohol_use_problems,
            ProblemLevel::score,
            a.chronic_drinking,
        ),
        binge_drinking: level(
            d.excessive_alcohol_use,
            ProblemLevel::score,
            a.binge_drinking,
        ),
        impulsivity: level(d.impulsivity_problems, ProblemLevel::score, a.impulsivity),
        pro_criminal_attitudes: level(
            d.pro_criminal_attitudes,
            ProblemLevel::score,
            a.pro_criminal_attitude,
        ),
        heroin: flag(d.has_heroin_usage, a.heroin),
        other_opiate: flag(d.has_other_opiate_usage, a.other_opiate),
        crack_cocaine: flag(d.has_crack_cocaine_usage, a.crack_cocaine),
        powder_cocaine: flag(d.has_powder_cocaine_usage, a.powder_cocaine),
        prescription_drug_misuse: flag(
            d.has_misused_prescription_drug_usage,
            a.prescription_drug_misuse,
        ),
        benzodiazepines: flag(d.has_benzodiazepines_usage, a.benzodiazepines),
        cannabis: flag(d.has_cannabis_usage, a.cannabis),
        steroids: flag(d.has_steroids_usage, a.steroids),
        other_drugs: other_drugs(d, a.other_drugs),
    }
}

/// A coefficient × each answer score (0, 1, 2) and, last, for no answer: `0.0 × c` there when `absent_times`
/// (`quality × c` with the quality of an absent answer, 0), else a plain 0 (`level`'s `map_or(0.0)`).
const fn by_level(c: f64, absent_times: bool) -> [f64; 4] {
    [
        0.0 * c,
        1.0 * c,
        2.0 * c,
        if absent_times { 0.0 * c } else { 0.0 },
    ]
}

/// The entry of a [`by_level`] table for a 0/1/2 answer (the last one when absent).
fn at_level(table: &[f64; 4], score: Option<usize>) -> f64 {
    table.get(score.unwrap_or(3)).copied().unwrap_or(0.0)
}

/// ARP's dynamic answer terms as tables made when compiling (each entry the product [`dynamic_terms`] forms).
struct AnswerTables {
    accommodation: [f64; 4],
    relationship_quality: [f64; 4],
    live_in_relationship_quality: [f64; 4],
    regular_offending_activities: [f64; 4],
    drug_motivation: [f64; 4],
    chronic_drinking: [f64; 4],
    binge_drinking: [f64; 4],
    impulsivity: [f64; 4],
    pro_criminal_attitudes: [f64; 4],
    /// `coefficient × 2`, [`unemployed`]'s term.
    unemployed: f64,
}

const ARP_ANSWER_TABLES: AnswerTables = {
    let a = &ARP_DYNAMIC.answers;
    AnswerTables {
        accommodation: by_level(a.accommodation_suitability, false),
        // `relationship`: the quality (absent: 0.0) × the coefficient.
        relationship_quality: by_level(a.relationship_quality, true),
        live_in_relationship_quality: by_level(a.quality_of_live_in_relationship, true),
        regular_offending_activities: by_level(a.activities_encourage_offending, false),
        drug_motivation: by_level(a.motivation_to_tackle_drug_misuse, false),
        chronic_drinking: by_level(a.chronic_drinking, false),
        binge_drinking: by_level(a.binge_drinking, false),
        impulsivity: by_level(a.impulsivity, false),
        pro_criminal_attitudes: by_level(a.pro_criminal_attitude, false),
        unemployed: a.unemployed * 2.0,
    }
};

fn problem(x: Option<ProblemLevel>) -> Option<usize> {
    x.map(|l| l as usize)
}

/// ARP's dynamic terms, [`dynamic_terms`]`(d, &ARP_DYNAMIC).values()` to the bit, for the batch kernel: each term
/// one look-up in a table made when compiling, or a select, instead of a match and a multiplication (the test
/// `answer_terms_as_dynamic_terms` compares the two on every value of each answer and on random answers).
/// `drugs`: [`arp_drugs_used`] is not 0; when it is, no drug answer of ARP's is yes, so the nine drug terms
/// (the last) are 0 and are not looked at.
pub(crate) fn arp_answer_terms(d: &DynamicAnswers, drugs: bool) -> [f64; 21] {
    let (t, a) = (&ARP_ANSWER_TABLES, &ARP_DYNAMIC.answers);
    let yes = |x: Option<bool>, c: f64| if x == Some(true) { c } else { 0.0 };
    let living_together = d.current_relationship_status == Some(RelationshipStatus::LivingTogether);
    let quality = problem(d.current_relationship_with_partner);
    let [h0, h1, h2, h3, h4, h5, h6, h7, h8, h9, h10, h11] = [
        at_level(&t.accommodation, problem(d.suitability_of_accommodation)),
        yes(d.is_unemployed, t.unemployed),
        if living_together {
            a.live_in_relationship
        } else {
            0.0
        },
        at_level(&t.relationship_quality, quality),
        if living_together {
            at_level(&t.live_in_relationship_quality, quality)
        } else {
            0.0
        },
        yes(d.evidence_of_domestic_abuse, a.domestic_abuse),
        at_level(
            &t.regular_offending_activities,
            problem(d.regular_offending_activities),
        ),
        at_level(
            &t.drug_motivation,
            d.motivation_to_tackle_drug_misuse.map(|m| m as usize),
        ),
        at_level(&t.chronic_drinking, problem(d.current_alcohol_use_problems)),
        at_level(&t.binge_drinking, problem(d.excessive_alcohol_use)),
        at_level(&t.impulsivity, problem(d.impulsivity_problems)),
        at_level(&t.pro_criminal_attitudes, problem(d.pro_criminal_attitudes)),
    ];
    let [g0, g1, g2, g3, g4, g5, g6, g7, g8] = if drugs {
        let other = [
            d.has_other_drugs_usage,
            d.has_ketamine_usage,
            d.has_spice_usage,
            d.has_hallucinogens_usage,
            d.has_solvents_usage,
        ]
        .iter()
        .fold(false, |any, &x| any | (x == Some(true)));
        [
            yes(d.has_heroin_usage, a.heroin),
            yes(d.has_other_opiate_usage, a.other_opiate),
            yes(d.has_crack_cocaine_usage, a.crack_cocaine),
            yes(d.has_powder_cocaine_usage, a.powder_cocaine),
            yes(
                d.has_misused_prescription_drug_usage,
                a.prescription_drug_misuse,
            ),
            yes(d.has_benzodiazepines_usage, a.benzodiazepines),
            yes(d.has_cannabis_usage, a.cannabis),
            yes(d.has_steroids_usage, a.steroids),
            if other { a.other_drugs } else { 0.0 },
        ]
    } else {
        [0.0; 9]
    };
    [
        h0, h1, h2, h3, h4, h5, h6, h7, h8, h9, h10, h11, g0, g1, g2, g3, g4, g5, g6, g7, g8,
    ]
}

impl ArpDynamicTerms {
    pub(crate) fn values(&self) -> [f64; 21] {
        [
            self.accommodation,
            self.unemployed,
            self.live_in_relationship,
            self.relationship_quality,
            self.live_in_relationship_quality,
            self.domestic_abuse,
            self.regular_offending_activities,
            self.drug_motivation,
            self.chronic_drinking,
            self.binge_drinking,
            self.impulsivity,
            self.pro_criminal_attitudes,
            self.heroin,
            self.other_opiate,
            self.crack_cocaine,
            self.powder_cocaine,
            self.prescription_drug_misuse,
            self.benzodiazepines,
            self.cannabis,
            self.steroids,
            self.other_drugs,
        ]
    }
}

/// The band of a 2-dp percentage against three edges (medium, high, very high).
pub(crate) fn band(score: f64, edges: [f64; 3]) -> RiskBand {
    // Counted, not tested in turn: the edges are increasing, so the number of edges the score is not below is
    // the band, as the chain of `score < edge` tests gave (a NaN score is below none: very high, as before).
    // No data-dependent branch.
    let below = edges.iter().map(|&e| usize::from(score < e)).sum::<usize>();
    let i = 3usize.saturating_sub(below);
    [
        RiskBand::Low,
        RiskBand::Medium,
        RiskBand::High,
        RiskBand::VeryHigh,
    ]
    .get(i)
    .copied()
    .unwrap_or(RiskBand::VeryHigh)
}

/// Scores ARP: dynamic when every required answer is given and the drug answers are consistent, else static
/// (and the result says which answers were missing). The first failing check, in the order of [`ArpError`]'s
/// variants, is the error.
pub fn arp(input: &ArpInput) -> Result<ArpScore, ArpError> {
    let h = logistic::history(
        &StaticInputs {
            assessment_date: input.assessment_date,
            date_of_birth: input.date_of_birth,
            conviction_date: input.conviction_date,
            follow_up_start: input.follow_up_start,
            sex: input.sex,
            age_at_first_sanction: input.age_at_first_sanction,
            total_sanctions: input.total_sanctions,
            actuarial_category: input.actuarial_category,
            violent_sanctions: 0,
        },
        false,
    )?;
    let mut fired = RuleList::new(rules::TABLE);
    let missing = missing_answers(&input.dynamic, &REQUIRED, &REQUIRED_SLOTS);
    let inconsistent = inconsistent_drugs(&input.dynamic, DRUGS, &DRUG_SLOTS);
    let is_dynamic = missing.is_empty() && inconsistent.is_empty();
    let (c, dynamic) = if is_dynamic {
        fired.fire(Idx::DYNAMIC.bit());
        (
            &ARP_DYNAMIC,
            Some(dynamic_terms(&input.dynamic, &ARP_DYNAMIC)),
        )
    } else {
        fired.fire(Idx::FALLBACK.bit());
        fired.fire(Idx::STATIC.bit());
        (&ARP_STATIC, None)
    };
    let t = logistic::history_terms(&h, c, 26);
    let total = logistic::total(&t, &dynamic.map(|d| d.values()).unwrap_or([0.0; 21]));
    let hundredths = logistic::hundredths(total);
    if hundredths == 0 {
        return Err(ArpError::ScoreZero);
    }
    let score = logistic::percentage(hundredths);
    fired.fire(Idx::SCORE.bit());
    fired.fire(Idx::BAND.bit());
    Ok(ArpScore {
        score,
        band: band(score, [50.0, 75.0, 90.0]),
        kind: ScoreKind::of(is_dynamic),
        missing_dynamic: missing,
        inconsistent_drug_answers: inconsistent,
        age_at_follow_up: h.age_at_follow_up,
        age_at_conviction: h.age_at_conviction,
        offence_free_months: h.ofm,
        terms: arp_terms(&t, dynamic, total),
        rules: fired,
    })
}

fn arp_terms(t: &HistoryTerms, dynamic: Option<ArpDynamicTerms>, total: f64) -> ArpTerms {
    ArpTerms {
        intercept: t.intercept,
        age_sex: super::exact_sum(&t.age),
        female: t.female,
        offence_category: t.offence_category,
        first_sanction: t.first_sanction,
        second_sanction: t.second_sanction,
        sanction_occasions: t.sanction_occasions,
        second_sanction_gap: t.second_sanction_gap,
        offence_free_months: super::exact_sum(&t.ofm),
        copas: t.copas,
        copas_squared: t.copas_squared,
        dynamic,
        total,
    }
}

#[cfg(test)]
mod tests {
    use super::{
        ANSWER_NAMES, ARP_DYNAMIC, DRUGS, DynamicAnswers, MotivationLevel, ProblemLevel,
        RelationshipStatus, answer_slots, arp_answer_terms, arp_drugs_used, drug_bits,
        dynamic_terms, given_bits,
    };

    /// The table kernel equals `dynamic_terms` to the bit: every value (absent included) of each answer with
    /// the others absent, every pair of relationship status and quality, and 300,000 random sets of answers.
    #[test]
    fn answer_terms_as_dynamic_terms() {
        let same = |d: &DynamicAnswers| {
            let want = dynamic_terms(d, &ARP_DYNAMIC).values().map(f64::to_bits);
            assert_eq!(arp_answer_terms(d, true).map(f64::to_bits), want, "{d:?}");
            // Without the drug terms when no drug of ARP's is used.
            if arp_drugs_used(d) == 0 {
                assert_eq!(arp_answer_terms(d, false).map(f64::to_bits), want, "{d:?}");
            }
        };
        let levels = [
            None,
            Some(ProblemLevel::NoProblems),
            Some(ProblemLevel::SomeProblems),
            Some(ProblemLevel::SignificantProblems),
        ];
        let motivations = [
            None,
            Some(MotivationLevel::FullMotivation),
            Some(MotivationLevel::PartialMotivation),
            Some(MotivationLevel::NoMotivation),
        ];
        let statuses = [
            None,
            Some(RelationshipStatus::NotInRelationship),
            Some(RelationshipStatus::LivingTogether),
            Some(RelationshipStatus::NotLivingTogether),
        ];
        let flags = [None, Some(false), Some(true)];
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        };
        let mut cases = Vec::new();
        for round in 0..300_000 {
            let exhaustive = round < 64;
            let mut d = DynamicAnswers::default();
            // The first 64 rounds: each level answer alone at each value (rounds 0–31), every motivation and
            // flag value, and every relationship status × quality pair.
            let pick_level = |k: usize, slot: usize, next: &mut dyn FnMut(usize) -> usize| {
                if exhaustive {
                    if k == slot / 4 {
                        levels[slot % 4]
                    } else {
                        None
                    }
                } else {
                    levels[next(4)]
                }
            };
            d.suitability_of_accommodation = pick_level(0, round, &mut next);
            d.current_relationship_with_partner = pick_level(1, round, &mut next);
            d.regular_offending_activities = pick_level(2, round, &mut next);
            d.current_alcohol_use_problems = pick_level(3, round, &mut next);
            d.excessive_alcohol_use = pick_level(4, round, &mut next);
            d.impulsivity_problems = pick_level(5, round, &mut next);
            d.pro_criminal_attitudes = pick_level(6, round, &mut next);
            d.temper_control = pick_level(7, round, &mut next);
            d.motivation_to_tackle_drug_misuse = if exhaustive {
                motivations[round % 4]
            } else {
                motivations[next(4)]
            };
            d.current_relationship_status = if exhaustive {
                statuses[round / 16]
            } else {
                statuses[next(4)]
            };
            if exhaustive {
                d.current_relationship_with_partner = levels[round % 4];
            }
            for name in DynamicAnswers::FLAGS {
                if let Some(v) = d.flag_mut(name) {
                    *v = flags[if exhaustive { round % 3 } else { next(3) }];
                }
            }
            cases.push(d);
        }
        // Each flag alone at each value.
        for name in DynamicAnswers::FLAGS {
            for v in flags {
                let mut d = DynamicAnswers::default();
                if let Some(f) = d.flag_mut(name) {
                    *f = v;
                }
                cases.push(d);
            }
        }
        cases.iter().for_each(same);
    }

    /// The answers with only `name` given (true, or the first value of its type that deserialises), checked to
    /// serialise as that one field.
    fn only(name: &str) -> DynamicAnswers {
        let values = [
            serde_json::json!(true),
            serde_json::json!("some_problems"),
            serde_json::json!("partial_motivation"),
            serde_json::json!("living_together"),
            serde_json::json!({ "homicide": true }),
        ];
        let d = values
            .iter()
            .find_map(|v| {
                serde_json::from_value::<DynamicAnswers>(serde_json::json!({ name: v })).ok()
            })
            .unwrap_or_else(|| panic!("{name} is not an answer"));
        let json = serde_json::to_value(d).unwrap_or_default();
        let keys: Vec<&String> = json
            .as_object()
            .map(|o| o.keys().collect())
            .unwrap_or_default();
        assert_eq!(keys, [name], "{name}");
        d
    }

    /// `ANSWER_NAMES` is every field of `DynamicAnswers`, once each.
    #[test]
    fn answer_names_are_the_fields() {
        let mut all = serde_json::Map::new();
        for name in ANSWER_NAMES {
            let json = serde_json::to_value(only(name)).unwrap_or_default();
            all.extend(json.as_object().cloned().unwrap_or_default());
        }
        assert_eq!(all.len(), ANSWER_NAMES.len(), "a name numbered twice");
        let d: DynamicAnswers =
            serde_json::from_value(serde_json::Value::Object(all)).unwrap_or_default();
        let fields = serde_json::to_value(d).unwrap_or_default();
        let mut fields: Vec<String> = fields
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default();
        let mut names: Vec<String> = ANSWER_NAMES.iter().map(|n| (*n).to_owned()).collect();
        fields.sort();
        names.sort();
        assert_eq!(fields, names);
        assert_eq!(fields.len(), 28);
    }

    /// Bit `k` of `given_bits` (k < 14) or of `drug_bits` (from 14) is the answer `ANSWER_NAMES[k]`, and the
    /// numbers `answer_slots` gives the flags are those bits.
    #[test]
    fn bits_follow_answer_names() {
        for (k, name) in ANSWER_NAMES.iter().enumerate() {
            let d = only(name);
            let (given, drugs) = if k < 14 {
                (1u32 << k, 0)
            } else {
                (0, 1u32 << (k - 14))
            };
            assert_eq!((given_bits(&d), drug_bits(&d)), (given, drugs), "{name}");
        }
        let slots: [u8; 17] = answer_slots(&DynamicAnswers::FLAGS);
        for (name, slot) in DynamicAnswers::FLAGS.iter().zip(slots) {
            let d = only(name);
            let bits = if DRUGS.contains(name) || *name == "has_methadone_usage" {
                drug_bits(&d)
            } else {
                given_bits(&d)
            };
            assert_eq!(bits, 1u32 << slot, "{name}");
        }
    }

    #[test]
    fn every_flag_name_is_a_field_of_the_answers() {
        for name in DynamicAnswers::FLAGS {
            let mut d = DynamicAnswers::default();
            *d.flag_mut(name)
                .unwrap_or_else(|| panic!("{name} has no slot")) = Some(true);
            assert_eq!(d.flag(name), Some(true));
            let json = serde_json::to_value(d).unwrap_or_default();
            assert_eq!(json, serde_json::json!({ name: true }), "{name}");
        }
        assert!(
            DynamicAnswers::default()
                .flag_mut("temper_control")
                .is_none()
        );
    }

    #[test]
    fn arp_reads_every_drug_but_methadone() {
        assert_eq!(DRUGS.len(), 13);
        assert_eq!(DRUGS.first(), Some(&"has_heroin_usage"));
        assert_eq!(DRUGS.last(), Some(&"has_solvents_usage"));
        assert!(!DRUGS.contains(&"has_methadone_usage"));
        assert!(
            DRUGS
                .iter()
                .all(|d| d.starts_with("has_") && d.ends_with("_usage"))
        );
    }
}
