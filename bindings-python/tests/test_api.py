"""The per-case API beyond decoding: calendar, sentence dates, schedules, compliance, policies, enums, reprs."""

from __future__ import annotations

import datetime
import json

import pytest

import probation
from cases import community_order

D = datetime.date


def test_calendar_working_days() -> None:
    cal = probation.Calendar()
    assert cal.add_working_days(D(2024, 3, 28), 1) == D(2024, 4, 2)  # Good Friday and Easter Monday skipped
    assert cal.add_working_days(D(2024, 3, 28), 0) == D(2024, 3, 28)
    assert cal.next_working_day(D(2024, 12, 24)) == D(2024, 12, 27)
    assert cal.working_days_between(D(2024, 12, 20), D(2024, 12, 27)) == 3
    assert cal.working_days_between(D(2024, 12, 27), D(2024, 12, 20)) == -3
    assert cal.is_bank_holiday(D(2022, 9, 19)) and not cal.is_working_day(D(2022, 9, 19))
    hols = cal.bank_holidays(2024)
    assert [h.date for h in hols][:2] == [D(2024, 1, 1), D(2024, 3, 29)]
    assert isinstance(hols[0], probation.BankHoliday) and hols[0].rule.basis is probation.Basis.VERIFIED


def test_calendar_extra_holidays_and_range() -> None:
    cal = probation.Calendar([D(2027, 6, 7)])
    assert not cal.is_working_day(D(2027, 6, 7))
    assert probation.Calendar().is_working_day(D(2027, 6, 7))
    with pytest.raises(probation.CalendarError) as info:
        cal.add_working_days(D(2100, 12, 31), 1)
    assert info.value.code == "out_of_range"
    with pytest.raises(probation.CalendarError):
        probation.Calendar([D(1960, 1, 1)])
    with pytest.raises(probation.CalendarError):
        cal.bank_holidays(2101)


def test_sentence_dates_six_month_custody() -> None:
    d = community_order()
    d["events"] = [
        {
            "offence_date": "2016-01-04",
            "sentence_date": "2016-03-15",
            "sentence": {"type": "custody", "length": {"months": 6}},
        }
    ]
    d["contacts"] = []
    case = probation.Case.from_dict(d)
    s = probation.sentence_dates(case)
    assert s.sentence_type is probation.SentenceType.CUSTODY
    assert s.custody_kind is probation.CustodyKind.STANDARD_DETERMINATE
    assert s.sentence_expiry is not None and s.conditional_release is not None
    # docs/rules/sentence.md#post-sentence-supervision: a 6-month sentence → 3 months licence + 9 months PSS.
    kinds = [p.kind for p in s.supervision]
    assert kinds == [probation.SupervisionKind.LICENCE, probation.SupervisionKind.POST_SENTENCE_SUPERVISION]
    assert s.post_sentence_supervision is not None and s.post_sentence_supervision.applies
    with pytest.raises(IndexError):
        probation.sentence_dates(case, 3)


def test_sentence_error_is_a_rule_error() -> None:
    d = community_order()
    d["events"][0]["sentence"]["length"] = {}
    case = probation.Case.from_dict(d, validate=False)
    with pytest.raises(probation.RuleError) as info:
        probation.sentence_dates(case)
    assert (info.value.kind, info.value.code, info.value.path) == ("sentence", "zero_length", "sentence.length")


def test_schedule_and_compliance() -> None:
    case = probation.Case.from_dict(community_order())
    s = probation.schedule(case, "tr2014")
    assert s.policy == "tr2014" and s.items
    assert [i.due_by for i in s.items] == sorted(i.due_by for i in s.items)
    assert all(isinstance(i.kind, probation.ItemKind) for i in s.items)
    assert repr(s).startswith("Schedule(policy='tr2014'")
    c = probation.compliance(case, D(2016, 6, 1), "tr2014")
    assert c.as_of == D(2016, 6, 1)
    assert {w.status for w in c.windows} <= set(probation.WindowStatus)
    assert "Compliance(policy='tr2014'" in repr(c)
    # The same through a policy object and a custom calendar.
    policy = probation.ContactPolicy("tr2014")
    assert probation.schedule(case, policy, probation.Calendar()) == s
    assert probation.schedule(case, policy.to_dict()) == s


