"""Runs every shared vector file under tests/vectors through the Python API (see tests/vectors/README.md).

A file naming a function this runner does not know fails, so no vector is silently skipped.
"""

from __future__ import annotations

import base64
import datetime
import json
import pathlib
from typing import Any, Callable

import pytest

import probation
from conftest import REPO, VECTORS
from jsonform import subset, to_json_form


def case_validate(inp: dict[str, Any]) -> Any:
    try:
        case = probation.Case.from_dict(inp["case"], validate=False)
    except probation.DecodeError as e:
        return {"error": {"kind": "decode", "path": e.path}}
    issues = case.issues()
    if not issues:
        return {"valid": True}
    return {"valid": False, "issues": [{"path": p, "rule": r} for p, r in issues]}


def calendar(inp: dict[str, Any]) -> probation.Calendar:
    return probation.Calendar([datetime.date.fromisoformat(d) for d in inp.get("extra_holidays", [])])


def calendar_fn(call: Callable[[probation.Calendar, dict[str, Any]], Any]) -> Callable[[dict[str, Any]], Any]:
    def run(inp: dict[str, Any]) -> Any:
        try:
            return call(calendar(inp), inp)
        except probation.CalendarError as e:
            return {"error": {"kind": e.code}}

    return run


def d(s: str) -> datetime.date:
    return datetime.date.fromisoformat(s)


def sentence_dates(inp: dict[str, Any]) -> Any:
    case = probation.Case.from_dict(
        {"schema_version": 1, "person": inp["person"], "events": [inp["event"]]}, validate=False
    )
    try:
        return probation.sentence_dates(case, 0)
    except probation.RuleError as e:
        assert e.kind == "sentence"
        return {"error": {"kind": e.code, "field": e.path}}


def contact_fn(call: Callable[[probation.Case, Any, probation.Calendar, dict[str, Any]], Any]) -> Callable[[dict[str, Any]], Any]:
    def run(inp: dict[str, Any]) -> Any:
        try:
            case = probation.Case.from_dict(inp["case"], validate=False)
        except probation.DecodeError as e:
            return {"error": {"kind": "decode", "path": e.path}}
        try:
            policy = inp["policy"]
            if isinstance(policy, dict):
                policy = probation.ContactPolicy.from_dict(policy)
            return call(case, policy, calendar(inp), inp)
        except probation.PolicyError as e:
            return {"error": {"kind": e.code, "path": e.path}}
        except probation.CalendarError:
            return {"error": {"kind": "calendar", "path": ""}}
        except probation.RuleError as e:
            return {"error": {"kind": e.code, "path": e.path}}

    return run


def raw_document(inp: dict[str, Any]) -> str | bytes:
    if "text" in inp:
        return str(inp["text"])
    if "bytes_base64" in inp:
        return base64.b64decode(inp["bytes_base64"])
    g = inp["generate"]
    return str(g["prefix"]) + str(g["repeat"]) * int(g["count"]) + str(g["suffix"])


def decode_validate_raw(inp: dict[str, Any]) -> Any:
    try:
        case = probation.Case.from_json(raw_document(inp), validate=False)
    except probation.DecodeError as e:
        kind = "decode" if e.kind in ("syntax", "schema") else e.kind
        return {"valid": False, "error": {"kind": kind, "path": e.path}, "message": str(e)}
    try:
        case.validate()
    except probation.ValidationError as e:
        path, rule = e.issues[0]
        return {
            "valid": False,
            "error": {"kind": "validation", "path": path, "rule": rule},
            "issues": [{"path": p, "rule": r} for p, r in e.issues],
            "message": str(e),
        }
    return {"valid": True}


def engine_fn(call: Callable[[probation.Case, dict[str, Any]], Any]) -> Callable[[dict[str, Any]], Any]:
    """Allocation, escalation and tier: errors as {"error": {"kind", "path"}}."""

    def run(inp: dict[str, Any]) -> Any:
        case = probation.Case.from_dict(inp["case"], validate=False)
        try:
            return call(case, inp)
        except probation.PolicyError as e:
            return {"error": {"kind": "policy", "path": e.path}}
        except probation.CalendarError:
            return {"error": {"kind": "calendar", "path": ""}}
        except probation.RuleError as e:
            return {"error": {"kind": e.code, "path": e.path}}

    return run


def allocation_policy(inp: dict[str, Any]) -> Any:
    p = inp.get("policy")
    return probation.AllocationPolicy.from_dict(p) if isinstance(p, dict) else p


