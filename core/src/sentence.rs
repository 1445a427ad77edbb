//! TEMPORARY stand-in for branch `cal`'s sentence dates (API of CONTRACTS.md), removed when `cal` is merged.
#![allow(missing_docs, reason = "temporary stand-in")]

use chrono::{Days, Months, NaiveDate};
use serde::Serialize;

use crate::model::{Event, Person, Sentence};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SentenceError {
    #[error("date out of range")]
    OutOfRange,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SupervisionKind {
    CommunityOrder,
    SuspendedSentenceOrder,
    Licence,
    PostSentenceSupervision,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SupervisionPeriod {
    pub kind: SupervisionKind,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

#[derive(Debug, Clone, Serialize)]
pub struct SentenceDates {
    pub supervision: Vec<SupervisionPeriod>,
}

pub fn sentence_dates(_person: &Person, event: &Event) -> Result<SentenceDates, SentenceError> {
    let s = event.sentence_date;
    let mut supervision = Vec::new();
    match &event.sentence {
        Sentence::CommunityOrder { length, .. } => supervision.push(SupervisionPeriod {
            kind: SupervisionKind::CommunityOrder,
            start: s,
            end: length.end_date(s).ok_or(SentenceError::OutOfRange)?,
        }),
        Sentence::SuspendedSentenceOrder {
            supervision_period: Some(p),
            ..
        } => supervision.push(SupervisionPeriod {
            kind: SupervisionKind::SuspendedSentenceOrder,
            start: s,
            end: p.end_date(s).ok_or(SentenceError::OutOfRange)?,
        }),
        Sentence::SuspendedSentenceOrder { .. } => {}
        Sentence::Custody {
            length,
            release_date,
            remand_days,
            tagged_bail_days,
            ..
        } => {
            let days = length.days_from(s).ok_or(SentenceError::OutOfRange)?;
            let sed = length.end_date(s).ok_or(SentenceError::OutOfRange)?;
            let crd = s + Days::new(u64::from(days.div_ceil(2)) - 1)
                - Days::new(u64::from(*remand_days + *tagged_bail_days));
            let release = release_date.unwrap_or(crd);
            supervision.push(SupervisionPeriod {
                kind: SupervisionKind::Licence,
                start: release,
                end: sed,
            });
            let tused = crd + Months::new(12);
            if days > 1
                && days < 730
                && event.offence_date
                    >= NaiveDate::from_ymd_opt(2015, 2, 1).unwrap_or(NaiveDate::MAX)
                && sed < tused
            {
                supervision.push(SupervisionPeriod {
                    kind: SupervisionKind::PostSentenceSupervision,
                    start: sed + Days::new(1),
                    end: tused,
                });
            }
        }
    }
    Ok(SentenceDates { supervision })
}
