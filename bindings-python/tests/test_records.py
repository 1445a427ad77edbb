"""Issue 15 in Python: ``from_ndelius`` / ``to_ndelius`` over the three shapes (str, bytes and dict documents),
``key_dates``, and typed errors that name the field and hold no input value."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest

import probation

ON = datetime.date(2024, 6, 1)
SECRET_CRN = "X999901"
SECRET_NAME = "Zebedee"

TIER_DETAILS: dict[str, Any] = {
    "gender": "Female", "ogrsscore": 40, "rsrscore": 3.0,
    "registrations": [{"code": "MAPP", "level": "M2", "category": "M1", "date": "2023-05-01"}],
    "convictions": [{"sentenceTypeCode": "SP", "requirements": [{"mainCategoryTypeCode": "F", "restrictive": False}]}],
    "previousEnforcementActivity": True, "hasActiveEvent": True,
}
COMMUNITY_API: dict[str, Any] = {
    "offender": {"otherIds": {"crn": SECRET_CRN}, "firstName": SECRET_NAME, "surname": "Q",
                 "dateOfBirth": "1990-01-01", "gender": "Male"},
    "convictions": [{"convictionId": 7, "convictionDate": "2024-01-10",
                     "sentence": {"startDate": "2024-01-10", "originalLength": 12, "originalLengthUnits": "Months",
                                  "sentenceType": {"code": "SC"}}}],
}
INTEGRATION_API: dict[str, Any] = {
    "crn": SECRET_CRN,
    "caseDetails": {"name": {"forename": SECRET_NAME, "surname": "Q"}, "dateOfBirth": "1990-01-01",
                    "gender": "Female"},
    "supervisions": {"supervisions": [{"active": True, "date": "2024-02-01",
                                       "sentence": {"custodial": True, "length": 2, "lengthUnits": "Years"}}]},
    "registrations": [],
}
SHAPES: list[tuple[probation.RecordShapeName, dict[str, Any], str | None]] = [
    ("tier-details", TIER_DETAILS, SECRET_CRN),
    ("community-api", COMMUNITY_API, None),
    ("integration-api", INTEGRATION_API, None),
]


@pytest.mark.parametrize("shape,doc,crn", SHAPES)
def test_str_bytes_and_dict_give_the_same_case_as_the_shape_function(
    shape: probation.RecordShapeName, doc: dict[str, Any], crn: str | None
) -> None:
    text = json.dumps(doc)
    cases = [probation.from_ndelius(d, shape, crn, ON) if shape == "tier-details"
             else probation.from_ndelius(d, shape, on=ON) for d in (text, text.encode(), doc)]
    assert cases[0] == cases[1] == cases[2]
    direct = {"tier-details": lambda: probation.tier_details_to_case(text, SECRET_CRN, ON),
              "community-api": lambda: probation.community_api_to_case(text),
              "integration-api": lambda: probation.integration_api_to_case(text)}[shape]()
    assert cases[0] == direct
    assert SECRET_CRN in cases[0].to_json()


@pytest.mark.parametrize("shape,doc,crn", SHAPES)
def test_export_then_import_keeps_the_case(
    shape: probation.RecordShapeName, doc: dict[str, Any], crn: str | None
) -> None:
    case = probation.from_ndelius(doc, shape, crn, ON) if crn else probation.from_ndelius(doc, shape, on=ON)
    again = probation.from_ndelius(probation.to_ndelius(case, shape, ON), shape, on=ON)
    assert again == case


def test_underscore_names_are_accepted() -> None:
    a = probation.from_ndelius(COMMUNITY_API, "community-api")
    assert probation.from_ndelius(COMMUNITY_API, "community_api") == a  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "call,kind,path",
    [
        (lambda: probation.from_ndelius(COMMUNITY_API, SECRET_NAME), "unknown_code", "shape"),  # type: ignore[arg-type]
        (lambda: probation.from_ndelius(TIER_DETAILS, "tier-details", SECRET_CRN), "invalid", "on"),
        (lambda: probation.from_ndelius(COMMUNITY_API, "community-api", SECRET_CRN), "invalid", "crn"),
        (lambda: probation.from_ndelius(b"\xff" + SECRET_NAME.encode(), "community-api"), "decode", ""),
        (lambda: probation.from_ndelius("\ud800" + SECRET_NAME, "community-api"), "decode", ""),
        (lambda: probation.from_ndelius({**COMMUNITY_API, "offender": {"otherIds": {"crn": SECRET_NAME},
                                         "dateOfBirth": "1990-01-01"}}, "community-api"),
         "invalid", "offender.otherIds.crn"),
        (lambda: probation.from_ndelius({**COMMUNITY_API, "convictions": [{}] * 1001}, "community-api"),
         "too_many", "convictions"),
        (lambda: probation.from_ndelius({**INTEGRATION_API, "caseDetails": {"dateOfBirth": SECRET_NAME}},
                                        "integration-api"), "decode", "caseDetails.dateOfBirth"),
        (lambda: probation.from_ndelius(b"x" * (1 << 21), "integration-api"), "too_large", ""),
        (lambda: probation.to_ndelius(probation.from_ndelius(COMMUNITY_API, "community-api"), "integration-api"),
         "invalid", "on"),
    ],
)
def test_errors_are_typed_name_the_field_and_hold_no_input_value(call: Any, kind: str, path: str) -> None:
    with pytest.raises(probation.RecordError) as e:
        call()
    assert (e.value.kind, e.value.path) == (kind, path)
    for secret in (SECRET_CRN, SECRET_NAME, "1990-01-01"):
        assert secret not in str(e.value)


def test_a_dict_value_json_cannot_hold_is_a_decode_error_naming_the_field() -> None:
    with pytest.raises(probation.DecodeError) as e:
        probation.from_ndelius({"offender": {"firstName": object()}}, "community-api")
    assert e.value.path and "object at" not in str(e.value)  # keys outside the case format show as ?


def test_key_dates_are_per_custodial_event_in_ndelius_codes() -> None:
    case = probation.from_ndelius(COMMUNITY_API, "community-api")
    [event] = probation.key_dates(case)
    assert event.event == 0
    codes = [d.code for d in event.dates]
    assert codes[0] == "SED" and set(codes) <= {"SED", "ACR", "LED", "PSSED"} and "ACR" in codes
    sed = next(d.date for d in event.dates if d.code == "SED")
    assert sed == datetime.date(2025, 1, 9)  # 12 months from 10 January 2024, less a day
    assert probation.key_dates(probation.from_ndelius(TIER_DETAILS, "tier-details", SECRET_CRN, ON)) == []  # a community order
