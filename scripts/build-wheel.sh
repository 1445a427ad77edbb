#!/usr/bin/env bash
# Builds the one wheel an analyst installs without Rust: abi3 (every CPython from 3.10), manylinux, x86-64 Linux,
# into target/wheels/, and prints its path on the last line of stdout.
#
#   bash scripts/build-wheel.sh            (from anywhere; needs cargo and a Python with maturin, e.g. .venv)
#
# maturin picks the lowest manylinux tag the native module's glibc symbols allow (its auditwheel check); this
# script then checks the module against the documented glibc floor (scripts/check-glibc.sh, docs/python.md#the-wheel)
# and that the wheel's tag agrees with what the module needs. MATURIN=path overrides the maturin to use.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
MATURIN="${MATURIN:-$ROOT/.venv/bin/maturin}"
OUT="$ROOT/target/wheels"
rm -f "$OUT"/probation-*.whl
(
    cd bindings-python
    unset PYO3_BUILD_EXTENSION_MODULE
    "$MATURIN" build --quiet --release --target-dir "$ROOT/target/maturin" --out "$OUT" >&2
)
wheel="$(ls "$OUT"/probation-*.whl)"
[[ "$(echo "$wheel" | wc -l)" == 1 ]] || { echo "build-wheel: expected one wheel in $OUT" >&2; exit 1; }
case "$wheel" in
    *-cp310-abi3-manylinux_*_x86_64.whl) ;;
    *) echo "build-wheel: $wheel is not an abi3 manylinux wheel" >&2; exit 1 ;;
esac
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 -m zipfile -e "$wheel" "$tmp"
so="$(ls "$tmp"/probation/_probation*.so)"
bash scripts/check-glibc.sh "$so" >&2
need="$(objdump -T "$so" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)"
tag="$(basename "$wheel" | sed -E 's/.*manylinux_([0-9]+)_([0-9]+)_x86_64\.whl/\1.\2/')"
if [[ "$(printf '%s\n%s\n' "$need" "$tag" | sort -V | tail -1)" != "$tag" ]]; then
    echo "build-wheel: the module needs glibc $need but the wheel is tagged manylinux $tag" >&2
    exit 1
fi
echo "build-wheel: $(basename "$wheel") (module needs glibc $need)" >&2
echo "$wheel"
