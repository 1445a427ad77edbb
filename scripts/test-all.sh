#!/usr/bin/env bash
# Every test: Rust (fmt, clippy, unit, integration, doc, shared vectors), Python (pytest + stubtest), Kotlin (mvn test).
# Works on a fresh machine: each step installs what it needs (Python venv + maturin, Maven dependencies).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s ===\n' "$*"; }

step "rust: format"
cargo fmt --all -- --check
step "rust: clippy (warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings
step "rust: tests"
cargo test --workspace --locked
if [ -f tools/schema-gen/Cargo.toml ]; then
  step "rust: json schema is up to date"
  cargo test -p schema-gen --locked
fi
if [ -f scripts/test-python.sh ]; then
  step "python"
  bash scripts/test-python.sh
fi
if [ -f scripts/test-kotlin.sh ]; then
  step "kotlin"
  bash scripts/test-kotlin.sh
fi
step "all tests passed"
