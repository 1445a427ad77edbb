"""Differential test: the binding (core) and the plain-Python reference (tests/reference.py, written from
docs/rules/allocation.md and tier.md) must agree on allocation and tier.

Two sources of cases, 10,000+ in all:
- hypothesis strategies that build case dicts aimed at the edges (RSR at 2.99 / 3.0 / 6.9 / 7.0, registrations
  registered on the same day, deregistrations on the decision date, invalid MAPPA levels, section answers,
  SAN thresholds, women's factors, breaches exactly 12 months back, the TR and Wales start dates);
- core's synthetic generator (`probation.synth`), a realistic caseload, each case on several dates.
"""

from __future__ import annotations

import datetime
import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import probation
import reference as ref

D = datetime.date
EXAMPLES = int(os.environ.get("PROBATION_DIFF_EXAMPLES", "2000"))
SYNTH_CASES = int(os.environ.get("PROBATION_DIFF_SYNTH", "8000"))

# Dates near the rules' boundaries, and a few ordinary ones.
KEY_DATES = [
    D(2013, 5, 1), D(2014, 5, 31), D(2014, 6, 1), D(2015, 2, 28), D(2016, 2, 29), D(2016, 3, 1),
    D(2017, 2, 28), D(2019, 11, 30), D(2019, 12, 1), D(2021, 6, 25), D(2021, 6, 26), D(2023, 3, 1),
]
dates = st.one_of(st.sampled_from(KEY_DATES), st.dates(D(2012, 1, 1), D(2024, 12, 31)))
percent = st.one_of(
    st.none(),
    st.sampled_from([0.0, 2.99, 3.0, 6.89, 6.9, 6.99, 7.0, 9.99, 10.0, 49.9, 50.0, 99.99, 100.0]),
    st.floats(0, 100, allow_nan=False),
)
rosh = st.sampled_from(["low", "medium", "high", "very_high"])
areas = [a.value for a in probation.NeedArea]
answers = st.sampled_from(["yes", "no", "none", "some", "significant", "never", "previous", "currently", "unknown"])
REG_CODES = [
    "RLRH", "RMRH", "RHRH", "RVHR", "MAPP", "INLL", "ADVP", "REG30", "SPO", "RCPR", "IIOM", "RMDO", "ALSH",
    "RVLN", "RCCO", "RCHD", "RPIR", "RVAD", "STRG", "RTAO", "PRC", "HREG", "ZZZZ",
]
REQUIREMENTS = [
    {"kind": "unpaid_work", "hours": 100},
    {"kind": "rehabilitation_activity", "days": 10},
    {"kind": "programme"},
    {"kind": "curfew", "hours_per_day": 8, "length": {"months": 3}},
    {"kind": "exclusion", "length": {"months": 3}},
    {"kind": "electronic_monitoring"},
    {"kind": "alcohol_treatment"},
    {"kind": "prohibited_activity"},
    {"kind": "alcohol_abstinence_monitoring", "length": {"months": 3}},
]


@st.composite
def requirement(draw: st.DrawFn, sentenced: D) -> dict[str, Any]:
    r = dict(draw(st.sampled_from(REQUIREMENTS)))
    if draw(st.booleans()) and draw(st.booleans()):
        r["terminated"] = sentenced + datetime.timedelta(days=draw(st.integers(0, 900)))
    return r


@st.composite
def event(draw: st.DrawFn) -> dict[str, Any]:
    sentenced = draw(dates)
    kind = draw(st.sampled_from(["community_order", "suspended_sentence_order", "custody"]))
    if kind == "custody":
        sentence: dict[str, Any] = {"type": "custody", "length": {"months": draw(st.integers(1, 48))}}
    else:
        reqs = draw(st.lists(requirement(sentenced), min_size=1, max_size=3))
        if kind == "community_order":
            sentence = {"type": kind, "length": {"months": 12}, "requirements": reqs}
        else:
            sentence = {
                "type": kind,
                "custodial_term": {"months": 6},
                "operational_period": {"months": 12},
                "supervision_period": {"months": 12},
                "requirements": reqs,
            }
    e: dict[str, Any] = {
        "offence_date": sentenced - datetime.timedelta(days=draw(st.integers(0, 300))),
        "sentence_date": sentenced,
        "sentence": sentence,
    }
    if draw(st.booleans()):
        e["termination_date"] = sentenced + datetime.timedelta(days=draw(st.integers(0, 1200)))
    return e


