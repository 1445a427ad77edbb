"""Benchmark (not a test): cases per second for allocation + tier through the binding — columnar (pandas and
pyarrow) and lists of `Case` — and through the plain-Python reference (tests/reference.py) over the same
columns; prints the ratio.

    python bindings-python/bench.py [--rows 1000000] [--repeat 3]

Build the package with `maturin develop --release` first: a debug build is 10-50x slower. Single-threaded
throughout (the binding runs on the calling thread with the GIL released).
"""

from __future__ import annotations

import argparse
import datetime
import pathlib
import sys
import time
from typing import Any, Callable

import numpy as np
import pandas as pd
import pyarrow as pa

import probation

sys.path.insert(0, str(pathlib.Path(__file__).parent / "tests"))
import reference as ref  # noqa: E402

ON = datetime.date(2018, 6, 1)
SEED = 2026


CPU = True  # time with process CPU time (see --wall)


def best(fn: Callable[[], Any], repeat: int) -> float:
    """Best of `repeat` runs, in process CPU seconds (every measured path runs on one thread, so this is the time
    on one core, unaffected by other processes competing for the machine) or wall seconds with --wall."""
    clock = time.process_time if CPU else time.perf_counter
    times = []
    for _ in range(repeat):
        t = clock()
        fn()
        times.append(clock() - t)
    return min(times)


def reference_rows(table: pd.DataFrame) -> Callable[[], None]:
    """The reference's decisions over the table's rows (columns turned into Python lists beforehand, untimed)."""
    cols = {c: table[c].tolist() for c in table.columns}
    cols["on"] = table["on"].dt.date.tolist()
    n = len(table)
    rosh_rank = ref.ROSH_ORDER
    needs = [(name, ref.NEED_WEIGHTS[name.removeprefix("need_")]) for name in ref_need_columns()]
    complexity = ["mental_health", "self_harm", "vulnerability", "child_concerns", "risk_to_children",
                  "public_interest", "adult_at_risk", "street_gangs", "terrorism"]

    def nan_none(v: Any) -> Any:
        return None if v is None or v != v else v

    def run() -> None:
        for i in range(n):
            assessed = nan_none(cols["assessed_rosh"][i])
            registered = nan_none(cols["registered_rosh"][i])
            rsr = nan_none(cols["rsr"][i])
            f = ref.AllocationFacts(
                on=cols["on"][i],
                home_area=cols["home_area"][i],
                mappa=cols["mappa_eligible"][i],
                rosh_high=any(x is not None and rosh_rank[x] >= 2 for x in (assessed, registered)),
                foreign_national=cols["foreign_national_liable_to_deportation"][i],
                public_interest=cols["public_interest"][i],
                terrorism=cols["terrorism"][i],
                rsr=rsr or 0.0,
            )
            ref.allocate_facts(f)
            t = ref.TierInputs(
                rosh=registered,
                rsr=rsr or 0.0,
                mappa_level=cols["mappa_level"][i],
                complexity_factors=sum(1 for c in complexity if cols[c][i]),
                female=cols["female"][i],
                parenting_responsibilities=cols["parenting_responsibilities"][i],
                impulsivity_or_temper=cols["impulsivity_or_temper"][i],
                breach_or_recall=cols["breach_or_recall_last_12_months"][i],
                mandate_for_change=cols["has_mandate"][i],
                has_assessment=cols["has_assessment"][i],
                need_points=sum(w * cols[name][i] for name, w in needs),
                ogrs=nan_none(cols["ogrs"][i]) or 0.0,
                iom=cols["iom"][i],
                unsupervised=cols["unsupervised"][i],
            )
            ref.tier_from_inputs(t)

    return run


def ref_need_columns() -> list[str]:
    return [f"need_{a}" for a in ref.NEED_WEIGHTS]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--base", type=int, default=100_000, help="distinct synthetic cases, tiled to --rows")
    ap.add_argument("--list-cases", type=int, default=20_000)
    ap.add_argument("--reference-rows", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--wall", action="store_true", help="time with the wall clock instead of CPU time")
    args = ap.parse_args()
    global CPU
    CPU = not args.wall

    base = probation.synth_table(SEED, min(args.base, args.rows), ON)
    reps = -(-args.rows // len(base))
    df = pd.concat([base] * reps, ignore_index=True).iloc[: args.rows]
    arrow = pa.Table.from_pandas(df, preserve_index=False)
    n = len(df)

    pandas_s = best(lambda: probation.assess_table(df), args.repeat)
    arrow_s = best(lambda: probation.assess_table(arrow), args.repeat)
    cases = probation.synth(SEED, args.list_cases)
    list_s = best(lambda: (probation.allocate_many(cases, ON), probation.tier_many(cases, ON)), args.repeat)

    ref_df = df.iloc[: args.reference_rows]
    ref_s = best(reference_rows(ref_df), 1)

    rate = {
        "binding, columnar (pyarrow Table)": n / arrow_s,
        "binding, columnar (pandas DataFrame)": n / pandas_s,
        "binding, lists of Case (allocate_many + tier_many)": len(cases) / list_s,
        "plain-Python reference over the same columns": len(ref_df) / ref_s,
    }
    clock = "CPU time" if CPU else "wall time"
    print(f"allocation + tier, one core, {n:,} rows ({len(base):,} distinct synthetic cases), best of {args.repeat}, {clock}")
    for k, v in rate.items():
        print(f"  {k:<52} {v:>14,.0f} cases/s")
    reference = rate["plain-Python reference over the same columns"]
    print(f"  ratio columnar (pyarrow) / reference: {rate['binding, columnar (pyarrow Table)'] / reference:,.1f}x")
    print(f"  ratio columnar (pandas)  / reference: {rate['binding, columnar (pandas DataFrame)'] / reference:,.1f}x")
    _ = np  # numpy is used through pandas; imported to fail early when missing


if __name__ == "__main__":
    main()
