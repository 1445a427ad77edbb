#!/usr/bin/env bash
# Runs the Kotlin binding's timing benchmark (src/test/kotlin/probation/bench/Benchmark.kt) against a release
# build of the library. Usage: bash bindings-kotlin/bench.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/build-kotlin.sh   # debug build: generates the Kotlin (needs the unstripped library)
cargo build -q --release -p probation-kotlin
cd bindings-kotlin
mvn -B -q test-compile exec:java -Dprobation.libdir="${CARGO_TARGET_DIR:-$root/target}/release"
