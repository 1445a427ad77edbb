#!/usr/bin/env bash
# The main job: run every stage of the `probation` command over the bundled sample caseload
# (examples/data/caseload.jsonl, 1,000 synthetic cases). Outputs go to examples/out/; summaries to the terminal.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -p probation-cli
P=target/release/probation
IN=examples/data/caseload.jsonl
OUT=examples/out
mkdir -p "$OUT"

echo "== quick start (core/examples/quickstart.rs)"
cargo run -q --release --locked -p probation-core --example quickstart
echo "== validate"
"$P" validate "$IN"
echo "== sentence dates  -> $OUT/dates.jsonl"
"$P" dates "$IN" > "$OUT/dates.jsonl"
echo "== allocation on 2016-06-01 (Transforming Rehabilitation era)  -> $OUT/allocation-2016.jsonl"
"$P" allocate "$IN" --on 2016-06-01 > "$OUT/allocation-2016.jsonl"
echo "== tier  -> $OUT/tier.jsonl"
"$P" tier "$IN" > "$OUT/tier.jsonl"
echo "== both tiers (2021 and 2026) on 2024-06-01  -> $OUT/tiers-both.jsonl"
"$P" tier "$IN" --model both --on 2024-06-01 > "$OUT/tiers-both.jsonl"
echo "== reoffending predictors (OGRS3, ARP, VRP, SVRP, DC-SRP, IIC-SRP, CSRP) on 2024-06-01  -> $OUT/predictors.jsonl"
"$P" predict "$IN" --on 2024-06-01 > "$OUT/predictors.jsonl"
echo "== contact schedule (tr2014)  -> $OUT/schedule.jsonl"
"$P" schedule "$IN" --policy tr2014 > "$OUT/schedule.jsonl"
echo "== compliance and enforcement as of 2025-01-31  -> $OUT/compliance.jsonl"
"$P" compliance "$IN" --as-of 2025-01-31 > "$OUT/compliance.jsonl"
echo "== import community-api bundles (examples/data/community-api.jsonl)  -> $OUT/imported.jsonl"
"$P" import --from community-api examples/data/community-api.jsonl > "$OUT/imported.jsonl"
echo "== tier straight from tier-to-delius tier-details (examples/data/tier-details.jsonl), both models"
"$P" tier --from tier-details --on 2024-06-01 --model both examples/data/tier-details.jsonl > "$OUT/tier-details-tier.jsonl"
echo "== the tier in nDelius forms (UB2, D_2, 2026) and key-date codes  -> $OUT/export-tier.jsonl"
"$P" export-tier --from community-api --on 2024-06-01 examples/data/community-api.jsonl > "$OUT/export-tier.jsonl"
echo "done: $(wc -l < "$OUT/allocation-2016.jsonl") allocations, $(wc -l < "$OUT/tier.jsonl") tiers written to $OUT/"
