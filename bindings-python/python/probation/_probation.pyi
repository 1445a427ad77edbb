"""Private native module of ``probation`` (pyo3 over probation-core). Import from ``probation`` instead."""

import datetime
import os
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, final

from typing_extensions import disjoint_base


__all__ = [
    "AllocationPolicy",
    "Calendar",
    "CalendarError",
    "Case",
    "CaseReader",
    "ContactPolicy",
    "DecodeError",
    "InternalError",
    "PolicyError",
    "ProbationError",
    "RecordError",
    "RuleError",
    "SYNTH_AS_OF",
    "ValidationError",
    "__version__",
    "_panic_for_test",
    "add_working_days_column",
    "allocate",
    "allocate_many",
    "arp",
    "assess_arrow",
    "audit",
    "audit_many",
    "case_columns",
    "code_lookup",
    "community_api_from_case",
    "community_api_to_case",
    "compliance",
    "csrp",
    "dc_srp",
    "escalation",
    "escalation_history",
    "from_ndelius",
    "iic_srp",
    "input_column_names",
    "input_columns",
    "integration_api_from_case",
    "integration_api_to_case",
    "key_dates",
    "ogrs3",
    "output_categories",
    "output_columns",
    "predict_columns",
    "predictor_column_categories",
    "predictors",
    "read_cases",
    "recompute_for",
    "recompute_for_event",
    "release_dates",
    "release_law",
    "schedule",
    "sentence_dates",
    "svrp",
    "synth",
    "synth_audited",
    "synth_columns",
    "tier",
    "tier_2026",
    "tier_changed_events",
    "tier_details_from_case",
    "tier_details_to_case",
    "tier_forms",
    "tier_many",
    "tiers",
    "timeline",
    "to_ndelius",
    "validate",
    "vrp",
    "working_day_column",
]

__version__: str
SYNTH_AS_OF: datetime.date
"""The date synthetic histories run up to."""

class ProbationError(Exception):
    """Base class of every error raised by probation."""

class DecodeError(ProbationError, ValueError):
    """The input is not a case: malformed JSON, an unknown or missing field, a wrong type, a bad identifier.

    ``kind`` is one of ``syntax``, ``schema``, ``too_large``, ``too_deep``, ``invalid_utf8``, ``io``; ``path`` names the field
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
    """A policy could not be loaded: unknown preset, malformed policy, inconsistent settings. ``code`` is
    ``unknown_preset``, ``decode``, ``invalid`` (allocation policies) or ``policy`` (contact policies); ``path``
    names the field when known."""

    code: str
    path: str

class CalendarError(ProbationError, ValueError):
    """A date outside the calendar's range (1970-01-01 to 2100-12-31), or a bad extra holiday; ``code`` is
    ``out_of_range``."""

    code: str

class RuleError(ProbationError, ValueError):
    """An engine cannot decide this case, e.g. a percentage out of range in a case decoded with
    ``validate=False``. ``kind`` names the engine (``allocation``, ``tier``, ``contact``, ``sentence``,
    ``predictors``, ``release``), ``path`` the field."""

    kind: str
    code: str
    path: str

class RecordError(ProbationError, ValueError):
    """An nDelius or HMPPS record that does not map: ``kind`` is ``decode``, ``too_large``, ``too_many``,
    ``unknown_code``, ``unsupported`` or ``invalid``; ``path`` names the field in the record's own keys; ``code``,
    ``max``, ``limit`` and ``reason`` are set when the kind has them."""

    kind: str
    path: str
    code: str | None
    max: int | None
    limit: int | None
    reason: str | None

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

        Dates may be ``datetime.date`` or ISO strings (a ``datetime.datetime`` is refused); ``enum.Enum`` members
        are read by their value. Raises ``DecodeError`` / ``ValidationError`` as :meth:`from_json` does, with the
        same path; a path holds only the format's own field names, never a key of ``data``.
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

_Policy = AllocationPolicy | str | dict[str, Any] | None

@final
class AllocationPolicy:
    """The allocation policy (docs/rules/allocation.md) as data: effective dates (``tr_start``, ``ps_start``), switches
    for the assumed rules (``public_interest_enabled``, ``terrorism_enabled``, ``rsr_threshold_enabled``,
    ``wales_to_nps_enabled``), the RSR threshold and the working days allowed. Immutable; validated."""

    def __new__(cls, preset: str = "default") -> AllocationPolicy:
        """The preset ``preset`` (``default``: every [A] rule on; ``verified-only``: only [V] rules)."""

    @staticmethod
    def preset(name: str) -> AllocationPolicy:
        """A built-in preset by name; ``PolicyError`` for an unknown one."""

    @staticmethod
    def presets() -> list[str]:
        """The names of the built-in presets."""

    @staticmethod
    def from_json(text: str) -> AllocationPolicy:
        """A policy from JSON (every field required, unknown ones refused); ``PolicyError`` naming the field."""

    @staticmethod
    def from_dict(data: dict[str, Any]) -> AllocationPolicy:
        """A policy from a dict as ``to_dict`` returns (dates may be ``datetime.date``)."""

    def to_dict(self) -> dict[str, Any]:
        """The policy as a dict, dates as ``datetime.date``."""

    def to_json(self) -> str:
        """The policy as JSON text."""

    def replace(self, **changes: Any) -> AllocationPolicy:
        """A copy with some fields changed, e.g. ``policy.replace(rsr_threshold_enabled=False)``; validated."""

    @property
    def id(self) -> str:
        """The policy's id."""

    @property
    def version(self) -> int:
        """The policy's version."""

    def __eq__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

