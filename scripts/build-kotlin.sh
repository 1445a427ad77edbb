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

# Two components are generated: probation_kotlin.kt (package probation.core: this crate's functions and objects)
# and types/probation_core.kt (package probation.core.types: core's model and result types, derived in core
# behind its `uniffi` feature; docs/bindings.md). Each carries its own copy of uniffi's runtime helpers.
files=("$generated/probation/core/probation_kotlin.kt" "$generated/probation/core/types/probation_core.kt")
for kt in "${files[@]}"; do
    [[ -f "$kt" ]] || { echo "build-kotlin: $kt was not generated (uniffi's layout changed?)" >&2; exit 1; }
done

# patch_once WHAT LINE REPLACEMENT: in each generated file, LINE (a whole line, exactly once) becomes REPLACEMENT
# (sed's replacement syntax: `\n` starts a new line); fails loudly when uniffi's template no longer has it.
patch_once() {
    local what="$1" line="$2" replacement="$3" first="${3%%\\n*}" kt
    for kt in "${files[@]}"; do
        if [[ "$(grep -cxF "$line" "$kt")" != 1 ]]; then
            echo "build-kotlin: uniffi's $what changed in $kt; update its patch" >&2
            exit 1
        fi
        sed -i "s|^$line\$|$replacement|" "$kt"
        grep -qxF "$first" "$kt"
    done
}

# Patch 1, in both files: reuse one call status per thread instead of allocating a JNA Structure for every FFI
# call (see bindings-kotlin/src/main/kotlin/probation/core/CallStatus.kt, copied into the types package below).
# Fails loudly if uniffi's template changes, rather than silently building the slow version.
patch_once uniffiRustCallWithError '    var status = UniffiRustCallStatus()' \
    '    val status = uniffiReusedCallStatus() // patched by scripts/build-kotlin.sh'
# Patch 3, in both files (issue 18): a string with no surrogate is encoded with `String.toByteArray(UTF_8)` (the
# JDK's intrinsic; for such a string the very bytes the encoder gives), instead of a new CharsetEncoder per
# string; any other string still goes through the encoder, so a lone surrogate is still refused
# (CharacterCodingException, HostileInputTest). `uniffiUtf8OrNull` is in CallStatus.kt.
encoder_line='        return Charsets.UTF_8.newEncoder().run {'
patch_once FfiConverterString.toUtf8 "$encoder_line" \
    "        uniffiUtf8OrNull(value)?.let { return it } // patched by scripts/build-kotlin.sh\n$encoder_line"
sed 's/^package probation\.core$/package probation.core.types/' \
    bindings-kotlin/src/main/kotlin/probation/core/CallStatus.kt > "$generated/probation/core/types/CallStatus.kt"
grep -qx 'package probation.core.types' "$generated/probation/core/types/CallStatus.kt"

# Patch 2 (issue 12): an object passed as an *argument* is lowered through `callWithHandle`, like a method call,
# instead of `uniffiCloneHandle()` straight away. uniffi's template clones the Rust handle without looking at the
# destroyed flag or the call counter, so a closed Calendar or policy passed to `allocate` cloned a freed Arc
# (SIGSEGV, or a result read from freed memory), and one closed by another thread mid-call could be freed under
# it. Through callWithHandle a closed object throws IllegalStateException, and an open one cannot be freed
# between the check and the clone; the clone then keeps the Rust object alive for the whole call.
kt_main="${files[0]}"
objects="$(grep -cF '    fun uniffiCloneHandle(): Long {' "$kt_main")"
lowers="$(grep -cxF '        return value.uniffiCloneHandle()' "$kt_main")"
if [[ "$objects" == 0 || "$lowers" != "$objects" ]]; then
    echo "build-kotlin: uniffi's object lowering changed ($objects objects, $lowers lowerings); update the closed-object patch" >&2
    exit 1
fi
sed -i 's|^        return value.uniffiCloneHandle()$|        return value.callWithHandle { it } // patched by scripts/build-kotlin.sh|' "$kt_main"
if grep -q 'value.uniffiCloneHandle()' "${files[@]}"; then
    echo "build-kotlin: an object argument is still lowered without the destroyed check" >&2
    exit 1
fi
export KOTLIN_LIBDIR
