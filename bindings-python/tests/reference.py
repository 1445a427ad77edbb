"""A plain-Python implementation of allocation (docs/rules/allocation.md) and tiering (docs/rules/tier.md), written from
the rulebook, not from the Rust code.

Used by the differential test (``test_differential.py``: the binding and this module must agree on every
generated case); its rule tables are read by the vectorised peers ``bench.py`` times (``bindings-python/peers``). Each engine is split as the rulebook reads: first the
facts a decision needs are read from the case (``allocation_facts``, ``tier_inputs``), then the decision is made
from those facts alone (``allocate_facts``, ``tier_from_inputs``). The benchmark times the second step over the
same columns the binding's columnar API takes.

Cases are dicts of the interchange format as ``Case.to_dict()`` returns them (dates as ``datetime.date``).
"""

from __future__ import annotations

import dataclasses
import datetime
import math
from typing import Any

Date = datetime.date

# ---------------------------------------------------------------------------------------------------------
# §2 shared readings
# ---------------------------------------------------------------------------------------------------------

ROSH_ORDER = {"low": 0, "medium": 1, "high": 2, "very_high": 3}
ROSH_REGISTERS = {"RLRH": "low", "RMRH": "medium", "RHRH": "high", "RVHR": "very_high"}
# Ten factors: `RCPR` (child protection) is one since issue 13 (docs/rules/tier.md, hmpps-tier's ComplexityFactor).
COMPLEXITY_FACTORS = {"RMDO", "ALSH", "RVLN", "RCCO", "RCHD", "RCPR", "RPIR", "RVAD", "STRG", "RTAO"}
MAPPA_LEVELS = {"M1": 1, "M2": 2, "M3": 3}

TR_START = Date(2014, 6, 1)  # Transforming Rehabilitation: NPS and CRCs
PS_START = Date(2021, 6, 26)  # unified Probation Service
WALES_TO_NPS = Date(2019, 12, 1)  # "Wales' CRC work moved to NPS Wales in December 2019" [A]: from the 1st


def active_registrations(case: dict[str, Any], on: Date) -> list[dict[str, Any]]:
    """Registrations registered on or before ``on``, not deregistered by then, not historic (HREG); newest
    first. The rulebook does not say which of two registrations of the same day is the newer: like nDelius' list
    order (and core's documented choice), the first in the list wins (a stable sort keeps list order)."""
    regs = [
        r
        for r in case.get("registrations", [])
        if r["registered"] <= on
        and (r.get("deregistered") is None or r["deregistered"] > on)
        and r["code"] != "HREG"
    ]
    regs.sort(key=lambda r: r["registered"], reverse=True)
    return regs


def current_assessment(case: dict[str, Any], on: Date) -> dict[str, Any] | None:
    """The newest assessment completed on or before ``on`` (ties: the later in the list)."""
    best = None
    for a in case.get("assessments", []):
        if a["date"] <= on and (best is None or a["date"] >= best["date"]):
            best = a
    return best


def overall_rosh(assessment: dict[str, Any] | None) -> str | None:
    """The highest RoSH of any group, or None."""
    if assessment is None:
        return None
    levels = [v for v in assessment.get("rosh", {}).values() if v is not None]
    return max(levels, key=ROSH_ORDER.__getitem__) if levels else None


# ---------------------------------------------------------------------------------------------------------
# §4 Tiering
# ---------------------------------------------------------------------------------------------------------

NEED_WEIGHTS = {
    "accommodation": 1,
    "education_training_employability": 1,
    "relationships": 1,
    "lifestyle_associates": 1,
    "drug_misuse": 1,
    "alcohol_misuse": 1,
    "thinking_behaviour": 2,
    "attitudes": 2,
    "financial_management": 0,
    "emotional_wellbeing": 0,
}
SEVERITY = {"no_need": 0, "standard": 1, "severe": 2}
ANSWER_SCORES = {
    "yes": 2, "no": 0,
    "none": 0, "some": 1, "significant": 2,
    "never": 0, "previous": 1, "currently": 2,
    "unknown": 0,
}
# (standard, severe) thresholds; SAN where different.
THRESHOLDS = {
    "accommodation": (2, 7),
    "education_training_employability": (3, 7),
    "relationships": (2, 5),
    "lifestyle_associates": (2, 5),
    "drug_misuse": (2, 8),
    "alcohol_misuse": (4, 7),
    "thinking_behaviour": (4, 7),
    "attitudes": (2, 7),
}
SAN_THRESHOLDS = {
    "accommodation": (3, 5),
    "drug_misuse": (2, 6),
    "alcohol_misuse": (2, 4),
    "thinking_behaviour": (3, 5),
    "attitudes": (1, 5),
}
RESTRICTIVE = {
    "curfew",
    "exclusion",
    "prohibited_activity",
    "foreign_travel_prohibition",
    "electronic_monitoring",
    "alcohol_abstinence_monitoring",
    "unlisted_restrictive",
}


