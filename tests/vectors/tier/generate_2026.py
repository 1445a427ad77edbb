#!/usr/bin/env python3
"""Writes tier_2026.json and tier_2021_corrections.json (run from the repo root: python3 tests/vectors/tier/generate_2026.py).

Every expected value below is written by hand from the rules (docs/rules/tier.md, docs/rules/tier-2026.md; docs/rules/tier-2026.md), with
the working in each description; this script only saves typing the case JSON. Nothing is computed by a second
implementation: the reoffending table is transcribed from §4b, every other expectation is a literal.
"""
import copy
import json
import pathlib

HERE = pathlib.Path(__file__).parent
ON = "2026-10-01"
SRC = ("[V-code] ministryofjustice/hmpps-tier @affac98a (2026-08-17) service/calculation (v3); docs/rules/tier-2026.md; "
       "docs/rules/tier-2026.md")
PERSON = {"crn": "X320741", "date_of_birth": "1990-04-01", "sex": "male", "home_area": "C17"}
CO = {"offence_date": "2026-01-04", "sentence_date": "2026-03-01",
      "sentence": {"type": "community_order", "length": {"months": 24},
                   "requirements": [{"kind": "rehabilitation_activity", "days": 20}]}}


def reg(code, registered="2026-03-02", **kw):
    r = {"code": code, "registered": registered}
    r.update(kw)
    return r


def pred(score, kind=None, band=None):
    p = {"score": score}
    if kind:
        p["kind"] = kind
    if band:
        p["band"] = band
    return p


def case(arp=None, csrp=None, dc_srp=None, regs=(), events=(CO,), sexual=False, release=None, date="2026-08-10",
         person=None, assessment_extra=None, with_assessment=True):
    c = {"schema_version": 1, "person": copy.deepcopy(person or PERSON), "events": list(copy.deepcopy(events)),
         "registrations": list(regs)}
    if with_assessment:
        p = {}
        for k, v in (("arp", arp), ("csrp", csrp), ("dc_srp", dc_srp)):
            if v is not None:
                p[k] = v
        a = {"date": date, "layer": "layer3", "predictors": p}
        if sexual:
            a["ever_committed_sexual_offence"] = True
        if assessment_extra:
            a.update(assessment_extra)
        c["assessments"] = [a]
    if release:
        c["latest_release_date"] = release
    return c


def dyn(score):
    return pred(score, "dynamic")


def sta(score):
    return pred(score, "static")


LOW = reg("RLRH")  # RoSH present (low): the missing-RoSH rule does not apply, and no MAPPA-RoSH letter


def steps(*pairs):
    return [{"step": s, "letter": l} for s, l in pairs]


def expect(tier, provisional=False, static=False, missing_rosh=False, step_list=None):
    e = {"tier": tier, "provisional": provisional,
         "provisional_because": {"static_predictors": static, "missing_rosh": missing_rosh}}
    if step_list is not None:
        e["steps"] = step_list
    return e


cases = []


def add(description, c, expected, on=ON):
    cases.append({"description": description, "input": {"case": c, "on": on}, "expected": expected})


# --- not supervised / missing -------------------------------------------------------------------------------
add("step 1: no event at all → not_supervised (provisional false), even with static predictors and no RoSH",
    case(sta(95), sta(7.0), events=()),
    {**expect("not_supervised", step_list=[]), "rules": [{"id": "tier2026.not_supervised"}]})
add("step 1: the only event was terminated before the date (2026-06-30) → not_supervised",
    case(dyn(50), dyn(3.0), events=[{**CO, "termination_date": "2026-06-30"}], regs=[LOW]),
    expect("not_supervised", step_list=[]))
add("step 1: an event sentenced after the date (2026-11-01) is not active on 2026-10-01 → not_supervised",
    case(dyn(50), dyn(3.0), events=[{**CO, "sentence_date": "2026-11-01"}], regs=[LOW]),
    expect("not_supervised", step_list=[]))
add("step 2: an active event and no assessment → missing (provisional false although there is no RoSH)",
    case(with_assessment=False),
    {**expect("missing", step_list=[]), "rules": [{"id": "tier2026.missing"}]})
