#!/usr/bin/env python3
"""Writes the hostile-input vector files of this folder (`python3 tests/vectors/hostile/generate.py`).

Each case is a malformed (or deliberately borderline) case document, written out as raw text (`text`), raw bytes
(`bytes_base64`) or a generated repetition (`generate`), with the error a correct decoder must give and the
personal values of the input that no error message may repeat (`forbidden`). The expected results are written
here by hand from the interchange format and the rulebook (docs/rules/); they are never produced by running the library.

Edit this file, run it, and commit both it and the JSON it writes.
"""

import base64
import copy
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
SOURCE = (
    "probation-core interchange format (tests/vectors/README.md, core/src/interchange.rs, core/src/validate.rs "
    "limits), docs/rules/case.md and docs/rules/validation.md (identifiers, sentences, requirements); RFC 8259 (JSON) "
    "and RFC 3629 (UTF-8)"
)

# Personal values of the base case: no error message may contain any of them.
GIVEN, FAMILY = "Marguerite", "Quennellford"
CRN, PNC, NOMS, DOB = "X320741", "2004/0012345D", "G4721KD", "1990-04-01"
PERSONAL = [GIVEN, FAMILY, CRN, PNC, "0012345", NOMS, DOB]

BASE = {
    "schema_version": 1,
    "person": {
        "crn": CRN,
        "pnc": PNC,
        "prison_number": NOMS,
        "name": {"given": GIVEN, "family": FAMILY},
        "date_of_birth": DOB,
        "sex": "female",
        "home_area": "C17",
    },
    "events": [
        {
            "offence_date": "2016-01-04",
            "sentence_date": "2016-03-01",
            "sentence": {
                "type": "community_order",
                "length": {"months": 12},
                "requirements": [{"kind": "unpaid_work", "hours": 120}],
            },
        }
    ],
    "registrations": [{"code": "RMRH", "registered": "2016-03-01"}],
    "assessments": [{"date": "2016-02-15", "rsr": 2.5, "ogrs": 40.0, "rosh": {"public": "medium"}}],
    "contacts": [{"date": "2016-03-07", "kind": "first_appointment", "outcome": "attended", "event": 0}],
}

CUSTODY = {"type": "custody", "length": {"months": 6}}
SSO = {
    "type": "suspended_sentence_order",
    "custodial_term": {"months": 6},
    "operational_period": {"months": 12},
    "supervision_period": {"months": 12},
    "requirements": [{"kind": "rehabilitation_activity", "days": 10}],
}

MISSING = object()


def mutate(changes):
    """The base case with `changes` applied: {"a.b[0].c": value or MISSING}."""
    doc = copy.deepcopy(BASE)
    for path, value in changes.items():
        parts = []
        for seg in path.split("."):
            name, _, rest = seg.partition("[")
            if name:
                parts.append(name)
            while rest:
                idx, _, rest = rest.partition("]")
                parts.append(int(idx))
                rest = rest.lstrip("[")
        node = doc
        for p in parts[:-1]:
            node = node[p]
        last = parts[-1]
        if value is MISSING:
            del node[last]
        else:
            node[last] = value
    return doc


def dumps(doc):
    return json.dumps(doc, separators=(",", ":"), ensure_ascii=False)


def decode(path=""):
    return {"valid": False, "error": {"kind": "decode", "path": path}}


def invalid(path, rule):
    return {"valid": False, "error": {"kind": "validation", "path": path, "rule": rule}}


VALID = {"valid": True}
TOO_LARGE = {"valid": False, "error": {"kind": "too_large"}}
TOO_DEEP = {"valid": False, "error": {"kind": "too_deep"}}
INVALID_UTF8 = {"valid": False, "error": {"kind": "invalid_utf8"}}


def case(description, expected, *, text=None, doc=None, changes=None, raw=None, generate=None, forbidden=()):
    if changes is not None:
        doc = mutate(changes)
    if doc is not None:
        text = dumps(doc)
    if raw is not None:
        inp = {"bytes_base64": base64.b64encode(raw).decode("ascii")}
    elif generate is not None:
        inp = {"generate": generate}
    else:
        inp = {"text": text}
    present = [v for v in list(forbidden) + PERSONAL if v in (text or "") or (raw is not None and v.encode() in raw)
               or (generate is not None and v in json.dumps(generate, ensure_ascii=False))]
    # Every forbidden value must really be in the input, or the check would prove nothing.
    for v in forbidden:
        assert v in present, (description, v)
    return {"description": description, "input": inp, "expected": expected,
            "forbidden": sorted(set(present), key=present.index)}


FILES = {}


def file(name, description, cases):
    FILES[name] = {"description": description, "source": SOURCE, "function": "case.decode_validate_raw",
                   "cases": cases}


BASE_TEXT = dumps(BASE)
MIN_PERSON = {"crn": CRN, "date_of_birth": DOB, "sex": "male", "home_area": "C01"}

