"""Differential test of the columnar predictors: core's logit (``total``, before any rounding) equals a plain-Python
transcription of the published formulas (docs/rules/predictors.md) to 1e-9, on 100,000 synthetic inputs per
predictor, for OGRS3, ARP, VRP and SVRP (static and dynamic), and DC-SRP's and IIC-SRP's scores. The
transcription reads the coefficients from core/data/ (the vendored source files), not from core.
"""

from __future__ import annotations

import datetime
import json
import math
import os
import random
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import probation

np = pytest.importorskip("numpy")

ROWS = int(os.environ.get("PROBATION_PREDICTOR_DIFF_ROWS", "100000"))
DATA = Path(__file__).resolve().parents[2] / "core" / "data"

CATS = ["burglary_domestic", "burglary_other", "drunkenness", "drink_driving", "motoring_offences",
        "vehicle_related_theft", "fraud_and_forgery", "welfare_fraud", "drug_import_export_or_production",
        "drug_possession_or_supply", "violence_against_the_person_abh_plus", "violence_against_the_person_sub_abh",
        "public_order_and_harrassment", "weapons_non_firearm", "firearms_most_serious", "firearms_other",
        "handling_stolen_goods", "criminal_damage", "acquisitive_violence", "other_offences", "absconding_or_bail",
        "sexual_against_child", "sexual_not_against_child", "theft_non_motor"]


def kt(name: str) -> tuple[dict[str, float], dict[str, float]]:
    """A table of core/data/actuarial/coefficients.json (the service's coefficients; SVRP's categories added)."""
    t = json.loads((DATA / "actuarial" / "coefficients.json").read_text())["tables"][name]
    coefs = {n: float(v) for n, _, v in t["coefficients"]}
    cats = {c[0].lower(): float(sum((Decimal(x) for x in c[1:]), Decimal(0))) for c in t["categories"]}
    return coefs, cats


def years(a: datetime.date, b: datetime.date) -> int:
    m = (b.year * 12 + b.month) - (a.year * 12 + a.month) - (1 if b.day < a.day else 0)
    return m // 12


def months(a: datetime.date, b: datetime.date) -> int:
    return (b.year * 12 + b.month) - (a.year * 12 + a.month) - (1 if b.day < a.day else 0)


PROBLEMS = ["suitability_of_accommodation", "current_relationship_with_partner", "regular_offending_activities",
            "current_alcohol_use_problems", "excessive_alcohol_use", "impulsivity_problems", "pro_criminal_attitudes",
            "temper_control"]
FLAGS = ["is_unemployed", "evidence_of_domestic_abuse", "carrying_or_using_weapon", "has_heroin_usage",
         "has_methadone_usage", "has_other_opiate_usage", "has_crack_cocaine_usage", "has_powder_cocaine_usage",
         "has_misused_prescription_drug_usage", "has_benzodiazepines_usage", "has_cannabis_usage",
         "has_steroids_usage", "has_other_drugs_usage", "has_ketamine_usage", "has_spice_usage",
         "has_hallucinogens_usage", "has_solvents_usage"]
OTHER = FLAGS[12:]
PAST = ["PAST_HOMICIDE_OFFENCE", "PAST_GBH_OFFENCE", "PAST_KIDNAPPING_OFFENCE", "PAST_FIREARMS_OFFENCE",
        "PAST_ROBBERY_OFFENCE", "PAST_AGGRAVATED_BURGLARY_OFFENCE", "PAST_WEAPON_OFFENCE",
        "PAST_CRIMINAL_DAMAGE_OFFENCE", "PAST_ARSON_OFFENCE"]


