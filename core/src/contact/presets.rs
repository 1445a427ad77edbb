//! The built-in contact policies: `ns2007`, `tr2014`, `ps2021` (docs/rules/contact.md), each citing its source.
//!
//! Since April 2011 National Standards leave ongoing contact frequency to professional judgement (\[V\] Written
//! Ministerial Statement, 5 April 2011), so the frequency phases here are documented defaults (\[A\]) that a
//! caller replaces with a custom policy; the deadlines are the published ones (\[V\]) unless marked.

use super::ContactError;
use super::condition::{Condition, MappaCode};
use super::policy::{
    Anchor, ContactPolicy, DayUnit, Deadline, DeadlineKind, EnforcementPolicy, KindSet, Offset,
    Phase,
};
use super::rule_ref::RuleRef;
use crate::model::{ContactKind, RequirementKind, RoshLevel};
use crate::rules::{Basis, Rule};

const NS2007_SRC: &str = "National Standards for the Management of Offenders 2007 (NOMS); \
     docs/rules/contact.md#national-standards-2007";
const NS2000_SRC: &str = "National Standards 2000 / 2005 front-loaded contact frequency [A]; \
     docs/rules/contact.md#front-loaded-frequency";
const TR_SRC: &str = "Transforming Rehabilitation contract service levels (data.justice.gov.uk, business days); docs/rules/contact.md#transforming-rehabilitation-service-levels";
const HV_SRC: &str =
    "Probation Service home visits framework (2021); docs/rules/contact.md#probation-service-2021";
const PS_TR_SRC: &str = "Transforming Rehabilitation contract service levels (data.justice.gov.uk), assumed to continue; docs/rules/contact.md#probation-service-2021";
const WMS_SRC: &str = "Written Ministerial Statement, 5 April 2011 (frequency left to professional judgement); this library's default; docs/rules/contact.md#policies-are-data";