# ---------------------------------------------------------------------------------------------------------------
file("syntax.json", "Input that is not well-formed JSON: a decode error with an empty path, never a panic.", [
    case("the base case of these files is valid (control)", VALID, text=BASE_TEXT),
    case("empty input", decode(), text=""),
    case("only whitespace", decode(), text="  \n\t "),
    case("a bare word", decode(), text=GIVEN, forbidden=[GIVEN]),
    case("truncated in the middle of a string", decode("person.name.given"), text=BASE_TEXT[: BASE_TEXT.index(GIVEN) + 4]),
    case("truncated after the last field", decode(), text=BASE_TEXT[:-1]),
    case("trailing comma in an object", decode(), text=BASE_TEXT[:-1] + ",}"),
    case("trailing garbage after the document", decode(), text=BASE_TEXT + " " + GIVEN, forbidden=[GIVEN]),
    case("two documents on one line", decode(), text=BASE_TEXT + BASE_TEXT),
    case("single-quoted strings", decode("person"), text=BASE_TEXT.replace('"crn":"X320741"', "'crn':'X320741'")),
    case("unquoted key", decode("person"), text=BASE_TEXT.replace('"sex"', "sex")),
    case("NaN is not JSON", decode("assessments[0].rsr"), text=BASE_TEXT.replace('"rsr":2.5', '"rsr":NaN')),
    case("Infinity is not JSON", decode("assessments[0].ogrs"), text=BASE_TEXT.replace('"ogrs":40.0', '"ogrs":Infinity')),
    case("-Infinity is not JSON", decode("assessments[0].ogrs"), text=BASE_TEXT.replace('"ogrs":40.0', '"ogrs":-Infinity')),
    case("a number too large for a double (1e400) is refused", decode("assessments[0].rsr"),
         text=BASE_TEXT.replace('"rsr":2.5', '"rsr":1e400')),
    case("leading zeros in a number", decode("events[0].sentence.requirements[0].hours"), text=BASE_TEXT.replace('"hours":120', '"hours":0120')),
    case("hexadecimal number", decode("events[0].sentence.requirements[0]"), text=BASE_TEXT.replace('"hours":120', '"hours":0x78')),
    case("a comment", decode(), text=BASE_TEXT.replace('{"schema_version"', '{/* Marguerite */"schema_version"'),
         forbidden=[GIVEN]),
    case("raw control character inside a string", decode("person.name.given"),
         text=BASE_TEXT.replace(GIVEN, "Margue\u0001rite")),
    case("invalid escape sequence in a string", decode("person.name.given"), text=BASE_TEXT.replace(GIVEN, "Margue\\qrite")),
    case("lone surrogate escape in a string", decode("person.name.given"), text=BASE_TEXT.replace(GIVEN, "Margue\\ud800rite")),
    case("a key that is not a string", decode("person"), text=BASE_TEXT.replace('"sex":"female"', '1:"female"')),
    case("unbalanced brackets (the inner array is where an event object must be)", decode("events[0]"), text=BASE_TEXT.replace('"events":[', '"events":[[')),
    case("byte order mark before the document", decode(), text="\ufeff" + BASE_TEXT),
])

# ---------------------------------------------------------------------------------------------------------------
file("types.json", "Values of the wrong JSON type: a decode error at the field's path; the message names the kind "
     "of value found, never the value.", [
    case("the document is an array holding the case: a case is an object", decode(), text="[" + BASE_TEXT + "]"),
    case("the document is a string holding a name", decode(), text=json.dumps(GIVEN), forbidden=[GIVEN]),
    case("the document is null", decode(), text="null"),
] + [
    # Structs are objects at every level: serde's derived decoders also read a struct from an array, its elements
    # taken as the fields in declaration order. Each of these was accepted (or failed deeper inside) until
    # decoding read structs from objects only (issue 12, item 2); the error is at the array itself.
    case("the case given as an array of its fields in order (issue 12: was valid, tier D0)", decode(),
         text='[1,null,["K918273",null,null,null,"1990-04-01","male",false,"C17"]]',
         forbidden=["K918273", "1990-04-01"]),
    case("the base case as an array of its values in field order", decode(),
         text=dumps([1, None, list(BASE["person"].values()), None, BASE["events"]]), forbidden=[CRN, GIVEN]),
] + [
    case(f"{what} given as an array of its values in field order", decode(path), changes={path: value})
    for what, path, value in [
        ("person", "person", [CRN, PNC, NOMS, [GIVEN, FAMILY], DOB, "female", False, "C17"]),
        ("name", "person.name", [GIVEN, FAMILY]),
        ("an event", "events[0]", ["2016-01-04", None, "2016-03-01", None, None, BASE["events"][0]["sentence"]]),
        ("a sentence", "events[0].sentence", ["community_order", {"months": 12}, []]),
        ("a length", "events[0].sentence.length", [0, 12]),
        ("a requirement", "events[0].sentence.requirements[0]", ["unpaid_work", 120]),
        ("a registration", "registrations[0]", ["RMRH", None, None, "2016-03-01"]),
        ("an assessment", "assessments[0]", ["2016-02-15", "oasys", {"public": "medium"}, 2.5, 40.0]),
        ("a RoSH", "assessments[0].rosh", [None, "medium"]),
        ("the women's factors", "assessments[0].womens_factors", [True, 1, 1, False]),
        ("a contact", "contacts[0]", ["2016-03-07", "first_appointment", "attended", 0]),
    ]
] + [
    case("an enforcement action given as an array of its values in field order", decode("enforcement[0]"),
         changes={"enforcement": [["2016-03-08", "warning", 0]]}),
    case("a length as an array inside a sentence whose type is not first (read from a buffer; reported at the "
         "sentence)", decode("events[0].sentence"),
         changes={"events[0].sentence": {"length": [0, 12], "type": "community_order",
                                         "requirements": [{"kind": "unpaid_work", "hours": 120}]}}),
    case("a requirement as an array inside a sentence whose type is not first", decode("events[0].sentence"),
         changes={"events[0].sentence": {"length": {"months": 12}, "type": "community_order",
                                         "requirements": [["unpaid_work", 120]]}}),
    case("an array where a need map is expected", decode("assessments[0].needs"),
         changes={"assessments[0].needs": ["severe"]}),

    case("schema_version as a string", decode("schema_version"), changes={"schema_version": "1"}),
    case("person as a string holding the name", decode("person"), changes={"person": GIVEN + " " + FAMILY},
         forbidden=[GIVEN]),
    case("crn as a number", decode("person.crn"), changes={"person.crn": 320741}, forbidden=["320741"]),
    case("date_of_birth as a number", decode("person.date_of_birth"), changes={"person.date_of_birth": 19900401},
         forbidden=["19900401"]),
    case("date_of_birth as an object", decode("person.date_of_birth"),
         changes={"person.date_of_birth": {"y": 1990, "m": 4, "d": 1}}),
    case("name as a string", decode("person.name"), changes={"person.name": GIVEN + " " + FAMILY}),
    case("given name as an array", decode("person.name.given"), changes={"person.name.given": [GIVEN]}),
    case("sex as a boolean", decode("person.sex"), changes={"person.sex": True}),
    case("foreign national flag as the string \"yes\"", decode("person.foreign_national_liable_to_deportation"),
         changes={"person.foreign_national_liable_to_deportation": "yes"}),
    case("events as an object keyed by the CRN", decode("events"),
         changes={"events": {CRN: BASE["events"][0]}}),
    case("event as a string", decode("events[0]"), changes={"events[0]": "community order " + CRN}),
    case("sentence as a list", decode("events[0].sentence"), changes={"events[0].sentence": ["community_order"]}),
    case("length months as a string", decode("events[0].sentence.length.months"),
         changes={"events[0].sentence.length": {"months": "twelve"}}, forbidden=["twelve"]),
    case("unpaid work hours as a float", decode("events[0].sentence.requirements[0].hours"),
         changes={"events[0].sentence.requirements[0].hours": 120.5}, forbidden=["120.5"]),
    case("requirements as an object", decode("events[0].sentence.requirements"),
         changes={"events[0].sentence.requirements": {"kind": "unpaid_work"}}),
    case("rsr as a string", decode("assessments[0].rsr"), changes={"assessments[0].rsr": "2.5%"},
         forbidden=["2.5%"]),
    case("rosh as a string", decode("assessments[0].rosh"), changes={"assessments[0].rosh": "medium"}),
    case("contact event index as a string", decode("contacts[0].event"), changes={"contacts[0].event": "0"}),
    case("registration code as a number", decode("registrations[0].code"), changes={"registrations[0].code": 30}),
    case("case_id that is not a uuid but a CRN", decode("case_id"), changes={"case_id": CRN}),
    case("case_id that is almost a uuid", decode("case_id"),
         changes={"case_id": "123e4567-e89b-12d3-a456-42661417400Z"}, forbidden=["42661417400Z"]),
])

