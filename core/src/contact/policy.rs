//! Contact policies as data: phases of contact frequency and deadlines, keyed by kind of supervision and by risk.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::ContactError;
use super::condition::Condition;
use super::rule_ref::RuleRef;
use crate::model::ContactKind;
use crate::sentence::SupervisionKind;

/// A set of supervision kinds (`["community_order", "licence"]` in JSON). Never empty in a valid policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct KindSet(u8);

const KINDS: [(SupervisionKind, &str); 4] = [
    (SupervisionKind::CommunityOrder, "community_order"),
    (
        SupervisionKind::SuspendedSentenceOrder,
        "suspended_sentence_order",
    ),
    (SupervisionKind::Licence, "licence"),
    (
        SupervisionKind::PostSentenceSupervision,
        "post_sentence_supervision",
    ),
];

const fn bit(kind: SupervisionKind) -> u8 {
    match kind {
        SupervisionKind::CommunityOrder => 1,
        SupervisionKind::SuspendedSentenceOrder => 2,
        SupervisionKind::Licence => 4,
        SupervisionKind::PostSentenceSupervision => 8,
    }
}

impl KindSet {
    /// Community orders and suspended sentence orders.
    pub const COMMUNITY: KindSet = KindSet(1 | 2);
    /// Licence only.
    pub const LICENCE: KindSet = KindSet(4);
    /// Post-sentence supervision only.
    pub const PSS: KindSet = KindSet(8);
    /// Community orders, suspended sentence orders and licences (everything but PSS).
    pub const ALL_BUT_PSS: KindSet = KindSet(1 | 2 | 4);
    /// Every kind.
    pub const ALL: KindSet = KindSet(15);

    /// A set of the given kinds.
    pub fn of(kinds: &[SupervisionKind]) -> Self {
        KindSet(kinds.iter().fold(0, |acc, k| acc | bit(*k)))
    }
    /// True when `kind` is in the set.
    pub const fn contains(self, kind: SupervisionKind) -> bool {
        self.0 & bit(kind) != 0
    }
    /// True when the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl Serialize for KindSet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(None)?;
        for (k, name) in KINDS {
            if self.contains(k) {
                seq.serialize_element(name)?;
            }
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for KindSet {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let names = Vec::<std::borrow::Cow<'de, str>>::deserialize(d)?;
        let mut set = KindSet(0);
        for n in names {
            let (k, _) = KINDS.iter().find(|(_, name)| *name == n).ok_or_else(|| {
                serde::de::Error::custom(
                    "unknown supervision kind, expected one of `community_order`, \
                     `suspended_sentence_order`, `licence`, `post_sentence_supervision`",
                )
            })?;
            set.0 |= bit(*k);
        }
        Ok(set)
    }
}

/// An offset or period length in months, weeks and days (`{"weeks": 4}`). Missing parts are 0.
///
/// Adding it to a date adds the months first (clamping to the month's end: 31 January + 1 month is 28 or
/// 29 February), then weeks and days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Offset {
    /// Months (at most 1200).
    #[serde(default, skip_serializing_if = "crate::model::length::is_zero")]
    pub months: u16,
    /// Weeks (at most 5200).
    #[serde(default, skip_serializing_if = "crate::model::length::is_zero")]
    pub weeks: u16,
    /// Days (at most 36600).
    #[serde(default, skip_serializing_if = "crate::model::length::is_zero")]
    pub days: u16,
}

impl Offset {
    /// An offset of whole days.
    pub const fn days(days: u16) -> Self {
        Offset {
            months: 0,
            weeks: 0,
            days,
        }
    }
    /// An offset of whole weeks.
    pub const fn weeks(weeks: u16) -> Self {
        Offset {
            months: 0,
            weeks,
            days: 0,
        }
    }
    /// An offset of whole months.
    pub const fn months(months: u16) -> Self {
        Offset {
            months,
            weeks: 0,
            days: 0,
        }
    }
    /// True when every part is zero.
    pub const fn is_zero(&self) -> bool {
        self.months == 0 && self.weeks == 0 && self.days == 0
    }
    /// `date` + `k` × this offset (months first, from `date`, so month ends do not drift). `None` past chrono's
    /// range.
    pub fn add_times(&self, date: NaiveDate, k: u32) -> Option<NaiveDate> {
        let months = u32::from(self.months).checked_mul(k)?;
        let days = (u64::from(self.weeks) * 7 + u64::from(self.days)).checked_mul(u64::from(k))?;
        let date = if months == 0 {
            date
        } else {
            date.checked_add_months(Months::new(months))?
        };
        if days == 0 {
            Some(date)
        } else {
            date.checked_add_days(Days::new(days))
        }
    }
    /// `date` + this offset.
    pub fn add_to(&self, date: NaiveDate) -> Option<NaiveDate> {
        self.add_times(date, 1)
    }
}