/// NS 2007 Tier 4, read from a case today (\[A\]): NS 2007 keys on the old 2005 tiering (tiers 1–4), which the
/// case model does not record; a case is treated as Tier 4 when its overall RoSH is high or very high, or it
/// is managed at MAPPA level 2 or 3. Override with a custom policy's `high_risk`.
pub const NS2007_TIER4: Rule = Rule::new(
    "ns2007.tier4",
    "tier 4 (2005 tiering) is read as overall rosh high or very high, or mappa level 2 or 3",
    "NS 2007 tiering; this library's reading of it; docs/rules/contact.md#tier-4",
    Basis::Assumption,
);
/// NS 2007: first contact within 5 working days of sentence or release.
pub const NS2007_FIRST: Rule = Rule::new(
    "ns2007.first_appointment",
    "first contact within 5 working days of sentence or release",
    NS2007_SRC,
    Basis::Verified,
);
/// NS 2007 Tier 4: first contact within 2 working days.
pub const NS2007_FIRST_TIER4: Rule = Rule::new(
    "ns2007.first_appointment.tier4",
    "tier 4: first contact within 2 working days of sentence or release",
    NS2007_SRC,
    Basis::Verified,
);
/// NS 2007: allocation within 3 working days.
pub const NS2007_ALLOCATION: Rule = Rule::new(
    "ns2007.allocation",
    "allocation within 3 working days of sentence",
    NS2007_SRC,
    Basis::Verified,
);
/// NS 2007 Tier 4: allocation within 1 working day.
pub const NS2007_ALLOCATION_TIER4: Rule = Rule::new(
    "ns2007.allocation.tier4",
    "tier 4: allocation within 1 working day of sentence",
    NS2007_SRC,
    Basis::Verified,
);
/// NS 2007: sentence plan within 15 working days.
pub const NS2007_PLAN: Rule = Rule::new(
    "ns2007.sentence_plan",
    "sentence plan within 15 working days of sentence or release",
    NS2007_SRC,
    Basis::Verified,
);
/// NS 2007 Tier 4: sentence plan within 5 working days.
pub const NS2007_PLAN_TIER4: Rule = Rule::new(
    "ns2007.sentence_plan.tier4",
    "tier 4: sentence plan within 5 working days of sentence or release",
    NS2007_SRC,
    Basis::Verified,
);
/// Community orders: 12 contacts in the first 12 weeks.
pub const NS_CO_FIRST_12: Rule = Rule::new(
    "ns2007.frequency.community.weeks_1_12",
    "community orders: 12 contacts in the first 12 weeks",
    NS2000_SRC,
    Basis::Assumption,
);
/// Community orders: 6 contacts in weeks 13–24.
pub const NS_CO_NEXT_12: Rule = Rule::new(
    "ns2007.frequency.community.weeks_13_24",
    "community orders: 6 contacts in the next 12 weeks",
    NS2000_SRC,
    Basis::Assumption,
);
/// Community orders: monthly after 24 weeks.
pub const NS_CO_MONTHLY: Rule = Rule::new(
    "ns2007.frequency.community.monthly",
    "community orders: then one contact a month",
    NS2000_SRC,
    Basis::Assumption,
);
/// Licences: weekly for 4 weeks.
pub const NS_LIC_WEEKLY: Rule = Rule::new(
    "ns2007.frequency.licence.weekly",
    "licences: one contact a week for the first 4 weeks",
    NS2000_SRC,
    Basis::Assumption,
);
/// Licences: fortnightly to the end of month 3.
pub const NS_LIC_FORTNIGHTLY: Rule = Rule::new(
    "ns2007.frequency.licence.fortnightly",
    "licences: one contact a fortnight from week 5 to the end of month 3",
    NS2000_SRC,
    Basis::Assumption,
);
/// Licences: monthly after month 3.
pub const NS_LIC_MONTHLY: Rule = Rule::new(
    "ns2007.frequency.licence.monthly",
    "licences: then one contact a month",
    NS2000_SRC,
    Basis::Assumption,
);
/// Post-sentence supervision under NS 2007: monthly.
pub const NS_PSS_MONTHLY: Rule = Rule::new(
    "ns2007.frequency.pss.monthly",
    "post-sentence supervision (which post-dates NS 2007): one contact a month",
    NS2000_SRC,
    Basis::Assumption,
);

/// TR: allocation by the end of the 2nd full business day after sentence (NPS SL002).
pub const TR_ALLOCATION: Rule = Rule::new(
    "tr2014.allocation",
    "allocation by the end of the 2nd full business day after sentence",
    "NPS service level SL002; docs/rules/contact.md#transforming-rehabilitation-service-levels",
    Basis::Verified,
);
/// TR: CO/SSO first appointment within 5 business days of allocation.
pub const TR_FIRST_COMMUNITY: Rule = Rule::new(
    "tr2014.first_appointment.community",
    "community order or sso: first appointment within 5 business days of allocation",
    TR_SRC,
    Basis::Verified,
);
/// TR: licence first appointment within 1 business day of release.
pub const TR_FIRST_LICENCE: Rule = Rule::new(
    "tr2014.first_appointment.licence",
    "licence: first appointment within 1 business day of release",
    TR_SRC,
    Basis::Verified,
);
/// TR: sentence plan within 15 business days of the first appointment.
pub const TR_PLAN: Rule = Rule::new(
    "tr2014.sentence_plan",
    "sentence plan within 15 business days of the first appointment",
    TR_SRC,
    Basis::Verified,
);
/// TR: unpaid work arranged within 7 business days of allocation.
pub const TR_UPW: Rule = Rule::new(
    "tr2014.unpaid_work_start",
    "unpaid work arranged within 7 business days of allocation",
    TR_SRC,
    Basis::Verified,
);
/// Ongoing contact at least monthly (this library's default where frequency is professional judgement).
pub const MONTHLY_DEFAULT: Rule = Rule::new(
    "contact.frequency.monthly_default",
    "at least one contact a month; frequency is professional judgement since april 2011, monthly is this library's default",
    WMS_SRC,
    Basis::Assumption,
);

