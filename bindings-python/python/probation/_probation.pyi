"""Private native module of ``probation`` (pyo3 over probation-core). Import from ``probation`` instead."""

from typing import Any, ClassVar, final


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
    "_panic_for_test",
    "validate",
]

__version__: str

class ProbationError(Exception):
    """Base class of every error raised by probation."""

class DecodeError(ProbationError, ValueError):
    """The input is not a case: malformed JSON, an unknown or missing field, a wrong type, a bad identifier.

    ``kind`` is one of ``syntax``, ``schema``, ``too_large``, ``invalid_utf8``, ``io``; ``path`` names the field
    (``""`` when there is none). The message never contains a value from the input.
    """

    kind: str
    path: str

class ValidationError(ProbationError, ValueError):
    """The case breaks one or more rules of the case model.

    ``issues`` lists every failure as a ``(path, rule)`` pair, e.g.
    ``("events[0].sentence.length", "community_order_too_long")``.
    """

    issues: list[tuple[str, str]]

class PolicyError(ProbationError, ValueError):
    """A policy could not be loaded: unknown preset, malformed policy, inconsistent settings."""

    path: str

class CalendarError(ProbationError, ValueError):
    """A date outside the calendar's range (1970-01-01 to 2100-12-31), or a bad extra holiday."""

class RuleError(ProbationError, ValueError):
    """An engine cannot decide this case (e.g. a required fact is missing); ``kind`` names the engine."""

    kind: str

class InternalError(ProbationError):
    """A bug in probation (an internal panic was caught). Never caused by bad input: please report it."""

@final
class Case:
    """One case: a person, their events (convictions and sentences), registrations, assessments, contacts and
    enforcement history. Immutable; equal when their contents are equal; pickles as its JSON.

    The repr shows only counts, never identifiers or dates.
    """

    @staticmethod
    def from_json(text: str | bytes, /, *, validate: bool = True) -> Case:
        """Decode one case from JSON text (the interchange format, ``schema_version`` 1).

        Raises ``DecodeError`` (with ``path``) when the text is not a case, and ``ValidationError`` (with every
        ``(path, rule)`` issue) when it breaks a rule of the case model, unless ``validate=False``.
        """

    @staticmethod
    def from_dict(data: dict[str, Any], /, *, validate: bool = True) -> Case:
        """Decode one case from a dict of the interchange format.

        Dates may be ``datetime.date`` or ISO strings; ``enum.Enum`` members are read by their value. Raises
        ``DecodeError`` / ``ValidationError`` as :meth:`from_json` does.
        """

    def to_dict(self) -> dict[str, Any]:
        """The case as a dict of the interchange format, dates as ``datetime.date``.

        ``Case.from_dict(case.to_dict()) == case``.
        """

    def to_json(self, *, indent: bool = False) -> str:
        """The case as JSON text (compact, or indented with ``indent=True``)."""

    def validate(self) -> None:
        """Raise ``ValidationError`` listing every failure when the case breaks a rule of the case model."""

    def issues(self) -> list[tuple[str, str]]:
        """Every validation failure as ``(path, rule)`` pairs; empty when the case is valid."""

    @property
    def event_count(self) -> int:
        """Number of events."""

    def __eq__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...
    @staticmethod
    def _from_json_unchecked(text: str | bytes) -> Case: ...

def validate(case: Case, /) -> None:
    """Raise ``ValidationError`` when the case breaks a rule of the case model (same as ``case.validate()``)."""

def _panic_for_test() -> int:
    """Panics inside the boundary guard: raises ``InternalError``, never ``PanicException`` (for tests)."""
