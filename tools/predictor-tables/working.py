#!/usr/bin/env python3
"""Hand working for the predictor vectors in tests/vectors/predictors/: a plain transcription of the published
formulas (docs/rules/predictors.md, docs/rules/predictors.md) written independently of core's Rust, used to do the arithmetic written into
each vector's description. OGRS3 in doubles as the service; ARP in exact decimals (34 digits for ln/exp/division)
as the service's BigDecimal code. It reads coefficients from core/data/ (the data extracted from the service's source), not from core.

    python3 tools/predictor-tables/working.py   # rewrites tests/vectors/predictors/*.json
"""
import json
import math
import re
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, getcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "vectors" / "predictors"
getcontext().prec = 34


def iso(d):
    return d.isoformat()


def years(a, b):
    return months(a, b) // 12 if months(a, b) >= 0 else -((-months(a, b)) // 12)


def months(a, b):
    m = (b.year * 12 + b.month - 1) - (a.year * 12 + a.month - 1)
    d = b.day - a.day
    if m > 0 and d < 0:
        m -= 1
    elif m < 0 and d > 0:
        m += 1
    return m


def birthday(dob, age, shift=0):
    return date(dob.year + age, dob.month, dob.day) + timedelta(days=shift)


# ---------------------------------------------------------------- OGRS3
CODES = {c["code"]: c for c in json.loads((ROOT / "core/data/ogrs3_offence_codes.json").read_text())["codes"]}
BANDS = [(10, 0, 0.785), (12, 0.08392, 0.61385), (14, 0.07578, 0.66952), (16, -0.0616, -0.9592),
         (18, -0.6251, -0.8975), (21, -1.0515, -1.0285), (25, -1.1667, -1.0528), (30, -1.326, -1.1291),
         (35, -1.368, -1.4219), (40, -1.4997, -1.5247), (50, -2.0253, -2.4498)]


def half_up(x, q):
    return Decimal(x).quantize(Decimal(q), rounding=ROUND_HALF_UP)


def ogrs3(i):
    sex = i["sex"]
    if sex not in ("male", "female"):
        return {"error": {"kind": "sex_not_specified", "field": "sex"}}
    if not 1 <= i["total_sanctions"] <= 999:
        return {"error": {"kind": "total_sanctions_out_of_range", "field": "total_sanctions"}}
    if not re.fullmatch(r"\d{5}", i["offence_code"]):
        return {"error": {"kind": "offence_code_format", "field": "offence_code"}}
    dob, conv, fu = (date.fromisoformat(i[k]) for k in ("date_of_birth", "conviction_date", "follow_up_start"))
    if conv <= dob:
        return {"error": {"kind": "conviction_not_after_birth", "field": "conviction_date"}}
    if fu <= dob:
        return {"error": {"kind": "follow_up_not_after_birth", "field": "follow_up_start"}}
    ac, af = years(dob, conv), years(dob, fu)
    if ac < 10:
        return {"error": {"kind": "age_at_conviction_under_ten", "field": "conviction_date"}}
    if af < 10:
        return {"error": {"kind": "age_at_follow_up_under_ten", "field": "follow_up_start"}}
    if i["age_at_first_sanction"] > ac:
        return {"error": {"kind": "first_sanction_after_conviction", "field": "age_at_first_sanction"}}
    row = CODES.get(i["offence_code"])
    if row and row["errorCode"] == "NEED_DETAILS_OF_EXACT_OFFENCE":
        return {"error": {"kind": "offence_needs_details", "field": "offence_code"}}
    if not row or row["ogrs3Weighting"] is None:
        return {"error": {"kind": "offence_code_not_mapped", "field": "offence_code"}}
    age_sex = [b for b in BANDS if af >= b[0]][-1][2 if sex == "female" else 1]
    n = i["total_sanctions"]
    status = 0.12614 if n == 1 else 0.46306
    rate = math.log(float(n) / float(10 + ac - i["age_at_first_sanction"]))
    copas = rate * 1.25112
    w = row["ogrs3Weighting"]
    total = age_sex + status + copas + w
    out = {"terms": {"age_sex": age_sex, "conviction_status": status, "copas": copas, "offence_group": w,
                     "total": total}, "age_at_follow_up": af, "age_at_conviction": ac, "first_sanction": n == 1}
    pcts = []
    for k, c in (("one_year", 1.40256), ("two_year", 2.1217)):
        x = c + total
        p = math.exp(x) / (1.0 + math.exp(x))
        p5 = float(half_up(p, "0.00001"))
        raw = int(half_up(p5 * 1 if False else Decimal(p5) * 100, "1"))
        pct = 1 if raw <= 0 else 99 if raw > 99 else raw
        out[k] = pct
        out[k + "_probability"] = p5
        pcts.append((k, x, p, p5, raw, pct))
    tw = out["two_year"]
    out["band"] = "low" if tw <= 49 else "medium" if tw <= 74 else "high" if tw <= 89 else "very_high"
    work = (f"age {af} at follow-up start, {ac} at conviction; age/sex {age_sex}; status {status} "
            f"({'first' if n == 1 else 'repeat'}); copas 1.25112 × ln({n}/(10+{ac}−{i['age_at_first_sanction']})) "
            f"= 1.25112 × {rate:.6f} = {copas:.6f}; offence group {row['offenceGroup']} {w}; total {total:.6f}. ")
    for k, x, p, p5, raw, pct in pcts:
        work += f"{k}: logistic({x:.6f}) = {p:.7f} → {p5:.5f} → {raw}%" + (f" → clamped {pct}" if raw != pct else "") + "; "
    work += f"band on {tw}: {out['band']}"
    return out, work


def o3(sex="male", dob="1980-06-15", conv="2020-03-01", fu=None, n=3, first=16, code="00100"):
    return {"sex": sex, "date_of_birth": dob, "conviction_date": conv, "follow_up_start": fu or conv,
            "total_sanctions": n, "age_at_first_sanction": first, "offence_code": code}


def case(desc, inp, fn):
    r = fn(inp)
    if isinstance(r, dict):
        return {"description": desc + f" → error {r['error']['kind']} naming `{r['error']['field']}`",
                "input": inp, "expected": r}
    out, work = r
    return {"description": f"{desc}: {work}", "input": inp, "expected": out}


def ogrs3_vectors():
    cases = []
    dob = date(2000, 6, 15)
    for sex in ("male", "female"):
        for lo, _, _ in BANDS[1:]:
            for shift, side in ((-1, lo - 1), (0, lo)):
                d = birthday(dob, lo, shift)
                cases.append(case(f"{sex}, follow-up start and conviction {'the day before the' if shift else 'on the'} "
                                  f"{lo}th birthday (age {side}), 3 sanctions, first at 10, violence",
                                  o3(sex, iso(dob), iso(d), None, 3, 10, "00100"), ogrs3))
        cases.append(case(f"{sex} aged 10 exactly at conviction and follow-up (lowest band), first sanction",
                          o3(sex, iso(dob), iso(birthday(dob, 10)), None, 1, 10, "00100"), ogrs3))
    cases.append(case("first sanction (total 1)", o3(n=1, first=39), ogrs3))
    cases.append(case("repeat: second sanction (total 2)", o3(n=2, first=39), ogrs3))
    cases.append(case("Copas at its top: 999 sanctions, first at the age of the current conviction (gap 0)",
                      o3(n=999, first=39), ogrs3))
    cases.append(case("Copas at its bottom: 1 sanction, first at 10, convicted at 109",
                      o3(dob="1900-01-01", conv="2009-06-01", n=1, first=10), ogrs3))
    cases.append(case("1-year clamp to 1: woman over 50, first sanction after a long gap, drug import",
                      o3("female", "1940-01-01", "2020-03-01", None, 1, 10, "09201"), ogrs3))
    sol = next(c for c, r in sorted(CODES.items()) if r["offenceGroup"] == "Soliciting or prostitution")
    cases.append(case(f"99 clamp: girl of 11, 999 sanctions since 11, soliciting (code {sol})",
                      o3("female", "2009-01-01", "2020-03-01", None, 999, 11, sol), ogrs3))
    cases.append(case("follow-up start differs from conviction: age band from follow-up (40), Copas from "
                      "conviction age (38)", o3(dob="1980-06-15", conv="2018-07-01", fu="2020-07-01", n=4, first=20), ogrs3))
    # every offence group, and the unmapped kinds
    seen = {}
    for code, row in sorted(CODES.items()):
        if row["ogrs3Weighting"] is not None and row["offenceGroup"] not in seen:
            seen[row["offenceGroup"]] = code
    for g, code in seen.items():
        cases.append(case(f"offence group {g} (code {code})", o3(code=code), ogrs3))
    nd = next(c for c, r in sorted(CODES.items()) if r["errorCode"])
    nw = next(c for c, r in sorted(CODES.items()) if r["ogrs3Weighting"] is None and not r["errorCode"])
    cases.append(case(f"code {nd} needs the details of the exact offence", o3(code=nd), ogrs3))
    cases.append(case(f"code {nw} is in the table with no weighting: no mapping", o3(code=nw), ogrs3))
    cases.append(case("code 99999 is not in the table", o3(code="99999"), ogrs3))
    cases.append(case("code of 4 digits", o3(code="0010"), ogrs3))
    cases.append(case("code with a letter", o3(code="0010A"), ogrs3))
    cases.append(case("sex not specified", o3(sex="not_specified"), ogrs3))
    cases.append(case("total sanctions 0", o3(n=0), ogrs3))
    cases.append(case("total sanctions 1000", o3(n=1000), ogrs3))
    cases.append(case("conviction on the date of birth", o3(dob="2020-03-01"), ogrs3))
    cases.append(case("follow-up start before the date of birth", o3(fu="1979-01-01"), ogrs3))
    cases.append(case("age 9 at conviction (the day before the 10th birthday)",
                      o3(dob="2010-03-02", conv="2020-03-01", first=9), ogrs3))
    cases.append(case("age 10 at conviction, follow-up start at 9", o3(dob="2010-03-01", conv="2020-03-01",
                                                                        fu="2019-06-01", first=10), ogrs3))
    cases.append(case("first sanction at 40, after the age at conviction (39)", o3(first=40), ogrs3))
    # band edges on the 2-year percentage
    edges = {49: None, 50: None, 74: None, 75: None, 89: None, 90: None}
    for n in range(1, 60):
        for first in range(10, 40):
            for code in seen.values():
                for sex in ("male", "female"):
                    r = ogrs3(o3(sex=sex, n=n, first=first, code=code))
                    if isinstance(r, tuple) and r[0]["two_year"] in edges and edges[r[0]["two_year"]] is None:
                        edges[r[0]["two_year"]] = o3(sex=sex, n=n, first=first, code=code)
            if all(edges.values()):
                break
        if all(edges.values()):
            break
    for pct, inp in edges.items():
        cases.append(case(f"2-year band edge {pct}%", inp, ogrs3))
    return {"description": "OGRS3: every age/sex band on both sides of each boundary, first vs repeat sanction, Copas "
                           "at its extremes, the 1/99 clamps, every offence group, the 2-year band edges and each "
                           "validation error. Working: tools/predictor-tables/working.py (a transcription of the rules).",
            "source": "docs/rules/predictors.md; ministryofjustice/hmpps-arns-risk-actuarial-api@c22870c1fd OGRS3TransformationHelper; "
                      "docs/rules/predictors.md#ogrs3",
            "function": "predictors.ogrs3", "cases": cases}


