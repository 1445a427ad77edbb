#!/usr/bin/env bash
# Fails when the native library bundled in the JVM artifact needs a newer glibc than the documented floor
# (docs/kotlin.md#the-artifact). Usage: bash scripts/check-glibc.sh [LIB] (default target/release/libprobation_kotlin.so)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
lib="${1:-${CARGO_TARGET_DIR:-target}/release/libprobation_kotlin.so}"
floor=2.34
[[ -f "$lib" ]] || { echo "check-glibc: $lib not found" >&2; exit 1; }
need="$(objdump -T "$lib" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)"
if [[ "$(printf '%s\n%s\n' "$need" "$floor" | sort -V | tail -1)" != "$floor" ]]; then
    echo "check-glibc: $lib needs glibc $need, above the documented $floor; update docs/kotlin.md or build on an older base" >&2
    exit 1
fi
echo "check-glibc: $lib needs glibc $need (floor $floor): ok"
