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


def _nan_as_null(col: pa.ChunkedArray) -> pa.Array:
    """``col`` with every NaN score made a null (Arrow's own missing value; the fixture spells them NaN)."""
    import pyarrow.compute as pc

    a = col.combine_chunks()
    if pa.types.is_floating(a.type):
        return pc.if_else(pc.is_nan(a), pa.scalar(None, a.type), a)
    return a


def _garbage_under_nulls(a: pa.Array) -> pa.Array:
    """``a`` rebuilt with every null row's value slot overwritten (0x5A bytes), so that a reader that looks under
    the validity bitmap gives a different answer."""
    if a.null_count == 0 or not (pa.types.is_floating(a.type) or pa.types.is_timestamp(a.type)):
        return a
    width = a.type.bit_width // 8
    values = bytearray(a.buffers()[1].to_pybytes())
    valid = a.is_valid().to_pylist()
    for i, ok in enumerate(valid):
        if not ok:
            start = (a.offset + i) * width
            values[start:start + width] = b"\x5a" * width
    return pa.Array.from_buffers(a.type, len(a), [a.buffers()[0], pa.py_buffer(bytes(values))], offset=a.offset)


def test_nulls_read_as_missing_whatever_lies_under_them(table: pa.Table, expected: pa.Table) -> None:
    """Nulls in score, category and date columns read as core's missing values: the same rows as the scores
    spelled NaN, whether the null slots hold garbage or not, and when the table starts at an offset that is not a
    multiple of 8 (validity bitmaps are read 64 rows at a time)."""
    nulled = pa.table({n: _nan_as_null(c) for n, c in zip(table.column_names, table.columns)})
    # Nulls to read in each kind.
    kinds = {str(nulled.schema.field(c).type)[:4] for c in nulled.column_names if nulled.column(c).null_count}
    assert {"doub", "dict", "date"} <= kinds, kinds
    assert probation.assess_table(nulled).equals(expected)
    garbage = pa.table({n: _garbage_under_nulls(c.combine_chunks()) for n, c in zip(nulled.column_names,
                                                                                  nulled.columns)})
    assert probation.assess_table(garbage).equals(expected)
    for offset in (1, 3, 7, 63, 65):
        sliced = pa.table({n: c.combine_chunks().slice(offset) for n, c in zip(garbage.column_names, garbage.columns)})
        assert probation.assess_table(sliced).to_pylist() == expected.slice(offset).to_pylist()


def test_dictionary_key_without_an_entry_is_refused_naming_the_row(table: pa.Table) -> None:
    """A dictionary key past the end of its dictionary, in a row that is not null, is a DecodeError naming the
    column and the row; the same key under a null is read as missing."""
    name = "assessed_rosh"
    col = table.column(name).combine_chunks()
    keys = [0 if k is None else k for k in col.indices.to_pylist()]
    keys[5] = 120  # no such entry
    at = table.schema.get_field_index(name)
    bad = pa.DictionaryArray.from_arrays(pa.array(keys, pa.int8()), col.dictionary, safe=False)
    with pytest.raises(probation.DecodeError, match=f"{name}.*out of range at row 5"):
        probation.assess_table(table.set_column(at, name, bad))
    mask = [i == 5 for i in range(len(keys))]
    import numpy as np

    # From numpy the key buffer is wrapped as it is, so the 120 stays under the null.
    under = pa.array(np.array(keys, dtype=np.int8), mask=np.array(mask))
    assert under.buffers()[1].to_pybytes()[5] == 120
    masked = pa.DictionaryArray.from_arrays(under, col.dictionary, safe=False)
    clean = pa.DictionaryArray.from_arrays(pa.array([None if m else k for k, m in zip(keys, mask)], pa.int8()),
                                           col.dictionary)
    assert probation.assess_table(table.set_column(at, name, masked)).equals(
        probation.assess_table(table.set_column(at, name, clean)))