# ---------------------------------------------------------------- ARP
CATS = ["BURGLARY_DOMESTIC", "BURGLARY_OTHER", "DRUNKENNESS", "DRINK_DRIVING", "MOTORING_OFFENCES",
        "VEHICLE_RELATED_THEFT", "FRAUD_AND_FORGERY", "WELFARE_FRAUD", "DRUG_IMPORT_EXPORT_OR_PRODUCTION",
        "DRUG_POSSESSION_OR_SUPPLY", "VIOLENCE_AGAINST_THE_PERSON_ABH_PLUS", "VIOLENCE_AGAINST_THE_PERSON_SUB_ABH",
        "PUBLIC_ORDER_AND_HARRASSMENT", "WEAPONS_NON_FIREARM", "FIREARMS_MOST_SERIOUS", "FIREARMS_OTHER",
        "HANDLING_STOLEN_GOODS", "CRIMINAL_DAMAGE", "ACQUISITIVE_VIOLENCE", "OTHER_OFFENCES", "ABSCONDING_OR_BAIL",
        "SEXUAL_AGAINST_CHILD", "SEXUAL_NOT_AGAINST_CHILD", "THEFT_NON_MOTOR"]


def kt(name):
    """A table of core/data/actuarial/coefficients.json: each BigDecimal(<double>) as the double's exact value, each
    category's decimal (SVRP's two added) exactly."""
    t = json.loads((ROOT / "core/data/actuarial/coefficients.json").read_text())["tables"][name.removesuffix(".kt")]
    coefs = {n: Decimal(float(v)) for n, _, v in t["coefficients"]}
    cats = {c[0].lower(): sum((Decimal(x) for x in c[1:]), Decimal(0)) for c in t["categories"]}
    return coefs, cats


STATIC = kt("AllReoffendingPredictorStatic.kt")
DYNAMIC = kt("AllReoffendingPredictorDynamic.kt")
PL = {"no_problems": 0, "some_problems": 1, "significant_problems": 2}
ML = {"full_motivation": 0, "partial_motivation": 1, "no_motivation": 2}
REQ = ["suitability_of_accommodation", "is_unemployed", "current_relationship_with_partner",
       "evidence_of_domestic_abuse", "current_relationship_status", "regular_offending_activities",
       "current_alcohol_use_problems", "excessive_alcohol_use", "impulsivity_problems", "pro_criminal_attitudes"]
DRUGS = ["has_heroin_usage", "has_other_opiate_usage", "has_crack_cocaine_usage", "has_powder_cocaine_usage",
         "has_misused_prescription_drug_usage", "has_benzodiazepines_usage", "has_cannabis_usage",
         "has_steroids_usage", "has_other_drugs_usage", "has_ketamine_usage", "has_spice_usage",
         "has_hallucinogens_usage", "has_solvents_usage"]


def add_months(d, n):
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    import calendar
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def static_checks(i, violent):
    """The common static checks of ARP, VRP and SVRP (in core's order); an error dict, or the history."""
    err = lambda k, f: {"error": {"kind": k, "field": f}}
    if i["sex"] not in ("male", "female"):
        return err("sex_not_specified", "sex")
    dob, conv, ad = (date.fromisoformat(i[k]) for k in ("date_of_birth", "conviction_date", "assessment_date"))
    fu0 = date.fromisoformat(i["follow_up_start"]) if i.get("follow_up_start") else None
    if conv <= dob:
        return err("conviction_not_after_birth", "conviction_date")
    ac = years(dob, conv)
    first = i["age_at_first_sanction"]
    if first > ac:
        return err("first_sanction_after_conviction", "age_at_first_sanction")
    if conv > add_months(ad, 3):
        return err("conviction_after_assessment", "conviction_date")
    if first >= 110:
        return err("age_at_first_sanction_out_of_range", "age_at_first_sanction")
    if i["actuarial_category"] == "unknown":
        return err("category_unknown", "actuarial_category")
    n = i["total_sanctions"]
    if not 1 <= n <= 999:
        return err("total_sanctions_out_of_range", "total_sanctions")
    if violent and i["violent_sanctions"] > n:
        return err("violent_sanctions_out_of_range", "violent_sanctions")
    if fu0 is not None:
        if fu0 <= dob:
            return err("follow_up_not_after_birth", "follow_up_start")
        if years(dob, fu0) >= 110:
            return err("follow_up_age_out_of_range", "follow_up_start")
    fu = fu0 or conv
    af = years(dob, fu)
    ofm = 0 if ad < fu else min(months(fu, ad), 36)
    return i["sex"] == "female", ac, af, first, n, ofm


