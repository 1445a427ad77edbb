#!/usr/bin/env bash
# Builds the Python package `probation` and runs its tests, from a fresh machine.
#
#   bash scripts/test-python.sh            (from the repository root; idempotent)
#
# 1. creates .venv (python3 -m venv) unless it exists, installs maturin, pytest, hypothesis, mypy, numpy, pandas,
#    pyarrow, matplotlib, polars, duckdb (bindings-python/requirements-dev.txt) and pyspark
#    (requirements-spark.txt);
# 2. builds the native module into the venv with `maturin develop --release` (the release build takes a minute
#    or two longer to compile but runs the 10,000-case differential test and the docs' examples several times
#    faster, and is what bench.py measures; MATURIN_FLAGS= overrides), with its own target dir so cargo and
#    maturin do not rebuild pyo3 for each other;
# 3. runs pytest (every shared vector, error mapping, round-trips, the differential test, the docs' examples);
# 4. checks the hand-written stub against the binary (mypy.stubtest) and type-checks the package (mypy).
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

echo "== building probation (maturin develop)"
(
    cd bindings-python
    unset PYO3_BUILD_EXTENSION_MODULE
    VIRTUAL_ENV="$VENV" PATH="$VENV/bin:$PATH" \
        "$VENV/bin/maturin" develop --quiet --target-dir "$ROOT/target/maturin" ${MATURIN_FLAGS---release}
)

echo "== pytest"
(cd bindings-python && "$PY" -m pytest -q -p no:cacheprovider)

echo "== stubtest"
(cd bindings-python && "$PY" -m mypy.stubtest --allowlist stubtest-allowlist.txt probation._probation)

echo "== mypy"
(cd bindings-python && "$PY" -m mypy --strict python/probation)

echo "python: all checks passed"