# ---------------------------------------------------------------------------------------------------------------
file("missing.json", "Required fields left out: a decode error at the containing object's path.", [
    case("empty object", decode(), text="{}"),
    case("schema_version missing", decode(), changes={"schema_version": MISSING}),
    case("person missing", decode(), changes={"person": MISSING}),
    case("crn missing", decode("person"), changes={"person.crn": MISSING}),
    case("date_of_birth missing", decode("person"), changes={"person.date_of_birth": MISSING}),
    case("sex missing", decode("person"), changes={"person.sex": MISSING}),
    case("home_area missing", decode("person"), changes={"person.home_area": MISSING}),
    case("family name missing", decode("person.name"), changes={"person.name.family": MISSING}),
    case("offence_date missing", decode("events[0]"), changes={"events[0].offence_date": MISSING}),
    case("sentence missing", decode("events[0]"), changes={"events[0].sentence": MISSING}),
    case("sentence type missing", decode("events[0].sentence"), changes={"events[0].sentence.type": MISSING}),
    case("community order length missing", decode("events[0].sentence"),
         changes={"events[0].sentence.length": MISSING}),
    case("requirement kind missing", decode("events[0].sentence.requirements[0]"),
         changes={"events[0].sentence.requirements[0].kind": MISSING}),
    case("registration date missing", decode("registrations[0]"), changes={"registrations[0].registered": MISSING}),
    case("contact outcome missing", decode("contacts[0]"), changes={"contacts[0].outcome": MISSING}),
    case("assessment date missing", decode("assessments[0]"), changes={"assessments[0].date": MISSING}),
    case("null for a required field", decode("person.crn"), changes={"person.crn": None}),
    case("unpaid work without hours is a validation error, not a decode error",
         invalid("events[0].sentence.requirements[0].hours", "requirement_field_missing"),
         changes={"events[0].sentence.requirements[0]": {"kind": "unpaid_work"}}),
])

