//! A deterministic, seeded generator of synthetic — clearly fake, but valid and realistic — caseloads.
//!
//! # Why
//! Benchmarks, demonstrations and the bundled sample caseload (`examples/data/caseload.jsonl`) need many cases
//! that look like a real caseload without containing anyone's data. Every case the generator makes passes
//! [`crate::validate::validate`], and the same seed gives byte-identical output on every run and platform: the
//! generator uses its own small PRNG (xoshiro256** seeded by SplitMix64, integer arithmetic only) and derives each
//! case from `(seed, index)` alone, so case *n* of a seed never depends on how many cases are drawn.
//!
//! # The mix
//! Approximate proportions, chosen to exercise every part of the library rather than to match official
//! statistics exactly:
//! - sentences: 45 % community orders, 20 % suspended sentence orders, 35 % custody (standard determinate,
//!   a few extended and life); first sentence dates spread evenly over 2012–2024, so allocation before,
//!   during (1 June 2014 – 25 June 2021) and after Transforming Rehabilitation is exercised; 30 % of people have a
//!   second or third event;
//! - people: aged 18–70 at first sentence (most 20–45), 85 % male, home areas over `C01`–`C21`, 2 % foreign
//!   nationals liable to deportation, names built from obviously invented family names (`Mockbridge`);
//!   CRNs unique per index, PNCs (with correct check characters) for most, prison numbers for custody;
//! - requirements: unpaid work 40–300 h, RAR days, curfews within the limits before and after 28 June 2022
//!   (with electronic monitoring), programmes, treatment, exclusion, alcohol monitoring, attendance centre for
//!   some under-25s;
//! - risk: overall RoSH ≈ 42 % low, 47 % medium, 9 % high, 2 % very high; RSR and OGRS percentages; MAPPA
//!   ≈ 5 % with levels and categories; domestic abuse, child protection, IOM, complexity factors, the odd `PRC`,
//!   some deregistered registrations and a few register codes the library does not know;
//! - OASys needs as severities or as raw section answers, SAN assessments from 2024, women's factors for most
//!   women's assessments;
//! - criminal history (sanctions before the first event, age at first sanction, violent sanctions, sexual
//!   sanctions for about 6 % of men), an actuarial category per event, OASys answers for 85 % of cases, and on each
//!   assessment the OGRS4-family outputs (ARP, CSRP, DC-SRP, VRP, SVRP, IIC-SRP) that the library's own
//!   predictors compute from that history on the assessment's date (none while a custodial sentence has no
//!   release date);
//! - contact histories up to [`AS_OF`] with attended, acceptable and unacceptable absences, and the warnings,
//!   breach actions and recalls that follow them.
//!
//! ```
//! use probation_core::{synth, validate::validate};
//! let cases = synth::generate(7, 50);
//! assert!(cases.iter().all(|c| validate(c).is_ok()));
//! // Deterministic: the same seed gives the same cases, and case n does not depend on the count.
//! assert_eq!(synth::generate(7, 3), cases[..3]);
//! assert_eq!(synth::Generator::new(7).case(10), cases[10]);
//! ```

pub mod decisions;
mod history;
mod names;
mod person;
mod predict;
mod risk;
pub(crate) mod rng;
mod sentence;

use chrono::{Days, NaiveDate};

use crate::model::{Case, Event, Provider, SchemaVersion};
use rng::{Rng, splitmix64};

/// The date generated histories run up to (contacts, terminations, releases): 31 March 2025.
pub const AS_OF: NaiveDate = ymd(2025, 3, 31);
/// Earliest first sentence date.
const FIRST_SENTENCE_FROM: NaiveDate = ymd(2012, 1, 1);
/// Latest sentence date.
const LAST_SENTENCE: NaiveDate = ymd(2024, 12, 31);

/// An endless, deterministic stream of synthetic cases.
///
/// ```
/// use probation_core::synth::Generator;
/// let crns: Vec<String> = Generator::new(1).take(3).map(|c| c.person.crn.to_string()).collect();
/// assert_eq!(crns.len(), 3);
/// assert_ne!(crns[0], crns[1]);
/// ```
#[derive(Debug, Clone)]
pub struct Generator {
    seed: u64,
    next: u64,
    crn_offset: u64,
}