add("step 2: ARP without CSRP → missing",
    case(arp=sta(95), regs=[LOW]), expect("missing", step_list=[]))
add("step 2: CSRP without ARP → missing",
    case(csrp=sta(7.0), regs=[LOW]), expect("missing", step_list=[]))
add("step 2: predictors only on an assessment completed after the date (2026-10-02) → missing",
    case(dyn(95), dyn(7.0), date="2026-10-02", regs=[LOW]), expect("missing", step_list=[]))
add("step 2: an assessment without `predictors` (OGRS3 era) does not count; ARP and CSRP absent → missing",
    case(with_assessment=False, regs=[LOW]) | {"assessments": [{"date": "2026-08-10", "rsr": 7.5, "ogrs": 80.0}]},
    expect("missing", step_list=[]))

# --- the reoffending table: every cell at its thresholds ---------------------------------------------------
ROWS = [6.9, 3.0, 1.0, 0.5, 0.0]
COLS = [90.0, 75.0, 50.0, 25.0, 15.0, 0.0]
TABLE = ["AABBBB", "ABCCCC", "BCDEEE", "CDEEFF", "DDEFFG"]  # transcribed from docs/rules/tier-2026.md
for r, csrp in enumerate(ROWS):
    for k, arp in enumerate(COLS):
        letter = TABLE[r][k]
        add(f"reoffending table: CSRP {csrp} reaches row ≥ {csrp}, ARP {arp} reaches column ≥ {arp} → {letter}; "
            f"both dynamic and RLRH present, no other step → {letter}, not provisional",
            case(dyn(arp), dyn(csrp), regs=[LOW]),
            {**expect(letter, step_list=steps(("reoffending", letter))),
             "rules": [{"id": "tier2026.reoffending"}, {"id": "tier2026.highest"}]})
for arp, csrp, letter, why in [
    (89.99, 1.0, "C", "ARP 89.99 is below 90: column ≥ 75; CSRP row ≥ 1.0 → C (B at 90)"),
    (74.99, 3.0, "C", "ARP 74.99: column ≥ 50; row ≥ 3.0 → C (B at 75)"),
    (49.99, 1.0, "E", "ARP 49.99: column ≥ 25; row ≥ 1.0 → E (D at 50)"),
    (24.99, 0.5, "F", "ARP 24.99: column ≥ 15; row ≥ 0.5 → F (E at 25)"),
    (14.99, 0.0, "G", "ARP 14.99: column ≥ 0; row ≥ 0.0 → G (F at 15)"),
    (50.0, 6.89, "C", "CSRP 6.89 is below 6.9: row ≥ 3.0; column ≥ 50 → C (B at 6.9)"),
    (90.0, 2.99, "B", "CSRP 2.99: row ≥ 1.0; column ≥ 90 → B (A at 3.0)"),
    (50.0, 0.99, "E", "CSRP 0.99: row ≥ 0.5; column ≥ 50 → E (D at 1.0)"),
    (90.0, 0.49, "D", "CSRP 0.49: row ≥ 0.0; column ≥ 90 → D (C at 0.5)"),
    (100.0, 100.0, "A", "the highest scores, 100 and 100: row ≥ 6.9, column ≥ 90 → A"),
]:
    add(f"reoffending table just below a threshold: {why}", case(dyn(arp), dyn(csrp), regs=[LOW]),
        expect(letter, step_list=steps(("reoffending", letter))))
add("a negative ARP is invalid input: typed error naming the field",
    case(dyn(-0.01), dyn(1.0), regs=[LOW]),
    {"error": {"kind": "out_of_range", "path": "assessments[0].predictors.arp.score"}})
add("a CSRP above 100 is invalid input: typed error naming the field",
    case(dyn(10.0), dyn(100.5), regs=[LOW]),
    {"error": {"kind": "out_of_range", "path": "assessments[0].predictors.csrp.score"}})

# --- DC-SRP -------------------------------------------------------------------------------------------------
G0 = dict(arp=dyn(0.0), csrp=dyn(0.0), regs=[LOW])  # reoffending G, not provisional


