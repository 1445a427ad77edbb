//! Custodial sentences: SED, CRD or ARD, licence, post-sentence supervision.
//!
//! How the credit is applied: remand and tagged-bail days are summed and deducted, day for day, from SED, CRD (or
//! ARD) and LED; TUSED is the CRD after credit + 12 months — as calculate-release-dates-api does. A date
//! the deduction would move before the sentence date is the sentence date itself (immediate release). The PSS
//! conditions about length (more than 1 day, under 2 years, licence under a year) are checked on the sentence as
//! pronounced, before credit.

use chrono::NaiveDate;

use super::pss::{self, Facts};
use super::{SentenceDates, SentenceError, SupervisionKind, add_days, add_months, rules};
use crate::model::{CustodyKind, Event, Length, Person};

const LENGTH: &str = "sentence.length";
const REMAND: &str = "sentence.remand_days";

/// The custody fields of an event.
pub(super) struct Custody<'a> {
    pub length: &'a Length,
    pub kind: CustodyKind,
    /// (remand days, tagged-bail days).
    pub credit: (u32, u32),
    pub release_date: Option<NaiveDate>,
}

pub(super) fn custody(
    out: &mut SentenceDates,
    person: &Person,
    event: &Event,
    c: &Custody<'_>,
) -> Result<(), SentenceError> {
    out.custody_kind = Some(c.kind);
    let start = event.sentence_date;
    if c.kind == CustodyKind::Life {
        // No SED, CRD or LED; the licence after a Parole Board release is indeterminate, so no period is listed.
        out.fired(&rules::LIFE);
        return Ok(());
    }
    let days = super::length_in_days(c.length, start, LENGTH)?;
    out.length_days = Some(days);
    out.fired(&rules::LENGTH_IN_DAYS);
    let credit = u64::from(c.credit.0) + u64::from(c.credit.1);
    if credit > u64::from(days) {
        return Err(SentenceError::CreditExceedsSentence { field: REMAND });
    }
    let credit = u32::try_from(credit)
        .map_err(|_| SentenceError::CreditExceedsSentence { field: REMAND })?;
    out.credit_days = credit;
    if credit > 0 {
        out.fired(&rules::CUSTODY_CREDIT);
    }
    let credit = i64::from(credit);

    // Before credit.
    let sed_unadjusted = add_days(start, i64::from(days) - 1, LENGTH)?;
    let half_unadjusted = add_days(start, i64::from(days.div_ceil(2)) - 1, LENGTH)?;
    // After credit, never before the sentence date.
    let sed = add_days(sed_unadjusted, -credit, REMAND)?.max(start);
    let half = add_days(half_unadjusted, -credit, REMAND)?;
    let immediate = half <= start;
    let half = half.max(start);
    out.sentence_expiry = out.key(sed, &rules::SENTENCE_EXPIRY);

    let two_years_days = Length::years(2)
        .days_from(start)
        .ok_or(SentenceError::DateOutOfRange { field: LENGTH })?;
    let eligibility = pss::eligibility(&Facts {
        offence_date: event.offence_date,
        days,
        two_years_days,
        age_at_release: person.age_on(half),
        extended: c.kind == CustodyKind::Extended,
    });
    for f in &eligibility.failed {
        out.fired(f.rule());
    }

    if c.kind == CustodyKind::Extended {
        out.fired(&rules::EXTENDED);
        out.licence_expiry = out.key(sed, &rules::LICENCE_EXPIRY);
        if let Some(r) = c.release_date {
            out.period(SupervisionKind::Licence, r, sed);
        }
        out.post_sentence_supervision = Some(eligibility);
        return Ok(());
    }

    // Unconditional release: a 1-day sentence, or under 12 months for an offence before 1 February 2015.
    let twelve_months_days = Length::months(12)
        .days_from(start)
        .ok_or(SentenceError::DateOutOfRange { field: LENGTH })?;
    let unconditional = if days <= 1 {
        Some(&rules::AUTOMATIC_RELEASE_ONE_DAY)
    } else if event.offence_date < pss::ORA_COMMENCEMENT && days < twelve_months_days {
        Some(&rules::AUTOMATIC_RELEASE_PRE_ORA)
    } else if days < twelve_months_days && person.age_on(half) < 18 {
        // s.243A(1)(b) as amended by ORA 2014: under 18 on the release date after credit (docs/rules/release.md).
        Some(&rules::AUTOMATIC_RELEASE_UNDER_18)
    } else {
        None
    };
    if let Some(rule) = unconditional {
        out.automatic_release = out.key(half, rule);
        if immediate {
            out.fired(&rules::IMMEDIATE_RELEASE);
        }
        out.post_sentence_supervision = Some(eligibility);
        return Ok(());
    }

    out.conditional_release = out.key(half, &rules::CONDITIONAL_RELEASE);
    if immediate {
        out.fired(&rules::IMMEDIATE_RELEASE);
    }
    out.licence_expiry = out.key(sed, &rules::LICENCE_EXPIRY);
    out.period(
        SupervisionKind::Licence,
        c.release_date.unwrap_or(half),
        sed,
    );

    if eligibility.applies {
        // TUSED = (CRD after credit) + 12 months (docs/rules/release.md): the credit is deducted before the months are
        // added, so the two differ when the year crosses 29 February. Immediate release: sentence date + 12 months.
        let tused = add_months(half, 12, REMAND)?;
        out.top_up_supervision_expiry = out.key(tused, &rules::TUSED);
        out.period(
            SupervisionKind::PostSentenceSupervision,
            add_days(sed, 1, LENGTH)?,
            tused,
        );
    }
    out.post_sentence_supervision = Some(eligibility);
    Ok(())
}
