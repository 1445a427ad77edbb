//! DC-SRP, the direct contact sexual reoffending predictor of 2026 (docs/rules/predictors.md; docs/rules/predictors.md rule 6): a
//! 0–64 point score from sexual and general criminal history, its probability, its band, and the one-band risk
//! reduction after five offence-free years in the community.
//!
//! The points are the `when` tables of `DirectContactSexualReoffendingPredictorTransformationHelper` @016919c
//! (vendored in `core/data/actuarial/`), short enough to read against it line by line; the probability is
//! computed in IEEE doubles as the service does.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::rules::dcsrp::{self as rules, Idx};
use super::{RiskBand, half_up, whole_months, whole_years};
use crate::allocation::RuleList;
use crate::model::Sex;

/// Where the person is supervised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum SupervisionStatus {
    /// In custody (no risk reduction).
    Custody,
    /// In the community.
    Community,
    /// On remand (qualifies for risk reduction, as the service has it).
    Remand,
}

/// The inputs of DC-SRP (docs/rules/predictors.md "DC-SRP").
#[probation_macros::fields]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct DcSrpInput {
    /// The date of the assessment (for the risk reduction).
    pub assessment_date: NaiveDate,
    /// `male` or `female`; a woman's DC-SRP is not applicable.
    pub sex: Sex,
    /// Custody, community or remand.
    pub supervision_status: SupervisionStatus,
    /// Has the person ever committed a sexual offence; false → not applicable.
    #[fields(keep)]
    pub has_ever_committed_sexual_offence: bool,
    /// Date of birth.
    pub date_of_birth: NaiveDate,
    /// Start of follow-up (required: there is no fallback).
    pub follow_up_start: NaiveDate,
    /// Total sanctions for all offences (1–999 for a man with sexual history).
    pub total_sanctions: u32,
    /// Sanctions for contact sexual offences against an adult (required for a man with sexual history).
    pub contact_adult_sexual_sanctions: Option<u32>,
    /// Sanctions for contact sexual offences against a child (required likewise).
    pub contact_child_sexual_sanctions: Option<u32>,
    /// Non-contact sexual offences (required likewise).
    pub non_contact_sexual_offences: Option<u32>,
    /// Indecent image sanctions (required likewise; no DC-SRP points, but counted in the checks).
    pub indecent_image_sanctions: Option<u32>,
    /// Date of the most recent sexual offence (required for a man with sexual history).
    pub most_recent_sexual_offence_date: Option<NaiveDate>,
    /// Was the current offence against a stranger (absent counts as no).
    pub current_offence_against_stranger: Option<bool>,
    /// Date of the most recent offence of any kind (absent: not checked for the risk reduction).
    pub most_recent_offence_date: Option<NaiveDate>,
}

