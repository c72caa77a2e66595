#!/usr/bin/env bash
# Builds the benchmarks and runs the state store benchmark: full syncs, the opening of the state and unchanged
# re-syncs of 10,000 / 100,000 / 1,000,000 products with the file store and with the JDBC store (an embedded
# PostgreSQL 17, or --jdbc-url), plus heap probes, every scenario in a child JVM. Options: e2e-jdbc.sh --help.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl connector-bench -am package
exec java -Xmx256m -cp connector-bench/target/connector-bench-0.1.0-SNAPSHOT.jar \
    io.github.commerceconnector.bench.StoreBenchmark "$@"