def allocate(
    case: Case,
    on: datetime.date,
    policy: _Policy = None,
    manager_override: dict[str, str] | None = None,
    calendar: Calendar | None = None,
) -> dict[str, Any]:
    """Allocation of one case, as core serialises it (``probation.allocate`` wraps it in ``Allocation``)."""

def allocate_many(
    cases: Sequence[Case],
    on: datetime.date | Sequence[datetime.date],
    policy: _Policy = None,
    calendar: Calendar | None = None,
) -> list[dict[str, Any]]:
    """Allocation of many cases (GIL released)."""

def escalation(
    case: Case, on: datetime.date, policy: _Policy = None, calendar: Calendar | None = None
) -> dict[str, Any]:
    """Risk escalation of one case on a date."""

def escalation_history(
    case: Case, policy: _Policy = None, calendar: Calendar | None = None
) -> list[dict[str, Any]]:
    """Every escalation point in a case's history."""

def tier(case: Case, on: datetime.date) -> dict[str, Any]:
    """Tier of one case, as core serialises it (``probation.tier`` wraps it in ``Tier``)."""

def tier_many(cases: Sequence[Case], on: datetime.date | Sequence[datetime.date]) -> list[dict[str, Any]]:
    """Tiers of many cases (GIL released)."""

def tier_2026(case: Case, on: datetime.date) -> dict[str, Any]:
    """The 2026 tier of one case, as core serialises it (``probation.tier_2026`` wraps it in ``Tier2026``)."""

def tiers(case: Case, on: datetime.date) -> dict[str, Any]:
    """Both tiers of one case, as core serialises them (``probation.tiers`` wraps them in ``Tiers``)."""

def release_dates(
    case: Case,
    on: datetime.date,
    booking: int = 0,
    options: Mapping[str, Any] | None = None,
    calendar: Calendar | None = None,
) -> dict[str, Any]:
    """Release dates of one booking, as core serialises them (``probation.release_dates`` wraps them)."""

def release_law(as_at: datetime.date) -> dict[str, Any]:
    """The release law as it stood on a date, as core serialises it (``probation.release_law`` wraps it)."""

def tier_details_to_case(text: str, crn: str, on: datetime.date) -> Case:
    """A tier-details document as a case (not validated)."""

def tier_details_from_case(case: Case, on: datetime.date) -> str:
    """A case as a tier-details document."""

def community_api_to_case(text: str) -> Case:
    """A community-api bundle as a case (not validated)."""

def community_api_from_case(case: Case) -> str:
    """A case as a community-api bundle."""

def integration_api_to_case(text: str) -> Case:
    """An Integration API bundle as a case (not validated)."""

def integration_api_from_case(case: Case, on: datetime.date) -> str:
    """A case as an Integration API bundle."""

def from_ndelius(
    document: str | bytes | Mapping[str, Any],
    shape: str,
    crn: str | None = None,
    on: datetime.date | None = None,
) -> Case:
    """A record of a named shape as a case (not validated) (``probation.from_ndelius`` wraps it)."""

def to_ndelius(case: Case, shape: str, on: datetime.date | None = None) -> str:
    """A case as a record of a named shape (JSON text)."""

def key_dates(case: Case) -> list[dict[str, Any]]:
    """The nDelius key dates of each custodial event, as core serialises them (``probation.key_dates`` wraps them)."""

def tier_forms(case: Case, on: datetime.date) -> dict[str, Any]:
    """The nDelius forms of both tiers, as core serialises them (``probation.tier_forms`` wraps them)."""

def code_lookup(table: str, code: str) -> dict[str, Any]:
    """What a code table makes of a code, as core serialises it."""