def dc(score, band, letter, why):
    exp_steps = [("reoffending", "G")] + ([("sexual_reoffending", letter)] if letter else [])
    add(f"DC-SRP {why}; reoffending ARP 0 / CSRP 0 → G; highest {letter or 'G'}",
        case(dc_srp=pred(score, band=band), **G0), expect(letter or "G", step_list=steps(*exp_steps)))


dc(5.0, "very_high", "A", "very high → A")
dc(3.0, "high", "B", "high → B")
dc(0.3, "low", "E", "low → E")
dc(4.0, "not_applicable", None, "not applicable (score 4.0) → no letter")
dc(4.0, None, None, "with no band (score 4.0) → no letter")
dc(0.0, "very_high", None, "score 0 (band very high) → no letter: the step needs a score above 0")
dc(3.36, "medium", "C", "medium at 3.36 (≥ 3.36) → C")
dc(3.35, "medium", "D", "medium at 3.35 (below 3.36, ≥ 2.11) → D")
dc(2.11, "medium", "D", "medium at 2.11 (≥ 2.11) → D")
dc(2.10, "medium", "C", "medium at 2.10 (below 2.11, ≥ 1.12) → C")
dc(1.12, "medium", "C", "medium at 1.12 (≥ 1.12) → C")
dc(1.11, "medium", "D", "medium at 1.11 (below 1.12, ≥ 0.60) → D")
dc(0.60, "medium", "D", "medium at 0.60 (≥ 0.60) → D")
dc(0.0, "medium", None, "medium with score 0 → no letter (the step needs a score above 0, so no error)")
add("DC-SRP medium at 0.59: hmpps-tier fails the calculation; a typed error naming the field, never a panic",
    case(dc_srp=pred(0.59, band="medium"), **G0),
    {"error": {"kind": "dc_srp_medium_below_threshold", "path": "assessments[0].predictors.dc_srp.score"}})

# --- MAPPA and RoSH -----------------------------------------------------------------------------------------
M = lambda cat="M2": reg("MAPP", level="M1", category=cat)  # noqa: E731
for code, letter in [("RVHR", "A"), ("RHRH", "C"), ("RMRH", "D"), ("RLRH", "E")]:
    add(f"MAPPA category M2 and RoSH {code} → {letter}; reoffending G", case(dyn(0.0), dyn(0.0), regs=[M(), reg(code)]),
        expect(letter, step_list=steps(("reoffending", "G"), ("mappa_rosh", letter))))
add("MAPPA category M1 and no RoSH registration → E. Missing-RoSH rule: W2 = highest of every step but MAPPA-RoSH, "
    "with reoffending (both dynamic) = G; with a MAPPA category provisional if W2 < A → provisional",
    case(dyn(0.0), dyn(0.0), regs=[M("M1")]),
    {**expect("E", True, missing_rosh=True, step_list=steps(("reoffending", "G"), ("mappa_rosh", "E"))),
     "rules": [{"id": "tier2026.reoffending"}, {"id": "tier2026.mappa_rosh"}, {"id": "tier2026.highest"},
               {"id": "tier2026.provisional.missing_rosh"}]})
for code, letter in [("RVHR", "C"), ("RHRH", "D")]:
    add(f"no MAPPA, RoSH {code} → {letter}", case(dyn(0.0), dyn(0.0), regs=[reg(code)]),
        expect(letter, step_list=steps(("reoffending", "G"), ("mappa_rosh", letter))))
for code in ["RMRH", "RLRH"]:
    add(f"no MAPPA, RoSH {code} → no letter", case(dyn(0.0), dyn(0.0), regs=[reg(code)]),
        expect("G", step_list=steps(("reoffending", "G"))))
add("the newest MAPP registration has an invalid category (XX): no category, so RoSH RHRH without MAPPA → D",
    case(dyn(0.0), dyn(0.0), regs=[M("M2") | {"registered": "2026-03-01"}, M("XX") | {"registered": "2026-04-01"},
                                   reg("RHRH")]),
    expect("D", step_list=steps(("reoffending", "G"), ("mappa_rosh", "D"))))
add("RoSH codes in any letter case (rhrh is high, as hmpps-tier matches them): no MAPPA, high → D",
    case(dyn(0.0), dyn(0.0), regs=[reg("rhrh")]),
    expect("D", step_list=steps(("reoffending", "G"), ("mappa_rosh", "D"))))