# ---------------------------------------------------------------------------------------------------------------
file("ranges.json", "Numbers out of range: beyond the field's integer type is a decode error; beyond a statutory "
     "or documented range is a validation error naming the rule.", [
    case("schema_version 2", decode("schema_version"), changes={"schema_version": 2}),
    case("schema_version 0", decode("schema_version"), changes={"schema_version": 0}),
    case("negative hours", decode("events[0].sentence.requirements[0].hours"),
         changes={"events[0].sentence.requirements[0].hours": -120}, forbidden=["-120"]),
    case("hours beyond u16 (70000)", decode("events[0].sentence.requirements[0].hours"),
         changes={"events[0].sentence.requirements[0].hours": 70000}, forbidden=["70000"]),
    case("length in years beyond u16", decode("events[0].sentence.length.years"),
         changes={"events[0].sentence.length": {"years": 65536}}, forbidden=["65536"]),
    case("remand days beyond u32", decode("events[0].sentence.remand_days"),
         changes={"events[0].sentence": dict(CUSTODY, remand_days=4294967296)}, forbidden=["4294967296"]),
    case("contact event index beyond u32", decode("contacts[0].event"),
         changes={"contacts[0].event": 99999999999}, forbidden=["99999999999"]),
    case("a 40-digit integer", decode("events[0].sentence.requirements[0].hours"),
         changes={"events[0].sentence.requirements[0].hours": 1234567890123456789012345678901234567890}),
    case("unpaid work of 39 hours", invalid("events[0].sentence.requirements[0].hours", "unpaid_work_hours"),
         changes={"events[0].sentence.requirements[0].hours": 39}),
    case("unpaid work of 301 hours", invalid("events[0].sentence.requirements[0].hours", "unpaid_work_hours"),
         changes={"events[0].sentence.requirements[0].hours": 301}),
    case("rsr of 100.0001", invalid("assessments[0].rsr", "percent_range"), changes={"assessments[0].rsr": 100.0001}),
    case("rsr of -0.5", invalid("assessments[0].rsr", "percent_range"), changes={"assessments[0].rsr": -0.5}),
    case("ogrs of 1e308", invalid("assessments[0].ogrs", "percent_range"), changes={"assessments[0].ogrs": 1e308}),
    case("impulsivity 3 (scored 0 to 2)", invalid("assessments[0].womens_factors.impulsivity",
                                                  "womens_factor_score"),
         changes={"assessments[0].womens_factors": {"impulsivity": 3}}),
    case("impulsivity 256 does not fit its type", decode("assessments[0].womens_factors.impulsivity"),
         changes={"assessments[0].womens_factors": {"impulsivity": 256}}),
    case("a community order of 37 months", invalid("events[0].sentence.length", "community_order_too_long"),
         changes={"events[0].sentence.length": {"months": 37}}),
    case("a community order of zero length", invalid("events[0].sentence.length", "zero_length"),
         changes={"events[0].sentence.length": {}}),
    case("a custodial sentence of 65535 years passes validation (no statutory maximum is checked)",
         VALID, changes={"events[0].sentence": {"type": "custody", "length": {"years": 65535}}}),
    case("remand days longer than the sentence",
         invalid("events[0].sentence.remand_days", "custody_credit_exceeds_sentence"),
         changes={"events[0].sentence": dict(CUSTODY, remand_days=200)}),
    case("curfew of 24 hours a day", invalid("events[0].sentence.requirements[0].hours_per_day", "curfew_hours"),
         changes={"events[0].sentence.requirements[0]": {"kind": "curfew", "hours_per_day": 24,
                                                        "length": {"months": 3}}}),
    case("curfew on 8 days a week", invalid("events[0].sentence.requirements[0].days_per_week",
                                           "curfew_days_per_week"),
         changes={"events[0].sentence.requirements[0]": {"kind": "curfew", "hours_per_day": 8, "days_per_week": 8,
                                                        "length": {"months": 3}}}),
    case("rehabilitation activity of 0 days", invalid("events[0].sentence.requirements[0].days", "rar_days"),
         changes={"events[0].sentence.requirements[0]": {"kind": "rehabilitation_activity", "days": 0}}),
    case("suspended sentence with a 10-day custodial term",
         invalid("events[0].sentence.custodial_term", "sso_custodial_term"),
         changes={"events[0].sentence": dict(SSO, custodial_term={"days": 10})}),
])

# ---------------------------------------------------------------------------------------------------------------
file("dates.json", "Impossible, malformed and out-of-range dates: an impossible or malformed date is a decode "
     "error at its path; a real date outside 1900-01-01..=2200-12-31 is a validation error (date_out_of_range).", [
    case("29 February in a common year", decode("events[0].offence_date"),
         changes={"events[0].offence_date": "2015-02-29"}),
    case("29 February 1900 (a century, not a leap year)", decode("person.date_of_birth"),
         changes={"person.date_of_birth": "1900-02-29"}),
    case("29 February 2016 (a leap year) is valid", VALID, changes={"events[0].offence_date": "2016-02-29"}),
    case("31 April", decode("events[0].sentence_date"), changes={"events[0].sentence_date": "2016-04-31"}),
    case("month 13", decode("person.date_of_birth"), changes={"person.date_of_birth": "1990-13-01"}),
    case("day 0", decode("person.date_of_birth"), changes={"person.date_of_birth": "1990-04-00"}),
    case("day/month/year order", decode("person.date_of_birth"), changes={"person.date_of_birth": "01/04/1990"},
         forbidden=["01/04/1990"]),
    case("date with a time", decode("person.date_of_birth"),
         changes={"person.date_of_birth": "1990-04-01T00:00:00Z"}),
    case("empty date string", decode("contacts[0].date"), changes={"contacts[0].date": ""}),
    case("date of birth 1899-12-31, before 1900", invalid("person.date_of_birth", "date_out_of_range"),
         changes={"person.date_of_birth": "1899-12-31"}, forbidden=["1899-12-31"]),
    case("offence date 2201-01-01, after 2200", invalid("events[0].offence_date", "date_out_of_range"),
         changes={"events[0].offence_date": "2201-01-01"}),
    case("year 0001", invalid("registrations[0].registered", "date_out_of_range"),
         changes={"registrations[0].registered": "0001-01-01"}),
    case("a five-digit year with a sign", invalid("contacts[0].date", "date_out_of_range"),
         changes={"contacts[0].date": "+20000-01-01"}),
    case("the largest year chrono knows", invalid("assessments[0].date", "date_out_of_range"),
         changes={"assessments[0].date": "+262142-12-31"}),
    case("a year beyond any calendar", decode("assessments[0].date"),
         changes={"assessments[0].date": "+999999999-01-01"}),
    case("a negative year", invalid("person.date_of_birth", "date_out_of_range"),
         changes={"person.date_of_birth": "-0044-03-15"}),
    case("release date 2200-12-31 is the last accepted date", VALID,
         changes={"events[0].sentence": dict(CUSTODY, release_date="2200-12-31")}),
    case("release date a day after the range", invalid("events[0].sentence.release_date", "date_out_of_range"),
         changes={"events[0].sentence": dict(CUSTODY, release_date="2201-01-01")}),
    case("offence before the person was 10", invalid("events[0].offence_date", "below_age_of_responsibility"),
         changes={"events[0].offence_date": "1995-01-04"}),
    case("deregistered before registered",
         invalid("registrations[0].deregistered", "deregistered_before_registered"),
         changes={"registrations[0].deregistered": "2016-02-01"}),
    case("assessment before the date of birth", invalid("assessments[0].date", "record_before_birth"),
         changes={"assessments[0].date": "1989-01-01"}),
    case("contact before the first sentence", invalid("contacts[0].date", "contact_before_first_sentence"),
         changes={"contacts[0].date": "2016-02-01"}),
])

