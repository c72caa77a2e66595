#!/usr/bin/env bash
# Builds what the quickstart needs and runs it. Options: see `bash quickstart.sh --help`.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -DskipTests -pl connector-examples -am package
exec java -cp "connector-examples/target/connector-examples-0.1.0-SNAPSHOT.jar:connector-examples/target/lib/*" \
    io.github.commerceconnector.examples.Quickstart "$@"
