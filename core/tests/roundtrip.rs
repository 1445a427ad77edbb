//! Property tests: `decode(encode(case)) == case` for arbitrary well-typed cases (not only what the generator
//! makes: any dates chrono can write, any finite RSR/OGRS, unknown register codes, every sentence variant and
//! requirement field), and for generator output over many seeds, which must also validate.
#![cfg(test)]

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use probation_core::ids::{Crn, Pnc, PrisonNumber};
use probation_core::interchange::{decode_case, encode_case, encode_case_pretty};
use probation_core::model::*;
use proptest::prelude::*;
use proptest::sample::select;

fn date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        // Mostly ordinary dates; sometimes anything chrono can represent (years beyond 9999, before year 1).
        4 => (1900i32..=2100, 1u32..=366).prop_map(|(y, d)| NaiveDate::from_yo_opt(y, d)
            .unwrap_or_else(|| NaiveDate::from_yo_opt(y, 365).unwrap())),
        1 => (NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce())
            .prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap()),
    ]
}

fn opt<T: std::fmt::Debug + Clone + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> impl Strategy<Value = Option<T>> {
    proptest::option::of(s)
}

fn percent() -> impl Strategy<Value = f64> {
    prop_oneof![
        (0u32..=10_000).prop_map(|n| f64::from(n) / 100.0),
        proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL | proptest::num::f64::ZERO,
    ]
}

fn crn() -> impl Strategy<Value = Crn> {
    "[A-Za-z][0-9]{6}".prop_map(|s| Crn::parse(&s).unwrap())
}

fn pnc() -> impl Strategy<Value = Pnc> {
    (1900u32..=2099, 0u32..=9_999_999).prop_map(|(y, serial)| {
        const CHECK: &[u8; 23] = b"ZABCDEFGHJKLMNPQRTUVWXY";
        let idx = (u64::from(y % 100) * 10_000_000 + u64::from(serial)) % 23;
        let c = char::from(CHECK[idx as usize]);
        Pnc::parse(&format!("{y:04}/{serial:07}{c}")).unwrap()
    })
}

fn prison_number() -> impl Strategy<Value = PrisonNumber> {
    "[A-Za-z][0-9]{4}[A-Za-z]{2}".prop_map(|s| PrisonNumber::parse(&s).unwrap())
}

fn length() -> impl Strategy<Value = Length> {
    (any::<u16>(), any::<u16>(), any::<u16>(), any::<u16>()).prop_map(
        |(years, months, weeks, days)| Length {
            years,
            months,
            weeks,
            days,
        },
    )
}

prop_compose! {
    fn person()(crn in crn(), pnc in opt(pnc()), prison_number in opt(prison_number()),
                name in opt((".*", ".*").prop_map(|(given, family)| PersonName { given, family })),
                date_of_birth in date(),
                sex in select(vec![Sex::Male, Sex::Female, Sex::NotSpecified]),
                fn_ltd in any::<bool>(), home_area in select(CrcArea::ALL.to_vec()),
                rsr in opt(percent()), ogrs in opt(percent())) -> Person {
        Person { crn, pnc, prison_number, name, date_of_birth, sex,
                 foreign_national_liable_to_deportation: fn_ltd, home_area, rsr, ogrs }
    }
}

prop_compose! {
    fn requirement()(kind in select(RequirementKind::ALL.to_vec()), hours in opt(any::<u16>()),
                     days in opt(any::<u16>()), hours_per_day in opt(any::<u8>()),
                     days_per_week in opt(any::<u8>()), length in opt(length()),
                     terminated in opt(date())) -> Requirement {
        Requirement { kind, hours, days, hours_per_day, days_per_week, length, terminated }
    }
}

fn requirements() -> impl Strategy<Value = Vec<Requirement>> {
    prop::collection::vec(requirement(), 0..4)
}