/// Why DC-SRP could not be scored; each names the input field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DcSrpError {
    /// Sex is `not_specified`.
    #[error("`sex` must be male or female for DC-SRP")]
    SexNotSpecified,
    /// A sexual sanction count is missing for a man with sexual history (`MISSING_MANDATORY_INPUT`).
    #[error("`{field}` is required for a man who has committed a sexual offence")]
    CountMissing {
        /// The first missing count.
        field: &'static str,
    },
    /// Total sanctions outside 1–999 (`TOTAL_NUMBER_OF_SANCTIONS_OUT_OF_RANGE`).
    #[error("`total_sanctions` must be from 1 to 999")]
    TotalSanctionsOutOfRange,
    /// All four sexual counts are 0 (`SEXUAL_REOFFENDING_PREDICTOR_NO_SANCTIONS`).
    #[error("the sexual sanction counts must not all be 0")]
    NoSexualSanctions,
    /// The four counts add up to more than the total sanctions (`TOTAL_NUMBER_OF_SEXUAL_SANCTIONS_OUT_OF_RANGE`).
    #[error("the sexual sanction counts must not add up to more than `total_sanctions`")]
    SexualSanctionsExceedTotal,
    /// No date of the most recent sexual offence for a man with sexual history (`MISSING_MANDATORY_INPUT`).
    #[error(
        "`most_recent_sexual_offence_date` is required for a man who has committed a sexual offence"
    )]
    SexualOffenceDateMissing,
    /// The most recent sexual offence on or before the date of birth.
    #[error("`most_recent_sexual_offence_date` must be after the date of birth")]
    SexualOffenceDateNotAfterBirth,
    /// Age at the most recent sexual offence 110 or over.
    #[error("age at `most_recent_sexual_offence_date` must be under 110")]
    SexualOffenceDateOutOfRange,
    /// Follow-up start on or before the date of birth (the service fails with `UNEXPECTED_ERROR`).
    #[error("`follow_up_start` must be after the date of birth")]
    FollowUpNotAfterBirth,
    /// Age at follow-up start 110 or over (`DATE_OF_START_OF_FOLLOWUP_OUT_OF_RANGE`).
    #[error("age at `follow_up_start` must be under 110")]
    FollowUpAgeOutOfRange,
    /// A non-zero sexual count with `has_ever_committed_sexual_offence` false
    /// (`SEXUAL_REOFFENDING_PREDICTOR_INCONSISTENT_INPUT`).
    #[error("`{field}` must be absent or 0 when `has_ever_committed_sexual_offence` is false")]
    InconsistentSexualHistory {
        /// The first non-zero count.
        field: &'static str,
    },
}

impl DcSrpError {
    /// The input field the error is about.
    pub const fn field(&self) -> &'static str {
        match self {
            DcSrpError::SexNotSpecified => "sex",
            DcSrpError::CountMissing { field }
            | DcSrpError::InconsistentSexualHistory { field } => field,
            DcSrpError::TotalSanctionsOutOfRange | DcSrpError::SexualSanctionsExceedTotal => {
                "total_sanctions"
            }
            DcSrpError::NoSexualSanctions => "contact_adult_sexual_sanctions",
            DcSrpError::SexualOffenceDateMissing
            | DcSrpError::SexualOffenceDateNotAfterBirth
            | DcSrpError::SexualOffenceDateOutOfRange => "most_recent_sexual_offence_date",
            DcSrpError::FollowUpNotAfterBirth | DcSrpError::FollowUpAgeOutOfRange => {
                "follow_up_start"
            }
        }
    }

    /// A short stable kind for bindings and vectors.
    pub const fn kind(&self) -> &'static str {
        match self {
            DcSrpError::SexNotSpecified => "sex_not_specified",
            DcSrpError::CountMissing { .. } => "count_missing",
            DcSrpError::TotalSanctionsOutOfRange => "total_sanctions_out_of_range",
            DcSrpError::NoSexualSanctions => "no_sexual_sanctions",
            DcSrpError::SexualSanctionsExceedTotal => "sexual_sanctions_exceed_total",
            DcSrpError::SexualOffenceDateMissing => "sexual_offence_date_missing",
            DcSrpError::SexualOffenceDateNotAfterBirth => "sexual_offence_date_not_after_birth",
            DcSrpError::SexualOffenceDateOutOfRange => "sexual_offence_date_out_of_range",
            DcSrpError::FollowUpNotAfterBirth => "follow_up_not_after_birth",
            DcSrpError::FollowUpAgeOutOfRange => "follow_up_age_out_of_range",
            DcSrpError::InconsistentSexualHistory { .. } => "inconsistent_sexual_history",
        }
    }
}

/// The points of each DC-SRP item, and their sum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DcSrpPoints {
    /// Contact adult sanctions: 1 → 5, 2 → 10, 3+ → 15.
    pub contact_adult: u32,
    /// Contact child sanctions: 1 → 3, 2 → 6, 3+ → 9.
    pub contact_child: u32,
    /// Non-contact offences: 1 → 2, 2 → 4, 3+ → 6.
    pub non_contact: u32,
    /// Age at follow-up start: 14 − max(0, (age − 18) ÷ 3), 0 from 60.
    pub age_at_follow_up: u32,
    /// Age at the last sexual sanction: 16–17 → 5, 18+ → 10, else 0.
    pub age_at_last_sexual_sanction: u32,
    /// Total sanctions 2+ → 6.
    pub total_sanctions: u32,
    /// Current victim a stranger → 4.
    pub stranger_victim: u32,
    /// The 0–64 point score.
    pub total: u32,
}

