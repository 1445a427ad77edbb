"""An analyst's look at the bundled caseload with the `probation` Python package.

    python examples/analyst.py [--caseload examples/data/caseload.jsonl] [--on 2019-06-01] [--out examples/out]

Writes to the output folder (gitignored):
- `allocation_by_provider_and_tier.csv`: on the chosen date, how many cases each provider holds in each tier
  (allocation, docs/rules/allocation.md, and tier, docs/rules/tier.md, from the columnar API);
- `contact_deadlines_per_week.csv`: every deadline of every case's contact schedule (§5), counted by the week
  (Monday) it falls due and by kind;
- `caseload.png`: both, as a chart.
"""

from __future__ import annotations

import argparse
import collections
import datetime
import pathlib

import matplotlib

matplotlib.use("Agg")  # no display: write files only
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

import probation  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent


def load(path: pathlib.Path) -> list[probation.Case]:
    """Every valid case of a JSON Lines file; invalid lines are reported by line number only."""
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            cases.append(probation.Case.from_json(line))
        except probation.ProbationError as e:
            print(f"line {number}: skipped ({type(e).__name__}: {e})")
    return cases


def allocation_by_provider_and_tier(cases: list[probation.Case], on: datetime.date) -> pd.DataFrame:
    """Provider × tier counts on `on`, from the columnar API."""
    table = probation.cases_table(cases, on)
    result = probation.assess_table(table)
    counts = pd.crosstab(result["provider"], result["tier"].astype(str).str[:2])
    return counts.loc[counts.sum(axis=1) > 0]


def deadlines_per_week(cases: list[probation.Case], policy: str) -> pd.DataFrame:
    """Deadlines of every schedule (items other than regular contact), by week due and kind."""
    weeks: collections.Counter[tuple[datetime.date, str]] = collections.Counter()
    for case in cases:
        for item in probation.schedule(case, policy).items:
            if item.kind is probation.ItemKind.CONTACT:
                continue
            monday = item.due_by - datetime.timedelta(days=item.due_by.weekday())
            weeks[(monday, item.kind.value)] += 1
    frame = pd.Series(weeks, dtype="int64").rename_axis(["week", "kind"]).unstack(fill_value=0).sort_index()
    every_week = pd.date_range(min(frame.index), max(frame.index), freq="7D").date
    return frame.reindex(every_week, fill_value=0).rename_axis("week")


def chart(by_provider: pd.DataFrame, weekly: pd.DataFrame, on: datetime.date, policy: str, path: pathlib.Path) -> None:
    fig, (left, right) = plt.subplots(1, 2, figsize=(15, 6), gridspec_kw={"width_ratios": [1, 1.6]})
    by_provider.plot.barh(stacked=True, ax=left, colormap="viridis", width=0.8)
    left.set_title(f"Cases by provider and tier on {on.isoformat()}")
    left.set_xlabel("cases")
    left.set_ylabel("provider")
    left.legend(title="tier", fontsize="small", ncols=2)
    window = (weekly.index >= datetime.date(2022, 1, 1)) & (weekly.index <= probation.SYNTH_AS_OF)
    recent = weekly.loc[window]
    bottom = None
    for i, kind in enumerate(recent.columns):
        right.bar(recent.index, recent[kind], width=6, bottom=bottom, label=kind, color=plt.cm.tab10(i))
        bottom = recent[kind] if bottom is None else bottom + recent[kind]
    right.legend(title="kind")
    right.set_title(f"Contact deadlines falling due per week ({policy}), 2022 to {probation.SYNTH_AS_OF:%B %Y}")
    right.set_ylabel("deadlines")
    right.set_xlabel("week")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--caseload", type=pathlib.Path, default=ROOT / "examples" / "data" / "caseload.jsonl")
    ap.add_argument("--on", type=datetime.date.fromisoformat, default=datetime.date(2019, 6, 1))
    ap.add_argument("--policy", default="ps2021", choices=probation.ContactPolicy.presets())
    ap.add_argument("--out", type=pathlib.Path, default=ROOT / "examples" / "out")
    args = ap.parse_args()

    cases = load(args.caseload)
    args.out.mkdir(parents=True, exist_ok=True)
    by_provider = allocation_by_provider_and_tier(cases, args.on)
    weekly = deadlines_per_week(cases, args.policy)
    by_provider.to_csv(args.out / "allocation_by_provider_and_tier.csv")
    weekly.to_csv(args.out / "contact_deadlines_per_week.csv")
    chart(by_provider, weekly, args.on, args.policy, args.out / "caseload.png")
    print(f"{len(cases)} cases; allocation on {args.on}:")
    print(by_provider.sum(axis=1).to_string())
    print(f"{int(weekly.to_numpy().sum())} deadlines over {len(weekly)} weeks")
    print(f"wrote {args.out / 'allocation_by_provider_and_tier.csv'}, "
          f"{args.out / 'contact_deadlines_per_week.csv'}, {args.out / 'caseload.png'}")


if __name__ == "__main__":
    main()
