"""Vectorised peers of ``probation.assess_table``: allocation + 2021 tier written as an analyst would, without the
package — numpy/pandas masks (``numpy_masks``), Polars expressions (``polars_exprs``) and DuckDB SQL ``CASE``
(``duckdb_sql``). ``bench.py`` times them against the package; ``tests/test_peers.py`` proves each equal to the
package's output.

Each is transcribed from the rulebook (docs/rules/allocation.md §3, docs/rules/tier.md §4), reading the rule
tables (division map, switch dates, need weights) from ``tests/reference.py`` — itself written from the rulebook —
so that the tables are declared once. Each peer returns the columns ``provider`` and ``tier`` (strings) and
``protect_points``, ``change_points`` over the columns of ``probation.synth_table``. Single-threaded by
``single_thread()``: run the whole benchmark under ``taskset -c 0`` as well.
"""

from __future__ import annotations

import os
import pathlib
import sys
from typing import Any

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "tests"))
import reference as ref  # noqa: E402

COMPARED = ("provider", "tier", "protect_points", "change_points")
HIGH_ROSH = ("high", "very_high")
RSR_THRESHOLD = 6.9  # AllocationPolicy's default (docs/rules/allocation.md §3 [A])
COMPLEXITY = ("mental_health", "self_harm", "vulnerability", "child_concerns", "risk_to_children",
              "child_protection", "public_interest", "adult_at_risk", "street_gangs", "terrorism")
NEEDS = {f"need_{area}": w for area, w in ref.NEED_WEIGHTS.items()}
TR_START, PS_START, WALES_TO_NPS = ref.TR_START, ref.PS_START, ref.WALES_TO_NPS
NPS_DIVISION = ref.NPS_DIVISION
ROSH_POINTS = {k: v for k, v in ref.ROSH_POINTS.items() if k is not None}


def single_thread() -> None:
    """Single-thread settings for the peers' libraries (set before importing polars; DuckDB takes ``SET
    threads=1`` per connection, see ``duckdb_sql.connect``)."""
    os.environ["POLARS_MAX_THREADS"] = "1"
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = "1"


def as_columns(result: Any) -> dict[str, list[Any]]:
    """The compared columns of a result (pandas, pyarrow, Polars or DuckDB-to-Arrow) as Python lists of strings
    and ints."""
    if hasattr(result, "to_arrow") and not hasattr(result, "column_names"):
        result = result.to_arrow()
    out: dict[str, list[Any]] = {}
    for name in COMPARED:
        col = result[name]
        values = col.to_pylist() if hasattr(col, "to_pylist") else col.tolist()
        out[name] = [v if isinstance(v, int) else str(v) for v in values]
    return out


def mismatch(expected: Any, got: Any) -> str | None:
    """None when the compared columns agree row for row; else which column and the first differing row."""
    a, b = as_columns(expected), as_columns(got)
    for name in COMPARED:
        if len(a[name]) != len(b[name]):
            return f"{name}: {len(b[name])} rows, expected {len(a[name])}"
        for i, (x, y) in enumerate(zip(a[name], b[name])):
            if x != y:
                return f"{name}: row {i}: {y!r}, expected {x!r}"
    return None