/// How a deadline's days are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum DayUnit {
    /// Working days (Monday–Friday, not an England & Wales bank holiday), counted from the working day after
    /// the anchor (docs/rules/calendar.md#working-days).
    WorkingDays,
    /// Calendar days.
    CalendarDays,
}

/// What a deadline is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// Allocation of the case (to a provider / offender manager). Met by the event's `allocation_date`.
    Allocation,
    /// The first appointment after sentence, allocation or release.
    FirstAppointment,
    /// The sentence plan.
    SentencePlan,
    /// Unpaid work arranged / started (only when the order has an unpaid work requirement, see
    /// [`Condition::Requirement`]).
    UnpaidWorkStart,
    /// A home visit.
    HomeVisit,
}

impl DeadlineKind {
    /// Every kind, in the order deadlines are worked out (a sentence plan can hang on the first appointment).
    pub const ALL: [DeadlineKind; 5] = [
        DeadlineKind::Allocation,
        DeadlineKind::FirstAppointment,
        DeadlineKind::SentencePlan,
        DeadlineKind::UnpaidWorkStart,
        DeadlineKind::HomeVisit,
    ];
    /// The recorded contact kinds that meet this deadline by default.
    pub const fn default_satisfied_by(self) -> &'static [ContactKind] {
        match self {
            DeadlineKind::Allocation => &[],
            DeadlineKind::FirstAppointment => &[
                ContactKind::FirstAppointment,
                ContactKind::Appointment,
                ContactKind::HomeVisit,
            ],
            DeadlineKind::SentencePlan => &[ContactKind::SentencePlan],
            DeadlineKind::UnpaidWorkStart => &[ContactKind::UnpaidWork],
            DeadlineKind::HomeVisit => &[ContactKind::HomeVisit],
        }
    }
}

/// The date a deadline counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    /// The start of the supervision period: sentence (community order, SSO), release (licence) or the end of
    /// the licence (post-sentence supervision).
    #[default]
    Start,
    /// The event's `allocation_date`; the start of the period when the event has none, or for licence and
    /// post-sentence supervision (\[A\], rule `contact.anchor.allocation_fallback`).
    Allocation,
    /// The first attended appointment of the period; when none is recorded yet, the first appointment's
    /// due date, else the start (\[A\], rule `contact.anchor.first_appointment`).
    FirstAppointment,
}

fn one() -> u16 {
    1
}

fn default_phase_kinds() -> Vec<ContactKind> {
    vec![
        ContactKind::Appointment,
        ContactKind::FirstAppointment,
        ContactKind::HomeVisit,
    ]
}

/// A phase of contact frequency: from `from` to `until` after the start of supervision, `contacts` contacts in
/// every window of length `every`. The last window is cut short at the end of the phase or of the supervision;
/// when that leaves less than half a window, it is merged into the window before (\[A\],
/// `contact.window.short_last`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// The supervision kinds it applies to.
    pub applies_to: KindSet,
    /// Only when this holds (at the start of the period).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// Offset of the phase's start from the start of supervision (default 0).
    #[serde(default)]
    pub from: Offset,
    /// Offset of the phase's end (exclusive) from the start of supervision; absent = to the end of supervision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Offset>,
    /// Length of each window; not zero.
    pub every: Offset,
    /// Contacts required in each window (1–100, default 1).
    #[serde(default = "one")]
    pub contacts: u16,
    /// Recorded contact kinds that count (default appointment, first appointment, home visit).
    #[serde(default = "default_phase_kinds")]
    pub satisfied_by: Vec<ContactKind>,
    /// The rule this phase encodes.
    pub rule: RuleRef,
}

