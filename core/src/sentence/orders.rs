//! Community orders and suspended sentence orders: end dates and supervision periods.

use super::{SentenceDates, SentenceError, SupervisionKind, length_in_days, rules};
use crate::model::Length;

/// The last day of a term, or `DateOutOfRange` naming `field`. Zero lengths are refused first by
/// [`length_in_days`].
fn end(
    out: &SentenceDates,
    length: &Length,
    field: &'static str,
) -> Result<chrono::NaiveDate, SentenceError> {
    length
        .end_date(out.sentence_date)
        .ok_or(SentenceError::DateOutOfRange { field })
}

pub(super) fn community_order(
    out: &mut SentenceDates,
    length: &Length,
) -> Result<(), SentenceError> {
    const FIELD: &str = "sentence.length";
    out.length_days = Some(length_in_days(length, out.sentence_date, FIELD)?);
    out.fired(&rules::LENGTH_IN_DAYS);
    let last = end(out, length, FIELD)?;
    out.order_end = out.key(last, &rules::COMMUNITY_ORDER_END);
    out.period(SupervisionKind::CommunityOrder, out.sentence_date, last);
    Ok(())
}

pub(super) fn suspended(
    out: &mut SentenceDates,
    custodial_term: &Length,
    operational_period: &Length,
    supervision_period: Option<&Length>,
) -> Result<(), SentenceError> {
    const TERM: &str = "sentence.custodial_term";
    const OPERATIONAL: &str = "sentence.operational_period";
    const SUPERVISION: &str = "sentence.supervision_period";
    out.length_days = Some(length_in_days(custodial_term, out.sentence_date, TERM)?);
    out.fired(&rules::LENGTH_IN_DAYS);
    length_in_days(operational_period, out.sentence_date, OPERATIONAL)?;
    let operational = end(out, operational_period, OPERATIONAL)?;
    out.operational_period_end = out.key(operational, &rules::SSO_OPERATIONAL_END);
    if let Some(s) = supervision_period {
        length_in_days(s, out.sentence_date, SUPERVISION)?;
        let last = end(out, s, SUPERVISION)?;
        out.supervision_period_end = out.key(last, &rules::SSO_SUPERVISION_END);
        out.period(
            SupervisionKind::SuspendedSentenceOrder,
            out.sentence_date,
            last,
        );
    } else {
        out.fired(&rules::SSO_SUPERVISION_END);
    }
    Ok(())
}
