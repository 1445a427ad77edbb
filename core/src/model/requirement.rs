//! Requirements of a community order or suspended sentence order (CJA 2003 s.177; Sentencing Code Sch 9).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Length;

/// The kinds of requirement a court can impose ([V] CJA 2003 s.177, Sentencing Code Sch 9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequirementKind {
    /// Unpaid work: `hours` 40–300, done within 12 months.
    UnpaidWork,
    /// Rehabilitation activity requirement: `days` set by the court, lasting the whole order.
    RehabilitationActivity,
    /// Accredited programme: optional `days` (sessions).
    Programme,
    /// Prohibited activity.
    ProhibitedActivity,
    /// Curfew: `hours_per_day`, optional `days_per_week` (default 7), `length` of the curfew period.
    Curfew,
    /// Exclusion: `length` of the exclusion period.
    Exclusion,
    /// Residence.
    Residence,
    /// Foreign travel prohibition.
    ForeignTravelProhibition,
    /// Mental health treatment.
    MentalHealthTreatment,
    /// Drug rehabilitation.
    DrugRehabilitation,
    /// Alcohol treatment.
    AlcoholTreatment,
    /// Alcohol abstinence and monitoring: `length` of the period.
    AlcoholAbstinenceMonitoring,
    /// Attendance centre: `hours`; only for people under 25 when convicted.
    AttendanceCentre,
    /// Electronic monitoring (mandatory with curfew or exclusion unless unavailable or inappropriate).
    ElectronicMonitoring,
    /// A requirement read from a record whose main category the library does not list, which the record marks
    /// non-restrictive (docs/rules/records.md#requirement-main-categories). It gives a mandate for change; no
    /// schedule or field rule reads it.
    Unlisted,
    /// As [`RequirementKind::Unlisted`], marked restrictive by the record: no mandate for change.
    UnlistedRestrictive,
}

impl RequirementKind {
    /// Every kind.
    pub const ALL: &'static [RequirementKind] = &[
        Self::UnpaidWork,
        Self::RehabilitationActivity,
        Self::Programme,
        Self::ProhibitedActivity,
        Self::Curfew,
        Self::Exclusion,
        Self::Residence,
        Self::ForeignTravelProhibition,
        Self::MentalHealthTreatment,
        Self::DrugRehabilitation,
        Self::AlcoholTreatment,
        Self::AlcoholAbstinenceMonitoring,
        Self::AttendanceCentre,
        Self::ElectronicMonitoring,
        Self::Unlisted,
        Self::UnlistedRestrictive,
    ];

    /// Restrictive (punitive) requirements give no *mandate for change* for tiering
    /// (docs/rules/tier.md#mandate-for-change; [V-code] hmpps-tier treats curfew, exclusion, prohibited activity,
    /// foreign travel prohibition and monitoring as restrictive; [A] for the exact list).
    pub const fn is_restrictive(self) -> bool {
        matches!(
            self,
            Self::Curfew
                | Self::Exclusion
                | Self::ProhibitedActivity
                | Self::ForeignTravelProhibition
                | Self::ElectronicMonitoring
                | Self::AlcoholAbstinenceMonitoring
                | Self::UnlistedRestrictive
        )
    }

    /// Which of the optional numeric fields this kind takes: (hours, days, hours_per_day/days_per_week, length).
    pub const fn fields(self) -> RequirementFields {
        use RequirementFields as F;
        match self {
            Self::UnpaidWork => F {
                hours: Need::Required,
                days: Need::No,
                curfew: Need::No,
                length: Need::No,
            },
            Self::AttendanceCentre => F {
                hours: Need::Required,
                days: Need::No,
                curfew: Need::No,
                length: Need::No,
            },
            Self::RehabilitationActivity => F {
                hours: Need::No,
                days: Need::Required,
                curfew: Need::No,
                length: Need::No,
            },
            Self::Programme => F {
                hours: Need::No,
                days: Need::Optional,
                curfew: Need::No,
                length: Need::No,
            },
            Self::Curfew => F {
                hours: Need::No,
                days: Need::No,
                curfew: Need::Required,
                length: Need::Required,
            },
            Self::Exclusion | Self::AlcoholAbstinenceMonitoring => F {
                hours: Need::No,
                days: Need::No,
                curfew: Need::No,
                length: Need::Required,
            },
            _ => F {
                hours: Need::No,
                days: Need::No,
                curfew: Need::No,
                length: Need::Optional,
            },
        }
    }
}

/// Whether a requirement kind takes a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// The field must be given.
    Required,
    /// The field may be given.
    Optional,
    /// The field does not apply and must be absent.
    No,
}

/// The fields a requirement kind takes (see [`RequirementKind::fields`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequirementFields {
    /// `hours`.
    pub hours: Need,
    /// `days`.
    pub days: Need,
    /// `hours_per_day` (and the optional `days_per_week`).
    pub curfew: Need,
    /// `length`.
    pub length: Need,
}

/// One requirement of an order. Which numeric fields apply depends on `kind` ([`RequirementKind::fields`]);
/// validation reports a missing or inapplicable field by its path.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// What the requirement is.
    pub kind: RequirementKind,
    /// Hours (unpaid work: 40–300; attendance centre: 12–36).
    pub hours: Option<u16>,
    /// Days (rehabilitation activity days; programme sessions).
    pub days: Option<u16>,
    /// Curfew hours per day.
    pub hours_per_day: Option<u8>,
    /// Curfew days per week (default 7).
    pub days_per_week: Option<u8>,
    /// How long the requirement lasts (curfew, exclusion, treatment, monitoring).
    pub length: Option<Length>,
    /// Date the requirement was terminated early, if it was.
    pub terminated: Option<NaiveDate>,
}

impl Requirement {
    /// A requirement of `kind` with no fields set.
    pub const fn new(kind: RequirementKind) -> Self {
        Requirement {
            kind,
            hours: None,
            days: None,
            hours_per_day: None,
            days_per_week: None,
            length: None,
            terminated: None,
        }
    }
    /// Unpaid work of `hours`.
    pub const fn unpaid_work(hours: u16) -> Self {
        Requirement {
            hours: Some(hours),
            ..Self::new(RequirementKind::UnpaidWork)
        }
    }
    /// Rehabilitation activity requirement of `days`.
    pub const fn rar(days: u16) -> Self {
        Requirement {
            days: Some(days),
            ..Self::new(RequirementKind::RehabilitationActivity)
        }
    }
    /// Curfew of `hours_per_day` for `length`.
    pub const fn curfew(hours_per_day: u8, length: Length) -> Self {
        Requirement {
            hours_per_day: Some(hours_per_day),
            length: Some(length),
            ..Self::new(RequirementKind::Curfew)
        }
    }
}
