#!/usr/bin/env bash
# Builds the Kotlin binding from scratch and runs its Maven tests (every shared vector, the error mapping,
# object lifetimes, many JVM threads). Run from the repo root: `bash scripts/test-kotlin.sh`.
# Needs cargo, a JDK (17+) and Maven; Maven downloads its own dependencies. Idempotent; exits non-zero on failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v mvn >/dev/null 2>&1; then
    echo "test-kotlin: installing maven" >&2
    apt-get update -qq && apt-get install -y -qq maven >/dev/null
fi

target_dir="${CARGO_TARGET_DIR:-$PWD/target}"
libdir="$target_dir/debug"
generated=bindings-kotlin/target/generated-sources/uniffi

# 1. The native library (unstripped debug build: bindgen reads uniffi's metadata from it) and the generator,
#    built together so that uniffi is compiled once.
cargo build -q -p probation-kotlin -p uniffi-bindgen

# 2. The Kotlin API, generated in library mode (needs `cargo metadata`, so it runs inside the workspace).
rm -rf "$generated"
"$libdir/uniffi-bindgen" generate --no-format --language kotlin --out-dir "$generated" \
    "$libdir/libprobation_kotlin.so"

# 3. Compile the generated and hand-written Kotlin and run the JUnit 5 tests.
rm -rf bindings-kotlin/target/surefire-reports
status=0
(cd bindings-kotlin && mvn -B -q test -Dprobation.libdir="$libdir") || status=$?

# Maven is quiet (-q): print the totals from the surefire reports.
python3 - bindings-kotlin/target/surefire-reports <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
run = fail = skip = 0
for f in glob.glob(sys.argv[1] + "/TEST-*.xml"):
    s = ET.parse(f).getroot()
    run += int(s.get("tests", 0)); skip += int(s.get("skipped", 0))
    fail += int(s.get("failures", 0)) + int(s.get("errors", 0))
print(f"kotlin: {run - fail - skip} passed, {fail} failed, {skip} skipped")
PY
exit "$status"
