//! [`AllocationFacts`]: the flat inputs of an allocation decision, read from a case once.

use chrono::NaiveDate;
use serde::Serialize;

use super::AllocationError;
use crate::model::{Case, CrcArea, RoshLevel};
use crate::tier::{ActiveRegisters, ComplexityFactor};

/// Everything an allocation decision reads, as plain values.
///
/// Build it from a [`Case`] with [`AllocationFacts::from_case`], or directly from table columns (the Python
/// columnar API does); then call [`super::decide`] or [`super::allocate_facts`].
///
/// Where each value comes from (the choices are this library's and are documented here and in the README of
/// `tests/vectors/allocation/`):
/// - `mappa_eligible`: an active `MAPP` registration on `on`, of any level and category
///   (docs/rules/allocation.md#mappa-eligible: "all MAPPA cases"; an invalid level does not matter for eligibility);
/// - `assessed_rosh`: the overall RoSH (highest group, docs/rules/case.md#risk-of-serious-harm) of the newest
///   assessment completed on or before `on` (ties: the later in the list, as [`Case::assessment_on`]);
/// - `registered_rosh`: the level of the newest active RoSH registration (`RLRH`/`RMRH`/`RHRH`/`RVHR`; ties: the
///   first in the list, as [`Case::active_registrations_on`]) — nDelius' own reading (docs/rules/tier.md#inputs);
/// - the overall RoSH used by allocation is the **higher** of the two ([`AllocationFacts::overall_rosh`]): PI
///   57/2014 says all high-RoSH people are managed by the NPS, whichever record shows it first, and taking the
///   higher keeps the rule monotone (raising either record never moves a case to a CRC);
/// - `public_interest` / `terrorism`: an active `RPIR` / `RTAO` registration, in any letter case: the same reading
///   of these complexity-factor codes as both tiers' ([`ActiveRegisters`]), so one column serves all three;
/// - `rsr`: the RSR of the same assessment as `assessed_rosh` (missing: `None`, which meets no threshold);
/// - `sentence_date`: the sentence date of the newest event active on `on` (sentenced on or before it and not
///   terminated): the allocation deadline counts from it.
///
/// Deregistered registrations (deregistered on or before `on`) and registrations made after `on` are ignored.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AllocationFacts {
    /// The date of the decision.
    pub on: NaiveDate,
    /// The person's home area (decides the CRC, and the NPS division).
    pub home_area: CrcArea,
    /// An active `MAPP` registration.
    pub mappa_eligible: bool,
    /// Overall RoSH of the newest assessment on or before `on`.
    pub assessed_rosh: Option<RoshLevel>,
    /// Level of the newest active RoSH registration.
    pub registered_rosh: Option<RoshLevel>,
    /// Foreign national liable to deportation.
    pub foreign_national_liable_to_deportation: bool,
    /// An active `RPIR` registration.
    pub public_interest: bool,
    /// An active `RTAO` registration.
    pub terrorism: bool,
    /// RSR percentage of the newest assessment on or before `on`.
    pub rsr: Option<f64>,
    /// Sentence date of the newest active event.
    pub sentence_date: Option<NaiveDate>,
}

impl AllocationFacts {
    /// Facts about `case` on `on`, in one pass over its registrations, assessments and events (no allocation).
    ///
    /// # Errors
    /// [`AllocationError::OutOfRange`] when the RSR of the assessment used is not a percentage from 0 to 100; the
    /// path names it (`assessments[2].rsr`).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use probation_core::allocation::AllocationFacts;
    /// use probation_core::interchange::decode_case;
    /// let case = decode_case(r#"{"schema_version":1,
    ///   "person":{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male","home_area":"C17"},
    ///   "registrations":[{"code":"MAPP","level":"M1","category":"M2","registered":"2015-01-05"}],
    ///   "assessments":[{"date":"2016-01-10","rsr":101.0}]}"#).unwrap();
    /// let on = NaiveDate::from_ymd_opt(2016, 6, 1).unwrap();
    /// let err = AllocationFacts::from_case(&case, on).unwrap_err();
    /// assert_eq!(err.path(), "assessments[0].rsr");
    /// ```
    pub fn from_case(case: &Case, on: NaiveDate) -> Result<Self, AllocationError> {
        let registers = ActiveRegisters::read(&case.registrations, on);
        let mut facts = AllocationFacts {
            on,
            home_area: case.person.home_area,
            mappa_eligible: registers.mapp,
            assessed_rosh: None,
            registered_rosh: registers.rosh_exact,
            foreign_national_liable_to_deportation: case
                .person
                .foreign_national_liable_to_deportation,
            public_interest: registers.has(ComplexityFactor::PublicInterest),
            terrorism: registers.has(ComplexityFactor::Terrorism),
            rsr: None,
            sentence_date: None,
        };
        if let Some((i, a)) = case.newest_assessment_on(on, |_| true) {
            facts.assessed_rosh = a.rosh.overall();
            if let Some(rsr) = a.rsr {
                if !(rsr.is_finite() && (0.0..=100.0).contains(&rsr)) {
                    return Err(AllocationError::OutOfRange {
                        path: format!("assessments[{i}].rsr"),
                    });
                }
                facts.rsr = Some(rsr);
            }
        }
        facts.sentence_date = case
            .events
            .iter()
            .filter(|e| e.is_active_on(on))
            .map(|e| e.sentence_date)
            .max();
        Ok(facts)
    }

    /// The overall RoSH allocation uses: the higher of the assessed and the registered level.
    pub fn overall_rosh(&self) -> Option<RoshLevel> {
        self.assessed_rosh.max(self.registered_rosh)
    }

    /// Checks the values a caller building facts by hand could get wrong.
    ///
    /// # Errors
    /// [`AllocationError::OutOfRange`] with path `rsr` when the RSR is not a percentage from 0 to 100.
    pub fn validate(&self) -> Result<(), AllocationError> {
        match self.rsr {
            Some(r) if !(r.is_finite() && (0.0..=100.0).contains(&r)) => {
                Err(AllocationError::OutOfRange {
                    path: "rsr".to_owned(),
                })
            }
            _ => Ok(()),
        }
    }
}
