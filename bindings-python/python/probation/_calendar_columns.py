"""The working-day calendar over columns: ``is_working_day`` and ``add_working_days`` of a whole column of dates
(numpy ``datetime64`` or date arrays, pandas Series, pyarrow Array / ChunkedArray, Polars Series), each returning
the same kind, computed in Rust over ``i32`` days with the GIL released (``src/calendar_columns.rs``).

The Arrow conversion here is deliberately minimal (numpy buffers, pyarrow ``to_numpy``): an Arrow PyCapsule layer
may replace it.
"""

from __future__ import annotations

from typing import Any

from . import _probation as _native
from ._api import Calendar

NO_DAY = -(2**31)

_KINDS = "a numpy datetime64 or date array, a pandas Series, a pyarrow Array or ChunkedArray, or a Polars Series"


def _module(x: Any) -> str:
    return type(x).__module__.split(".")[0]


def _days(col: Any, what: str) -> tuple[Any, str]:
    """``(int32 numpy days with NO_DAY for missing, kind)`` of a date column; TypeError naming ``what``."""
    import numpy as np

    kind = _module(col)
    try:
        if kind == "polars":
            return _days(col.to_arrow(), what)[0], "polars"
        if kind == "pyarrow":
            import pyarrow as pa
            import pyarrow.compute as pc

            if not isinstance(col, (pa.Array, pa.ChunkedArray)):
                raise TypeError
            if pa.types.is_timestamp(col.type) or pa.types.is_date64(col.type):
                col = col.cast(pa.date32())
            if not pa.types.is_date32(col.type):
                raise TypeError
            days = pc.fill_null(col.cast(pa.int32()), NO_DAY)
            values = days.to_numpy() if isinstance(days, pa.ChunkedArray) else days.to_numpy(zero_copy_only=False)
            return np.ascontiguousarray(values, dtype="<i4"), "chunked" if isinstance(col, pa.ChunkedArray) else "arrow"
        if kind == "pandas":
            import pandas as pd

            if not isinstance(col, pd.Series):
                raise TypeError
            values = col.to_numpy() if col.dtype.kind == "M" else pd.to_datetime(col).to_numpy()
            return _numpy_days(values), "pandas"
        if isinstance(col, (list, tuple)):
            col = np.array([None if d is None else np.datetime64(d, "D") for d in col], dtype="datetime64[D]")
        if isinstance(col, np.ndarray):
            if col.dtype == object:
                col = col.astype("datetime64[D]")
            if col.dtype.kind != "M" or col.ndim != 1:
                raise TypeError
            return _numpy_days(col), "numpy"
    except (TypeError, ValueError, OverflowError):
        pass
    raise TypeError(f"`{what}`: expected {_KINDS} of dates") from None


def _numpy_days(values: Any) -> Any:
    import numpy as np

    days = values.astype("datetime64[D]").astype("int64")
    missing = np.isnat(values)
    days[missing] = NO_DAY
    if (days[~missing] < NO_DAY + 1).any() or (days > 2**31 - 1).any():
        raise OverflowError
    return np.ascontiguousarray(days, dtype="<i4")


def _n_column(n: Any, rows: int) -> int | bytes:
    """``n`` as an int, or as int32 bytes (NO_DAY missing) of a column of ``rows`` counts."""
    import numpy as np

    if isinstance(n, (int, np.integer)) and not isinstance(n, bool):
        if n < 0:
            raise ValueError("`n`: negative number of working days")
        return int(n)
    kind = _module(n)
    try:
        if kind == "polars":
            n = n.to_arrow()
            kind = "pyarrow"
        if kind == "pyarrow":
            import pyarrow.compute as pc

            values = pc.fill_null(n.cast("int64"), NO_DAY).to_numpy()
        elif kind == "pandas":
            values = n.astype("Int64").fillna(NO_DAY).to_numpy(dtype="int64")
        elif isinstance(n, np.ndarray) and n.dtype.kind in "iu" and n.ndim == 1:
            values = n
        else:
            raise TypeError
    except (TypeError, ValueError, AttributeError):
        raise TypeError(f"`n`: expected a non-negative int or an integer column ({_KINDS})") from None
    if len(values) != rows:
        raise ValueError("`n`: column length differs from `dates`")
    values = np.asarray(values, dtype="int64")
    if (values > 2**31 - 1).any():
        raise ValueError("`n`: number of working days too large")
    return np.ascontiguousarray(values, dtype="<i4").tobytes()


def _back(values: Any, missing: Any, kind: str, like: Any, date: bool) -> Any:
    """``values`` (int32 days or bools, with ``missing`` mask) as a column of ``kind`` shaped like ``like``."""
    import numpy as np

    if kind in ("arrow", "chunked", "polars"):
        import pyarrow as pa

        arr = pa.array(values, mask=missing)
        if date:
            arr = arr.cast(pa.date32())
        if kind == "chunked":
            return pa.chunked_array([arr], type=arr.type)
        if kind == "polars":
            import polars as pl

            return pl.Series(like.name, arr)
        return arr
    if kind == "pandas":
        import pandas as pd

        if date:
            out = values.astype("int64").astype("datetime64[D]")
            out[missing] = np.datetime64("NaT")
            return pd.Series(out, index=like.index, name=like.name)
        return pd.Series(pd.array(np.where(missing, None, values), dtype="boolean"), index=like.index, name=like.name)
    if date:
        out = values.astype("int64").astype("datetime64[D]")
        out[missing] = np.datetime64("NaT")
        return out
    return np.ma.MaskedArray(values, mask=missing)


def is_working_day(dates: Any, calendar: Calendar | None = None) -> Any:
    """For each date of a column: True for Monday–Friday except bank holidays of ``calendar`` (England & Wales by
    default); missing dates stay missing. Returns the input's kind: a numpy masked bool array (for numpy input;
    masked where ``NaT``), a pandas ``boolean`` Series (same index), a pyarrow BooleanArray / ChunkedArray, or a
    Polars Boolean Series. ``TypeError`` for another kind; ``CalendarError`` naming the row of a date outside
    1970–2100.

    >>> import numpy as np, probation
    >>> probation.is_working_day(np.array(["2024-03-28", "2024-03-29"], dtype="datetime64[D]")).tolist()
    [True, False]
    """
    import numpy as np

    days, kind = _days(dates, "dates")
    flags = np.frombuffer(_native.working_day_column(days.tobytes(), calendar), dtype="u1")
    return _back(flags == 1, flags == 2, kind, dates, date=False)


def add_working_days(dates: Any, n: Any, calendar: Calendar | None = None) -> Any:
    """For each date of a column, ``Calendar.add_working_days(date, n)``: the ``n``-th working day after it
    (``n = 0``: the date itself). ``n`` is an int or an integer column of the same length (a missing ``n``
    gives a missing date); missing dates stay missing. Returns the input's kind (numpy ``datetime64[D]``, pandas
    Series, pyarrow ``date32`` Array / ChunkedArray, Polars Date Series). ``TypeError`` for another kind,
    ``ValueError`` for a negative ``n``, ``CalendarError`` naming the row of a date or answer outside 1970–2100.

    >>> import datetime, pyarrow as pa, probation
    >>> probation.add_working_days(pa.array([datetime.date(2024, 3, 28), None]), 1).to_pylist()
    [datetime.date(2024, 4, 2), None]
    """
    import numpy as np

    days, kind = _days(dates, "dates")
    count = _n_column(n, len(days))
    out = np.frombuffer(_native.add_working_days_column(days.tobytes(), count, calendar), dtype="<i4")
    return _back(out, out == NO_DAY, kind, dates, date=True)


