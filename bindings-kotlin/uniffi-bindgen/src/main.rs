//! `uniffi-bindgen`, built from the workspace so that the generator always matches the uniffi version the
//! `probation-kotlin` library was built with. `scripts/test-kotlin.sh` runs it in library mode.

fn main() {
    uniffi::uniffi_bindgen_main()
}
