//! Every engine of probation-core run on one case, with its output as text in a fixed order. Shared by the fuzz
//! targets (`fuzz/src/lib.rs`) and the multi-thread test (`core/tests/threads.rs`, through `#[path]`), so the
//! workspace's own tests compile it and the fuzz crate cannot drift from the library's API unnoticed.

use chrono::{Days, NaiveDate};
use probation_core::allocation::{AllocationPolicy, allocate, escalation, escalation_history};
use probation_core::calendar::Calendar;
use probation_core::contact::{ContactPolicy, compliance, schedule};
use probation_core::model::Case;
use probation_core::sentence::sentence_dates;
use probation_core::tier::tier;
use probation_core::validate::validate;

/// One engine's answer: its serialised result, or its error's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// The result, as JSON.
    Ok(String),
    /// The error's `Display` text (checked for personal data by the fuzz targets).
    Err(String),
}

fn out<T: serde::Serialize, E: std::fmt::Display>(r: Result<T, E>) -> Output {
    match r {
        Ok(v) => {
            Output::Ok(serde_json::to_string(&v).unwrap_or_else(|e| format!("unserialisable: {e}")))
        }
        Err(e) => Output::Err(e.to_string()),
    }
}

/// The dates the date-dependent engines are asked about: each event's sentence date, a week and a year later,
/// and a fixed date.
fn probe_dates(case: &Case) -> Vec<NaiveDate> {
    let mut dates: Vec<NaiveDate> = case
        .events
        .iter()
        .take(4)
        .flat_map(|e| {
            let d = e.sentence_date;
            [
                Some(d),
                d.checked_add_days(Days::new(7)),
                d.checked_add_days(Days::new(365)),
            ]
        })
        .flatten()
        .collect();
    dates.extend(NaiveDate::from_ymd_opt(2025, 3, 31));
    dates
}

/// What the engines share between cases: the calendar and the policies (built once, shared by every thread).
pub struct Setup {
    /// England & Wales.
    pub calendar: Calendar,
    /// The contact policy presets.
    pub contact: Vec<ContactPolicy>,
    /// The default allocation policy (PI 05/2014 with its [A] switches at their defaults).
    pub allocation: AllocationPolicy,
}

impl Setup {
    /// The default calendar and every preset policy.
    pub fn new() -> Self {
        Setup {
            calendar: Calendar::england_and_wales(),
            contact: ["ns2007", "tr2014", "ps2021"]
                .into_iter()
                .filter_map(|p| ContactPolicy::preset(p).ok())
                .collect(),
            allocation: AllocationPolicy::default_policy(),
        }
    }
}

impl Default for Setup {
    fn default() -> Self {
        Self::new()
    }
}

/// Runs validation, sentence dates, the calendar on the case's dates, allocation, tier, contact schedule and
/// compliance (as far as the library has them) on `case`, valid or not.
pub fn run_engines(case: &Case, setup: &Setup) -> Vec<Output> {
    let cal = &setup.calendar;
    let mut outputs = vec![out(validate(case).map(|()| "valid"))];
    for event in case.events.iter().take(8) {
        outputs.push(out(sentence_dates(&case.person, event)));
        outputs.push(out(cal.add_working_days(event.sentence_date, 5)));
        outputs.push(out(
            cal.working_days_between(event.offence_date, event.sentence_date)
        ));
        outputs.push(out(cal.next_working_day(event.sentence_date)));
    }
    let dates = probe_dates(case);
    for on in &dates {
        outputs.push(out(cal.is_working_day(*on)));
    }
    for on in &dates {
        outputs.push(out(allocate(case, *on, &setup.allocation, cal)));
        outputs.push(out(escalation(case, *on, &setup.allocation, cal)));
        outputs.push(out(tier(case, *on)));
    }
    outputs.push(out(escalation_history(case, &setup.allocation, cal)));
    for policy in &setup.contact {
        outputs.push(out(schedule(case, policy, cal)));
        for on in dates.iter().take(1).chain(dates.last()) {
            outputs.push(out(compliance(case, policy, cal, *on)));
        }
    }
    outputs
}
