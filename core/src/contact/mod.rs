//! Contact schedules, compliance and enforcement (docs/rules/contact.md and enforcement.md).
//!
//! ## What is a contact window?
//!
//! A contact policy says when a person under supervision must be seen: *deadlines* ("first appointment within
//! 5 working days of sentence") and *phases* of ongoing contact ("one contact a week for the first 4 weeks").
//! [`schedule`] turns a policy and a case into dated **windows**: each item of the schedule may be met by a
//! recorded contact on any day from `earliest` to `due_by`. Deadlines open on their anchor date (sentence,
//! allocation, release, first appointment); phase windows tile the phase back to back, the last one cut short
//! at the end of the phase or of the supervision (or, when that leaves less than half a window, merged into the
//! window before it).
//!
//! ## Why policies are data
//!
//! Since April 2011 National Standards leave ongoing contact frequency to professional judgement; deadlines
//! survive in contracts and standards, and they changed with every reorganisation (NS 2007, the Transforming
//! Rehabilitation service levels of 2014, the 2021 home visits framework). So a [`ContactPolicy`] is data: the
//! presets [`ContactPolicy::preset`] `ns2007`, `tr2014`, `ps2021` cite their sources and mark their assumptions,
//! and a caller replaces any of it with a custom JSON policy ([`ContactPolicy::from_json`]).
//!
//! ## The presets, and what they assume
//!
//! | preset | deadlines (\[V\] unless marked) | ongoing contact |
//! |---|---|---|
//! | `ns2007` | allocation 3, first contact 5, sentence plan 15 working days from sentence or release; Tier 4: 1, 2, 5 | NS 2000/2005 front-loading \[A\]: CO/SSO 12 contacts in weeks 1–12, 6 in weeks 13–24, then monthly; licence weekly for 4 weeks, fortnightly to month 3, then monthly; PSS monthly |
//! | `tr2014` | allocation by the 2nd business day after sentence; CO/SSO first appointment 5 after allocation; licence first appointment 1 after release; plan 15 after the first appointment; unpaid work 7 after allocation | monthly \[A\] |
//! | `ps2021` | home visit by RoSH: high/very high or MAPPA category 1 15 days, medium 6 weeks, low or unknown \[A\] 12 weeks (calendar days \[A\]); first appointments as TR \[A\] | monthly \[A\] |
//!
//! **NS 2007's Tier 4** refers to the 2005 tiering (tiers 1–4), not the 2021 A–D tier, and the case model does
//! not record it. `ns2007` reads it as *overall RoSH high or very high, or MAPPA level 2 or 3* (\[A\], rule
//! `ns2007.tier4`), through the policy's `high_risk` condition: a caller with the real 2005 tier replaces that
//! condition (for instance with `{"registered": ["T4"]}` for a local register code). Risk is read as at the
//! start of each supervision period: the newest active RoSH registration, else the newest assessment on or
//! before that day (`contact.risk.as_at_start`). A custom policy may also key on the 2021 tier
//! ([`crate::tier::tier`] at the start of the period) with `{"tier_protect_in": ["A"]}` or
//! `{"tier_change_in": [3]}`; the tier is only worked out when a condition reads it.
//!
//! ## What follows a failure
//!
//! [`compliance`] matches recorded contacts to the windows (met, late, missed, excused, open), lists the
//! failures to comply (unacceptable absences; acceptable absences never count) and the enforcement each calls
//! for: a warning, breach (referred by a CRC within 8 business days, laid by the NPS within 2 of a referral or
//! 10 of its own), a recall review on licence, breach to the magistrates in post-sentence supervision.
//!
//! ```
//! use probation_core::calendar::Calendar;
//! use probation_core::contact::{compliance, Action, ContactPolicy, StepStatus};
//! use probation_core::interchange::decode_case;
//! let case = decode_case(r#"{"schema_version":1,
//!   "person":{"crn":"X320741","date_of_birth":"1990-04-01","sex":"male","home_area":"C17"},
//!   "provider":"C17",
//!   "events":[{"offence_date":"2016-01-04","sentence_date":"2016-03-01","allocation_date":"2016-03-02",
//!     "sentence":{"type":"community_order","length":{"months":12},
//!       "requirements":[{"kind":"rehabilitation_activity","days":20}]}}],
//!   "contacts":[{"date":"2016-03-07","kind":"first_appointment","outcome":"unacceptable_absence"},
//!               {"date":"2016-04-04","kind":"appointment","outcome":"unacceptable_absence"}],
//!   "enforcement":[{"date":"2016-03-08","kind":"warning"}]}"#).unwrap();
//! let policy = ContactPolicy::preset("tr2014").unwrap();
//! let c = compliance(&case, &policy, &Calendar::england_and_wales(), "2016-04-05".parse().unwrap()).unwrap();
//! assert_eq!(c.failures.len(), 2);
//! // First failure: warned the next day. Second failure within 12 months of that warning: the CRC must
//! // refer the breach to the NPS within 8 business days (Mon 4 April + 8 = Thu 14 April).
//! assert_eq!(c.enforcement[0].action, Action::Warning);
//! assert_eq!(c.enforcement[0].status, StepStatus::Done);
//! assert_eq!(c.enforcement[1].action, Action::BreachReferral);
//! assert_eq!(c.enforcement[1].due_by.unwrap().to_string(), "2016-04-14");
//! ```

