"""Allocation + 2021 tier as one DuckDB SQL query of ``CASE`` expressions over an Arrow table."""

from __future__ import annotations

from typing import Any

import duckdb

from . import COMPLEXITY, HIGH_ROSH, NEEDS, NPS_DIVISION, ROSH_POINTS, RSR_THRESHOLD, PS_START, TR_START, WALES_TO_NPS


def connect() -> duckdb.DuckDBPyConnection:
    """An in-memory connection on one thread (``SET threads=1``; also keeps the rows in input order)."""
    con = duckdb.connect()
    con.execute("SET threads=1")
    return con


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def _number(column: str) -> str:
    """``column`` with NaN as NULL (DuckDB orders NaN above every number)."""
    return f"(CASE WHEN isnan({column}) THEN NULL ELSE {column} END)"


def query(source: str, columns: list[str]) -> str:
    """The SQL over the relation ``source`` (with columns ``columns``)."""
    rsr = _number("tier_rsr" if "tier_rsr" in columns else "rsr")
    rosh = "tier_rosh" if "tier_rosh" in columns else "registered_rosh"
    division = " ".join(f"WHEN '{h}' THEN '{d}'" for h, d in NPS_DIVISION.items())
    rosh_points = " ".join(f"WHEN '{r}' THEN {p}" for r, p in ROSH_POINTS.items())
    complexity = " + ".join(f"{c}::INT" for c in COMPLEXITY)
    needs = " + ".join(f"{w} * {c}" for c, w in NEEDS.items() if w)
    return f"""
WITH p AS (
  SELECT
    CASE
      WHEN "on" < DATE '{TR_START}' THEN 'probation_trust'
      WHEN "on" >= DATE '{PS_START}' THEN 'probation_service'
      WHEN mappa_eligible OR assessed_rosh::VARCHAR IN {_in(HIGH_ROSH)} OR registered_rosh::VARCHAR IN {_in(HIGH_ROSH)}
        OR foreign_national_liable_to_deportation OR public_interest OR terrorism
        OR coalesce({_number('rsr')} >= {RSR_THRESHOLD}, false)
        OR (home_area::VARCHAR = 'C10' AND "on" >= DATE '{WALES_TO_NPS}')
      THEN CASE home_area::VARCHAR {division} END
      ELSE home_area::VARCHAR
    END AS provider,
    greatest(
      CASE WHEN {rsr} >= 7 THEN 20 WHEN {rsr} >= 3 THEN 10 ELSE 0 END,
      CASE {rosh}::VARCHAR {rosh_points} ELSE 0 END
    )
    + CASE WHEN mappa_level >= 2 THEN 150 WHEN mappa_level = 1 THEN 5 ELSE 0 END
    + 2 * ({complexity})
    + CASE WHEN female THEN 2 * (parenting_responsibilities::INT + impulsivity_or_temper::INT
                                  + breach_or_recall_last_12_months::INT) ELSE 0 END AS protect,
    CASE WHEN has_mandate AND has_assessment
      THEN {needs} + least(greatest(floor(coalesce({_number('ogrs')}, 0) / 10), 0), 10)::INT
           + 2 * iom::INT
      ELSE 0 END AS change,
    has_mandate, has_assessment, unsupervised
  FROM {source}
)
SELECT
  provider,
  CASE WHEN protect >= 150 THEN 'A' WHEN protect >= 20 THEN 'B' WHEN protect >= 10 THEN 'C' ELSE 'D' END
  || CASE WHEN NOT has_mandate THEN '0' WHEN NOT has_assessment THEN '2'
          WHEN change >= 20 THEN '3' WHEN change >= 10 THEN '2' ELSE '1' END
  || CASE WHEN unsupervised THEN 'S' ELSE '' END AS tier,
  protect::UINTEGER AS protect_points,
  change::UINTEGER AS change_points
FROM p
"""


def assess(con: duckdb.DuckDBPyConnection, table: Any) -> Any:
    """The result as a pyarrow Table, ``table`` being a pyarrow Table (scanned in place through Arrow)."""
    con.register("cases", table)
    try:
        return con.sql(query("cases", list(table.column_names))).to_arrow_table()
    finally:
        con.unregister("cases")
