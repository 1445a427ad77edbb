//! Custodial bookings: the sentences served in one custodial period, their adjustments and recalls
//! (docs/rules/release.md). Read by [`crate::release::release_dates`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{CustodyKind, Event, Length, Sentence};

/// One custodial period: one or more sentences (concurrent, or consecutive through `consecutive_to`), the
/// credit and adjustments of the period, and any recall.
///
/// Every sentence is taken to be served in the same custodial period: a sentence imposed after the others'
/// release is refused as `unsupported` (a second custodial period is a second booking).
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Booking {
    /// The sentences, at least one. `consecutive_to` refers to another entry by its index.
    #[fields(keep)]
    pub sentences: Vec<CustodialSentence>,
    /// Remand credit (CJA 2003 s.240ZA): days already credited.
    pub remand: Vec<Deduction>,
    /// Tagged-bail credit (CJA 2003 s.240A): days already credited.
    pub tagged_bail: Vec<Deduction>,
    /// Periods unlawfully at large (Prison Act 1952 s.49(2)).
    pub unlawfully_at_large: Vec<UalPeriod>,
    /// Additional days awarded (CJA 2003 s.257).
    pub additional_days: Vec<DayAward>,
    /// Additional days restored (remitted).
    pub restored_days: Vec<DayAward>,
    /// Recalls after release on licence; at most one is supported.
    pub recalls: Vec<RecallEvent>,
    /// The caller's statutory HDC exclusions (e.g. on the sex offenders register, CJA 2003 s.246(4)): no HDCED.
    pub hdc_excluded: bool,
    /// Actual release date, once released: the licence period starts here rather than at the CRD.
    pub release_date: Option<NaiveDate>,
    /// Index of the custody event in `case.events` this booking details: the contact schedule takes that
    /// event's licence and post-sentence supervision from this booking's release dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub event: Option<u32>,
}

/// The kind of custodial sentence. Only standard determinate sentences (SDS, including SDS+ and s.250
/// detention) are calculated; the others are refused as `unsupported` (docs/rules/release.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum CustodialKind {
    /// Standard determinate sentence (imprisonment, YOI, s.250 detention).
    #[default]
    Sds,
    /// Extended determinate sentence (custodial term in `term`, extension in `extension`): unsupported.
    Extended,
    /// Special custodial sentence for offenders of particular concern: unsupported.
    Sopc,
    /// Detention and training order: unsupported.
    Dto,
    /// Life, IPP or other indeterminate sentence: unsupported.
    Indeterminate,
    /// Imprisonment in default of a fine: unsupported.
    FineDefault,
    /// Breach of top-up supervision committal: unsupported.
    Botus,
    /// Terrorist offender (CJA 2003 s.247A): unsupported.
    Terrorist,
}

/// An offence flag that takes a sentence out of an early-release change (docs/rules/release.md). The offence
/// lists live outside this library (Manage Offences); the caller sets the flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum EarlyReleaseExclusion {
    /// SI 2024/844 Schedule, sexual offences: never 40 %.
    Sexual,
    /// Domestic abuse: never 40 %.
    DomesticAbuse,
    /// National security: never 40 %.
    NationalSecurity,
    /// Terrorism: never 40 %.
    Terrorism,
    /// CJA 2003 Sch 15 Part 1 offence with a term of 4 years or more: never 40 %.
    Violent,
    /// Added by SI 2024/1331 (16 Dec 2024): 40 % only up to that date.
    SexualT3,
    /// Added by SI 2024/1331: 40 % only up to 16 Dec 2024.
    DomesticAbuseT3,
    /// Murder (SI 2024/1331): 40 % only up to 16 Dec 2024.
    MurderT3,
    /// Sentencing Code Sch 13 Part 3 (national security), sentenced before the progression model: keeps its
    /// pre-2026 release point.
    ProgressionModelSchedule13Part3,
    /// Sentencing Act 2026 excluded offence: refused (`unsupported`), as the calculator routes it to manual.
    Sa2026ProgressionModelSchedule,
}

