"""assess_table over every kind of Arrow input: each gives the same rows as the pyarrow Table path, in the
caller's kind (Polars in, Polars out; a RecordBatch in, a RecordBatch out; a RecordBatchReader in, a reader that
computes one batch at a time; any other PyCapsule exporter, such as a DuckDB relation, a pyarrow Table)."""

from __future__ import annotations

import datetime
from typing import Any

import pyarrow as pa
import pytest

import probation

ON = datetime.date(2018, 6, 1)


@pytest.fixture(scope="module")
def table() -> pa.Table:
    return probation.synth_table(23, 3_000, ON, like="arrow")


@pytest.fixture(scope="module")
def expected(table: pa.Table) -> pa.Table:
    return probation.assess_table(table)


class StreamOnly:
    """An object that only exports `__arrow_c_stream__` (as nanoarrow, DuckDB or a database driver would)."""

    def __init__(self, table: pa.Table) -> None:
        self.table = table

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any:
        return self.table.__arrow_c_stream__(requested_schema)


def test_polars_in_polars_out(table: pa.Table, expected: pa.Table) -> None:
    pl = pytest.importorskip("polars")
    frame = pl.from_arrow(table)
    out = probation.assess_table(frame)
    assert isinstance(out, pl.DataFrame)
    assert out.to_arrow().to_pylist() == expected.to_pylist()


def test_record_batch_in_record_batch_out(table: pa.Table, expected: pa.Table) -> None:
    batch = table.combine_chunks().to_batches()[0]
    out = probation.assess_table(batch)
    assert isinstance(out, pa.RecordBatch)
    assert out.to_pylist() == expected.to_pylist()


def test_reader_streams_batch_by_batch(table: pa.Table, expected: pa.Table) -> None:
    batches = table.to_batches(max_chunksize=700)
    assert len(batches) > 3
    reader = pa.RecordBatchReader.from_batches(table.schema, iter(batches))
    out = probation.assess_table(reader, explain=True)
    assert isinstance(out, pa.RecordBatchReader)
    sizes = [b.num_rows for b in out]
    assert sizes == [b.num_rows for b in batches]


def test_reader_rows_equal_the_table(table: pa.Table, expected: pa.Table) -> None:
    reader = pa.RecordBatchReader.from_batches(table.schema, iter(table.to_batches(max_chunksize=1000)))
    assert probation.assess_table(reader).read_all().to_pylist() == expected.to_pylist()


def test_empty_reader(table: pa.Table) -> None:
    reader = pa.RecordBatchReader.from_batches(table.schema, iter([]))
    out = probation.assess_table(reader).read_all()
    assert out.num_rows == 0
    assert "provider" in out.column_names


def test_any_stream_exporter_gives_a_pyarrow_table(table: pa.Table, expected: pa.Table) -> None:
    out = probation.assess_table(StreamOnly(table))
    assert isinstance(out, pa.Table)
    assert out.to_pylist() == expected.to_pylist()


def test_duckdb_relation(table: pa.Table, expected: pa.Table) -> None:
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    con.execute("SET threads = 1")
    con.register("cases", table)
    relation = con.sql("SELECT * FROM cases")
    out = probation.assess_table(relation)
    assert isinstance(out, pa.Table)
    assert out.to_pylist() == expected.to_pylist()


def test_other_objects_are_refused() -> None:
    with pytest.raises(TypeError, match="PyCapsule"):
        probation.assess_table([1, 2, 3])


def _recast(table: pa.Table, how: dict[str, Any]) -> pa.Table:
    """``table`` with each column of an Arrow type in ``how`` (a predicate on the type → the type to cast to)."""
    columns = []
    for col in table.columns:
        for test, to in how.items():
            if getattr(pa.types, test)(col.type):
                if to == pa.string_view() and pa.types.is_dictionary(col.type):
                    col = col.cast(pa.string())  # pyarrow casts a dictionary to views only through strings
                col = col.cast(to)
                break
        columns.append(col)
    return pa.table(columns, names=table.column_names)


