#!/usr/bin/env bash
# Builds the benchmarks and runs the JMH micro-benchmarks (a few minutes on 2 cores). Arguments go to JMH:
# a name pattern (ContentHash), -f/-wi/-i to override the defaults (1 fork, 2+3 iterations of 2 s), -h for help.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl connector-bench -am package
exec java -cp connector-bench/target/connector-bench-0.1.0-SNAPSHOT.jar org.openjdk.jmh.Main "$@"
