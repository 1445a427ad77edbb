//! Allocation (NPS or CRC) and escalation: an `AllocationPolicy` object, single and batch calls. The result is
//! core's `Allocation` (Kotlin adds `effectiveProvider`, see `CaseFiles.kt`).

use chrono::NaiveDate;
use probation_core::allocation as alloc;
use probation_core::model::Case;

use crate::ApiError;
use crate::api::from_json;
use crate::batch::ItemError;
use crate::calendar::Calendar;
use crate::error::{guard, internal};
use crate::policy::policy_object;

/// An allocation policy (docs/rules/allocation.md): dates and switches of the [A] rules. Immutable and thread-safe.
#[derive(Debug, uniffi::Object)]
pub struct AllocationPolicy {
    pub(crate) inner: alloc::AllocationPolicy,
}

policy_object!(
    AllocationPolicy,
    alloc::AllocationPolicy,
    preset: "A built-in preset: `default` (docs/rules/allocation.md as written) or `verified-only` (every [A] \
             switch off).",
    from_json: "A policy from its JSON form (see `tests/vectors/allocation/README.md`); every field is checked."
);

#[uniffi::export]
impl AllocationPolicy {
    /// Identifier, copied into every result.
    pub fn id(&self) -> String {
        self.inner.id.to_string()
    }

    /// Version, copied into every result.
    pub fn version(&self) -> u32 {
        self.inner.version
    }
}

fn allocate_core(
    case: &probation_core::model::Case,
    on: NaiveDate,
    policy: &AllocationPolicy,
    calendar: &Calendar,
    manager_override: Option<alloc::ManagerOverride>,
) -> Result<alloc::Allocation, ApiError> {
    let a = alloc::allocate(case, on, &policy.inner, &calendar.inner)?;
    Ok(match manager_override {
        Some(o) => a.with_override(o),
        None => a,
    })
}

/// Allocates a case on `on` under `policy` (docs/rules/allocation.md): the provider, the rules that fired, the deadline
/// (counted in working days on `calendar`).
/// A manager's override, when given, is recorded beside the rules' answer.
#[uniffi::export(default(manager_override = None))]
pub fn allocate(
    case: Case,
    on: NaiveDate,
    policy: &AllocationPolicy,
    calendar: &Calendar,
    manager_override: Option<alloc::ManagerOverride>,
) -> Result<alloc::Allocation, ApiError> {
    guard(|| allocate_core(&case, on, policy, calendar, manager_override))
}

/// As [`allocate`], for a case given as JSON; returns the allocation as JSON (core's serialisation, plus
/// `effective_provider`).
#[uniffi::export(default(manager_override = None))]
pub fn allocate_json(
    case_json: String,
    on: NaiveDate,
    policy: &AllocationPolicy,
    calendar: &Calendar,
    manager_override: Option<alloc::ManagerOverride>,
) -> Result<String, ApiError> {
    guard(|| {
        let a = allocate_core(
            &from_json(&case_json)?,
            on,
            policy,
            calendar,
            manager_override,
        )?;
        let mut v = serde_json::to_value(&a).map_err(internal)?;
        if let Some(o) = v.as_object_mut() {
            o.insert(
                "effective_provider".into(),
                a.effective_provider().code().into(),
            );
        }
        Ok(v.to_string())
    })
}

/// Whether a CRC must refer the case to the NPS on `on`, as JSON (`required`, `refer_to`, `refer_by`, `rules`;
/// see `tests/vectors/escalation/README.md`).
#[uniffi::export]
pub fn escalation_json(
    case_json: String,
    on: NaiveDate,
    policy: &AllocationPolicy,
    calendar: &Calendar,
) -> Result<String, ApiError> {
    guard(|| {
        let e = alloc::escalation(&from_json(&case_json)?, on, &policy.inner, &calendar.inner)?;
        serde_json::to_string(&e).map_err(internal)
    })
}

/// Every point in the case's history at which it should have been referred to the NPS, as JSON
/// (`{"escalations": [...]}`).
#[uniffi::export]
pub fn escalation_history_json(
    case_json: String,
    policy: &AllocationPolicy,
    calendar: &Calendar,
) -> Result<String, ApiError> {
    guard(|| {
        let points =
            alloc::escalation_history(&from_json(&case_json)?, &policy.inner, &calendar.inner)?;
        Ok(serde_json::json!({ "escalations": points }).to_string())
    })
}

/// One result of a batch allocation.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct AllocationItem {
    /// The allocation, when the case could be allocated.
    pub allocation: Option<alloc::Allocation>,
    /// Why not.
    pub error: Option<ItemError>,
}

/// Allocates every case of a list on `on`; one item per case, in order.
#[uniffi::export]
pub fn allocate_batch(
    cases: Vec<Case>,
    on: NaiveDate,
    policy: &AllocationPolicy,
    calendar: &Calendar,
) -> Result<Vec<AllocationItem>, ApiError> {
    guard(|| {
        Ok(cases
            .into_iter()
            .map(|c| match allocate_core(&c, on, policy, calendar, None) {
                Ok(a) => AllocationItem {
                    allocation: Some(a),
                    error: None,
                },
                Err(e) => AllocationItem {
                    allocation: None,
                    error: Some(e.into()),
                },
            })
            .collect())
    })
}