/// A DC-SRP score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DcSrpScore {
    /// The band after any risk reduction (`not_applicable` for a woman or no sexual history).
    pub band: RiskBand,
    /// The band on points, before risk reduction (`None` when not applicable).
    pub band_before_reduction: Option<RiskBand>,
    /// logistic(−8.633 + 0.1598 × points); 0 for 0 points or not applicable.
    pub probability: f64,
    /// 100 × probability, rounded half up to 2 dp.
    pub score: f64,
    /// The points (`None` when not applicable).
    pub points: Option<DcSrpPoints>,
    /// Whether the risk reduction applied (`None` when not applicable or 0 points).
    pub risk_reduction: Option<bool>,
    /// Every rule that fired.
    pub rules: RuleList,
}

const COUNTS: [&str; 4] = [
    "contact_adult_sexual_sanctions",
    "contact_child_sexual_sanctions",
    "non_contact_sexual_offences",
    "indecent_image_sanctions",
];

/// No count above 0 with no sexual history (`SEXUAL_REOFFENDING_PREDICTOR_INCONSISTENT_INPUT`).
pub(crate) fn consistent(counts: [Option<u32>; 4]) -> Result<(), DcSrpError> {
    match COUNTS
        .iter()
        .zip(counts)
        .find(|(_, c)| c.is_some_and(|c| c > 0))
    {
        Some((field, _)) => Err(DcSrpError::InconsistentSexualHistory { field }),
        None => Ok(()),
    }
}

/// The four counts, each required (`MISSING_MANDATORY_INPUT`, the first missing named).
pub(crate) fn known_counts(counts: [Option<u32>; 4]) -> Result<[u32; 4], DcSrpError> {
    let mut known = [0u32; 4];
    for ((field, c), k) in COUNTS.iter().zip(counts).zip(known.iter_mut()) {
        *k = c.ok_or(DcSrpError::CountMissing { field })?;
    }
    Ok(known)
}

/// Whether the person is a woman: the sexual predictors' first check, `sex_not_specified` when not given.
pub(crate) fn female(sex: Sex) -> Result<bool, DcSrpError> {
    match sex {
        Sex::Male => Ok(false),
        Sex::Female => Ok(true),
        Sex::NotSpecified => Err(DcSrpError::SexNotSpecified),
    }
}

/// The four counts' sum.
pub(crate) fn count_sum(c: [u32; 4]) -> u64 {
    c.iter().map(|&x| u64::from(x)).sum()
}

fn tiered(n: u32, step: u32) -> u32 {
    n.min(3) * step
}

