"""The columnar API: allocation and tier over a pandas DataFrame or a pyarrow Table, one row per case.

The table holds the flat facts core's engines read (``AllocationFacts``, ``TierInputs``, ``Tier2026Inputs``), one column each;
see docs/python.md for the columns. Arrow inputs (pyarrow, Polars, DuckDB, any PyCapsule exporter) go to the
native module as they are, read zero-copy in Rust (src/arrow_table.rs); a pandas DataFrame is handed over as
Arrow arrays first (numpy columns wrapped without copying). The native module runs core's column engine with the
GIL released and returns Arrow result columns, which this module gives back in the caller's kind.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal, Union

from . import _probation as _native
from ._api import Calendar, PolicyArg
from ._probation import Case, DecodeError

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

Table = Union["pd.DataFrame", "pa.Table", Any]
"""A pandas DataFrame, a pyarrow Table, RecordBatch or RecordBatchReader, a Polars DataFrame, or any object
exporting the Arrow PyCapsule interface (``__arrow_c_stream__`` / ``__arrow_c_array__``, e.g. a DuckDB relation)."""

NO_DATE = -(2**31)

# Output categoricals the native module encodes as u8 codes (input categoricals are i32).
_U8_CATEGORIES = ("cat:provider", "cat:tier", "cat:tier_2026")

# The columns and their encodings are declared once, in the native module (src/columnar.rs): name → kind, one
# of "date", "f64", "u8", "bool", "cat:<category list>".
_INPUT_KINDS: dict[str, str] = dict(_native.input_columns())
_RESULT_KINDS: dict[str, str] = dict(_native.output_columns())

# Column name → kind as the encoders read it: "date", "cat", "f64", "u8", "bool".
COLUMNS: dict[str, str] = {name: kind.split(":")[0] for name, kind in _INPUT_KINDS.items()}


def _pandas_column(s: Any, kind: str) -> Any:
    """One pandas column as an Arrow array for the native module: numpy ``bool``, ``uint8`` and ``float64``
    columns wrapped zero-copy (NaN stays core's missing score), anything else converted by pyarrow."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa

    dtype = s.dtype
    if isinstance(dtype, np.dtype):
        if dtype in (np.bool_, np.uint8) or (dtype == np.float64 and kind == "f64"):
            values = np.ascontiguousarray(s.to_numpy())
            if dtype == np.bool_:
                values = values.view(np.uint8)
            arrow_type = pa.float64() if dtype == np.float64 else pa.uint8()
            return pa.Array.from_buffers(arrow_type, len(values), [None, pa.py_buffer(values)])
        if kind == "date" and dtype.kind != "M":
            return pa.array(pd.to_datetime(s).to_numpy(), from_pandas=True)
        if dtype.kind == "M" and np.datetime_data(dtype)[0] in ("s", "ms", "us", "ns"):
            # The int64 buffer wrapped as it is; NaT becomes a null through a packed validity bitmap.
            values = np.ascontiguousarray(s.to_numpy())
            nat = np.isnat(values)
            validity = pa.py_buffer(np.packbits(~nat, bitorder="little")) if nat.any() else None
            arrow_type = pa.timestamp(np.datetime_data(dtype)[0])
            return pa.Array.from_buffers(arrow_type, len(values), [validity, pa.py_buffer(values.view(np.int64))])
        return pa.array(s.to_numpy(), from_pandas=True)
    if isinstance(dtype, pd.CategoricalDtype):
        # The codes wrapped as dictionary keys (-1 a null), over the categories as strings. pyarrow's check of the
        # keys against the dictionary is skipped (safe=False): the native reader checks every key that is not null
        # and names the column and row of one out of range.
        codes = np.ascontiguousarray(s.cat.codes.to_numpy())
        missing = codes < 0
        validity = pa.py_buffer(np.packbits(~missing, bitorder="little")) if missing.any() else None
        keys = pa.Array.from_buffers(pa.from_numpy_dtype(codes.dtype), len(codes), [validity, pa.py_buffer(codes)])
        return pa.DictionaryArray.from_arrays(keys, pa.array([str(c) for c in dtype.categories], pa.string()),
                                              safe=False)
    if kind == "date" and not isinstance(dtype, pd.DatetimeTZDtype) and not pd.api.types.is_datetime64_any_dtype(dtype):
        return pa.array(pd.to_datetime(s).to_numpy(), from_pandas=True)
    return pa.array(s, from_pandas=True)


def _pandas_arrow(df: pd.DataFrame) -> pa.Table:
    """The input columns of a DataFrame as a pyarrow Table (one column at a time, so that an error names it)."""
    import pyarrow as pa

    arrays, names = [], []
    for name in df.columns:
        kind = COLUMNS.get(name)
        if kind is None:
            continue
        try:
            arrays.append(_pandas_column(df[name], kind))
        except (TypeError, ValueError, OverflowError, pa.ArrowInvalid, pa.ArrowTypeError,
                pa.ArrowNotImplementedError) as e:
            raise DecodeError(f"column `{name}`: cannot be read as {kind} ({type(e).__name__})") from None
        names.append(name)
    if not arrays:  # keep the row count
        arrays, names = [pa.nulls(len(df))], ["__rows"]
    return pa.Table.from_arrays(arrays, names=names)


def _polars_arrow(frame: Any) -> pa.Table:
    """A Polars DataFrame as a pyarrow Table, its ``Categorical`` input columns as dictionaries of their physical
    codes over their whole category list, in physical order (Polars' own export remaps every value to the
    categories in use, ≈ 20 ms per column per million rows; this is one zero-copy key array and the list). The
    list may hold categories no row uses (Polars keeps one list per category set, global by default): the native
    reader refuses only an entry a row uses that is not a category."""
    import polars as pl
    import pyarrow as pa

    cats = [name for name, dtype in frame.schema.items() if name in COLUMNS and isinstance(dtype, pl.Categorical)]
    if not cats:
        return pa.table(frame)
    rest = pa.table(frame.drop(cats))
    arrays = []
    for name in frame.columns:
        if name not in cats:
            arrays.append(rest.column(name))
            continue
        col = frame.get_column(name)
        keys = col.to_physical().to_arrow()
        names = col.dtype.categories.to_series().to_arrow()
        arrays.append(pa.DictionaryArray.from_arrays(keys, names, safe=False))
    return pa.Table.from_arrays(arrays, names=frame.columns)


def _to_pandas(table: pa.Table, index: Any) -> pd.DataFrame:
    """A result Table as a DataFrame: dictionaries as ``Categorical`` over the whole category list, dates as
    ``datetime64[s]``, points ``uint32``, flags ``bool``."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa

    frame: dict[str, Any] = {}
    for name, col in zip(table.column_names, table.columns):
        if pa.types.is_dictionary(col.type):
            chunks = (col.unify_dictionaries() if col.num_chunks > 1 else col).chunks
            categories = chunks[0].dictionary.to_pylist() if chunks else []
            codes = [c.indices if c.null_count == 0 else c.indices.fill_null(-1) for c in chunks]
            values = np.concatenate([c.to_numpy() for c in codes]) if codes else np.zeros(0, dtype=np.int8)
            frame[name] = pd.Categorical.from_codes(values, categories=categories)
        elif pa.types.is_date32(col.type):
            frame[name] = col.to_numpy().astype("datetime64[s]")
        else:
            frame[name] = col.to_numpy()
    return pd.DataFrame(frame, index=index)


# What came in, and so what goes out: "pandas" (DataFrame, same index), "arrow" (pyarrow Table), "batch" (pyarrow
# RecordBatch, or any object exporting `__arrow_c_array__`), "polars" (DataFrame), "stream" (a pyarrow
# RecordBatchReader: a RecordBatchReader back, batch by batch), "capsule" (any other object exporting
# `__arrow_c_stream__`, e.g. a DuckDB relation: a pyarrow Table back).
_Kind = Literal["pandas", "arrow", "batch", "polars", "stream", "capsule"]


def _input_kind(table: Any) -> _Kind:
    module = type(table).__module__
    if module.startswith("pandas"):
        return "pandas"
    if module.startswith("polars"):
        return "polars"
    if module.startswith("pyarrow"):
        import pyarrow as pa

        if isinstance(table, pa.RecordBatch):
            return "batch"
        if isinstance(table, pa.RecordBatchReader):
            return "stream"
        return "arrow"
    if hasattr(table, "__arrow_c_stream__"):
        return "capsule"
    if hasattr(table, "__arrow_c_array__"):
        return "batch"
    raise TypeError(
        "expected a pandas DataFrame, a pyarrow Table, RecordBatch or RecordBatchReader, a Polars DataFrame, "
        "or an object exporting the Arrow PyCapsule interface (`__arrow_c_stream__` / `__arrow_c_array__`)"
    )


def _arrow_out(result: Any, kind: _Kind) -> Any:
    """A result Table in the caller's kind."""
    if kind == "polars":
        import polars as pl

        return pl.from_arrow(result)
    if kind == "batch":
        import pyarrow as pa

        return pa.RecordBatch.from_arrays(
            [c.combine_chunks() for c in result.columns], names=result.column_names
        )
    return result


def _categories() -> dict[str, list[str]]:
    global _CATS
    if _CATS is None:
        _CATS = _native.output_categories()
    return _CATS


_CATS: dict[str, list[str]] | None = None


def _rows(raw: dict[str, Any]) -> int:
    """The row count of encoded outputs (every output has a fixed-width column; `provider` is one byte a row)."""
    for name in ("provider", "tier", "tier_2026"):
        if name in raw:
            return len(raw[name])
    return 0


def _decode(
    raw: dict[str, bytes], kinds: dict[str, str], like: Literal["pandas", "arrow"], index: Any = None
) -> Table:
    """Builds a DataFrame or Table from encoded columns; ``kinds`` maps column → kind (``cat:<categories>``)."""
    import numpy as np

    cats = _categories()
    arrays: dict[str, Any] = {}
    for name, kind in kinds.items():
        if name not in raw:
            continue
        b = raw[name]
        if kind.startswith("cat:"):
            codes = np.frombuffer(b, dtype="u1" if kind in _U8_CATEGORIES else "<i4")
            arrays[name] = ("cat", codes.astype("int8"), cats[kind[4:]])
        elif kind.startswith("rules:"):
            # A u32 bitset per row over the area's rule table: dictionary-encoded as the `;`-joined ids.
            bits, inverse = np.unique(np.frombuffer(b, dtype="<u4"), return_inverse=True)
            ids = cats[kind]
            labels = [";".join(r for i, r in enumerate(ids) if int(x) >> i & 1) for x in bits]
            arrays[name] = ("cat", inverse.astype("int32").reshape(-1), labels)
        elif kind == "str":
            n = _rows(raw)
            arrays[name] = ("cat", np.zeros(n, dtype="int32"), [str(b)])
        elif kind == "date":
            arrays[name] = ("date", np.frombuffer(b, dtype="<i4"), None)
        elif kind == "f64":
            arrays[name] = ("f64", np.frombuffer(b, dtype="<f8"), None)
        elif kind == "u32":
            arrays[name] = ("u32", np.frombuffer(b, dtype="<u4"), None)
        elif kind == "u8":
            arrays[name] = ("u8", np.frombuffer(b, dtype="u1"), None)
        else:
            arrays[name] = ("bool", np.frombuffer(b, dtype="u1").astype(bool), None)
    if like == "arrow":
        import pyarrow as pa

        out = {}
        for name, (kind, values, categories) in arrays.items():
            if kind == "cat":
                index_type = pa.int8() if values.dtype == np.int8 else pa.int32()
                out[name] = pa.DictionaryArray.from_arrays(
                    pa.array(values, type=index_type, mask=values < 0), pa.array(categories, type=pa.string())
                )
            elif kind == "date":
                out[name] = pa.array(values, type=pa.int32(), mask=values == NO_DATE).cast(pa.date32())
            else:
                out[name] = pa.array(values)
        return pa.table(out)
    import pandas as pd

    frame = {}
    for name, (kind, values, categories) in arrays.items():
        if kind == "cat":
            frame[name] = pd.Categorical.from_codes(values, categories=categories)
        elif kind == "date":
            days = values.astype("int64")
            dt = days.astype("datetime64[D]").astype("datetime64[s]")
            frame[name] = np.where(values == NO_DATE, np.datetime64("NaT"), dt)
        else:
            frame[name] = values
    return pd.DataFrame(frame, index=index)


def assess_table(
    table: Table,
    on: datetime.date | None = None,
    policy: PolicyArg = None,
    *,
    allocation: bool = True,
    tier: bool = True,
    tier_2026: bool | None = None,
    calendar: Calendar | None = None,
    explain: bool = False,
) -> Table:
    """Allocation and tier of every row of ``table`` (of the columns in docs/python.md: a pandas DataFrame, a
    pyarrow Table, RecordBatch or RecordBatchReader, a Polars DataFrame, or any object exporting the Arrow
    PyCapsule interface, read zero-copy); returns a table of the same kind (a RecordBatchReader streams, one batch
    at a time; another PyCapsule object gives a pyarrow Table), same rows (same index for pandas), with the columns
    ``provider``, ``allocation_deadline`` (with ``allocation``), ``tier``, ``protect_points``, ``change_points``
    (with ``tier``: the 2021 tier) and ``tier_2026``, ``provisional`` (with ``tier_2026``, which defaults to
    ``tier``: pass ``tier_2026=False`` for the 2021 tier alone, without paying for the 2026 one).

    ``on`` is the date of every row that has no ``on`` column (or a missing value in it); deadlines count working
    days of ``calendar`` (England & Wales by default). The GIL is released
    while the rules run. Raises ``DecodeError`` naming a column that cannot be read, ``RuleError`` /
    ``CalendarError`` naming the row for a value the rules refuse (an RSR outside 0–100).
    """
    kind = _input_kind(table)
    options: dict[str, Any] = {
        "on": on,
        "policy": policy,
        "allocation": allocation,
        "tier": tier,
        "tier_2026": tier if tier_2026 is None else tier_2026,
        "calendar": calendar,
        "explain": explain,
    }
    if kind == "stream":
        return _assess_stream(table, options)
    if kind == "pandas":
        return _to_pandas(_assess_one(_pandas_arrow(table), options), table.index)
    if kind == "polars":
        return _arrow_out(_assess_one(_polars_arrow(table), options), kind)
    return _arrow_out(_assess_one(table, options), kind)


def _assess_one(table: Any, options: dict[str, Any]) -> Any:
    """``assess_table`` of one Arrow table, batch or stream (anything exporting the PyCapsule interface): a pyarrow
    Table of the results, one record batch per input batch."""
    return _native.assess_arrow(table, **options)


def _assess_stream(reader: Any, options: dict[str, Any]) -> Any:
    """A RecordBatchReader of results, computed one input batch at a time as it is read (memory stays one batch).
    The first batch is computed at once, for the output schema (an empty input: the result of no rows)."""
    import pyarrow as pa

    batches = iter(reader)
    first = next(batches, None)
    head = _assess_one(pa.Table.from_batches([first] if first is not None else [], schema=reader.schema), options)

    def rest() -> Any:
        yield from head.to_batches()
        for batch in batches:
            yield from _assess_one(batch, options).to_batches()

    return pa.RecordBatchReader.from_batches(head.schema, rest())


def allocate_table(
    table: Table, on: datetime.date | None = None, policy: PolicyArg = None, calendar: Calendar | None = None
) -> Table:
    """``assess_table`` with allocation only: ``provider`` and ``allocation_deadline``."""
    return assess_table(table, on, policy, allocation=True, tier=False, calendar=calendar)


def tier_table(table: Table, on: datetime.date | None = None) -> Table:
    """``assess_table`` with the tiers only: ``tier``, ``protect_points``, ``change_points`` (2021) and
    ``tier_2026``, ``provisional``."""
    return assess_table(table, on, None, allocation=False, tier=True)


def cases_table(cases: Sequence[Case], on: datetime.date, *, like: Literal["pandas", "arrow"] = "pandas") -> Table:
    """The columnar API's input columns read from cases on ``on`` (core's ``AllocationFacts.from_case``,
    ``TierInputs.from_case`` and ``Tier2026Inputs.from_case``): the bridge from JSON cases to a table."""
    return _decode(_native.case_columns(list(cases), on), _INPUT_KINDS, like)


def synth_table(
    seed: int, count: int, on: datetime.date, *, start: int = 0, like: Literal["pandas", "arrow"] = "pandas"
) -> Table:
    """The input columns of synthetic cases ``start .. start + count`` of ``seed`` on ``on`` (the cases
    themselves are not kept: a million rows fit easily in memory)."""
    return _decode(_native.synth_columns(seed, count, on, start=start), _INPUT_KINDS, like)


def input_columns() -> list[str]:
    """The names of every input column the columnar API reads."""
    return list(COLUMNS)


# The columnar predictors (src/predictor_columns.rs): input columns named as the predictor's input fields.
_PREDICTOR_DATES = ("assessment_date", "date_of_birth", "conviction_date", "follow_up_start",
                    "most_recent_sexual_offence_date")
_PREDICTOR_CATS = ("sex", "actuarial_category", "supervision_status", "offence_code")


def predict_columns(predictor: str, columns: Any) -> dict[str, Any]:
    """One predictor (``"ogrs3"``, ``"arp"``, ``"vrp"``, ``"svrp"``, ``"dc_srp"``, ``"iic_srp"``, ``"csrp"``) over
    columns — a mapping of column name → sequence or numpy array, or a pandas DataFrame — one row per person; core
    scores every row with the GIL released (docs/python.md#columnar-predictors).

    Columns are the predictor's input fields: dates (``datetime.date``, ``datetime64`` or ISO strings; missing
    as ``None``/NaT), ``sex``, ``actuarial_category``, ``supervision_status`` and ``offence_code`` as strings, the
    counts and ``has_ever_committed_sexual_offence`` as integers, and each OASys answer as an integer (problem
    levels and motivation 0–2, booleans 0/1, ``current_relationship_status`` 0 not in a relationship / 1 living
    together / 2 not living together, ``previous_convictions`` a bit mask in ``PreviousConvictions`` order);
    a negative integer or an absent column means not given.

    Returns numpy arrays: ``score``, ``total`` (the logit before rounding; DC-SRP its points, IIC-SRP its
    weight), ``probability`` (the logistic of ``total``; DC-SRP its probability) as float64, NaN where the row
    was refused; ``band``, ``kind`` and ``error`` (the refusal's kind) as object arrays of strings or ``None``.
    """
    import numpy as np

    items = dict(columns.items()) if hasattr(columns, "items") else dict(columns)
    n = len(next(iter(items.values()))) if items else 0
    cols: dict[str, bytes] = {}
    cats: dict[str, list[str | None]] = {}
    for name, values in items.items():
        if len(values) != n:
            raise DecodeError(f"column `{name}`: expected {n} rows")
        if name in _PREDICTOR_DATES:
            arr = np.asarray(values, dtype="datetime64[D]")
            days = arr.astype("int64")
            days[np.isnat(arr)] = NO_DATE
            cols[name] = np.ascontiguousarray(days, dtype="<i4").tobytes()
        elif name in _PREDICTOR_CATS:
            labels = [None if v is None or v != v else str(v) for v in values]
            table = sorted({v for v in labels if v is not None})
            index = {v: i for i, v in enumerate(table)}
            codes = np.array([-1 if v is None else index[v] for v in labels], dtype="<i4")
            cols[name] = codes.tobytes()
            cats[name] = list(table)
        else:
            arr = np.asarray(values, dtype="float64")
            arr = np.where(np.isnan(arr), -1, arr)
            cols[name] = np.ascontiguousarray(arr.astype("int64"), dtype="<i4").tobytes()
    raw = _native.predict_columns(predictor, n, cols, cats)
    bands, kinds = _native.predictor_column_categories()
    errors = list(raw["error_kinds"])

    def decode_codes(key: str, names: Sequence[str]) -> Any:
        codes = np.frombuffer(raw[key], dtype="<i4")
        return np.array([None if c < 0 else names[c] for c in codes], dtype=object)

    return {
        "score": np.frombuffer(raw["score"], dtype="<f8").copy(),
        "total": np.frombuffer(raw["total"], dtype="<f8").copy(),
        "probability": np.frombuffer(raw["probability"], dtype="<f8").copy(),
        "band": decode_codes("band", bands),
        "kind": decode_codes("kind", kinds),
        "error": decode_codes("error", errors),
    }
