#!/usr/bin/env bash
# Builds the Python package `probation` and runs its tests, from a fresh machine.
#
#   bash scripts/test-python.sh            (from the repository root; idempotent)
#
# 1. creates .venv (python3 -m venv) unless it exists, installs maturin, pytest, hypothesis, mypy, numpy, pandas,
#    pyarrow, matplotlib, polars, duckdb (bindings-python/requirements-dev.txt) and pyspark
#    (requirements-spark.txt; PROBATION_NO_SPARK=1 skips it);
# 2. builds the release wheel once (scripts/build-wheel.sh: abi3 manylinux, glibc checked) and installs that
#    wheel into the venv, so the release module is compiled once and the tests run what analysts install; with
#    MATURIN_FLAGS set (even empty: `MATURIN_FLAGS= bash scripts/test-python.sh` is a debug build) it uses
#    `maturin develop $MATURIN_FLAGS` instead, for quick local loops. Either way maturin has its own target dir
#    so cargo and maturin do not rebuild pyo3 for each other;
# 3. runs pytest (every shared vector, error mapping, round-trips, the differential test, the docs' examples);
# 4. checks the hand-written stub against the binary (mypy.stubtest) and type-checks the package (mypy);
# 5. (wheel only) installs the wheel into a fresh venv with no cargo on PATH and runs README.md's Python quick
#    start there (the block after `<!-- quick-start:python`), from the repository root.
# Exits non-zero on the first failure.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"

if [ ! -x "$PY" ]; then
    echo "== creating $VENV"
    python3 -m venv "$VENV"
fi
echo "== installing test dependencies"
"$PY" -m pip install --quiet --disable-pip-version-check -r bindings-python/requirements-dev.txt
# pyspark (~490 MB, for the Spark local-mode test on the JDK the Kotlin binding needs): PROBATION_NO_SPARK=1 skips it
# (tests/test_spark.py then skips itself).
if [ -z "${PROBATION_NO_SPARK:-}" ]; then
    "$PY" -m pip install --quiet --disable-pip-version-check -r bindings-python/requirements-spark.txt
fi

WHEEL=""
if [ -n "${MATURIN_FLAGS+set}" ]; then
    echo "== building probation (maturin develop $MATURIN_FLAGS)"
    (
        cd bindings-python
        unset PYO3_BUILD_EXTENSION_MODULE
        VIRTUAL_ENV="$VENV" PATH="$VENV/bin:$PATH" \
            "$VENV/bin/maturin" develop --quiet --target-dir "$ROOT/target/maturin" $MATURIN_FLAGS
    )
else
    echo "== building the wheel (scripts/build-wheel.sh) and installing it"
    WHEEL="$(MATURIN="$VENV/bin/maturin" bash scripts/build-wheel.sh | tail -1)"
    "$PY" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$WHEEL"
fi

echo "== pytest"
(cd bindings-python && "$PY" -m pytest -q -p no:cacheprovider)

echo "== stubtest"
(cd bindings-python && "$PY" -m mypy.stubtest --allowlist stubtest-allowlist.txt probation._probation)

echo "== mypy"
(cd bindings-python && "$PY" -m mypy --strict python/probation)

if [ -n "$WHEEL" ]; then
    echo "== the wheel in a fresh venv without cargo: README's Python quick start"
    FRESH="$ROOT/target/wheel-venv"
    rm -rf "$FRESH"
    python3 -m venv "$FRESH"
    BARE="$FRESH/bin:/usr/bin:/bin"
    if env PATH="$BARE" sh -c 'command -v cargo rustc' >/dev/null; then
        echo "cargo or rustc is on the bare PATH" >&2
        exit 1
    fi
    env PATH="$BARE" "$FRESH/bin/python" -m pip install --quiet --disable-pip-version-check \
        "probation[pandas,arrow] @ file://$WHEEL"
    awk '/<!-- quick-start:python/ {found=1; next} found && /^```python/ {inside=1; next}
         inside && /^```/ {exit} inside {print}' README.md > "$FRESH/quickstart.py"
    [ -s "$FRESH/quickstart.py" ] || { echo "no Python quick start found in README.md" >&2; exit 1; }
    env PATH="$BARE" "$FRESH/bin/python" "$FRESH/quickstart.py"
fi

echo "python: all checks passed"