impl Generator {
    /// A generator for `seed`, starting at case 0.
    pub fn new(seed: u64) -> Self {
        let mut s = seed ^ 0x5EED_C0DE_0000_0001;
        Generator {
            seed,
            next: 0,
            crn_offset: splitmix64(&mut s) % 1_000_000,
        }
    }

    /// The seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Case number `index` of this seed, independent of every other case. CRNs are unique over any million
    /// consecutive indexes.
    pub fn case(&self, index: u64) -> Case {
        let mut state = self.seed ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03);
        let mut rng = Rng::new(splitmix64(&mut state));
        build_case(&mut rng, index, self.crn_offset)
    }
}

impl Iterator for Generator {
    type Item = Case;
    fn next(&mut self) -> Option<Case> {
        let case = self.case(self.next);
        self.next = self.next.wrapping_add(1);
        Some(case)
    }
}

/// The first `count` cases of `seed` (the same as `Generator::new(seed).take(count)`).
///
/// ```
/// let cases = probation_core::synth::generate(2026, 10);
/// assert_eq!(cases.len(), 10);
/// ```
pub fn generate(seed: u64, count: usize) -> Vec<Case> {
    Generator::new(seed).take(count).collect()
}

fn build_case(rng: &mut Rng, index: u64, crn_offset: u64) -> Case {
    let first_sentence = date_between(rng, FIRST_SENTENCE_FROM, LAST_SENTENCE);
    let mut profile = person::profile(rng, first_sentence);
    let events = sentence::events(rng, &profile, first_sentence);
    let person = person::person(rng, &profile, index, crn_offset, &events);
    let risk = risk::risk(rng, &mut profile, &events);
    let (contacts, enforcement) = history::history(rng, &profile, &events);
    let provider = provider(rng, &profile, &person, &events, &risk);
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&rng.next_u64().to_le_bytes());
    bytes[8..].copy_from_slice(&rng.next_u64().to_le_bytes());
    // The predictor step draws from a stream of its own, so it changes nothing above.
    let mut predictor_rng = Rng::new(rng.next_u64());
    let mut case = Case {
        schema_version: SchemaVersion::default(),
        case_id: Some(uuid::Builder::from_random_bytes(bytes).into_uuid()),
        person,
        provider,
        events,
        registrations: risk.registrations,
        assessments: risk.assessments,
        contacts,
        enforcement,
        latest_release_date: None,
        criminal_history: None,
        dynamic_answers: None,
        bookings: Vec::new(),
        recorded: crate::model::RecordedDecisions::default(),
    };
    predict::add(&mut predictor_rng, &mut case);
    case
}

/// The provider responsible now (or when supervision ended): by the era of the latest event's allocation, with
/// the NPS keeping the cases docs/rules/allocation.md reserves to it. A few cases are not yet allocated.
fn provider(
    rng: &mut Rng,
    profile: &person::Profile,
    person: &crate::model::Person,
    events: &[Event],
    risk: &risk::Risk,
) -> Option<Provider> {
    const TR_START: NaiveDate = ymd(2014, 6, 1);
    const UNIFIED: NaiveDate = ymd(2021, 6, 26);
    let last = events.last()?;
    if rng.chance(40) {
        return None;
    }
    let allocated = last.allocation_date.unwrap_or(last.sentence_date);
    let still_open = last.termination_date.is_none_or(|t| t >= UNIFIED);
    if allocated >= UNIFIED || (allocated >= TR_START && still_open) {
        return Some(Provider::ProbationService);
    }
    if allocated < TR_START {
        return Some(Provider::ProbationTrust);
    }
    let nps = risk.mappa
        || profile.rosh.is_high_or_above()
        || person.foreign_national_liable_to_deportation
        || risk.nps_flag
        || risk.rsr_at_allocation >= 6.9;
    Some(if nps {
        Provider::Nps(person.home_area.nps_division())
    } else {
        Provider::Crc(person.home_area)
    })
}

/// A date from its parts, for constants (falls back to `NaiveDate::MIN`, never reached for real dates).
pub(crate) const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(d) => d,
        None => NaiveDate::MIN,
    }
}