# ---------------------------------------------------------------------------------------------------------------
file("codes.json", "Unknown codes and fields: a decode error whose message lists what is expected and never "
     "repeats the unknown value or key; unknown register codes are kept (valid).", [
    case("unknown sex", decode("person.sex"), changes={"person.sex": "Marguerite"}, forbidden=[GIVEN]),
    case("unknown sex whose text imitates the end of serde's message", decode("person.sex"),
         changes={"person.sex": "x`, expected Quennellford`, expected Marguerite"}, forbidden=[GIVEN, FAMILY]),
    case("wrong type whose text imitates the end of serde's message", decode("contacts[0].event"),
         changes={"contacts[0].event": "Marguerite\", expected Quennellford"}, forbidden=[GIVEN, FAMILY]),
    case("unknown field whose key imitates the end of serde's message", decode("person"),
         changes={"person.Marguerite`, expected `Quennellford": 1}, forbidden=[GIVEN, FAMILY]),
    case("unknown key with a dot and brackets in it", decode("person"),
         changes={"person": dict(BASE["person"], **{"Quennellford.crn[0]": 1})}, forbidden=[FAMILY]),
    case("unknown home area C22", decode("person.home_area"), changes={"person.home_area": "C22"}),
    case("home area in lower case", decode("person.home_area"), changes={"person.home_area": "c17"}),
    case("unknown provider", decode("provider"), changes={"provider": "N08"}),
    case("unknown sentence type", decode("events[0].sentence.type"), changes={"events[0].sentence.type": "hospital_order"},
         forbidden=["hospital_order"]),
    case("unknown requirement kind", decode("events[0].sentence.requirements[0].kind"),
         changes={"events[0].sentence.requirements[0].kind": "community_service"}, forbidden=["community_service"]),
    case("unknown custody kind", decode("events[0].sentence.kind"),
         changes={"events[0].sentence": dict(CUSTODY, kind="whole_life")}, forbidden=["whole_life"]),
    case("unknown contact kind", decode("contacts[0].kind"), changes={"contacts[0].kind": "telephone"},
         forbidden=["telephone"]),
    case("unknown contact outcome", decode("contacts[0].outcome"), changes={"contacts[0].outcome": "no_show"},
         forbidden=["no_show"]),
    case("unknown rosh level", decode("assessments[0].rosh.public"),
         changes={"assessments[0].rosh.public": "extreme"}, forbidden=["extreme"]),
    case("unknown rosh group named after the person", decode("assessments[0].rosh"),
         changes={"assessments[0].rosh": {GIVEN: "high"}}, forbidden=[GIVEN]),
    case("unknown need area", decode("assessments[0].needs"),
         changes={"assessments[0].needs": {"gambling": "severe"}}, forbidden=["gambling"]),
    case("unknown need severity", decode("assessments[0].needs"),
         changes={"assessments[0].needs": {"accommodation": "critical"}}, forbidden=["critical"]),
    case("unknown section answer", decode("assessments[0].section_answers.?[0]"),
         changes={"assessments[0].section_answers": {"accommodation": ["maybe"]}}, forbidden=["maybe"]),
    case("unknown enforcement action", decode("enforcement[0].kind"),
         changes={"enforcement": [{"date": "2016-04-01", "kind": "caution"}]}, forbidden=["caution"]),
    case("unknown top-level field named by a CRN", decode(), changes={CRN.lower(): True},
         forbidden=[CRN.lower()]),
    case("unknown person field holding a name", decode("person"), changes={"person.nickname": GIVEN}),
    case("unknown person field whose key is the name", decode("person"), changes={"person." + FAMILY: 1}),
    case("unknown field inside a sentence whose key is a name", decode("events[0].sentence"),
         changes={"events[0].sentence." + GIVEN: True}),
    case("camelCase field names are unknown", decode("person"),
         changes={"person.dateOfBirth": DOB, "person.date_of_birth": MISSING}),
    case("unknown register code is kept, not rejected", VALID, changes={"registrations[0].code": "ZZZZ"}),
    # MAPPA codes (issue 12, item 3): nDelius's level codes are M0 (not yet confirmed), M1-M3 and its category
    # codes X9 (not yet determined), M1-M4 (docs/rules/validation.md#mappa-codes; community-api MappaDetailsTransformer for M0 and X9).
    case("MAPPA registration with nDelius's not-yet-decided codes M0 and X9 is valid (read as no level, no "
         "category)", VALID,
         changes={"registrations[0]": {"code": "MAPP", "level": "M0", "category": "X9", "registered": "2016-03-01"}}),
    case("MAPPA level M3 and category M4 (terrorism) are valid", VALID,
         changes={"registrations[0]": {"code": "MAPP", "level": "M3", "category": "M4", "registered": "2016-03-01"}}),
    case("MAPPA category M5 does not exist (categories are M1-M4)", invalid("registrations[0].category", "mappa_category"),
         changes={"registrations[0]": {"code": "MAPP", "level": "M2", "category": "M5", "registered": "2016-03-01"}}),
    case("MAPPA category holding a name", invalid("registrations[0].category", "mappa_category"),
         changes={"registrations[0]": {"code": "MAPP", "level": "M2", "category": GIVEN, "registered": "2016-03-01"}},
         forbidden=[GIVEN]),
    case("MAPPA level M4 does not exist (levels are M1-M3); the level is reported before the category",
         invalid("registrations[0].level", "mappa_level"),
         changes={"registrations[0]": {"code": "MAPP", "level": "M4", "category": "M7", "registered": "2016-03-01"}}),
    case("MAPPA level in lower case is not nDelius's code", invalid("registrations[0].level", "mappa_level"),
         changes={"registrations[0]": {"code": "MAPP", "level": "m2", "registered": "2016-03-01"}}),
    case("level and category on a register other than MAPPA are kept as given and ignored", VALID,
         changes={"registrations[0]": {"code": "RMRH", "level": "M9", "category": "M7", "registered": "2016-03-01"}}),
])

