//! The columnar engine equals the per-case engines, row for row: provider, deadline, tiers, points, provisional
//! flag and the rules that fired, on synthetic tables filled from every column's edge values (nulls, NaN, the
//! score band edges, non-0/1 flags, missing category codes, dates around the policy switch dates and bank
//! holidays), under both allocation presets. 100,000 rows in the normal test run; 1,000,000 in the ignored
//! `differential_1m` (`cargo test -p probation-core --release --test columns -- --ignored`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "test code"
)]

#[path = "../benches/support/column_table.rs"]
#[allow(dead_code, reason = "shared with the bench")]
mod column_table;

use chrono::NaiveDate;
use column_table::{Owned, Table};
use probation_core::allocation::{self, AllocationPolicy, Calendar, RuleList};
use probation_core::columns::{
    AssessError, Columns, Input, NO_CODE, NO_DATE, Want, assess, days, provider_code,
    tier_2026_code, tier_names,
};
use probation_core::{tier, tier2026};

const BOTH: Want = Want {
    allocation: true,
    tier: true,
    tier_2026: true,
};

fn on_default() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2016, 6, 1)
}

/// The per-case engines' first refusal of the table, as [`assess`] reports it.
fn reference_error(
    c: &Columns<'_>,
    policy: &AllocationPolicy,
    cal: &Calendar,
) -> Option<AssessError> {
    (0..c.len()).find_map(|i| row_refusal(c, i, policy, cal))
}

/// The per-case engines' refusal of row `i`, if any.
fn row_refusal(
    c: &Columns<'_>,
    i: usize,
    policy: &AllocationPolicy,
    cal: &Calendar,
) -> Option<AssessError> {
    {
        if let Err(error) = allocation::allocate_facts(&c.allocation_facts(i)?, policy, cal) {
            return Some(AssessError::Allocation { row: i, error });
        }
        if let Err(error) = tier::calculate(&c.tier_inputs(i)?) {
            return Some(AssessError::Tier {
                row: i,
                tier2026: false,
                error,
            });
        }
        tier2026::calculate(&c.tier_2026_inputs(i)?)
            .err()
            .map(|error| AssessError::Tier {
                row: i,
                tier2026: true,
                error,
            })
    }
}

/// A table with no row the engines refuse: home areas given, refused rows' scores cleared.
fn valid_table(n: usize, seed: u64) -> Table {
    let mut t = Table::new(n, seed);
    if let Owned::U8(h) = t.col(Input::HomeArea) {
        h.iter_mut().filter(|h| **h == NO_CODE).for_each(|h| *h = 0);
    }
    let (policy, cal) = (
        AllocationPolicy::default_policy(),
        Calendar::england_and_wales(),
    );
    let refused: Vec<usize> = {
        let c = t.columns(on_default());
        (0..t.n)
            .filter(|i| row_refusal(&c, *i, &policy, &cal).is_some())
            .collect()
    };
    for row in refused {
        // Scores out of range, or a sentence date outside the calendar (1970-01-01 is an edge date).
        t.clear_scores(row);
        if let Owned::Date(v) = t.col(Input::SentenceDate) {
            v[row] = NO_DATE;
        }
    }
    assert_eq!(
        reference_error(&t.columns(on_default()), &policy, &cal),
        None
    );
    t
}

fn check_equal(t: &Table, policy: &AllocationPolicy) {
    let cal = Calendar::england_and_wales();
    let c = t.columns(on_default());
    let out = assess(c.clone(), BOTH, policy, &cal).unwrap();
    let names = tier_names();
    let mut seen_deadlines = 0;
    for i in 0..t.n {
        let a = allocation::allocate_facts(&c.allocation_facts(i).unwrap(), policy, &cal).unwrap();
        assert_eq!(
            out.provider[i],
            provider_code(a.provider),
            "provider, row {i}"
        );
        assert_eq!(
            out.deadline[i],
            a.deadline.map_or(NO_DATE, days),
            "deadline, row {i}"
        );
        seen_deadlines += usize::from(a.deadline.is_some());
        let fired = RuleList::from_bits(allocation::rules::TABLE, out.allocation_rules[i]);
        assert_eq!(fired, a.rules, "allocation rules, row {i}");

        let r = tier::calculate(&c.tier_inputs(i).unwrap()).unwrap();
        assert_eq!(
            names[usize::from(out.tier[i])],
            r.tier.to_string(),
            "tier, row {i}"
        );
        assert_eq!(
            out.protect_points[i], r.protect.points,
            "protect points, row {i}"
        );
        assert_eq!(
            out.change_points[i], r.change.points,
            "change points, row {i}"
        );
        assert_eq!(
            RuleList::from_bits(tier::rules::TABLE, out.tier_rules[i]),
            r.rules,
            "tier rules, row {i}"
        );

        let u = tier2026::calculate(&c.tier_2026_inputs(i).unwrap()).unwrap();
        assert_eq!(
            out.tier_2026[i],
            tier_2026_code(u.tier),
            "2026 tier, row {i}"
        );
        assert_eq!(
            out.provisional[i],
            u8::from(u.provisional),
            "provisional, row {i}"
        );
        assert_eq!(
            RuleList::from_bits(tier2026::rules::TABLE, out.tier_2026_rules[i]),
            u.rules,
            "2026 rules, row {i}"
        );
    }
    assert!(seen_deadlines > t.n / 2, "the table exercises the deadline");
}

