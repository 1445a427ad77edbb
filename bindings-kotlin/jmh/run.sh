#!/usr/bin/env bash
# Runs the JMH benchmark of the installed artifact probation:probation-core (docs/benchmarks.md#kotlin).
# Usage: bash bindings-kotlin/jmh/run.sh [JMH options, e.g. -f 1 -wi 3 -i 5 'RecordCalls.tier']
# Install the artifact first: mvn -f bindings-kotlin install. Not run by CI.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
# Without options: 1 fork, 3 warm-up and 5 measured iterations of 2 s each (docs/benchmarks.md#kotlin).
(( $# > 0 )) || set -- -f 1 -wi 3 -w 2s -i 5 -r 2s
exec java -cp "target/classes:$(cat target/classpath.txt)" org.openjdk.jmh.Main "$@"
