package probation.core

import java.nio.file.Files
import java.nio.file.Path
import probation.core.types.Allocation
import probation.core.types.Case

/**
 * Reads a JSON Lines case file (one case per line, blank lines skipped). Every line gets an entry: its case,
 * or the [ItemError] that says which field is wrong. The file is read as bytes and decoded by the Rust core, so
 * the rules are exactly those of the `probation` command and the Python package: a line that is not valid UTF-8
 * is an [ItemError] with code `invalid_utf8`, and the other lines are still decoded.
 */
fun readCaseFile(path: Path): List<DecodedLine> = decodeJsonlBytes(Files.readAllBytes(path))

/** The decoded cases of a case file, skipping lines that did not decode. */
fun List<DecodedLine>.cases(): List<Case> = mapNotNull { it.case }

/** The provider in effect: the manager's override when there is one, else the rules' answer (core's
 * `Allocation::effective_provider`). */
val Allocation.effectiveProvider: String get() = managerOverride?.provider ?: provider
