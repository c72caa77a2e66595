#!/usr/bin/env bash
# Builds the benchmarks and runs the multi-tenant benchmark: 200 merchants x 5,000 products syncing at once on one
# CommerceServicesRuntime in one JVM (-Xmx1g; the live heap is measured), against fake gateways in a JVM of their own with the guardrail of 2
# requests/s per data space and 50 ms of added latency; then 180 of them beside 20 whose gateway fails every
# request. About two minutes on 2 cores. Options: e2e-fleet.sh --help.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl connector-bench -am package
exec java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
    -cp connector-bench/target/connector-bench-0.1.0-SNAPSHOT.jar \
    io.github.commerceconnector.bench.FleetBenchmark "$@"