# ---------------------------------------------------------------------------------------------------------------
file("identifiers.json", "Malformed person identifiers: a decode error at the identifier's path whose message "
     "describes the format and never repeats the value.", [
    case("CRN with five digits", decode("person.crn"), changes={"person.crn": "X32074"}, forbidden=["X32074"]),
    case("CRN of digits only", decode("person.crn"), changes={"person.crn": "9320741"}, forbidden=["9320741"]),
    case("CRN with a non-ASCII letter", decode("person.crn"), changes={"person.crn": "É320741"},
         forbidden=["É320741"]),
    case("CRN holding a name", decode("person.crn"), changes={"person.crn": GIVEN}),
    case("PNC with a wrong check character", decode("person.pnc"), changes={"person.pnc": "2004/0012345E"},
         forbidden=["2004/0012345E"]),
    case("PNC with an eight-digit serial", decode("person.pnc"), changes={"person.pnc": "2004/00123456D"},
         forbidden=["00123456D"]),
    case("PNC that is empty", decode("person.pnc"), changes={"person.pnc": ""}),
    # PNC forms (issue 12, item 6; docs/interchange.md): after the slash a serial of 1-7 digits is zero-padded to 7
    # (hmpps-person-record PNCIdentifier); without the slash all 7 digits are needed.
    case("PNC with a five-digit serial after a four-digit year is zero-padded: valid", VALID,
         changes={"person.pnc": "2004/12345D"}),
    case("PNC with a five-digit serial after a two-digit year is zero-padded: valid", VALID,
         changes={"person.pnc": "04/12345D"}),
    case("PNC with a five-digit serial and no slash is refused (ambiguous)", decode("person.pnc"),
         changes={"person.pnc": "0412345D"}, forbidden=["0412345D"]),
    case("PNC 200412345D: ten characters without a slash are 20/0412345, whose check letter is E", decode("person.pnc"),
         changes={"person.pnc": "200412345D"}, forbidden=["200412345D"]),
    case("PNC with a three-digit year", decode("person.pnc"), changes={"person.pnc": "004/12345D"},
         forbidden=["004/12345D"]),
    case("PNC with no serial", decode("person.pnc"), changes={"person.pnc": "04/D"}),
    case("prison number in the wrong shape", decode("person.prison_number"),
         changes={"person.prison_number": "A12345C"}, forbidden=["A12345C"]),
    case("prison number of 1000 characters", decode("person.prison_number"),
         changes={"person.prison_number": "G4721KD" * 143}),
    case("lower-case CRN and short PNC are normalised: valid", VALID,
         changes={"person.crn": "x320741", "person.pnc": "04/12345D"}),
])

# ---------------------------------------------------------------------------------------------------------------
file("duplicates.json", "Duplicate keys: a case must not mean two things, so a repeated key is a decode error "
     "(never last-one-wins).", [
    case("schema_version twice", decode(), text=BASE_TEXT.replace('{"schema_version":1',
                                                                    '{"schema_version":1,"schema_version":1', 1)),
    case("crn twice with different values", decode("person"),
         text=BASE_TEXT.replace('"crn":"X320741"', '"crn":"X320741","crn":"Y123456"', 1), forbidden=["Y123456"]),
    case("date_of_birth twice", decode("person"),
         text=BASE_TEXT.replace('"date_of_birth":"1990-04-01"',
                                '"date_of_birth":"1990-04-01","date_of_birth":"1991-05-02"', 1),
         forbidden=["1991-05-02"]),
    case("sentence type twice", decode("events[0].sentence"),
         text=BASE_TEXT.replace('"type":"community_order"', '"type":"community_order","type":"custody"', 1)),
    case("hours twice in a requirement", decode("events[0].sentence.requirements[0]"),
         text=BASE_TEXT.replace('"hours":120', '"hours":120,"hours":300', 1)),
    case("need area twice in needs", decode("assessments[0].needs"),
         text=BASE_TEXT.replace('"rosh":{"public":"medium"}',
                                '"rosh":{"public":"medium"},"needs":{"accommodation":"severe",'
                                '"accommodation":"no_need"}', 1)),
    case("need area twice in section answers", decode("assessments[0].section_answers"),
         text=BASE_TEXT.replace('"rosh":{"public":"medium"}',
                                '"rosh":{"public":"medium"},"section_answers":{"attitudes":["yes"],'
                                '"attitudes":["no"]}', 1)),
    case("a key named after the person twice in a sentence whose type comes last", decode("events[0].sentence"),
         text=BASE_TEXT.replace('"sentence":{"type":"community_order",',
                                '"sentence":{"Marguerite":1,"Marguerite":2,"type":"community_order",', 1),
         forbidden=[GIVEN]),
    case("a format key twice in a sentence whose type comes last", decode("events[0].sentence"),
         text=BASE_TEXT.replace('"sentence":{"type":"community_order",',
                                '"sentence":{"length":{"months":1},"type":"community_order",', 1)),
    case("an unknown key holding a name in a sentence whose type comes last", decode("events[0].sentence"),
         text=BASE_TEXT.replace('"sentence":{"type":"community_order",',
                                '"sentence":{"Quennellford":"Marguerite","type":"community_order",', 1),
         forbidden=[GIVEN, FAMILY]),
    case("a wrong value in a sentence whose type comes last", decode("events[0].sentence"),
         text=BASE_TEXT.replace('"sentence":{"type":"community_order","length":{"months":12}',
                                '"sentence":{"length":{"months":"Marguerite"},"type":"community_order"', 1),
         forbidden=[GIVEN]),
    case("rosh group twice", decode("assessments[0].rosh"),
         text=BASE_TEXT.replace('"rosh":{"public":"medium"}', '"rosh":{"public":"medium","public":"very_high"}', 1)),
])

