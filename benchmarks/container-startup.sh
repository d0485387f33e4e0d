#!/usr/bin/env bash
# Container start to first answered request: the DynamoTest image vs DynamoDB Local in a container, in one run,
# measured by the shared kit's `startup` mode (process start to the first successful ListTables, polled every 5 ms;
# here the process is `docker run`). Needs a Docker engine (source ../shared/ci/docker-engine.sh) and the kit.
#
#   benchmarks/container-startup.sh [RUNS]          # from the repository root; default 5 runs each, interleaved
#
# No registry is reachable on our machines, so DynamoDB Local's image is built locally, on the same base image as
# ours, from the jars the kit fetches into DDBLOCAL_HOME (its licence keeps it out of this repository): the same
# JVM and the command amazon/dynamodb-local runs (-inMemory, telemetry off).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
kit=../shared/bench
base=${DYNAMOTEST_BASE_IMAGE:-local/java-base:17}
DDBLOCAL_HOME=${DDBLOCAL_HOME:-/tmp/ddblocal}
work=$(mktemp -d /tmp/container-startup.XXXXXX)
trap 'rm -rf "$work"' EXIT

mvn -B -q package -DskipTests -pl testcontainers-module -am
docker build -q --build-arg BASE_IMAGE="$base" -t dynamotest/dynamotest:bench testcontainers-module/target/docker >/dev/null

DDBLOCAL_HOME=$DDBLOCAL_HOME "$kit/scripts/fetch-ddblocal.sh" >/dev/null
mkdir -p "$work/ddbl" && cp -r "$DDBLOCAL_HOME/lib" "$DDBLOCAL_HOME/native" "$work/ddbl/"
cat > "$work/ddbl/Dockerfile" <<DOCKERFILE
FROM $base
WORKDIR /home/dynamodblocal
COPY lib lib
COPY native native
ENV DDB_LOCAL_TELEMETRY=0
USER 10001:10001
EXPOSE 8000
ENTRYPOINT ["java", "-Djava.library.path=./native", "-cp", "lib/*", "com.amazonaws.services.dynamodbv2.local.main.ServerRunner"]
CMD ["-inMemory", "-port", "8000", "-disableTelemetry"]
DOCKERFILE
docker build -q -t local/dynamodb-local:bench "$work/ddbl" >/dev/null
[[ -f "$kit/target/dynabench.jar" ]] || (cd "$kit" && mvn -B -q package)

port=18390
for image in dynamotest/dynamotest:bench local/dynamodb-local:bench; do   # untimed: page cache, image layers
  docker run --rm -d --name startup-warm -p $port:8000 "$image" >/dev/null
  sleep 3
  docker rm -f startup-warm >/dev/null
done
for ((r = 1; r <= runs; r++)); do
  for image in dynamotest/dynamotest:bench local/dynamodb-local:bench; do
    label=${image%%:*}; label=${label##*/}
    java -jar "$kit/target/dynabench.jar" startup --endpoint "http://127.0.0.1:$port" --label "$label" --runs 1 \
      --json-out "$work/startup.jsonl" -- docker run --rm --name "startup-$label" -p "$port:8000" "$image" \
      | grep -E '^startup ' || true
    docker rm -f "startup-$label" >/dev/null 2>&1 || true
  done
done
python3 - "$work/startup.jsonl" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
ready = {}
for r in rows:
    if r.get("type") == "startup" and r.get("timed") and "ready_ms" in r:
        ready.setdefault(r["label"], []).append(r["ready_ms"])
dt, ddbl = statistics.median(ready["dynamotest"]), statistics.median(ready["dynamodb-local"])
print(f"container start to first answered ListTables, median of {len(ready['dynamotest'])} runs each:")
print(f"  DynamoTest image      {dt:7.0f} ms   (runs: {', '.join(f'{x:.0f}' for x in ready['dynamotest'])})")
print(f"  DynamoDB Local image  {ddbl:7.0f} ms   (runs: {', '.join(f'{x:.0f}' for x in ready['dynamodb-local'])})")
print(f"  ratio DynamoTest / DynamoDB Local: {dt / ddbl:.2f} (lower is better)")
PY
