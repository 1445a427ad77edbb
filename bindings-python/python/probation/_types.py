"""Python types for the library's values: enums (``enum.Enum``, valued as the JSON interchange spells them) and
frozen dataclasses for results, built from core's serialised form by one strict converter (``_build``): a key
core sends that a class does not declare is an error, so the classes cannot drift from core unnoticed."""

from __future__ import annotations

import dataclasses
import datetime
import enum
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar, Union

from ._probation import InternalError


class _Enum(enum.Enum):
    """An enum whose repr is ``Class.MEMBER``."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}.{self.name}"


class Basis(_Enum):
    """How well a rule is sourced (the labels of docs/rules/README.md#labels)."""

    VERIFIED = "verified"
    """[V] stated by a public source."""
    VERIFIED_CODE = "verified_code"
    """[V-code] how a public HMPPS system implements it."""
    ASSUMPTION = "assumption"
    """[A] an assumption, shipped as an overridable default."""


class Provider(_Enum):
    """Who supervises a case: a Probation Trust (before 1 June 2014), an NPS division or a CRC (1 June 2014 –
    25 June 2021), the Probation Service (from 26 June 2021)."""

    PROBATION_TRUST = "probation_trust"
    N01 = "N01"
    N02 = "N02"
    N03 = "N03"
    N04 = "N04"
    N05 = "N05"
    N06 = "N06"
    N07 = "N07"
    C01 = "C01"
    C02 = "C02"
    C03 = "C03"
    C04 = "C04"
    C05 = "C05"
    C06 = "C06"
    C07 = "C07"
    C08 = "C08"
    C09 = "C09"
    C10 = "C10"
    C11 = "C11"
    C12 = "C12"
    C13 = "C13"
    C14 = "C14"
    C15 = "C15"
    C16 = "C16"
    C17 = "C17"
    C18 = "C18"
    C19 = "C19"
    C20 = "C20"
    C21 = "C21"
    PROBATION_SERVICE = "probation_service"

    @property
    def is_nps(self) -> bool:
        """An NPS division."""
        return self.value.startswith("N")

    @property
    def is_crc(self) -> bool:
        """A Community Rehabilitation Company."""
        return self.value.startswith("C")


class Sex(_Enum):
    """Sex as recorded in nDelius."""

    MALE = "male"
    FEMALE = "female"
    NOT_SPECIFIED = "not_specified"


class RoshLevel(_Enum):
    """Risk of Serious Harm level."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    VERY_HIGH = "very_high"


class SentenceType(_Enum):
    """The kind of sentence."""

    COMMUNITY_ORDER = "community_order"
    SUSPENDED_SENTENCE_ORDER = "suspended_sentence_order"
    CUSTODY = "custody"


class NeedArea(_Enum):
    """Criminogenic need areas of OASys."""

    ACCOMMODATION = "accommodation"
    EDUCATION_TRAINING_EMPLOYABILITY = "education_training_employability"
    RELATIONSHIPS = "relationships"
    LIFESTYLE_ASSOCIATES = "lifestyle_associates"
    DRUG_MISUSE = "drug_misuse"
    ALCOHOL_MISUSE = "alcohol_misuse"
    THINKING_BEHAVIOUR = "thinking_behaviour"
    ATTITUDES = "attitudes"
    FINANCIAL_MANAGEMENT = "financial_management"
    EMOTIONAL_WELLBEING = "emotional_wellbeing"


class NeedSeverity(_Enum):
    """How severe a need is."""

    NO_NEED = "no_need"
    STANDARD = "standard"
    SEVERE = "severe"


class ProtectLevel(_Enum):
    """The protect letter of a tier (A highest)."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"


class SpecialRule(_Enum):
    """Why a change level was set without points."""

    NO_MANDATE = "no_mandate"
    """No mandate for change: change level 0."""
    NO_ASSESSMENT = "no_assessment"
    """No assessment: change level 2."""


class OverrideReason(_Enum):
    """Why a manager overrode an allocation."""

    RISK_NOT_REFLECTED = "risk_not_reflected"
    CONTINUITY_OF_SUPERVISION = "continuity_of_supervision"
    CASE_COMPLEXITY = "case_complexity"
    PUBLIC_INTEREST = "public_interest"
    OTHER = "other"


class TriggerKind(_Enum):
    """What changed a case's risk."""

    ASSESSMENT = "assessment"
    REGISTRATION = "registration"


# ----------------------------------------------------------------------------------------------------------
# Results
# ----------------------------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Rule:
    """One rule of probation practice that fired, with where it comes from."""

    id: str
    text: str
    source: str
    basis: Basis

    def __repr__(self) -> str:
        return f"Rule({self.id!r})"


@dataclasses.dataclass(frozen=True)
class ManagerOverride:
    """A manager's override, recorded beside the rules' answer."""

    provider: Provider
    reason: OverrideReason


@dataclasses.dataclass(frozen=True)
class Allocation:
    """Who supervises a case on a date (docs/rules/allocation.md), the allocation deadline and every rule that fired."""

    provider: Provider
    """The provider the rules give."""
    rules: tuple[Rule, ...]
    """Every rule that fired, in order."""
    policy_id: str
    policy_version: int
    on: datetime.date
    """The date of the decision."""
    sentence_date: datetime.date | None
    """Sentence date of the newest active event, from which the deadline counts."""
    deadline: datetime.date | None
    """End of the allocation window (none without an active event)."""
    override: ManagerOverride | None = None

    @property
    def effective_provider(self) -> Provider:
        """The override's provider when there is one, else the rules'."""
        return self.override.provider if self.override is not None else self.provider


@dataclasses.dataclass(frozen=True)
class Escalation:
    """Whether a case must be referred to the NPS on a date (risk escalation, PI 57/2014)."""

    on: datetime.date
    held_by: Provider | None
    required: bool
    refer_to: Provider | None
    refer_by: datetime.date | None
    rules: tuple[Rule, ...]
    policy_id: str
    policy_version: int


@dataclasses.dataclass(frozen=True)
class Trigger:
    """What changed a case's risk: ``assessments[index]`` or ``registrations[index]`` (with its code)."""

    kind: TriggerKind
    index: int
    code: str | None = None


@dataclasses.dataclass(frozen=True)
class EscalationPoint:
    """One point in a case's history at which it should have been referred to the NPS."""

    date: datetime.date
    trigger: Trigger
    held_by: Provider
    refer_to: Provider
    refer_by: datetime.date
    rules: tuple[Rule, ...]


@dataclasses.dataclass(frozen=True)
class WomensPoints:
    """Protect points from the women's factors."""

    parenting: int
    impulsivity_or_temper: int
    breach_or_recall: int


@dataclasses.dataclass(frozen=True)
class ProtectBreakdown:
    """The protect points per component."""

    rsr: int
    rosh: int
    rsr_or_rosh_counted: int
    mappa: int
    complexity: dict[str, int]
    """Register code of each distinct complexity factor → the points it adds."""
    womens_factors: WomensPoints


@dataclasses.dataclass(frozen=True)
class Protect:
    """The protect half of a tier."""

    level: ProtectLevel
    points: int
    breakdown: ProtectBreakdown = dataclasses.field(repr=False)


@dataclasses.dataclass(frozen=True)
class NeedScore:
    """One need's contribution to the change points."""

    severity: NeedSeverity
    weight: int
    points: int


@dataclasses.dataclass(frozen=True)
class ChangeBreakdown:
    """The change points per component."""

    needs: dict[NeedArea, NeedScore]
    ogrs: int
    iom: int


@dataclasses.dataclass(frozen=True)
class Change:
    """The change half of a tier."""

    level: int
    points: int
    special_rule: SpecialRule | None
    breakdown: ChangeBreakdown | None = dataclasses.field(repr=False)


@dataclasses.dataclass(frozen=True)
class Tier:
    """A tier (2021 framework, A0–D3): ``tier`` as ``B2`` (``B2S`` unsupervised), nDelius' ``UB2``, each half's
    points and breakdown, and the rules that fired."""

    tier: str
    ndelius: str
    protect: Protect
    change: Change
    unsupervised: bool
    on: datetime.date
    rules: tuple[Rule, ...] = dataclasses.field(repr=False)


class SupervisionKind(_Enum):
    """A kind of supervision period."""

    COMMUNITY_ORDER = "community_order"
    SUSPENDED_SENTENCE_ORDER = "suspended_sentence_order"
    LICENCE = "licence"
    POST_SENTENCE_SUPERVISION = "post_sentence_supervision"


class CustodyKind(_Enum):
    """The kind of custodial sentence."""

    STANDARD_DETERMINATE = "standard_determinate"
    EXTENDED = "extended"
    LIFE = "life"


class ItemKind(_Enum):
    """What a schedule item asks for."""

    ALLOCATION = "allocation"
    FIRST_APPOINTMENT = "first_appointment"
    SENTENCE_PLAN = "sentence_plan"
    UNPAID_WORK_START = "unpaid_work_start"
    HOME_VISIT = "home_visit"
    CONTACT = "contact"


class DayUnit(_Enum):
    """How a deadline counts days."""

    WORKING_DAYS = "working_days"
    CALENDAR_DAYS = "calendar_days"


class WindowStatus(_Enum):
    """How a schedule window stands on the compliance date."""

    MET = "met"
    LATE = "late"
    MISSED = "missed"
    EXCUSED = "excused"
    OPEN = "open"


class Action(_Enum):
    """An enforcement step."""

    WARNING = "warning"
    BREACH_REFERRAL = "breach_referral"
    LAY_REFERRED_BREACH = "lay_referred_breach"
    LAY_BREACH = "lay_breach"
    RECALL_REVIEW = "recall_review"


class StepStatus(_Enum):
    """Whether an enforcement step is done."""

    DUE = "due"
    OVERDUE = "overdue"
    DONE = "done"


@dataclasses.dataclass(frozen=True)
class BankHoliday:
    """One bank holiday: GOV.UK's name, whether it is a substitute day, and the rule that makes it one."""

    date: datetime.date
    name: str
    substitute: bool
    rule: Rule


@dataclasses.dataclass(frozen=True)
class KeyDate:
    """A key date of a sentence and the rule that produced it."""

    date: datetime.date
    rule: Rule


@dataclasses.dataclass(frozen=True)
class PssEligibility:
    """Whether post-sentence supervision applies, and the conditions that failed."""

    applies: bool
    failed: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class SupervisionPeriod:
    """A period of supervision, both ends included."""

    kind: SupervisionKind
    start: datetime.date
    end: datetime.date


@dataclasses.dataclass(frozen=True)
class SentenceDates:
    """The key dates of a sentence (docs/rules/sentence.md); a date that does not apply is ``None``."""

    sentence_type: SentenceType
    custody_kind: CustodyKind | None
    sentence_date: datetime.date
    length_days: int | None
    credit_days: int
    sentence_expiry: KeyDate | None
    conditional_release: KeyDate | None
    automatic_release: KeyDate | None
    licence_expiry: KeyDate | None
    post_sentence_supervision: PssEligibility | None
    top_up_supervision_expiry: KeyDate | None
    order_end: KeyDate | None
    operational_period_end: KeyDate | None
    supervision_period_end: KeyDate | None
    supervision: tuple[SupervisionPeriod, ...]
    rules: tuple[Rule, ...] = dataclasses.field(repr=False)


@dataclasses.dataclass(frozen=True)
class Period:
    """A supervision period of an event, with the RoSH read at its start."""

    event: int
    kind: SupervisionKind
    start: datetime.date
    end: datetime.date
    rosh: RoshLevel | None
    high_risk: bool


@dataclasses.dataclass(frozen=True)
class ScheduleItem:
    """A window in which ``contacts`` contacts are due: from ``earliest`` to ``due_by`` inclusive."""

    event: int
    supervision: SupervisionKind
    kind: ItemKind
    earliest: datetime.date
    due_by: datetime.date
    contacts: int
    unit: DayUnit
    rule: Rule


@dataclasses.dataclass(frozen=True)
class Schedule:
    """A case's contact schedule under a policy."""

    policy: str
    periods: tuple[Period, ...]
    items: tuple[ScheduleItem, ...]
    rules: tuple[Rule, ...] = dataclasses.field(repr=False)

    def __repr__(self) -> str:
        return f"Schedule(policy={self.policy!r}, periods={len(self.periods)}, items={len(self.items)})"


@dataclasses.dataclass(frozen=True)
class WindowResult:
    """A schedule item and how it stands on the compliance date."""

    event: int
    supervision: SupervisionKind
    kind: ItemKind
    earliest: datetime.date
    due_by: datetime.date
    contacts: int
    unit: DayUnit
    rule: Rule
    status: WindowStatus
    made: int
    met_on: datetime.date | None


@dataclasses.dataclass(frozen=True)
class Failure:
    """An unacceptable absence (failure to comply) inside a supervision period."""

    date: datetime.date
    event: int
    supervision: SupervisionKind
    contact: int
    rule: Rule


@dataclasses.dataclass(frozen=True)
class EnforcementStep:
    """An enforcement step a failure calls for, with its deadline and whether it was taken."""

    event: int
    supervision: SupervisionKind
    failure_date: datetime.date
    action: Action
    due_by: datetime.date | None
    status: StepStatus
    done_on: datetime.date | None
    rule: Rule
    deadline_rule: Rule | None
    warning_on: datetime.date | None


@dataclasses.dataclass(frozen=True)
class Compliance:
    """How a case complied with its schedule up to ``as_of``, and the enforcement it calls for."""

    policy: str
    as_of: datetime.date
    periods: tuple[Period, ...]
    windows: tuple[WindowResult, ...]
    failures: tuple[Failure, ...]
    acceptable_absences: int
    enforcement: tuple[EnforcementStep, ...]
    rules: tuple[Rule, ...] = dataclasses.field(repr=False)

    def __repr__(self) -> str:
        counts: dict[str, int] = {}
        for w in self.windows:
            counts[w.status.value] = counts.get(w.status.value, 0) + 1
        return (
            f"Compliance(policy={self.policy!r}, as_of={self.as_of.isoformat()}, windows={counts}, "
            f"failures={len(self.failures)}, enforcement={len(self.enforcement)})"
        )


# ----------------------------------------------------------------------------------------------------------
# The converter
# ----------------------------------------------------------------------------------------------------------

T = TypeVar("T")

_RULES: dict[str, Rule] = {}
_CONVERTERS: dict[Any, Callable[[Any], Any]] = {}


def _identity(value: Any) -> Any:
    return value


def _rule(value: Any) -> Rule:
    rule = _RULES.get(value["id"])
    if rule is None or rule.text != value["text"] or rule.source != value["source"]:
        rule = _build(Rule, value)
        _RULES[rule.id] = rule
    return rule


def _converter(tp: Any) -> Callable[[Any], Any]:
    """A function converting core's serialised value to ``tp`` (compiled once per type)."""
    conv = _CONVERTERS.get(tp)
    if conv is not None:
        return conv
    origin = typing.get_origin(tp)
    if origin is Union or origin is types.UnionType:
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        ic = _converter(inner)

        def conv(v: Any) -> Any:
            return None if v is None else ic(v)

    elif tp is Rule:
        conv = _rule
    elif isinstance(tp, type) and issubclass(tp, enum.Enum):
        conv = tp
    elif isinstance(tp, type) and dataclasses.is_dataclass(tp):
        cls = tp

        def conv(v: Any) -> Any:
            return _build(cls, v)

    elif origin is tuple:
        item = _converter(typing.get_args(tp)[0])

        def conv(v: Any) -> Any:
            return tuple(map(item, v))

    elif origin is list:
        item = _converter(typing.get_args(tp)[0])

        def conv(v: Any) -> Any:
            return list(map(item, v))

    elif origin is dict:
        kt, vt = (_converter(a) for a in typing.get_args(tp))

        def conv(v: Any) -> Any:
            return {kt(k): vt(x) for k, x in v.items()}

    else:
        conv = _identity
    _CONVERTERS[tp] = conv
    return conv


_FIELDS: dict[type, dict[str, Callable[[Any], Any]]] = {}


def _build(cls: type[T], data: dict[str, Any]) -> T:
    """Builds ``cls`` from core's serialised form, strictly: a key the class does not declare is an error."""
    fields = _FIELDS.get(cls)
    if fields is None:
        fields = _FIELDS[cls] = {k: _converter(t) for k, t in typing.get_type_hints(cls).items()}
    try:
        return cls(**{k: fields[k](v) for k, v in data.items()})
    except KeyError:
        unknown = sorted(set(data) - set(fields))
        raise InternalError(f"{cls.__name__}: fields from core that the binding does not know: {unknown}") from None