add("the newest RoSH registration counts: RVHR (2026-03-02) then RMRH (2026-05-01) → medium, no MAPPA → no letter",
    case(dyn(0.0), dyn(0.0), regs=[reg("RVHR"), reg("RMRH", "2026-05-01")]),
    expect("G", step_list=steps(("reoffending", "G"))))

# --- lifer / IPP --------------------------------------------------------------------------------------------
LIFE = {"offence_date": "2005-01-04", "sentence_date": "2005-06-01",
        "sentence": {"type": "custody", "length": {"years": 15}, "kind": "life"}}
for rel, letter, why in [
    ("2025-10-01", "B", "released exactly 1 year before the date (2026-10-01 − 1 year = 2025-10-01, inclusive) → B"),
    ("2025-09-30", "D", "released 1 year and 1 day before → not within 1 year; within 5 years → D"),
    ("2021-10-01", "D", "released exactly 5 years before (2021-10-01, inclusive) → D"),
    ("2021-09-30", "E", "released 5 years and 1 day before → E"),
]:
    add(f"lifer (INLL), latest_release_date {rel}: {why}",
        case(dyn(0.0), dyn(0.0), regs=[LOW, reg("INLL", "2005-06-01")], events=[LIFE], release=rel),
        expect(letter, step_list=steps(("reoffending", "G"), ("lifer", letter))))
add("lifer: the release date comes from the custody event's release_date (2026-02-01, within 1 year) → B",
    case(dyn(0.0), dyn(0.0), regs=[LOW, reg("INLL", "2005-06-01")],
         events=[{**LIFE, "sentence": {**LIFE["sentence"], "release_date": "2026-02-01"}}]),
    expect("B", step_list=steps(("reoffending", "G"), ("lifer", "B"))))
add("lifer without a release date → no letter", case(dyn(0.0), dyn(0.0), regs=[LOW, reg("INLL", "2005-06-01")], events=[LIFE]),
    expect("G", step_list=steps(("reoffending", "G"))))
add("a release date without INLL → no lifer letter",
    case(dyn(0.0), dyn(0.0), regs=[LOW], events=[LIFE], release="2026-02-01"),
    expect("G", step_list=steps(("reoffending", "G"))))

# --- flags --------------------------------------------------------------------------------------------------
for code, step, letter in [("ADVP", "domestic_abuse", "E"), ("REG30", "domestic_abuse", "E"),
                           ("SPO", "stalking", "F"), ("RCPR", "child_protection", "F")]:
    add(f"an active {code} registration → {step} {letter}", case(dyn(0.0), dyn(0.0), regs=[LOW, reg(code)]),
        expect(letter, step_list=steps(("reoffending", "G"), (step, letter))))
add("a deregistered ADVP (deregistered 2026-09-01) gives no letter",
    case(dyn(0.0), dyn(0.0), regs=[LOW, reg("ADVP", deregistered="2026-09-01")]),
    expect("G", step_list=steps(("reoffending", "G"))))
add("flags are matched exactly: spo in lower case is not SPO → no letter",
    case(dyn(0.0), dyn(0.0), regs=[LOW, reg("spo")]), expect("G", step_list=steps(("reoffending", "G"))))
add("ever committed a sexual offence → E", case(dyn(0.0), dyn(0.0), regs=[LOW], sexual=True),
    expect("E", step_list=steps(("reoffending", "G"), ("sexual_offence", "E"))))
add("the tier is the highest letter: reoffending (ARP 25, CSRP 0.5 → E), SPO F, RCPR F, ADVP E → E, every step listed",
    case(dyn(25.0), dyn(0.5), regs=[LOW, reg("SPO"), reg("RCPR"), reg("ADVP")]),
    expect("E", step_list=steps(("reoffending", "E"), ("domestic_abuse", "E"), ("stalking", "F"),
                                ("child_protection", "F"))))