def test_polars_categoricals_read_through_their_physical_codes(table: pa.Table, expected: pa.Table) -> None:
    """Polars categoricals are handed over as their physical codes over their whole category list (global by
    default, so holding categories other columns use, and strings no column knows, in the order Polars first saw
    them): the same rows as the pyarrow Table; an unknown category a row uses is still refused."""
    pl = pytest.importorskip("polars")
    # Seen before the table: physical codes 0.. are these, not the table's own order.
    seen = pl.Series(["not a code", "very_high", "C21", "static", "C01"], dtype=pl.Categorical)
    frame = pl.from_arrow(table)
    listed = frame.get_column("home_area").dtype.categories.to_series().to_list()
    assert "not a code" in listed and "low" in listed, listed[:8]
    assert probation.assess_table(frame).to_arrow().to_pylist() == expected.to_pylist()
    assert probation.assess_table(frame.slice(7)).to_arrow().to_pylist() == expected.slice(7).to_pylist()
    bad = frame.with_columns(pl.Series("home_area", ["C99"] + ["C01"] * (len(frame) - 1), dtype=pl.Categorical))
    with pytest.raises(probation.DecodeError, match="`home_area`.*unknown code"):
        probation.assess_table(bad)
    del seen


def test_nan_scores_under_nulls_are_read_in_place_only_when_every_null_holds_nan(
    table: pa.Table, expected: pa.Table
) -> None:
    """pyarrow's ``from_pandas`` makes NaN a null and keeps the NaN under it (so the reader borrows the values);
    one null over a number instead makes the reader fill the nulls, with the same rows."""
    import numpy as np

    at = table.schema.get_field_index("rsr")
    values = table.column("rsr").combine_chunks().to_numpy(zero_copy_only=False)
    nulled = pa.array(values, from_pandas=True)
    assert nulled.null_count > 0
    assert probation.assess_table(table.set_column(at, "rsr", nulled)).equals(expected)
    under = values.copy()
    first_null = int(np.flatnonzero(np.isnan(under))[0])
    under[first_null] = 50.0  # a score that would change the row (NPS on RSR) were it read
    mixed = pa.Array.from_buffers(pa.float64(), len(under), [nulled.buffers()[0], pa.py_buffer(under)])
    assert not mixed.is_valid()[first_null].as_py()
    read = probation.assess_table(table.set_column(at, "rsr", pa.array(under, from_pandas=True)))
    assert not read.equals(expected)  # so the test fails if the number under the null were read
    assert probation.assess_table(table.set_column(at, "rsr", mixed)).equals(expected)


def test_a_value_that_cannot_be_read_names_its_row_of_the_whole_table() -> None:
    """A table of two batches, three rows each, with a MAPPA level of 300 (no byte) in the second batch's last
    row: the error names row 5 of the table, not row 2 of its batch; the same for a dictionary key past the end of
    its dictionary."""
    first = pa.table({"home_area": ["C17"] * 3, "mappa_level": pa.array([0, 1, 2], pa.int64())})
    second = pa.table({"home_area": ["C17"] * 3, "mappa_level": pa.array([0, 1, 300], pa.int64())})
    both = pa.concat_tables([first, second])
    assert both.column("mappa_level").num_chunks == 2
    with pytest.raises(probation.DecodeError, match="mappa_level.*cannot be read as u8 at row 5$"):
        probation.assess_table(both, on=ON, tier_2026=False)
    areas = pa.array(["C17"])
    key = lambda k: pa.DictionaryArray.from_arrays(pa.array(k, pa.int8()), areas, safe=False)  # noqa: E731
    keyed = pa.concat_tables([
        pa.table({"home_area": key([0, 0, 0])}),
        pa.table({"home_area": key([0, 0, 9])}),
    ])
    with pytest.raises(probation.DecodeError, match="home_area.*out of range at row 5$"):
        probation.assess_table(keyed, on=ON, tier_2026=False)
