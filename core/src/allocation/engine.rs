//! The allocation decision: pure functions from [`AllocationFacts`] and an [`AllocationPolicy`].

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use super::{
    AllocationError, AllocationFacts, AllocationPolicy, Calendar, ManagerOverride, RuleList, rules,
};
use crate::model::{CrcArea, Provider};

/// Which period of probation history a date falls in, under a policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// Before `tr_start`: Probation Trusts.
    ProbationTrusts,
    /// `tr_start` ..= the day before `ps_start`: the NPS and the CRCs.
    TransformingRehabilitation,
    /// From `ps_start`: the Probation Service.
    ProbationService,
}

impl Period {
    /// The period `on` falls in.
    pub fn of(on: NaiveDate, policy: &AllocationPolicy) -> Period {
        if on < policy.tr_start {
            Period::ProbationTrusts
        } else if on >= policy.ps_start {
            Period::ProbationService
        } else {
            Period::TransformingRehabilitation
        }
    }
}

/// The rules' answer: a provider and the rules that produced it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Decision {
    /// Who supervises the case.
    pub provider: Provider,
    /// The rules that fired.
    pub rules: RuleList,
}

/// Records every NPS criterion of the Transforming Rehabilitation rules that `facts` meet, in the rulebook's order
/// (docs/rules/allocation.md#the-nps-criteria); returns true when at least one does. Switched-off criteria never fire.
pub fn nps_criteria(
    facts: &AllocationFacts,
    policy: &AllocationPolicy,
    out: &mut RuleList,
) -> bool {
    let before = out.len();
    if facts.mappa_eligible {
        out.fire(rules::Idx::MAPPA.bit());
    }
    if facts.overall_rosh().is_some_and(|r| r.is_high_or_above()) {
        out.fire(rules::Idx::ROSH_HIGH.bit());
    }
    if facts.foreign_national_liable_to_deportation {
        out.fire(rules::Idx::FOREIGN_NATIONAL.bit());
    }
    if policy.public_interest_enabled && facts.public_interest {
        out.fire(rules::Idx::PUBLIC_INTEREST.bit());
    }
    if policy.terrorism_enabled && facts.terrorism {
        out.fire(rules::Idx::TERRORISM.bit());
    }
    if policy.rsr_threshold_enabled && facts.rsr.is_some_and(|r| r >= policy.rsr_threshold) {
        out.fire(rules::Idx::RSR.bit());
    }
    out.len() > before
}

/// The provider the rules give on `facts.on` (docs/rules/allocation.md), with every rule that fired.
///
/// - Before `tr_start`: the Probation Trust. From `ps_start`: the Probation Service.
/// - In between: every NPS criterion is evaluated and each that holds is listed; if any holds, or the Wales switch
///   applies to a Welsh home area, the case goes to the NPS division of the home area; otherwise to the CRC of the
///   home area (rule `allocation.tr.crc`). So every answer lists at least one rule.
///
/// ```
/// use chrono::NaiveDate;
/// use probation_core::allocation::{decide, AllocationFacts, AllocationPolicy};
/// use probation_core::model::{CrcArea, NpsDivision, Provider, RoshLevel};
/// let facts = AllocationFacts {
///     on: NaiveDate::from_ymd_opt(2016, 6, 1).unwrap(),
///     home_area: CrcArea::C17,
///     mappa_eligible: false,
///     assessed_rosh: Some(RoshLevel::High),
///     registered_rosh: None,
///     foreign_national_liable_to_deportation: false,
///     public_interest: false,
///     terrorism: false,
///     rsr: Some(2.0),
///     sentence_date: None,
/// };
/// let d = decide(&facts, &AllocationPolicy::default_policy());
/// assert_eq!(d.provider, Provider::Nps(NpsDivision::N07));
/// assert!(d.rules.contains("allocation.tr.rosh_high"));
/// ```
pub fn decide(facts: &AllocationFacts, policy: &AllocationPolicy) -> Decision {
    let mut fired = RuleList::new(rules::TABLE);
    let provider = match Period::of(facts.on, policy) {
        Period::ProbationTrusts => {
            fired.fire(rules::Idx::TRUST.bit());
            Provider::ProbationTrust
        }
        Period::ProbationService => {
            fired.fire(rules::Idx::PROBATION_SERVICE.bit());
            Provider::ProbationService
        }
        Period::TransformingRehabilitation => {
            let mut nps = nps_criteria(facts, policy, &mut fired);
            if policy.wales_to_nps_enabled
                && facts.home_area == CrcArea::C10
                && facts.on >= policy.wales_to_nps_from
            {
                fired.fire(rules::Idx::WALES_NPS.bit());
                nps = true;
            }
            if nps {
                fired.fire(rules::Idx::NPS_DIVISION.bit());
                Provider::Nps(facts.home_area.nps_division())
            } else {
                fired.fire(rules::Idx::CRC.bit());
                Provider::Crc(facts.home_area)
            }
        }
    };
    Decision {
        provider,
        rules: fired,
    }
}

