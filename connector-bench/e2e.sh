#!/usr/bin/env bash
# Builds the benchmarks and runs the end-to-end benchmark on each catalog profile (realistic, then small):
# 10,000 / 100,000 / 1,000,000 products, three runs each, every scenario in a child JVM (16 minutes for the
# small profile on 2 cores, longer for the realistic one). Options: e2e.sh --help (--profiles small: one profile).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl connector-bench -am package
exec java -Xmx256m -cp connector-bench/target/connector-bench-0.1.0-SNAPSHOT.jar \
    io.github.commerceconnector.bench.E2eBenchmark "$@"
