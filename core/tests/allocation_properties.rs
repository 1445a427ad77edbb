//! Property tests of allocation and tier (issue 3, "Done when"):
//! - raising any risk input never moves a case from the NPS to a CRC and never lowers its protect level;
//! - removing the input of a fired rule either changes the answer or another rule fires.
//!
//! Raises are tested on flat inputs (every input, arbitrary values) and on whole synthetic cases (through
//! `from_case`, so that the case readings — newest first, active only — are monotone too).
#![cfg(test)]

use chrono::NaiveDate;
use proptest::prelude::*;

use probation_core::allocation::{
    AllocationFacts, AllocationPolicy, Calendar, allocate, decide, nps_criteria,
};
use probation_core::model::{
    Assessment, Case, CrcArea, MappaLevel, Provider, RegisterCode, Registration, RoshLevel, Sex,
    WomensFactors,
};
use probation_core::synth::Generator;
use probation_core::tier::{ComplexityFactor, TierInputs, calculate, tier};

mod support;
use support::{none_or, rosh};

fn date() -> impl Strategy<Value = NaiveDate> {
    (0i64..(12 * 365))
        .prop_map(|d| NaiveDate::from_ymd_opt(2012, 1, 1).unwrap() + chrono::Days::new(d as u64))
}

fn pct() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![Just(None), (0.0f64..=100.0).prop_map(Some)]
}

fn facts() -> impl Strategy<Value = AllocationFacts> {
    (
        date(),
        0usize..CrcArea::ALL.len(),
        any::<[bool; 4]>(),
        rosh(),
        rosh(),
        pct(),
    )
        .prop_map(|(on, area, b, assessed, registered, rsr)| AllocationFacts {
            on,
            home_area: CrcArea::ALL[area],
            mappa_eligible: b[0],
            assessed_rosh: assessed,
            registered_rosh: registered,
            foreign_national_liable_to_deportation: b[1],
            public_interest: b[2],
            terrorism: b[3],
            rsr,
            sentence_date: None,
        })
}

fn policy() -> impl Strategy<Value = AllocationPolicy> {
    (any::<[bool; 4]>(), 0.0f64..=100.0).prop_map(|(b, t)| AllocationPolicy {
        wales_to_nps_enabled: b[0],
        public_interest_enabled: b[1],
        terrorism_enabled: b[2],
        rsr_threshold_enabled: b[3],
        rsr_threshold: t,
        ..AllocationPolicy::default_policy()
    })
}

/// One way of raising a risk input of the allocation facts.
fn raise_facts(
    f: &AllocationFacts,
    which: u8,
    level: Option<RoshLevel>,
    rsr: f64,
) -> AllocationFacts {
    let mut g = *f;
    match which % 7 {
        0 => g.mappa_eligible = true,
        1 => g.assessed_rosh = g.assessed_rosh.max(level),
        2 => g.registered_rosh = g.registered_rosh.max(level),
        3 => g.foreign_national_liable_to_deportation = true,
        4 => g.public_interest = true,
        5 => g.terrorism = true,
        _ => g.rsr = Some(g.rsr.unwrap_or(0.0).max(rsr)),
    }
    g
}

fn mappa() -> impl Strategy<Value = Option<MappaLevel>> {
    none_or(&[MappaLevel::M1, MappaLevel::M2, MappaLevel::M3])
}

fn tier_inputs() -> impl Strategy<Value = TierInputs> {
    (
        date(),
        pct(),
        pct(),
        rosh(),
        mappa(),
        any::<u16>(),
        any::<[bool; 8]>(),
    )
        .prop_map(|(on, rsr, ogrs, rosh, mappa_level, cf, b)| {
            let mut t = TierInputs::empty(on);
            t.rsr = rsr;
            t.ogrs = ogrs;
            t.rosh = rosh;
            t.mappa_level = mappa_level;
            t.complexity = ComplexityFactor::ALL
                .into_iter()
                .enumerate()
                .filter(|(i, _)| cf & (1 << i) != 0)
                .map(|(_, f)| f)
                .collect();
            t.female = b[0];
            t.parenting_responsibilities = b[1];
            t.impulsivity_or_temper = b[2];
            t.breach_or_recall_last_12_months = b[3];
            t.iom = b[4];
            t.unsupervised = b[5];
            t.has_mandate = b[6];
            t.has_assessment = b[7];
            t
        })
}