def test_contact_policies() -> None:
    assert probation.ContactPolicy.presets() == ["ns2007", "tr2014", "ps2021"]
    p = probation.ContactPolicy.preset("ns2007")
    # A preset's rules are static; read back from JSON they are custom rules with the same content.
    assert probation.ContactPolicy.from_json(p.to_json()).to_json() == p.to_json()
    assert probation.ContactPolicy.from_dict(p.to_dict()).to_json() == p.to_json()
    assert probation.ContactPolicy("ns2007") == p
    assert p.name == "ns2007" and repr(p) == 'ContactPolicy(name="ns2007")'
    with pytest.raises(probation.PolicyError) as info:
        probation.ContactPolicy.preset("ns1999")
    assert info.value.code == "unknown_preset"
    bad = p.to_dict()
    bad["surprise"] = 1
    with pytest.raises(probation.PolicyError):
        probation.ContactPolicy.from_dict(bad)


def test_allocation_policies() -> None:
    assert probation.AllocationPolicy.presets() == ["default", "verified-only"]
    default = probation.AllocationPolicy()
    assert default.id == "default" and default.version == 1
    assert probation.AllocationPolicy.from_dict(default.to_dict()) == default
    assert probation.AllocationPolicy.from_json(default.to_json()) == default
    strict = default.replace(rsr_threshold_enabled=False)
    assert strict.to_dict()["rsr_threshold_enabled"] is False
    with pytest.raises(probation.PolicyError) as info:
        default.replace(rsr_threshold=150.0)
    assert info.value.path == "rsr_threshold"
    with pytest.raises(probation.PolicyError) as info:
        default.replace(colour="red")
    assert info.value.path == "colour"
    with pytest.raises(probation.PolicyError) as info:
        probation.AllocationPolicy("lenient")
    assert info.value.code == "unknown_preset"
    with pytest.raises(TypeError):
        probation.allocate(probation.Case.from_dict(community_order()), D(2016, 3, 1), policy=3)  # type: ignore[arg-type]


def test_allocation_result_and_override() -> None:
    case = probation.Case.from_dict(community_order())
    a = probation.allocate(case, D(2016, 3, 10))
    # MAPP registration → NPS London (C17's division).
    assert a.provider is probation.Provider.N07 and a.provider.is_nps
    assert a.rules[0].id == "allocation.tr.mappa"
    assert a.deadline == D(2016, 3, 3)
    assert "provider=Provider.N07" in repr(a) and "Rule('allocation.tr.mappa')" in repr(a)
    over = probation.ManagerOverride(probation.Provider.C17, probation.OverrideReason.CONTINUITY_OF_SUPERVISION)
    b = probation.allocate(case, D(2016, 3, 10), override=over)
    assert b.provider is probation.Provider.N07 and b.effective_provider is probation.Provider.C17
    assert b.override == over


def test_tier_result() -> None:
    case = probation.Case.from_dict(community_order())
    t = probation.tier(case, D(2016, 6, 1))
    assert t.tier == t.ndelius[1:] and t.protect.level.value == t.tier[0]
    assert repr(t).startswith(f"Tier(tier='{t.tier}'")
    assert "breakdown" not in repr(t)
    assert set(t.change.breakdown.needs) == set(probation.NeedArea) if t.change.breakdown else True