def allocate(case: probation.Case, inp: dict[str, Any]) -> Any:
    over = inp.get("override")
    override = (
        None
        if over is None
        else probation.ManagerOverride(probation.Provider(over["provider"]), probation.OverrideReason(over["reason"]))
    )
    a = probation.allocate(case, d(inp["on"]), allocation_policy(inp), override)
    return {**to_json_form(a), "effective_provider": a.effective_provider.value}


def predictor_fn(call: Callable[[dict[str, Any]], Any]) -> Callable[[dict[str, Any]], Any]:
    """A predictor over its own input dict: refusals as {"error": {"kind", "field"}}."""

    def run(inp: dict[str, Any]) -> Any:
        try:
            return call(inp)
        except probation.RuleError as e:
            assert e.kind == "predictors"
            return {"error": {"kind": e.code, "field": e.path}}

    return run


def predictors_case(inp: dict[str, Any]) -> Any:
    try:
        case = probation.Case.from_dict(inp["case"], validate=False)
    except probation.DecodeError as e:
        return {"error": {"kind": "decode", "path": e.path}}
    return probation.predictors(case, d(inp["on"]))


def release_dates(inp: dict[str, Any]) -> Any:
    case = probation.Case.from_dict(
        {"schema_version": 1, "person": inp["person"], "bookings": [inp["booking"]]}, validate=False
    )
    try:
        return probation.release_dates(case, d(inp["on"]), 0, inp.get("options"))
    except probation.RuleError as e:
        assert e.kind == "release" and e.path.startswith("bookings[0].")
        return {"error": {"kind": e.code, "field": e.path.removeprefix("bookings[0].")}}


def record_text(inp: dict[str, Any]) -> str:
    """The document of a records vector: generated, raw text, or a JSON document (compact, as the Rust runner)."""
    if "generate" in inp:
        g = inp["generate"]
        return str(g["prefix"]) + ",".join([str(g["repeat"])] * int(g["count"])) + str(g["suffix"])
    if "text" in inp:
        return str(inp["text"])
    return json.dumps(inp["document"], ensure_ascii=False, separators=(",", ":"))


def record_fn(call: Callable[[dict[str, Any]], Any]) -> Callable[[dict[str, Any]], Any]:
    """A records mapping: a RecordError as {"error": {"kind", "path", "code"?, "max"?, "limit"?, "reason"?,
    "message"}}; its message must not hold any of the case's `forbidden` values."""

    def run(inp: dict[str, Any]) -> Any:
        try:
            return call(inp)
        except probation.RecordError as e:
            message = str(e)
            leaked = [f for f in inp.get("forbidden", []) if f and f in message]
            assert not leaked, f"error message {message!r} contains {leaked}"
            err: dict[str, Any] = {"kind": e.kind, "message": message}
            if e.kind != "too_large":
                err["path"] = e.path
            for k in ("code", "max", "limit", "reason"):
                if getattr(e, k) is not None:
                    err[k] = getattr(e, k)
            return {"error": err}

    return run


def records_tier_details(inp: dict[str, Any]) -> Any:
    on = d(inp["on"])
    case = probation.tier_details_to_case(record_text(inp), inp["crn"], on)
    t = probation.tiers(case, on)
    return {"case": case.to_dict(), "tier": t.tier_2021, "tier_2026": t.tier_2026, "forms": probation.tier_forms(case, on)}


def records_tier_details_round_trip(inp: dict[str, Any]) -> Any:
    on = d(inp["on"])
    first = probation.tier_details_to_case(record_text(inp), inp["crn"], on)
    exported = probation.tier_details_from_case(first, on)
    second = probation.tier_details_to_case(exported, inp["crn"], on)
    return {"same": first == second, "exported": json.loads(exported)}


def records_case(to_case: Callable[[str], probation.Case]) -> Callable[[dict[str, Any]], Any]:
    def run(inp: dict[str, Any]) -> Any:
        case = to_case(record_text(inp))
        issues = case.issues()
        return {"case": case.to_dict(), "valid": not issues, "issues": [{"path": p, "rule": r} for p, r in issues]}

    return run


def records_community_api_round_trip(inp: dict[str, Any]) -> Any:
    first = probation.community_api_to_case(record_text(inp))
    second = probation.community_api_to_case(probation.community_api_from_case(first))
    return {"same": first == second}


