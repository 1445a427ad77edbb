//! Contact schedules and compliance (docs/rules/contact.md–§6): a `ContactPolicy` object, single and batch calls, and
//! JSON out. The results are core's `Schedule` and `Compliance`.

use chrono::NaiveDate;
use probation_core::contact as c;
use probation_core::model::Case;

use crate::ApiError;
use crate::api::from_json;
use crate::batch::ItemError;
use crate::calendar::Calendar;
use crate::error::{guard, internal};
use crate::policy::policy_object;

/// A contact standard (national standards 2007, TR 2014, Probation Service 2021, or a custom one) as data.
/// Immutable and thread-safe.
#[derive(Debug, uniffi::Object)]
pub struct ContactPolicy {
    pub(crate) inner: c::ContactPolicy,
}

policy_object!(
    ContactPolicy,
    c::ContactPolicy,
    preset: "A built-in preset: `ns2007`, `tr2014` or `ps2021`.",
    from_json: "A custom policy from its JSON form (see `tests/vectors/schedule/README.md`); every field is \
                checked."
);

#[uniffi::export]
impl ContactPolicy {
    /// Short name, e.g. `ns2007`.
    pub fn name(&self) -> String {
        self.inner.name.clone()
    }
}

/// The contact schedule of a case under `policy`, counting working days on `calendar`.
#[uniffi::export]
pub fn schedule(
    case: Case,
    policy: &ContactPolicy,
    calendar: &Calendar,
) -> Result<c::Schedule, ApiError> {
    guard(|| Ok(c::schedule(&case, &policy.inner, &calendar.inner)?))
}

/// As [`schedule`], for a case given as JSON; returns core's JSON (see `tests/vectors/schedule/README.md`).
#[uniffi::export]
pub fn schedule_json(
    case_json: String,
    policy: &ContactPolicy,
    calendar: &Calendar,
) -> Result<String, ApiError> {
    guard(|| {
        let s = c::schedule(&from_json(&case_json)?, &policy.inner, &calendar.inner)?;
        serde_json::to_string(&s).map_err(internal)
    })
}

/// The compliance of a case with `policy` on `as_of`: windows met, late, missed, excused or open; failures;
/// the enforcement steps they call for.
#[uniffi::export]
pub fn compliance(
    case: Case,
    policy: &ContactPolicy,
    calendar: &Calendar,
    as_of: NaiveDate,
) -> Result<c::Compliance, ApiError> {
    guard(|| Ok(c::compliance(&case, &policy.inner, &calendar.inner, as_of)?))
}

/// As [`compliance`], for a case given as JSON; returns core's JSON (see `tests/vectors/enforcement/README.md`).
#[uniffi::export]
pub fn compliance_json(
    case_json: String,
    policy: &ContactPolicy,
    calendar: &Calendar,
    as_of: NaiveDate,
) -> Result<String, ApiError> {
    guard(|| {
        let x = c::compliance(
            &from_json(&case_json)?,
            &policy.inner,
            &calendar.inner,
            as_of,
        )?;
        serde_json::to_string(&x).map_err(internal)
    })
}

/// One result of a batch schedule.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ScheduleItemResult {
    /// The schedule, when it could be worked out.
    pub schedule: Option<c::Schedule>,
    /// Why not.
    pub error: Option<ItemError>,
}

/// Schedules every case of a list; one item per case, in order.
#[uniffi::export]
pub fn schedule_batch(
    cases: Vec<Case>,
    policy: &ContactPolicy,
    calendar: &Calendar,
) -> Result<Vec<ScheduleItemResult>, ApiError> {
    guard(|| {
        Ok(cases
            .into_iter()
            .map(
                |case| match c::schedule(&case, &policy.inner, &calendar.inner) {
                    Ok(s) => ScheduleItemResult {
                        schedule: Some(s),
                        error: None,
                    },
                    Err(e) => ScheduleItemResult {
                        schedule: None,
                        error: Some(ApiError::from(e).into()),
                    },
                },
            )
            .collect())
    })
}