add("the highest letter from a non-reoffending step: ARP 15 / CSRP 0.0 → F, DC-SRP high B, MAPPA M3 + RMRH D → B",
    case(dyn(15.0), dyn(0.0), dc_srp=pred(2.5, band="high"), regs=[reg("RMRH"), M("M3")]),
    expect("B", step_list=steps(("reoffending", "F"), ("sexual_reoffending", "B"), ("mappa_rosh", "D"))))

# --- provisional: static rule -------------------------------------------------------------------------------
add("static rule, both static: W (every step but reoffending) = G < A → provisional. ARP 95 / CSRP 7.0 → A",
    case(sta(95.0), sta(7.0), regs=[LOW]),
    {**expect("A", True, static=True, step_list=steps(("reoffending", "A"))),
     "rules": [{"id": "tier2026.reoffending"}, {"id": "tier2026.highest"}, {"id": "tier2026.provisional.static"}]})
add("static rule, both static: W = A (MAPPA category and RVHR) is not below A → not provisional",
    case(sta(95.0), sta(7.0), regs=[reg("RVHR"), M()]),
    expect("A", step_list=steps(("reoffending", "A"), ("mappa_rosh", "A"))))
add("static rule, only ARP static: CSRP 1.0 row, its ≥ 90 cell is B; W = SPO F < B → provisional (tier E from "
    "ARP 30 / CSRP 1.0)",
    case(sta(30.0), dyn(1.0), regs=[LOW, reg("SPO")]),
    expect("E", True, static=True, step_list=steps(("reoffending", "E"), ("stalking", "F"))))
add("static rule, only ARP static: W = DC-SRP high B is not below the row's ≥ 90 cell B → not provisional; tier B",
    case(sta(30.0), dyn(1.0), dc_srp=pred(2.0, band="high"), regs=[LOW]),
    expect("B", step_list=steps(("reoffending", "E"), ("sexual_reoffending", "B"))))
add("static rule, only CSRP static: ARP 30 column (≥ 25), its ≥ 6.9 cell is B; W = G < B → provisional; tier E",
    case(dyn(30.0), sta(1.0), regs=[LOW]),
    expect("E", True, static=True, step_list=steps(("reoffending", "E"))))
add("static rule, only CSRP static: W = DC-SRP very high A is not below B → not provisional; tier A",
    case(dyn(30.0), sta(1.0), dc_srp=pred(6.0, band="very_high"), regs=[LOW]),
    expect("A", step_list=steps(("reoffending", "E"), ("sexual_reoffending", "A"))))
add("static rule does not apply when a kind is absent: ARP static, CSRP without kind → not provisional",
    case(sta(95.0), pred(7.0), regs=[LOW]), expect("A", step_list=steps(("reoffending", "A"))))
add("static rule does not apply when both are dynamic: ARP 95 / CSRP 7.0 → A, not provisional",
    case(dyn(95.0), dyn(7.0), regs=[LOW]), expect("A", step_list=steps(("reoffending", "A"))))

# --- provisional: missing-RoSH rule -------------------------------------------------------------------------
add("missing-RoSH rule, no MAPPA: both dynamic so reoffending counts in W2; ARP 25 / CSRP 1.0 → E; W2 = E < C → "
    "provisional",
    case(dyn(25.0), dyn(1.0)), expect("E", True, missing_rosh=True, step_list=steps(("reoffending", "E"))))
add("missing-RoSH rule, no MAPPA: ARP 50 / CSRP 3.0 → C; both dynamic, W2 = C is not below C → not provisional",
    case(dyn(50.0), dyn(3.0)), expect("C", step_list=steps(("reoffending", "C"))))
add("missing-RoSH rule, no MAPPA, kinds absent: reoffending (C) is left out of W2, so W2 = G < C → provisional "
    "(the static rule does not apply without kinds)",
    case(pred(50.0), pred(3.0)), expect("C", True, missing_rosh=True, step_list=steps(("reoffending", "C"))))
add("missing-RoSH rule, no MAPPA: DC-SRP very high A gives W2 = A → not provisional although there is no RoSH",
    case(dyn(0.0), dyn(0.0), dc_srp=pred(6.0, band="very_high")),
    expect("A", step_list=steps(("reoffending", "G"), ("sexual_reoffending", "A"))))
