"""examples/analyst.py runs on the bundled caseload and writes its chart and tables."""

from __future__ import annotations

import pathlib
import subprocess
import sys

import pandas as pd

from conftest import REPO


def run_example(script: str, out: pathlib.Path, png_name: str) -> None:
    """Runs examples/<script> writing to `out`; checks it succeeded and wrote a real PNG."""
    done = subprocess.run(
        [sys.executable, str(REPO / "examples" / script), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    png = (out / png_name).read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 10_000


def test_analyst_script(tmp_path: pathlib.Path) -> None:
    run_example("analyst.py", tmp_path, "caseload.png")
    by_provider = pd.read_csv(tmp_path / "allocation_by_provider_and_tier.csv", index_col=0)
    lines = (REPO / "examples" / "data" / "caseload.jsonl").read_text(encoding="utf-8").splitlines()
    assert by_provider.to_numpy().sum() == len([line for line in lines if line.strip()])
    weekly = pd.read_csv(tmp_path / "contact_deadlines_per_week.csv", index_col=0)
    assert weekly.to_numpy().sum() > 0


def test_audit_chart_script(tmp_path: pathlib.Path) -> None:
    run_example("audit_chart.py", tmp_path, "discrepancies.png")
    rows = pd.read_csv(tmp_path / "discrepancies.csv")
    by = pd.read_csv(tmp_path / "discrepancies_by_provider_and_year.csv", index_col=0)
    assert len(rows) > 0 and by.to_numpy().sum() == len(rows)
    assert set(rows["kind"]) <= {
        "different_provider", "late_allocation", "different_tier", "tier_not_updated",
        "enforcement_not_taken", "enforcement_not_due", "date_differs",
    }