/// A deadline: a contact (or allocation) due `within` days of an anchor date.
///
/// For each [`DeadlineKind`], the **first** deadline in the policy whose `applies_to` and `when` match is the
/// one that applies, so a stricter variant (NS 2007 Tier 4) is listed before the general one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// What is due.
    pub kind: DeadlineKind,
    /// The supervision kinds it applies to.
    pub applies_to: KindSet,
    /// Only when this holds (at the start of the period).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// The date it counts from (default the start of supervision).
    #[serde(default)]
    pub from: Anchor,
    /// How many days (at most 3660).
    pub within: u16,
    /// Working or calendar days.
    pub unit: DayUnit,
    /// Recorded contact kinds that meet it (default by kind, see [`DeadlineKind::default_satisfied_by`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfied_by: Option<Vec<ContactKind>>,
    /// The rule this deadline encodes.
    pub rule: RuleRef,
}

impl Deadline {
    /// The contact kinds that meet this deadline.
    pub fn satisfied_by(&self) -> &[ContactKind] {
        self.satisfied_by
            .as_deref()
            .unwrap_or(self.kind.default_satisfied_by())
    }
}

/// Enforcement settings (docs/rules/enforcement.md). The legal steps are fixed rules; the numbers and switches are
/// data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EnforcementPolicy {
    /// A warning stays in force for this many months (\[V\] CJA 2003 Sch 8 para 5: 12).
    pub warning_months: u16,
    /// Allow going straight to breach on a first failure, without a warning (\[V\] the officer *may* refer
    /// straight to enforcement; default `false` \[A\]: a first failure gets a warning).
    pub straight_to_breach: bool,
    /// Warn before breach in post-sentence supervision too (default `true` \[A\]).
    pub warn_first_on_pss: bool,
    /// A CRC refers a breach to the NPS within this many working days of becoming aware (\[V\] TR service
    /// levels: 8).
    pub crc_referral_days: u16,
    /// The NPS lays a breach referred by a CRC within this many working days of the referral (\[V\]: 2).
    pub nps_lay_referred_days: u16,
    /// The NPS lays its own breach within this many working days (\[V\]: 10).
    pub nps_lay_own_days: u16,
    /// A Probation Trust, the Probation Service, or an unknown provider lays a breach within this many working
    /// days (\[A\]: 10, as the NPS).
    pub other_lay_days: u16,
}

impl Default for EnforcementPolicy {
    fn default() -> Self {
        EnforcementPolicy {
            warning_months: 12,
            straight_to_breach: false,
            warn_first_on_pss: true,
            crc_referral_days: 8,
            nps_lay_referred_days: 2,
            nps_lay_own_days: 10,
            other_lay_days: 10,
        }
    }
}

/// A contact policy: named, versioned data (docs/rules/contact.md). Use a preset ([`ContactPolicy::preset`]) or load
/// one from JSON ([`ContactPolicy::from_json`]).
///
/// ```
/// use probation_core::contact::ContactPolicy;
/// let p = ContactPolicy::preset("ns2007").unwrap();
/// assert_eq!(p.name, "ns2007");
/// // Written out and read back, a preset is the same policy.
/// let again = ContactPolicy::from_json(&serde_json::to_string(&p).unwrap()).unwrap();
/// assert_eq!(serde_json::to_value(&again).unwrap(), serde_json::to_value(&p).unwrap());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactPolicy {
    /// Short name (`ns2007`).
    pub name: String,
    /// What the policy is.
    #[serde(default)]
    pub description: String,
    /// Where it comes from.
    #[serde(default)]
    pub source: String,
    /// What counts as "high risk" for `{"high_risk": true}` conditions (NS 2007's Tier 4). Absent: never.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high_risk: Option<Condition>,
    /// The rule behind the `high_risk` definition, named in results when it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high_risk_rule: Option<RuleRef>,
    /// Phases of contact frequency.
    #[serde(default)]
    pub phases: Vec<Phase>,
    /// Deadlines.
    #[serde(default)]
    pub deadlines: Vec<Deadline>,
    /// Enforcement settings.
    #[serde(default)]
    pub enforcement: EnforcementPolicy,
}

/// Bounds that keep a policy's work finite.
const MAX_MONTHS: u16 = 1200;
const MAX_WEEKS: u16 = 5200;
const MAX_DAYS: u16 = 36600;
const MAX_WITHIN: u16 = 3660;
const MAX_CONTACTS: u16 = 100;

