"""The exception hierarchy, its mapping from core's errors, and hostile input: every bad input gets its typed
error, no message carries a personal value, and no input surfaces as a PanicException."""

from __future__ import annotations

import json
from typing import Any

import pytest

import probation
from cases import PERSON, community_order

SECRETS = ("X320741", "Jane", "Doe", "1990-04-01", "0012345")


def no_secret(e: BaseException) -> None:
    text = str(e) + repr(e.args)
    for s in SECRETS:
        assert s not in text, f"message leaks {s!r}: {text}"


def test_hierarchy() -> None:
    for cls in (
        probation.DecodeError,
        probation.ValidationError,
        probation.PolicyError,
        probation.CalendarError,
        probation.RuleError,
    ):
        assert issubclass(cls, probation.ProbationError)
        assert issubclass(cls, ValueError)
        assert cls.__module__ == "probation._probation"
        assert cls.__doc__
    assert issubclass(probation.InternalError, probation.ProbationError)
    assert not issubclass(probation.InternalError, ValueError)
    assert issubclass(probation.ProbationError, Exception)


def test_validation_error_carries_every_issue() -> None:
    d = community_order()
    d["events"][0]["sentence"]["length"] = {"years": 4}
    d["events"][0]["sentence"]["requirements"][0]["hours"] = 500
    with pytest.raises(probation.ValidationError) as info:
        probation.Case.from_dict(d)
    assert info.value.issues == [
        ("events[0].sentence.length", "community_order_too_long"),
        ("events[0].sentence.requirements[0].hours", "unpaid_work_hours"),
    ]
    assert "2 validation error(s)" in str(info.value)
    no_secret(info.value)


def test_decode_error_names_the_path_not_the_value() -> None:
    d = community_order()
    d["person"]["nickname"] = "Jane"
    with pytest.raises(probation.DecodeError) as info:
        probation.Case.from_dict(d)
    # An unknown key is never part of the path (it could be personal data): the path is the object holding it.
    assert (info.value.kind, info.value.path) == ("schema", "person")
    no_secret(info.value)


def test_syntax_error() -> None:
    with pytest.raises(probation.DecodeError) as info:
        probation.Case.from_json('{"schema_version": 1, "person": {"crn": "X320741"')
    assert info.value.kind == "syntax"
    no_secret(info.value)


def person(**overrides: Any) -> dict[str, Any]:
    p = dict(PERSON)
    p.update(overrides)
    return p


def case_with(**overrides: Any) -> dict[str, Any]:
    d = community_order()
    d.update(overrides)
    return d


def nested(depth: int) -> Any:
    v: Any = 1
    for _ in range(depth):
        v = {"a": v}
    return v


# (description, object given to Case.from_dict, expected exception class, expected path or None)
HOSTILE_DICTS: list[tuple[str, Any, type[Exception], str | None]] = [
    ("not a dict", ["a", "list"], probation.DecodeError, None),
    ("string", "X320741", probation.DecodeError, ""),
    ("empty dict", {}, probation.DecodeError, None),
    ("wrong schema version", case_with(schema_version=2), probation.DecodeError, "schema_version"),
    ("schema version as string", case_with(schema_version="1"), probation.DecodeError, "schema_version"),
    ("bad crn", case_with(person=person(crn="X32074")), probation.DecodeError, "person.crn"),
    ("crn as int", case_with(person=person(crn=320741)), probation.DecodeError, "person.crn"),
    ("pnc check letter", case_with(person=person(pnc="2004/0012345E")), probation.DecodeError, "person.pnc"),
    ("29 February in a common year", case_with(person=person(date_of_birth="1990-02-29")), probation.DecodeError, "person.date_of_birth"),
    ("date with time", case_with(person=person(date_of_birth="1990-04-01T00:00:00")), probation.DecodeError, "person.date_of_birth"),
    ("unknown sex", case_with(person=person(sex="jane")), probation.DecodeError, "person.sex"),
    ("unknown home area", case_with(person=person(home_area="C22")), probation.DecodeError, "person.home_area"),
    ("nan", case_with(assessments=[{"date": "2016-03-10", "rsr": float("nan")}]), probation.DecodeError, "assessments[0].rsr"),
    ("infinity", case_with(assessments=[{"date": "2016-03-10", "ogrs": float("inf")}]), probation.DecodeError, "assessments[0].ogrs"),
    ("huge integer", case_with(schema_version=10**30), probation.DecodeError, "schema_version"),
    ("negative hours", case_with(events=[{"offence_date": "2016-01-04", "sentence_date": "2016-03-01", "sentence": {"type": "community_order", "length": {"months": 12}, "requirements": [{"kind": "unpaid_work", "hours": -5}]}}]), probation.DecodeError, "events[0].sentence.requirements[0].hours"),  # as precise as the JSON path (issue 12)
    ("set value", case_with(registrations={1, 2}), probation.DecodeError, "registrations"),
    ("bytes value", case_with(person=person(crn=b"X320741")), probation.DecodeError, "person.crn"),
    ("non-string key", {1: "a"}, probation.DecodeError, ""),
    ("deep nesting", case_with(extra=nested(500)), probation.DecodeError, None),
    ("lone surrogate", case_with(person=person(crn="X32074\ud800")), probation.DecodeError, "person.crn"),
    ("huge array", case_with(contacts=[{"date": "2016-03-04", "kind": "appointment", "outcome": "attended"}] * 20_000), probation.DecodeError, None),
    ("datetime instead of date", case_with(person=person(date_of_birth=__import__("datetime").datetime(1990, 4, 1))), probation.DecodeError, "person.date_of_birth"),
    ("date before 1900", case_with(person=person(date_of_birth="1899-12-31")), probation.ValidationError, None),
    ("date after 2200", case_with(person=person(date_of_birth="2201-01-01")), probation.ValidationError, None),
    ("unknown sentence type", case_with(events=[{"offence_date": "2016-01-04", "sentence_date": "2016-03-01", "sentence": {"type": "fine"}}]), probation.DecodeError, "events[0].sentence.type"),
    ("rsr above 100", case_with(assessments=[{"date": "2016-03-10", "rsr": 100.5}]), probation.ValidationError, None),
    ("deregistered before registered", case_with(registrations=[{"code": "RHRH", "registered": "2016-03-02", "deregistered": "2016-03-01"}]), probation.ValidationError, None),
]