@dataclasses.dataclass
class TierInputs:
    """Everything the tier decision reads, flat (one row of the columnar API)."""

    rosh: str | None
    rsr: float
    mappa_level: int  # 0 = none
    complexity_factors: int
    female: bool
    parenting_responsibilities: bool
    impulsivity_or_temper: bool
    breach_or_recall: bool
    mandate_for_change: bool
    has_assessment: bool
    need_points: int
    ogrs: float
    iom: bool
    unsupervised: bool


def need_severity(area: str, assessment: dict[str, Any]) -> int:
    """Severity 0/1/2 of one need area: as scored, else from the raw section answers, else no need."""
    needs = assessment.get("needs", {})
    if area in needs:
        return SEVERITY[needs[area]]
    answers = assessment.get("section_answers", {}).get(area)
    if not answers or all(a is None for a in answers) or area not in THRESHOLDS:
        return 0
    score = sum(ANSWER_SCORES[a] for a in answers if a is not None)
    table = SAN_THRESHOLDS if assessment.get("kind", "oasys") == "san" else {}
    standard, severe = table.get(area, THRESHOLDS[area])
    if score >= severe:
        return 2
    if score >= standard:
        return 1
    return 0


def mandate_for_change(case: dict[str, Any], on: Date) -> bool:
    """A current (unterminated) event that is custodial, or that has a requirement other than unpaid work and
    the restrictive ones."""
    for e in case.get("events", []):
        if e["sentence_date"] > on or (e.get("termination_date") is not None and e["termination_date"] <= on):
            continue
        s = e["sentence"]
        if s["type"] == "custody":
            return True
        for r in s.get("requirements", []):
            if r.get("terminated") is not None and r["terminated"] <= on:
                continue
            if r["kind"] != "unpaid_work" and r["kind"] not in RESTRICTIVE:
                return True
    return False


BREACH_OR_RECALL = {"breach_referral", "breach_laid", "recall_requested"}


def twelve_months_before(on: Date) -> Date:
    """The same day 12 months earlier (29 February → 28 February)."""
    try:
        return on.replace(year=on.year - 1)
    except ValueError:
        return on.replace(year=on.year - 1, day=28)


def breach_or_recall(case: dict[str, Any], on: Date) -> bool:
    """A breach (referral or laid) or a recall in the 12 months up to and including ``on``."""
    start = twelve_months_before(on)
    return any(
        a["kind"] in BREACH_OR_RECALL and start < a["date"] <= on for a in case.get("enforcement", [])
    )


def tier_inputs(case: dict[str, Any], on: Date) -> TierInputs:
    regs = active_registrations(case, on)
    rosh = next((ROSH_REGISTERS[r["code"]] for r in regs if r["code"] in ROSH_REGISTERS), None)
    mappa_level = next(
        (MAPPA_LEVELS[r["level"]] for r in regs if r["code"] == "MAPP" and r.get("level") in MAPPA_LEVELS), 0
    )
    complexity = len({r["code"] for r in regs if r["code"] in COMPLEXITY_FACTORS})
    a = current_assessment(case, on)
    female = case["person"]["sex"] == "female"
    wf = (a or {}).get("womens_factors") or {}
    need_points = 0
    if a is not None:
        need_points = sum(NEED_WEIGHTS[area] * need_severity(area, a) for area in NEED_WEIGHTS)
    return TierInputs(
        rosh=rosh,
        rsr=float((a or {}).get("rsr") or 0.0),
        mappa_level=mappa_level,
        complexity_factors=complexity,
        female=female,
        parenting_responsibilities=bool(wf.get("parenting_responsibilities", False)),
        impulsivity_or_temper=wf.get("impulsivity", 0) > 0 or wf.get("temper_control", 0) > 0,
        breach_or_recall=bool(wf.get("breach_or_recall_last_12_months", False)) or breach_or_recall(case, on),
        mandate_for_change=mandate_for_change(case, on),
        has_assessment=a is not None,
        need_points=need_points,
        ogrs=float((a or {}).get("ogrs") or 0.0),
        iom=any(r["code"] == "IIOM" for r in regs),
        unsupervised=any(r["code"] == "PRC" for r in regs),
    )


ROSH_POINTS = {None: 0, "low": 0, "medium": 10, "high": 20, "very_high": 150}


