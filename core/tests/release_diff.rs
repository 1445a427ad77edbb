//! Differential dump of the release calculation (issue 14 performance work): the JSON of the dates (or the
//! error) of 100,000 random bookings, one line each, so that two builds can be compared byte for byte. Ignored
//! by default; run `RELEASE_DIFF_OUT=/tmp/x.txt cargo test -p probation-core --test release_diff -- --ignored`
//! on each build and compare the files.
#![cfg(test)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation,
    clippy::print_stdout,
    reason = "test code; the counts and hash are its report"
)]

use std::fmt::Write as _;

use chrono::{Days, NaiveDate};
use probation_core::calendar::Calendar;
use probation_core::model::{
    Booking, CustodialKind, CustodialSentence, DayAward, Deduction, EarlyReleaseExclusion as X,
    Length, Person, RecallEvent, RecallKind, UalPeriod,
};
use probation_core::release::{ReleaseOptions, StatuteOptions, release_dates};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

fn day(i: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2008, 1, 1).unwrap() + Days::new(i)
}

fn term(r: &mut Rng) -> Length {
    match r.below(4) {
        0 => Length::months(1 + r.below(60) as u16),
        1 => Length::years(1 + r.below(8) as u16),
        2 => Length::days(1 + r.below(400) as u16),
        _ => {
            let l = Length {
                years: r.below(4) as u16,
                months: r.below(12) as u16,
                weeks: r.below(8) as u16,
                days: r.below(30) as u16,
            };
            if l.is_zero() { Length::days(1) } else { l }
        }
    }
}

const EXCLUSIONS: [X; 10] = [
    X::Sexual,
    X::DomesticAbuse,
    X::NationalSecurity,
    X::Terrorism,
    X::Violent,
    X::SexualT3,
    X::DomesticAbuseT3,
    X::MurderT3,
    X::ProgressionModelSchedule13Part3,
    X::Sa2026ProgressionModelSchedule,
];

fn booking(r: &mut Rng) -> Booking {
    let start = r.below(7_300);
    let n = 1 + r.below(6) as usize;
    let mut sentences: Vec<CustodialSentence> = Vec::new();
    for i in 0..n {
        let sd = day(start + if r.chance(50) { 0 } else { r.below(120) });
        let back = r.below(3_000);
        let od = sd.checked_sub_days(Days::new(back)).unwrap();
        let mut s = CustodialSentence::sds(sd, od, term(r));
        if r.chance(2) {
            s.kind = CustodialKind::Extended;
        }
        s.sds_plus = r.chance(10);
        s.sds_plus_eligible = !s.sds_plus && r.chance(5);
        s.section_250 = r.chance(8);
        if r.chance(25) {
            s.exclusions.push(EXCLUSIONS[r.below(10) as usize]);
        }
        if i > 0 && r.chance(45) {
            let to = r.below(i as u64) as u32;
            if !sentences.iter().any(|p| p.consecutive_to == Some(to)) || r.chance(3) {
                s.consecutive_to = Some(to);
            }
        }
        sentences.push(s);
    }
    let first = sentences.iter().map(|s| s.sentence_date).min().unwrap();
    let mut b = Booking {
        sentences,
        ..Booking::default()
    };
    let ded = |r: &mut Rng| Deduction {
        days: 1 + r.below(300) as u32,
        sentence: if r.chance(50) {
            Some(r.below(n as u64) as u32)
        } else {
            None
        },
    };
    for _ in 0..r.below(3) {
        b.remand.push(ded(r));
    }
    for _ in 0..r.below(2) {
        b.tagged_bail.push(ded(r));
    }
    for _ in 0..r.below(3) {
        b.unlawfully_at_large.push(UalPeriod {
            from: first + Days::new(r.below(900)),
            days: 1 + r.below(40) as u32,
        });
    }
    for _ in 0..r.below(3) {
        b.additional_days.push(DayAward {
            date: first + Days::new(r.below(600)),
            days: 1 + r.below(30) as u32,
        });
    }
    if r.chance(10) {
        b.restored_days.push(DayAward {
            date: first + Days::new(r.below(700)),
            days: 1 + r.below(10) as u32,
        });
    }
    if r.chance(12) {
        let kinds = [
            RecallKind::FixedTerm14,
            RecallKind::FixedTerm28,
            RecallKind::FixedTerm56,
            RecallKind::Standard,
            RecallKind::FromHdc,
        ];
        b.recalls.push(RecallEvent {
            kind: kinds[r.below(5) as usize],
            revocation_date: None,
            return_to_custody: first + Days::new(r.below(2_000)),
        });
    }
    b.hdc_excluded = r.chance(5);
    if r.chance(10) {
        b.release_date = Some(first + Days::new(r.below(900)));
    }
    b
}

fn person(r: &mut Rng) -> Person {
    let dob = day(0)
        .checked_sub_days(Days::new(r.below(365 * 45)))
        .unwrap()
        + Days::new(365 * 8);
    serde_json::from_value(serde_json::json!({
        "crn": "X320741", "date_of_birth": dob, "sex": "male", "home_area": "C17",
        "foreign_national_liable_to_deportation": r.chance(25),
    }))
    .unwrap()
}

#[test]
#[ignore = "a differential dump, compared between builds by hand"]
fn dump() {
    let cal = Calendar::england_and_wales();
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out = String::new();
    let (mut ok, mut err) = (0u32, 0u32);
    for _ in 0..100_000 {
        let p = person(&mut r);
        let b = booking(&mut r);
        let first = b.sentences[0].sentence_date;
        let on = first + Days::new(r.below(1_500));
        let options = ReleaseOptions {
            law_as_at: if r.chance(10) {
                Some(day(r.below(7_300)))
            } else {
                None
            },
            statute: StatuteOptions {
                hdc_four_year_bar: r.chance(10),
                discharge_day: r.chance(15),
                pss_repealed: r.chance(10),
            },
        };
        match release_dates(&p, &b, on, &options, &cal) {
            Ok(d) => {
                ok += 1;
                out.push_str(&serde_json::to_string(&d).unwrap());
            }
            Err(e) => {
                err += 1;
                write!(out, "{e:?}").unwrap();
            }
        }
        out.push('\n');
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in out.bytes() {
        h = (h ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3);
    }
    println!("calculated {ok}, refused {err}, fnv {h:016x}");
    if let Ok(path) = std::env::var("RELEASE_DIFF_OUT") {
        std::fs::write(path, out).unwrap();
    }
}
