//! Sentence dates (docs/rules/sentence.md): SED, CRD/ARD, LED, PSS and TUSED, order ends, supervision periods.

use chrono::NaiveDate;
use probation_core::sentence as s;

use crate::allocation::internal;
use crate::api::from_json;
use crate::case::{CustodyKind, Event, Person, SentenceType, event_to_core, person_to_core};
use crate::contact::SupervisionKind;
use crate::error::guard;
use crate::mirror::mirror_enum;
use crate::{ApiError, Rule};

mirror_enum!(
/// A condition of post-sentence supervision that failed.
PssCondition = s::PssCondition {
    OffenceBeforeOra, OneDayOrLess, TwoYearsOrMore, UnderEighteenAtRelease, ExtendedSentence, LicenceYearOrMore
});

/// A key date and the rule that produced it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct KeyDate {
    /// The date.
    pub date: NaiveDate,
    /// The rule.
    pub rule: Rule,
}

/// Whether post-sentence supervision applies, and which conditions failed.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PssEligibility {
    /// True when PSS applies.
    pub applies: bool,
    /// The conditions that failed, in order.
    pub failed: Vec<PssCondition>,
}

/// A period under supervision, both ends included.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SentencePeriod {
    /// What kind of supervision.
    pub kind: SupervisionKind,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
}

/// The key dates of one event's sentence; fields that do not apply are `null`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SentenceDates {
    /// Community order, suspended sentence order or custody.
    pub sentence_type: SentenceType,
    /// For custody, the kind of custodial sentence.
    pub custody_kind: Option<CustodyKind>,
    /// The sentence date.
    pub sentence_date: NaiveDate,
    /// Length in days (`null` for life).
    pub length_days: Option<u32>,
    /// Remand plus tagged-bail days deducted.
    pub credit_days: u32,
    /// Sentence expiry date.
    pub sentence_expiry: Option<KeyDate>,
    /// Conditional release date.
    pub conditional_release: Option<KeyDate>,
    /// Automatic release date.
    pub automatic_release: Option<KeyDate>,
    /// Licence expiry date.
    pub licence_expiry: Option<KeyDate>,
    /// Post-sentence supervision eligibility (determinate custody).
    pub post_sentence_supervision: Option<PssEligibility>,
    /// Top-up supervision expiry date.
    pub top_up_supervision_expiry: Option<KeyDate>,
    /// End of a community order.
    pub order_end: Option<KeyDate>,
    /// End of a suspended sentence order's operational period.
    pub operational_period_end: Option<KeyDate>,
    /// End of a suspended sentence order's supervision period.
    pub supervision_period_end: Option<KeyDate>,
    /// The periods under supervision, in order.
    pub supervision: Vec<SentencePeriod>,
    /// Every rule that fired, in order.
    pub rules: Vec<Rule>,
}

fn key(k: Option<s::KeyDate>) -> Option<KeyDate> {
    k.map(|k| KeyDate {
        date: k.date,
        rule: k.rule.into(),
    })
}

impl From<s::SentenceDates> for SentenceDates {
    fn from(d: s::SentenceDates) -> Self {
        SentenceDates {
            sentence_type: d.sentence_type.into(),
            custody_kind: d.custody_kind.map(Into::into),
            sentence_date: d.sentence_date,
            length_days: d.length_days,
            credit_days: d.credit_days,
            sentence_expiry: key(d.sentence_expiry),
            conditional_release: key(d.conditional_release),
            automatic_release: key(d.automatic_release),
            licence_expiry: key(d.licence_expiry),
            post_sentence_supervision: d.post_sentence_supervision.map(|p| PssEligibility {
                applies: p.applies,
                failed: p.failed.into_iter().map(Into::into).collect(),
            }),
            top_up_supervision_expiry: key(d.top_up_supervision_expiry),
            order_end: key(d.order_end),
            operational_period_end: key(d.operational_period_end),
            supervision_period_end: key(d.supervision_period_end),
            supervision: d
                .supervision
                .into_iter()
                .map(|p| SentencePeriod {
                    kind: p.kind.into(),
                    start: p.start,
                    end: p.end,
                })
                .collect(),
            rules: d.rules.into_iter().map(Into::into).collect(),
        }
    }
}

/// The key dates of an event's sentence for a person (only the date of birth matters: the PSS age condition).
#[uniffi::export]
pub fn sentence_dates(person: Person, event: Event) -> Result<SentenceDates, ApiError> {
    guard(|| {
        let p = person_to_core(person)?;
        let e = event_to_core(event, 0)?;
        Ok(s::sentence_dates(&p, &e)?.into())
    })
}

/// The key dates of `events[event]` of a case given as JSON, as JSON (see `tests/vectors/sentence/README.md`).
#[uniffi::export]
pub fn sentence_dates_json(case_json: String, event: u32) -> Result<String, ApiError> {
    guard(|| {
        let case = from_json(&case_json)?;
        let e = usize::try_from(event)
            .ok()
            .and_then(|i| case.events.get(i))
            .ok_or_else(|| ApiError::decode("events", "no event with this index"))?;
        serde_json::to_string(&s::sentence_dates(&case.person, e)?).map_err(internal)
    })
}
