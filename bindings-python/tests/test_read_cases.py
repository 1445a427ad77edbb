"""read_cases: JSON Lines (and nDelius record shapes) streamed into Arrow record batches equal to cases_table of the
same cases, per-line errors without personal data, bytes and paths alike, the Arrow C stream."""

from __future__ import annotations

import datetime
import json
import pathlib

import pyarrow as pa
import pytest

import probation

DATA = pathlib.Path(__file__).resolve().parents[2] / "examples" / "data"
ON = datetime.date(2024, 6, 1)


def lines(name: str) -> list[str]:
    return [line for line in (DATA / name).read_text().splitlines() if line.strip()]


def assert_tables_equal(got: pa.Table, expected: pa.Table) -> None:
    assert got.schema == expected.schema
    # to_pandas: NaN (a missing score) equals NaN there, not in Table.equals.
    left, right = got.to_pandas(), expected.to_pandas()
    assert left.equals(right), "tables differ"


def test_equal_to_cases_table_on_the_sample_caseload() -> None:
    expected = probation.cases_table([probation.Case.from_json(l) for l in lines("caseload.jsonl")], ON, like="arrow")
    table, errors = probation.read_cases_table(DATA / "caseload.jsonl", ON)
    assert table.num_rows == 1000 and errors.num_rows == 0
    assert table.column_names == probation.input_columns()
    assert_tables_equal(table, expected)


def test_batches_are_bounded_and_add_up_to_the_table() -> None:
    reader = probation.read_cases(str(DATA / "caseload.jsonl"), ON, batch_size=300)
    batches = list(reader)
    assert [b.num_rows for b in batches] == [300, 300, 300, 100]
    assert all(isinstance(b, pa.RecordBatch) for b in batches)
    whole, _ = probation.read_cases_table(DATA / "caseload.jsonl", ON)
    assert_tables_equal(pa.Table.from_batches(batches), whole)
    assert reader.read_all().num_rows == 0, "an exhausted reader has nothing left"


def test_bytes_path_and_str_give_the_same_table() -> None:
    path = DATA / "caseload.jsonl"
    from_path, _ = probation.read_cases_table(path, ON)
    from_str, _ = probation.read_cases_table(str(path), ON)
    from_bytes, _ = probation.read_cases_table(path.read_bytes(), ON)
    assert_tables_equal(from_str, from_path)
    assert_tables_equal(from_bytes, from_path)


def test_arrow_c_stream_hands_the_batches_on_once() -> None:
    reader = probation.read_cases(DATA / "caseload.jsonl", ON, batch_size=256)
    assert reader.schema.names == probation.input_columns()
    stream = pa.RecordBatchReader.from_stream(reader)
    table = stream.read_all()
    whole, _ = probation.read_cases_table(DATA / "caseload.jsonl", ON)
    assert_tables_equal(table, whole)
    with pytest.raises(RuntimeError, match="already been handed on"):
        pa.RecordBatchReader.from_stream(reader)


def test_broken_lines_are_errors_by_line_and_path_without_personal_data() -> None:
    text = (DATA / "broken.jsonl").read_text()
    good = lines("caseload.jsonl")[:3]
    source = "\n".join([good[0], *text.splitlines(), "", good[1], "not json", good[2]]) + "\n"
    table, errors = probation.read_cases_table(source.encode(), ON)
    assert table.num_rows == 3
    assert errors.column_names == ["line", "kind", "path", "message"]
    rows = errors.to_pylist()
    assert [r["line"] for r in rows] == [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14]
    assert [r["path"] for r in rows] == [
        "person.crn",
        "person.pnc",
        "person",
        "events[0].sentence.requirements[0].hours",
        "events[0].conviction_date",
        "events[0].sentence.requirements[0].hours",
        "events[0].sentence.length",
        "contacts[0].date",
        "assessments[0].rsr",
        "events[0].conviction_date",
        "",
    ]
    assert {r["kind"] for r in rows} == {"decode", "invalid"}
    # No value from the input: no name, date of birth, CRN, PNC or unknown key appears in any error.
    shown = json.dumps(rows)
    for line in text.splitlines():
        doc = json.loads(line)
        person = doc.get("person", {})
        for key in ("crn", "pnc", "date_of_birth", "name", "family_name", "given_name"):
            value = person.get(key)
            if isinstance(value, str) and value:
                assert value not in shown, key
    assert "nickname" not in shown


@pytest.mark.parametrize(
    ("shape", "name"),
    [("tier-details", "tier-details.jsonl"), ("community-api", "community-api.jsonl"),
     ("integration-api", "integration-api.jsonl")],
)
def test_record_shapes_read_through_core_records(shape: str, name: str) -> None:
    texts = lines(name)
    if shape == "tier-details":
        docs = [json.loads(t) for t in texts]
        cases = [probation.tier_details_to_case(json.dumps(d), d.pop("crn"), ON) for d in docs]
    elif shape == "community-api":
        cases = [probation.community_api_to_case(t) for t in texts]
        assert all(probation.validate(c) is None for c in cases)
    else:
        cases = [probation.integration_api_to_case(t) for t in texts]
    table, errors = probation.read_cases_table(DATA / name, ON, from_=shape)
    assert errors.num_rows == 0
    assert table.num_rows == len(texts) == 20
    assert_tables_equal(table, probation.cases_table(cases, ON, like="arrow"))


def test_a_record_shape_error_names_the_line_and_the_record_field() -> None:
    line = (
        b'{"crn": "A123456", "gender": "Pineapple", "registrations": [], "convictions": [],'
        b' "previousEnforcementActivity": false, "hasActiveEvent": false}\n'
    )
    _, errors = probation.read_cases_table(line, ON, from_="tier-details")
    (row,) = errors.to_pylist()
    assert row["line"] == 1 and row["path"] == "gender" and "Pineapple" not in row["message"]


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="from_ must be one of"):
        probation.read_cases(b"", ON, from_="nomis")
    with pytest.raises(ValueError, match="batch_size"):
        probation.read_cases(b"", ON, batch_size=0)
    with pytest.raises(TypeError, match="source must be"):
        probation.read_cases(42, ON)  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError):
        probation.read_cases(DATA / "no-such-file.jsonl", ON)


def test_an_empty_source_gives_an_empty_table_of_the_input_columns() -> None:
    table, errors = probation.read_cases_table(b"\n\n", ON)
    assert table.num_rows == 0 and errors.num_rows == 0
    assert table.column_names == probation.input_columns()
