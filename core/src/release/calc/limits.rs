//! The cases docs/rules/release.md refuses rather than guess ("Not modelled" in RELEASE.md terms): each check
//! returns a typed `unsupported` (or, for the fixed-term recall length tests, `invalid`) error naming the field.

use super::day::Day;
use super::{Ctx, Extract, R, effective_length, invalid, unsupported};
use crate::model::RecallKind;

/// CJA 1991 single term (RELEASE.md §9.2, §11.9): concurrent 1991-Act sentences imposed on different dates, none
/// consecutive and none recalled, are served as one term from the earliest sentence date to the latest expiry;
/// the calculator builds it from the first two sentences only, so the library refuses the booking.
pub(super) fn single_term_1991(ctx: &Ctx<'_>) -> R<()> {
    let n = ctx.b.sentences.len();
    if n < 2
        || ctx.chains.len() != n
        || ctx.recall.is_some()
        || !ctx.fixed.iter().all(|f| f.all_1991)
    {
        return Ok(());
    }
    let Some(first) = ctx.b.sentences.first().map(|s| s.sentence_date) else {
        return Ok(());
    };
    match ctx
        .b
        .sentences
        .iter()
        .position(|s| s.sentence_date != first)
    {
        Some(i) => Err(unsupported(
            format!("sentences[{i}].sentence_date"),
            "concurrent 1991 Act sentences on different dates (the single-term rule) are not calculated",
        )),
        None => Ok(()),
    }
}

/// The ORA/non-ORA special case of concurrent extraction (RELEASE.md §9.4): the driving release is an ARD, the
/// effective length is under 4 years, and the booking holds an ORA sentence and a non-ORA sentence under 12 months.
pub(super) fn ora_non_ora(ctx: &Ctx<'_>, e: &Extract) -> R<()> {
    if ctx.chains.len() < 2
        || e.release_kind != super::Release::Ard
        || effective_length(e).years >= 4
    {
        return Ok(());
    }
    let any_ora = ctx.fixed.iter().any(|f| f.any_ora);
    let short_non_ora = ctx
        .fixed
        .iter()
        .zip(ctx.chains.iter())
        .find(|(f, _)| !f.any_ora && f.under_12m);
    match (any_ora, short_non_ora) {
        (true, Some((_, chain))) => {
            let i = chain.first().copied().unwrap_or(0);
            Err(unsupported(
                format!("sentences[{i}].offence_date"),
                "concurrent ORA and non-ORA sentences released unconditionally (the ORA/non-ORA special case) are not calculated",
            ))
        }
        _ => Ok(()),
    }
}

/// UAL, ADA or RADA applying on or after an SDS40 tranche date and before the release, when the HDCED or ERSED is
/// moved to the tranche date or the 50 % date: the calculator adds them back afterwards
/// (`TimelinePostSDS40TrancheAdjustmentService`, RELEASE.md §5.4), which the library does not model.
pub(super) fn post_tranche_adjustments(
    ctx: &Ctx<'_>,
    early: &Extract,
    t: Day,
    release: Day,
) -> R<()> {
    let moved = |d: Option<(Day, u32)>| d.is_some_and(|(x, _)| x < t);
    if !moved(early.hdced) && !moved(early.ersed) {
        return Ok(());
    }
    let within = |d: chrono::NaiveDate| {
        let d = Day::of(d);
        d >= t && d < release
    };
    let reason =
        "UAL, ADA or RADA after an SDS40 tranche date moving an HDCED or ERSED is not calculated";
    if let Some(i) = ctx
        .b
        .unlawfully_at_large
        .iter()
        .position(|u| within(u.from))
    {
        return Err(unsupported(
            format!("unlawfully_at_large[{i}].from"),
            reason,
        ));
    }
    for (name, list) in [
        ("additional_days", &ctx.b.additional_days),
        ("restored_days", &ctx.b.restored_days),
    ] {
        if let Some(i) = list.iter().position(|a| within(a.date)) {
            return Err(unsupported(format!("{name}[{i}].date"), reason));
        }
    }
    Ok(())
}

/// The fixed-term recall length tests (RELEASE.md §15.5) and the mixed-duration rule (§15.3): a 14-day recall needs
/// every sentence under 12 months, a 28-day recall one of 12 months or more (a chain tested on all its units added);
/// a 28-day recall of a booking with sentences on both sides of 12 months and a SLED is refused.
pub(super) fn fixed_term_lengths(ctx: &Ctx<'_>, kind: RecallKind, is_sled: bool) -> R<()> {
    let any_long = ctx.fixed.iter().any(|f| !f.under_12m);
    let any_short = ctx.fixed.iter().any(|f| f.under_12m);
    match kind {
        RecallKind::FixedTerm14 if any_long => Err(invalid(
            "recalls[0].kind".into(),
            "a 14-day fixed-term recall needs every sentence under 12 months",
        )),
        RecallKind::FixedTerm28 if !any_long => Err(invalid(
            "recalls[0].kind".into(),
            "a 28-day fixed-term recall needs a sentence of 12 months or more",
        )),
        RecallKind::FixedTerm28 if any_short && is_sled => Err(unsupported(
            "recalls[0].kind".into(),
            "a fixed-term recall of sentences under and over 12 months (the mixed-duration rule) is not calculated",
        )),
        _ => Ok(()),
    }
}
