//! The case: a person, their events, registrations, assessments, contacts and enforcement history.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{
    Assessment, Booking, Contact, CriminalHistory, EnforcementAction, Event, Person, Provider,
    RecordedDecisions, Registration,
};

/// The interchange format version this library reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// The `schema_version` field: only [`SCHEMA_VERSION`] is accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct SchemaVersion(u32);

impl Default for SchemaVersion {
    fn default() -> Self {
        SchemaVersion(SCHEMA_VERSION)
    }
}

/// A `schema_version` this library cannot read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("unsupported schema_version: this library reads version 1")]
pub struct SchemaVersionError;

impl TryFrom<u32> for SchemaVersion {
    type Error = SchemaVersionError;
    fn try_from(v: u32) -> Result<Self, SchemaVersionError> {
        if v == SCHEMA_VERSION {
            Ok(SchemaVersion(v))
        } else {
            Err(SchemaVersionError)
        }
    }
}
impl From<SchemaVersion> for u32 {
    fn from(v: SchemaVersion) -> u32 {
        v.0
    }
}
#[cfg(feature = "schema")]
impl schemars::JsonSchema for SchemaVersion {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SchemaVersion".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "integer", "const": SCHEMA_VERSION })
    }
}

/// One case. Build it from JSON with [`crate::interchange::decode_case`], check it with
/// [`crate::validate::validate`].
#[probation_macros::fields]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Interchange format version; must be 1.
    #[cfg_attr(feature = "uniffi", uniffi(default = 1))]
    pub schema_version: SchemaVersion,
    /// Optional stable identifier of the case record (not personal data).
    pub case_id: Option<Uuid>,
    /// The person.
    pub person: Person,
    /// The provider currently responsible, if allocated.
    pub provider: Option<Provider>,
    /// Events (convictions), each with its sentence.
    #[serde(default)]
    pub events: Vec<Event>,
    /// Registrations.
    #[serde(default)]
    pub registrations: Vec<Registration>,
    /// Risk and needs assessments, any order.
    #[serde(default)]
    pub assessments: Vec<Assessment>,
    /// Contacts, any order.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// Enforcement actions already taken, any order.
    #[serde(default)]
    pub enforcement: Vec<EnforcementAction>,
    /// The person's latest release from custody, where the events do not give it (the 2026 tier's lifer/IPP
    /// step, docs/rules/tier-2026.md); the newer of this and the events' `release_date`s on or before the date is used.
    pub latest_release_date: Option<NaiveDate>,
    /// Criminal-history counts and dates, for the reoffending predictors.
    pub criminal_history: Option<CriminalHistory>,
    /// The OASys answers the dynamic predictors read, where given.
    pub dynamic_answers: Option<crate::predictors::DynamicAnswers>,
    /// Custodial bookings in the multi-sentence form (docs/interchange.md): each one custodial period with its
    /// sentences, adjustments and recalls. Optional; a custody event in the single-sentence form is still read.
    pub bookings: Vec<Booking>,
    /// Decisions as a system recorded them (allocation made, tier history, custody key dates), for
    /// [`crate::audit`]; the enforcement actions taken are `enforcement`.
    #[serde(default, skip_serializing_if = "RecordedDecisions::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub recorded: RecordedDecisions,
}

impl Case {
    /// A case with no events, registrations, assessments or contacts.
    pub fn new(person: Person) -> Self {
        Case {
            schema_version: SchemaVersion::default(),
            case_id: None,
            person,
            provider: None,
            events: Vec::new(),
            registrations: Vec::new(),
            assessments: Vec::new(),
            contacts: Vec::new(),
            enforcement: Vec::new(),
            latest_release_date: None,
            criminal_history: None,
            dynamic_answers: None,
            bookings: Vec::new(),
            recorded: RecordedDecisions::default(),
        }
    }

    /// The newest assessment completed on or before `on` (ties: the later in the list).
    pub fn assessment_on(&self, on: NaiveDate) -> Option<&Assessment> {
        self.assessments
            .iter()
            .filter(|a| a.date <= on)
            .max_by_key(|a| a.date)
    }

    /// The newest assessment, whatever its date.
    pub fn latest_assessment(&self) -> Option<&Assessment> {
        self.assessments.iter().max_by_key(|a| a.date)
    }

    /// Registrations active on `on`, newest first.
    pub fn active_registrations_on(&self, on: NaiveDate) -> Vec<&Registration> {
        let mut v: Vec<&Registration> = self
            .registrations
            .iter()
            .filter(|r| r.is_active_on(on))
            .collect();
        v.sort_by_key(|r| std::cmp::Reverse(r.registered));
        v
    }

    /// Events not terminated on `on`.
    pub fn active_events_on(&self, on: NaiveDate) -> impl Iterator<Item = &Event> {
        self.events.iter().filter(move |e| e.is_active_on(on))
    }

    /// The newest assessment dated on or before `on` that `keep` accepts, with its index (ties: the later in the
    /// list), so an error can name it (`assessments[2].rsr`).
    pub fn newest_assessment_on(
        &self,
        on: NaiveDate,
        keep: impl Fn(&Assessment) -> bool,
    ) -> Option<(usize, &Assessment)> {
        let mut newest: Option<(usize, &Assessment)> = None;
        for (i, a) in self.assessments.iter().enumerate() {
            if a.date <= on && keep(a) && newest.is_none_or(|(_, n)| a.date >= n.date) {
                newest = Some((i, a));
            }
        }
        newest
    }
}