def test_enums_match_core() -> None:
    cats = probation._probation.output_categories()
    assert [p.value for p in probation.Provider] == cats["provider"]
    assert [r.value for r in probation.RoshLevel] == cats["rosh"]
    assert [f"need_{a.value}" for a in probation.NeedArea] == [
        c for c in probation._probation.input_column_names() if c.startswith("need_")
    ]
    # Every value of the case-model enums decodes in core.
    for sex in probation.Sex:
        d = community_order()
        d["person"]["sex"] = sex
        assert probation.Case.from_dict(d).to_dict()["person"]["sex"] == sex.value
    for t in probation.SentenceType:
        assert t.value in json.dumps(["community_order", "suspended_sentence_order", "custody"])


def test_lists_accept_one_date_or_one_per_case() -> None:
    cases = probation.synth(3, 4)
    on = [D(2013, 1, 1), D(2016, 1, 1), D(2020, 1, 1), D(2022, 1, 1)]
    many = probation.allocate_many(cases, on)
    assert [a.on for a in many] == on
    assert [a.provider for a in many] == [probation.allocate(c, d).provider for c, d in zip(cases, on)]
    with pytest.raises(ValueError):
        probation.tier_many(cases, on[:2])


def test_synth_is_deterministic() -> None:
    a = probation.synth(9, 5)
    assert a == probation.synth(9, 5)
    assert probation.synth(9, 2, start=3) == a[3:5]
    assert all(not c.issues() for c in a)
    assert probation.SYNTH_AS_OF == D(2025, 3, 31)


def test_allocation_takes_a_calendar() -> None:
    case = probation.Case.from_dict(community_order())
    cal = probation.Calendar([D(2016, 3, 2)])
    assert probation.allocate(case, D(2016, 3, 10), calendar=cal).deadline == D(2016, 3, 4)
    assert probation.allocate_many([case], D(2016, 3, 10), calendar=cal)[0].deadline == D(2016, 3, 4)
    e = probation.escalation(case, D(2016, 3, 10), calendar=cal)
    assert e.policy_id == "default"
    assert probation.escalation_history(case, calendar=cal) == probation.escalation_history(case)


def test_tier_2026_and_tiers_results() -> None:
    case = probation.Case.from_dict(community_order())
    on = D(2016, 6, 1)
    t26 = probation.tier_2026(case, on)
    assert isinstance(t26, probation.Tier2026) and t26.on == on
    assert t26.tier == "missing" and not t26.provisional and t26.steps == ()  # no OGRS4-family predictors
    assert [r.id for r in t26.rules] == ["tier2026.missing"]
    both = probation.tiers(case, on)
    assert isinstance(both, probation.Tiers)
    assert both.tier_2021 == probation.tier(case, on) and both.tier_2026 == t26
    with pytest.raises(TypeError):
        probation.tier_2026(case, datetime.datetime(2024, 1, 1, 12, 0))  # type: ignore[arg-type]


OGRS3_INPUT = {
    "sex": "male", "date_of_birth": D(2000, 6, 15), "conviction_date": "2012-06-14",
    "follow_up_start": D(2012, 6, 14), "total_sanctions": 3, "age_at_first_sanction": 10, "offence_code": "00100",
}


