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
    Calendar,
    ContactPolicyArg,
    DateArg,
    PolicyArg,
    allocate,
    allocate_many,
    arp,
    compliance,
    dc_srp,
    escalation,
    code_lookup,
    community_api_from_case,
    community_api_to_case,
    escalation_history,
    integration_api_from_case,
    integration_api_to_case,
    ogrs3,
    predictors,
    recompute_for,
    recompute_for_event,
    release_dates,
    release_law,
    schedule,
    sentence_dates,
    synth,
    tier,
    tier_2026,
    tier_changed_events,
    tier_details_from_case,
    tier_details_to_case,
    tier_forms,
    tier_many,
    tiers,
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
    ContactPolicy,
    DecodeError,
    InternalError,
    PolicyError,
    ProbationError,
    RecordError,
    RuleError,
    ValidationError,
    __version__,
    validate,
)
from . import _types
from ._types import *  # noqa: F403  (every generated type; its __all__ is generated)

__all__ = [
    "AllocationPolicy",
    "Calendar",
    "CalendarError",
    "Case",
    "ContactPolicy",
    "ContactPolicyArg",
    "DateArg",
    "DecodeError",
    "InternalError",
    "PolicyArg",
    "PolicyError",
    "ProbationError",
    "RecordError",
    "RuleError",
    "SYNTH_AS_OF",
    "Table",
    "ValidationError",
    "__version__",
    "allocate",
    "allocate_many",
    "allocate_table",
    "arp",
    "assess_table",
    "cases_table",
    "code_lookup",
    "community_api_from_case",
    "community_api_to_case",
    "compliance",
    "dc_srp",
    "escalation",
    "escalation_history",
    "input_columns",
    "integration_api_from_case",
    "integration_api_to_case",
    "ogrs3",
    "predictors",
    "recompute_for",
    "recompute_for_event",
    "release_dates",
    "release_law",
    "schedule",
    "sentence_dates",
    "synth",
    "synth_table",
    "tier",
    "tier_2026",
    "tier_changed_events",
    "tier_details_from_case",
    "tier_details_to_case",
    "tier_forms",
    "tier_many",
    "tier_table",
    "tiers",
    "validate",
]
__all__ += _types.__all__
