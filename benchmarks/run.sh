#!/usr/bin/env bash
# The benchmark command, from the repository root:   benchmarks/run.sh [--quick]
# Builds the reactor (core-engine's server jar and this module), fetches Amazon DynamoDB Local with the shared kit
# (../shared/bench/scripts/fetch-ddblocal.sh, from Maven Central into DDBLOCAL_HOME, default /tmp/ddblocal: outside
# this repository, never a dependency of it), then runs the orchestrator, which writes benchmarks/RESULTS.md.
# env: DYNAMOTEST_BENCH_KIT (default ../shared/bench beside the repository), DDBLOCAL_HOME.
set -euo pipefail
started=$SECONDS
trap 'echo "run.sh: took $(( (SECONDS - started) / 60 )) min $(( (SECONDS - started) % 60 )) s in all (build and fetch included)" >&2' EXIT
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
kit="${DYNAMOTEST_BENCH_KIT:-$root/../shared/bench}"
[[ -x "$kit/scripts/fetch-ddblocal.sh" ]] || { echo "run.sh: no shared benchmark kit at $kit" >&2; exit 2; }
export DDBLOCAL_HOME="${DDBLOCAL_HOME:-/tmp/ddblocal}"
mvn -B -q package -DskipTests -pl benchmarks -am
"$kit/scripts/fetch-ddblocal.sh" >&2
java -jar benchmarks/target/dynamotest-benchmarks.jar --kit "$kit" --ddblocal-home "$DDBLOCAL_HOME" "$@"
