#!/usr/bin/env bash
# Builds the Kotlin binding, compiles this example and runs it on a case file.
# Usage (from anywhere): bash examples/kotlin-vendor-app/run.sh [CASE_FILE] [--on YYYY-MM-DD] [--policy NAME] [--show N]
# CASE_FILE defaults to examples/data/caseload.jsonl; a relative path is taken from the repo root.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
source scripts/build-kotlin.sh
args=()
for a in "$@"; do
    if [[ "$a" != --* && -e "$a" ]]; then args+=("$(realpath "$a")"); else args+=("$a"); fi
done
[[ ${#args[@]} -eq 0 || "${args[0]}" == --* ]] && args=("$root/examples/data/caseload.jsonl" "${args[@]}")
cd examples/kotlin-vendor-app
mvn -B -q compile exec:java -Dprobation.libdir="$KOTLIN_LIBDIR" -Dexec.args="${args[*]}"