@pytest.mark.parametrize(
    "how",
    [
        # integers for flags and levels, timestamps for dates, plain strings for categories
        {"is_boolean": pa.int64(), "is_uint8": pa.int32(), "is_date32": pa.timestamp("ms"),
         "is_dictionary": pa.large_string()},
        # string views (as Polars exports), date64, nanosecond timestamps
        {"is_dictionary": pa.string_view(), "is_date32": pa.date64()},
        {"is_date32": pa.timestamp("ns"), "is_dictionary": pa.string()},
        # dates as ISO strings (cast in Rust), unsigned 32-bit dictionary keys over large strings
        {"is_date32": pa.string(), "is_dictionary": pa.dictionary(pa.uint32(), pa.large_string())},
        # floats where flags and levels are expected (whole numbers)
        {"is_uint8": pa.float64(), "is_boolean": pa.uint16()},
    ],
    ids=["wide", "views", "ns", "iso-strings", "floats"],
)
def test_column_types_read_alike(table: pa.Table, expected: pa.Table, how: dict[str, Any]) -> None:
    """Every Arrow type the Rust reader takes, directly or through arrow-cast, gives what the canonical types give."""
    assert probation.assess_table(_recast(table, how)).to_pylist() == expected.to_pylist()


@pytest.mark.parametrize(("offset", "length"), [(5, 2001), (8, 1000), (0, 17), (2999, 1)])
def test_sliced_batches(table: pa.Table, expected: pa.Table, offset: int, length: int) -> None:
    """Slices start inside a byte of a boolean bitmap (5) or on one (8): the booleans unpack from the right bit."""
    batch = table.combine_chunks().to_batches()[0].slice(offset, length)
    out = probation.assess_table(batch)
    assert out.to_pylist() == expected.slice(offset, length).to_pylist()


def test_null_flags_read_as_false_and_null_scores_as_missing(table: pa.Table, expected: pa.Table) -> None:
    """A null flag whose value bit is set reads as false (the validity bitmap wins), a null score as missing."""
    import pyarrow.compute as pc

    n = table.num_rows
    mask = pa.array([i % 3 == 0 for i in range(n)])
    nulled, falsed = [], []
    for col in table.columns:
        if pa.types.is_boolean(col.type):
            arr = col.combine_chunks()
            hide = pc.and_(mask, arr)
            valid = pc.invert(hide)
            nulled.append(pa.Array.from_buffers(pa.bool_(), n, [valid.buffers()[1], arr.buffers()[1]]))
            falsed.append(pc.and_(arr, valid))
        elif pa.types.is_float64(col.type):
            nulled.append(pc.if_else(pc.is_nan(col), pa.scalar(None, pa.float64()), col))
            falsed.append(col)
        else:
            nulled.append(col)
            falsed.append(col)
    nulled_t = pa.table(nulled, names=table.column_names)
    assert sum(c.null_count for c in nulled_t.columns if pa.types.is_boolean(c.type)) > 0
    want = probation.assess_table(pa.table(falsed, names=table.column_names)).to_pylist()
    assert want != expected.to_pylist()  # the hidden flags matter
    assert probation.assess_table(nulled_t).to_pylist() == want


def test_wrong_types_name_the_column(table: pa.Table) -> None:
    bad = table.set_column(table.column_names.index("rsr"), "rsr", pa.array(["x"] * table.num_rows))
    with pytest.raises(probation.DecodeError, match="`rsr`"):
        probation.assess_table(bad)
    flags = table.set_column(table.column_names.index("iom"), "iom", pa.array([300] * table.num_rows))
    with pytest.raises(probation.DecodeError, match="`iom`"):
        probation.assess_table(flags)
    keys = table.set_column(
        table.column_names.index("home_area"), "home_area",
        pa.DictionaryArray.from_arrays(pa.array([0] * table.num_rows, pa.int8()), pa.array(["C99"])),
    )
    with pytest.raises(probation.DecodeError, match="`home_area`"):
        probation.assess_table(keys)


def test_tier_2026_can_be_left_out(table: pa.Table, expected: pa.Table) -> None:
    out = probation.assess_table(table, tier_2026=False)
    assert out.column_names == ["provider", "allocation_deadline", "tier", "protect_points", "change_points"]
    assert out.to_pylist() == expected.select(out.column_names).to_pylist()
    only = probation.assess_table(table, tier=False, tier_2026=True)
    assert only.column_names == ["provider", "allocation_deadline", "tier_2026", "provisional"]
    assert only.to_pylist() == expected.select(only.column_names).to_pylist()
