#!/usr/bin/env bash
# Compares two git revisions of the SDK in one JVM, turn by turn (SideBySide): builds each revision's benchmarks in a
# git worktree, then runs the same scenario on both in alternating order, so that a change of a few percent shows
# through the machine's drift. Usage: side-by-side.sh REV_A REV_B [--scenario resync|full] [--size N] [--rounds R]
# [--profile small|realistic]; REV_B may be "." for the working tree as it is. About 2 min to build each revision,
# then 2 syncs of the catalog and 2 x rounds runs (10 rounds of unchanged re-syncs of 1,000,000: about 3 min).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 2 ]; then
  sed -n '2,6p' "$0"
  exit 2
fi
rev_a=$1
rev_b=$2
shift 2
work=$(mktemp -d)
cleanup() {
  git worktree remove --force "$work/a" 2>/dev/null || true
  git worktree remove --force "$work/b" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
mvn -B -q -DskipTests -pl connector-bench -am package
jar=connector-bench/target/connector-bench-0.1.0-SNAPSHOT.jar
build() {
  local rev=$1 dir=$2
  if [ "$rev" = "." ]; then
    mkdir -p "$dir/connector-bench/target"
    cp -r connector-bench/target/lib "$jar" "$dir/connector-bench/target/"
  else
    git worktree add -q --detach "$dir" "$rev"
    (cd "$dir" && mvn -B -q -DskipTests -pl connector-bench -am package)
  fi
}
build "$rev_a" "$work/a"
build "$rev_b" "$work/b"
java -Xmx768m -cp "$jar" io.github.commerceconnector.bench.SideBySide "$@" \
  "A:$rev_a=$work/a/$jar" "B:$rev_b=$work/b/$jar"
