"""Issue 11: the Python types and the columnar columns are declared once. The generated ``_types.py`` agrees
with ``schema/types.schema.json`` (which ``cargo test -p schema-gen`` keeps equal to core's types), every
generated type is public, and the columnar tables have exactly the columns the native module declares."""

from __future__ import annotations

import dataclasses
import datetime
import enum
import json
import pathlib
from typing import Any

import probation
from probation import _types
from cases import community_order

ROOT = pathlib.Path(__file__).resolve().parents[2]
DEFS: dict[str, Any] = json.loads((ROOT / "schema" / "types.schema.json").read_text())["$defs"]


def _enum_values(d: dict[str, Any]) -> list[str] | None:
    if "enum" in d:
        return list(d["enum"])
    alts = d.get("oneOf")
    if alts and all("const" in a for a in alts):
        return [a["const"] for a in alts]
    return None


def test_every_schema_type_is_a_python_type_with_the_same_names() -> None:
    checked = 0
    for name, d in DEFS.items():
        values = _enum_values(d)
        if values is not None:
            cls = getattr(_types, name)
            assert issubclass(cls, enum.Enum)
            assert [m.value for m in cls] == values, name
            checked += 1
        elif "properties" in d:
            cls = getattr(_types, name)
            assert dataclasses.is_dataclass(cls)
            assert {f.name for f in dataclasses.fields(cls)} == set(d["properties"]), name
            checked += 1
        elif "oneOf" in d:  # internally tagged: one class, every variant's fields
            cls = getattr(_types, name)
            fields: set[str] = set()
            for v in d["oneOf"]:
                fields |= set(v["properties"])
            assert {f.name for f in dataclasses.fields(cls)} == fields, name
            checked += 1
    assert checked >= 40


def test_every_generated_type_is_public() -> None:
    for name in _types.__all__:
        assert getattr(probation, name) is getattr(_types, name)
        assert name in probation.__all__


def test_generated_types_keep_their_python_extras() -> None:
    assert probation.Provider.N07.is_nps and probation.Provider.C17.is_crc
    assert repr(probation.Provider.N07) == "Provider.N07"
    assert dataclasses.fields(probation.Allocation)[-1].name == "override"
    assert probation.Trigger(probation.TriggerKind.ASSESSMENT, 0).code is None


def test_docstrings_come_from_the_rust_doc_comments() -> None:
    for name in ("Allocation", "Tier", "Schedule", "SentenceDates", "Provider"):
        doc = getattr(probation, name).__doc__
        assert doc and doc.startswith(DEFS[name]["description"][:40]), name


def test_cases_table_has_exactly_the_declared_columns() -> None:
    case = probation.Case.from_dict(community_order())
    table = probation.cases_table([case], datetime.date(2016, 3, 1))
    assert list(table.columns) == probation.input_columns()
    assert [n for n, _ in probation._probation.input_columns()] == probation.input_columns()


def test_assess_table_has_exactly_the_declared_outputs() -> None:
    case = probation.Case.from_dict(community_order())
    table = probation.cases_table([case], datetime.date(2016, 3, 1))
    declared = probation._probation.output_columns()
    assert list(probation.assess_table(table, explain=True).columns) == [n for n, _ in declared]
    plain = [n for n, k in declared if not (k.startswith("rules:") or k == "str")]
    assert list(probation.assess_table(table).columns) == plain
