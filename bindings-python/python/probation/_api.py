"""The public functions over the native module: they convert core's results to the generated classes of
``_types``."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any, Literal, Union

from . import _probation as _native
from ._probation import AllocationPolicy, Case, ContactPolicy
from ._convert import _build
from ._types import (
    Allocation,
    Audit,
    ArpScore,
    BankHoliday,
    CasePredictors,
    CodeReading,
    Compliance,
    CsrpScore,
    DcSrpScore,
    DomainEvent,
    Escalation,
    EscalationPoint,
    EventKeyDates,
    EventRecompute,
    IicSrpScore,
    ManagerOverride,
    NdeliusTierForms,
    Ogrs3Score,
    Recompute,
    ReleaseDates,
    ReleaseLaw,
    Schedule,
    SentenceDates,
    Tier,
    Tier2026,
    Tiers,
    ViolentScore,
    Timeline,
)

PolicyArg = Union[AllocationPolicy, str, dict[str, Any], None]
"""An allocation policy: an ``AllocationPolicy``, a preset name (``"default"``, ``"verified-only"``), a dict
(as ``AllocationPolicy.to_dict()`` returns), or ``None`` for the default policy."""

ContactPolicyArg = Union[ContactPolicy, str, dict[str, Any]]
"""A contact policy: a ``ContactPolicy``, a preset name (``"ns2007"``, ``"tr2014"``, ``"ps2021"``) or a dict."""

DateArg = Union[datetime.date, Sequence[datetime.date]]
"""One date for every case, or one date per case."""


class Calendar(_native.Calendar):
    """The England & Wales working-day calendar: Monday–Friday except bank holidays (docs/rules/calendar.md), 1970–2100,
    plus any ``extra_holidays`` proclaimed at run time. ``CalendarError`` for a date outside the range.

    >>> import datetime
    >>> cal = Calendar()
    >>> cal.add_working_days(datetime.date(2024, 3, 28), 1)   # Maundy Thursday → Tuesday after Easter
    datetime.date(2024, 4, 2)
    """

    def bank_holidays(self, year: int) -> list[BankHoliday]:
        """The bank holidays of ``year``, in date order."""
        return [_build(BankHoliday, h) for h in self._bank_holidays(year)]


def allocate(
    case: Case,
    on: datetime.date,
    policy: PolicyArg = None,
    override: ManagerOverride | None = None,
    calendar: Calendar | None = None,
) -> Allocation:
    """Who supervises ``case`` on ``on`` (docs/rules/allocation.md): the provider, every rule that fired, the policy and
    the allocation deadline (2 working days after the sentence date of the newest active event, by default). A manager's
    ``override`` is recorded beside the rules' answer (``Allocation.effective_provider``), never in its place. The
    deadline counts working days of ``calendar`` (England & Wales by default).

    Raises ``PolicyError`` for a bad policy, ``RuleError`` (``kind="allocation"``) for an RSR outside 0–100 in a
    case decoded with ``validate=False``, ``TypeError`` when ``on`` is a ``datetime.datetime`` (its time would be
    dropped: pass ``.date()``), as for every date argument.
    """
    over = None if override is None else {"provider": override.provider.value, "reason": override.reason.value}
    return _build(Allocation, _native.allocate(case, on, policy, over, calendar))


def allocate_many(
    cases: Sequence[Case], on: DateArg, policy: PolicyArg = None, calendar: Calendar | None = None
) -> list[Allocation]:
    """``allocate`` over a list of cases (the GIL is released while the rules run)."""
    return [_build(Allocation, a) for a in _native.allocate_many(list(cases), on, policy, calendar)]


def escalation(
    case: Case, on: datetime.date, policy: PolicyArg = None, calendar: Calendar | None = None
) -> Escalation:
    """Whether ``case`` (held by ``case.provider``) must be referred to the NPS on ``on``, and by when."""
    return _build(Escalation, _native.escalation(case, on, policy, calendar))


def escalation_history(
    case: Case, policy: PolicyArg = None, calendar: Calendar | None = None
) -> list[EscalationPoint]:
    """Every point in the case's history at which it should have been referred to the NPS."""
    return [_build(EscalationPoint, p) for p in _native.escalation_history(case, policy, calendar)]


