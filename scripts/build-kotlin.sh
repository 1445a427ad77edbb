#!/usr/bin/env bash
# Builds the Kotlin binding's native library and generates its Kotlin API into
# bindings-kotlin/target/generated-sources/uniffi. Run from the repo root (`bash scripts/build-kotlin.sh`) or
# source it: it sets KOTLIN_LIBDIR to the folder holding libprobation_kotlin.so (for -Djna.library.path).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

target_dir="${CARGO_TARGET_DIR:-$PWD/target}"
KOTLIN_LIBDIR="$target_dir/debug"
generated=bindings-kotlin/target/generated-sources/uniffi

# The library (an unstripped debug build: bindgen reads uniffi's metadata from it) and the generator, built
# together so that uniffi is compiled once.
cargo build -q -p probation-kotlin -p uniffi-bindgen

# Library mode needs `cargo metadata`, so the generator runs inside the workspace.
rm -rf "$generated"
"$KOTLIN_LIBDIR/uniffi-bindgen" generate --no-format --language kotlin --out-dir "$generated" \
    "$KOTLIN_LIBDIR/libprobation_kotlin.so"

# One patch to the generated code: reuse one call status per thread instead of allocating a JNA Structure for
# every FFI call (see bindings-kotlin/src/main/kotlin/probation/core/CallStatus.kt). Fails loudly if uniffi's
# template changes, rather than silently building the slow version.
generated_kt="$generated/probation/core/probation_kotlin.kt"
status_alloc='    var status = UniffiRustCallStatus()'
if [[ "$(grep -cxF "$status_alloc" "$generated_kt")" != 1 ]]; then
    echo "build-kotlin: uniffi's uniffiRustCallWithError changed; update the call-status patch" >&2
    exit 1
fi
sed -i 's/^    var status = UniffiRustCallStatus()$/    val status = uniffiReusedCallStatus() \/\/ patched by scripts\/build-kotlin.sh/' "$generated_kt"
grep -qxF '    val status = uniffiReusedCallStatus() // patched by scripts/build-kotlin.sh' "$generated_kt"
export KOTLIN_LIBDIR