#[test]
fn differential_100k() {
    let t = valid_table(100_000, 17);
    check_equal(&t, &AllocationPolicy::default_policy());
    check_equal(&t, &AllocationPolicy::verified_only());
}

#[test]
#[ignore = "1,000,000 rows: run with --release"]
fn differential_1m() {
    let t = valid_table(1_000_000, 2026);
    check_equal(&t, &AllocationPolicy::default_policy());
    check_equal(&t, &AllocationPolicy::verified_only());
}

/// Every kind of refusal, planted at a random row of a valid table, is the reference's first refusal.
#[test]
fn errors_match_the_reference() {
    let (policy, cal) = (
        AllocationPolicy::default_policy(),
        Calendar::england_and_wales(),
    );
    let late = days(NaiveDate::from_ymd_opt(2100, 12, 31).unwrap());
    let plants: [(Input, f64); 6] = [
        (Input::Rsr, 150.0),
        (Input::Rsr, f64::INFINITY),
        (Input::TierRsr, -1.0),
        (Input::Ogrs, 100.5),
        (Input::Arp, 101.0),
        (Input::SentenceDate, 0.0),
    ];
    let mut rng = column_table::Rng(5);
    for (k, (input, value)) in plants.iter().enumerate() {
        for _ in 0..20 {
            let mut t = valid_table(200, k as u64 * 100 + rng.next() % 100);
            let row = rng.below(t.n);
            match t.col(*input) {
                Owned::F64(v) => v[row] = *value,
                Owned::Date(v) => v[row] = late,
                Owned::U8(_) => unreachable!(),
            }
            if *input == Input::Ogrs {
                for c in [Input::HasMandate, Input::HasAssessment] {
                    if let Owned::U8(v) = t.col(c) {
                        v[row] = 1;
                    }
                }
            }
            let c = t.columns(on_default());
            let want = reference_error(&c, &policy, &cal).expect("a planted refusal");
            assert_eq!(
                assess(c, BOTH, &policy, &cal).unwrap_err(),
                want,
                "{input:?}"
            );
        }
    }
}

#[test]
fn required_columns_are_named() {
    let (policy, cal) = (
        AllocationPolicy::default_policy(),
        Calendar::england_and_wales(),
    );
    let c = Columns::new(3, None);
    let e = assess(
        c,
        Want {
            allocation: false,
            tier: true,
            tier_2026: true,
        },
        &policy,
        &cal,
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "column `on`: required (or give `on=`)");
    let e = assess(Columns::new(3, on_default()), BOTH, &policy, &cal).unwrap_err();
    assert_eq!(e.to_string(), "column `home_area`: required");
    let mut c = Columns::new(2, on_default());
    let bad = [0u8, 21];
    let e = c
        .set(Input::HomeArea, probation_core::columns::Data::U8(&bad))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "column `home_area`: category code out of range at row 1"
    );
    let e = c
        .set(Input::Rsr, probation_core::columns::Data::U8(&bad))
        .unwrap_err();
    assert_eq!(e.to_string(), "column `rsr`: has the wrong type");
    let levels = [0u8, 4];
    let e = c
        .set(
            Input::MappaLevel,
            probation_core::columns::Data::U8(&levels),
        )
        .unwrap_err();
    assert_eq!(e.to_string(), "column `mappa_level`: values must be 0 to 3");
}

/// The row reading the differential test compares against, checked by hand on one row.
#[test]
fn reference_rows_read_the_columns() {
    use probation_core::columns::{Categories, Data};
    use probation_core::model::{CrcArea, MappaLevel, NeedSeverity, RoshLevel};
    let home = [Categories::HomeArea.code_of("C10").unwrap()];
    let rosh = [Categories::Rosh.code_of("high").unwrap()];
    let on = [days(NaiveDate::from_ymd_opt(2020, 1, 2).unwrap())];
    let (level, need, flag, rsr) = ([2u8], [2u8], [9u8], [f64::NAN]);
    let mut c = Columns::new(1, None);
    c.set(Input::HomeArea, Data::U8(&home)).unwrap();
    c.set(Input::RegisteredRosh, Data::U8(&rosh)).unwrap();
    c.set(Input::On, Data::Date(&on)).unwrap();
    c.set(Input::MappaLevel, Data::U8(&level)).unwrap();
    c.set(Input::NeedAttitudes, Data::U8(&need)).unwrap();
    c.set(Input::Terrorism, Data::U8(&flag)).unwrap();
    c.set(Input::Rsr, Data::F64(&rsr)).unwrap();
    let a = c.allocation_facts(0).unwrap();
    assert_eq!(
        (a.home_area, a.registered_rosh, a.rsr, a.terrorism),
        (CrcArea::C10, Some(RoshLevel::High), None, true)
    );
    assert_eq!(a.on, NaiveDate::from_ymd_opt(2020, 1, 2).unwrap());
    let t = c.tier_inputs(0).unwrap();
    assert_eq!(
        (t.rosh, t.mappa_level, t.needs[7], t.complexity.len()),
        (
            Some(RoshLevel::High),
            Some(MappaLevel::M2),
            NeedSeverity::Severe,
            1
        )
    );
}
