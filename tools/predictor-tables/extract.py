#!/usr/bin/env python3
"""Extracts the coefficients of the HMPPS actuarial service's Kotlin source, once, into core/data/actuarial/coefficients.json.

    python3 tools/predictor-tables/extract.py GIT_DIR           # write the data file
    python3 tools/predictor-tables/extract.py GIT_DIR --check   # exit 1 if the data file differs from the source

GIT_DIR is a clone of ministryofjustice/hmpps-arns-risk-actuarial-api (bare or not); the files are read with
`git show` at COMMIT, so the clone's checked-out branch does not matter. Each coefficient keeps the source's text
exactly: `BigDecimal(<double>)` as the double's literal, a category's `BigDecimal("<decimal>")` as the decimal
string, and SVRP's `BigDecimal("a").add(BigDecimal("b"))` as its two addends (the generator adds them in decimal).
`tools/predictor-tables/generate.py` then writes core/src/predictors/coefficients.rs from the data file.
"""
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "core" / "data" / "actuarial" / "coefficients.json"
REPOSITORY = "ministryofjustice/hmpps-arns-risk-actuarial-api"
COMMIT = "016919c5305b083e690a145856909c7b6de8c6a1"
SERVICE = "src/main/kotlin/uk/gov/justice/digital/hmpps/arnsriskactuarialapi/service"
PATH = f"{SERVICE}/coefficients"
# The three predictors' constants (career boosts, band edges): nothing is generated from them; core's Rust writes
# them out with the file named (core/src/predictors/{arp,logistic}.rs), to be read against this data file.
CONSTANTS_PATH = f"{SERVICE}/constants"
CONSTANTS = ["AllReoffendingPredictorConstant", "ViolentReoffendingPredictorConstant",
             "SeriousViolentReoffendingPredictorConstant"]
CONST_LINE = re.compile(r"^\s*const val ([A-Z0-9_]+) = ([-0-9.eE]+)\s*$")
FILES = [
    "AllReoffendingPredictorStatic", "AllReoffendingPredictorDynamic",
    "ViolentReoffendingPredictorStatic", "ViolentReoffendingPredictorDynamic",
    "SeriousViolentReoffendingPredictorStatic", "SeriousViolentReoffendingPredictorDynamic",
    "ImagesAndIndirectContactSexualReoffendingPredictorStatic", "CombinedSeriousReoffendingPredictor",
]
ENUM_LINE = re.compile(r'^\s*([A-Z0-9_]+)\("([^"]*)",\s*BigDecimal\(([-0-9.eE]+)\)\),\s*$')
CAT_LINE = re.compile(r'^\s*ActuarialCategory\.([A-Z_]+)\s*->\s*BigDecimal\("([-0-9.eE]+)"\)'
                      r'(?:\.add\(BigDecimal\("([-0-9.eE]+)"\)\))?\s*$')


def table(text):
    """The enum entries `[name, label, value]` and the category lines `[category, addend, ...]`, in file order."""
    coefficients, categories = [], []
    for line in text.splitlines():
        if m := ENUM_LINE.match(line):
            coefficients.append(list(m.groups()))
        elif m := CAT_LINE.match(line):
            categories.append([g for g in m.groups() if g is not None])
    out = {"coefficients": coefficients}
    if categories:
        out["categories"] = categories
    return out


def show(git_dir, path):
    return subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{COMMIT}:{path}"],
                          capture_output=True, text=True, check=True).stdout


def document(git_dir):
    tables = {name: table(show(git_dir, f"{PATH}/{name}.kt")) for name in FILES}
    constants = {name: [list(m.groups()) for line in show(git_dir, f"{CONSTANTS_PATH}/{name}.kt").splitlines()
                        if (m := CONST_LINE.match(line))] for name in CONSTANTS}
    return {
        "source": {"repository": REPOSITORY, "commit": COMMIT, "path": PATH,
                   "licence": "MIT, Crown copyright (core/data/actuarial/LICENSE)"},
        "extracted_by": "python3 tools/predictor-tables/extract.py GIT_DIR",
        "format": "per source file (named without .kt): coefficients [enum name, label, BigDecimal(<double>) literal] "
                  "and, for the logistic tables, categories [ActuarialCategory, decimal, (decimal added)] in file order; "
                  "constants: each [const val name, value] of the files at constants_path",
        "tables": tables,
        "constants_path": CONSTANTS_PATH,
        "constants": constants,
    }


def render(doc):
    """One table row a line: small enough to review against the source, stable for --check."""
    lines = ["{"]
    for key in ("source", "extracted_by", "format"):
        lines.append(f" {json.dumps(key)}: {json.dumps(doc[key], ensure_ascii=False)},")
    lines.append(' "tables": {')
    names = list(doc["tables"])
    for i, name in enumerate(names):
        t = doc["tables"][name]
        lines.append(f"  {json.dumps(name)}: {{")
        parts = [k for k in ("coefficients", "categories") if k in t]
        for j, key in enumerate(parts):
            rows = ",\n".join(f"    {json.dumps(r)}" for r in t[key])
            lines.append(f'   "{key}": [\n{rows}\n   ]' + ("," if j + 1 < len(parts) else ""))
        lines.append("  }" + ("," if i + 1 < len(names) else ""))
    lines.append(" },")
    lines.append(f' "constants_path": {json.dumps(doc["constants_path"])},')
    lines.append(' "constants": {')
    names = list(doc["constants"])
    for i, name in enumerate(names):
        lines.append(f"  {json.dumps(name)}: {json.dumps(doc['constants'][name])}" + ("," if i + 1 < len(names) else ""))
    lines.append(" }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    args = [a for a in sys.argv[1:] if a != "--check"]
    if len(args) != 1:
        raise SystemExit(__doc__)
    text = render(document(Path(args[0])))
    assert json.loads(text)  # the rendering is JSON
    if "--check" in sys.argv[1:]:
        if not OUT.exists() or OUT.read_text() != text:
            print(f"{OUT.relative_to(ROOT)} differs from {REPOSITORY}@{COMMIT[:12]} (rerun extract.py)")
            sys.exit(1)
    else:
        OUT.write_text(text)


if __name__ == "__main__":
    main()
