"""Inspection-style findings on the bundled audited caseload with the `probation` Python package.

    python examples/audit_chart.py [--caseload examples/data/audit-caseload.jsonl] [--as-of 2025-03-31] [--out examples/out]

Every recorded decision of every case (allocation made, tier history, enforcement actions, custody key dates) is
re-run with the rules in force on its date (docs/rules/audit.md). Writes to the output folder (gitignored):
- `discrepancies.csv`: one row per discrepancy (`probation.audit_table`);
- `discrepancies_by_provider_and_year.csv`: counts by the provider holding the case and the decision's year;
- `discrepancies.png`: the same as stacked bars, one bar per year, one colour per provider, and the kinds.
"""

from __future__ import annotations

import argparse
import datetime
import pathlib

import matplotlib

matplotlib.use("Agg")  # no display: write files only
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

import probation  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--caseload", type=pathlib.Path, default=ROOT / "examples" / "data" / "audit-caseload.jsonl")
    parser.add_argument("--as-of", type=datetime.date.fromisoformat, default=datetime.date(2025, 3, 31))
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "examples" / "out")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    lines = args.caseload.read_text(encoding="utf-8").splitlines()
    cases = [probation.Case.from_json(line) for line in lines if line.strip()]
    rows = pd.DataFrame(probation.audit_table(cases, args.as_of))
    rows.to_csv(args.out / "discrepancies.csv", index=False)
    print(f"{len(cases)} cases audited as of {args.as_of}: {len(rows)} discrepancies")
    if rows.empty:
        return
    rows["provider"] = rows["provider"].fillna("unallocated")
    table = rows.pivot_table(index="year", columns="provider", values="kind", aggfunc="count", fill_value=0)
    table.to_csv(args.out / "discrepancies_by_provider_and_year.csv")
    print(rows.groupby("kind").size().to_string())

    fig, (left, right) = plt.subplots(1, 2, figsize=(14, 6), gridspec_kw={"width_ratios": [3, 1]})
    table.plot(kind="bar", stacked=True, ax=left, legend=False, colormap="tab20")
    left.set_title("Discrepancies by year of decision and provider holding the case")
    left.set_xlabel("year")
    left.set_ylabel("discrepancies")
    left.legend(title="provider", ncol=2, fontsize="small", bbox_to_anchor=(1.0, 1.0), loc="upper left")
    rows.groupby("kind").size().sort_values().plot(kind="barh", ax=right, color="tab:red")
    right.set_title("by kind")
    right.set_xlabel("discrepancies")
    fig.tight_layout()
    fig.savefig(args.out / "discrepancies.png", dpi=100)
    print(f"wrote {args.out / 'discrepancies.png'}")


if __name__ == "__main__":
    main()