@pytest.mark.parametrize(("obj", "exc", "path"), [pytest.param(o, e, p, id=d) for d, o, e, p in HOSTILE_DICTS])
def test_hostile_dicts(obj: Any, exc: type[Exception], path: str | None) -> None:
    with pytest.raises(exc) as info:
        probation.Case.from_dict(obj)
    assert isinstance(info.value, probation.ProbationError)
    if path is not None:
        assert getattr(info.value, "path") == path
    no_secret(info.value)


HOSTILE_TEXT: list[tuple[str, str | bytes, str]] = [
    ("empty", "", "syntax"),
    ("whitespace", "   ", "syntax"),
    ("null", "null", "schema"),
    ("trailing garbage", json.dumps(community_order()) + "x", "syntax"),
    ("two documents", json.dumps(community_order()) * 2, "syntax"),
    ("invalid utf-8", b'{"schema_version":1,"person":{"crn":"X32\xff0741"}}', "invalid_utf8"),
    ("too large", " " * (1 << 20) + "{}", "too_large"),
    ("duplicate key", '{"schema_version":1,"schema_version":1,"person":{}}', "schema"),
    ("deep nesting", "[" * 10_000 + "]" * 10_000, "too_deep"),
    ("NaN literal", json.dumps(community_order()).replace('"rsr": 4.2', '"rsr": NaN'), "syntax"),
    ("number overflow", json.dumps(community_order()).replace('"hours": 120', '"hours": 1e400'), "syntax"),
]


@pytest.mark.parametrize(("text", "kind"), [pytest.param(t, k, id=d) for d, t, k in HOSTILE_TEXT])
def test_hostile_text(text: str | bytes, kind: str) -> None:
    with pytest.raises(probation.DecodeError) as info:
        probation.Case.from_json(text)
    assert info.value.kind == kind
    no_secret(info.value)


def test_wrong_argument_type_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        probation.Case.from_json(12)  # type: ignore[arg-type]


def test_a_panic_is_an_internal_error_not_a_panic_exception() -> None:
    with pytest.raises(probation.InternalError) as info:
        probation._probation._panic_for_test()
    assert "index out of bounds" not in str(info.value)


# Arbitrary input: whatever it is, the outcome is a case or a ProbationError — never a PanicException, never
# another exception type.
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12) | st.dates(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=30,
)


def mutated_case(draw_value: Any, key_path: list[str]) -> dict[str, Any]:
    d = community_order()
    node: Any = d
    for k in key_path[:-1]:
        node = node[k] if not isinstance(node, list) else node[0]
    if isinstance(node, dict):
        node[key_path[-1]] = draw_value
    return d


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300))
def test_arbitrary_text_never_panics(data: str | bytes) -> None:
    try:
        probation.Case.from_json(data)
    except probation.ProbationError:
        pass


@settings(max_examples=400, deadline=None)
@given(
    json_values,
    st.sampled_from(
        [
            ["schema_version"],
            ["person", "crn"],
            ["person", "date_of_birth"],
            ["person", "home_area"],
            ["events"],
            ["events", "0", "sentence"],
            ["events", "0", "sentence", "length"],
            ["registrations"],
            ["assessments", "0", "rsr"],
            ["assessments", "0", "needs"],
            ["contacts"],
        ]
    ),
)
def test_arbitrary_values_never_panic(value: Any, key_path: list[str]) -> None:
    import datetime

    try:
        case = probation.Case.from_dict(mutated_case(value, key_path), validate=False)
    except probation.ProbationError:
        return
    for call in (
        lambda: probation.allocate(case, datetime.date(2016, 6, 1)),
        lambda: probation.tier(case, datetime.date(2016, 6, 1)),
        lambda: probation.schedule(case, "tr2014"),
        lambda: probation.compliance(case, datetime.date(2016, 6, 1), "tr2014"),
        lambda: [probation.sentence_dates(case, i) for i in range(case.event_count)],
    ):
        try:
            call()
        except probation.ProbationError:
            pass