RUNNERS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "allocation.allocate": engine_fn(allocate),
    "allocation.escalation": engine_fn(lambda c, i: probation.escalation(c, d(i["on"]), allocation_policy(i))),
    "allocation.escalation_history": engine_fn(
        lambda c, i: {"escalations": probation.escalation_history(c, allocation_policy(i))}
    ),
    "tier.calculate": engine_fn(lambda c, i: probation.tier(c, d(i["on"]))),
    "tier.calculate_2026": engine_fn(lambda c, i: probation.tier_2026(c, d(i["on"]))),
    "tier.both": engine_fn(lambda c, i: probation.tiers(c, d(i["on"]))),
    "audit.audit": engine_fn(lambda c, i: probation.audit(c, d(i["as_of"]))),
    "audit.timeline": engine_fn(lambda c, i: probation.timeline(c, d(i["from"]), d(i["to"]))),
    "records.tier_details": record_fn(records_tier_details),
    "records.tier_details_round_trip": records_tier_details_round_trip,
    "records.community_api": record_fn(records_case(probation.community_api_to_case)),
    "records.integration_api": record_fn(records_case(probation.integration_api_to_case)),
    "records.community_api_round_trip": records_community_api_round_trip,
    "records.code": record_fn(lambda i: probation.code_lookup(i["table"], i["code"])),
    "records.recompute": lambda i: probation.recompute_for(i["event_type"]),
    "records.recompute_for_event": record_fn(lambda i: probation.recompute_for_event(record_text(i))),
    "records.tier_changed_events": record_fn(
        lambda i: {"events": probation.tier_changed_events(i["before"], i["after"], i["occurred_at"])}
    ),
    "release.dates": release_dates,
    "release.law": lambda i: probation.release_law(d(i["as_at"])),
    "predictors.ogrs3": predictor_fn(probation.ogrs3),
    "predictors.arp": predictor_fn(probation.arp),
    "predictors.dc_srp": predictor_fn(probation.dc_srp),
    "predictors.vrp": predictor_fn(probation.vrp),
    "predictors.svrp": predictor_fn(probation.svrp),
    "predictors.iic_srp": predictor_fn(probation.iic_srp),
    "predictors.csrp": predictor_fn(probation.csrp),
    "predictors.case": predictors_case,
    "case.validate": case_validate,
    "case.decode_validate_raw": decode_validate_raw,
    "calendar.is_working_day": calendar_fn(lambda c, i: {"working_day": c.is_working_day(d(i["date"]))}),
    "calendar.add_working_days": calendar_fn(lambda c, i: {"date": c.add_working_days(d(i["date"]), i["n"])}),
    "calendar.working_days_between": calendar_fn(
        lambda c, i: {"days": c.working_days_between(d(i["start"]), d(i["end"]))}
    ),
    "calendar.next_working_day": calendar_fn(lambda c, i: {"date": c.next_working_day(d(i["date"]))}),
    "calendar.bank_holidays": calendar_fn(lambda c, i: {"holidays": c.bank_holidays(i["year"])}),
    "sentence.dates": sentence_dates,
    "contact.schedule": contact_fn(lambda case, p, cal, i: probation.schedule(case, p, cal)),
    "contact.compliance": contact_fn(lambda case, p, cal, i: probation.compliance(case, d(i["as_of"]), p, cal)),
}


def vector_files() -> list[pathlib.Path]:
    return sorted(VECTORS.rglob("*.json"))


def vector_cases() -> list[Any]:
    params = []
    for path in vector_files():
        doc = json.loads(path.read_text(encoding="utf-8"))
        rel = path.relative_to(REPO / "tests" / "vectors")
        for i, case in enumerate(doc["cases"]):
            params.append(
                pytest.param(doc["function"], case, id=f"{rel}#{i}")
            )
    return params


def test_there_are_vectors() -> None:
    assert vector_files(), f"no vector files under {VECTORS}"


def test_every_file_cites_a_source_and_names_a_known_function() -> None:
    unknown = []
    for path in vector_files():
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert isinstance(doc.get("source"), str), f"{path}: every vector file cites a source"
        if doc.get("function") not in RUNNERS:
            unknown.append(f"{path.relative_to(REPO)}: {doc.get('function')!r}")
    assert not unknown, "vector files name functions the Python runner does not know:\n" + "\n".join(unknown)


@pytest.mark.parametrize(("function", "case"), vector_cases())
def test_vector(function: str, case: dict[str, Any]) -> None:
    runner = RUNNERS.get(function)
    if runner is None:
        pytest.fail(f"unknown function `{function}`")
    actual = to_json_form(runner(case["input"]))
    forbidden = [f.lower() for f in case.get("forbidden", [])]
    if forbidden and isinstance(actual, dict) and actual.get("valid") is False:
        exposed = json.dumps(actual, ensure_ascii=False).lower()
        leaked = [f for f in forbidden if f in exposed]
        assert not leaked, f"error exposes personal values {leaked}"
    diffs: list[str] = []
    subset(case["expected"], actual, "", diffs)
    assert not diffs, f"{case['description']}:\n  " + "\n  ".join(diffs)
