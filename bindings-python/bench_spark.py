"""Benchmark (not a test, not run in CI): ``probation.spark.assess`` throughput in Spark local mode, ``local[1]``
against ``local[2]``, on 10,000,000 rows (100,000 distinct synthetic cases, each repeated).

    python bindings-python/bench_spark.py [--rows 10000000] [--base 100000]

Each run forces the whole result (``write.format("noop")``); the figure is rows / wall seconds of that action,
best of --repeat, after one warm-up run (Python workers started, the wheel imported).
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import time


import probation
import probation.spark

ON = datetime.date(2018, 6, 1)


def run(master: str, rows: int, base: int, repeat: int) -> float:
    from pyspark.sql import SparkSession, functions as F

    spark = (SparkSession.builder.master(master).appName(f"probation-bench-{master}")
             .config("spark.ui.enabled", "false").config("spark.driver.memory", "2g").getOrCreate())
    try:
        table = probation.synth_table(2026, base, ON, like="arrow")
        table = probation.spark.spark_types(table)
        cases = spark.createDataFrame(table).cache()
        cases.count()
        reps = spark.range(-(-rows // base)).withColumnRenamed("id", "rep")
        df = cases.crossJoin(F.broadcast(reps)).limit(rows).repartition(int(master[6:-1]) * 4).cache()
        n = df.count()
        times = []
        for _ in range(repeat + 1):
            t = time.perf_counter()
            probation.spark.assess(df, keep=["rep"]).write.format("noop").mode("overwrite").save()
            times.append(time.perf_counter() - t)
        return n / min(times[1:])
    finally:
        spark.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--base", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    rates = {m: run(m, args.rows, args.base, args.repeat) for m in ("local[1]", "local[2]")}
    print(f"probation.spark.assess, {args.rows:,} rows, best of {args.repeat} (wall time, load {os.getloadavg()[0]:.1f})")
    for m, r in rates.items():
        print(f"  {m:<9} {r / 1e6:8.2f} M rows/s")
    print(f"  speed-up local[2] / local[1]: {rates['local[2]'] / rates['local[1]']:.2f}x")


if __name__ == "__main__":
    main()