/// `d` plus `n` days (unchanged if that would leave chrono's range).
pub(crate) fn plus(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_add_days(Days::new(u64::from(n))).unwrap_or(d)
}

/// `d` minus `n` days.
pub(crate) fn minus(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_sub_days(Days::new(u64::from(n))).unwrap_or(d)
}

/// Whole days from `a` to `b` (0 when `b` is before `a`).
pub(crate) fn days_between(a: NaiveDate, b: NaiveDate) -> u32 {
    u32::try_from((b - a).num_days().max(0)).unwrap_or(u32::MAX)
}

/// A date in `from..=to` (`from` when `to` is earlier).
pub(crate) fn date_between(rng: &mut Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    plus(from, rng.range(0, days_between(from, to)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::{decode_case, encode_case};
    use crate::model::{RegisterCode, RoshLevel, Sentence, Sex};
    use crate::validate::validate;

    #[test]
    fn every_generated_case_is_valid_and_round_trips() {
        for seed in [0, 1, 42, u64::MAX] {
            for case in generate(seed, 300) {
                if let Err(e) = validate(&case) {
                    panic!("seed {seed}: {e}\n{}", encode_case(&case));
                }
                let json = encode_case(&case);
                assert_eq!(decode_case(&json).unwrap(), case);
            }
        }
    }

    #[test]
    fn mix_is_roughly_as_documented() {
        let cases = generate(99, 4000);
        let n = cases.len() as f64;
        let share = |f: &dyn Fn(&Case) -> bool| cases.iter().filter(|c| f(c)).count() as f64 / n;
        let first_type = |c: &Case, t: &str| {
            c.events.first().is_some_and(|e| {
                matches!(
                    (&e.sentence, t),
                    (Sentence::CommunityOrder { .. }, "co")
                        | (Sentence::SuspendedSentenceOrder { .. }, "sso")
                        | (Sentence::Custody { .. }, "custody")
                )
            })
        };
        let near = |x: f64, want: f64, tol: f64| (x - want).abs() <= tol;
        assert!(near(share(&|c| first_type(c, "co")), 0.45, 0.04));
        assert!(near(share(&|c| first_type(c, "sso")), 0.20, 0.03));
        assert!(near(share(&|c| first_type(c, "custody")), 0.35, 0.04));
        assert!(near(share(&|c| c.person.sex == Sex::Male), 0.85, 0.03));
        let mappa = share(&|c| c.registrations.iter().any(|r| r.code == RegisterCode::Mapp));
        assert!(near(mappa, 0.05, 0.025), "mappa {mappa}");
        let rosh = |l: RoshLevel| {
            share(&|c| {
                c.latest_assessment()
                    .and_then(|a| a.rosh.overall())
                    .is_some_and(|o| o == l)
            })
        };
        let assessed = share(&|c| c.latest_assessment().is_some());
        assert!(near(rosh(RoshLevel::High) / assessed, 0.09, 0.03));
        assert!(near(rosh(RoshLevel::VeryHigh) / assessed, 0.02, 0.012));
        assert!(
            share(&|c| c
                .registrations
                .iter()
                .any(|r| matches!(r.code, RegisterCode::Other(_))))
                > 0.005
        );
        assert!(share(&|c| c.registrations.iter().any(|r| r.deregistered.is_some())) > 0.05);
        assert!(share(&|c| !c.enforcement.is_empty()) > 0.05);
        assert!(share(&|c| c.person.pnc.is_some()) > 0.6);
        let tr_era = share(&|c| {
            c.events
                .first()
                .is_some_and(|e| (ymd(2014, 6, 1)..=ymd(2021, 6, 25)).contains(&e.sentence_date))
        });
        assert!(near(tr_era, 0.54, 0.05), "tr era {tr_era}");
    }

    #[test]
    fn crns_are_unique() {
        let mut crns: Vec<String> = generate(5, 5000)
            .iter()
            .map(|c| c.person.crn.as_str()[1..].to_owned())
            .collect();
        crns.sort();
        crns.dedup();
        assert_eq!(crns.len(), 5000);
    }
}