fn sentence() -> impl Strategy<Value = Sentence> {
    prop_oneof![
        (length(), requirements()).prop_map(|(length, requirements)| Sentence::CommunityOrder {
            length,
            requirements
        }),
        (length(), length(), opt(length()), requirements()).prop_map(
            |(custodial_term, operational_period, supervision_period, requirements)| {
                Sentence::SuspendedSentenceOrder {
                    custodial_term,
                    operational_period,
                    supervision_period,
                    requirements,
                }
            }
        ),
        (
            length(),
            select(vec![
                CustodyKind::StandardDeterminate,
                CustodyKind::Extended,
                CustodyKind::Life
            ]),
            any::<u32>(),
            any::<u32>(),
            opt(date())
        )
            .prop_map(
                |(length, kind, remand_days, tagged_bail_days, release_date)| Sentence::Custody {
                    length,
                    kind,
                    remand_days,
                    tagged_bail_days,
                    release_date,
                }
            ),
    ]
}

prop_compose! {
    fn event()(offence_date in date(), conviction_date in opt(date()), sentence_date in date(),
               allocation_date in opt(date()), termination_date in opt(date()),
               sentence in sentence()) -> Event {
        Event { offence_date, conviction_date, sentence_date, allocation_date, termination_date, sentence, offence_code: None, actuarial_category: None }
    }
}

fn register_code() -> impl Strategy<Value = RegisterCode> {
    prop_oneof![
        select(RegisterCode::KNOWN.to_vec()),
        // Unknown codes are kept as given (a known code's text would decode as that code).
        ".*".prop_filter_map("a known code", |s| match RegisterCode::from_code(&s) {
            c @ RegisterCode::Other(_) => Some(c),
            _ => None,
        }),
    ]
}

prop_compose! {
    fn registration()(code in register_code(), level in opt(".{0,4}"), category in opt("M[0-9]"),
                      registered in date(), deregistered in opt(date())) -> Registration {
        Registration { code, level, category, registered, deregistered }
    }
}

fn rosh() -> impl Strategy<Value = Option<RoshLevel>> {
    opt(select(vec![
        RoshLevel::Low,
        RoshLevel::Medium,
        RoshLevel::High,
        RoshLevel::VeryHigh,
    ]))
}

fn answer() -> impl Strategy<Value = Option<Answer>> {
    use Answer::*;
    opt(select(vec![
        Yes,
        No,
        None,
        Some,
        Significant,
        Never,
        Previous,
        Currently,
        Unknown,
    ]))
}

prop_compose! {
    fn assessment()(date in date(), san in any::<bool>(),
                    groups in (rosh(), rosh(), rosh(), rosh(), rosh()),
                    rsr in opt(percent()), ogrs in opt(percent()),
                    needs in prop::collection::btree_map(select(NeedArea::ALL.to_vec()),
                        select(vec![NeedSeverity::NoNeed, NeedSeverity::Standard, NeedSeverity::Severe]), 0..4),
                    section_answers in prop::collection::btree_map(select(NeedArea::ALL.to_vec()),
                        prop::collection::vec(answer(), 0..5), 0..3),
                    womens in opt((any::<bool>(), any::<u8>(), any::<u8>(), any::<bool>())),
                    layer in opt(select(vec![AssessmentLayer::Layer3, AssessmentLayer::Layer1,
                        AssessmentLayer::Standalone])),
                    predictors in opt(predictors()), sexual in any::<bool>()) -> Assessment {
        let (children, public, known_adult, staff, prisoners) = groups;
        Assessment {
            date,
            kind: if san { AssessmentKind::San } else { AssessmentKind::Oasys },
            rosh: RoshByGroup { children, public, known_adult, staff, prisoners },
            rsr, ogrs,
            needs: needs.into_iter().collect::<BTreeMap<_, _>>(),
            section_answers,
            womens_factors: womens.map(|(p, i, t, b)| WomensFactors {
                parenting_responsibilities: p, impulsivity: i, temper_control: t,
                breach_or_recall_last_12_months: b,
            }),
            layer,
            predictors,
            ever_committed_sexual_offence: sexual,
        }
    }
}