impl ContactPolicy {
    /// Reads a custom policy from JSON. Unknown fields are refused; every error names the field path.
    ///
    /// # Errors
    /// [`ContactError::Policy`] naming the field.
    ///
    /// ```
    /// use probation_core::contact::ContactPolicy;
    /// let err = ContactPolicy::from_json(r#"{"name":"x","phases":[{"applies_to":["licence"],
    ///   "every":{},"rule":{"id":"x.weekly","text":"t","source":"s","basis":"assumption"}}]}"#).unwrap_err();
    /// assert_eq!(err.to_string(), "policy: phases[0].every: must not be zero");
    /// ```
    pub fn from_json(json: &str) -> Result<ContactPolicy, ContactError> {
        let mut de = serde_json::Deserializer::from_str(json);
        let policy: ContactPolicy = serde_path_to_error::deserialize(
            crate::interchange::ObjectsOnly(&mut de),
        )
        .map_err(|e| {
            let path = e.path().to_string();
            let path = if path == "." { String::new() } else { path };
            ContactError::Policy {
                path,
                message: crate::interchange::redact(&without_position(&e.inner().to_string())),
            }
        })?;
        de.end().map_err(|e| ContactError::Policy {
            path: String::new(),
            message: crate::interchange::redact(&without_position(&e.to_string())),
        })?;
        policy.check()?;
        Ok(policy)
    }

    /// Checks the bounds a policy read from JSON must keep (presets always do).
    ///
    /// # Errors
    /// [`ContactError::Policy`] naming the first field out of bounds.
    pub fn check(&self) -> Result<(), ContactError> {
        let err = |path: String, message: &str| ContactError::Policy {
            path,
            message: message.to_owned(),
        };
        if let Some(c) = &self.high_risk {
            c.check("high_risk", false)?;
        }
        for (i, p) in self.phases.iter().enumerate() {
            if p.applies_to.is_empty() {
                return Err(err(format!("phases[{i}].applies_to"), "must not be empty"));
            }
            if let Some(c) = &p.when {
                c.check(&format!("phases[{i}].when"), true)?;
            }
            check_offset(&p.from, &format!("phases[{i}].from"))?;
            if let Some(u) = &p.until {
                check_offset(u, &format!("phases[{i}].until"))?;
            }
            check_offset(&p.every, &format!("phases[{i}].every"))?;
            if p.every.is_zero() {
                return Err(err(format!("phases[{i}].every"), "must not be zero"));
            }
            if p.contacts == 0 || p.contacts > MAX_CONTACTS {
                return Err(err(format!("phases[{i}].contacts"), "must be 1 to 100"));
            }
            if p.satisfied_by.is_empty() {
                return Err(err(
                    format!("phases[{i}].satisfied_by"),
                    "must not be empty",
                ));
            }
        }
        for (i, d) in self.deadlines.iter().enumerate() {
            if d.applies_to.is_empty() {
                return Err(err(
                    format!("deadlines[{i}].applies_to"),
                    "must not be empty",
                ));
            }
            if let Some(c) = &d.when {
                c.check(&format!("deadlines[{i}].when"), true)?;
            }
            if d.within > MAX_WITHIN {
                return Err(err(
                    format!("deadlines[{i}].within"),
                    "must be at most 3660",
                ));
            }
            if d.kind == DeadlineKind::FirstAppointment && d.from == Anchor::FirstAppointment {
                return Err(err(
                    format!("deadlines[{i}].from"),
                    "a first appointment cannot count from itself",
                ));
            }
            if d.satisfied_by.as_ref().is_some_and(Vec::is_empty) {
                return Err(err(
                    format!("deadlines[{i}].satisfied_by"),
                    "must not be empty",
                ));
            }
        }
        let e = &self.enforcement;
        if e.warning_months == 0 || e.warning_months > 120 {
            return Err(err("enforcement.warning_months".into(), "must be 1 to 120"));
        }
        for (v, name) in [
            (e.crc_referral_days, "crc_referral_days"),
            (e.nps_lay_referred_days, "nps_lay_referred_days"),
            (e.nps_lay_own_days, "nps_lay_own_days"),
            (e.other_lay_days, "other_lay_days"),
        ] {
            if v > MAX_WITHIN {
                return Err(err(format!("enforcement.{name}"), "must be at most 3660"));
            }
        }
        Ok(())
    }

    /// True when any condition of the policy reads the 2021 tier.
    pub(crate) fn uses_tier(&self) -> bool {
        self.high_risk.as_ref().is_some_and(Condition::uses_tier)
            || self
                .phases
                .iter()
                .filter_map(|p| p.when.as_ref())
                .chain(self.deadlines.iter().filter_map(|d| d.when.as_ref()))
                .any(Condition::uses_tier)
    }

