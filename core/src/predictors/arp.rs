//! ARP, the all reoffending predictor of 2026 (docs/rules/predictors.md; docs/rules/predictors.md rules 1–5): the 2-year
//! proven-reoffending percentage from criminal history (static) or criminal history and OASys answers (dynamic).
//!
//! The coefficients are generated from the HMPPS actuarial service's files at 016919c
//! (`tools/predictor-tables/generate.py`, `core/data/actuarial/`). The service sums exact decimals; here each
//! product is an IEEE double and the sum is compensated, which agrees with it to about 1e-15 on the logit, so
//! the 2-dp score differs only if 100 × p lies within about 1e-12 of a half-hundredth.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::rules::arp::{self as rules, Idx};
use super::{
    FieldSet, RiskBand, ScoreKind, exact_sum, half_up, logistic, whole_months, whole_years,
};
use crate::allocation::RuleList;
use crate::model::Sex;

#[path = "arp_coefficients.rs"]
mod coefficients;
use coefficients::{ARP_DYNAMIC, ARP_STATIC};

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
    const fn score(self) -> f64 {
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
    const fn score(self) -> f64 {
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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct DynamicAnswers {
    /// Suitability of accommodation (OASys 3.4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub suitability_of_accommodation: Option<ProblemLevel>,
    /// Unemployed (OASys 4.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub is_unemployed: Option<bool>,
    /// Current relationship with partner (OASys 6.4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub current_relationship_with_partner: Option<ProblemLevel>,
    /// Evidence of domestic abuse as perpetrator (OASys 6.7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub evidence_of_domestic_abuse: Option<bool>,
    /// Current relationship status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub current_relationship_status: Option<RelationshipStatus>,
    /// Regular activities encourage offending (OASys 7.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub regular_offending_activities: Option<ProblemLevel>,
    /// Current alcohol use is a problem (OASys 9.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub current_alcohol_use_problems: Option<ProblemLevel>,
    /// Binge drinking or excessive alcohol use (OASys 9.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub excessive_alcohol_use: Option<ProblemLevel>,
    /// Impulsivity (OASys 11.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub impulsivity_problems: Option<ProblemLevel>,
    /// Pro-criminal attitudes (OASys 12.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub pro_criminal_attitudes: Option<ProblemLevel>,
    /// Motivation to tackle drug misuse (OASys 8.8); required when any drug flag is true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub motivation_to_tackle_drug_misuse: Option<MotivationLevel>,
    /// Heroin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub has_heroin_usage: Option<bool>,
    /// Methadone (VRP only; not read by ARP).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub has_methadone_usage: Option<bool>,
    /// Other opiates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub has_other_opiate_usage: Option<bool>,
    /// Crack cocaine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub has_crack_cocaine_usage: Option<bool>,
    /// Powder cocaine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub has_powder_cocaine_usage: Option<bool>,
    /// Misused prescribed drugs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub has_misused_prescription_drug_usage: Option<bool>,
    /// Benzodiazepines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub has_benzodiazepines_usage: Option<bool>,
    /// Cannabis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub has_cannabis_usage: Option<bool>,
    /// Steroids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub has_steroids_usage: Option<bool>,
    /// Other drugs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub has_other_drugs_usage: Option<bool>,
    /// Ketamine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub has_ketamine_usage: Option<bool>,
    /// Spice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub has_spice_usage: Option<bool>,
    /// Hallucinogens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub has_hallucinogens_usage: Option<bool>,
    /// Solvents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub has_solvents_usage: Option<bool>,
    /// Temper control (OASys 11.4; VRP and SVRP only, not read by ARP).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub temper_control: Option<ProblemLevel>,
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
const REQUIRED: [&str; 10] = [
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
/// The names of ARP's drug-use answers.
const DRUGS: [&str; 13] = [
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
];

/// Why ARP could not be scored; each names the input field.
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
    /// The score rounds to 0.00, which the service refuses to band (`UNEXPECTED_ERROR`).
    #[error("the ARP score rounds to 0.00, which has no band")]
    ScoreZero,
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

/// The complete dynamic answers, once validated.
struct Dynamic {
    accommodation: ProblemLevel,
    unemployed: bool,
    partner: ProblemLevel,
    domestic_abuse: bool,
    status: RelationshipStatus,
    activities: ProblemLevel,
    alcohol: ProblemLevel,
    binge: ProblemLevel,
    impulsivity: ProblemLevel,
    attitudes: ProblemLevel,
    motivation: MotivationLevel,
}

fn drug_flags(d: &DynamicAnswers) -> [Option<bool>; 13] {
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
    ]
}

/// The dynamic answers when complete and consistent; else the missing and inconsistent fields.
fn dynamic_answers(d: &DynamicAnswers) -> Result<Dynamic, (FieldSet, FieldSet)> {
    let mut missing = FieldSet::new(&REQUIRED);
    let present = [
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
    ];
    for (i, p) in present.iter().enumerate() {
        if !p {
            missing.insert(i);
        }
    }
    let mut inconsistent = FieldSet::new(&DRUGS);
    if d.motivation_to_tackle_drug_misuse.is_none() {
        for (i, f) in drug_flags(d).iter().enumerate() {
            if *f == Some(true) {
                inconsistent.insert(i);
            }
        }
    }
    match (
        d.suitability_of_accommodation,
        d.is_unemployed,
        d.current_relationship_with_partner,
        d.evidence_of_domestic_abuse,
        d.current_relationship_status,
        d.regular_offending_activities,
        d.current_alcohol_use_problems,
        d.excessive_alcohol_use,
        d.impulsivity_problems,
        d.pro_criminal_attitudes,
    ) {
        (
            Some(accommodation),
            Some(unemployed),
            Some(partner),
            Some(domestic_abuse),
            Some(status),
            Some(activities),
            Some(alcohol),
            Some(binge),
            Some(impulsivity),
            Some(attitudes),
        ) if inconsistent.is_empty() => Ok(Dynamic {
            accommodation,
            unemployed,
            partner,
            domestic_abuse,
            status,
            activities,
            alcohol,
            binge,
            impulsivity,
            attitudes,
            motivation: d
                .motivation_to_tackle_drug_misuse
                .unwrap_or(MotivationLevel::FullMotivation),
        }),
        _ => Err((missing, inconsistent)),
    }
}

/// `d` is after `base` plus 3 months (Java's `plusMonths(3)`: the day clamped to the end of the month), without
/// building the date.
fn after_three_months(d: NaiveDate, base: NaiveDate) -> bool {
    let months = |x: NaiveDate| i64::from(x.year()) * 12 + i64::from(x.month0());
    let target = months(base) + 3;
    let (dm, bd) = (months(d), base.day());
    if dm != target {
        return dm > target;
    }
    // Same month: compare days, the base day clamped to the month's length (only days 29–31 can clamp).
    let limit = if bd > 28 {
        let last = d
            .with_day(31)
            .or_else(|| d.with_day(30))
            .or_else(|| d.with_day(29))
            .map_or(28, |x| x.day());
        bd.min(last)
    } else {
        bd
    };
    d.day() > limit
}

fn category_index(c: ActuarialCategory) -> Option<usize> {
    (c != ActuarialCategory::Unknown).then_some(c as usize)
}

/// Scores ARP: dynamic when every required answer is given and the drug answers are consistent, else static
/// (and the result says which answers were missing). The first failing check, in the order of [`ArpError`]'s
/// variants, is the error.
pub fn arp(input: &ArpInput) -> Result<ArpScore, ArpError> {
    let female = match input.sex {
        Sex::Male => false,
        Sex::Female => true,
        Sex::NotSpecified => return Err(ArpError::SexNotSpecified),
    };
    let dob = input.date_of_birth;
    if input.conviction_date <= dob {
        return Err(ArpError::ConvictionNotAfterBirth);
    }
    let age_at_conviction = u32::try_from(whole_years(dob, input.conviction_date)).unwrap_or(0);
    if input.age_at_first_sanction > age_at_conviction {
        return Err(ArpError::FirstSanctionAfterConviction);
    }
    if after_three_months(input.conviction_date, input.assessment_date) {
        return Err(ArpError::ConvictionAfterAssessment);
    }
    if input.age_at_first_sanction >= 110 {
        return Err(ArpError::AgeAtFirstSanctionOutOfRange);
    }
    let category = category_index(input.actuarial_category).ok_or(ArpError::CategoryUnknown)?;
    if !(1..=999).contains(&input.total_sanctions) {
        return Err(ArpError::TotalSanctionsOutOfRange);
    }
    if let Some(f) = input.follow_up_start {
        if f <= dob {
            return Err(ArpError::FollowUpNotAfterBirth);
        }
        if whole_years(dob, f) >= 110 {
            return Err(ArpError::FollowUpAgeOutOfRange);
        }
    }
    let follow_up = input.follow_up_start.unwrap_or(input.conviction_date);
    let age_at_follow_up = u32::try_from(whole_years(dob, follow_up)).unwrap_or(0);
    let ofm = if input.assessment_date < follow_up {
        0
    } else {
        whole_months(follow_up, input.assessment_date).clamp(0, 36) as u32
    };
    let mut fired = RuleList::new(rules::TABLE);
    let (dynamic, missing, inconsistent) = match dynamic_answers(&input.dynamic) {
        Ok(d) => (Some(d), FieldSet::new(&REQUIRED), FieldSet::new(&DRUGS)),
        Err((m, i)) => {
            fired.fire(Idx::FALLBACK.bit());
            (None, m, i)
        }
    };
    let history = History {
        female,
        age_at_follow_up,
        age_at_conviction,
        age_at_first_sanction: input.age_at_first_sanction,
        n: input.total_sanctions,
        category,
        ofm,
    };
    let terms = match &dynamic {
        None => {
            fired.fire(Idx::STATIC.bit());
            static_terms(&history)
        }
        Some(d) => {
            fired.fire(Idx::DYNAMIC.bit());
            dynamic_terms(&history, d, &input.dynamic)
        }
    };
    let hundredths = half_up(logistic(terms.total), 10_000);
    let score = if hundredths >= 10_000 {
        99.99
    } else {
        hundredths as f64 / 100.0
    };
    if hundredths == 0 {
        return Err(ArpError::ScoreZero);
    }
    let band = if score < 50.0 {
        RiskBand::Low
    } else if score < 75.0 {
        RiskBand::Medium
    } else if score < 90.0 {
        RiskBand::High
    } else {
        RiskBand::VeryHigh
    };
    fired.fire(Idx::SCORE.bit());
    fired.fire(Idx::BAND.bit());
    Ok(ArpScore {
        score,
        band,
        kind: if dynamic.is_some() {
            ScoreKind::Dynamic
        } else {
            ScoreKind::Static
        },
        missing_dynamic: missing,
        inconsistent_drug_answers: inconsistent,
        age_at_follow_up,
        age_at_conviction,
        offence_free_months: ofm,
        terms,
        rules: fired,
    })
}

/// The validated criminal-history inputs.
struct History {
    female: bool,
    age_at_follow_up: u32,
    age_at_conviction: u32,
    age_at_first_sanction: u32,
    n: u32,
    category: usize,
    ofm: u32,
}

/// The coefficients the static and dynamic sets share in shape.
struct Shared {
    intercept: f64,
    age: [f64; 4],
    female: f64,
    first: f64,
    second: f64,
    occasions: f64,
    gap: f64,
    ofm: [f64; 4],
    copas: f64,
    copas_squared: f64,
    category: f64,
}

fn poly(c: &[f64; 4], x: u32) -> [f64; 4] {
    let x = f64::from(x);
    [
        c[0] * x,
        c[1] * (x * x),
        c[2] * (x * x * x),
        c[3] * (x * x * x * x),
    ]
}

fn shared_terms(
    h: &History,
    s: &Shared,
    dynamic: Option<ArpDynamicTerms>,
    extra: &[f64],
) -> ArpTerms {
    let age = poly(&s.age, h.age_at_follow_up);
    let ofm = poly(&s.ofm, h.ofm);
    let n = h.n;
    let gap = h.age_at_conviction - h.age_at_first_sanction;
    let (copas, copas_squared) = if n >= 3 {
        let l = (f64::from(n) / f64::from(gap + 26)).ln();
        (s.copas * l, s.copas_squared * (l * l))
    } else {
        (0.0, 0.0)
    };
    let mut terms = ArpTerms {
        intercept: s.intercept,
        age_sex: exact_sum(&age),
        female: if h.female { s.female } else { 0.0 },
        offence_category: s.category,
        first_sanction: if n == 1 { s.first } else { 0.0 },
        second_sanction: if n == 2 { s.second } else { 0.0 },
        sanction_occasions: f64::from(n) * s.occasions,
        second_sanction_gap: if n == 2 { f64::from(gap) * s.gap } else { 0.0 },
        offence_free_months: exact_sum(&ofm),
        copas,
        copas_squared,
        dynamic,
        total: 0.0,
    };
    let mut all = [0.0f64; 19 + 21];
    let head = [
        terms.intercept,
        age[0],
        age[1],
        age[2],
        age[3],
        terms.female,
        terms.offence_category,
        terms.first_sanction,
        terms.second_sanction,
        terms.sanction_occasions,
        terms.second_sanction_gap,
        ofm[0],
        ofm[1],
        ofm[2],
        ofm[3],
        terms.copas,
        terms.copas_squared,
    ];
    let mut len = 0;
    for (slot, v) in all.iter_mut().zip(head.iter().chain(extra)) {
        *slot = *v;
        len += 1;
    }
    terms.total = exact_sum(all.get(..len).unwrap_or(&[]));
    terms
}

fn static_terms(h: &History) -> ArpTerms {
    let c = &ARP_STATIC;
    let s = Shared {
        intercept: c.two_year_constant,
        age: if h.female {
            [
                c.aai_female,
                c.aai_quadratic_female,
                c.aai_cubic_female,
                c.aai_quartic_female,
            ]
        } else {
            [
                c.aai_male,
                c.aai_quadratic_male,
                c.aai_cubic_male,
                c.aai_quartic_male,
            ]
        },
        female: c.female,
        first: c.first_sanction,
        second: c.second_sanction,
        occasions: c.sanction_occasions,
        gap: if h.female {
            c.yrs_between_first_and_second_sanction_female
        } else {
            c.yrs_between_first_and_second_sanction_male
        },
        ofm: [
            c.offence_free_months,
            c.offence_free_months_quadratic,
            c.offence_free_months_cubic,
            c.offence_free_months_quartic,
        ],
        copas: if h.female {
            c.three_plus_sanctions_copas_g_female
        } else {
            c.three_plus_sanctions_copas_g_male
        },
        copas_squared: if h.female {
            c.three_plus_sanctions_copas_squared_female
        } else {
            c.three_plus_sanctions_copas_squared_male
        },
        category: c.category.get(h.category).copied().unwrap_or(0.0),
    };
    shared_terms(h, &s, None, &[])
}

fn dynamic_terms(h: &History, d: &Dynamic, answers: &DynamicAnswers) -> ArpTerms {
    let c = &ARP_DYNAMIC;
    let s = Shared {
        intercept: c.two_year_constant,
        age: if h.female {
            [
                c.aai_female,
                c.aai_quadratic_female,
                c.aai_cubic_female,
                c.aai_quartic_female,
            ]
        } else {
            [
                c.aai_male,
                c.aai_quadratic_male,
                c.aai_cubic_male,
                c.aai_quartic_male,
            ]
        },
        female: c.female,
        first: c.first_sanction,
        second: c.second_sanction,
        occasions: c.sanction_occasions,
        gap: if h.female {
            c.yrs_between_first_and_second_sanction_female
        } else {
            c.yrs_between_first_and_second_sanction_male
        },
        // Quadratic when dynamic (docs/rules/predictors.md rule 3).
        ofm: [
            c.offence_free_months,
            c.offence_free_months_quadratic,
            0.0,
            0.0,
        ],
        copas: if h.female {
            c.three_plus_sanctions_copas_g_female
        } else {
            c.three_plus_sanctions_copas_g_male
        },
        copas_squared: if h.female {
            c.three_plus_sanctions_copas_squared_female
        } else {
            c.three_plus_sanctions_copas_squared_male
        },
        category: c.category.get(h.category).copied().unwrap_or(0.0),
    };
    let flag = |f: Option<bool>, coef: f64| if f == Some(true) { coef } else { 0.0 };
    let living_together = d.status == RelationshipStatus::LivingTogether;
    let a = answers;
    let t = ArpDynamicTerms {
        accommodation: d.accommodation.score() * c.accommodation_suitability,
        unemployed: if d.unemployed {
            c.unemployed * 2.0
        } else {
            0.0
        },
        live_in_relationship: if living_together {
            c.live_in_relationship
        } else {
            0.0
        },
        relationship_quality: d.partner.score() * c.relationship_quality,
        live_in_relationship_quality: if living_together {
            d.partner.score() * c.quality_of_live_in_relationship
        } else {
            0.0
        },
        domestic_abuse: if d.domestic_abuse {
            c.domestic_abuse
        } else {
            0.0
        },
        regular_offending_activities: d.activities.score() * c.activities_encourage_offending,
        drug_motivation: d.motivation.score() * c.motivation_to_tackle_drug_misuse,
        chronic_drinking: d.alcohol.score() * c.chronic_drinking,
        binge_drinking: d.binge.score() * c.binge_drinking,
        impulsivity: d.impulsivity.score() * c.impulsivity,
        pro_criminal_attitudes: d.attitudes.score() * c.pro_criminal_attitude,
        heroin: flag(a.has_heroin_usage, c.heroin),
        other_opiate: flag(a.has_other_opiate_usage, c.other_opiate),
        crack_cocaine: flag(a.has_crack_cocaine_usage, c.crack_cocaine),
        powder_cocaine: flag(a.has_powder_cocaine_usage, c.powder_cocaine),
        prescription_drug_misuse: flag(
            a.has_misused_prescription_drug_usage,
            c.prescription_drug_misuse,
        ),
        benzodiazepines: flag(a.has_benzodiazepines_usage, c.benzodiazepines),
        cannabis: flag(a.has_cannabis_usage, c.cannabis),
        steroids: flag(a.has_steroids_usage, c.steroids),
        other_drugs: if [
            a.has_other_drugs_usage,
            a.has_ketamine_usage,
            a.has_spice_usage,
            a.has_hallucinogens_usage,
            a.has_solvents_usage,
        ]
        .contains(&Some(true))
        {
            c.other_drugs
        } else {
            0.0
        },
    };
    let extra = [
        t.accommodation,
        t.unemployed,
        t.live_in_relationship,
        t.relationship_quality,
        t.live_in_relationship_quality,
        t.domestic_abuse,
        t.regular_offending_activities,
        t.drug_motivation,
        t.chronic_drinking,
        t.binge_drinking,
        t.impulsivity,
        t.pro_criminal_attitudes,
        t.heroin,
        t.other_opiate,
        t.crack_cocaine,
        t.powder_cocaine,
        t.prescription_drug_misuse,
        t.benzodiazepines,
        t.cannabis,
        t.steroids,
        t.other_drugs,
    ];
    shared_terms(h, &s, Some(t), &extra)
}

#[cfg(test)]
mod tests {
    use super::coefficients::{arp_dynamic_by_name, arp_static_by_name};
    use super::*;

    fn parse_kt(text: &str) -> (Vec<(String, f64)>, Vec<f64>) {
        let mut coefs = Vec::new();
        let mut cats = Vec::new();
        for line in text.lines() {
            let line = line.trim();
            if let Some(rest) = line.strip_prefix("ActuarialCategory.") {
                if let Some(v) = rest.split("BigDecimal(\"").nth(1) {
                    cats.push(v.trim_end_matches("\")").parse().unwrap_or(f64::NAN));
                }
            } else if let Some((name, rest)) = line.split_once("(\"")
                && let Some(v) = rest.split("BigDecimal(").nth(1)
            {
                let v = v.trim_end_matches("),").trim_end_matches(')');
                coefs.push((name.to_string(), v.parse().unwrap_or(f64::NAN)));
            }
        }
        (coefs, cats)
    }

    /// The cheap comparison equals "after `base` + 3 months" with chrono's month arithmetic (which clamps the
    /// day as Java's `plusMonths` does), around every month end of four years.
    #[test]
    fn three_months_as_plus_months() {
        let start = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap_or_default();
        for b in start.iter_days().take(4 * 366) {
            let limit = b
                .checked_add_months(chrono::Months::new(3))
                .unwrap_or_default();
            for delta in -3i64..=3 {
                let d = limit + chrono::TimeDelta::days(delta);
                assert_eq!(after_three_months(d, b), d > limit, "{b} {d}");
            }
        }
    }

    /// The generated coefficients equal the vendored source files (tools/predictor-tables/generate.py).
    #[test]
    fn coefficients_match_source_files() {
        let (coefs, cats) = parse_kt(include_str!(
            "../../data/actuarial/AllReoffendingPredictorStatic.kt"
        ));
        assert_eq!(coefs.len(), 23);
        for (name, v) in &coefs {
            assert_eq!(arp_static_by_name(name), Some(*v), "{name}");
        }
        assert_eq!(cats, ARP_STATIC.category.to_vec());
        let (coefs, cats) = parse_kt(include_str!(
            "../../data/actuarial/AllReoffendingPredictorDynamic.kt"
        ));
        assert_eq!(coefs.len(), 21 + 21);
        for (name, v) in &coefs {
            assert_eq!(arp_dynamic_by_name(name), Some(*v), "{name}");
        }
        assert_eq!(cats, ARP_DYNAMIC.category.to_vec());
    }
}
