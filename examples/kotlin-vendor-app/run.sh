#!/usr/bin/env bash
# Installs the JVM artifact (mvn -f bindings-kotlin install) and runs this example against it by its coordinates.
# Usage (from anywhere): bash examples/kotlin-vendor-app/run.sh [CASE_FILE] [--on YYYY-MM-DD] [--policy NAME] [--show N]
# CASE_FILE defaults to examples/data/caseload.jsonl; a relative path is taken from the repo root. With the
# artifact already installed, `mvn -q` in this folder is all it takes.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
[[ "${PROBATION_SKIP_INSTALL:-}" == 1 ]] || mvn -B -q -f bindings-kotlin install -DskipTests -Dprobation.skipDokka=true
args=()
for a in "$@"; do
    if [[ "$a" != --* && -e "$a" ]]; then args+=("$(realpath "$a")"); else args+=("$a"); fi
done
[[ ${#args[@]} -eq 0 || "${args[0]}" == --* ]] && args=("$root/examples/data/caseload.jsonl" "${args[@]}")
cd examples/kotlin-vendor-app
mvn -B -q compile exec:java -Dexec.args="${args[*]}"
