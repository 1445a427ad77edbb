"""``probation.spark.assess`` in Spark local mode (``local[2]``, one session for the module) gives the same table
as ``assess_table``. Skipped when pyspark (bindings-python/requirements-spark.txt) or a JDK is missing."""

from __future__ import annotations

import datetime
import os
import shutil
import sys
from collections.abc import Iterator
from typing import Any

import pyarrow as pa
import pytest

import probation

pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None and "JAVA_HOME" not in os.environ:
    pytest.skip("no JDK for Spark", allow_module_level=True)

import probation.spark  # noqa: E402

ON = datetime.date(2018, 6, 1)
# pyspark 4.3 warns that pandas >= 3 is not fully supported; this path never goes through pandas.
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (SparkSession.builder.master("local[2]").appName("probation-test")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", "700").getOrCreate())
    yield session
    session.stop()


def test_spark_assess_equals_assess_table(spark: Any) -> None:
    table = probation.synth_table(5, 3_000, ON, like="arrow")
    table = table.append_column("row", pa.array(range(table.num_rows), type=pa.int64()))
    table = probation.spark.spark_types(table)
    df = spark.createDataFrame(table).repartition(3)
    got = probation.spark.assess(df, keep=["row"]).toArrow().sort_by("row")
    expected = probation.assess_table(table)
    assert got.column_names == ["row", *expected.column_names]
    for name in expected.column_names:
        want = expected.column(name)
        if pa.types.is_dictionary(want.type):
            want = want.cast(pa.string())
        assert got.column(name).to_pylist() == want.to_pylist(), name
