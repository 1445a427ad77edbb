"""Runs every shared vector file under tests/vectors through the Python API (see tests/vectors/README.md).

A file naming a function this runner does not know fails, so no vector is silently skipped.
"""

from __future__ import annotations

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


RUNNERS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "case.validate": case_validate,
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
    diffs: list[str] = []
    subset(case["expected"], actual, "", diffs)
    assert not diffs, f"{case['description']}:\n  " + "\n  ".join(diffs)
