//! HMPPS domain events (ministryofjustice/hmpps-domain-events `schema/hmpps-domain-event.json`): the envelope,
//! `tier.calculation.changed`-style events for cases whose answer changed between two runs, and which results
//! an incoming event can change.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::RecordError;
use crate::ids::Crn;

/// One identifier of the person an event is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PersonIdentifier {
    /// `CRN` or `NOMS`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The identifier.
    pub value: String,
}

/// Who an event is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PersonReference {
    /// The person's identifiers.
    pub identifiers: Vec<PersonIdentifier>,
}

/// The HMPPS domain-event envelope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct DomainEvent {
    /// e.g. `tier.calculation.changed`.
    pub event_type: String,
    /// Envelope version (1).
    pub version: u32,
    /// Human-readable description.
    pub description: String,
    /// Where to read the detail, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail_url: Option<String>,
    /// ISO-8601 date-time with offset.
    pub occurred_at: String,
    /// Event-specific values.
    #[serde(default)]
    pub additional_information: BTreeMap<String, String>,
    /// Who it is about.
    pub person_reference: PersonReference,
}

/// The answer for one case in one run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TierChange {
    /// The person's CRN.
    pub crn: String,
    /// The tier in this run (any form: `B2`, `UB2`, a 2026 letter).
    pub tier: String,
}

/// The event type this library publishes for a changed answer.
pub const TIER_CHANGED: &str = "tier.calculation.changed";

/// One `tier.calculation.changed` event per CRN of `after` whose tier differs from `before` (or is not in it),
/// in the order of `after`. `additionalInformation` holds `tier` and, when there was one, `previousTier` \[A\]
/// (hmpps-tier itself sends a calculation id and a detail URL; this library has neither).
///
/// # Errors
/// [`RecordError::Invalid`] naming `after[i].crn` (or `before[i].crn`) for a malformed CRN, or `occurred_at`
/// when it is not an RFC 3339 date-time.
pub fn tier_changed_events(
    before: &[TierChange],
    after: &[TierChange],
    occurred_at: &str,
) -> Result<Vec<DomainEvent>, RecordError> {
    chrono::DateTime::parse_from_rfc3339(occurred_at)
        .map_err(|_| RecordError::invalid("occurred_at", "not an RFC 3339 date-time"))?;
    let mut previous: BTreeMap<Crn, &str> = BTreeMap::new();
    for (i, b) in before.iter().enumerate() {
        let crn = Crn::parse(&b.crn)
            .map_err(|_| RecordError::invalid(format!("before[{i}].crn"), "not a CRN"))?;
        previous.insert(crn, &b.tier);
    }
    let mut out = Vec::new();
    for (i, a) in after.iter().enumerate() {
        let crn = Crn::parse(&a.crn)
            .map_err(|_| RecordError::invalid(format!("after[{i}].crn"), "not a CRN"))?;
        let old = previous.get(&crn).copied();
        if old == Some(a.tier.as_str()) {
            continue;
        }
        let mut info = BTreeMap::new();
        info.insert("tier".to_owned(), a.tier.clone());
        if let Some(old) = old {
            info.insert("previousTier".to_owned(), old.to_owned());
        }
        out.push(DomainEvent {
            event_type: TIER_CHANGED.to_owned(),
            version: 1,
            description: "Tier calculation changed".to_owned(),
            detail_url: None,
            occurred_at: occurred_at.to_owned(),
            additional_information: info,
            person_reference: PersonReference {
                identifiers: vec![PersonIdentifier {
                    kind: "CRN".to_owned(),
                    value: crn.as_str().to_owned(),
                }],
            },
        });
    }
    Ok(out)
}

/// Which of a case's results an event can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Recompute {
    /// The event type is one this table lists.
    pub known: bool,
    /// The 2021 tier.
    pub tier: bool,
    /// The 2026 tier.
    pub tier_2026: bool,
    /// The risk escalation to the NPS.
    pub escalation: bool,
    /// The contact schedule and compliance.
    pub schedule: bool,
    /// Sentence and release dates.
    pub release_dates: bool,
}

const fn r(
    tier: bool,
    tier_2026: bool,
    escalation: bool,
    schedule: bool,
    release_dates: bool,
) -> Recompute {
    Recompute {
        known: true,
        tier,
        tier_2026,
        escalation,
        schedule,
        release_dates,
    }
}

