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

# 1-2. The native library and the generated Kotlin API.
source scripts/build-kotlin.sh
libdir="$KOTLIN_LIBDIR"

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
[[ "$status" == 0 ]] || exit "$status"

# 4. The artifact (release library bundled as linux-x86-64/libprobation_kotlin.so, sources and javadoc jars)
#    installed into ~/.m2, its glibc floor, and both vendor apps run against it by coordinates, with nothing
#    on the command line about native libraries.
(cd bindings-kotlin && mvn -B -q install -DskipTests -Dprobation.skipCargo=false)
bash scripts/check-glibc.sh
(cd examples/kotlin-vendor-app && mvn -B -q compile exec:java)
(cd examples/java-vendor-app && mvn -B -q compile exec:java)