def test_predictors_results_and_errors() -> None:
    s = probation.ogrs3(OGRS3_INPUT)
    assert isinstance(s, probation.Ogrs3Score) and 1 <= s.two_year <= 99
    assert probation.ogrs3({**OGRS3_INPUT, "conviction_date": D(2012, 6, 14)}) == s  # dates or ISO strings
    with pytest.raises(probation.RuleError) as info:
        probation.ogrs3({**OGRS3_INPUT, "sex": "not_specified"})
    assert (info.value.kind, info.value.code, info.value.path) == ("predictors", "sex_not_specified", "sex")
    # A bad input names the field, never a key or value of the input.
    for bad, path in [
        ({**OGRS3_INPUT, "Marguerite Smith": "K918273"}, ""),
        ({**OGRS3_INPUT, "total_sanctions": "Marguerite"}, "total_sanctions"),
        ({**OGRS3_INPUT, "sex": "Marguerite"}, "sex"),
        ({k: v for k, v in OGRS3_INPUT.items() if k != "offence_code"}, ""),
    ]:
        with pytest.raises(probation.DecodeError) as err:
            probation.ogrs3(bad)
        assert err.value.path == path, bad
        text = str(err.value) + repr(err.value.args)
        assert "Marguerite" not in text and "K918273" not in text
    with pytest.raises(probation.DecodeError, match="datetime"):  # as Case.from_dict: its time would be dropped
        probation.ogrs3({**OGRS3_INPUT, "date_of_birth": datetime.datetime(2000, 6, 15, 1, 0)})
    case = probation.Case.from_dict(community_order())
    p = probation.predictors(case, D(2016, 6, 1))
    assert isinstance(p, probation.CasePredictors) and p.on == D(2016, 6, 1)


def test_release_dates_and_errors() -> None:
    case = probation.Case.from_dict({
        **community_order(),
        "bookings": [{"sentences": [{"sentence_date": "2024-01-15", "offence_date": "2023-11-04",
                                     "term": {"months": 6}, "kind": "extended"}]}],
    }, validate=False)
    with pytest.raises(probation.RuleError) as info:
        probation.release_dates(case, D(2024, 1, 20))
    assert (info.value.kind, info.value.code, info.value.path) == ("release", "unsupported", "bookings[0].sentences[0].kind")
    assert "bookings[0].sentences[0].kind" in str(info.value)
    with pytest.raises(IndexError):
        probation.release_dates(case, D(2024, 1, 20), booking=1)
    with pytest.raises(probation.DecodeError):
        probation.release_dates(case, D(2024, 1, 20), options={"Marguerite": 1})
    assert isinstance(probation.release_law(D(2024, 1, 20)), probation.ReleaseLaw)


def test_record_error_and_records_round_trip() -> None:
    with pytest.raises(probation.RecordError) as info:
        probation.code_lookup("nomis_sentence_calculation_type", "Marguerite Smith")
    e = info.value
    assert isinstance(e, probation.ProbationError) and isinstance(e, ValueError)
    assert (e.kind, e.max, e.limit, e.reason) == ("unknown_code", None, None, None)
    assert (e.path, e.code) == ("code", "<redacted>") and "Marguerite" not in str(e)
    with pytest.raises(probation.RecordError) as info:
        probation.tier_changed_events([], [{"crn": "X320741", "tier": "A2"}], "yesterday")
    assert (info.value.kind, info.value.path) == ("invalid", "occurred_at") and info.value.reason
    case = probation.Case.from_dict(community_order())
    again = probation.community_api_to_case(probation.community_api_from_case(case))
    assert isinstance(again, probation.Case)
    assert probation.recompute_for("probation-case.registration.added") == probation.recompute_for(
        "probation-case.registration.added"
    )


def test_audit_finds_exactly_the_injected_faults() -> None:
    as_of = probation.SYNTH_AS_OF
    pairs = probation.synth_audited(2026, 150, 40)
    cases = [c for c, _ in pairs]
    rows = probation.audit_table(cases, as_of)
    found = sorted((r["case"], r["kind"], r["on"]) for r in rows)
    injected = sorted(
        (i, f["kind"], datetime.date.fromisoformat(f["on"]) if isinstance(f["on"], str) else f["on"])
        for i, (_, f) in enumerate(pairs)
        if f is not None
    )
    assert len(injected) > 20
    assert found == injected


def test_timeline_of_a_case_lists_its_changes() -> None:
    case = probation.synth(2026, 1)[0]
    t = probation.timeline(case, datetime.date(2012, 1, 1), probation.SYNTH_AS_OF)
    assert t.changes and all(t.start <= c.date <= t.end for c in t.changes)
    assert {c.subject.value for c in t.changes} >= {"provider", "tier2021"}
