//! nDelius/OASys records (docs/ndelius.md): HMPPS documents in and out of the case format, the nDelius tier
//! forms, `tier.calculation.changed` events and what an event makes stale. Documents are JSON text; the case is
//! core's `Case` record; code readings, the tier forms and what to recompute are core's records too
//! (`CodeReading`, `NdeliusTierForms`, `Recompute`, `EventRecompute`), each also as JSON; domain events are JSON
//! only (`DomainEvent` holds a `BTreeMap`, which uniffi does not map). Errors are `ApiException.Record`
//! (`code` = core's `RecordError` kind, `path` in the record's own field names).

use chrono::NaiveDate;
use probation_core::model::Case;
use probation_core::records as rec;

use crate::ApiError;
use crate::api::{from_json, input_from_json};
use crate::error::{guard, internal};

/// A hmpps-tier `tier-details` document (the inputs of a tier calculation) as a case for `crn` on `on`.
#[uniffi::export]
pub fn tier_details_to_case(
    document: String,
    crn: String,
    on: NaiveDate,
) -> Result<Case, ApiError> {
    guard(|| Ok(rec::tier_details_to_case(&document, &crn, on)?))
}

/// A case as a hmpps-tier `tier-details` document on `on` (JSON).
#[uniffi::export]
pub fn tier_details_from_case(case: Case, on: NaiveDate) -> Result<String, ApiError> {
    guard(|| Ok(rec::tier_details_from_case(&case, on)))
}

/// A community-api offender document as a case.
#[uniffi::export]
pub fn community_api_to_case(document: String) -> Result<Case, ApiError> {
    guard(|| Ok(rec::community_api_to_case(&document)?))
}

/// A case as a community-api offender document (JSON).
#[uniffi::export]
pub fn community_api_from_case(case: Case) -> Result<String, ApiError> {
    guard(|| Ok(rec::community_api_from_case(&case)))
}

/// A probation Integration API case document as a case.
#[uniffi::export]
pub fn integration_api_to_case(document: String) -> Result<Case, ApiError> {
    guard(|| Ok(rec::integration_api_to_case(&document)?))
}

/// A case as a probation Integration API case document on `on` (JSON).
#[uniffi::export]
pub fn integration_api_from_case(case: Case, on: NaiveDate) -> Result<String, ApiError> {
    guard(|| Ok(rec::integration_api_from_case(&case, on)))
}

/// The nDelius forms of both tiers of a case given as JSON on `on` (`UB2`, the 2026 letter, ...), as JSON
/// (`NdeliusTierForms`).
#[uniffi::export]
pub fn ndelius_tier_forms_json(case_json: String, on: NaiveDate) -> Result<String, ApiError> {
    guard(|| {
        let t = probation_core::tier2026::tiers(&from_json(&case_json)?, on)?;
        serde_json::to_string(&rec::tier_forms(&t.tier_2021, Some(&t.tier_2026))).map_err(internal)
    })
}

/// The nDelius forms of both tiers of a case on `on` (typed; the same as [`ndelius_tier_forms_json`]).
#[uniffi::export]
pub fn ndelius_tier_forms(case: Case, on: NaiveDate) -> Result<rec::NdeliusTierForms, ApiError> {
    guard(|| {
        let t = probation_core::tier2026::tiers(&case, on)?;
        Ok(rec::tier_forms(&t.tier_2021, Some(&t.tier_2026)))
    })
}

/// What a code of an nDelius/OASys code table means to the case format, as JSON (`CodeReading`); an unknown
/// code is `ApiException.Record` with code `unknown_code`.
#[uniffi::export]
pub fn record_code_json(table: String, code: String) -> Result<String, ApiError> {
    guard(|| serde_json::to_string(&rec::codes::lookup(&table, &code)?).map_err(internal))
}

/// What a code of an nDelius/OASys code table means to the case format (typed; the same as
/// [`record_code_json`]).
#[uniffi::export]
pub fn record_code(table: String, code: String) -> Result<rec::codes::CodeReading, ApiError> {
    guard(|| Ok(rec::codes::lookup(&table, &code)?))
}