mod compliance;
mod condition;
mod enforcement;
mod policy;
pub mod presets;
mod render;
mod rule_ref;
pub mod rules;
mod schedule;

pub use compliance::{Compliance, WindowResult, WindowStatus, compliance};
pub use condition::{Condition, MappaCode, ProtectLetter};
pub use enforcement::{Action, EnforcementStep, Failure, StepStatus};
pub use policy::{
    Anchor, ContactPolicy, DayUnit, Deadline, DeadlineKind, EnforcementPolicy, KindSet, Offset,
    Phase,
};
pub use render::{render_compliance, render_schedule};
pub use rule_ref::{CustomRule, RuleRef};
#[cfg(feature = "uniffi")]
pub(crate) use schedule::Origin;
pub use schedule::{ItemKind, MAX_ITEMS, Period, Schedule, ScheduleItem, schedule};

use crate::calendar::CalendarError;

/// Why a schedule or compliance could not be worked out, or a policy could not be read. Messages never contain
/// values from the case.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContactError {
    /// A custom policy is invalid at `path`.
    #[error("policy: {path}: {message}")]
    Policy {
        /// Field path in the policy, e.g. `deadlines[2].within`.
        path: String,
        /// What is wrong (no input values).
        message: String,
    },
    /// No preset has this name (`ns2007`, `tr2014`, `ps2021`).
    #[error("unknown policy preset, expected one of `ns2007`, `tr2014`, `ps2021`")]
    UnknownPreset,
    /// A date fell outside the calendar's range (1970–2100).
    #[error("calendar: {0}")]
    Calendar(#[from] CalendarError),
    /// The sentence dates of `events[event]` could not be worked out.
    #[error("events[{event}].{message}")]
    Sentence {
        /// Index of the event.
        event: usize,
        /// The field within the event (`sentence.length`).
        field: &'static str,
        /// Why (no input values).
        message: String,
    },
    /// The release dates of a custodial booking (`bookings[k]`, or a custody event in the single-sentence form)
    /// could not be worked out: `code` is the release error's (`unsupported`, `invalid`, `date_out_of_range`).
    #[error("{path}: {code}: {reason}")]
    Release {
        /// Field path in the case, e.g. `bookings[0].sentences[1].kind` or `events[2].sentence.length`.
        path: String,
        /// The release error's code.
        code: &'static str,
        /// Why (no input values).
        reason: &'static str,
    },
    /// The 2021 tier, read by a policy condition, could not be worked out (bad input at `path`).
    #[error("tier: `{path}` must be a percentage from 0 to 100")]
    Tier {
        /// Field path in the case, e.g. `assessments[0].rsr`.
        path: String,
    },
    /// Date arithmetic left chrono's range.
    #[error("date out of range")]
    DateOutOfRange,
    /// The schedule would be larger than its limit.
    #[error("schedule larger than {limit} items")]
    TooManyItems {
        /// The limit ([`MAX_ITEMS`]).
        limit: usize,
    },
}

impl ContactError {
    /// The field path the error is about: the policy path for [`ContactError::Policy`], the case path
    /// (`events[0].sentence.length`) for [`ContactError::Sentence`], else `""`.
    pub fn path(&self) -> String {
        match self {
            ContactError::Policy { path, .. } => path.clone(),
            ContactError::Sentence { event, field, .. } => format!("events[{event}].{field}"),
            ContactError::Tier { path } | ContactError::Release { path, .. } => path.clone(),
            _ => String::new(),
        }
    }
    /// A stable snake_case code for the kind of error.
    pub const fn code(&self) -> &'static str {
        match self {
            ContactError::Policy { .. } => "policy",
            ContactError::UnknownPreset => "unknown_preset",
            ContactError::Calendar(_) => "calendar",
            ContactError::Sentence { .. } => "sentence",
            ContactError::Release { .. } => "release",
            ContactError::Tier { .. } => "tier",
            ContactError::DateOutOfRange => "date_out_of_range",
            ContactError::TooManyItems { .. } => "too_many_items",
        }
    }
}
