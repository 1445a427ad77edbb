"""The columnar engine inside Apache Spark: ``assess(df, on=..., policy=...)`` runs ``probation.assess_table`` on
each Arrow record batch of a Spark DataFrame through ``mapInArrow`` (the output schema given explicitly; no pandas
round trip), so allocation and both tiers run on every executor. Needs ``pyspark`` (not a dependency of the
package) and the ``probation`` wheel on the executors: see docs/python.md, "Spark".
"""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Iterator, Sequence
from typing import Any

from ._api import PolicyArg
from ._columnar import _RESULT_KINDS, assess_table

# Spark SQL types of the output columns (categories as strings, points as 64-bit ints).
_SPARK_TYPES = {"cat": "string", "date": "date", "u32": "bigint", "bool": "boolean"}


def output_schema(df: Any, keep: Sequence[str] | None = None, *, allocation: bool = True, tier: bool = True) -> Any:
    """The schema ``assess`` gives: the ``keep`` columns of ``df`` (all by default), then the result columns."""
    types = importlib.import_module("pyspark.sql.types")
    fields = [f for f in df.schema.fields if keep is None or f.name in keep]
    names = _result_names(allocation, tier)
    for name in names:
        fields.append(_field(name, types._parse_datatype_string(_SPARK_TYPES[_RESULT_KINDS[name].split(":")[0]])))
    return types.StructType(fields)


def _field(name: str, dtype: Any) -> Any:
    return importlib.import_module("pyspark.sql.types").StructField(name, dtype, True)


def _result_names(allocation: bool, tier: bool) -> list[str]:
    alloc = ("provider", "allocation_deadline")
    # Without `explain`, assess_table leaves out the rules-fired and policy columns.
    plain = [n for n, k in _RESULT_KINDS.items() if not (k.startswith("rules:") or k == "str")]
    return [n for n in plain if (n in alloc and allocation) or (n not in alloc and tier)]


def spark_types(table: Any) -> Any:
    """A pyarrow Table of input columns in types Spark has: categories (dictionaries) as strings, unsigned
    integers as ``int32`` — e.g. ``spark.createDataFrame(spark_types(probation.synth_table(..., like="arrow")))``."""
    import pyarrow as pa

    def spark_type(c: Any) -> Any:
        if pa.types.is_dictionary(c.type):
            return c.cast(pa.string())
        if pa.types.is_unsigned_integer(c.type):
            return c.cast(pa.int32())
        return c

    return pa.table({n: spark_type(c) for n, c in zip(table.column_names, table.columns)})


def assess(
    df: Any,
    on: datetime.date | None = None,
    policy: PolicyArg = None,
    *,
    keep: Sequence[str] | None = None,
    allocation: bool = True,
    tier: bool = True,
) -> Any:
    """A Spark DataFrame of ``df``'s ``keep`` columns (all by default: keep an id to join on) followed by
    ``assess_table``'s result columns (``provider``, ``allocation_deadline``, ``tier``, ``protect_points``,
    ``change_points``, ``tier_2026``, ``provisional``), one row per row of ``df``. ``df`` holds the columns of
    docs/python.md ("Input columns") in Spark types (strings for categories, dates, doubles, booleans, ints).
    Lazy like any Spark transformation; errors (``DecodeError``, ``RuleError``) surface when an action runs."""
    if policy is not None and hasattr(policy, "to_dict"):
        policy = policy.to_dict()  # plain data pickles to the executors
    schema = output_schema(df, keep, allocation=allocation, tier=tier)
    kept = [f.name for f in schema.fields][: len(schema.fields) - len(_result_names(allocation, tier))]

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa

        for batch in batches:
            table = pa.Table.from_batches([batch])
            out = assess_table(table, on, policy, allocation=allocation, tier=tier)
            arrays = [table.column(k) for k in kept]
            for name in out.column_names:
                col = out.column(name)
                arrays.append(col.cast(pa.string()) if pa.types.is_dictionary(col.type) else
                              col.cast(pa.int64()) if pa.types.is_uint32(col.type) else col)
            result = pa.Table.from_arrays(arrays, names=kept + out.column_names)
            yield from result.to_batches()

    return df.mapInArrow(run, schema)
