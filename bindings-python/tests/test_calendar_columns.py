"""``probation.is_working_day`` / ``add_working_days`` over columns equal the per-date ``Calendar`` methods
(hypothesis over dates around bank holidays), keep nulls, return the input's kind and refuse other kinds."""

from __future__ import annotations

import datetime

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import probation

CAL = probation.Calendar()
HOLIDAYS = [h.date for y in [*range(1971, 2100, 5), 2020, 2022, 2023] for h in CAL.bank_holidays(y)]

near_holiday = st.builds(lambda h, d: h + datetime.timedelta(days=d), st.sampled_from(HOLIDAYS),
                         st.integers(-6, 6))
dates = st.lists(st.one_of(near_holiday, st.none()), min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(dates, st.integers(0, 15))
def test_columns_equal_per_date(ds: list[datetime.date | None], n: int) -> None:
    arr = pa.array(ds, type=pa.date32())
    assert probation.is_working_day(arr).to_pylist() == [None if d is None else CAL.is_working_day(d) for d in ds]
    assert probation.add_working_days(arr, n).to_pylist() == [
        None if d is None else CAL.add_working_days(d, n) for d in ds
    ]
    per_row = pa.array([(i * 3) % 11 for i in range(len(ds))])
    assert probation.add_working_days(arr, per_row).to_pylist() == [
        None if d is None else CAL.add_working_days(d, (i * 3) % 11) for i, d in enumerate(ds)
    ]


def test_kinds_round_trip() -> None:
    d = [datetime.date(2024, 3, 28), None, datetime.date(2024, 3, 29)]
    want = [datetime.date(2024, 4, 2), None, datetime.date(2024, 4, 2)]  # Good Friday + 1: over Easter Monday
    np_in = np.array(["2024-03-28", "NaT", "2024-03-29"], dtype="datetime64[D]")
    np_out = probation.add_working_days(np_in, 1)
    assert np_out.dtype == np.dtype("datetime64[D]") and np.isnat(np_out[1])
    assert [x.item() for x in np_out[[0, 2]]] == [want[0], want[2]]
    flags = probation.is_working_day(np_in)
    assert isinstance(flags, np.ma.MaskedArray) and flags.tolist() == [True, None, False]
    s = pd.Series(pd.to_datetime(["2024-03-28", None, "2024-03-29"]), index=[5, 6, 7], name="sentence")
    out = probation.add_working_days(s, 1)
    assert list(out.index) == [5, 6, 7] and out.name == "sentence" and out.isna().tolist() == [False, True, False]
    assert probation.is_working_day(s).tolist() == [True, pd.NA, False]
    chunked = pa.chunked_array([pa.array(d[:1], pa.date32()), pa.array(d[1:], pa.date32())])
    assert isinstance(probation.add_working_days(chunked, 1), pa.ChunkedArray)
    assert probation.add_working_days(chunked, 1).to_pylist() == want
    extra = probation.Calendar([datetime.date(2024, 4, 2)])
    assert probation.add_working_days(pa.array(d[:1]), 1, calendar=extra).to_pylist() == [datetime.date(2024, 4, 3)]


def test_polars_series() -> None:
    pl = pytest.importorskip("polars")
    s = pl.Series("d", [datetime.date(2024, 3, 28), None])
    out = probation.add_working_days(s, pl.Series([1, None]))
    assert isinstance(out, pl.Series) and out.name == "d" and out.to_list() == [datetime.date(2024, 4, 2), None]
    assert probation.is_working_day(s).to_list() == [True, None]


def test_bad_input_is_typed() -> None:
    with pytest.raises(TypeError, match="`dates`"):
        probation.is_working_day("2024-03-28")
    with pytest.raises(TypeError, match="`dates`"):
        probation.add_working_days(pa.array([1, 2]), 1)
    with pytest.raises(ValueError, match="`n`"):
        probation.add_working_days(pa.array([datetime.date(2024, 1, 1)]), -1)
    with pytest.raises(probation.CalendarError, match="`n` row 0"):
        probation.add_working_days(pa.array([datetime.date(2024, 1, 1)]), pa.array([-2]))
    with pytest.raises(probation.CalendarError, match="`dates` row 1") as e:
        probation.is_working_day(pa.array([datetime.date(2024, 1, 1), datetime.date(1969, 12, 31)]))
    assert "1969" not in str(e.value)
