#!/bin/bash
# DynamoTest container entry point. Takes DynamoTest's flags (--clock manual, --namespaces ...) and DynamoDB Local's
# (-port, -inMemory, -sharedDb, ...), including the "-jar DynamoDBLocal.jar" and JVM -D/-X options that command
# lines written for amazon/dynamodb-local carry, so such a command line works unchanged. JAVA_OPTS adds JVM options.
set -euo pipefail
home=/opt/dynamotest
port_file=/tmp/dynamotest.port

if [[ "${1:-}" == "--healthcheck" ]]; then
  port=$(cat "$port_file" 2>/dev/null) || exit 1
  exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
  printf 'GET / HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
  grep -q healthy <&3
  exit
fi

jvm=()
app=()
while (($#)); do
  case "$1" in
    -jar)
      # amazon/dynamodb-local's command lines start with "-jar DynamoDBLocal.jar": the server is already chosen
      shift
      case "${1:-}" in
        *DynamoDBLocal*.jar | *dynamotest-server*.jar) ;;
        *) echo "dynamotest: cannot run -jar ${1:-}: this image runs the DynamoTest server" >&2; exit 2 ;;
      esac
      ;;
    -D* | -X*) jvm+=("$1") ;;
    *) app+=("$1") ;;
  esac
  shift
done

# A container is reached only through the ports published for it, under whatever name the network gives it
# (localhost:<mapped port>, or a compose service name such as dynamodb:8000): answer any Host header unless the
# command line says which (--allowed-host NAME). See docs/compatibility.md, Security defaults.
allowed=(--allowed-host '*')
for a in "${app[@]}"; do
  [[ "$a" == "--allowed-host" ]] && allowed=()
done

cds=()
[[ -f "$home/dynamotest.jsa" ]] && cds=(-XX:SharedArchiveFile="$home/dynamotest.jsa" -Xshare:auto)
rm -f "$port_file"
# The server binds every interface of the container (--host 0.0.0.0) and its ready line says so; clients outside
# reach it through the mapped port.
# Fast start: the serial collector, no perf-data file, a heap sized from the container's memory limit, and the
# class-data sharing archive; full tiered compilation stays on for throughput under load.
# shellcheck disable=SC2086
exec java -XX:+UseSerialGC -XX:MaxRAMPercentage=75 -XX:-UsePerfData "${cds[@]}" \
  ${JAVA_OPTS:-} "${jvm[@]}" -jar "$home/dynamotest-server.jar" \
  --host 0.0.0.0 --port 8000 --port-file "$port_file" "${allowed[@]}" "${app[@]}"
