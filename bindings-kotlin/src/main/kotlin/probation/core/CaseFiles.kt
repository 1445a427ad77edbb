package probation.core

import java.nio.file.Files
import java.nio.file.Path

/**
 * Reads a JSON Lines case file (one case per line, blank lines skipped). Every line gets an entry: its case,
 * or the [ItemError] that says which field is wrong. The file is decoded by the Rust core, so the rules are
 * exactly those of the `probation` command and the Python package.
 */
fun readCaseFile(path: Path): List<DecodedLine> = decodeJsonl(Files.readString(path))

/** The decoded cases of a case file, skipping lines that did not decode. */
fun List<DecodedLine>.cases(): List<Case> = mapNotNull { it.case }
