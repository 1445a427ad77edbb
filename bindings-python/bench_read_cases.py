"""Benchmark of ``probation.read_cases``: JSON Lines of the sample caseload to the columnar input table, in CPU time,
side by side with what a user would otherwise write (``cases_table([Case.from_json(line) ...])``), and the peak RSS
of reading 25,000 vs 250,000 cases batch by batch (memory must stay flat).

    python bindings-python/bench_read_cases.py [--cases 250000] [--repeat 3]

Run it pinned to one core (``taskset -c 1``) on a release build (scripts/test-python.sh or the wheel of
scripts/build-wheel.sh); it prints a Markdown table for docs/benchmarks.md. The input is
examples/data/caseload.jsonl repeated to the size asked for, in a temporary directory.
"""

from __future__ import annotations

import argparse
import datetime
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "data" / "caseload.jsonl"
ON = datetime.date(2024, 6, 1)

# Run in a child process: peak RSS of streaming one file batch by batch (no batch kept).
_CHILD = """
import datetime, resource, sys
import pyarrow, probation
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
rows = 0
for batch in probation.read_cases(sys.argv[1], datetime.date(2024, 6, 1), progress=False):
    rows += batch.num_rows
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(rows, before, after)
"""


def write_cases(path: pathlib.Path, count: int) -> None:
    lines = [l for l in SAMPLE.read_text().splitlines() if l.strip()]
    with path.open("w") as f:
        for i in range(count):
            f.write(lines[i % len(lines)])
            f.write("\n")


def cpu(fn: object, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        fn()  # type: ignore[operator]
        best = min(best, time.process_time() - t)
    return best


def peak_rss(path: pathlib.Path) -> tuple[int, int, int]:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(path)], check=True, capture_output=True, text=True)
    rows, before, after = (int(x) for x in out.stdout.split())
    return rows, before, after


def main() -> None:
    import probation

    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=250_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        small, big = pathlib.Path(d) / "small.jsonl", pathlib.Path(d) / "big.jsonl"
        write_cases(small, args.cases // 10)
        write_cases(big, args.cases)
        n = args.cases

        def stream() -> None:
            for _ in probation.read_cases(big, ON, progress=False):
                pass

        def table() -> None:
            probation.read_cases_table(big, ON, progress=False)

        def per_case() -> None:
            with small.open() as f:
                probation.cases_table([probation.Case.from_json(l) for l in f], ON, like="arrow")

        t_stream = cpu(stream, args.repeat)
        t_table = cpu(table, args.repeat)
        t_peer = cpu(per_case, args.repeat) * 10  # the peer runs on a tenth of the rows
        rss = {p.name: peak_rss(p) for p in (small, big)}
        mib = os.path.getsize(big) / 2**20
    print(f"load average: {open('/proc/loadavg').read().split()[:3]}, affinity: {sorted(os.sched_getaffinity(0))}")
    print(f"{n:,} cases, {mib:.0f} MiB of JSON Lines, best of {args.repeat} (CPU time)\n")
    print("| way | CPU s | cases/s (CPU) |")
    print("|---|---|---|")
    print(f"| `read_cases` (batches of 65,536, dropped) | {t_stream:.3f} | {n / t_stream:,.0f} |")
    print(f"| `read_cases_table` (one pyarrow Table) | {t_table:.3f} | {n / t_table:,.0f} |")
    print(f"| `cases_table([Case.from_json(l) ...])` (scaled from {n // 10:,}) | {t_peer:.3f} | {n / t_peer:,.0f} |")
    print("\n| file | rows | RSS after import (MiB) | peak RSS (MiB) |")
    print("|---|---|---|---|")
    for name, (rows, before, after) in rss.items():
        print(f"| {name} | {rows:,} | {before / 1024:.0f} | {after / 1024:.0f} |")


if __name__ == "__main__":
    main()
