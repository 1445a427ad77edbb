"""Case decoding, encoding and round-trips through the Python API."""

from __future__ import annotations

import datetime
import json
import pickle

import pytest

import probation
from cases import community_order


def test_from_json_and_from_dict_agree() -> None:
    d = community_order()
    assert probation.Case.from_json(json.dumps(d)) == probation.Case.from_dict(d)
    assert probation.Case.from_json(json.dumps(d).encode()) == probation.Case.from_dict(d)


def test_to_dict_has_dates_and_round_trips() -> None:
    case = probation.Case.from_dict(community_order())
    d = case.to_dict()
    assert d["person"]["date_of_birth"] == datetime.date(1990, 4, 1)
    assert d["events"][0]["sentence"]["type"] == "community_order"
    assert probation.Case.from_dict(d) == case


def test_to_json_round_trips() -> None:
    case = probation.Case.from_dict(community_order())
    assert probation.Case.from_json(case.to_json()) == case
    assert probation.Case.from_json(case.to_json(indent=True)) == case
    assert "\n" in case.to_json(indent=True)


def test_dates_and_enums_are_accepted_in_dicts() -> None:
    import enum

    class Sex(enum.Enum):
        FEMALE = "female"

    d = community_order()
    d["person"]["date_of_birth"] = datetime.date(1990, 4, 1)
    d["person"]["sex"] = Sex.FEMALE
    assert probation.Case.from_dict(d) == probation.Case.from_dict(community_order())


def test_pnc_is_normalised() -> None:
    d = community_order()
    d["person"]["pnc"] = "04/12345D"
    assert probation.Case.from_dict(d).to_dict()["person"]["pnc"] == "2004/0012345D"


def test_pickle_round_trips() -> None:
    case = probation.Case.from_dict(community_order())
    assert pickle.loads(pickle.dumps(case)) == case


def test_repr_shows_no_personal_data() -> None:
    r = repr(probation.Case.from_dict(community_order()))
    assert r == "Case(events=1, registrations=2, assessments=1, contacts=1)"
    for secret in ("X320741", "Jane", "Doe", "1990"):
        assert secret not in r


def test_equality() -> None:
    a = probation.Case.from_dict(community_order())
    d = community_order()
    d["events"][0]["sentence"]["requirements"][0]["hours"] = 121
    assert a != probation.Case.from_dict(d)
    assert a != "not a case"
    assert a.event_count == 1


def test_validate_false_keeps_invalid_cases() -> None:
    d = community_order()
    d["events"][0]["sentence"]["requirements"][0]["hours"] = 39
    case = probation.Case.from_dict(d, validate=False)
    assert case.issues() == [("events[0].sentence.requirements[0].hours", "unpaid_work_hours")]
    with pytest.raises(probation.ValidationError):
        case.validate()
    with pytest.raises(probation.ValidationError):
        probation.validate(case)