/// One custodial sentence of a booking.
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct CustodialSentence {
    /// Date of sentence.
    pub sentence_date: NaiveDate,
    /// Date of the (first) offence.
    pub offence_date: NaiveDate,
    /// The term as pronounced (for an extended sentence, its custodial term).
    pub term: Length,
    /// Kind of sentence.
    #[serde(default)]
    pub kind: CustodialKind,
    /// SDS+ (CJA 2003 s.244ZA): release at two-thirds.
    pub sds_plus: bool,
    /// Would be SDS+ by type, length and offence, whatever the sentence date (excludes the whole booking from
    /// HDC, and the sentence from the progression model). Implied by `sds_plus`.
    pub sds_plus_eligible: bool,
    /// Detention under Sentencing Code s.250 / PCC(S)A s.91.
    pub section_250: bool,
    /// Early-release exclusion flags of the offence.
    pub exclusions: Vec<EarlyReleaseExclusion>,
    /// Extension period of an extended sentence (unsupported).
    pub extension: Option<Length>,
    /// Index of the sentence this one is consecutive to; absent for a concurrent sentence.
    pub consecutive_to: Option<u32>,
}

impl CustodialSentence {
    /// A standard determinate sentence with no flags.
    pub fn sds(sentence_date: NaiveDate, offence_date: NaiveDate, term: Length) -> Self {
        CustodialSentence {
            sentence_date,
            offence_date,
            term,
            kind: CustodialKind::Sds,
            sds_plus: false,
            sds_plus_eligible: false,
            section_250: false,
            exclusions: Vec::new(),
            extension: None,
            consecutive_to: None,
        }
    }
}

/// Remand or tagged-bail credit: days, and the sentence it is linked to (it applies from that sentence's date
/// to every sentence of the custodial period, docs/rules/release.md).
#[probation_macros::fields]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Deduction {
    /// Days credited.
    pub days: u32,
    /// Index of the sentence it is linked to; default the first.
    pub sentence: Option<u32>,
}

/// A period unlawfully at large: from its first day, for `days` days (as supplied, not recounted).
#[probation_macros::fields]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct UalPeriod {
    /// First day unlawfully at large.
    pub from: NaiveDate,
    /// Days unlawfully at large.
    pub days: u32,
}

/// Days awarded (ADA) or restored (RADA) on a date.
#[probation_macros::fields]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct DayAward {
    /// Date of the award (adjudication) or restoration.
    pub date: NaiveDate,
    /// Days.
    pub days: u32,
}

/// The kind of recall.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum RecallKind {
    /// Fixed-term recall of 14 days.
    #[serde(rename = "fixed_term_14")]
    FixedTerm14,
    /// Fixed-term recall of 28 days.
    #[serde(rename = "fixed_term_28")]
    FixedTerm28,
    /// Fixed-term recall of 56 days (Sentencing Act 2026 s.255BA).
    #[serde(rename = "fixed_term_56")]
    FixedTerm56,
    /// Standard recall: release at the Parole Board's direction, at the latest on the SLED.
    Standard,
    /// Recall from home detention curfew before the CRD: unsupported.
    FromHdc,
}

/// A recall of the booking's sentences after release on licence.
#[probation_macros::fields]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct RecallEvent {
    /// Kind of recall.
    pub kind: RecallKind,
    /// Date the licence was revoked.
    pub revocation_date: Option<NaiveDate>,
    /// Date of return to custody.
    pub return_to_custody: NaiveDate,
}

impl Booking {
    /// The booking of an event in the old single-sentence form (`sentence.type = "custody"`): one standard
    /// determinate sentence with its remand and tagged-bail days. `None` for a community or suspended sentence
    /// order; an extended or life sentence becomes a sentence of that kind (refused by the calculation).
    pub fn from_event(event: &Event) -> Option<Booking> {
        let Sentence::Custody {
            length,
            kind,
            remand_days,
            tagged_bail_days,
            release_date,
        } = &event.sentence
        else {
            return None;
        };
        let mut s = CustodialSentence::sds(event.sentence_date, event.offence_date, *length);
        s.kind = match kind {
            CustodyKind::StandardDeterminate => CustodialKind::Sds,
            CustodyKind::Extended => CustodialKind::Extended,
            CustodyKind::Life => CustodialKind::Indeterminate,
        };
        let credit = |days: u32| {
            (days > 0)
                .then_some(Deduction {
                    days,
                    sentence: None,
                })
                .into_iter()
                .collect()
        };
        Some(Booking {
            sentences: vec![s],
            remand: credit(*remand_days),
            tagged_bail: credit(*tagged_bail_days),
            release_date: *release_date,
            ..Booking::default()
        })
    }
}