/// PS 2021: the TR first appointment service level, assumed to continue after unification.
pub const PS_FIRST_COMMUNITY: Rule = Rule::new(
    "ps2021.first_appointment.community",
    "community order or sso: first appointment within 5 working days of allocation (tr service level, assumed to continue)",
    PS_TR_SRC,
    Basis::Assumption,
);
/// PS 2021: licence first appointment, assumed to continue after unification.
pub const PS_FIRST_LICENCE: Rule = Rule::new(
    "ps2021.first_appointment.licence",
    "licence: first appointment within 1 working day of release (tr service level, assumed to continue)",
    PS_TR_SRC,
    Basis::Assumption,
);
/// Home visit within 15 days: high RoSH or registered sex offender.
pub const PS_HV_HIGH: Rule = Rule::new(
    "ps2021.home_visit.high",
    "home visit within 15 days of supervision starting: high or very high rosh, or registered sex offender (mappa category 1); a child-sexual-exploitation concern is not in the case model",
    HV_SRC,
    Basis::Verified,
);
/// Home visit within 6 weeks: medium RoSH.
pub const PS_HV_MEDIUM: Rule = Rule::new(
    "ps2021.home_visit.medium",
    "home visit within 6 weeks of supervision starting: medium rosh",
    HV_SRC,
    Basis::Verified,
);
/// Home visit within 12 weeks: low RoSH (and, by assumption, RoSH not known).
pub const PS_HV_LOW: Rule = Rule::new(
    "ps2021.home_visit.low",
    "home visit within 12 weeks of supervision starting: low rosh, or rosh not known [A]",
    HV_SRC,
    Basis::Verified,
);

/// Every rule of the presets, in declaration order (the rulebook test `core/tests/rule_docs.rs` reads it).
pub static TABLE: &[&Rule] = &[
    &NS2007_TIER4,
    &NS2007_FIRST,
    &NS2007_FIRST_TIER4,
    &NS2007_ALLOCATION,
    &NS2007_ALLOCATION_TIER4,
    &NS2007_PLAN,
    &NS2007_PLAN_TIER4,
    &NS_CO_FIRST_12,
    &NS_CO_NEXT_12,
    &NS_CO_MONTHLY,
    &NS_LIC_WEEKLY,
    &NS_LIC_FORTNIGHTLY,
    &NS_LIC_MONTHLY,
    &NS_PSS_MONTHLY,
    &TR_ALLOCATION,
    &TR_FIRST_COMMUNITY,
    &TR_FIRST_LICENCE,
    &TR_PLAN,
    &TR_UPW,
    &MONTHLY_DEFAULT,
    &PS_FIRST_COMMUNITY,
    &PS_FIRST_LICENCE,
    &PS_HV_HIGH,
    &PS_HV_MEDIUM,
    &PS_HV_LOW,
];

fn r(rule: &'static Rule) -> RuleRef {
    RuleRef::Builtin(rule)
}

fn phase(
    applies_to: KindSet,
    from: Offset,
    until: Option<Offset>,
    every: Offset,
    contacts: u16,
    rule: &'static Rule,
) -> Phase {
    Phase {
        applies_to,
        when: None,
        from,
        until,
        every,
        contacts,
        satisfied_by: vec![
            ContactKind::Appointment,
            ContactKind::FirstAppointment,
            ContactKind::HomeVisit,
        ],
        rule: r(rule),
    }
}

fn deadline(
    kind: DeadlineKind,
    applies_to: KindSet,
    when: Option<Condition>,
    from: Anchor,
    within: u16,
    unit: DayUnit,
    rule: &'static Rule,
) -> Deadline {
    Deadline {
        kind,
        applies_to,
        when,
        from,
        within,
        unit,
        satisfied_by: None,
        rule: r(rule),
    }
}

fn tier4() -> Option<Condition> {
    Some(Condition::HighRisk(true))
}

fn monthly(applies_to: KindSet) -> Phase {
    phase(
        applies_to,
        Offset::default(),
        None,
        Offset::months(1),
        1,
        &MONTHLY_DEFAULT,
    )
}