def rows(seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    out = []
    for _ in range(ROWS):
        dob = datetime.date(1940, 1, 1) + datetime.timedelta(days=rng.randrange(0, 60 * 365))
        conv = dob + datetime.timedelta(days=rng.randrange(16 * 365, 75 * 365))
        fu = conv + datetime.timedelta(days=rng.randrange(0, 900))
        ad = fu + datetime.timedelta(days=rng.randrange(-60, 2000))
        if ad < conv:
            ad = conv
        n = rng.choice([1, 2, 3, rng.randrange(1, 120)])
        r = {"sex": rng.choice(["male", "female"]), "date_of_birth": dob, "conviction_date": conv,
             "follow_up_start": fu, "assessment_date": ad, "total_sanctions": n,
             "age_at_first_sanction": rng.randrange(10, years(dob, conv) + 1),
             "violent_sanctions": rng.choice([0, 1, rng.randrange(0, n + 1)]),
             "actuarial_category": rng.choice(CATS)}
        if rng.random() < 0.5:
            for k in PROBLEMS:
                r[k] = rng.randrange(0, 3)
            for k in FLAGS:
                r[k] = rng.randrange(0, 2)
            r["motivation_to_tackle_drug_misuse"] = rng.randrange(0, 3)
            r["current_relationship_status"] = rng.randrange(0, 3)
            r["previous_convictions"] = rng.randrange(0, 512)
        out.append(r)
    return out


def logistic_total(r: dict[str, Any], which: str) -> float:
    """The logit of ARP, VRP or SVRP for one row, in doubles, from the coefficient files."""
    file = {"arp": "AllReoffendingPredictor", "vrp": "ViolentReoffendingPredictor",
            "svrp": "SeriousViolentReoffendingPredictor"}[which]
    dynamic = "suitability_of_accommodation" in r
    c, cats = TABLES[(file, dynamic)]
    g = lambda k: c.get(k, 0.0)  # noqa: E731
    sx = "FEMALE" if r["sex"] == "female" else "MALE"
    dob, conv, fu, ad = r["date_of_birth"], r["conviction_date"], r["follow_up_start"], r["assessment_date"]
    a = years(dob, fu)
    m = 0 if ad < fu else min(months(fu, ad), 36)
    n, first = r["total_sanctions"], r["age_at_first_sanction"]
    gap = years(dob, conv) - first
    v = r["violent_sanctions"] if which != "arp" else 0
    t = [g("TWO_YEAR_CONSTANT"), g(f"AAI_{sx}") * a, g(f"AAI_QUADRATIC_{sx}") * a * a,
         g(f"AAI_CUBIC_{sx}") * a ** 3, g(f"AAI_QUARTIC_{sx}") * a ** 4, g("FEMALE") if sx == "FEMALE" else 0.0,
         cats[r["actuarial_category"]], g("FIRST_SANCTION") if n == 1 else 0.0,
         g("SECOND_SANCTION") if n == 2 else 0.0, n * g("SANCTION_OCCASIONS"),
         gap * g(f"YRS_BETWEEN_FIRST_AND_SECOND_SANCTION_{sx}") if n == 2 else 0.0,
         g("OFFENCE_FREE_MONTHS") * m, g("OFFENCE_FREE_MONTHS_QUADRATIC") * m * m,
         g("OFFENCE_FREE_MONTHS_CUBIC") * m ** 3, g("OFFENCE_FREE_MONTHS_QUARTIC") * m ** 4]
    if n >= 3:
        if which == "arp":
            ln = math.log(n / (gap + 26))
            t += [g(f"THREE_PLUS_SANCTIONS_COPAS_G_{sx}") * ln, g(f"THREE_PLUS_SANCTIONS_COPAS_SQUARED_{sx}") * ln * ln]
        else:
            t.append(g(f"THREE_PLUS_SANCTIONS_COPAS_V_{sx}") * math.log(n / (gap + 12)))
    if which != "arp":
        t += [g(f"NEVER_VIOLENT_{sx}") if v == 0 else 0.0, g("ONCE_VIOLENT") if v == 1 else 0.0,
              v * g("VIOLENT_SANCTIONS"), g("VIOLENT_RATE") * math.log(v / (gap + 30)) if v > 0 else 0.0]
    if dynamic:
        f = lambda k: r[k] == 1  # noqa: E731
        lt = r["current_relationship_status"] == 1
        t += [r["suitability_of_accommodation"] * g("ACCOMMODATION_SUITABILITY"),
              2 * g("UNEMPLOYED") if f("is_unemployed") else 0.0,
              r["current_alcohol_use_problems"] * g("CHRONIC_DRINKING"), r["temper_control"] * g("TEMPER"),
              r["pro_criminal_attitudes"] * g("PRO_CRIMINAL_ATTITUDE")]
        if which == "svrp":
            t.append(g("CARRY_OR_USE_WEAPON") if f("carrying_or_using_weapon") else 0.0)
            t += [g(k) for i, k in enumerate(PAST) if r["previous_convictions"] & (1 << i)]
        else:
            t += [g("LIVE_IN_RELATIONSHIP") if lt else 0.0,
                  r["current_relationship_with_partner"] * g("RELATIONSHIP_QUALITY"),
                  r["current_relationship_with_partner"] * g("QUALITY_OF_LIVE_IN_RELATIONSHIP") if lt else 0.0,
                  g("DOMESTIC_ABUSE") if f("evidence_of_domestic_abuse") else 0.0,
                  r["regular_offending_activities"] * g("ACTIVITIES_ENCOURAGE_OFFENDING"),
                  r["motivation_to_tackle_drug_misuse"] * g("MOTIVATION_TO_TACKLE_DRUG_MISUSE"),
                  r["excessive_alcohol_use"] * g("BINGE_DRINKING"), r["impulsivity_problems"] * g("IMPULSIVITY"),
                  g("OTHER_DRUGS") if any(f(k) for k in OTHER) else 0.0]
            for k, coef in (("has_heroin_usage", "HEROIN"), ("has_methadone_usage", "METHADONE"),
                            ("has_other_opiate_usage", "OTHER_OPIATE"), ("has_crack_cocaine_usage", "CRACK_COCAINE"),
                            ("has_powder_cocaine_usage", "POWDER_COCAINE"),
                            ("has_misused_prescription_drug_usage", "PRESCRIPTION_DRUG_MISUSE"),
                            ("has_benzodiazepines_usage", "BENZODIAZEPINES"), ("has_cannabis_usage", "CANNABIS"),
                            ("has_steroids_usage", "STEROIDS")):
                t.append(g(coef) if f(k) else 0.0)
    return math.fsum(t)


TABLES = {(f, d): kt(f + ("Dynamic" if d else "Static")) for f in
          ("AllReoffendingPredictor", "ViolentReoffendingPredictor", "SeriousViolentReoffendingPredictor")
          for d in (False, True)}


def columns(rs: list[dict[str, Any]]) -> dict[str, list[Any]]:
    keys = {k for r in rs for k in r}
    return {k: [r.get(k, -1) for r in rs] for k in keys}


@pytest.mark.parametrize("which", ["arp", "vrp", "svrp"])
def test_logistic_predictors_match_transcription(which: str) -> None:
    rs = rows({"arp": 1, "vrp": 2, "svrp": 3}[which])
    # Every dynamic row has every answer; VRP needs motivation and temper, SVRP the previous convictions: given.
    out = probation.predict_columns(which, columns(rs))
    worst = 0.0
    for i, r in enumerate(rs):
        if out["error"][i] is not None:
            assert out["error"][i] == "score_zero", (i, out["error"][i])
            continue
        want = logistic_total(r, which)
        worst = max(worst, abs(out["total"][i] - want))
        assert abs(out["total"][i] - want) <= 1e-9, (i, r, out["total"][i], want)
        assert (out["kind"][i] == "dynamic") == ("suitability_of_accommodation" in r)
        assert abs(out["probability"][i] - 1 / (1 + math.exp(-want))) <= 1e-9
    assert worst <= 1e-9


OGRS3_BANDS = [(10, 0, 0.785), (12, 0.08392, 0.61385), (14, 0.07578, 0.66952), (16, -0.0616, -0.9592),
               (18, -0.6251, -0.8975), (21, -1.0515, -1.0285), (25, -1.1667, -1.0528), (30, -1.326, -1.1291),
               (35, -1.368, -1.4219), (40, -1.4997, -1.5247), (50, -2.0253, -2.4498)]


def test_ogrs3_matches_transcription() -> None:
    import json

    codes = json.loads((DATA / "ogrs3_offence_codes.json").read_text())["codes"]
    weighted = [c for c in codes if c["errorCode"] is None and c["ogrs3Weighting"] is not None]
    rng = random.Random(4)
    rs = rows(5)
    for r in rs:
        r["offence_code"] = rng.choice(weighted)["code"]
    out = probation.predict_columns("ogrs3", columns(rs))
    weight = {c["code"]: c["ogrs3Weighting"] for c in weighted}
    for i, r in enumerate(rs):
        dob, conv, fu = r["date_of_birth"], r["conviction_date"], r["follow_up_start"]
        ac, af, n = years(dob, conv), years(dob, fu), r["total_sanctions"]
        age_sex = [b for b in OGRS3_BANDS if af >= b[0]][-1][2 if r["sex"] == "female" else 1]
        status = 0.12614 if n == 1 else 0.46306
        copas = 1.25112 * math.log(n / (10 + ac - r["age_at_first_sanction"]))
        want = age_sex + status + copas + weight[r["offence_code"]]
        assert out["error"][i] is None, (i, out["error"][i])
        assert abs(out["total"][i] - want) <= 1e-9, (i, r, out["total"][i], want)


def test_sexual_predictors_match_transcription() -> None:
    rng = random.Random(6)
    rs = []
    for r in rows(7):
        adult, child, nc, img = (rng.choice([0, 0, 1, 2, 5]) for _ in range(4))
        if adult + child + nc + img == 0:
            img = 1
        r.update(sex="male", has_ever_committed_sexual_offence=1, contact_adult_sexual_sanctions=adult,
                 contact_child_sexual_sanctions=child, non_contact_sexual_offences=nc, indecent_image_sanctions=img,
                 total_sanctions=max(r["total_sanctions"], adult + child + nc + img),
                 most_recent_sexual_offence_date=r["conviction_date"])
        rs.append(r)
    iic = probation.predict_columns("iic_srp", columns(rs))
    dc = probation.predict_columns("dc_srp", columns(rs))
    w = [0.10310, 0.03328, 0.00926, 0.00634, 0.00281]
    for i, r in enumerate(rs):
        a, c, nc, img = (r[k] for k in ("contact_adult_sexual_sanctions", "contact_child_sexual_sanctions",
                                        "non_contact_sexual_offences", "indecent_image_sanctions"))
        want = (w[0] if img >= 2 else w[1] if img == 1 else w[2] if c >= 2 else w[3] if c == 1
                else w[4] if nc and a else 0.0)
        assert iic["total"][i] == want, (i, r)
        af, asx = years(r["date_of_birth"], r["follow_up_start"]), years(r["date_of_birth"], r["conviction_date"])
        points = (min(a, 3) * 5 + min(c, 3) * 3 + min(nc, 3) * 2 + (0 if af >= 60 else 14 - max(0, (af - 18) // 3))
                  + (5 if 16 <= asx <= 17 else 10 if asx >= 18 else 0) + (6 if r["total_sanctions"] >= 2 else 0))
        assert dc["error"][i] is None, (i, dc["error"][i])
        assert dc["total"][i] == points, (i, r)
        z = -8.633 + 0.1598 * points
        want_p = 0.0 if points == 0 else math.exp(z) / (1 + math.exp(z))
        assert abs(dc["probability"][i] - want_p) <= 1e-12
