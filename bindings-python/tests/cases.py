"""Small hand-written cases for the tests."""

from __future__ import annotations

import copy
from typing import Any

PERSON = {
    "crn": "X320741",
    "pnc": "2004/0012345D",
    "name": {"given": "Jane", "family": "Doe"},
    "date_of_birth": "1990-04-01",
    "sex": "female",
    "home_area": "C17",
}

COMMUNITY_ORDER: dict[str, Any] = {
    "schema_version": 1,
    "person": PERSON,
    "events": [
        {
            "offence_date": "2016-01-04",
            "sentence_date": "2016-03-01",
            "sentence": {
                "type": "community_order",
                "length": {"months": 12},
                "requirements": [{"kind": "unpaid_work", "hours": 120}, {"kind": "rehabilitation_activity", "days": 20}],
            },
        }
    ],
    "registrations": [
        {"code": "RMRH", "registered": "2016-03-02"},
        {"code": "MAPP", "level": "M1", "category": "M2", "registered": "2016-03-02"},
    ],
    "assessments": [
        {
            "date": "2016-03-10",
            "rosh": {"public": "medium", "children": "low"},
            "rsr": 4.2,
            "ogrs": 55.0,
            "needs": {"accommodation": "standard", "thinking_behaviour": "severe"},
        }
    ],
    "contacts": [{"date": "2016-03-04", "kind": "first_appointment", "outcome": "attended"}],
}


def community_order() -> dict[str, Any]:
    return copy.deepcopy(COMMUNITY_ORDER)
