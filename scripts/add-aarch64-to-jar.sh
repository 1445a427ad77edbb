#!/usr/bin/env bash
# Cross-builds libprobation_kotlin.so for linux-aarch64 with cargo-zigbuild (zig as the C toolchain and linker,
# glibc floor 2.17) and adds it to the JVM artifact's jar as linux-aarch64/libprobation_kotlin.so, the resource
# path JNA searches on that platform (docs/kotlin.md#other-platforms). Not run by CI.
# Usage: bash scripts/add-aarch64-to-jar.sh [JAR]   (default: bindings-kotlin/target/probation-core-VERSION.jar;
#        run `mvn -f bindings-kotlin install` afterwards, or pass the jar in ~/.m2, to install the fatter jar).
# Needs: rustup target add aarch64-unknown-linux-gnu; pip install ziglang cargo-zigbuild (on PATH).
# PROFILE=dev builds the unoptimised library (a quick check that the toolchain works).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

target=aarch64-unknown-linux-gnu
profile="${PROFILE:-release}"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"
jar="${1:-bindings-kotlin/target/probation-core-$version.jar}"
[[ -f "$jar" ]] || { echo "add-aarch64: $jar not found (mvn -f bindings-kotlin package first)" >&2; exit 1; }
command -v cargo-zigbuild >/dev/null || { echo "add-aarch64: cargo-zigbuild not on PATH (pip install ziglang cargo-zigbuild)" >&2; exit 1; }

cargo zigbuild -q --profile "$profile" --target "$target.2.17" -p probation-kotlin
dir="$profile"; [[ "$profile" == dev ]] && dir=debug
lib="${CARGO_TARGET_DIR:-target}/$target/$dir/libprobation_kotlin.so"
file "$lib" | grep -q "ARM aarch64" || { echo "add-aarch64: $lib is not an aarch64 library" >&2; exit 1; }

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/linux-aarch64"
cp "$lib" "$stage/linux-aarch64/libprobation_kotlin.so"
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
(cd "$stage" && jar uf "$jar" linux-aarch64/libprobation_kotlin.so)
unzip -l "$jar" | grep -E "linux-(x86-64|aarch64)/libprobation_kotlin.so"
