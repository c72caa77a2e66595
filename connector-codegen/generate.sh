#!/usr/bin/env bash
# Regenerates the typed feed items of connector-api (Product, Price, ...) from the exporter's schema
# (connector-testkit's copy of exporter-schema.json) and connector-codegen/items.json. Commit the result:
# GeneratedItemsAreCurrentTest fails the build when the committed sources differ from what this writes.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl connector-codegen compile exec:java
