"""The Python examples of the README and docs/python.md run as tests.

Every ```python block of a file runs in order in one namespace (like a notebook), from the repository root.
A block whose first line is `# not run` is skipped (for examples that need files the reader has).
"""

from __future__ import annotations

import os
import pathlib
import re

import pytest

from conftest import REPO

DOCS = [REPO / "README.md", REPO / "docs" / "python.md"]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def blocks(path: pathlib.Path) -> list[str]:
    return [b for b in BLOCK.findall(path.read_text(encoding="utf-8")) if not b.startswith("# not run")]


def test_the_python_guide_has_examples() -> None:
    assert len(blocks(REPO / "docs" / "python.md")) >= 3


@pytest.mark.parametrize("path", [pytest.param(p, id=p.name) for p in DOCS if p.exists()])
def test_examples_run(path: pathlib.Path) -> None:
    namespace: dict[str, object] = {"__name__": "__doc_example__"}
    old = os.getcwd()
    os.chdir(REPO)
    try:
        for i, code in enumerate(blocks(path)):
            try:
                exec(compile(code, f"{path.name}[block {i}]", "exec"), namespace)
            except Exception as e:  # noqa: BLE001 - report which block failed
                raise AssertionError(f"{path.name} python block {i} failed: {e!r}\n{code}") from e
    finally:
        os.chdir(old)
