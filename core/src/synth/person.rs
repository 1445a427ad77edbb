//! The person: age, sex, home area, identifiers and name.

use chrono::{Datelike, Months, NaiveDate};

use super::rng::Rng;
use super::{minus, names};
use crate::ids::{Crn, Pnc, PrisonNumber};
use crate::model::{CrcArea, Event, Person, RoshLevel, Sex};

/// What the rest of the case is generated from.
#[derive(Debug, Clone)]
pub(crate) struct Profile {
    pub(crate) date_of_birth: NaiveDate,
    pub(crate) sex: Sex,
    /// Overall RoSH at the newest assessment (set by the risk step).
    pub(crate) rosh: RoshLevel,
    /// Chance per contact of an unacceptable absence, per mille.
    pub(crate) unacceptable: u32,
    /// Chance per contact of an acceptable absence, per mille.
    pub(crate) acceptable: u32,
}

impl Profile {
    /// Age in whole years on `on`.
    pub(crate) fn age_on(&self, on: NaiveDate) -> u32 {
        on.years_since(self.date_of_birth).unwrap_or(0)
    }
}

/// Age bands at first sentence, weighted towards the 20s and 30s.
const AGE_BANDS: &[((u32, u32), u32)] = &[
    ((18, 20), 100),
    ((21, 24), 140),
    ((25, 29), 180),
    ((30, 34), 170),
    ((35, 39), 130),
    ((40, 49), 170),
    ((50, 59), 80),
    ((60, 70), 30),
];

/// Relative caseload sizes of the home areas (larger for the big conurbations).
const AREAS: &[(CrcArea, u32)] = &[
    (CrcArea::C01, 4),
    (CrcArea::C02, 5),
    (CrcArea::C03, 3),
    (CrcArea::C04, 6),
    (CrcArea::C05, 7),
    (CrcArea::C06, 5),
    (CrcArea::C07, 10),
    (CrcArea::C08, 7),
    (CrcArea::C09, 4),
    (CrcArea::C10, 6),
    (CrcArea::C11, 10),
    (CrcArea::C12, 4),
    (CrcArea::C13, 5),
    (CrcArea::C14, 3),
    (CrcArea::C15, 5),
    (CrcArea::C16, 5),
    (CrcArea::C17, 14),
    (CrcArea::C18, 4),
    (CrcArea::C19, 4),
    (CrcArea::C20, 4),
    (CrcArea::C21, 7),
];

pub(crate) fn profile(rng: &mut Rng, first_sentence: NaiveDate) -> Profile {
    let (lo, hi) = rng.weighted(AGE_BANDS).unwrap_or((25, 29));
    let age = rng.range(lo, hi);
    let birthday = first_sentence
        .checked_sub_months(Months::new(age * 12))
        .unwrap_or(first_sentence);
    let date_of_birth = minus(birthday, rng.range(1, 360));
    let sex = rng
        .weighted(&[(Sex::Male, 850), (Sex::Female, 145), (Sex::NotSpecified, 5)])
        .unwrap_or(Sex::Male);
    let (unacceptable, acceptable) = rng
        .weighted(&[((20, 50), 700), ((100, 80), 220), ((250, 80), 80)])
        .unwrap_or((20, 50));
    Profile {
        date_of_birth,
        sex,
        rosh: RoshLevel::Low,
        unacceptable,
        acceptable,
    }
}

const CRN_LETTERS: &[u8] = b"ABCDEFGHJKLMNPRSTVWXYZ";
const PNC_CHECK: &[u8; 23] = b"ZABCDEFGHJKLMNPQRTUVWXY";

pub(crate) fn person(
    rng: &mut Rng,
    profile: &Profile,
    index: u64,
    crn_offset: u64,
    events: &[Event],
) -> Person {
    let letter = rng.pick(CRN_LETTERS).copied().unwrap_or(b'X');
    // 7919 is prime and coprime with 10⁶, so the digits differ for any 10⁶ consecutive indexes.
    let digits = (index.wrapping_mul(7919).wrapping_add(crn_offset)) % 1_000_000;
    let crn = Crn::from_parts(letter, u32::try_from(digits).unwrap_or(0));
    let custody = events.iter().any(|e| e.sentence.is_custodial());
    let first_sentence = events
        .first()
        .map_or(profile.date_of_birth, |e| e.sentence_date);
    let pnc = if custody || rng.chance(650) {
        let from = (profile.date_of_birth.year() + 14).max(1980);
        let year = u32::try_from(from).unwrap_or(1980);
        let to = u32::try_from(first_sentence.year()).unwrap_or(year);
        let year = rng.range(year, to.max(year));
        pnc(year, rng.range(1, 999_999))
    } else {
        None
    };
    let prison_number = if custody {
        let l = |rng: &mut Rng| char::from(b'A' + u8::try_from(rng.range(0, 25)).unwrap_or(0));
        let first = if rng.chance(700) { 'A' } else { 'G' };
        let n = rng.range(1000, 9999);
        PrisonNumber::parse(&format!("{first}{n}{}{}", l(rng), l(rng))).ok()
    } else {
        None
    };
    let name = if rng.chance(970) {
        Some(names::name(rng, profile.sex))
    } else {
        None
    };
    let home_area = rng.weighted(AREAS).unwrap_or(CrcArea::C17);
    Person {
        crn,
        pnc,
        prison_number,
        name,
        date_of_birth: profile.date_of_birth,
        sex: profile.sex,
        foreign_national_liable_to_deportation: rng.chance(20),
        home_area,
        rsr: None,
        ogrs: None,
    }
}

/// A PNC id with its correct check character ([V-code] hmpps-person-record `PNCIdValidator`).
pub(crate) fn pnc(year: u32, serial: u32) -> Option<Pnc> {
    let n = u64::from(year % 100) * 10_000_000 + u64::from(serial);
    let check = PNC_CHECK.get(usize::try_from(n % 23).ok()?)?;
    Pnc::parse(&format!("{year:04}/{serial:07}{}", char::from(*check))).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pnc_check_characters_are_right() {
        assert_eq!(pnc(2004, 12345).unwrap().as_str(), "2004/0012345D");
        for serial in [1, 99, 123_456, 999_999] {
            assert!(pnc(1999, serial).is_some());
        }
    }
}
