"""The benchmark's vectorised peers (bindings-python/peers) agree with ``assess_table`` row for row on 50,000
synthetic rows on dates either side of each switch date, so bench.py compares like with like."""

from __future__ import annotations

import datetime
import pathlib
import sys

import pandas as pd
import pyarrow as pa
import pytest

import probation

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
import peers  # noqa: E402
from peers import numpy_masks  # noqa: E402

# Before Transforming Rehabilitation, during it (before and after Wales moved to the NPS), and after.
DATES = [datetime.date(2013, 5, 1), datetime.date(2018, 6, 1), datetime.date(2020, 2, 3), datetime.date(2022, 1, 4)]


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    parts = [probation.synth_table(17 + i, 12_500, d) for i, d in enumerate(DATES)]
    return pd.concat(parts, ignore_index=True)


@pytest.fixture(scope="module")
def expected(table: pd.DataFrame) -> pd.DataFrame:
    return probation.assess_table(table)


def test_numpy_masks_equal_package(table: pd.DataFrame, expected: pd.DataFrame) -> None:
    assert peers.mismatch(expected, numpy_masks.assess(table)) is None


def test_polars_exprs_equal_package(table: pd.DataFrame, expected: pd.DataFrame) -> None:
    pl = pytest.importorskip("polars")
    from peers import polars_exprs

    frame = pl.from_arrow(pa.Table.from_pandas(table, preserve_index=False))
    assert peers.mismatch(expected, polars_exprs.assess(frame)) is None


def test_duckdb_sql_equal_package(table: pd.DataFrame, expected: pd.DataFrame) -> None:
    pytest.importorskip("duckdb")
    from peers import duckdb_sql

    got = duckdb_sql.assess(duckdb_sql.connect(), pa.Table.from_pandas(table, preserve_index=False))
    assert peers.mismatch(expected, got) is None


def test_mismatch_reports_a_difference(expected: pd.DataFrame) -> None:
    changed = expected.copy()
    changed["protect_points"] = changed["protect_points"] + 1
    assert peers.mismatch(expected, changed) == f"protect_points: row 0: {changed['protect_points'][0]}, expected {expected['protect_points'][0]}"