/// An allocation: the rules' answer on a date, the deadline, the policy that produced it, and any manager override
/// recorded beside it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Allocation {
    /// The provider the rules give.
    pub provider: Provider,
    /// Every rule that fired, in order.
    pub rules: RuleList,
    /// The policy's id.
    pub policy_id: PolicyId,
    /// The policy's version.
    pub policy_version: u32,
    /// The date of the decision.
    pub on: NaiveDate,
    /// Sentence date of the newest active event, from which the deadline counts.
    pub sentence_date: Option<NaiveDate>,
    /// End of the allocation window: `allocation_working_days` working days after `sentence_date` (none without
    /// an active event).
    pub deadline: Option<NaiveDate>,
    /// A manager's override, recorded beside the rules' answer (never replacing `provider`).
    #[serde(rename = "override", skip_serializing_if = "Option::is_none")]
    pub manager_override: Option<ManagerOverride>,
}

impl Allocation {
    /// The provider that supervises the case in practice: the override's when there is one, else the rules'.
    pub fn effective_provider(&self) -> Provider {
        self.manager_override.map_or(self.provider, |o| o.provider)
    }

    /// Records a manager's override beside the rules' answer.
    pub fn with_override(mut self, o: ManagerOverride) -> Self {
        self.manager_override = Some(o);
        self
    }
}

/// Allocates from flat facts: [`decide`] plus the deadline from `calendar`.
///
/// # Errors
/// [`AllocationError::OutOfRange`] for an RSR outside 0–100 (path `rsr`); [`AllocationError::Calendar`] when the
/// deadline falls outside the calendar's range.
pub fn allocate_facts(
    facts: &AllocationFacts,
    policy: &AllocationPolicy,
    calendar: &Calendar,
) -> Result<Allocation, AllocationError> {
    facts.validate()?;
    let Decision {
        provider,
        mut rules,
    } = decide(facts, policy);
    let deadline = match facts.sentence_date {
        Some(s) => {
            rules.fire(rules::Idx::DEADLINE.bit());
            Some(
                calendar
                    .add_working_days(s, policy.allocation_working_days)
                    .map_err(|_| AllocationError::Calendar {
                        path: "sentence_date",
                    })?,
            )
        }
        None => None,
    };
    Ok(Allocation {
        provider,
        rules,
        policy_id: PolicyId(Arc::clone(&policy.id)),
        policy_version: policy.version,
        on: facts.on,
        sentence_date: facts.sentence_date,
        deadline,
        manager_override: None,
    })
}

/// A policy's id as results copy it: shared with the policy, not reallocated per result. Serialises as the
/// string.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct PolicyId(pub Arc<str>);

crate::schema::inline_schema!(PolicyId, "PolicyId", _ =>
    schemars::json_schema!({ "type": "string" }));

impl std::ops::Deref for PolicyId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for PolicyId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for PolicyId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