def tier(case: Case, on: datetime.date) -> Tier:
    """The tier of ``case`` on ``on`` (2021 framework, A0–D3), with its point breakdown and rules.

    Raises ``RuleError`` (``kind="tier"``) for an RSR or OGRS outside 0–100 in a case decoded with
    ``validate=False``.
    """
    return _build(Tier, _native.tier(case, on))


def tier_many(cases: Sequence[Case], on: DateArg) -> list[Tier]:
    """``tier`` over a list of cases (the GIL is released while the rules run)."""
    return [_build(Tier, t) for t in _native.tier_many(list(cases), on)]


def tier_2026(case: Case, on: datetime.date) -> Tier2026:
    """The 2026 tier of ``case`` on ``on`` (docs/rules/tier-2026.md): ``"not_supervised"``, ``"missing"`` or a
    letter ``"A"``–``"G"`` with ``provisional`` and why (static predictors, missing RoSH), every step that produced a
    letter with its rule, and the rules that fired. ``tier`` keeps returning the 2021 tier.

    Raises ``RuleError`` (``kind="tier"``) with ``code="out_of_range"`` for an ARP, CSRP or DC-SRP score outside
    0–100 in a case decoded with ``validate=False``, and ``code="dc_srp_medium_below_threshold"`` for a DC-SRP
    band medium below 0.60; ``path`` names the field (``assessments[i].predictors.dc_srp.score``).
    """
    return _build(Tier2026, _native.tier_2026(case, on))


def tiers(case: Case, on: datetime.date) -> Tiers:
    """Both tiers of ``case`` on ``on``, as hmpps-tier stores them: ``tier_2021`` (what ``tier`` returns) and
    ``tier_2026`` (what ``tier_2026`` returns). An error of either is raised as they raise it."""
    return _build(Tiers, _native.tiers(case, on))


def release_dates(
    case: Case,
    on: datetime.date,
    booking: int = 0,
    options: Mapping[str, Any] | None = None,
    calendar: Calendar | None = None,
) -> ReleaseDates:
    """The release dates of ``case.bookings[booking]`` calculated on ``on`` (docs/rules/release.md): CRD/ARD/PED,
    SLED, TUSED, HDCED, ERSED, PRRD and the rest, each with the rule that produced it and its driving sentence,
    under the law as it stood on ``on`` (or ``options["law_as_at"]``). ``options`` is a dict of core's
    ``ReleaseOptions`` (``law_as_at``, ``statute``); working-day hints use ``calendar``.

    Raises ``RuleError`` (``kind="release"``, ``code`` ``unsupported`` / ``invalid`` / ``date_out_of_range``,
    ``path`` e.g. ``bookings[0].sentences[0].kind``), ``IndexError`` for no such booking, ``DecodeError`` for bad
    options.
    """
    return _build(ReleaseDates, _native.release_dates(case, on, booking, options, calendar))


def release_law(as_at: datetime.date) -> ReleaseLaw:
    """The release law as it stood on ``as_at``: the release fractions and schemes in force, with their
    commencement dates (effective-dated data, docs/rules/release.md)."""
    return _build(ReleaseLaw, _native.release_law(as_at))


def tier_details_to_case(text: str, crn: str, on: datetime.date) -> Case:
    """A tier-details document (what hmpps-tier reads from nDelius, docs/records.md) for the person ``crn`` on
    ``on`` as a case, not validated (``case.issues()``). ``RecordError`` naming the field for a document that does
    not map."""
    return _native.tier_details_to_case(text, crn, on)


def tier_details_from_case(case: Case, on: datetime.date) -> str:
    """``case`` on ``on`` as a tier-details document (JSON text)."""
    return _native.tier_details_from_case(case, on)


def community_api_to_case(text: str) -> Case:
    """A community-api bundle (``{"offender", "convictions", "registrations", "contacts", "nsis"}``) as a case,
    not validated. ``RecordError`` naming the field."""
    return _native.community_api_to_case(text)


