"""Allocation + 2021 tier as Polars expressions (``pl.when`` chains) over a Polars DataFrame. Polars orders NaN
above every number, so NaN scores are turned into nulls before any comparison."""

from __future__ import annotations

import polars as pl

from . import COMPLEXITY, HIGH_ROSH, NEEDS, NPS_DIVISION, ROSH_POINTS, RSR_THRESHOLD, PS_START, TR_START, WALES_TO_NPS


def _points(rsr: pl.Expr, hi: float, lo: float, a: int, b: int) -> pl.Expr:
    return pl.when(rsr >= hi).then(a).when(rsr >= lo).then(b).otherwise(0)


def assess(df: pl.DataFrame) -> pl.DataFrame:
    """``provider``, ``tier``, ``protect_points``, ``change_points`` of every row."""
    s = pl.String
    home = pl.col("home_area").cast(s)
    on = pl.col("on")
    rosh_high = pl.col("assessed_rosh").cast(s).is_in(HIGH_ROSH) | pl.col("registered_rosh").cast(s).is_in(HIGH_ROSH)
    nps = (pl.col("mappa_eligible") | rosh_high.fill_null(False) | pl.col("foreign_national_liable_to_deportation")
           | pl.col("public_interest") | pl.col("terrorism") | (pl.col("rsr").fill_nan(None) >= RSR_THRESHOLD).fill_null(False)
           | ((home == "C10") & (on >= WALES_TO_NPS)))
    provider = (pl.when(on < TR_START).then(pl.lit("probation_trust"))
                .when(on >= PS_START).then(pl.lit("probation_service"))
                .when(nps).then(home.replace_strict(NPS_DIVISION, return_dtype=s))
                .otherwise(home))
    rsr = pl.col("tier_rsr" if "tier_rsr" in df.columns else "rsr").fill_nan(None).fill_null(0.0)
    rosh = pl.col("tier_rosh" if "tier_rosh" in df.columns else "registered_rosh").cast(s)
    rosh_points = rosh.replace_strict(ROSH_POINTS, default=0, return_dtype=pl.Int64).fill_null(0)
    mappa = pl.col("mappa_level")
    protect = (pl.max_horizontal(_points(rsr, 7.0, 3.0, 20, 10), rosh_points)
               + pl.when(mappa >= 2).then(150).when(mappa == 1).then(5).otherwise(0)
               + 2 * pl.sum_horizontal([pl.col(c).cast(pl.Int64) for c in COMPLEXITY])
               + pl.when(pl.col("female")).then(2 * pl.sum_horizontal(
                   [pl.col(c).cast(pl.Int64) for c in ("parenting_responsibilities", "impulsivity_or_temper",
                                                       "breach_or_recall_last_12_months")])).otherwise(0))
    ogrs = (pl.col("ogrs").fill_nan(None).fill_null(0.0) / 10).floor().clip(0, 10).cast(pl.Int64)
    change = (pl.sum_horizontal([w * pl.col(c).cast(pl.Int64) for c, w in NEEDS.items() if w]) + ogrs
              + 2 * pl.col("iom").cast(pl.Int64))
    scored = pl.col("has_mandate") & pl.col("has_assessment")
    level = (pl.when(~pl.col("has_mandate")).then(0).when(~pl.col("has_assessment")).then(2)
             .when(pl.col("_change") >= 20).then(3).when(pl.col("_change") >= 10).then(2).otherwise(1))
    letter = (pl.when(pl.col("_protect") >= 150).then(pl.lit("A")).when(pl.col("_protect") >= 20).then(pl.lit("B"))
              .when(pl.col("_protect") >= 10).then(pl.lit("C")).otherwise(pl.lit("D")))
    return (df.lazy()
            .select(provider.alias("provider"), protect.alias("_protect"), change.alias("_change"), scored.alias("_s"),
                    pl.col("has_mandate"), pl.col("has_assessment"), pl.col("unsupervised"))
            .select(pl.col("provider"),
                    pl.concat_str([letter, level.cast(s), pl.when(pl.col("unsupervised")).then(pl.lit("S"))
                                   .otherwise(pl.lit(""))]).alias("tier"),
                    pl.col("_protect").cast(pl.UInt32).alias("protect_points"),
                    pl.when(pl.col("_s")).then(pl.col("_change")).otherwise(0).cast(pl.UInt32).alias("change_points"))
            .collect(engine="in-memory"))
