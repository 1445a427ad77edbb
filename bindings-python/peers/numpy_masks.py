"""Allocation + 2021 tier with numpy masks over a pandas DataFrame (categoricals read through their codes)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import COMPLEXITY, HIGH_ROSH, NEEDS, NPS_DIVISION, ROSH_POINTS, RSR_THRESHOLD, PS_START, TR_START, WALES_TO_NPS


def _lut(cat: pd.Series, values: dict[str, int], missing: int = 0) -> np.ndarray:
    """Per-row value of a categorical through a lookup on its categories (code -1 → ``missing``)."""
    table = np.array([values.get(str(c), missing) for c in cat.cat.categories] + [missing], dtype=np.int64)
    return table[cat.cat.codes.to_numpy()]


def assess(df: pd.DataFrame) -> pd.DataFrame:
    """``provider``, ``tier``, ``protect_points``, ``change_points`` of every row."""
    on = df["on"].to_numpy().astype("datetime64[D]")
    # §3 allocation
    high = {k: 1 for k in HIGH_ROSH}
    rosh_high = (_lut(df["assessed_rosh"], high) | _lut(df["registered_rosh"], high)).astype(bool)
    home = df["home_area"].astype("category")
    wales = (np.asarray(home.cat.categories) == "C10")[home.cat.codes.to_numpy()] & (on >= np.datetime64(WALES_TO_NPS))
    nps = (df["mappa_eligible"].to_numpy() | rosh_high | df["foreign_national_liable_to_deportation"].to_numpy()
           | df["public_interest"].to_numpy() | df["terrorism"].to_numpy()
           | (df["rsr"].to_numpy() >= RSR_THRESHOLD) | wales)
    providers = list(home.cat.categories) + sorted(set(NPS_DIVISION.values())) + ["probation_trust", "probation_service"]
    index = {p: i for i, p in enumerate(providers)}
    division = np.array([index[NPS_DIVISION[h]] for h in home.cat.categories])
    codes = home.cat.codes.to_numpy()
    provider = np.where(nps, division[codes], codes)
    provider = np.where(on < np.datetime64(TR_START), index["probation_trust"], provider)
    provider = np.where(on >= np.datetime64(PS_START), index["probation_service"], provider)
    # §4 tier: protect
    rsr = (df["tier_rsr"] if "tier_rsr" in df else df["rsr"]).to_numpy()
    rosh = df["tier_rosh"] if "tier_rosh" in df else df["registered_rosh"]
    rsr_points = np.where(rsr >= 7.0, 20, np.where(rsr >= 3.0, 10, 0))
    protect = np.maximum(rsr_points, _lut(rosh, ROSH_POINTS))
    protect += np.array([0, 5, 150, 150])[df["mappa_level"].to_numpy()]
    protect += 2 * sum(df[c].to_numpy().astype(np.int64) for c in COMPLEXITY)
    womens = (df["parenting_responsibilities"].to_numpy().astype(np.int64) + df["impulsivity_or_temper"].to_numpy()
              + df["breach_or_recall_last_12_months"].to_numpy())
    protect += np.where(df["female"].to_numpy(), 2 * womens, 0)
    letter = np.where(protect >= 150, 0, np.where(protect >= 20, 1, np.where(protect >= 10, 2, 3)))
    # §4 tier: change
    ogrs = np.nan_to_num(df["ogrs"].to_numpy(), nan=0.0)
    change = sum(w * df[c].to_numpy().astype(np.int64) for c, w in NEEDS.items() if w)
    change = change + np.clip(np.floor(ogrs / 10), 0, 10).astype(np.int64) + 2 * df["iom"].to_numpy()
    level = np.where(change >= 20, 3, np.where(change >= 10, 2, 1))
    assessed, mandate = df["has_assessment"].to_numpy(), df["has_mandate"].to_numpy()
    level = np.where(mandate, np.where(assessed, level, 2), 0)
    change = np.where(mandate & assessed, change, 0)
    names = np.array([f"{'ABCD'[i // 10]}{(i % 10) // 2}{'S' if i % 2 else ''}" for i in range(40)])
    tier = names[letter * 10 + level * 2 + df["unsupervised"].to_numpy()]
    return pd.DataFrame({
        "provider": pd.Categorical.from_codes(provider, categories=providers),
        "tier": pd.Categorical(tier),
        "protect_points": protect.astype(np.uint32),
        "change_points": change.astype(np.uint32),
    }, index=df.index)