def community_api_from_case(case: Case) -> str:
    """``case`` as a community-api bundle (JSON text)."""
    return _native.community_api_from_case(case)


def integration_api_to_case(text: str) -> Case:
    """An Integration API bundle (``{"crn", "caseDetails", "supervisions", "registrations"}``) as a case, not
    validated. ``RecordError`` naming the field."""
    return _native.integration_api_to_case(text)


def integration_api_from_case(case: Case, on: datetime.date) -> str:
    """``case`` on ``on`` as an Integration API bundle (JSON text)."""
    return _native.integration_api_from_case(case, on)


RecordShapeName = Literal["tier-details", "community-api", "integration-api"]
"""The record shapes that map to a whole case (docs/records.md), named as the CLI's ``--from`` names them."""

RecordDocument = Union[str, bytes, Mapping[str, Any]]
"""A record document: JSON text, UTF-8 bytes, or the decoded JSON as a dict."""


def from_ndelius(
    document: RecordDocument,
    shape: RecordShapeName,
    crn: str | None = None,
    on: datetime.date | None = None,
) -> Case:
    """A record of ``shape`` as a case, not validated (``case.issues()``): core's ``records::from_ndelius``.

    ``tier-details`` needs ``on`` (the calculation date) and takes the CRN from ``crn`` (the URL's), else from
    the document's ``crn`` member (a JSON Lines line); ``community-api`` and ``integration-api`` carry their own
    CRN, so ``crn`` is refused for them. Raises ``RecordError`` naming the field (``kind`` ``decode``,
    ``too_large``, ``too_many``, ``unknown_code``, ``unsupported``, ``invalid``; ``path`` ``shape`` for an unknown
    shape, ``on`` / ``crn`` for a missing or refused argument); ``DecodeError`` for a dict value JSON cannot hold.
    No message holds an input value.
    """
    return _native.from_ndelius(document, shape, crn, on)


def to_ndelius(case: Case, shape: RecordShapeName, on: datetime.date | None = None) -> str:
    """``case`` as a record of ``shape`` (JSON text): core's ``records::to_ndelius``. ``tier-details`` (the JSON
    Lines form, with ``crn``) and ``integration-api`` are written as on ``on``, which they need (``RecordError``
    at ``on`` otherwise). ``from_ndelius(to_ndelius(c, s, on), s, on=on)`` keeps every field the mapping reads."""
    return _native.to_ndelius(case, shape, on)


def key_dates(case: Case) -> list[EventKeyDates]:
    """The custody key dates of every custodial event of ``case`` in nDelius key-date codes (``SED``, ``ACR``,
    ``LED``, ``PSSED``), by event index. ``RuleError`` (``kind="sentence"``) naming the field for a sentence the
    arithmetic refuses."""
    return [_build(EventKeyDates, e) for e in _native.key_dates(case)]


def tier_forms(case: Case, on: datetime.date) -> NdeliusTierForms:
    """The nDelius forms of both tiers of ``case`` on ``on`` (what tier-to-delius writes). Errors as ``tiers``."""
    return _build(NdeliusTierForms, _native.tier_forms(case, on))


def code_lookup(table: str, code: str) -> CodeReading:
    """What the nDelius / NOMIS code table ``table`` (``sentence_type``, ``requirement_category``, ``register``,
    ``gender``, ``nsi_outcome``, ``key_date``, ``nomis_sentence_calculation_type``, ``length_unit``) makes of
    ``code``. ``RecordError`` (``kind="unknown_code"``) for a table or a code a refusing table does not list."""
    return _build(CodeReading, _native.code_lookup(table, code))


def recompute_for(event_type: str) -> Recompute:
    """What an HMPPS domain event of type ``event_type`` can make stale (tier, 2026 tier, escalation, schedule,
    release dates)."""
    return _build(Recompute, _native.recompute_for(event_type))


def recompute_for_event(text: str) -> EventRecompute:
    """An HMPPS domain event (the envelope's JSON text): its type, the CRN / NOMS number it concerns and what it
    makes stale. ``RecordError`` naming the field."""
    return _build(EventRecompute, _native.recompute_for_event(text))


