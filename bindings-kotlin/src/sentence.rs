//! Sentence dates (docs/rules/sentence.md): SED, CRD/ARD, LED, PSS and TUSED, order ends, supervision periods. The result
//! is core's `SentenceDates`.

use probation_core::model::{Event, Person};
use probation_core::sentence as s;

use crate::ApiError;
use crate::api::from_json;
use crate::error::{guard, internal};

/// The key dates of an event's sentence for a person (only the date of birth matters: the PSS age condition).
#[uniffi::export]
pub fn sentence_dates(person: Person, event: Event) -> Result<s::SentenceDates, ApiError> {
    guard(|| Ok(s::sentence_dates(&person, &event)?))
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
