"""Issue 12 (4) and (6): ``Case.from_dict`` never puts a raw dictionary key or value into an error path or
message, reports a Python-only value (datetime, NaN, an object) at the field it is in, as precisely as the
JSON path; and a ``datetime`` given for a date argument is refused everywhere, as ``from_dict`` refuses one."""

from __future__ import annotations

import base64
import datetime
import json
import math
import pathlib
from collections.abc import Iterator
from typing import Any

import pytest

import probation
from cases import community_order

ROOT = pathlib.Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "vectors" / "hostile"


def _format_names() -> set[str]:
    """Every name the case format uses (field names, constants, enum values), from the generated schema."""
    names: set[str] = set()

    def walk(v: Any) -> None:
        if isinstance(v, dict):
            for k, x in v.items():
                if k == "properties" and isinstance(x, dict):
                    names.update(x)
                if k == "const" and isinstance(x, str):
                    names.add(x)
                if k == "enum" and isinstance(x, list):
                    names.update(s for s in x if isinstance(s, str))
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    schema = json.loads((ROOT / "schema" / "case.schema.json").read_text())
    walk(schema)
    names.update(a.value for a in probation.NeedArea)
    # The register codes the format knows are listed in RegisterCode's description ("known: RLRH, ..., HREG; other
    # codes are kept"): a message may name them (`MAPP` is in "a MAPPA registration's category ...").
    known = schema["$defs"]["RegisterCode"]["description"].split("known:", 1)[1].split(";", 1)[0]
    names.update(c.strip() for c in known.split(","))
    return names


FORMAT_NAMES = _format_names()


def _tokens(v: Any) -> Iterator[str]:
    """Every key and string value of a JSON value."""
    if isinstance(v, dict):
        for k, x in v.items():
            yield str(k)
            yield from _tokens(x)
    elif isinstance(v, list):
        for x in v:
            yield from _tokens(x)
    elif isinstance(v, str):
        yield v


def _untrusted(v: Any) -> set[str]:
    """The input's keys and values that are not the format's own names (long enough not to occur by chance)."""
    return {t for t in _tokens(v) if t not in FORMAT_NAMES and len(t) >= 4}


def _error_text(e: BaseException) -> str:
    return " ".join([str(e), repr(e.args), str(getattr(e, "path", "")), repr(getattr(e, "issues", ""))])


def _hostile_documents() -> Iterator[tuple[str, str]]:
    for f in sorted(HOSTILE.glob("*.json")):
        for i, case in enumerate(json.loads(f.read_text())["cases"]):
            inp = case["input"]
            if "text" in inp:
                text = inp["text"]
            elif "bytes_base64" in inp:
                try:
                    text = base64.b64decode(inp["bytes_base64"]).decode("utf-8")
                except UnicodeDecodeError:
                    continue
            else:
                continue
            yield f"{f.stem}[{i}]", text


def _as_dicts() -> list[Any]:
    out = []
    for name, text in _hostile_documents():
        try:
            obj = json.loads(text)
        except (ValueError, RecursionError):
            continue
        out.append(pytest.param(obj, id=name))
    return out


@pytest.mark.parametrize("obj", _as_dicts())
def test_no_hostile_vector_error_echoes_an_input_key_or_value(obj: Any) -> None:
    """Over every hostile vector that is JSON, decoded from a dict: an error's message and path hold only the
    format's own names, never another key or value of the input."""
    try:
        probation.Case.from_dict(obj)
    except probation.ProbationError as e:
        text = _error_text(e)
        leaked = sorted(t for t in _untrusted(obj) if t in text)
        assert not leaked, f"error echoes input {leaked!r}: {text}"