/// Event types (exact, or a prefix ending in `.`) and what each can change. Sources: the event types that make
/// hmpps-tier recalculate (ministryofjustice/hmpps-tier); what else reads the same fields from this library's
/// engines: docs/rules/records.md#what-to-recompute.
pub const RECOMPUTE: &[(&str, Recompute)] = &[
    // Registers feed both tiers (RoSH, MAPPA, flags) and the escalation (RoSH, MAPPA).
    (
        "probation-case.registration.",
        r(true, true, true, false, false),
    ),
    // A sentence: mandate and active event (tiers), allocation inputs, the schedule, the dates.
    ("probation-case.sentence.", r(true, true, true, true, true)),
    // A requirement: the mandate for change and the schedule; not the 2026 tier (which reads no requirement).
    (
        "probation-case.requirement.",
        r(true, false, false, true, false),
    ),
    // Breach: the women's breach factor of the 2021 tier, and compliance.
    ("enforcement.breach.", r(true, false, false, true, false)),
    // Recall: as breach, and the release dates.
    ("enforcement.recall.", r(true, false, false, true, true)),
    // Merge, unmerge and GDPR deletion change the whole record.
    ("probation-case.merge.", r(true, true, true, true, true)),
    ("probation-case.unmerge.", r(true, true, true, true, true)),
    (
        "probation-case.deleted.gdpr",
        r(true, true, true, true, true),
    ),
    // New OASys scores: RSR, OGRS, needs, RoSH, the OGRS4-family predictors.
    (
        "risk-assessment.scores.determined",
        r(true, true, true, false, false),
    ),
    // This library's own answers: nothing to recompute.
    ("tier.calculation.", r(false, false, false, false, false)),
];

/// What an event of type `event_type` can change. A type the table does not list changes nothing
/// (`known: false`).
pub fn recompute_for(event_type: &str) -> Recompute {
    RECOMPUTE
        .iter()
        .find(|(p, _)| {
            if p.ends_with('.') {
                event_type.starts_with(p)
            } else {
                event_type == *p
            }
        })
        .map_or_else(Recompute::default, |(_, r)| *r)
}

/// What an incoming HMPPS domain event can change, and whose case it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EventRecompute {
    /// The event type.
    pub event_type: String,
    /// The person's CRN, when the event names one (validated; upper case).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub crn: Option<String>,
    /// The person's NOMS number, when the event names one (validated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub noms: Option<String>,
    /// What can change.
    pub recompute: Recompute,
}

/// The envelope as read: only what [`recompute_for_event`] needs.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
struct IncomingEvent {
    event_type: String,
    #[serde(default)]
    person_reference: Option<PersonReference>,
}

const EVENT_KEYS: &[&str] = &[
    "eventType",
    "personReference",
    "identifiers",
    "type",
    "value",
];

/// Reads an HMPPS domain event (`json`, the envelope) and says what it can change for whom.
///
/// # Errors
/// [`RecordError::Decode`] naming the field; [`RecordError::Invalid`] naming
/// `personReference.identifiers[i].value` for a malformed CRN or NOMS number (other identifier types are ignored).
pub fn recompute_for_event(json: &str) -> Result<EventRecompute, RecordError> {
    let e: IncomingEvent = super::decode(json, &[EVENT_KEYS])?;
    let (mut crn, mut noms) = (None, None);
    let ids = e
        .person_reference
        .map(|p| p.identifiers)
        .unwrap_or_default();
    super::check_len(&ids, || "personReference.identifiers".to_owned())?;
    for (i, id) in ids.iter().enumerate() {
        let path = || format!("personReference.identifiers[{i}].value");
        match id.kind.as_str() {
            "CRN" => {
                let c =
                    Crn::parse(&id.value).map_err(|_| RecordError::invalid(path(), "not a CRN"))?;
                crn = Some(c.as_str().to_owned());
            }
            "NOMS" => {
                let n = crate::ids::PrisonNumber::parse(&id.value)
                    .map_err(|_| RecordError::invalid(path(), "not a prison number"))?;
                noms = Some(n.as_str().to_owned());
            }
            _ => {}
        }
    }
    Ok(EventRecompute {
        recompute: recompute_for(&e.event_type),
        event_type: e.event_type,
        crn,
        noms,
    })
}