# ---------------------------------------------------------------------------------------------------------------
file("contradictions.json", "Contradictory or inapplicable combinations: a validation error naming the rule, or a "
     "decode error where the format itself forbids the combination.", [
    case("custody with requirements (custody takes none)", decode("events[0].sentence"),
         changes={"events[0].sentence": dict(CUSTODY, requirements=[{"kind": "unpaid_work", "hours": 100}])}),
    case("a community order with a release date", decode("events[0].sentence"),
         changes={"events[0].sentence.release_date": "2016-06-01"}),
    case("unpaid work with curfew hours",
         invalid("events[0].sentence.requirements[0].hours_per_day", "requirement_field_not_applicable"),
         changes={"events[0].sentence.requirements[0].hours_per_day": 8}),
    case("curfew without its length", invalid("events[0].sentence.requirements[0].length",
                                              "requirement_field_missing"),
         changes={"events[0].sentence.requirements[0]": {"kind": "curfew", "hours_per_day": 8}}),
    case("community order without requirements",
         invalid("events[0].sentence.requirements", "community_order_without_requirement"),
         changes={"events[0].sentence.requirements": []}),
    case("suspended sentence with requirements but no supervision period",
         invalid("events[0].sentence.supervision_period", "sso_supervision_missing"),
         changes={"events[0].sentence": {k: v for k, v in SSO.items() if k != "supervision_period"}}),
    case("supervision period longer than the operational period",
         invalid("events[0].sentence.supervision_period", "sso_supervision_period"),
         changes={"events[0].sentence": dict(SSO, supervision_period={"months": 18})}),
    case("sentence before conviction", invalid("events[0].sentence_date", "sentence_before_conviction"),
         changes={"events[0].conviction_date": "2016-03-02"}),
    case("conviction before offence", invalid("events[0].conviction_date", "conviction_before_offence"),
         changes={"events[0].conviction_date": "2015-12-01"}),
    case("allocation before sentence", invalid("events[0].allocation_date", "allocation_before_sentence"),
         changes={"events[0].allocation_date": "2016-02-01"}),
    case("terminated before sentence", invalid("events[0].termination_date", "termination_before_sentence"),
         changes={"events[0].termination_date": "2016-02-01"}),
    case("released before sentence", invalid("events[0].sentence.release_date", "release_before_sentence"),
         changes={"events[0].sentence": dict(CUSTODY, release_date="2016-02-01")}),
    case("contact naming an event that does not exist", invalid("contacts[0].event", "event_index"),
         changes={"contacts[0].event": 1}),
    case("attendance centre for a 25-year-old", invalid("events[0].sentence.requirements[0].kind",
                                                       "attendance_centre_age"),
         changes={"events[0].sentence.requirements[0]": {"kind": "attendance_centre", "hours": 24}}),
])

# ---------------------------------------------------------------------------------------------------------------
# Sizes: 1 MiB per case (MAX_CASE_BYTES), nesting 32 (MAX_NESTING_DEPTH), collection limits of validate::limits.
MIB = 1 << 20
CONTACT = '{"date":"2016-03-07","kind":"appointment","outcome":"attended"},'
head_contacts = BASE_TEXT[: BASE_TEXT.index('"contacts":[') + len('"contacts":[')]
REQ = '{"kind":"residence"},'
head_reqs = BASE_TEXT[: BASE_TEXT.index('"requirements":[') + len('"requirements":[')]
tail_reqs = '{"kind":"unpaid_work","hours":120}]}}]'
REG = '{"code":"RLRH","registered":"2016-03-01"},'
EVENT = dumps(BASE["events"][0]) + ","
person_only = dumps({"schema_version": 1, "person": BASE["person"]})[:-1]