def recompute_for(event_type: str) -> dict[str, Any]:
    """What a domain event type can make stale, as core serialises it."""

def recompute_for_event(text: str) -> dict[str, Any]:
    """What a domain event concerns and makes stale, as core serialises it."""

def tier_changed_events(
    before: Sequence[Mapping[str, str]], after: Sequence[Mapping[str, str]], occurred_at: str
) -> list[dict[str, Any]]:
    """The ``tier.calculation.changed`` events of a run, as core serialises them."""

def ogrs3(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """OGRS3 over an ``Ogrs3Input`` dict, as core serialises the score (``probation.ogrs3`` wraps it)."""

def arp(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """ARP over an ``ArpInput`` dict, as core serialises the score (``probation.arp`` wraps it)."""

def dc_srp(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """DC-SRP over a ``DcSrpInput`` dict, as core serialises the score (``probation.dc_srp`` wraps it)."""

def vrp(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """VRP over a ``ViolentInput`` dict, as core serialises the score (``probation.vrp`` wraps it)."""

def svrp(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """SVRP over a ``ViolentInput`` dict, as core serialises the score (``probation.svrp`` wraps it)."""

def iic_srp(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """IIC-SRP over an ``IicSrpInput`` dict, as core serialises the score (``probation.iic_srp`` wraps it)."""

def csrp(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """CSRP over a ``CsrpInput`` dict, as core serialises the score (``probation.csrp`` wraps it)."""

def predictors(case: Case, on: datetime.date) -> dict[str, Any]:
    """The predictors of a case on a date, as core serialises them (``probation.predictors`` wraps them)."""

def predict_columns(
    predictor: str, n: int, columns: dict[str, bytes], categories: dict[str, list[str | None]]
) -> dict[str, Any]:
    """One predictor over fixed-width columns (GIL released); ``probation.predict_columns`` wraps it."""

def predictor_column_categories() -> tuple[list[str], list[str]]:
    """The category lists of the ``band`` and ``kind`` columns of ``predict_columns``."""

def synth(seed: int, count: int, *, start: int = 0) -> list[Case]:
    """Synthetic cases ``start .. start + count`` of ``seed`` (GIL released while generating)."""

def audit(case: Case, as_of: datetime.date, calendar: Calendar | None = None) -> dict[str, Any]:
    """The audit of ``case`` up to ``as_of`` (an ``Audit`` as a dict)."""

def audit_many(
    cases: list[Case], as_of: datetime.date, calendar: Calendar | None = None
) -> list[tuple[str, dict[str, Any]]]:
    """``(crn, Audit dict)`` per case (GIL released)."""

def timeline(
    case: Case, from_: datetime.date, to: datetime.date, calendar: Calendar | None = None
) -> dict[str, Any]:
    """The timeline of ``case`` (a ``Timeline`` as a dict)."""

def synth_audited(
    seed: int, count: int, fault_percent: int = 20, *, start: int = 0
) -> list[tuple[Case, dict[str, Any] | None]]:
    """Synthetic cases with recorded decisions and injected faults."""

def working_day_column(days: bytes, calendar: Calendar | None = None) -> bytes:
    """``is_working_day`` over i32 days since 1970-01-01 (-2**31 missing): one byte a row, 1 working, 0 not, 2
    missing (``probation.is_working_day`` converts columns)."""

def add_working_days_column(days: bytes, n: int | bytes, calendar: Calendar | None = None) -> bytes:
    """``add_working_days`` over i32 days (-2**31 missing); ``n`` an int or i32 bytes per row (-2**31 missing)."""

def assess_arrow(
    data: Any,
    on: datetime.date | None = None,
    policy: _Policy = None,
    allocation: bool = True,
    tier: bool = True,
    tier_2026: bool = True,
    calendar: Calendar | None = None,
    explain: bool = False,
) -> Any:
    """Allocation and the tiers over anything exporting the Arrow PyCapsule interface (``probation.assess_table``
    hands pandas over as Arrow first), read zero-copy; a ``pyarrow.Table`` of the results, one record batch per
    input batch: ``provider``/``tier``/``tier_2026`` dictionaries (int8 codes over ``output_categories()``),
    ``allocation_deadline`` date32, points uint32, ``provisional`` bool; with ``explain`` the rules that fired and
    the policy (int32 dictionaries)."""

def output_categories() -> dict[str, list[str]]:
    """The category lists of the encoded columns: ``provider``, ``tier``, ``tier_2026``, ``rosh``, ``home_area``,
    ``predictor_kind``, ``predictor_band``."""

def case_columns(cases: Sequence[Case], on: datetime.date) -> dict[str, bytes]:
    """The encoded input columns read from cases on ``on`` (core's ``from_case``)."""

def synth_columns(seed: int, count: int, on: datetime.date, *, start: int = 0) -> dict[str, bytes]:
    """The encoded input columns of synthetic cases, without keeping the cases."""

def input_column_names() -> list[str]:
    """The names of ``input_columns()``."""

def input_columns() -> list[tuple[str, str]]:
    """Every input column the native module reads, ``(name, encoding)``: the one declaration of the columns."""

def output_columns() -> list[tuple[str, str]]:
    """The output columns of ``assess_arrow``, ``(name, encoding)``."""

@final
class CaseReader:
    """Record batches of the columnar API's input columns read from JSON Lines (``read_cases``): iterate for
    ``pyarrow.RecordBatch``es, or hand the stream on through the Arrow PyCapsule interface (once)."""

    @property
    def schema(self) -> Any:
        """The input columns' ``pyarrow.Schema``."""

    def errors(self) -> Any:
        """The lines read so far that gave no row: a ``pyarrow.Table`` of ``line``, ``kind``, ``path``,
        ``message``."""

    def read_all(self) -> Any:
        """The remaining batches as one ``pyarrow.Table``."""

    def __iter__(self) -> CaseReader: ...
    def __next__(self) -> Any: ...
    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        """The remaining batches as an Arrow C stream capsule."""

def read_cases(
    source: str | os.PathLike[str] | bytes,
    on: datetime.date,
    *,
    batch_size: int = 65536,
    from_: str | None = None,
    progress: bool | None = None,
) -> CaseReader:
    """Streams JSON Lines of cases (or of ``from_``: ``"tier-details"``, ``"community-api"``,
    ``"integration-api"``) into record batches of the columnar API's input columns on ``on``."""

@disjoint_base
class Calendar:
    """The England & Wales working-day calendar (``probation.Calendar`` adds ``bank_holidays``)."""

    def __new__(cls, extra_holidays: Sequence[datetime.date] = ...) -> Calendar: ...
    def is_bank_holiday(self, date: datetime.date) -> bool:
        """True for a bank holiday."""

    def is_working_day(self, date: datetime.date) -> bool:
        """True for Monday–Friday except bank holidays."""

    def add_working_days(self, date: datetime.date, n: int) -> datetime.date:
        """The ``n``-th working day after ``date``, counting from the working day after it; ``n = 0`` gives
        ``date``."""

    def working_days_between(self, start: datetime.date, end: datetime.date) -> int:
        """Working days in ``(start, end]``; negative when ``end < start``."""

    def next_working_day(self, date: datetime.date) -> datetime.date:
        """The first working day strictly after ``date``."""

    def _bank_holidays(self, year: int) -> list[dict[str, Any]]:
        """The bank holidays of ``year`` as core serialises them."""

_ContactPolicy = ContactPolicy | str | dict[str, Any]

@final
class ContactPolicy:
    """A contact policy (docs/rules/contact.md and enforcement.md) as data: phases of contact, deadlines, the
    enforcement timetable."""

    def __new__(cls, preset: str = "ps2021") -> ContactPolicy:
        """The preset ``preset`` (``ns2007``, ``tr2014``, ``ps2021``)."""

    @staticmethod
    def preset(name: str) -> ContactPolicy:
        """A built-in preset by name; ``PolicyError`` (``code="unknown_preset"``) for an unknown one."""

    @staticmethod
    def presets() -> list[str]:
        """The names of the built-in presets."""

    @staticmethod
    def from_json(text: str) -> ContactPolicy:
        """A policy from JSON (strict); ``PolicyError`` naming the field."""

    @staticmethod
    def from_dict(data: dict[str, Any]) -> ContactPolicy:
        """A policy from a dict as ``to_dict`` returns."""

    def to_dict(self) -> dict[str, Any]:
        """The policy as a dict (JSON types)."""

    def to_json(self) -> str:
        """The policy as JSON text."""

    @property
    def name(self) -> str:
        """The policy's name."""

    def __eq__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

def schedule(case: Case, policy: _ContactPolicy, calendar: Calendar | None = None) -> dict[str, Any]:
    """The contact schedule, as core serialises it (``probation.schedule`` wraps it in ``Schedule``)."""

def compliance(
    case: Case, as_of: datetime.date, policy: _ContactPolicy, calendar: Calendar | None = None
) -> dict[str, Any]:
    """Compliance on ``as_of``, as core serialises it (``probation.compliance`` wraps it)."""

def sentence_dates(case: Case, event: int = 0) -> dict[str, Any]:
    """The key dates of ``case.events[event]``, as core serialises them."""