/// NS 2007: first contact, allocation and sentence plan deadlines (stricter for Tier 4), with the NS 2000/2005
/// front-loaded frequency (\[A\]).
pub fn ns2007() -> ContactPolicy {
    use DayUnit::WorkingDays as Wd;
    use DeadlineKind::*;
    let all = KindSet::ALL_BUT_PSS;
    ContactPolicy {
        name: "ns2007".into(),
        description: "National Standards 2007: deadlines by tier (Tier 4 read from RoSH/MAPPA [A]), front-loaded frequency [A]".into(),
        source: NS2007_SRC.into(),
        high_risk: Some(Condition::Any(vec![
            Condition::RoshIn(vec![RoshLevel::High, RoshLevel::VeryHigh]),
            Condition::MappaLevelIn(vec![MappaCode::M2, MappaCode::M3]),
        ])),
        high_risk_rule: Some(r(&NS2007_TIER4)),
        phases: vec![
            phase(KindSet::COMMUNITY, Offset::default(), Some(Offset::weeks(12)), Offset::weeks(12), 12, &NS_CO_FIRST_12),
            phase(KindSet::COMMUNITY, Offset::weeks(12), Some(Offset::weeks(24)), Offset::weeks(12), 6, &NS_CO_NEXT_12),
            phase(KindSet::COMMUNITY, Offset::weeks(24), None, Offset::months(1), 1, &NS_CO_MONTHLY),
            phase(KindSet::LICENCE, Offset::default(), Some(Offset::weeks(4)), Offset::weeks(1), 1, &NS_LIC_WEEKLY),
            phase(KindSet::LICENCE, Offset::weeks(4), Some(Offset::months(3)), Offset::weeks(2), 1, &NS_LIC_FORTNIGHTLY),
            phase(KindSet::LICENCE, Offset::months(3), None, Offset::months(1), 1, &NS_LIC_MONTHLY),
            phase(KindSet::PSS, Offset::default(), None, Offset::months(1), 1, &NS_PSS_MONTHLY),
        ],
        deadlines: vec![
            deadline(Allocation, KindSet::COMMUNITY, tier4(), Anchor::Start, 1, Wd, &NS2007_ALLOCATION_TIER4),
            deadline(Allocation, KindSet::COMMUNITY, None, Anchor::Start, 3, Wd, &NS2007_ALLOCATION),
            deadline(FirstAppointment, all, tier4(), Anchor::Start, 2, Wd, &NS2007_FIRST_TIER4),
            deadline(FirstAppointment, all, None, Anchor::Start, 5, Wd, &NS2007_FIRST),
            deadline(SentencePlan, all, tier4(), Anchor::Start, 5, Wd, &NS2007_PLAN_TIER4),
            deadline(SentencePlan, all, None, Anchor::Start, 15, Wd, &NS2007_PLAN),
        ],
        enforcement: EnforcementPolicy::default(),
    }
}

/// TR 2014: the Transforming Rehabilitation contract service levels, with monthly ongoing contact (\[A\]).
pub fn tr2014() -> ContactPolicy {
    use DayUnit::WorkingDays as Wd;
    use DeadlineKind::*;
    ContactPolicy {
        name: "tr2014".into(),
        description:
            "Transforming Rehabilitation service levels (business days); monthly contact [A]".into(),
        source: TR_SRC.into(),
        high_risk: None,
        high_risk_rule: None,
        phases: vec![monthly(KindSet::ALL)],
        deadlines: vec![
            deadline(
                Allocation,
                KindSet::COMMUNITY,
                None,
                Anchor::Start,
                2,
                Wd,
                &TR_ALLOCATION,
            ),
            deadline(
                FirstAppointment,
                KindSet::COMMUNITY,
                None,
                Anchor::Allocation,
                5,
                Wd,
                &TR_FIRST_COMMUNITY,
            ),
            deadline(
                FirstAppointment,
                KindSet::LICENCE,
                None,
                Anchor::Start,
                1,
                Wd,
                &TR_FIRST_LICENCE,
            ),
            deadline(
                SentencePlan,
                KindSet::ALL_BUT_PSS,
                None,
                Anchor::FirstAppointment,
                15,
                Wd,
                &TR_PLAN,
            ),
            deadline(
                UnpaidWorkStart,
                KindSet::COMMUNITY,
                Some(Condition::Requirement(RequirementKind::UnpaidWork)),
                Anchor::Allocation,
                7,
                Wd,
                &TR_UPW,
            ),
        ],
        enforcement: EnforcementPolicy::default(),
    }
}

