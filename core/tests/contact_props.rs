//! Property tests of contact schedules and enforcement (issue 4): windows of a kind are ordered and do not
//! overlap; every working-day deadline falls on a working day; no breach without a prior warning unless the
//! policy allows going straight to breach.
#![cfg(test)]

use chrono::{Days, Months, NaiveDate};
use probation_core::calendar::Calendar;
use probation_core::contact::{ContactPolicy, DayUnit, StepStatus, compliance, schedule};
use probation_core::interchange::decode_case;
use probation_core::model::{
    Case, Contact, ContactKind, ContactOutcome, EnforcementAction, EnforcementActionKind, Event,
    Length, Provider, RegisterCode, Registration, Requirement, Sentence,
};
use proptest::prelude::*;

fn base_case() -> Case {
    decode_case(
        r#"{"schema_version":1,"person":{"crn":"X320741","date_of_birth":"1970-04-01","sex":"male","home_area":"C17"}}"#,
    )
    .unwrap()
}

fn date(days_since_2005: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2005, 1, 1).unwrap() + Days::new(u64::from(days_since_2005))
}

#[derive(Debug, Clone)]
struct Gen {
    sentence_day: u32,
    kind: u8,
    months: u16,
    alloc_delay: Option<u8>,
    rosh: Option<u8>,
    provider: u8,
    contacts: Vec<(u16, u8, u8)>,
    warnings: Vec<u16>,
    referrals: Vec<u16>,
    laid: Vec<u16>,
    as_of: u16,
    policy: u8,
    straight: bool,
    warn_pss: bool,
}

fn arb_case() -> impl Strategy<Value = Gen> {
    (
        (
            0u32..9000,
            0u8..3,
            1u16..=36,
            proptest::option::of(0u8..10),
            proptest::option::of(0u8..4),
            0u8..4,
        ),
        proptest::collection::vec((0u16..1200, 0u8..4, 0u8..4), 0..50),
        proptest::collection::vec(0u16..1200, 0..4),
        proptest::collection::vec(0u16..1200, 0..3),
        proptest::collection::vec(0u16..1200, 0..3),
        (0u16..1300, 0u8..3, any::<bool>(), any::<bool>()),
    )
        .prop_map(
            |(
                (sentence_day, kind, months, alloc_delay, rosh, provider),
                contacts,
                warnings,
                referrals,
                laid,
                (as_of, policy, straight, warn_pss),
            )| Gen {
                sentence_day,
                kind,
                months,
                alloc_delay,
                rosh,
                provider,
                contacts,
                warnings,
                referrals,
                laid,
                as_of,
                policy,
                straight,
                warn_pss,
            },
        )
}

