#!/usr/bin/env bash
# Coverage-guided fuzzing of probation-core on STABLE Rust: libFuzzer (compiled from source by the
# libfuzzer-sys crate) with LLVM's SanitizerCoverage enabled through stable rustc flags (-Cpasses=sancov-module
# and -Cllvm-args=-sanitizer-coverage-*). No nightly, no cargo-fuzz, no RUSTC_BOOTSTRAP.
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]    # default 30 s per target, every target
#
# Targets (fuzz/fuzz_targets/): decode_bytes (arbitrary bytes -> decode, JSON Lines, validate, engines),
# decode_values (arbitrary JSON values and edited cases -> decode: structs only from objects, no input in errors),
# engines_structured (arbitrary well-typed cases -> validate, engines) and policy_json (arbitrary bytes
# as a custom contact or allocation policy -> schedule, compliance, allocation). First every saved regression input
# (fuzz/regressions/<target>/) is replayed; then each target runs for SECONDS, its corpus (fuzz/corpus/<target>,
# kept between runs, not committed) seeded from the shared vectors and the sample caseload. Exits non-zero on
# the first crash, panic, timeout (> 10 s for one input) or memory blow-up (> 1 GiB RSS or one allocation over
# 1 GiB); the input is saved under fuzz/artifacts/<target>/ and printed. See docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET="${1:-30}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(decode_bytes decode_values engines_structured policy_json)

# A C++ compiler builds libFuzzer itself; Debian's g++ will do.
if ! command -v c++ >/dev/null 2>&1; then
  echo "fuzz: installing g++ (libFuzzer is built from source)"
  apt-get update -qq && apt-get install -y -qq g++ >/dev/null
fi

HOST="$(rustc -vV | sed -n 's/^host: //p')"
export RUSTFLAGS="--cfg fuzzing -Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares"
# --target keeps the instrumentation off build scripts and proc macros. Not --locked: fuzz/Cargo.lock also pins
# probation-core's dependencies, so a dependency added to core must not stop CI's fuzz run (cargo updates it).
echo "fuzz: building targets (stable $(rustc -V | cut -d' ' -f2), libFuzzer via libfuzzer-sys)"
cargo build --manifest-path fuzz/Cargo.toml --release --bins --target "$HOST" -q
BIN="fuzz/target/$HOST/release"

seed() { # seed the corpora from every vector input and the sample caseload's lines
  mkdir -p fuzz/corpus/decode_bytes fuzz/corpus/policy_json
  command -v python3 >/dev/null 2>&1 || { echo "fuzz: no python3, corpus not seeded"; return; }
  python3 - fuzz/corpus/decode_bytes fuzz/corpus/policy_json <<'PY'
import base64, glob, hashlib, json, os, sys
out, policy_out = sys.argv[1], sys.argv[2]
seeds, policies = [], []
for f in sorted(glob.glob("tests/vectors/**/*.json", recursive=True)):
    try:
        cases = json.load(open(f, encoding="utf-8")).get("cases", [])
    except (ValueError, OSError):
        continue
    for c in cases:
        i = c.get("input", {})
        if "text" in i:
            seeds.append(i["text"].encode())
        elif "bytes_base64" in i:
            seeds.append(base64.b64decode(i["bytes_base64"]))
        elif isinstance(i.get("case"), dict):
            seeds.append(json.dumps(i["case"]).encode())
        if isinstance(i.get("policy"), dict):
            policies.append(json.dumps(i["policy"]).encode())
        if isinstance(i.get("allocation_policy"), dict):
            policies.append(json.dumps(i["allocation_policy"]).encode())
for f in ["examples/data/caseload.jsonl", "examples/data/broken.jsonl"]:
    if os.path.exists(f):
        with open(f, "rb") as fh:
            seeds += [line.rstrip(b"\n") for _, line in zip(range(300), fh)]
def write(d, items):
    n = 0
    for s in items:
        if 0 < len(s) <= 65536:
            with open(os.path.join(d, hashlib.sha1(s).hexdigest()), "wb") as fh:
                fh.write(s)
            n += 1
    return n
print(f"fuzz: {write(out, seeds)} seed inputs for decode_bytes, {write(policy_out, policies)} for policy_json")
PY
}
seed

LIMITS=(-timeout=10 -rss_limit_mb=1024 -malloc_limit_mb=1024 -print_final_stats=0)
max_len() { # bytes per input: whole documents for decode_bytes; structured cases need far fewer
  case "$1" in decode_bytes) echo 131072 ;; engines_structured | decode_values) echo 8192 ;; *) echo 16384 ;; esac
}
status=0
for t in "${TARGETS[@]}"; do
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
  shopt -s nullglob
  regressions=(fuzz/regressions/"$t"/*)
  shopt -u nullglob
  if [ ${#regressions[@]} -gt 0 ]; then
    echo "fuzz: $t: replaying ${#regressions[@]} regression input(s)"
    "$BIN/$t" "${LIMITS[@]}" "${regressions[@]}" >"fuzz/artifacts/$t/replay.log" 2>&1 || {
      tail -30 "fuzz/artifacts/$t/replay.log"; echo "fuzz: $t: a regression input fails again"; exit 1; }
  fi
  echo "fuzz: $t: ${SECONDS_PER_TARGET}s"
  log="fuzz/artifacts/$t/last-run.log"
  if "$BIN/$t" "${LIMITS[@]}" -max_len="$(max_len "$t")" -max_total_time="$SECONDS_PER_TARGET" \
      -artifact_prefix="fuzz/artifacts/$t/" "fuzz/corpus/$t" >"$log" 2>&1; then
    grep -E '^Done|DONE' "$log" | tail -1 | sed "s/^/fuzz: $t: /"
  else
    tail -40 "$log"
    echo "fuzz: $t FAILED; input saved as: $(grep -o 'fuzz/artifacts/[^ ]*' "$log" | tail -1)"
    echo "fuzz: replay it with $BIN/$t <file>; then add it to fuzz/regressions/$t/ and a vector (tests/vectors/hostile/)"
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "fuzz: no crash in ${#TARGETS[@]} target(s) x ${SECONDS_PER_TARGET}s"
exit "$status"