def protect_points(t: TierInputs) -> int:
    rsr_points = 20 if t.rsr >= 7.0 else 10 if t.rsr >= 3.0 else 0
    points = max(rsr_points, ROSH_POINTS[t.rosh])
    points += 150 if t.mappa_level >= 2 else 5 if t.mappa_level == 1 else 0
    points += 2 * t.complexity_factors
    if t.female:
        points += 2 if t.parenting_responsibilities else 0
        points += 2 if t.impulsivity_or_temper else 0
        points += 2 if t.breach_or_recall else 0
    return points


def protect_letter(points: int) -> str:
    return "A" if points >= 150 else "B" if points >= 20 else "C" if points >= 10 else "D"


def change_level(t: TierInputs) -> tuple[int, int]:
    """(level, points)."""
    if not t.mandate_for_change:
        return 0, 0
    if not t.has_assessment:
        return 2, 0
    points = t.need_points + math.floor(t.ogrs / 10) + (2 if t.iom else 0)
    return (3 if points >= 20 else 2 if points >= 10 else 1), points


def tier_from_inputs(t: TierInputs) -> str:
    """The tier string, e.g. ``B2`` or ``B2S`` (unsupervised)."""
    level, _ = change_level(t)
    return f"{protect_letter(protect_points(t))}{level}{'S' if t.unsupervised else ''}"


def tier(case: dict[str, Any], on: Date) -> str:
    return tier_from_inputs(tier_inputs(case, on))


# ---------------------------------------------------------------------------------------------------------
# §3 Allocation
# ---------------------------------------------------------------------------------------------------------

# The NPS division covering each CRC area (by the 2014 divisions' geography).
NPS_DIVISION = {
    "C01": "N02", "C02": "N01", "C03": "N02", "C04": "N02", "C05": "N02", "C06": "N01", "C07": "N01",
    "C08": "N04", "C09": "N02", "C10": "N03", "C11": "N04", "C12": "N04", "C13": "N06", "C14": "N06",
    "C15": "N05", "C16": "N05", "C17": "N07", "C18": "N06", "C19": "N05", "C20": "N05", "C21": "N06",
}


@dataclasses.dataclass
class AllocationFacts:
    """Everything the allocation decision reads, flat (one row of the columnar API)."""

    on: Date
    home_area: str
    mappa: bool
    rosh_high: bool
    foreign_national: bool
    public_interest: bool
    terrorism: bool
    rsr: float


@dataclasses.dataclass
class AllocationPolicy:
    """The [A] switches of §3."""

    rsr_threshold_applies: bool = True
    rsr_threshold: float = 6.9
    public_interest_keeps_nps: bool = True
    terrorism_keeps_nps: bool = True
    wales_to_nps: bool = True


def allocation_facts(case: dict[str, Any], on: Date) -> AllocationFacts:
    regs = active_registrations(case, on)
    a = current_assessment(case, on)
    rosh_regs = [ROSH_REGISTERS[r["code"]] for r in regs if r["code"] in ROSH_REGISTERS]
    rosh_levels = [x for x in (overall_rosh(a), rosh_regs[0] if rosh_regs else None) if x is not None]
    codes = {r["code"] for r in regs}
    return AllocationFacts(
        on=on,
        home_area=case["person"]["home_area"],
        mappa="MAPP" in codes,
        rosh_high=any(ROSH_ORDER[x] >= ROSH_ORDER["high"] for x in rosh_levels),
        foreign_national=bool(case["person"].get("foreign_national_liable_to_deportation", False)),
        public_interest="RPIR" in codes,
        terrorism="RTAO" in codes,
        rsr=float((a or {}).get("rsr") or 0.0),
    )


def allocate_facts(f: AllocationFacts, policy: AllocationPolicy = AllocationPolicy()) -> str:
    """The provider code: ``probation_trust``, ``probation_service``, an NPS division or a CRC area."""
    if f.on < TR_START:
        return "probation_trust"
    if f.on >= PS_START:
        return "probation_service"
    nps = (
        f.mappa
        or f.rosh_high
        or f.foreign_national
        or (policy.public_interest_keeps_nps and f.public_interest)
        or (policy.terrorism_keeps_nps and f.terrorism)
        or (policy.rsr_threshold_applies and f.rsr >= policy.rsr_threshold)
        or (policy.wales_to_nps and f.home_area == "C10" and f.on >= WALES_TO_NPS)
    )
    return NPS_DIVISION[f.home_area] if nps else f.home_area


def allocate(case: dict[str, Any], on: Date, policy: AllocationPolicy = AllocationPolicy()) -> str:
    return allocate_facts(allocation_facts(case, on), policy)