fn build(g: &Gen) -> (Case, ContactPolicy, NaiveDate) {
    let mut case = base_case();
    let s = date(g.sentence_day);
    let sentence = match g.kind {
        0 => Sentence::CommunityOrder {
            length: Length::months(g.months),
            requirements: vec![Requirement::unpaid_work(100)],
        },
        1 => Sentence::SuspendedSentenceOrder {
            custodial_term: Length::months(6),
            operational_period: Length::months(24),
            supervision_period: Some(Length::months(g.months.clamp(6, 24))),
            requirements: vec![Requirement::rar(10)],
        },
        _ => Sentence::Custody {
            length: Length::months(g.months),
            kind: Default::default(),
            remand_days: 0,
            tagged_bail_days: 0,
            release_date: None,
        },
    };
    case.events.push(Event {
        offence_date: s - Days::new(60),
        conviction_date: None,
        sentence_date: s,
        allocation_date: g.alloc_delay.map(|d| s + Days::new(u64::from(d))),
        termination_date: None,
        sentence,
        offence_code: None,
        actuarial_category: None,
    });
    if let Some(r) = g.rosh {
        let code = ["RLRH", "RMRH", "RHRH", "RVHR"][r as usize];
        case.registrations.push(Registration::new(
            RegisterCode::from_code(code),
            s - Days::new(10),
        ));
    }
    case.provider = Some(match g.provider {
        0 => "C05".parse::<Provider>().unwrap(),
        1 => "N03".parse().unwrap(),
        2 => Provider::ProbationService,
        _ => Provider::ProbationTrust,
    });
    for &(d, k, o) in &g.contacts {
        case.contacts.push(Contact {
            date: s + Days::new(u64::from(d)),
            kind: [
                ContactKind::Appointment,
                ContactKind::FirstAppointment,
                ContactKind::HomeVisit,
                ContactKind::SentencePlan,
            ][k as usize],
            outcome: [
                ContactOutcome::Attended,
                ContactOutcome::AcceptableAbsence,
                ContactOutcome::UnacceptableAbsence,
                ContactOutcome::NotRecorded,
            ][o as usize],
            event: None,
        });
    }
    for (days, kind) in g
        .warnings
        .iter()
        .map(|d| (d, EnforcementActionKind::Warning))
        .chain(
            g.referrals
                .iter()
                .map(|d| (d, EnforcementActionKind::BreachReferral)),
        )
        .chain(
            g.laid
                .iter()
                .map(|d| (d, EnforcementActionKind::BreachLaid)),
        )
    {
        case.enforcement.push(EnforcementAction {
            date: s + Days::new(u64::from(*days)),
            kind,
            event: None,
        });
    }
    let mut policy = ContactPolicy::preset(ContactPolicy::PRESETS[g.policy as usize]).unwrap();
    policy.enforcement.straight_to_breach = g.straight;
    policy.enforcement.warn_first_on_pss = g.warn_pss;
    (case, policy, s + Days::new(u64::from(g.as_of)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn windows_ordered_and_disjoint_within_a_kind(g in arb_case()) {
        let (case, policy, _) = build(&g);
        let cal = Calendar::england_and_wales();
        let s = schedule(&case, &policy, &cal).unwrap();
        let mut by_kind: std::collections::BTreeMap<_, Vec<_>> = Default::default();
        for i in &s.items {
            prop_assert!(i.earliest <= i.due_by, "{i:?}");
            by_kind.entry((i.event, format!("{:?}", i.kind))).or_default().push(i);
        }
        for items in by_kind.values() {
            // Items come sorted by due date; within a kind the windows are in order and do not overlap.
            for pair in items.windows(2) {
                prop_assert!(pair[0].due_by < pair[1].earliest,
                    "overlap: {:?} / {:?}", pair[0], pair[1]);
                prop_assert!(pair[0].earliest <= pair[1].earliest);
            }
        }
        // Contact windows tile each period with no gap.
        for p in &s.periods {
            let mut w: Vec<_> = s.items.iter().filter(|i| i.kind == probation_core::contact::ItemKind::Contact && i.event == p.event && i.supervision == p.kind).collect();
            w.sort_by_key(|i| i.earliest);
            if let (Some(first), Some(last)) = (w.first(), w.last()) {
                prop_assert_eq!(first.earliest, p.start);
                prop_assert_eq!(last.due_by, p.end);
                for pair in w.windows(2) {
                    prop_assert_eq!(pair[0].due_by.succ_opt().unwrap(), pair[1].earliest);
                }
            }
        }
    }

    #[test]
    fn working_day_deadlines_fall_on_working_days(g in arb_case()) {
        let (case, policy, _) = build(&g);
        let cal = Calendar::england_and_wales();
        let s = schedule(&case, &policy, &cal).unwrap();
        for i in s.items.iter().filter(|i| i.unit == DayUnit::WorkingDays) {
            prop_assert!(cal.is_working_day(i.due_by).unwrap(), "{i:?}");
        }
        let c = compliance(&case, &policy, &cal, date(g.sentence_day) + Days::new(u64::from(g.as_of))).unwrap();
        for st in c.enforcement.iter().filter_map(|st| st.due_by) {
            prop_assert!(cal.is_working_day(st).unwrap());
        }
    }

    #[test]
    fn no_breach_without_a_prior_warning_unless_allowed(g in arb_case()) {
        let (case, policy, as_of) = build(&g);
        let cal = Calendar::england_and_wales();
        let c = compliance(&case, &policy, &cal, as_of).unwrap();
        let e = &policy.enforcement;
        for st in c.enforcement.iter().filter(|st| st.action.is_breach()) {
            let pss = st.supervision == probation_core::sentence::SupervisionKind::PostSentenceSupervision;
            let allowed = if pss { !e.warn_first_on_pss } else { e.straight_to_breach };
            let warned = case.enforcement.iter().any(|a| {
                a.kind == EnforcementActionKind::Warning
                    && a.date < st.failure_date
                    && a.date <= as_of
                    && st.failure_date <= a.date.checked_add_months(Months::new(12)).unwrap()
            });
            prop_assert!(warned || allowed, "breach without warning: {st:?}");
            if let Some(w) = st.warning_on {
                prop_assert!(w < st.failure_date);
            }
        }
        // Every failure gets at least one step; acceptable absences never do.
        prop_assert!(c.enforcement.len() >= c.failures.len());
        for st in &c.enforcement {
            prop_assert!(c.failures.iter().any(|f| f.date == st.failure_date));
            if st.status == StepStatus::Done {
                prop_assert!(st.done_on.is_some_and(|d| d >= st.failure_date && d <= as_of));
            }
        }
        for w in &c.windows {
            prop_assert!(w.item.earliest <= as_of);
            if w.status == probation_core::contact::WindowStatus::Met {
                prop_assert!(w.met_on.is_some_and(|d| d >= w.item.earliest && d <= w.item.due_by));
            }
        }
    }
}
