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