def arp(i):
    err = lambda k, f: {"error": {"kind": k, "field": f}}
    h = static_checks(i, False)
    if isinstance(h, dict):
        return h
    fem, ac, af, first, n, ofm = h
    dyn = i.get("dynamic", {})
    missing = [f for f in REQ if dyn.get(f) is None]
    incons = [f for f in DRUGS if dyn.get("motivation_to_tackle_drug_misuse") is None and dyn.get(f) is True]
    dynamic = not missing and not incons
    c, cats = DYNAMIC if dynamic else STATIC
    sx = "FEMALE" if fem else "MALE"
    a = Decimal(af)
    age = [c[f"AAI_{sx}"] * a, c[f"AAI_QUADRATIC_{sx}"] * a ** 2, c[f"AAI_CUBIC_{sx}"] * a ** 3, c[f"AAI_QUARTIC_{sx}"] * a ** 4]
    m = Decimal(ofm)
    ofm_t = [c["OFFENCE_FREE_MONTHS"] * m, c["OFFENCE_FREE_MONTHS_QUADRATIC"] * m ** 2]
    if not dynamic:
        ofm_t += [c["OFFENCE_FREE_MONTHS_CUBIC"] * m ** 3, c["OFFENCE_FREE_MONTHS_QUARTIC"] * m ** 4]
    gap = ac - first
    t = {
        "intercept": c["TWO_YEAR_CONSTANT"],
        "age_sex": sum(age, Decimal(0)),
        "female": c["FEMALE"] if fem else Decimal(0),
        "offence_category": cats[i["actuarial_category"]],
        "first_sanction": c["FIRST_SANCTION"] if n == 1 else Decimal(0),
        "second_sanction": c["SECOND_SANCTION"] if n == 2 else Decimal(0),
        "sanction_occasions": Decimal(n) * c["SANCTION_OCCASIONS"],
        "second_sanction_gap": Decimal(gap) * c[f"YRS_BETWEEN_FIRST_AND_SECOND_SANCTION_{sx}"] if n == 2 else Decimal(0),
        "offence_free_months": sum(ofm_t, Decimal(0)),
    }
    if n >= 3:
        l = (Decimal(n) / Decimal(gap + 26)).ln()
        t["copas"] = l * c[f"THREE_PLUS_SANCTIONS_COPAS_G_{sx}"]
        t["copas_squared"] = l ** 2 * c[f"THREE_PLUS_SANCTIONS_COPAS_SQUARED_{sx}"]
    else:
        t["copas"] = t["copas_squared"] = Decimal(0)
    dt = None
    if dynamic:
        d = dyn
        lt = d["current_relationship_status"] == "living_together"
        flag = lambda f, k: c[k] if d.get(f) is True else Decimal(0)
        dt = {
            "accommodation": PL[d["suitability_of_accommodation"]] * c["ACCOMMODATION_SUITABILITY"],
            "unemployed": c["UNEMPLOYED"] * 2 if d["is_unemployed"] else Decimal(0),
            "live_in_relationship": c["LIVE_IN_RELATIONSHIP"] if lt else Decimal(0),
            "relationship_quality": PL[d["current_relationship_with_partner"]] * c["RELATIONSHIP_QUALITY"],
            "live_in_relationship_quality": PL[d["current_relationship_with_partner"]] * c["QUALITY_OF_LIVE_IN_RELATIONSHIP"] if lt else Decimal(0),
            "domestic_abuse": c["DOMESTIC_ABUSE"] if d["evidence_of_domestic_abuse"] else Decimal(0),
            "regular_offending_activities": PL[d["regular_offending_activities"]] * c["ACTIVITIES_ENCOURAGE_OFFENDING"],
            "drug_motivation": ML[d.get("motivation_to_tackle_drug_misuse") or "full_motivation"] * c["MOTIVATION_TO_TACKLE_DRUG_MISUSE"],
            "chronic_drinking": PL[d["current_alcohol_use_problems"]] * c["CHRONIC_DRINKING"],
            "binge_drinking": PL[d["excessive_alcohol_use"]] * c["BINGE_DRINKING"],
            "impulsivity": PL[d["impulsivity_problems"]] * c["IMPULSIVITY"],
            "pro_criminal_attitudes": PL[d["pro_criminal_attitudes"]] * c["PRO_CRIMINAL_ATTITUDE"],
            "heroin": flag("has_heroin_usage", "HEROIN"),
            "other_opiate": flag("has_other_opiate_usage", "OTHER_OPIATE"),
            "crack_cocaine": flag("has_crack_cocaine_usage", "CRACK_COCAINE"),
            "powder_cocaine": flag("has_powder_cocaine_usage", "POWDER_COCAINE"),
            "prescription_drug_misuse": flag("has_misused_prescription_drug_usage", "PRESCRIPTION_DRUG_MISUSE"),
            "benzodiazepines": flag("has_benzodiazepines_usage", "BENZODIAZEPINES"),
            "cannabis": flag("has_cannabis_usage", "CANNABIS"),
            "steroids": flag("has_steroids_usage", "STEROIDS"),
            "other_drugs": c["OTHER_DRUGS"] if any(d.get(f) is True for f in DRUGS[8:]) else Decimal(0),
        }
    total = sum(t.values(), Decimal(0)) + (sum(dt.values(), Decimal(0)) if dt else 0)
    e = total.exp()
    p = e / (1 + e)
    s = (p * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    score = float(s)
    if score <= 0:
        return err("score_zero", "score")
    if score >= 100:
        score = 99.99
    band = "low" if score < 50 else "medium" if score < 75 else "high" if score < 90 else "very_high"
    out = {"score": score, "band": band, "kind": "dynamic" if dynamic else "static",
           "missing_dynamic": missing, "inconsistent_drug_answers": incons,
           "age_at_follow_up": af, "age_at_conviction": ac, "offence_free_months": ofm,
           "terms": {k: float(v) for k, v in t.items()} | {"total": float(total),
                                                              "dynamic": {k: float(v) for k, v in dt.items()} if dt else None}}
    nz = lambda m: "; ".join(f"{k} {float(v):.9g}" for k, v in m.items() if v != 0)
    work = (f"{'dynamic' if dynamic else 'static'} set; age {af} at follow-up, {ac} at conviction, gap {gap}, "
            f"n {n}, offence-free months {ofm}; terms: {nz(t)}" + (f"; dynamic: {nz(dt)}" if dt else "")
            + (f"; missing {missing}" if missing else "") + (f"; drug answers with no motivation {incons}" if incons else "")
            + f"; total {float(total):.9g}; 100 × logistic = {float(p * 100):.6f} → {score}; band {band}")
    return out, work


def a_in(sex="male", dob="1985-04-10", conv="2025-01-15", fu=None, ad="2026-07-01", first=17, n=5,
         cat="theft_non_motor", dyn=None):
    i = {"assessment_date": ad, "date_of_birth": dob, "conviction_date": conv, "sex": sex,
         "age_at_first_sanction": first, "total_sanctions": n, "actuarial_category": cat}
    if fu:
        i["follow_up_start"] = fu
    if dyn is not None:
        i["dynamic"] = dyn
    return i


FULL = {"suitability_of_accommodation": "some_problems", "is_unemployed": True,
        "current_relationship_with_partner": "significant_problems", "evidence_of_domestic_abuse": True,
        "current_relationship_status": "living_together", "regular_offending_activities": "some_problems",
        "current_alcohol_use_problems": "significant_problems", "excessive_alcohol_use": "some_problems",
        "impulsivity_problems": "significant_problems", "pro_criminal_attitudes": "some_problems"}


def arp_vectors():
    cs = []
    cs.append(case("static, man, first sanction (n = 1: first-sanction term, no gap or career terms)",
                   a_in(n=1, first=39), arp))
    cs.append(case("static, man, second sanction (n = 2: second-sanction term and gap × male coefficient)",
                   a_in(n=2, first=30), arp))
    cs.append(case("static, woman, second sanction (female term, female age polynomial, female gap coefficient)",
                   a_in(sex="female", n=2, first=30), arp))
    cs.append(case("static, man, 3 sanctions (career terms ln(3/(gap+26)) and its square)", a_in(n=3, first=20), arp))
    cs.append(case("static, woman, 40 sanctions (female career coefficients)", a_in(sex="female", n=40, first=14), arp))
    cs.append(case("offence-free months 0: assessment before the start of follow-up",
                   a_in(conv="2026-05-01", fu="2026-09-01", ad="2026-07-01"), arp))
    cs.append(case("offence-free months 35 (one day short of 36 whole months)",
                   a_in(conv="2023-07-02", ad="2026-07-01"), arp))
    cs.append(case("offence-free months capped at 36 (five years)", a_in(conv="2021-07-01", ad="2026-07-01"), arp))
    cs.append(case("dynamic: every required answer, living together (relationship interaction applies, "
                   "unemployed × 2), no drug answers (motivation counts as full)", a_in(dyn=FULL), arp))
    cs.append(case("dynamic: not living together (no live-in terms), drug answers with motivation, other-drug "
                   "term shared by ketamine and solvents",
                   a_in(dyn=FULL | {"current_relationship_status": "not_living_together", "motivation_to_tackle_drug_misuse":
                        "no_motivation", "has_heroin_usage": True, "has_other_opiate_usage": True, "has_crack_cocaine_usage": True,
                        "has_powder_cocaine_usage": True, "has_misused_prescription_drug_usage": True,
                        "has_benzodiazepines_usage": True, "has_cannabis_usage": True, "has_steroids_usage": True,
                        "has_ketamine_usage": True, "has_solvents_usage": True}), arp))
    cs.append(case("dynamic with pro-criminal attitudes missing: falls back to static and lists the field",
                   a_in(dyn={k: v for k, v in FULL.items() if k != "pro_criminal_attitudes"}), arp))
    cs.append(case("dynamic with a drug answer true and no motivation: falls back to static "
                   "(MOTIVATION_TO_TACKLE_DRUG_MISUSE_INCONSISTENT)", a_in(dyn=FULL | {"has_cannabis_usage": True}), arp))
    cs.append(case("no dynamic answers at all: static, all ten required answers listed as missing", a_in(), arp))
    for cat in CATS:
        cs.append(case(f"category {cat.lower()}", a_in(cat=cat.lower(), n=4, first=18), arp))
    # band edges
    want = {"low": None, "medium": None, "high": None, "very_high": None}
    found = {}
    for n in range(1, 80):
        for first in range(10, 40, 3):
            for cat in CATS:
                r = arp(a_in(n=n, first=first, cat=cat.lower()))
                if isinstance(r, tuple):
                    s = r[0]["score"]
                    for edge in (50.0, 75.0, 90.0):
                        for side, ok in (("below", edge - 1.0 <= s < edge), ("at or above", edge <= s < edge + 1.0)):
                            found.setdefault((edge, side), None)
                            if ok and (found[(edge, side)] is None or abs(s - edge) < abs(found[(edge, side)][0] - edge)):
                                found[(edge, side)] = (s, a_in(n=n, first=first, cat=cat.lower()))
    for (edge, side), v in sorted(found.items()):
        if v:
            cs.append(case(f"band edge {edge}: score just {side}", v[1], arp))
    cs.append(case("sex not specified", a_in(sex="not_specified"), arp))
    cs.append(case("conviction on the date of birth", a_in(dob="2025-01-15"), arp))
    cs.append(case("first sanction at 40, after the age at conviction (39)", a_in(first=40), arp))
    cs.append(case("conviction more than 3 months after the assessment", a_in(conv="2026-10-02"), arp))
    cs.append(case("age at first sanction 110", a_in(dob="1900-01-01", conv="2020-01-01", first=110), arp))
    cs.append(case("category unknown", a_in(cat="unknown"), arp))
    cs.append(case("total sanctions 0", a_in(n=0), arp))
    cs.append(case("follow-up start on the date of birth", a_in(fu="1985-04-10"), arp))
    cs.append(case("age 110 at follow-up start", a_in(dob="1900-01-01", conv="2009-01-01", fu="2010-01-01"), arp))
    return {"description": "ARP static and dynamic: each term, first/second/3+ sanctions, both sexes, offence-free "
                           "months 0/35/36, the dynamic fallback (missing answer, inconsistent drug answers), every "
                           "actuarial category, the 50/75/90 band edges and each validation error. Working: "
                           "tools/predictor-tables/working.py (exact-decimal transcription of the published coefficients).",
            "source": "docs/rules/predictors.md rules 1–5; ministryofjustice/hmpps-arns-risk-actuarial-api@016919c "
                      "AllReoffendingPredictor*; docs/rules/predictors.md#arp",
            "function": "predictors.arp", "cases": cs}


# ---------------------------------------------------------------- VRP and SVRP
VRP_T = {"static": kt("ViolentReoffendingPredictorStatic.kt"), "dynamic": kt("ViolentReoffendingPredictorDynamic.kt")}
SVRP_T = {"static": kt("SeriousViolentReoffendingPredictorStatic.kt"),
          "dynamic": kt("SeriousViolentReoffendingPredictorDynamic.kt")}


VRP_REQ = ["suitability_of_accommodation", "is_unemployed", "current_relationship_with_partner",
           "evidence_of_domestic_abuse", "current_relationship_status", "regular_offending_activities",
           "motivation_to_tackle_drug_misuse", "current_alcohol_use_problems", "excessive_alcohol_use",
           "impulsivity_problems", "temper_control"]
VRP_DRUGS = DRUGS[1:] + ["has_methadone_usage"]
SVRP_REQ = ["carrying_or_using_weapon", "suitability_of_accommodation", "is_unemployed", "current_alcohol_use_problems",
            "temper_control", "pro_criminal_attitudes", "previous_convictions"]
PAST = ["homicide", "wounding_gbh", "kidnapping", "firearms", "robbery", "aggravated_burglary", "weapon",
        "criminal_damage", "arson"]
PAST_COEF = ["PAST_HOMICIDE_OFFENCE", "PAST_GBH_OFFENCE", "PAST_KIDNAPPING_OFFENCE", "PAST_FIREARMS_OFFENCE",
             "PAST_ROBBERY_OFFENCE", "PAST_AGGRAVATED_BURGLARY_OFFENCE", "PAST_WEAPON_OFFENCE",
             "PAST_CRIMINAL_DAMAGE_OFFENCE", "PAST_ARSON_OFFENCE"]


def violent(i, serious):
    """VRP (serious=False) or SVRP (True) in exact decimals, from the coefficient files."""
    err = lambda k, f: {"error": {"kind": k, "field": f}}
    h = static_checks(i, True)
    if isinstance(h, dict):
        return h
    fem, ac, af, first, n, ofm = h
    v = i["violent_sanctions"]
    dyn = i.get("dynamic", {})
    req, drugs = (SVRP_REQ, []) if serious else (VRP_REQ, VRP_DRUGS)
    missing = [f for f in req if dyn.get(f) is None]
    incons = [f for f in drugs if dyn.get("motivation_to_tackle_drug_misuse") is None and dyn.get(f) is True]
    dynamic = not missing and not incons
    c, cats = (SVRP_T if serious else VRP_T)["dynamic" if dynamic else "static"]
    g = lambda k: c.get(k, Decimal(0))
    sx = "FEMALE" if fem else "MALE"
    a, m = Decimal(af), Decimal(ofm)
    age = [g(f"AAI_{sx}") * a, g(f"AAI_QUADRATIC_{sx}") * a ** 2, g(f"AAI_CUBIC_{sx}") * a ** 3, g(f"AAI_QUARTIC_{sx}") * a ** 4]
    ofm_t = [g("OFFENCE_FREE_MONTHS") * m, g("OFFENCE_FREE_MONTHS_QUADRATIC") * m ** 2,
             g("OFFENCE_FREE_MONTHS_CUBIC") * m ** 3, g("OFFENCE_FREE_MONTHS_QUARTIC") * m ** 4]
    gap = ac - first
    Z = Decimal(0)
    t = {
        "intercept": c["TWO_YEAR_CONSTANT"],
        "age_sex": sum(age, Z),
        "female": c["FEMALE"] if fem else Z,
        "offence_category": cats[i["actuarial_category"]],
        "first_sanction": c["FIRST_SANCTION"] if n == 1 else Z,
        "second_sanction": c["SECOND_SANCTION"] if n == 2 else Z,
        "sanction_occasions": Decimal(n) * c["SANCTION_OCCASIONS"],
        "second_sanction_gap": Decimal(gap) * c[f"YRS_BETWEEN_FIRST_AND_SECOND_SANCTION_{sx}"] if n == 2 else Z,
        "offence_free_months": sum(ofm_t, Z),
        "copas": (Decimal(n) / Decimal(gap + 12)).ln() * c[f"THREE_PLUS_SANCTIONS_COPAS_V_{sx}"] if n >= 3 else Z,
        "never_violent": c[f"NEVER_VIOLENT_{sx}"] if v == 0 else Z,
        "once_violent": c["ONCE_VIOLENT"] if v == 1 else Z,
        "violent_sanctions": Decimal(v) * c["VIOLENT_SANCTIONS"],
        "violent_rate": (Decimal(v) / Decimal(gap + 30)).ln() * c["VIOLENT_RATE"] if v > 0 else Z,
    }
    dt = None
    if dynamic:
        d = dyn
        flag = lambda f, k: c[k] if d.get(f) is True else Z
        pl = lambda f, k: PL[d[f]] * c[k]
        if serious:
            pc = d["previous_convictions"]
            dt = {"carrying_or_using_weapon": c["CARRY_OR_USE_WEAPON"] if d["carrying_or_using_weapon"] else Z,
                  "accommodation": pl("suitability_of_accommodation", "ACCOMMODATION_SUITABILITY"),
                  "unemployed": c["UNEMPLOYED"] * 2 if d["is_unemployed"] else Z,
                  "chronic_drinking": pl("current_alcohol_use_problems", "CHRONIC_DRINKING"),
                  "temper_control": pl("temper_control", "TEMPER"),
                  "pro_criminal_attitudes": pl("pro_criminal_attitudes", "PRO_CRIMINAL_ATTITUDE")}
            for k, coef in zip(PAST, PAST_COEF):
                dt[f"past_{k}"] = c[coef] if pc.get(k) else Z
        else:
            lt = d["current_relationship_status"] == "living_together"
            dt = {
                "accommodation": pl("suitability_of_accommodation", "ACCOMMODATION_SUITABILITY"),
                "unemployed": c["UNEMPLOYED"] * 2 if d["is_unemployed"] else Z,
                "live_in_relationship": c["LIVE_IN_RELATIONSHIP"] if lt else Z,
                "relationship_quality": pl("current_relationship_with_partner", "RELATIONSHIP_QUALITY"),
                "live_in_relationship_quality": pl("current_relationship_with_partner", "QUALITY_OF_LIVE_IN_RELATIONSHIP") if lt else Z,
                "domestic_abuse": c["DOMESTIC_ABUSE"] if d["evidence_of_domestic_abuse"] else Z,
                "regular_offending_activities": pl("regular_offending_activities", "ACTIVITIES_ENCOURAGE_OFFENDING"),
                "drug_motivation": ML[d["motivation_to_tackle_drug_misuse"]] * c["MOTIVATION_TO_TACKLE_DRUG_MISUSE"],
                "chronic_drinking": pl("current_alcohol_use_problems", "CHRONIC_DRINKING"),
                "binge_drinking": pl("excessive_alcohol_use", "BINGE_DRINKING"),
                "impulsivity": pl("impulsivity_problems", "IMPULSIVITY"),
                "temper_control": pl("temper_control", "TEMPER"),
                "methadone": flag("has_methadone_usage", "METHADONE"),
                "other_opiate": flag("has_other_opiate_usage", "OTHER_OPIATE"),
                "crack_cocaine": flag("has_crack_cocaine_usage", "CRACK_COCAINE"),
                "powder_cocaine": flag("has_powder_cocaine_usage", "POWDER_COCAINE"),
                "prescription_drug_misuse": flag("has_misused_prescription_drug_usage", "PRESCRIPTION_DRUG_MISUSE"),
                "benzodiazepines": flag("has_benzodiazepines_usage", "BENZODIAZEPINES"),
                "cannabis": flag("has_cannabis_usage", "CANNABIS"),
                "steroids": flag("has_steroids_usage", "STEROIDS"),
                "other_drugs": c["OTHER_DRUGS"] if any(d.get(f) is True for f in DRUGS[8:]) else Z,
            }
    total = sum(t.values(), Z) + (sum(dt.values(), Z) if dt else 0)
    e = total.exp()
    p = e / (1 + e)
    score = float((p * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    if score <= 0:
        if not serious:
            return err("score_zero", "score")
        score = 0.0
    if score >= 100:
        score = 99.99
    edges = (1.0, 3.0, 6.9) if serious else (30.0, 60.0, 80.0)
    band = "low" if score < edges[0] else "medium" if score < edges[1] else "high" if score < edges[2] else "very_high"
    out = {"score": score, "band": band, "kind": "dynamic" if dynamic else "static",
           "missing_dynamic": missing, "inconsistent_drug_answers": incons,
           "age_at_follow_up": af, "age_at_conviction": ac, "offence_free_months": ofm,
           "terms": {k: float(x) for k, x in t.items()} | {"total": float(total)},
           "vrp_dynamic": {k: float(x) for k, x in dt.items()} if dt and not serious else None,
           "svrp_dynamic": {k: float(x) for k, x in dt.items()} if dt and serious else None}
    nz = lambda mm: "; ".join(f"{k} {float(x):.9g}" for k, x in mm.items() if x != 0)
    work = (f"{'dynamic' if dynamic else 'static'} set; age {af} at follow-up, {ac} at conviction, gap {gap}, "
            f"n {n}, violent {v}, offence-free months {ofm}; terms: {nz(t)}" + (f"; dynamic: {nz(dt)}" if dt else "")
            + (f"; missing {missing}" if missing else "") + (f"; drug answers with no motivation {incons}" if incons else "")
            + f"; total {float(total):.9g}; 100 × logistic = {float(p * 100):.6f} → {score}; band {band}")
    return out, work


vrp = lambda i: violent(i, False)
svrp = lambda i: violent(i, True)


def v_in(v=1, **kw):
    i = a_in(**kw)
    i["violent_sanctions"] = v
    return i


VRP_FULL = {k: v for k, v in FULL.items() if k != "pro_criminal_attitudes"} | {
    "motivation_to_tackle_drug_misuse": "partial_motivation", "temper_control": "significant_problems"}
SVRP_FULL = {"carrying_or_using_weapon": True, "suitability_of_accommodation": "significant_problems",
             "is_unemployed": True, "current_alcohol_use_problems": "some_problems", "temper_control": "some_problems",
             "pro_criminal_attitudes": "significant_problems", "previous_convictions": {}}


MAXED = {k: "significant_problems" for k in VRP_FULL if VRP_FULL[k] in PL} | {
    "is_unemployed": True, "evidence_of_domestic_abuse": True, "current_relationship_status": "living_together",
    "motivation_to_tackle_drug_misuse": "no_motivation", "carrying_or_using_weapon": True,
    "pro_criminal_attitudes": "significant_problems", "previous_convictions": {k: True for k in PAST}}


def edge_cases(fn, edges, label):
    found = {}
    for n in range(1, 60, 2):
        for first in range(10, 40, 4):
            for v, young, dyn in ((0, False, None), (1, False, None), (3, False, None), (min(n, 8), False, None),
                                  (min(n, 8), True, None), (min(n, 8), True, MAXED), (min(n, 3), False, MAXED)):
                for cat in ("theft_non_motor", "burglary_domestic", "drunkenness", "welfare_fraud",
                            "violence_against_the_person_abh_plus", "sexual_against_child"):
                    if v > n or (young and first > 20):
                        continue
                    i = v_in(v=v, n=n, first=first, cat=cat, dyn=dyn, **({"dob": "2004-04-10"} if young else {}))
                    r = fn(i)
                    if not isinstance(r, tuple):
                        continue
                    s = r[0]["score"]
                    for edge in edges:
                        for side, ok in (("below", edge - 1.0 <= s < edge), ("at or above", edge <= s < edge + 1.0)):
                            cur = found.get((edge, side))
                            if ok and (cur is None or abs(s - edge) < abs(cur[0] - edge)):
                                found[(edge, side)] = (s, i)
    return [case(f"{label} band edge {edge}: score just {side}", i, fn)
            for (edge, side), (s, i) in sorted(found.items())]


def violent_vectors(serious):
    fn, name = (svrp, "SVRP") if serious else (vrp, "VRP")
    full = SVRP_FULL if serious else VRP_FULL
    cs = []
    cs.append(case("static, man, first sanction (n = 1), never violent (v = 0)", v_in(v=0, n=1, first=39), fn))
    cs.append(case("static, man, second sanction (n = 2: gap × male coefficient), once violent (v = 1)",
                   v_in(v=1, n=2, first=30), fn))
    cs.append(case("static, woman, second sanction, never violent (female terms)", v_in(v=0, sex="female", n=2, first=30), fn))
    cs.append(case("static, man, 3 sanctions (career ln(3/(gap+12))), 2 violent (rate ln(2/(gap+30)))",
                   v_in(v=2, n=3, first=20), fn))
    cs.append(case("static, woman, 40 sanctions, 12 violent", v_in(v=12, sex="female", n=40, first=14), fn))
    cs.append(case("offence-free months 0: assessment before the start of follow-up",
                   v_in(conv="2026-05-01", fu="2026-09-01", ad="2026-07-01"), fn))
    cs.append(case("offence-free months 35", v_in(conv="2023-07-02", ad="2026-07-01"), fn))
    cs.append(case("offence-free months capped at 36", v_in(conv="2021-07-01", ad="2026-07-01"), fn))
    cs.append(case("dynamic: every required answer", v_in(v=3, dyn=full), fn))
    cs.append(case("dynamic, woman: every required answer (female dynamic polynomial)",
                   v_in(v=0, sex="female", n=2, first=30, dyn=full), fn))
    if serious:
        cs.append(case("dynamic: every kind of previous conviction, no weapon, no problems",
                       v_in(v=3, dyn=full | {"carrying_or_using_weapon": False, "previous_convictions": {k: True for k in PAST},
                                             "suitability_of_accommodation": "no_problems", "is_unemployed": False}), fn))
        for k in PAST:
            cs.append(case(f"dynamic: previous conviction {k} only", v_in(v=3, dyn=full | {"previous_convictions": {k: True}}), fn))
        cs.append(case("dynamic with previous convictions unanswered: falls back to static and lists the field",
                       v_in(dyn={k: x for k, x in full.items() if k != "previous_convictions"}), fn))
        cs.append(case("dynamic with the weapon answer missing: static", v_in(dyn={k: x for k, x in full.items()
                                                                                 if k != "carrying_or_using_weapon"}), fn))
    else:
        cs.append(case("dynamic: not living together, every drug answer with motivation (methadone term; no heroin "
                       "term; other-drug term shared)",
                       v_in(v=3, dyn=VRP_FULL | {"current_relationship_status": "not_living_together",
                                                 "motivation_to_tackle_drug_misuse": "no_motivation"}
                            | {f: True for f in DRUGS + ["has_methadone_usage"]}), fn))
        cs.append(case("dynamic with temper control missing: falls back to static and lists the field",
                       v_in(dyn={k: x for k, x in VRP_FULL.items() if k != "temper_control"}), fn))
        cs.append(case("dynamic with motivation missing and a drug answer true: static, motivation listed missing and "
                       "the drug answer inconsistent",
                       v_in(dyn={k: x for k, x in VRP_FULL.items() if k != "motivation_to_tackle_drug_misuse"}
                            | {"has_cannabis_usage": True}), fn))
        cs.append(case("pro-criminal attitudes is not a VRP answer: given or not, the score is dynamic",
                       v_in(v=3, dyn=VRP_FULL | {"pro_criminal_attitudes": "significant_problems"}), fn))
    cs.append(case("no dynamic answers: static, every required answer listed as missing", v_in(), fn))
    for cat in CATS:
        cs.append(case(f"category {cat.lower()}", v_in(v=2, cat=cat.lower(), n=4, first=18), fn))
    cs += edge_cases(fn, (1.0, 3.0, 6.9) if serious else (30.0, 60.0, 80.0), name)
    cs.append(case("sex not specified", v_in(sex="not_specified"), fn))
    cs.append(case("conviction on the date of birth", v_in(dob="2025-01-15"), fn))
    cs.append(case("first sanction after the age at conviction", v_in(first=40), fn))
    cs.append(case("conviction more than 3 months after the assessment", v_in(conv="2026-10-02"), fn))
    cs.append(case("category unknown", v_in(cat="unknown"), fn))
    cs.append(case("total sanctions 0", v_in(v=0, n=0), fn))
    cs.append(case("violent sanctions 6 above total 5", v_in(v=6, n=5), fn))
    cs.append(case("violent sanctions equal to the total (5 of 5): allowed", v_in(v=5, n=5), fn))
    cs.append(case("follow-up start on the date of birth", v_in(fu="1985-04-10"), fn))
    return {"description": f"{name} static and dynamic: each term, first/second/3+ sanctions, never/once/many violent, "
                           "both sexes, offence-free months 0/35/36, the dynamic fallback, every actuarial category, the "
                           "band edges and each validation error. Working: tools/predictor-tables/working.py "
                           "(exact-decimal transcription of the published coefficients).",
            "source": "docs/rules/predictors.md#vrp-and-svrp; ministryofjustice/hmpps-arns-risk-actuarial-api@016919c "
                      + ("SeriousViolentReoffendingPredictor*" if serious else "ViolentReoffendingPredictor*"),
            "function": "predictors.svrp" if serious else "predictors.vrp", "cases": cs}


# ---------------------------------------------------------------- IIC-SRP and CSRP
IIC_W = [Decimal(float(x)) for x in ("0.10310", "0.03328", "0.00926", "0.00634", "0.00281")]
RUNGS = ["two_or_more_images", "one_image", "two_or_more_contact_child", "one_contact_child",
         "non_contact_and_contact_adult"]


def iic(i):
    err = lambda k, f: {"error": {"kind": k, "field": f}}
    if i["sex"] not in ("male", "female"):
        return err("sex_not_specified", "sex")
    names = ["contact_adult_sexual_sanctions", "contact_child_sexual_sanctions", "non_contact_sexual_offences",
             "indecent_image_sanctions"]
    counts = [i.get(k) for k in names]
    fem = i["sex"] == "female"
    if not i["has_ever_committed_sexual_offence"]:
        if not fem:
            for k, c in zip(names, counts):
                if c:
                    return err("inconsistent_sexual_history", k)
        return {"score": 0.0, "band": "not_applicable", "weight": 0.0, "rung": None}, "no sexual history: not applicable, 0"
    for k, c in zip(names, counts):
        if c is None:
            return err("count_missing", k)
    adult, child, nc, img = counts
    if not fem:
        if sum(counts) == 0:
            return err("no_sexual_sanctions", "contact_adult_sexual_sanctions")
        if i.get("total_sanctions") is not None and sum(counts) > i["total_sanctions"]:
            return err("sexual_sanctions_exceed_total", "total_sanctions")
    if fem:
        k = None
    elif img >= 2:
        k = 0
    elif img == 1:
        k = 1
    elif child >= 2:
        k = 2
    elif child == 1:
        k = 3
    elif nc != 0 and adult != 0:
        k = 4
    else:
        k = None
    w = IIC_W[k] if k is not None else Decimal(0)
    score = float((w * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    band = "high" if k == 0 else "medium" if k == 1 else "low"
    rung = RUNGS[k] if k is not None else "none"
    return ({"score": score, "band": band, "weight": float(w), "rung": rung},
            f"{'a woman: weight 0' if fem else f'counts adult {adult}, child {child}, non-contact {nc}, images {img}: rung {rung}'}"
            f", weight {float(w)} × 100 → {score}; band {band}")


def iic_in(sex="male", has=True, n=10, adult=0, child=0, nc=0, img=0):
    i = {"sex": sex, "has_ever_committed_sexual_offence": has, "total_sanctions": n}
    for k, x in (("contact_adult_sexual_sanctions", adult), ("contact_child_sexual_sanctions", child),
                 ("non_contact_sexual_offences", nc), ("indecent_image_sanctions", img)):
        if x is not None:
            i[k] = x
    return i


def iic_vectors():
    cs = [case("2 image sanctions (first rung, even with contact child sanctions)", iic_in(img=2, child=3), iic),
          case("7 image sanctions", iic_in(img=7), iic),
          case("1 image sanction", iic_in(img=1, child=2), iic),
          case("no images, 2 contact child sanctions", iic_in(child=2, adult=1, nc=1), iic),
          case("no images, 1 contact child sanction", iic_in(child=1), iic),
          case("non-contact and contact adult both above 0", iic_in(adult=1, nc=2), iic),
          case("non-contact only (no contact adult): weight 0, low", iic_in(nc=3), iic),
          case("contact adult only: weight 0, low", iic_in(adult=2), iic),
          case("a woman with sexual history: weight 0, band low (not not-applicable)", iic_in(sex="female", img=3), iic),
          case("no sexual history: not applicable", iic_in(has=False, adult=None, child=None, nc=None, img=None), iic),
          case("no sexual history with zero counts: not applicable", iic_in(has=False), iic),
          case("no sexual history with a count above 0", iic_in(has=False, child=1), iic),
          case("sex not specified", iic_in(sex="not_specified", img=1), iic),
          case("a count missing for a man with sexual history", iic_in(img=None), iic),
          case("a count missing for a woman with sexual history (the service: UNEXPECTED_ERROR)",
               iic_in(sex="female", nc=None), iic),
          case("all four counts 0", iic_in(), iic),
          case("counts 3 + 2 above total sanctions 4", iic_in(n=4, adult=3, img=2), iic),
          case("counts 2 + 2 equal to total sanctions 4: allowed", iic_in(n=4, adult=2, img=2), iic)]
    return {"description": "IIC-SRP: every rung of the hierarchy, first match winning, the woman and no-history "
                           "cases and each validation error. Working: tools/predictor-tables/working.py.",
            "source": "docs/rules/predictors.md#iic-srp; ministryofjustice/hmpps-arns-risk-actuarial-api@016919c "
                      "ImagesAndIndirectContactSexualReoffendingPredictor*",
            "function": "predictors.iic_srp", "cases": cs}


def csrp(i):
    sv = svrp(i["svrp"])
    if isinstance(sv, dict):
        return {"error": {"kind": "component_refused", "field": "svrp"}}
    d = dc(i["dc_srp"])
    if isinstance(d, dict):
        return {"error": {"kind": "component_refused", "field": "dc_srp"}}
    di = i["dc_srp"]
    ii = iic({k: di.get(k) for k in ("sex", "has_ever_committed_sexual_offence", "total_sanctions",
                                     "contact_adult_sexual_sanctions", "contact_child_sexual_sanctions",
                                     "non_contact_sexual_offences", "indecent_image_sanctions")})
    if isinstance(ii, dict):
        return {"error": {"kind": "component_refused", "field": "iic_srp"}}
    fem = di["sex"] == "female" and di["has_ever_committed_sexual_offence"]
    f = float((Decimal(0.0038314176245211) * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)) if fem else 0.0
    total = sv[0]["score"] + d[0]["score"] + ii[0]["score"] + f
    score = float(Decimal(total).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    score = 0.0 if score <= 0 else 99.99 if score >= 100 else score
    band = "low" if score < 1 else "medium" if score < 3 else "high" if score < 6.9 else "very_high"
    out = {"score": score, "band": band, "kind": sv[0]["kind"], "svrp": sv[0]["score"], "svrp_band": sv[0]["band"],
           "dc_srp": d[0]["score"], "dc_srp_band": d[0]["band"], "iic_srp": ii[0]["score"], "iic_srp_band": ii[0]["band"],
           "female_sexual_offender": f}
    return out, (f"SVRP {sv[0]['score']} ({sv[1]}); DC-SRP {d[0]['score']} ({d[1]}); IIC-SRP {ii[0]['score']} ({ii[1]})"
                 + (f"; woman with sexual history + {f}" if fem else "") + f"; sum {total!r} → {score}; band {band}")


def c_in(sv=None, dcs=None):
    return {"svrp": sv or v_in(), "dc_srp": dcs or d_in()}


def csrp_vectors():
    none = d_in(has=False, adult=None, child=None, nc=None, img=None, sx=None)
    cs = [case("a man with no sexual history: CSRP = SVRP (DC-SRP and IIC-SRP not applicable, 0)",
               c_in(v_in(v=3, n=12, first=14), none), csrp),
          case("a man with contact adult and non-contact sanctions: SVRP + DC-SRP + IIC-SRP 0.28",
               c_in(v_in(v=3), d_in(n=5, adult=2, nc=1)), csrp),
          case("a man with 2 image sanctions: IIC-SRP 10.31 (very high)", c_in(v_in(v=1), d_in(n=5, adult=0, img=2)), csrp),
          case("a woman with sexual history: DC-SRP not applicable, IIC-SRP 0 (low), + 0.38",
               c_in(v_in(v=0, sex="female", n=2, first=30), d_in(sex="female", n=2, adult=1)), csrp),
          case("a woman with no sexual history: CSRP = SVRP", c_in(v_in(v=0, sex="female", n=2, first=30),
                                                                 d_in(sex="female", has=False, adult=None, sx=None)), csrp),
          case("SVRP dynamic: CSRP's kind is dynamic", c_in(v_in(v=3, dyn=SVRP_FULL), none), csrp),
          case("SVRP missing a dynamic answer is not a refusal: static", c_in(v_in(v=3, dyn={"temper_control": "some_problems"}), none), csrp),
          case("SVRP refuses (violent above total): CSRP refused naming svrp", c_in(v_in(v=9, n=5), none), csrp),
          case("DC-SRP refuses (no date of the last sexual offence): CSRP refused naming dc_srp",
               c_in(v_in(), d_in(sx=None)), csrp)]
    found = {}
    for n in range(1, 40, 3):
        for first in range(10, 40, 5):
            for v, dyn in ((0, None), (1, None), (3, None), (3, MAXED)):
                for adult, img in ((0, 0), (1, 0), (2, 0), (0, 1), (3, 1), (2, 1), (1, 1)):
                    sv = v_in(v=min(v, n), n=n, first=first, dyn=dyn)
                    dcs = none if adult + img == 0 else d_in(n=max(n, adult + img), adult=adult, img=img)
                    r = csrp(c_in(sv, dcs))
                    if not isinstance(r, tuple):
                        continue
                    s = r[0]["score"]
                    for edge in (1.0, 3.0, 6.9):
                        for side, ok in (("below", edge - 1.5 <= s < edge), ("at or above", edge <= s < edge + 1.5)):
                            cur = found.get((edge, side))
                            if ok and (cur is None or abs(s - edge) < abs(cur[0] - edge)):
                                found[(edge, side)] = (s, c_in(sv, dcs))
    cs += [case(f"CSRP band edge {edge}: score just {side}", i, csrp) for (edge, side), (s, i) in sorted(found.items())]
    return {"description": "CSRP: SVRP + DC-SRP + IIC-SRP (+ 0.38 for a woman with sexual history), its kind from SVRP, "
                           "component refusals and the 1/3/6.9 band edges. Working: tools/predictor-tables/working.py.",
            "source": "docs/rules/predictors.md#csrp; ministryofjustice/hmpps-arns-risk-actuarial-api@016919c "
                      "CombinedSeriousReoffendingPredictor*",
            "function": "predictors.csrp", "cases": cs}


# ---------------------------------------------------------------- DC-SRP
def dc(i):
    err = lambda k, f: {"error": {"kind": k, "field": f}}
    if i["sex"] not in ("male", "female"):
        return err("sex_not_specified", "sex")
    names = ["contact_adult_sexual_sanctions", "contact_child_sexual_sanctions", "non_contact_sexual_offences",
             "indecent_image_sanctions"]
    counts = [i.get(k) for k in names]
    if i["sex"] == "female" or not i["has_ever_committed_sexual_offence"]:
        if i["sex"] == "male":
            for k, c in zip(names, counts):
                if c:
                    return err("inconsistent_sexual_history", k)
        return {"band": "not_applicable", "score": 0.0, "points": None}, "woman or no sexual history: not applicable, score 0"
    for k, c in zip(names, counts):
        if c is None:
            return err("count_missing", k)
    n = i["total_sanctions"]
    if not 1 <= n <= 999:
        return err("total_sanctions_out_of_range", "total_sanctions")
    if sum(counts) == 0:
        return err("no_sexual_sanctions", "contact_adult_sexual_sanctions")
    if sum(counts) > n:
        return err("sexual_sanctions_exceed_total", "total_sanctions")
    dob = date.fromisoformat(i["date_of_birth"])
    if not i.get("most_recent_sexual_offence_date"):
        return err("sexual_offence_date_missing", "most_recent_sexual_offence_date")
    sx = date.fromisoformat(i["most_recent_sexual_offence_date"])
    if sx <= dob:
        return err("sexual_offence_date_not_after_birth", "most_recent_sexual_offence_date")
    if years(dob, sx) >= 110:
        return err("sexual_offence_date_out_of_range", "most_recent_sexual_offence_date")
    fu = date.fromisoformat(i["follow_up_start"])
    if fu <= dob:
        return err("follow_up_not_after_birth", "follow_up_start")
    af = years(dob, fu)
    if af >= 110:
        return err("follow_up_age_out_of_range", "follow_up_start")
    adult, child, nc, img = counts
    age_pts = 0 if af >= 60 else 14 - max(0, int((af - 18) / 3))
    asx = years(dob, sx)
    pts = {"contact_adult": min(adult, 3) * 5, "contact_child": min(child, 3) * 3, "non_contact": min(nc, 3) * 2,
           "age_at_follow_up": age_pts, "age_at_last_sexual_sanction": 5 if 16 <= asx <= 17 else 10 if asx >= 18 else 0,
           "total_sanctions": 6 if n >= 2 else 0, "stranger_victim": 4 if i.get("current_offence_against_stranger") else 0}
    total = sum(pts.values())
    pts["total"] = total
    if total == 0:
        return ({"band": "low", "probability": 0.0, "score": 0.0, "points": pts, "risk_reduction": None},
                "every item scores 0: 0 points → probability 0, band low")
    z = -8.633 + (0.1598 * total)
    p = math.exp(z) / (1.0 + math.exp(z))
    band = "low" if total <= 21 else "medium" if total <= 29 else "high" if total <= 35 else "very_high"
    ad = date.fromisoformat(i["assessment_date"])
    five = lambda d: int(months(d, ad) / 12) >= 5
    mro = i.get("most_recent_offence_date")
    red = (band != "low" and i["supervision_status"] != "custody" and (mro is None or five(date.fromisoformat(mro)))
           and five(sx) and five(fu))
    final = {"very_high": "high", "high": "medium", "medium": "low"}.get(band, band) if red else band
    score = float(half_up(p, "0.0001") * 100)
    out = {"band": final, "band_before_reduction": band, "probability": p, "score": score, "points": pts,
           "risk_reduction": red}
    work = (f"points {', '.join(f'{k} {v}' for k, v in pts.items() if k != 'total')} (age {af} at follow-up, "
            f"{asx} at last sexual offence) = {total}; p = logistic(−8.633 + 0.1598 × {total}) = {p:.8f} → {score}%; "
            f"band {band}" + (f", risk reduction → {final}" if red else ", no risk reduction"))
    return out, work


def d_in(sex="male", status="community", has=True, dob="1980-05-20", fu="2024-02-01", n=4, adult=1, child=0, nc=0,
         img=0, sx="2023-06-01", stranger=None, mro=None, ad="2026-07-01"):
    i = {"assessment_date": ad, "sex": sex, "supervision_status": status, "has_ever_committed_sexual_offence": has,
         "date_of_birth": dob, "follow_up_start": fu, "total_sanctions": n}
    for k, v in (("contact_adult_sexual_sanctions", adult), ("contact_child_sexual_sanctions", child),
                 ("non_contact_sexual_offences", nc), ("indecent_image_sanctions", img),
                 ("most_recent_sexual_offence_date", sx), ("current_offence_against_stranger", stranger),
                 ("most_recent_offence_date", mro)):
        if v is not None:
            i[k] = v
    return i


def dc_vectors():
    cs = []
    for k, step in (("adult", 5), ("child", 3), ("nc", 2)):
        for c in (1, 2, 3, 7):
            kw = {"adult": 0, "child": 0, "nc": 0, k: c}
            cs.append(case(f"{k} count {c}", d_in(n=10, **kw), dc))
    for age in (15, 18, 20, 21, 23, 24, 59, 60):
        dob = date(1990, 3, 10)
        fu = birthday(dob, age)
        cs.append(case(f"age {age} at follow-up start", d_in(dob=iso(dob), fu=iso(fu), sx=iso(birthday(dob, min(age, 30) - 1, 0)) if age > 15 else iso(birthday(dob, 14)), n=3), dc))
    for asx in (15, 16, 17, 18):
        dob = date(1990, 3, 10)
        cs.append(case(f"age {asx} at the last sexual offence", d_in(dob=iso(dob), sx=iso(birthday(dob, asx)), fu="2020-01-01"), dc))
    cs.append(case("one sanction in all (no total-sanctions points)", d_in(n=1), dc))
    cs.append(case("current victim a stranger (+4)", d_in(stranger=True), dc))
    cs.append(case("0 points: indecent images only, aged 60+ at follow-up, last sexual offence at 15, one sanction",
                   d_in(dob="1950-01-01", fu="2015-01-01", adult=0, img=1, n=1, sx="1965-06-01"), dc))
    # band edges 21/22, 29/30, 35/36 (custody: no reduction)
    for target in (21, 22, 29, 30, 35, 36, 64):
        found = None
        for fu_year in (2019, 2033, 2050):
          for adult in range(0, 4):
            for child in range(0, 4):
                for nc in range(0, 4):
                    for s in (False, True):
                        for n in (1, 12):
                            i = d_in(status="custody", dob="2000-01-01", fu=f"{fu_year}-01-01", sx="2018-06-01", adult=adult,
                                     child=child, nc=nc, img=0 if adult + child + nc else 1, n=n, stranger=s)
                            r = dc(i)
                            if isinstance(r, tuple) and r[0]["points"]["total"] == target and not found:
                                found = i
        if found:
            cs.append(case(f"{target} points, in custody (no reduction)", found, dc))
    base = dict(dob="1970-01-01", adult=3, child=3, nc=3, n=12, stranger=True, fu="2019-01-01", sx="2018-06-01",
                mro="2018-06-01", ad="2026-07-01")
    cs.append(case("very high, community, 7+ years since everything: risk reduction to high", d_in(**base), dc))
    cs.append(case("the same in custody: no risk reduction", d_in(**base | {"status": "custody"}), dc))
    cs.append(case("the same on remand: remand qualifies", d_in(**base | {"status": "remand"}), dc))
    cs.append(case("last offence 4 years 11 months before: no reduction", d_in(**base | {"mro": "2021-08-01"}), dc))
    cs.append(case("last offence exactly 5 years before: reduction", d_in(**base | {"mro": "2021-07-01"}), dc))
    cs.append(case("no last-offence date: skipped, reduction", d_in(**base | {"mro": None}), dc))
    cs.append(case("follow-up start 4 years before: no reduction", d_in(**base | {"fu": "2022-07-02"}), dc))
    cs.append(case("woman: not applicable", d_in(sex="female"), dc))
    cs.append(case("no sexual history, no counts: not applicable", d_in(has=False, adult=None, child=None, nc=None, img=None, sx=None), dc))
    cs.append(case("no sexual history but a non-zero count", d_in(has=False), dc))
    cs.append(case("sex not specified", d_in(sex="not_specified"), dc))
    cs.append(case("a count missing", d_in(nc=None), dc))
    cs.append(case("total sanctions 0", d_in(n=0), dc))
    cs.append(case("all four counts 0", d_in(adult=0), dc))
    cs.append(case("counts add up to more than the total", d_in(adult=3, child=2, n=4), dc))
    cs.append(case("no date of last sexual offence", d_in(sx=None), dc))
    cs.append(case("last sexual offence on the date of birth", d_in(sx="1980-05-20"), dc))
    cs.append(case("age 110 at the last sexual offence", d_in(dob="1900-01-01", sx="2010-06-01", fu="2012-01-01"), dc))
    cs.append(case("follow-up start before the date of birth", d_in(fu="1979-01-01"), dc))
    cs.append(case("age 110 at follow-up start", d_in(dob="1900-01-01", sx="2000-06-01", fu="2010-01-01"), dc))
    return {"description": "DC-SRP: each points item and tier, age bands, the 0-point case, the band edges, the risk "
                           "reduction and each of its conditions, not applicable, and each validation error. Working: "
                           "tools/predictor-tables/working.py.",
            "source": "docs/rules/predictors.md rule 6; ministryofjustice/hmpps-arns-risk-actuarial-api@016919c "
                      "DirectContactSexualReoffendingPredictor*; docs/rules/predictors.md#dc-srp",
            "function": "predictors.dc_srp", "cases": cs}


# ---------------------------------------------------------------- predictors(case, on)
def person(sex="male", dob="1980-06-15"):
    return {"crn": "X320741", "date_of_birth": dob, "sex": sex, "home_area": "C17"}


def community(conv, code=None, cat=None):
    e = {"offence_date": conv, "conviction_date": conv, "sentence_date": conv,
         "sentence": {"type": "community_order", "length": {"months": 12},
                      "requirements": [{"kind": "unpaid_work", "hours": 120}]}}
    if code:
        e["offence_code"] = code
    if cat:
        e["actuarial_category"] = cat
    return e


def custody(conv, release=None, code=None, cat=None):
    e = {"offence_date": conv, "conviction_date": conv, "sentence_date": conv,
         "sentence": {"type": "custody", "length": {"months": 24}}}
    if release:
        e["sentence"]["release_date"] = release
    if code:
        e["offence_code"] = code
    if cat:
        e["actuarial_category"] = cat
    return e


def scored(r):
    return {"status": "scored", "score": r[0]}


def case_vectors():
    cs = []
    hist = {"total_sanctions": 3, "age_at_first_sanction": 16, "has_ever_committed_sexual_offence": False}
    c = {"schema_version": 1, "person": person(), "events": [community("2020-03-01", "00100", "theft_non_motor")],
         "criminal_history": hist, "dynamic_answers": FULL}
    o = w_o3 = ogrs3(o3(n=3, first=16))
    a = arp(a_in(dob="1980-06-15", conv="2020-03-01", fu="2020-03-01", ad="2021-03-01", first=16, n=3, dyn=FULL))
    cs.append({"description": "community order, history, offence code and category, every dynamic answer, on "
                              "2021-03-01: OGRS3 (follow-up start = sentence date) " + w_o3[1] + "; ARP dynamic with 12 "
                              "offence-free months: " + a[1] + "; DC-SRP not applicable (no sexual history)",
               "input": {"case": c, "on": "2021-03-01"},
               "expected": {"event": 0, "ogrs3": scored(o), "arp": scored(a),
                            "dc_srp": {"status": "scored", "score": {"band": "not_applicable", "score": 0.0}}}})
    c2 = {"schema_version": 1, "person": person(), "events": [custody("2020-03-01", None, "00100", "theft_non_motor")],
          "criminal_history": hist}
    cs.append({"description": "custody with no release date yet: the start of follow-up is unknown, so nothing is computed "
                              "and each predictor lists the missing release date",
               "input": {"case": c2, "on": "2020-06-01"},
               "expected": {"event": 0,
                            "ogrs3": {"status": "not_computed", "missing": ["events[0].sentence.release_date"]},
                            "arp": {"status": "not_computed", "missing": ["events[0].sentence.release_date"]},
                            "dc_srp": {"status": "not_computed", "missing": ["events[0].sentence.release_date"]}}})
    sexual = {"total_sanctions": 4, "age_at_first_sanction": 20, "contact_adult_sexual_sanctions": 1,
              "contact_child_sexual_sanctions": 0, "non_contact_sexual_offences": 0, "indecent_image_sanctions": 0,
              "last_sexual_offence_date": "2014-05-01", "last_offence_date": "2014-05-01"}
    c3 = {"schema_version": 1, "person": person(), "events": [custody("2014-09-01", "2015-09-01", "00100")],
          "criminal_history": sexual}
    d = dc(d_in(dob="1980-06-15", fu="2015-09-01", n=4, adult=1, sx="2014-05-01", mro="2014-05-01", ad="2021-03-01"))
    o = ogrs3(o3(dob="1980-06-15", conv="2014-09-01", fu="2015-09-01", n=4, first=20))
    cs.append({"description": "released from custody on 2015-09-01 (follow-up start, and supervised in the community on "
                              "2021-03-01); sexual history taken from the counts (has_ever_committed_sexual_offence "
                              "absent, counts sum 1 > 0); OGRS3 " + o[1] + "; ARP not computed (no actuarial category); "
                              "DC-SRP " + d[1],
               "input": {"case": c3, "on": "2021-03-01"},
               "expected": {"event": 0, "ogrs3": scored(o),
                            "arp": {"status": "not_computed", "missing": ["events[0].actuarial_category"]},
                            "dc_srp": scored(d)}})
    vh = {"total_sanctions": 6, "age_at_first_sanction": 15, "violent_sanctions": 2,
          "has_ever_committed_sexual_offence": False}
    va = SVRP_FULL | VRP_FULL | {"previous_convictions": {"robbery": True}}
    cv = {"schema_version": 1, "person": person(), "events": [community("2020-03-01", "00100", "violence_against_the_person_abh_plus")],
          "criminal_history": vh, "dynamic_answers": va}
    vi = v_in(v=2, dob="1980-06-15", conv="2020-03-01", fu="2020-03-01", ad="2021-03-01", first=15, n=6,
              cat="violence_against_the_person_abh_plus", dyn=va)
    vr, sv = vrp(vi), svrp(vi)
    di = d_in(has=False, adult=None, child=None, nc=None, img=None, sx=None, dob="1980-06-15", fu="2020-03-01", n=6,
              ad="2021-03-01")
    cr = csrp({"svrp": vi, "dc_srp": di})
    cs.append({"description": "violent history (2 of 6 sanctions violent), VRP's and SVRP's answers, no sexual history, on "
                              "2021-03-01: VRP dynamic " + vr[1] + "; SVRP dynamic " + sv[1] + "; IIC-SRP not applicable; "
                              "CSRP " + cr[1],
               "input": {"case": cv, "on": "2021-03-01"},
               "expected": {"event": 0, "vrp": scored(vr), "svrp": scored(sv),
                            "iic_srp": {"status": "scored", "score": {"band": "not_applicable", "score": 0.0}},
                            "csrp": scored(cr)}})
    cv2 = {"schema_version": 1, "person": person(), "events": [community("2020-03-01", "00100", "theft_non_motor")],
           "criminal_history": {k: x for k, x in vh.items() if k != "violent_sanctions"}}
    cs.append({"description": "no violent_sanctions in the history: VRP and SVRP not computed and say so; CSRP not "
                              "computed with SVRP's missing field",
               "input": {"case": cv2, "on": "2021-03-01"},
               "expected": {"vrp": {"status": "not_computed", "missing": ["criminal_history.violent_sanctions"]},
                            "svrp": {"status": "not_computed", "missing": ["criminal_history.violent_sanctions"]},
                            "csrp": {"status": "not_computed", "missing": ["criminal_history.violent_sanctions"]}}})
    c4 = {"schema_version": 1, "person": person(), "events": [community("2020-03-01", "00100")], "criminal_history": hist}
    cs.append({"description": "no event convicted on or before the date: nothing computed",
               "input": {"case": c4, "on": "2019-01-01"},
               "expected": {"event": None, "ogrs3": {"status": "not_computed", "missing": ["events"]},
                            "arp": {"status": "not_computed", "missing": ["events"]},
                            "dc_srp": {"status": "not_computed", "missing": ["events"]}}})
    c5 = {"schema_version": 1, "person": person(), "events": [community("2020-03-01", "99999"), community("2016-03-01", "00100")],
          "criminal_history": hist}
    cs.append({"description": "the current event is the newest conviction on or before the date (events[0], 2020), "
                              "whose code 99999 has no OGRS3 group: refused, naming the field; an older event (2016) "
                              "is not used",
               "input": {"case": c5, "on": "2021-01-01"},
               "expected": {"event": 0, "ogrs3": {"status": "refused", "error": {"kind": "offence_code_not_mapped",
                                                                                  "field": "offence_code"}}}})
    cs.append({"description": "on a date before the 2020 conviction the 2016 event is current",
               "input": {"case": c5, "on": "2018-01-01"},
               "expected": {"event": 1, "ogrs3": scored(ogrs3(o3(dob="1980-06-15", conv="2016-03-01", n=3, first=16)))}})
    bad = {"schema_version": 1, "person": person(), "events": [community("2020-03-01", "0010")]}
    cs.append({"description": "an offence code that is not 5 digits fails case validation (offence_code_format)",
               "function": "case.validate", "input": {"case": bad}, "expected": {"valid": False, "issues": [
                   {"path": "events[0].offence_code", "rule": "offence_code_format"}]}})
    return cs


def case_docs():
    cs = case_vectors()
    val = [c for c in cs if c.get("function")]
    for c in val:
        del c["function"]
    pred = [c for c in cs if c not in val]
    bad_hist = {"schema_version": 1, "person": person(), "events": [community("2020-03-01")],
                "criminal_history": {"total_sanctions": 0, "age_at_first_sanction": 110}}
    val.append({"description": "criminal history out of range: total sanctions 0, age at first sanction 110",
                "input": {"case": bad_hist}, "expected": {"valid": False, "issues": [
                    {"path": "criminal_history.total_sanctions", "rule": "sanction_count_range"},
                    {"path": "criminal_history.age_at_first_sanction", "rule": "sanction_count_range"}]}})
    over = {"schema_version": 1, "person": person(), "events": [community("2020-03-01")],
            "criminal_history": {"total_sanctions": 2, "violent_sanctions": 3, "contact_adult_sexual_sanctions": 2,
                                 "indecent_image_sanctions": 1, "last_sexual_offence_date": "1979-01-01"}}
    val.append({"description": "violent sanctions 3 > total 2; sexual counts 2 + 1 > 2; last sexual offence before birth",
                "input": {"case": over}, "expected": {"valid": False, "issues": [
                    {"path": "criminal_history.violent_sanctions", "rule": "sanction_counts_exceed_total"},
                    {"path": "criminal_history.contact_adult_sexual_sanctions", "rule": "sanction_counts_exceed_total"},
                    {"path": "criminal_history.last_sexual_offence_date", "rule": "record_before_birth"}]}})
    return (
        {"description": "predictors(case, on): the current event, follow-up start from the sentence, what is missing, "
                        "refusals. Working as in the other predictor files.",
         "source": "docs/rules/predictors.md, §9b; docs/rules/predictors.md#from-a-case", "function": "predictors.case", "cases": pred},
        {"description": "validation of the predictor fields of the case format", "source": "docs/interchange.md; "
                        "docs/rules/predictors.md#from-a-case", "function": "case.validate", "cases": val})


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    case_doc, validation_doc = case_docs()
    for name, doc in (("ogrs3.json", ogrs3_vectors()), ("arp.json", arp_vectors()), ("dc_srp.json", dc_vectors()),
                      ("vrp.json", violent_vectors(False)), ("svrp.json", violent_vectors(True)),
                      ("iic_srp.json", iic_vectors()), ("csrp.json", csrp_vectors()),
                      ("case.json", case_doc), ("case_validation.json", validation_doc)):
        (OUT / name).write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
        print(name, len(doc["cases"]))


if __name__ == "__main__":
    main()
