#!/usr/bin/env bash
# Builds the examples and runs the fleet demo: PostgreSQL (embedded unless --jdbc-url names one), a fake gateway
# on loopback, merchants seeded, and worker JVMs sharing them through db-scheduler. Options: bash fleet.sh --help.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -DskipTests -pl connector-examples -am package
exec java -cp "connector-examples/target/connector-examples-0.1.0-SNAPSHOT.jar:connector-examples/target/lib/*" \
    io.github.commerceconnector.examples.fleet.FleetDemo "$@"