def _with_python_values(obj: Any) -> Any:
    """The same document with every date string a datetime, under a key spelled like a CRN."""
    if isinstance(obj, dict):
        return {k: _with_python_values(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_with_python_values(v) for v in obj]
    if isinstance(obj, str) and len(obj) == 10 and obj[4:5] == "-" and obj[7:8] == "-":
        try:
            d = datetime.date.fromisoformat(obj)
        except ValueError:
            return obj
        return datetime.datetime(d.year, d.month, d.day, 12, 30)
    return obj


@pytest.mark.parametrize("obj", _as_dicts())
def test_python_only_values_in_hostile_vectors_never_echo_input(obj: Any) -> None:
    wrapped = {"K918273": _with_python_values(obj), **(obj if isinstance(obj, dict) else {})}
    for candidate in (_with_python_values(obj), wrapped):
        try:
            probation.Case.from_dict(candidate)
            continue
        except probation.ProbationError as e:
            text = _error_text(e)
        leaked = sorted(t for t in _untrusted(obj) | {"K918273"} if t in text)
        assert not leaked, f"error echoes input {leaked!r}: {text}"


# The example of issue 12: a datetime under an unknown key spelled like a CRN.
def test_unknown_key_is_not_echoed_with_a_datetime_below_it() -> None:
    with pytest.raises(probation.DecodeError) as info:
        probation.Case.from_dict({"K918273": {"person": {"date_of_birth": datetime.datetime(1990, 4, 1)}}})
    assert "K918273" not in _error_text(info.value)
    assert info.value.path == ""
    assert "unknown field" in str(info.value)


def test_unknown_key_spelled_like_a_name_is_not_echoed() -> None:
    d = community_order()
    d["person"]["Marguerite Quennellford"] = datetime.datetime(1990, 4, 1)
    with pytest.raises(probation.DecodeError) as info:
        probation.Case.from_dict(d)
    assert "Marguerite" not in _error_text(info.value)
    assert info.value.path == "person"


@pytest.mark.parametrize(
    "value",
    [datetime.datetime(1990, 4, 1), math.nan, math.inf, object(), {1, 2}, b"X320741", type("JaneDoe", (), {})()],
    ids=["datetime", "nan", "inf", "object", "set", "bytes", "object-named-like-a-person"],
)
def test_python_only_value_is_reported_at_its_field(value: Any) -> None:
    d = community_order()
    d["person"]["date_of_birth"] = value
    with pytest.raises(probation.DecodeError) as info:
        probation.Case.from_dict(d)
    assert (info.value.kind, info.value.path) == ("schema", "person.date_of_birth")
    assert "JaneDoe" not in _error_text(info.value)


def test_python_only_value_in_an_optional_field_is_reported_at_the_field() -> None:
    d = community_order()
    d["assessments"][0]["rsr"] = math.nan
    with pytest.raises(probation.DecodeError) as info:
        probation.Case.from_dict(d)
    assert info.value.path == "assessments[0].rsr"
    assert "finite" in str(info.value)


def test_dict_errors_are_as_precise_as_json_errors() -> None:
    """A value the format refuses is reported at the same path from a dict as from the JSON text."""
    d = community_order()
    d["events"][0]["sentence"]["requirements"] = [{"kind": "rehabilitation_activity", "days": -1}]
    with pytest.raises(probation.DecodeError) as from_json:
        probation.Case.from_json(json.dumps(d))
    with pytest.raises(probation.DecodeError) as from_dict:
        probation.Case.from_dict(d)
    assert from_dict.value.path == from_json.value.path
    assert from_dict.value.path.startswith("events[0].sentence.requirements[0]")
    assert str(from_dict.value) == str(from_json.value)


def test_non_string_key_names_the_object_holding_it() -> None:
    d = community_order()
    d["person"][7] = "x"
    with pytest.raises(probation.DecodeError) as info:
        probation.Case.from_dict(d)
    assert info.value.path == "person"


def test_policy_from_dict_does_not_echo_keys() -> None:
    with pytest.raises(probation.PolicyError) as info:
        probation.AllocationPolicy.from_dict({"Marguerite": datetime.datetime(2014, 6, 1)})
    assert "Marguerite" not in _error_text(info.value)
    p = probation.AllocationPolicy().to_dict()
    p["tr_start"] = datetime.datetime(2014, 6, 1)
    with pytest.raises(probation.PolicyError) as info:
        probation.AllocationPolicy.from_dict(p)
    assert info.value.path == "tr_start"


# (6) A datetime for a date argument: refused, with a TypeError naming the argument.
ON = datetime.datetime(2016, 3, 1, 18, 0)


@pytest.mark.parametrize(
    "call",
    [
        lambda c: probation.allocate(c, ON),
        lambda c: probation.tier(c, ON),
        lambda c: probation.escalation(c, ON),
        lambda c: probation.allocate_many([c], ON),
        lambda c: probation.tier_many([c], [ON]),
        lambda c: probation.compliance(c, ON),
        lambda c: probation.cases_table([c], ON),
    ],
    ids=["allocate", "tier", "escalation", "allocate_many", "tier_many", "compliance", "cases_table"],
)
def test_datetime_for_on_is_refused(call: Any) -> None:
    case = probation.Case.from_dict(community_order())
    with pytest.raises(TypeError) as info:
        call(case)
    assert "datetime" in str(info.value)
    assert "'on'" in str(info.value) or "'as_of'" in str(info.value)


def test_datetime_for_a_calendar_date_is_refused() -> None:
    cal = probation.Calendar()
    with pytest.raises(TypeError, match="'date'"):
        cal.add_working_days(ON, 1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="extra_holidays"):
        probation.Calendar([ON])


def test_a_date_still_works() -> None:
    case = probation.Case.from_dict(community_order())
    assert probation.allocate(case, ON.date()).on == ON.date()
    assert probation.tier_many([case], [ON.date()])[0].on == ON.date()