def tier_changed_events(
    before: Sequence[Mapping[str, str]], after: Sequence[Mapping[str, str]], occurred_at: str
) -> list[DomainEvent]:
    """One ``tier.calculation.changed`` event per CRN of ``after`` (``[{"crn", "tier"}]``) whose tier differs from
    ``before``; ``occurred_at`` is an RFC 3339 date-time. ``RecordError`` (``kind="invalid"``) naming a malformed
    CRN or ``occurred_at``."""
    return [_build(DomainEvent, e) for e in _native.tier_changed_events(list(before), list(after), occurred_at)]


def ogrs3(inputs: Mapping[str, Any]) -> Ogrs3Score:
    """OGRS3 (docs/rules/predictors.md): the one- and two-year scores, band, every term of the logit and the rules.
    ``inputs`` is a dict of core's ``Ogrs3Input`` fields: ``sex``, ``date_of_birth``, ``conviction_date``,
    ``follow_up_start`` (``datetime.date`` or ISO strings), ``total_sanctions``, ``age_at_first_sanction``,
    ``offence_code`` (5 digits).

    Raises ``DecodeError`` naming the field for a missing, unknown or mistyped field, and ``RuleError``
    (``kind="predictors"``, ``code`` e.g. ``"sex_not_specified"``, ``path`` the field) for an input the predictor
    refuses.
    """
    return _build(Ogrs3Score, _native.ogrs3(inputs))


def arp(inputs: Mapping[str, Any]) -> ArpScore:
    """ARP, static or dynamic (docs/rules/predictors.md), over a dict of core's ``ArpInput`` fields
    (``dynamic``: the dynamic answers, optional). Errors as ``ogrs3``."""
    return _build(ArpScore, _native.arp(inputs))


def dc_srp(inputs: Mapping[str, Any]) -> DcSrpScore:
    """DC-SRP (docs/rules/predictors.md), over a dict of core's ``DcSrpInput`` fields. Errors as ``ogrs3``."""
    return _build(DcSrpScore, _native.dc_srp(inputs))


def vrp(inputs: Mapping[str, Any]) -> ViolentScore:
    """VRP, static or dynamic (docs/rules/predictors.md#vrp-and-svrp), over a dict of core's ``ViolentInput``
    fields (``ArpInput``'s plus ``violent_sanctions``). Errors as ``ogrs3``."""
    return _build(ViolentScore, _native.vrp(inputs))


def svrp(inputs: Mapping[str, Any]) -> ViolentScore:
    """SVRP, static or dynamic (docs/rules/predictors.md#vrp-and-svrp), over a dict of core's ``ViolentInput``
    fields. Errors as ``ogrs3``."""
    return _build(ViolentScore, _native.svrp(inputs))


def iic_srp(inputs: Mapping[str, Any]) -> IicSrpScore:
    """IIC-SRP (docs/rules/predictors.md#iic-srp), over a dict of core's ``IicSrpInput`` fields. Errors as
    ``ogrs3``."""
    return _build(IicSrpScore, _native.iic_srp(inputs))


def csrp(inputs: Mapping[str, Any]) -> CsrpScore:
    """CSRP (docs/rules/predictors.md#csrp), over ``{"svrp": ViolentInput, "dc_srp": DcSrpInput}``. A component
    refusing its inputs is a ``RuleError`` with ``code="component_refused"`` and ``path`` the component."""
    return _build(CsrpScore, _native.csrp(inputs))


def predictors(case: Case, on: datetime.date) -> CasePredictors:
    """Every predictor (OGRS3, ARP, DC-SRP, VRP, SVRP, IIC-SRP, CSRP) computed from ``case``'s history on ``on``, as far as its inputs allow: each is a
    score, or what is missing, or why it is refused (docs/rules/predictors.md#from-a-case)."""
    return _build(CasePredictors, _native.predictors(case, on))