/// Scores DC-SRP. The first failing check, in the order of [`DcSrpError`]'s variants, is the error.
pub fn dc_srp(input: &DcSrpInput) -> Result<DcSrpScore, DcSrpError> {
    let female = female(input.sex)?;
    let counts = [
        input.contact_adult_sexual_sanctions,
        input.contact_child_sexual_sanctions,
        input.non_contact_sexual_offences,
        input.indecent_image_sanctions,
    ];
    let dob = input.date_of_birth;
    let mut fired = RuleList::new(rules::TABLE);
    if female || !input.has_ever_committed_sexual_offence {
        if !female {
            consistent(counts)?;
        }
        fired.fire(Idx::NOT_APPLICABLE.bit());
        return Ok(DcSrpScore {
            band: RiskBand::NotApplicable,
            band_before_reduction: None,
            probability: 0.0,
            score: 0.0,
            points: None,
            risk_reduction: None,
            rules: fired,
        });
    }
    let known = known_counts(counts)?;
    let [adult, child, non_contact, _images] = known;
    if !(1..=999).contains(&input.total_sanctions) {
        return Err(DcSrpError::TotalSanctionsOutOfRange);
    }
    if known == [0; 4] {
        return Err(DcSrpError::NoSexualSanctions);
    }
    if count_sum(known) > u64::from(input.total_sanctions) {
        return Err(DcSrpError::SexualSanctionsExceedTotal);
    }
    let sexual = input
        .most_recent_sexual_offence_date
        .ok_or(DcSrpError::SexualOffenceDateMissing)?;
    if sexual <= dob {
        return Err(DcSrpError::SexualOffenceDateNotAfterBirth);
    }
    let age_at_sexual = whole_years(dob, sexual);
    if age_at_sexual >= 110 {
        return Err(DcSrpError::SexualOffenceDateOutOfRange);
    }
    if input.follow_up_start <= dob {
        return Err(DcSrpError::FollowUpNotAfterBirth);
    }
    let age_at_follow_up = whole_years(dob, input.follow_up_start);
    if age_at_follow_up >= 110 {
        return Err(DcSrpError::FollowUpAgeOutOfRange);
    }
    let age_points = if age_at_follow_up >= 60 {
        0
    } else {
        14 - ((age_at_follow_up - 18) / 3).max(0)
    };
    let mut points = DcSrpPoints {
        contact_adult: tiered(adult, 5),
        contact_child: tiered(child, 3),
        non_contact: tiered(non_contact, 2),
        age_at_follow_up: u32::try_from(age_points).unwrap_or(0),
        age_at_last_sexual_sanction: match age_at_sexual {
            16..=17 => 5,
            18.. => 10,
            _ => 0,
        },
        total_sanctions: if input.total_sanctions >= 2 { 6 } else { 0 },
        stranger_victim: if input.current_offence_against_stranger == Some(true) {
            4
        } else {
            0
        },
        total: 0,
    };
    points.total = points.contact_adult
        + points.contact_child
        + points.non_contact
        + points.age_at_follow_up
        + points.age_at_last_sexual_sanction
        + points.total_sanctions
        + points.stranger_victim;
    fired.fire(Idx::POINTS.bit());
    fired.fire(Idx::PROBABILITY.bit());
    fired.fire(Idx::BAND.bit());
    if points.total == 0 {
        return Ok(DcSrpScore {
            band: RiskBand::Low,
            band_before_reduction: Some(RiskBand::Low),
            probability: 0.0,
            score: 0.0,
            points: Some(points),
            risk_reduction: None,
            rules: fired,
        });
    }
    // As the service: z = -8.633 + 0.1598 × points, then e^z / (1 + e^z), in doubles.
    let z = -8.633 + (0.1598 * f64::from(points.total));
    let ez = z.exp();
    let probability = ez / (1.0 + ez);
    let band = match points.total {
        0..=21 => RiskBand::Low,
        22..=29 => RiskBand::Medium,
        30..=35 => RiskBand::High,
        _ => RiskBand::VeryHigh,
    };
    let five_years = |from: NaiveDate| whole_months(from, input.assessment_date) / 12 >= 5;
    let reduction = band != RiskBand::Low
        && input.supervision_status != SupervisionStatus::Custody
        && input.most_recent_offence_date.is_none_or(five_years)
        && five_years(sexual)
        && five_years(input.follow_up_start);
    let reduced = if reduction {
        fired.fire(Idx::RISK_REDUCTION.bit());
        match band {
            RiskBand::VeryHigh => RiskBand::High,
            RiskBand::High => RiskBand::Medium,
            _ => RiskBand::Low,
        }
    } else {
        band
    };
    Ok(DcSrpScore {
        band: reduced,
        band_before_reduction: Some(band),
        probability,
        score: half_up(probability, 10_000) as f64 / 100.0,
        points: Some(points),
        risk_reduction: Some(reduction),
        rules: fired,
    })
}