    /// The deadline of `kind` that applies to a period of `kind_of_period` where `holds` says which conditions
    /// hold: the first matching one in policy order.
    pub(crate) fn deadline_for(
        &self,
        kind: DeadlineKind,
        period: SupervisionKind,
        mut holds: impl FnMut(&Condition) -> bool,
    ) -> Option<(usize, &Deadline)> {
        self.deadlines.iter().enumerate().find(|(_, d)| {
            d.kind == kind
                && d.applies_to.contains(period)
                && d.when.as_ref().is_none_or(&mut holds)
        })
    }
}

fn check_offset(o: &Offset, path: &str) -> Result<(), ContactError> {
    let bad = |part: &str, max: u16| ContactError::Policy {
        path: format!("{path}.{part}"),
        message: format!("must be at most {max}"),
    };
    if o.months > MAX_MONTHS {
        return Err(bad("months", MAX_MONTHS));
    }
    if o.weeks > MAX_WEEKS {
        return Err(bad("weeks", MAX_WEEKS));
    }
    if o.days > MAX_DAYS {
        return Err(bad("days", MAX_DAYS));
    }
    Ok(())
}

fn without_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg.get(..i).unwrap_or(msg).to_owned(),
        None => msg.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn months_clamp_without_drift() {
        let m = Offset::months(1);
        let start = d(2024, 1, 31);
        let got: Vec<_> = (0..4).map(|k| m.add_times(start, k).unwrap()).collect();
        assert_eq!(
            got,
            [
                d(2024, 1, 31),
                d(2024, 2, 29),
                d(2024, 3, 31),
                d(2024, 4, 30)
            ]
        );
    }

    #[test]
    fn kind_set_round_trips_and_rejects_unknown() {
        let s: KindSet = serde_json::from_str(r#"["licence","community_order"]"#).unwrap();
        assert!(s.contains(SupervisionKind::Licence));
        assert!(!s.contains(SupervisionKind::PostSentenceSupervision));
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            r#"["community_order","licence"]"#
        );
        assert!(serde_json::from_str::<KindSet>(r#"["parole"]"#).is_err());
    }

    #[test]
    fn invalid_policies_name_the_field() {
        let rule = r#"{"id":"x","text":"t","source":"s","basis":"assumption"}"#;
        let cases = [
            (r#"{"name":"x","colour":1}"#.to_owned(), "colour"),
            (format!(r#"{{"name":"x","deadlines":[{{"kind":"first_appointment","applies_to":["licence"],"within":2,"unit":"fortnights","rule":{rule}}}]}}"#), "deadlines[0].unit"),
            (format!(r#"{{"name":"x","deadlines":[{{"kind":"home_visit","applies_to":[],"within":2,"unit":"working_days","rule":{rule}}}]}}"#), "deadlines[0].applies_to"),
            (format!(r#"{{"name":"x","phases":[{{"applies_to":["licence"],"every":{{"weeks":1}},"contacts":0,"rule":{rule}}}]}}"#), "phases[0].contacts"),
            (r#"{"name":"x","phases":[{"applies_to":["licence"],"every":{"weeks":1},"rule":{"id":"x","text":"t","source":"s","basis":"maybe"}}]}"#.to_owned(), "phases[0].rule.basis"),
            (r#"{"name":"x","high_risk":{"high_risk":true}}"#.to_owned(), "high_risk"),
            (r#"{"name":"x","enforcement":{"warning_months":0}}"#.to_owned(), "enforcement.warning_months"),
            // Structs are objects, never arrays read by position.
            (r#"["x"]"#.to_owned(), ""),
            (r#"{"name":"x","enforcement":[12]}"#.to_owned(), "enforcement"),
            (format!(r#"{{"name":"x","phases":[[["licence"],{{"weeks":1}},1,{rule}]]}}"#), "phases[0]"),
            (r#"{"name":"x","phases":[{"applies_to":["licence"],"every":[0,1],"rule":["x","t","s","assumption"]}]}"#.to_owned(), "phases[0].every"),
        ];
        for (json, path) in cases {
            match ContactPolicy::from_json(&json) {
                Err(ContactError::Policy { path: p, .. }) => assert_eq!(p, path, "{json}"),
                other => panic!("{json}: {other:?}"),
            }
        }
    }
}