add("missing-RoSH rule with a MAPPA category: reoffending A (both dynamic, ARP 95 / CSRP 7.0) gives W2 = A → not "
    "provisional; tier A (MAPPA without RoSH → E)",
    case(dyn(95.0), dyn(7.0), regs=[M()]),
    expect("A", step_list=steps(("reoffending", "A"), ("mappa_rosh", "E"))))
add("RLRH (RoSH low) counts as a RoSH registration: the same case as 'ARP 25 / CSRP 1.0 → E provisional' with RLRH "
    "→ not provisional",
    case(dyn(25.0), dyn(1.0), regs=[LOW]), expect("E", step_list=steps(("reoffending", "E"))))
add("both provisional rules: both static (W = G < A) and no RoSH (W2 without reoffending = G < C); ARP 50 / CSRP "
    "3.0 → C",
    case(sta(50.0), sta(3.0)), expect("C", True, static=True, missing_rosh=True, step_list=steps(("reoffending", "C"))))

doc = {
    "description": "The 2026 single-axis tier (A-G, provisional): not_supervised and missing, every cell of the "
                   "reoffending table and a value just below each threshold, every DC-SRP band and medium "
                   "threshold, MAPPA and RoSH, both lifer boundaries, the flag steps, the maximum, each provisional "
                   "branch. Calculation date 2026-10-01 throughout.",
    "source": SRC,
    "function": "tier.calculate_2026",
    "cases": cases,
}
(HERE / "tier_2026.json").write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")

# ============================================================================================================
# The four 2021 corrections (docs/rules/case.md, §4), and both tiers in one call
# ============================================================================================================
cases = []
ON21 = "2024-01-01"
CO21 = {"offence_date": "2023-01-04", "sentence_date": "2023-03-01",
        "sentence": {"type": "community_order", "length": {"months": 24},
                     "requirements": [{"kind": "rehabilitation_activity", "days": 20}]}}


def c21(regs=(), assessments=(), person=None):
    return {"schema_version": 1, "person": copy.deepcopy(person or PERSON), "events": [copy.deepcopy(CO21)],
            "registrations": list(regs), "assessments": list(assessments)}


def r21(code, **kw):
    return reg(code, "2023-03-02", **kw)


A21 = {"date": "2023-06-01", "ogrs": 0.0, "rsr": 0.0}
add("correction 1 (RCPR is a complexity factor, docs/rules/case.md; hmpps-tier ComplexityFactor): RCPR alone gives 2 "
    "points → D; complexity lists RCPR",
    c21([r21("RCPR")], [A21]),
    {"protect": {"level": "D", "points": 2, "breakdown": {"complexity": {"RCPR": 2}}}}, on=ON21)
TEN = ["RMDO", "ALSH", "RVLN", "RCCO", "RCHD", "RCPR", "RPIR", "RVAD", "STRG", "RTAO"]
add("correction 1: all ten complexity factors give 10 × 2 = 20 points → B (nine, without RCPR, gave 18 → C)",
    c21([r21(c) for c in TEN], [A21]),
    {"protect": {"level": "B", "points": 20, "breakdown": {"complexity": {c: 2 for c in TEN}}}}, on=ON21)
add("correction 1 with docs/rules/tier.md's matching: complexity factors in any letter case (rmdo, Strg) count, 2 each → 4",
    c21([r21("rmdo"), r21("Strg")], [A21]),
    {"protect": {"points": 4, "breakdown": {"complexity": {"RMDO": 2, "STRG": 2}}}}, on=ON21)
add("correction 2 (a section whose answers are all missing or unknown has no severity, hmpps-tier "
    "NeedSection.getScore): drug misuse [unknown, unknown, null] is skipped — source absent, not scored from "
    "answers, and tier.change.need_from_answers does not fire; 0 points → change 1",
    c21([], [A21 | {"section_answers": {"drug_misuse": ["unknown", "unknown", None]}}]),
    {"change": {"level": 1, "points": 0, "breakdown": {"needs": {"drug_misuse": {
        "severity": "no_need", "source": "absent", "points": 0}}}},
     "rules": [{"id": "tier.protect.levels"}, {"id": "tier.change.levels"}, {"id": "tier.ndelius_form"}]}, on=ON21)