file("sizes.json", "Over-long input, huge arrays and deep nesting: refused with a typed error (too_large, "
     "too_deep, or the too_many validation rule) while memory stays bounded.", [
    case("one byte over 1 MiB of whitespace after a valid case", TOO_LARGE,
         generate={"prefix": BASE_TEXT, "repeat": " ", "count": MIB + 1 - len(BASE_TEXT.encode()), "suffix": ""}),
    case("exactly 1 MiB (whitespace padded) is accepted", VALID,
         generate={"prefix": BASE_TEXT, "repeat": " ", "count": MIB - len(BASE_TEXT.encode()), "suffix": ""}),
    case("a 2 MiB given name", TOO_LARGE,
         generate={"prefix": BASE_TEXT[: BASE_TEXT.index(GIVEN)], "repeat": "M", "count": 2 * MIB,
                   "suffix": BASE_TEXT[BASE_TEXT.index(GIVEN):]}),
    case("10001 contacts exceed the limit of 10000", invalid("contacts", "too_many"),
         generate={"prefix": head_contacts, "repeat": CONTACT, "count": 10_001,
                   "suffix": '{"date":"2016-03-07","kind":"appointment","outcome":"attended"}]}'}),
    case("51 requirements exceed the limit of 50", invalid("events[0].sentence.requirements", "too_many"),
         generate={"prefix": head_reqs, "repeat": REQ, "count": 50,
                   "suffix": tail_reqs + BASE_TEXT[BASE_TEXT.index(',"registrations"'):]}),
    case("201 events exceed the limit of 200", invalid("events", "too_many"),
         generate={"prefix": person_only + ',"events":[', "repeat": EVENT, "count": 200,
                   "suffix": EVENT[:-1] + "]}"}),
    case("1001 registrations exceed the limit of 1000", invalid("registrations", "too_many"),
         generate={"prefix": person_only + ',"registrations":[', "repeat": REG, "count": 1000,
                   "suffix": REG[:-1] + "]}"}),
    case("101 answers in one OASys section exceed the limit of 100",
         invalid("assessments[0].section_answers.attitudes", "too_many"),
         generate={"prefix": person_only + ',"assessments":[{"date":"2016-02-15","section_answers":{"attitudes":[',
                   "repeat": "null,", "count": 100, "suffix": 'null]}}]}'}),
    case("200000 nulls in one array fit in 1 MiB and are refused by the limit of 100",
         invalid("assessments[0].section_answers.attitudes", "too_many"),
         generate={"prefix": person_only + ',"assessments":[{"date":"2016-02-15","section_answers":{"attitudes":[',
                   "repeat": "null,", "count": 200_000, "suffix": 'null]}}]}'}),
    case("33 levels (the document and 32 arrays) is too deep", TOO_DEEP,
         text=BASE_TEXT[:-1] + ',"enforcement":' + "[" * 32 + "]" * 32 + "}"),
    case("32 levels is within the limit (then a type error: an array where an enforcement action object must be)", decode("enforcement[0]"),
         text=BASE_TEXT[:-1] + ',"enforcement":' + "[" * 31 + "]" * 31 + "}"),
    case("100000 nested arrays", TOO_DEEP, generate={"prefix": "", "repeat": "[", "count": 100_000, "suffix": ""}),
    case("100000 nested objects inside a field", TOO_DEEP,
         generate={"prefix": BASE_TEXT[:-1] + ',"x":', "repeat": '{"a":', "count": 100_000, "suffix": ""}),
    case("brackets inside strings do not count as nesting", VALID,
         changes={"person.name.given": "[" * 100 + "{" * 100}),
])

# ---------------------------------------------------------------------------------------------------------------
b = BASE_TEXT.encode()
name_at = b.index(GIVEN.encode())
file("encoding.json", "Input that is not UTF-8 is refused as invalid_utf8 before any parsing; escaped Unicode in "
     "strings is fine.", [
    case("a 0xFF byte inside the name", INVALID_UTF8, raw=b[:name_at] + b"\xff" + b[name_at:], forbidden=[GIVEN]),
    case("Latin-1 encoded name (é as 0xE9)", INVALID_UTF8,
         raw=b[:name_at] + "Ren\u00e9e".encode("latin-1") + b[name_at:]),
    case("a truncated 3-byte sequence", INVALID_UTF8, raw=b[:name_at] + b"\xe2\x82" + b[name_at:]),
    case("an overlong encoding of '/'", INVALID_UTF8, raw=b[:name_at] + b"\xc0\xaf" + b[name_at:]),
    case("a UTF-8 encoded surrogate", INVALID_UTF8, raw=b[:name_at] + b"\xed\xa0\x80" + b[name_at:]),
    case("UTF-16 with a byte order mark", INVALID_UTF8, raw=BASE_TEXT.encode("utf-16")),
    case("UTF-16LE without a byte order mark is ASCII with NULs: not JSON", decode(),
         raw=BASE_TEXT.encode("utf-16-le")),
    case("a NUL byte between tokens", decode("person"), raw=b.replace(b'"person":', b'"person":\x00', 1)),
    case("non-ASCII name in UTF-8 is valid", VALID, changes={"person.name.given": "Ren\u00e9e \u6211"}),
    case("escaped non-ASCII name is valid", VALID,
         text=BASE_TEXT.replace(GIVEN, "Ren\\u00e9e")),
])


# ---------------------------------------------------------------------------------------------------------------
# Inputs the fuzzers found (scripts/fuzz.sh), kept byte for byte (also under fuzz/regressions/<target>/).
REG = pathlib.Path(__file__).resolve().parents[3] / "fuzz" / "regressions"
file("regressions.json", "Inputs found by the fuzzers that once misbehaved; each description says how.", [
    case("decode_bytes found (2026-11-26): a syntax error inside an unknown key of a sentence put the key "
         "(a family name) in the error path; keys that are not format keys now show as `?`",
         decode("events[0].sentence"),
         text=(REG / "decode_bytes" / "leak-unknown-key-in-sentence-syntax-path").read_text(encoding="utf-8"),
         forbidden=["quennellford"]),
])


def main():
    total = 0
    for name, doc in FILES.items():
        (HERE / name).write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        total += len(doc["cases"])
    print(f"{total} cases in {len(FILES)} files")


if __name__ == "__main__":
    main()