/// PS 2021: home visits by RoSH (calendar days \[A\]), TR first appointments assumed to continue (\[A\]), monthly
/// ongoing contact (\[A\]).
pub fn ps2021() -> ContactPolicy {
    use DayUnit::{CalendarDays as Cd, WorkingDays as Wd};
    use DeadlineKind::*;
    let high = Condition::Any(vec![
        Condition::RoshIn(vec![RoshLevel::High, RoshLevel::VeryHigh]),
        Condition::MappaCategoryIn(vec![MappaCode::M1]),
    ]);
    ContactPolicy {
        name: "ps2021".into(),
        description: "Probation Service 2021: home visits by RoSH; first appointments as TR [A]; monthly contact [A]".into(),
        source: HV_SRC.into(),
        high_risk: None,
        high_risk_rule: None,
        phases: vec![monthly(KindSet::ALL)],
        deadlines: vec![
            deadline(FirstAppointment, KindSet::COMMUNITY, None, Anchor::Allocation, 5, Wd, &PS_FIRST_COMMUNITY),
            deadline(FirstAppointment, KindSet::LICENCE, None, Anchor::Start, 1, Wd, &PS_FIRST_LICENCE),
            deadline(HomeVisit, KindSet::ALL_BUT_PSS, Some(high), Anchor::Start, 15, Cd, &PS_HV_HIGH),
            deadline(
                HomeVisit,
                KindSet::ALL_BUT_PSS,
                Some(Condition::RoshIn(vec![RoshLevel::Medium])),
                Anchor::Start,
                42,
                Cd,
                &PS_HV_MEDIUM,
            ),
            deadline(HomeVisit, KindSet::ALL_BUT_PSS, None, Anchor::Start, 84, Cd, &PS_HV_LOW),
        ],
        enforcement: EnforcementPolicy::default(),
    }
}

/// The presets by name. Declared here, not in `policy`, so that the presets depend on the policy types and
/// never the other way round.
impl ContactPolicy {
    /// The names of the built-in presets.
    pub const PRESETS: [&'static str; 3] = ["ns2007", "tr2014", "ps2021"];

    /// A built-in preset by name: `ns2007`, `tr2014` or `ps2021`.
    ///
    /// # Errors
    /// [`ContactError::UnknownPreset`] for any other name.
    ///
    /// ```
    /// use probation_core::contact::{ContactError, ContactPolicy};
    /// assert!(ContactPolicy::preset("tr2014").is_ok());
    /// assert!(matches!(ContactPolicy::preset("ns1999"), Err(ContactError::UnknownPreset)));
    /// ```
    pub fn preset(name: &str) -> Result<ContactPolicy, ContactError> {
        match name {
            "ns2007" => Ok(ns2007()),
            "tr2014" => Ok(tr2014()),
            "ps2021" => Ok(ps2021()),
            _ => Err(ContactError::UnknownPreset),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_pass_their_own_checks_and_cite_sources() {
        for name in ContactPolicy::PRESETS {
            let p = ContactPolicy::preset(name).unwrap();
            p.check().unwrap();
            assert!(!p.source.is_empty());
            for rule in p
                .phases
                .iter()
                .map(|x| &x.rule)
                .chain(p.deadlines.iter().map(|x| &x.rule))
            {
                assert!(
                    rule.id().starts_with(name) || rule.id().starts_with("contact."),
                    "{}",
                    rule.id()
                );
                assert!(!rule.source().is_empty());
            }
        }
    }
}
