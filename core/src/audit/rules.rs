//! The rules of the audit (docs/rules/audit.md), as typed data: what a recorded decision is checked against.

pub use table::{
    ALLOCATION_DEADLINE, ALLOCATION_OVERRIDE, ALLOCATION_PROVIDER, BREACH_TAKEN, KEY_DATE, NOT_DUE,
    TABLE, TIER_RECORDED, TIER_UPDATED, WARNING_TAKEN,
};

#[allow(
    dead_code,
    reason = "findings hold the rules themselves, not their bits"
)]
mod table {
    use crate::allocation::fired::rule_table;
    use crate::rules::{Basis, Rule};

    rule_table! {
        /// Every rule of the audit, in the order findings list them.
        TABLE, Idx;
        /// A recorded allocation names the provider the rules in force on its date give.
        ALLOCATION_PROVIDER = (
        "audit.allocation.provider",
        "a recorded allocation names the provider the allocation rules and policy in force on its date give",
        "PI 05/2014 Case Allocation; HMIP thematic inspections of allocation; docs/rules/audit.md#allocation",
        Basis::Verified,
        );
        /// An override recorded with a reason is the manager's decision, listed beside the rules' answer.
        ALLOCATION_OVERRIDE = (
        "audit.allocation.override",
        "an allocation against the rules' provider recorded with an override reason is listed as an override, not as \
         a discrepancy",
        "PI 05/2014 Case Allocation (the Case Allocation System recorded overrides with a reason); \
         docs/rules/audit.md#overrides",
        Basis::Verified,
        );
        /// A recorded allocation is made by the allocation deadline.
        ALLOCATION_DEADLINE = (
        "audit.allocation.deadline",
        "a recorded allocation is made by the allocation deadline of the policy in force (days late: calendar days \
         after the deadline)",
        "PI 05/2014 Case Allocation; docs/rules/audit.md#allocation",
        Basis::Verified,
        );
        /// A recorded tier is the tier the rules give on its date.
        TIER_RECORDED = (
        "audit.tier.recorded",
        "a recorded tier (2021 or 2026) is the tier the tiering rules give on the date it was recorded",
        "ministryofjustice/hmpps-tier; docs/rules/audit.md#tiers",
        Basis::VerifiedCode,
        );
        /// A change of tier is recorded within the policy's working days.
        TIER_UPDATED = (
        "audit.tier.updated",
        "when a registration, an assessment or an event changes the tier, the new tier is recorded within \
         `tier_update_working_days` working days (default 1)",
        "ministryofjustice/hmpps-tier (recalculates on each registration and assessment event); \
         docs/rules/audit.md#tiers",
        Basis::Assumption,
        );
        /// A warning is given within the policy's working days of the failure.
        WARNING_TAKEN = (
        "audit.enforcement.warning_taken",
        "a failure that calls for a warning has one recorded within `warning_working_days` working days of it \
         (default 5)",
        "National Standards 2007; Offender Management Act 2007; docs/rules/audit.md#enforcement",
        Basis::Assumption,
        );
        /// A breach or recall action is taken by its deadline.
        BREACH_TAKEN = (
        "audit.enforcement.breach_taken",
        "a failure that calls for a breach referral, breach proceedings or a recall review has that action recorded \
         by its deadline (a recall review without a deadline: within `warning_working_days` working days)",
        "Criminal Justice Act 2003 Sch. 8 and 12, s.254; docs/rules/audit.md#enforcement",
        Basis::Verified,
        );
        /// An enforcement action is recorded only where a failure calls for it.
        NOT_DUE = (
        "audit.enforcement.not_due",
        "a recorded warning, breach referral, breach laid or recall request follows a failure that calls for it",
        "Criminal Justice Act 2003 Sch. 8 para. 5-6; docs/rules/audit.md#enforcement",
        Basis::Verified,
        );
        /// A recorded custody key date is the date the sentence arithmetic gives.
        KEY_DATE = (
        "audit.key_date",
        "a custody key date recorded by nDelius code (SED, ACR, LED, PSSED) is the date the sentence arithmetic gives \
         (days: recorded minus computed)",
        "Criminal Justice Act 2003 ss.244-268; nDelius key-date codes; docs/rules/audit.md#key-dates",
        Basis::Verified,
        );
    }
}
