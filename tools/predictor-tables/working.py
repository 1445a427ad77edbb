#!/usr/bin/env python3
"""Hand working for the predictor vectors in tests/vectors/predictors/: a plain transcription of the published
formulas (docs/rules/predictors.md, docs/rules/predictors.md) written independently of core's Rust, used to do the arithmetic written into
each vector's description. OGRS3 in doubles as the service; ARP in exact decimals (34 digits for ln/exp/division)
as the service's BigDecimal code. It reads coefficients from core/data/ (the OGRS3 data file, the ARP coefficients extracted from the service), not
from core.

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


def arp_set(column):
    """One set's coefficients from core/data/actuarial/arp_coefficients.csv (the upstream literals)."""
    coefs, cats = {}, {}
    lines = (ROOT / "core/data/actuarial/arp_coefficients.csv").read_text().splitlines()
    rows = [line.split(",") for line in lines if line and not line.startswith("#")]
    col = rows[0].index(column)
    for row in rows[1:]:
        name, value = row[0], row[col]
        if not value:
            continue
        if name.startswith("category:"):
            cats[name.removeprefix("category:").lower()] = Decimal(value)
        else:
            coefs[name] = Decimal(float(value))  # BigDecimal(double): the double's exact value
    return coefs, cats


STATIC = arp_set("static")
DYNAMIC = arp_set("dynamic")
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


def arp(i):
    err = lambda k, f: {"error": {"kind": k, "field": f}}
    if i["sex"] not in ("male", "female"):
        return err("sex_not_specified", "sex")
    fem = i["sex"] == "female"
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
    if fu0 is not None:
        if fu0 <= dob:
            return err("follow_up_not_after_birth", "follow_up_start")
        if years(dob, fu0) >= 110:
            return err("follow_up_age_out_of_range", "follow_up_start")
    fu = fu0 or conv
    af = years(dob, fu)
    ofm = 0 if ad < fu else min(months(fu, ad), 36)
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
                      ("case.json", case_doc), ("case_validation.json", validation_doc)):
        (OUT / name).write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
        print(name, len(doc["cases"]))


if __name__ == "__main__":
    main()