prop_compose! {
    fn predictor()(score in percent(),
                   kind in opt(select(vec![PredictorKind::Static, PredictorKind::Dynamic])),
                   band in opt(select(vec![PredictorBand::NotApplicable, PredictorBand::Low,
                       PredictorBand::Medium, PredictorBand::High, PredictorBand::VeryHigh]))) -> Predictor {
        Predictor { score, kind, band }
    }
}

prop_compose! {
    fn predictors()(arp in opt(predictor()), csrp in opt(predictor()), dc_srp in opt(predictor()),
                    vrp in opt(predictor()), svrp in opt(predictor()), iic_srp in opt(predictor())) -> Predictors {
        Predictors { arp, csrp, dc_srp, vrp, svrp, iic_srp }
    }
}

fn provider() -> impl Strategy<Value = Provider> {
    let mut all = vec![Provider::ProbationTrust, Provider::ProbationService];
    all.extend(NpsDivision::ALL.iter().map(|d| Provider::Nps(*d)));
    all.extend(CrcArea::ALL.iter().map(|c| Provider::Crc(*c)));
    select(all)
}

prop_compose! {
    fn contact()(date in date(), kind in select(vec![ContactKind::Appointment, ContactKind::FirstAppointment,
                    ContactKind::HomeVisit, ContactKind::SentencePlan, ContactKind::UnpaidWork,
                    ContactKind::Programme, ContactKind::Other]),
                 outcome in select(vec![ContactOutcome::Attended, ContactOutcome::AcceptableAbsence,
                    ContactOutcome::UnacceptableAbsence, ContactOutcome::NotRecorded]),
                 event in opt(any::<u32>())) -> Contact {
        Contact { date, kind, outcome, event }
    }
}

prop_compose! {
    fn enforcement()(date in date(), kind in select(vec![EnforcementActionKind::Warning,
                        EnforcementActionKind::BreachReferral, EnforcementActionKind::BreachLaid,
                        EnforcementActionKind::RecallRequested]),
                     event in opt(any::<u32>())) -> EnforcementAction {
        EnforcementAction { date, kind, event }
    }
}

prop_compose! {
    fn case()(person in person(), case_id in opt(any::<u128>()), provider in opt(provider()),
              events in prop::collection::vec(event(), 0..3),
              registrations in prop::collection::vec(registration(), 0..4),
              assessments in prop::collection::vec(assessment(), 0..3),
              contacts in prop::collection::vec(contact(), 0..5),
              enforcement in prop::collection::vec(enforcement(), 0..3),
              latest_release_date in opt(date())) -> Case {
        Case {
            case_id: case_id.map(uuid::Uuid::from_u128),
            provider, events, registrations, assessments, contacts, enforcement, latest_release_date,
            ..Case::new(person)
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn decode_encode_round_trips(case in case()) {
        let json = encode_case(&case);
        prop_assert_eq!(decode_case(&json).map_err(|e| e.to_string()), Ok(case.clone()), "{}", json);
        prop_assert_eq!(decode_case(&encode_case_pretty(&case)).ok(), Some(case));
    }

    #[test]
    fn sentence_fields_decode_in_any_order(case in case()) {
        // Put every sentence's `type` last: the slow path must decode the same case.
        let mut v: serde_json::Value = serde_json::from_str(&encode_case(&case)).unwrap();
        for e in v["events"].as_array_mut().unwrap() {
            let s = e["sentence"].as_object_mut().unwrap();
            let t = s.remove("type").unwrap();
            s.insert("type".to_owned(), t);
        }
        prop_assert_eq!(decode_case(&v.to_string()).ok(), Some(case));
    }

    #[test]
    fn generated_cases_validate_and_round_trip(seed in any::<u64>(), index in 0u64..1_000_000) {
        let case = probation_core::synth::Generator::new(seed).case(index);
        prop_assert!(probation_core::validate::validate(&case).is_ok(), "{}", encode_case(&case));
        prop_assert_eq!(decode_case(&encode_case(&case)).ok(), Some(case));
    }
}
