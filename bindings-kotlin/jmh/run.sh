#!/usr/bin/env bash
# Runs the JMH benchmark of the installed artifact probation:probation-core (docs/benchmarks.md#kotlin).
# Usage: bash bindings-kotlin/jmh/run.sh [JMH options, e.g. -f 1 -wi 3 -i 5 'RecordCalls.tier']
# Install the artifact first: mvn -f bindings-kotlin install. Not run by CI. PROBATION_JAR=path/to/probation-core-*.jar
# runs against that jar instead of the installed one (e.g. bindings-kotlin/target/ after `mvn package`, so that
# a measurement does not depend on what another checkout last installed into ~/.m2).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
# Without options: 1 fork, 3 warm-up and 5 measured iterations of 2 s each (docs/benchmarks.md#kotlin).
(( $# > 0 )) || set -- -f 1 -wi 3 -w 2s -i 5 -r 2s
classpath="$(cat target/classpath.txt)"
if [[ -n "${PROBATION_JAR:-}" ]]; then
    [[ -f "$PROBATION_JAR" ]] || { echo "run.sh: $PROBATION_JAR not found" >&2; exit 1; }
    classpath="$(tr ':' '\n' <<<"$classpath" | sed "s|.*/probation-core-[^/]*\.jar\$|$(realpath "$PROBATION_JAR")|" | paste -sd:)"
    grep -qF "$(realpath "$PROBATION_JAR")" <<<"$classpath" || { echo "run.sh: no probation-core jar on the classpath" >&2; exit 1; }
fi
exec java -cp "target/classes:$classpath" org.openjdk.jmh.Main "$@"