fn raise_tier(
    t: &TierInputs,
    which: u8,
    rosh: Option<RoshLevel>,
    m: Option<MappaLevel>,
    x: f64,
) -> TierInputs {
    let mut u = *t;
    match which % 8 {
        0 => u.rsr = Some(u.rsr.unwrap_or(0.0).max(x)),
        1 => u.rosh = u.rosh.max(rosh),
        2 => u.mappa_level = u.mappa_level.max(m),
        3 => u
            .complexity
            .insert(ComplexityFactor::ALL[(x as usize) % ComplexityFactor::ALL.len()]),
        4 => u.parenting_responsibilities = true,
        5 => u.impulsivity_or_temper = true,
        6 => u.breach_or_recall_last_12_months = true,
        _ => u.iom = true,
    }
    u
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn raising_an_allocation_input_never_moves_nps_to_crc(
        f in facts(), p in policy(), which in any::<u8>(), level in rosh(), rsr in 0.0f64..=100.0,
    ) {
        let before = decide(&f, &p).provider;
        let after = decide(&raise_facts(&f, which, level, rsr), &p).provider;
        if before.is_nps() {
            prop_assert!(after.is_nps(), "{before} -> {after}");
        }
    }

    #[test]
    fn removing_a_fired_criterion_changes_the_answer_or_another_fires(f in facts(), p in policy()) {
        let d = decide(&f, &p);
        for rule in d.rules.iter() {
            let mut g = f;
            match rule.id {
                "allocation.tr.mappa" => g.mappa_eligible = false,
                "allocation.tr.rosh_high" => { g.assessed_rosh = None; g.registered_rosh = None; }
                "allocation.tr.foreign_national" => g.foreign_national_liable_to_deportation = false,
                "allocation.tr.public_interest" => g.public_interest = false,
                "allocation.tr.terrorism" => g.terrorism = false,
                "allocation.tr.rsr" => g.rsr = None,
                _ => continue,
            }
            let e = decide(&g, &p);
            prop_assert!(!e.rules.contains(rule.id));
            let mut others = probation_core::allocation::RuleList::new(probation_core::allocation::rules::TABLE);
            let other_fires = nps_criteria(&g, &p, &mut others) || e.rules.contains("allocation.tr.wales_nps");
            prop_assert!(e.provider != d.provider || other_fires, "{} removed: {:?} -> {:?}", rule.id, d, e);
        }
    }

    #[test]
    fn raising_a_tier_input_never_lowers_the_protect_level(
        t in tier_inputs(), which in any::<u8>(), r in rosh(), m in mappa(), x in 0.0f64..=100.0,
    ) {
        let before = calculate(&t).unwrap();
        let after = calculate(&raise_tier(&t, which, r, m, x)).unwrap();
        prop_assert!(after.protect.level >= before.protect.level);
        prop_assert!(after.protect.points >= before.protect.points);
        prop_assert!(after.change.level >= before.change.level);
    }

    #[test]
    fn removing_a_fired_tier_component_changes_the_answer(t in tier_inputs()) {
        let before = calculate(&t).unwrap();
        let answer = |x: &probation_core::tier::Tier| (x.tier, x.protect.points, x.change.points);
        for rule in before.rules.iter() {
            let mut u = t;
            match rule.id {
                "tier.protect.rsr" => u.rsr = None,
                "tier.protect.rosh" => u.rosh = None,
                "tier.protect.mappa" => u.mappa_level = None,
                "tier.protect.complexity" => u.complexity = Default::default(),
                "tier.protect.womens_factors" => u.female = false,
                "tier.change.ogrs" => u.ogrs = None,
                "tier.change.iom" => u.iom = false,
                "tier.change.needs" => u.needs = [probation_core::model::NeedSeverity::NoNeed; 10],
                "tier.unsupervised_suffix" => u.unsupervised = false,
                "tier.change.no_mandate" => u.has_mandate = true,
                _ => continue,
            }
            let after = calculate(&u).unwrap();
            prop_assert!(!after.rules.contains(rule.id), "{} still fires", rule.id);
            // Only the larger of RSR and RoSH counts: removing one may leave the other carrying the same points.
            let other_fires = match rule.id {
                "tier.protect.rosh" => after.rules.contains("tier.protect.rsr"),
                "tier.protect.rsr" => after.rules.contains("tier.protect.rosh"),
                _ => false,
            };
            prop_assert!(answer(&after) != answer(&before) || other_fires, "{} removed, same answer", rule.id);
        }
    }
}

/// A case-level raise: the case through `from_case`, so the readings of the case are monotone too.
fn raise_case(case: &mut Case, on: NaiveDate, which: u8) {
    let newest = case
        .assessments
        .iter_mut()
        .filter(|a| a.date <= on)
        .max_by_key(|a| a.date);
    match which % 6 {
        0 => {
            if let Some(a) = newest {
                a.rsr = Some(a.rsr.unwrap_or(0.0).max(80.0));
            }
        }
        1 => {
            if let Some(a) = newest {
                a.rosh.public = Some(RoshLevel::VeryHigh);
            }
        }
        2 => case.person.foreign_national_liable_to_deportation = true,
        3 => case
            .registrations
            .push(Registration::new(RegisterCode::Strg, on)),
        4 => {
            // raise the newest active RoSH registration to very high, or register very high
            let newest = case
                .registrations
                .iter_mut()
                .filter(|r| r.is_active_on(on) && r.code.rosh_level().is_some())
                .max_by_key(|r| r.registered);
            match newest {
                Some(r) => r.code = RegisterCode::Rvhr,
                None => case
                    .registrations
                    .push(Registration::new(RegisterCode::Rvhr, on)),
            }
        }
        _ => {
            if case.person.sex == Sex::Female {
                if let Some(a) = newest {
                    a.womens_factors = Some(WomensFactors {
                        parenting_responsibilities: true,
                        impulsivity: 2,
                        temper_control: 2,
                        breach_or_recall_last_12_months: true,
                    });
                }
            } else if newest.is_none() {
                let mut a = Assessment::new(on);
                a.rosh.public = Some(RoshLevel::High);
                case.assessments.push(a);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn raising_a_case_input_never_moves_nps_to_crc_or_lowers_protect(
        index in 0u64..100_000, on in date(), which in any::<u8>(),
    ) {
        let case = Generator::new(3).case(index);
        let policy = AllocationPolicy::default_policy();
        let cal = Calendar::england_and_wales();
        let before = allocate(&case, on, &policy, &cal).unwrap();
        let tier_before = tier(&case, on).unwrap();
        let mut raised = case.clone();
        raise_case(&mut raised, on, which);
        let after = allocate(&raised, on, &policy, &cal).unwrap();
        let tier_after = tier(&raised, on).unwrap();
        if before.provider.is_nps() {
            prop_assert!(after.provider.is_nps());
        }
        prop_assert!(!(before.provider.is_nps() && matches!(after.provider, Provider::Crc(_))));
        prop_assert!(tier_after.protect.level >= tier_before.protect.level);
    }
}