def synth(seed: int, count: int, *, start: int = 0) -> list[Case]:
    """Synthetic — clearly fake, valid and realistic — cases ``start .. start + count`` of ``seed``, from core's
    deterministic generator (case n never depends on the count)."""
    return _native.synth(seed, count, start=start)


def sentence_dates(case: Case, event: int = 0) -> SentenceDates:
    """The key dates of ``case.events[event]`` (docs/rules/sentence.md): SED, CRD/ARD, LED, PSS and TUSED for custody,
    the order's end for community orders, the operational and supervision period ends for suspended sentences, and the
    supervision periods. ``RuleError`` (``kind="sentence"``, ``code``, ``path``) for a zero length or credit exceeding
    the sentence."""
    return _build(SentenceDates, _native.sentence_dates(case, event))


def schedule(case: Case, policy: ContactPolicyArg = "ps2021", calendar: Calendar | None = None) -> Schedule:
    """The contact schedule of ``case`` under ``policy``: every window in which contacts are due (first
    appointment, sentence plan, home visits, regular contact), with the rule behind each."""
    return _build(Schedule, _native.schedule(case, policy, calendar))


def compliance(
    case: Case, as_of: datetime.date, policy: ContactPolicyArg = "ps2021", calendar: Calendar | None = None
) -> Compliance:
    """How ``case`` complied with its schedule up to ``as_of``: each window met, late, missed, excused or open;
    the failures to comply; and the enforcement steps they call for (warning, breach, recall review)."""
    return _build(Compliance, _native.compliance(case, as_of, policy, calendar))


def audit(case: Case, as_of: datetime.date, calendar: Calendar | None = None) -> Audit:
    """Every decision ``case`` records (``recorded`` allocations, tiers and key dates; ``enforcement``) re-run with
    the rules in force on its date, up to ``as_of`` (docs/rules/audit.md): ``discrepancies`` (kind, decision, rule,
    expected, recorded, days late, provider) and ``overrides`` recorded with a reason."""
    return _build(Audit, _native.audit(case, as_of, calendar))


def audit_table(
    cases: Sequence[Case], as_of: datetime.date, calendar: Calendar | None = None
) -> list[dict[str, Any]]:
    """One row per discrepancy over a whole caseload (the GIL is released while the rules run): ``case`` (its
    position), ``crn``, ``kind``, ``decision``, ``on``, ``year``, ``provider`` (code or ``None``), ``rule`` (id),
    ``expected``, ``recorded``, ``days_late``. Feed it to ``pandas.DataFrame`` for an inspection-style summary."""
    cases = list(cases)
    rows: list[dict[str, Any]] = []
    for i, (crn, a) in enumerate(_native.audit_many(cases, as_of, calendar)):
        for d in a["discrepancies"]:
            on = d["on"]
            rows.append(
                {
                    "case": i,
                    "crn": crn,
                    "kind": d["kind"],
                    "decision": d["decision"],
                    "on": on,
                    "year": on.year if isinstance(on, datetime.date) else int(str(on)[:4]),
                    "provider": d["provider"],
                    "rule": d["rule"]["id"],
                    "expected": d["expected"],
                    "recorded": d["recorded"],
                    "days_late": d["days_late"],
                }
            )
    return rows


def timeline(
    case: Case, from_: datetime.date, to: datetime.date, calendar: Calendar | None = None
) -> Timeline:
    """Every date from ``from_`` to ``to`` on which an answer of ``case`` changes (provider, both tiers, escalation,
    contact windows, compliance, enforcement, key dates), each with the rules behind it."""
    return _build(Timeline, _native.timeline(case, from_, to, calendar))


def synth_audited(
    seed: int, count: int, fault_percent: int = 20, *, start: int = 0
) -> list[tuple[Case, dict[str, Any] | None]]:
    """Synthetic cases with recorded decisions, ``fault_percent`` % of them with one injected fault (a late
    allocation, a missed warning, a tier not updated after a registration): ``(case, fault)`` pairs, ``fault``
    ``None`` or ``{"kind", "on"}`` — the truth the audit should find."""
    return list(_native.synth_audited(seed, count, fault_percent, start=start))
