"""Benchmark (not a test): allocation + 2021 tier, the package side by side with the vectorised peers it ships
(bindings-python/peers: numpy/pandas masks, Polars expressions, DuckDB SQL ``CASE``), in one run on one core.

    taskset -c 0 python bindings-python/bench.py [--rows 1000000] [--repeat 3]

Every peer is first checked equal to the package on the benchmark table (provider, tier, protect and change
points, row for row); then each is timed, CPU time and wall time (best of --repeat), and the package's rate is
given as a ratio to the fastest peer. Single-threaded throughout: the package runs on the calling thread with
the GIL released; Polars gets ``POLARS_MAX_THREADS=1`` and DuckDB ``SET threads=1``; pin the process with
``taskset -c 0`` as well. The package is timed on pandas, pyarrow and Polars inputs, each call end to end (the
input handed to the native module, the result back in the caller's kind), as
``assess_table(table, tier_2026=False)``: allocation (provider and the working-day ``allocation_deadline``,
which the peers do not compute) and the 2021 tier. One more row times the pandas input with the 2026 tier as
well (the default), for information; it is not in the ratios. Build with ``maturin develop --release`` first (a
debug build is 10-50x slower).
"""

from __future__ import annotations

import argparse
import datetime
import pathlib
import sys
import time
from typing import Any, Callable

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import peers  # noqa: E402

peers.single_thread()  # before polars is imported

import pandas as pd  # noqa: E402
import pyarrow as pa  # noqa: E402

import probation  # noqa: E402
from peers import numpy_masks  # noqa: E402

ON = datetime.date(2018, 6, 1)
SEED = 2026


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, float]:
    """(best process CPU seconds, best wall seconds) of ``repeat`` runs."""
    cpu, wall = [], []
    for _ in range(repeat):
        c, w = time.process_time(), time.perf_counter()
        fn()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return min(cpu), min(wall)


def contenders(df: pd.DataFrame, arrow: pa.Table) -> tuple[dict[str, Callable[[], Any]], dict[str, Callable[[], Any]], list[str]]:
    """(package runs, peer runs, notes) — optional libraries missing or refused become notes."""
    package: dict[str, Callable[[], Any]] = {
        "package, pandas DataFrame": lambda: probation.assess_table(df, tier_2026=False),
        "package, pyarrow Table": lambda: probation.assess_table(arrow, tier_2026=False),
    }
    peer: dict[str, Callable[[], Any]] = {"peer, numpy/pandas masks": lambda: numpy_masks.assess(df)}
    notes: list[str] = []
    try:
        import polars as pl

        from peers import polars_exprs

        frame = pl.from_arrow(arrow)
        peer["peer, Polars expressions"] = lambda: polars_exprs.assess(frame)
        try:
            probation.assess_table(frame.head(10), tier_2026=False)
            package["package, Polars DataFrame"] = lambda: probation.assess_table(frame, tier_2026=False)
        except TypeError:
            notes.append("package, Polars DataFrame: skipped, assess_table refuses Polars (TypeError) in this build")
    except ImportError:
        notes.append("Polars not installed: its peer and input skipped")
    try:
        from peers import duckdb_sql

        con = duckdb_sql.connect()
        peer["peer, DuckDB SQL CASE"] = lambda: duckdb_sql.assess(con, arrow)
    except ImportError:
        notes.append("DuckDB not installed: its peer skipped")
    return package, peer, notes


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--base", type=int, default=100_000, help="distinct synthetic cases, tiled to --rows")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    base = probation.synth_table(SEED, min(args.base, args.rows), ON)
    reps = -(-args.rows // len(base))
    df = pd.concat([base] * reps, ignore_index=True).iloc[: args.rows]
    arrow = pa.Table.from_pandas(df, preserve_index=False)
    n = len(df)
    package, peer, notes = contenders(df, arrow)

    expected = probation.assess_table(df, tier_2026=False)
    for name, run in peer.items():
        wrong = peers.mismatch(expected, run())
        if wrong is not None:
            sys.exit(f"{name} disagrees with the package: {wrong}")
    for name, run in package.items():
        wrong = peers.mismatch(expected, run())
        if wrong is not None:
            sys.exit(f"{name} disagrees with the pandas input: {wrong}")

    extra = {"(package, pandas, with the 2026 tier)": lambda: probation.assess_table(df)}
    times = {name: best(run, args.repeat) for name, run in {**package, **peer, **extra}.items()}
    print(f"allocation + 2021 tier, one thread, {n:,} rows ({len(base):,} distinct synthetic cases), best of "
          f"{args.repeat}; every peer checked equal to the package first")
    print(f"  {'':<38} {'CPU s':>8} {'wall s':>8} {'M cases/s CPU':>14} {'M cases/s wall':>15}")
    for name, (cpu, wall) in times.items():
        print(f"  {name:<38} {cpu:>8.3f} {wall:>8.3f} {n / cpu / 1e6:>14.2f} {n / wall / 1e6:>15.2f}")
    fastest = min((name for name in peer), key=lambda k: times[k][0])
    for name in package:
        print(f"  ratio {name} / fastest peer ({fastest}), CPU: {times[fastest][0] / times[name][0]:.2f}x")
    for note in notes:
        print(f"  note: {note}")


if __name__ == "__main__":
    main()