/// One `tier.calculation.changed` event per CRN of `after` whose tier differs from `before`, as JSON (a list
/// of `DomainEvent`). `before_json` and `after_json` are lists of `{"crn", "tier"}`; `occurred_at` is RFC 3339.
#[uniffi::export]
pub fn tier_changed_events_json(
    before_json: String,
    after_json: String,
    occurred_at: String,
) -> Result<String, ApiError> {
    guard(|| {
        let before: Vec<rec::TierChange> = input_from_json(&before_json)?;
        let after: Vec<rec::TierChange> = input_from_json(&after_json)?;
        serde_json::to_string(&rec::tier_changed_events(&before, &after, &occurred_at)?)
            .map_err(internal)
    })
}

/// What an HMPPS domain event type makes stale (tier, allocation, schedule, ...), as JSON (`Recompute`).
#[uniffi::export]
pub fn recompute_for_json(event_type: String) -> Result<String, ApiError> {
    guard(|| serde_json::to_string(&rec::recompute_for(&event_type)).map_err(internal))
}

/// What an HMPPS domain event type makes stale (typed; the same as [`recompute_for_json`]).
#[uniffi::export]
pub fn recompute_for(event_type: String) -> Result<rec::Recompute, ApiError> {
    guard(|| Ok(rec::recompute_for(&event_type)))
}

/// What an HMPPS domain event (its JSON) makes stale, for whom (typed; the same as
/// [`recompute_for_event_json`]).
#[uniffi::export]
pub fn recompute_for_event(event_json: String) -> Result<rec::EventRecompute, ApiError> {
    guard(|| Ok(rec::recompute_for_event(&event_json)?))
}

/// What an HMPPS domain event (its JSON) makes stale, for whom, as JSON (`EventRecompute`).
#[uniffi::export]
pub fn recompute_for_event_json(event_json: String) -> Result<String, ApiError> {
    guard(|| serde_json::to_string(&rec::recompute_for_event(&event_json)?).map_err(internal))
}

/// A document of the shape named `shape` (`tier-details`, `community-api`, `integration-api`, as the CLI's
/// `--from`) as a case (not validated): core's `from_ndelius`. tier-details needs `on` and takes the CRN from
/// `crn`, else from the document's `crn` member; the other shapes carry theirs, so `crn` is refused for them.
#[uniffi::export(default(crn = None, on = None))]
pub fn from_ndelius(
    document: String,
    shape: String,
    crn: Option<String>,
    on: Option<NaiveDate>,
) -> Result<Case, ApiError> {
    guard(|| {
        let shape = rec::RecordShape::parse(&shape)?;
        Ok(rec::from_ndelius(shape, &document, crn.as_deref(), on)?)
    })
}

/// As [`from_ndelius`], the document as UTF-8 bytes (`too_large` / `decode` when it is not).
#[uniffi::export(default(crn = None, on = None))]
pub fn from_ndelius_bytes(
    document: Vec<u8>,
    shape: String,
    crn: Option<String>,
    on: Option<NaiveDate>,
) -> Result<Case, ApiError> {
    let text = guard(|| Ok(rec::document_text(&document)?.to_owned()))?;
    from_ndelius(text, shape, crn, on)
}

/// A case as a document of the shape named `shape` (JSON): core's `to_ndelius`; tier-details (the JSON Lines
/// form, with `crn`) and the Integration API need `on`.
#[uniffi::export(default(on = None))]
pub fn to_ndelius(case: Case, shape: String, on: Option<NaiveDate>) -> Result<String, ApiError> {
    guard(|| {
        let shape = rec::RecordShape::parse(&shape)?;
        Ok(rec::to_ndelius(shape, &case, on)?)
    })
}

/// The nDelius key dates (`SED`, `ACR`, `LED`, `PSSED`) of every custodial event of a case, as JSON (a list of
/// `EventKeyDates` `{"event", "dates": [{"code", "date"}]}`): core's `case_key_dates`.
#[uniffi::export]
pub fn key_dates_json(case: Case) -> Result<String, ApiError> {
    guard(|| serde_json::to_string(&rec::case_key_dates(&case)?).map_err(internal))
}
