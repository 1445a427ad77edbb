"""probation: England & Wales probation casework rules for analysts.

One implementation of the rules (allocation between the NPS and CRCs, tiering, contact schedules and
compliance, sentence dates, the working-day calendar), written in Rust (``probation-core``) and shared with the
command line and the JVM. Every decision names the rules that produced it and where they come from.

Quick start (``docs/python.md``)::

    import datetime, probation
    case = probation.Case.from_json(text)          # DecodeError / ValidationError on bad input
    probation.allocate(case, datetime.date(2016, 3, 1)).provider
    probation.tier(case, datetime.date(2024, 1, 1)).tier
"""

from ._api import (
    DateArg,
    PolicyArg,
    allocate,
    allocate_many,
    escalation,
    escalation_history,
    synth,
    tier,
    tier_many,
)
from ._columnar import (
    Table,
    allocate_table,
    assess_table,
    cases_table,
    input_columns,
    synth_table,
    tier_table,
)
from ._probation import (
    SYNTH_AS_OF,
    AllocationPolicy,
    CalendarError,
    Case,
    DecodeError,
    InternalError,
    PolicyError,
    ProbationError,
    RuleError,
    ValidationError,
    __version__,
    validate,
)
from ._types import (
    Allocation,
    Basis,
    Change,
    ChangeBreakdown,
    Escalation,
    EscalationPoint,
    ManagerOverride,
    NeedArea,
    NeedScore,
    NeedSeverity,
    OverrideReason,
    Protect,
    ProtectBreakdown,
    ProtectLevel,
    Provider,
    RoshLevel,
    Rule,
    SentenceType,
    Sex,
    SpecialRule,
    Tier,
    Trigger,
    TriggerKind,
    WomensPoints,
)

__all__ = [
    "Allocation",
    "AllocationPolicy",
    "Basis",
    "CalendarError",
    "Case",
    "Change",
    "ChangeBreakdown",
    "DateArg",
    "DecodeError",
    "Escalation",
    "EscalationPoint",
    "InternalError",
    "ManagerOverride",
    "NeedArea",
    "NeedScore",
    "NeedSeverity",
    "OverrideReason",
    "PolicyArg",
    "PolicyError",
    "ProbationError",
    "Protect",
    "ProtectBreakdown",
    "ProtectLevel",
    "Provider",
    "RoshLevel",
    "Rule",
    "RuleError",
    "SYNTH_AS_OF",
    "SentenceType",
    "Sex",
    "SpecialRule",
    "Table",
    "Tier",
    "Trigger",
    "TriggerKind",
    "ValidationError",
    "WomensPoints",
    "__version__",
    "allocate",
    "allocate_many",
    "allocate_table",
    "assess_table",
    "cases_table",
    "escalation",
    "escalation_history",
    "input_columns",
    "synth",
    "synth_table",
    "tier",
    "tier_many",
    "tier_table",
    "validate",
]