add("correction 2, contrast: one known answer scores the section: drug misuse [unknown, yes] = 2 ≥ 2 (OASys "
    "standard) → standard 1 point, source from_answers",
    c21([], [A21 | {"section_answers": {"drug_misuse": ["unknown", "yes"]}}]),
    {"change": {"points": 1, "breakdown": {"needs": {"drug_misuse": {
        "severity": "standard", "source": "from_answers", "points": 1}}}}}, on=ON21)
add("item 6: a recorded need shows source recorded, an unanswered one absent",
    c21([], [A21 | {"needs": {"attitudes": "severe"}}]),
    {"change": {"points": 4, "breakdown": {"needs": {
        "attitudes": {"severity": "severe", "source": "recorded", "weight": 2, "points": 4},
        "accommodation": {"severity": "no_need", "source": "absent", "points": 0}}}}}, on=ON21)
add("correction 3 (RSR/OGRS outside an assessment, docs/rules/case.md; tier-to-delius): person.rsr 7.5 and no "
    "assessment → RSR 20 → B; change: mandate (RAR) and no OASys needs assessment → 2 with 0 points (the person "
    "record's OGRS does not make the case assessed) → B2",
    c21(person=PERSON | {"rsr": 7.5, "ogrs": 85.0}),
    {"tier": "B2", "protect": {"points": 20, "breakdown": {"rsr": 20}},
     "change": {"level": 2, "points": 0, "special_rule": "no_assessment"},
     "readings": {"rsr": 7.5, "rsr_from": "person_record", "ogrs": 85.0, "ogrs_from": "person_record",
                  "assessed": False}}, on=ON21)
add("correction 3: with a needs assessment that has no OGRS, the person record's OGRS 85 gives ⌊85 / 10⌋ = 8 change "
    "points; attitudes severe 4 → 12 → change 2",
    c21([], [{"date": "2023-06-01", "needs": {"attitudes": "severe"}}], person=PERSON | {"ogrs": 85.0}),
    {"change": {"level": 2, "points": 12, "breakdown": {"ogrs": 8}},
     "readings": {"ogrs": 85.0, "ogrs_from": "person_record", "rsr": None, "assessed": True}}, on=ON21)
add("correction 3: the person record's RSR (6.0 → 10) is used before the assessment's (2.0 → 0) → C",
    c21([], [A21 | {"rsr": 2.0}], person=PERSON | {"rsr": 6.0}),
    {"protect": {"level": "C", "points": 10, "breakdown": {"rsr": 10}},
     "readings": {"rsr": 6.0, "rsr_from": "person_record"}}, on=ON21)
add("correction 3: a person-record RSR outside 0-100 is a typed error naming the field",
    c21(person=PERSON | {"rsr": 120.0}), {"error": {"kind": "out_of_range", "path": "person.rsr"}}, on=ON21)
add("a standalone assessment (predictor scores, no needs) is not an OASys needs assessment: no assessment → change "
    "2 with 0 points; its RSR is not read either",
    c21([], [{"date": "2023-06-01", "layer": "standalone", "rsr": 7.5, "needs": {"attitudes": "severe"}}]),
    {"protect": {"points": 0}, "change": {"level": 2, "points": 0, "special_rule": "no_assessment"},
     "readings": {"assessed": False, "rsr": None}}, on=ON21)
add("correction 4 (codes matched as hmpps-tier matches them, docs/rules/tier.md): RoSH rhrh in lower case is high, 20 "
    "points → B; readings show RoSH high",
    c21([r21("rhrh")], [A21]),
    {"protect": {"level": "B", "points": 20, "breakdown": {"rosh": 20}}, "readings": {"rosh": "high"}}, on=ON21)
add("correction 4: the MAPPA level in any letter case (m2) gives 150 → A; readings show level M2 and category M3",
    c21([r21("MAPP", level="m2", category="M3")], [A21]),
    {"protect": {"level": "A", "points": 150, "breakdown": {"mappa": 150}},
     "readings": {"mappa_level": "M2", "mappa_category": "M3"}}, on=ON21)