@st.composite
def registration(draw: st.DrawFn, day: st.SearchStrategy[D]) -> dict[str, Any]:
    code = draw(st.sampled_from(REG_CODES))
    r: dict[str, Any] = {"code": code, "registered": draw(day)}
    if code == "MAPP":
        level = draw(st.sampled_from([None, "M1", "M2", "M3", "M4", "X1"]))
        category = draw(st.sampled_from([None, "M1", "M2", "M3", "M4", "Z"]))
        if level is not None:
            r["level"] = level
        if category is not None:
            r["category"] = category
    if draw(st.integers(0, 3)) == 0:
        r["deregistered"] = r["registered"] + datetime.timedelta(days=draw(st.integers(0, 800)))
    return r


@st.composite
def assessment(draw: st.DrawFn, day: st.SearchStrategy[D]) -> dict[str, Any]:
    a: dict[str, Any] = {"date": draw(day), "kind": draw(st.sampled_from(["oasys", "san"]))}
    groups = draw(st.dictionaries(st.sampled_from(["children", "public", "known_adult", "staff"]), rosh, max_size=3))
    a["rosh"] = groups
    for k in ("rsr", "ogrs"):
        v = draw(percent)
        if v is not None:
            a[k] = v
    a["needs"] = draw(
        st.dictionaries(st.sampled_from(areas), st.sampled_from(["no_need", "standard", "severe"]), max_size=5)
    )
    a["section_answers"] = draw(
        st.dictionaries(st.sampled_from(areas), st.lists(st.one_of(st.none(), answers), max_size=6), max_size=5)
    )
    if draw(st.booleans()):
        a["womens_factors"] = {
            "parenting_responsibilities": draw(st.booleans()),
            "impulsivity": draw(st.integers(0, 2)),
            "temper_control": draw(st.integers(0, 2)),
            "breach_or_recall_last_12_months": draw(st.booleans()),
        }
    return a


@st.composite
def case_and_date(draw: st.DrawFn) -> tuple[dict[str, Any], D]:
    on = draw(dates)
    # A few days around `on` so that ties, "registered on the day" and "deregistered on the day" are common.
    near = st.sampled_from([on - datetime.timedelta(days=n) for n in (400, 366, 365, 30, 1, 0)] + [on + datetime.timedelta(days=1)])
    day = st.one_of(near, dates)
    case: dict[str, Any] = {
        "schema_version": 1,
        "person": {
            "crn": "X320741",
            "date_of_birth": D(1980, 1, 1),
            "sex": draw(st.sampled_from(["male", "female", "not_specified"])),
            "home_area": draw(st.sampled_from([f"C{i:02}" for i in range(1, 22)])),
            "foreign_national_liable_to_deportation": draw(st.integers(0, 9)) == 0,
        },
        "events": draw(st.lists(event(), max_size=3)),
        "registrations": draw(st.lists(registration(day), max_size=7)),
        "assessments": draw(st.lists(assessment(day), max_size=3)),
        "enforcement": [
            {"date": d, "kind": k}
            for d, k in draw(
                st.lists(
                    st.tuples(day, st.sampled_from(["warning", "breach_referral", "breach_laid", "recall_requested"])),
                    max_size=3,
                )
            )
        ],
    }
    return case, on


def compare(case_dict: dict[str, Any], case: probation.Case, on: D) -> None:
    a = probation.allocate(case, on)
    assert a.provider.value == ref.allocate(case_dict, on), ("allocation", on)
    t = probation.tier(case, on)
    inputs = ref.tier_inputs(case_dict, on)
    level, change_points = ref.change_level(inputs)
    assert (t.tier, t.protect.points, t.change.level, t.change.points) == (
        ref.tier_from_inputs(inputs),
        ref.protect_points(inputs),
        level,
        change_points,
    ), ("tier", on)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case_and_date())
def test_edges_agree(cd: tuple[dict[str, Any], D]) -> None:
    case_dict, on = cd
    case = probation.Case.from_dict(case_dict, validate=False)
    compare(case.to_dict(), case, on)


def test_synthetic_caseload_agrees() -> None:
    cases = probation.synth(20261126, SYNTH_CASES)
    on_dates = [D(2013, 1, 1), D(2016, 3, 1), D(2020, 6, 1), D(2024, 1, 1)]
    for i, case in enumerate(cases):
        d = case.to_dict()
        compare(d, case, on_dates[i % len(on_dates)])
