"""probation: England & Wales probation casework rules for analysts.

One implementation of the rules (allocation between the NPS and CRCs, tiering, contact schedules and
compliance, sentence dates, the working-day calendar), written in Rust (``probation-core``) and shared with the
command line and the JVM. Every decision names the rules that produced it and where they come from.

Quick start (see ``docs/python.md``)::

    import probation
    case = probation.Case.from_json(text)        # DecodeError / ValidationError on bad input
"""

from ._probation import (
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

__all__ = [
    "CalendarError",
    "Case",
    "DecodeError",
    "InternalError",
    "PolicyError",
    "ProbationError",
    "RuleError",
    "ValidationError",
    "__version__",
    "validate",
]