add("correction 4: IIOM and PRC are matched exactly: iiom and prc in lower case give no IOM points and no S suffix",
    c21([r21("iiom"), r21("prc")], [A21]),
    {"tier": "D1", "unsupervised": False, "change": {"breakdown": {"iom": 0}}}, on=ON21)
add("correction 4: sex `Female` (nDelius' spelling) is read as female, case-insensitively: parenting yes → 2 points",
    c21([], [A21 | {"womens_factors": {"parenting_responsibilities": True}}], person=PERSON | {"sex": "Female"}),
    {"protect": {"points": 2, "breakdown": {"womens_factors": {"parenting": 2}}}}, on=ON21)
add("correction 4: sex `FEMALE` likewise",
    c21([], [A21 | {"womens_factors": {"parenting_responsibilities": True}}], person=PERSON | {"sex": "FEMALE"}),
    {"protect": {"points": 2}}, on=ON21)
add("item 6: the readings name the RSR and OGRS used and where they came from (the assessment)",
    c21([r21("RMRH")], [{"date": "2023-06-01", "rsr": 4.2, "ogrs": 55.0}]),
    {"readings": {"rosh": "medium", "mappa_level": None, "mappa_category": None, "rsr": 4.2,
                  "rsr_from": "assessment", "ogrs": 55.0, "ogrs_from": "assessment", "assessed": True}}, on=ON21)
doc = {
    "description": "The four 2021-tier corrections of docs/rules/case.md/§4 (RCPR is a complexity factor; an all-missing-"
                   "or-unknown need section has no severity; RSR/OGRS on the person record; register codes and sex "
                   "matched as hmpps-tier does) and the readings of issue 13 item 6.",
    "source": "[V-code] ministryofjustice/hmpps-tier (ComplexityFactor, NeedSection.getScore, ProtectLevelCalculator, "
              "ChangeLevelCalculator); hmpps-probation-integration-services tier-to-delius; docs/rules/case.md, §4",
    "function": "tier.calculate",
    "cases": cases,
}
(HERE / "tier_2021_corrections.json").write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")

# ============================================================================================================
# Both tiers in one call
# ============================================================================================================
cases = []
add("both tiers (docs/tier.md worked example): 2021 — RMRH 10 and RSR 4.2 → 10 (only one counts) + STRG 2 = 12 → C; "
    "attitudes severe 4 + accommodation standard 1 + ⌊55 / 10⌋ 5 = 10 → 2: C2. 2026 — CSRP 1.2 row ≥ 1.0, ARP 52 "
    "column ≥ 50 → D; RMRH without MAPPA → no letter; SPO → F; highest D; both dynamic and RoSH present → not "
    "provisional",
    {"schema_version": 1, "person": PERSON, "events": [CO],
     "registrations": [reg("RMRH"), reg("STRG"), reg("SPO")],
     "assessments": [{"date": "2026-08-10", "layer": "layer3", "rsr": 4.2, "ogrs": 55.0,
                      "needs": {"attitudes": "severe", "accommodation": "standard"},
                      "predictors": {"arp": dyn(52.0), "csrp": dyn(1.2), "dc_srp": pred(0.0, band="not_applicable")}}]},
    {"tier_2021": {"tier": "C2", "protect": {"points": 12}, "change": {"points": 10}},
     "tier_2026": expect("D", step_list=steps(("reoffending", "D"), ("stalking", "F")))})
add("both tiers: no event → 2021 protect from registrations (RHRH 20 → B) with no mandate (0): B0; 2026 "
    "not_supervised",
    {"schema_version": 1, "person": PERSON, "registrations": [reg("RHRH")]},
    {"tier_2021": {"tier": "B0"}, "tier_2026": expect("not_supervised", step_list=[])})
add("both tiers: an error in either is the call's error (DC-SRP medium 0.59)",
    case(dc_srp=pred(0.59, band="medium"), **G0),
    {"error": {"kind": "dc_srp_medium_below_threshold", "path": "assessments[0].predictors.dc_srp.score"}})
doc = {
    "description": "Both tiers in one call, as hmpps-tier stores them: the 2021 tier unchanged and the 2026 tier.",
    "source": SRC,
    "function": "tier.both",
    "cases": cases,
}
(HERE / "tier_both.json").write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
