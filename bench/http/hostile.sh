#!/usr/bin/env bash
# Hostile-load benchmark (not a test): 8 hostile clients (backtracking 64 KiB lines, 60 KB queries,
# long runs of spaces) beside 16 normal clients and a health probe, each client on its own address.
# Prints latency p50/p99/max and statuses per kind (see HostileLoadBench).
#   bench/http/hostile.sh [--no-build] [seconds]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=1
[[ ${1:-} == --no-build ]] && { BUILD=0; shift; }
SECONDS_RUN=${1:-30}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
PORT=${PORT:-18182}
BASE=http://127.0.0.1:$PORT
BUILD_DIR=${BUILD_DIR:-target-http}
if [[ $BUILD == 1 ]]; then
  (cd "$ROOT" && ./mvnw -B -o -q -Dbuild.dir.name="$BUILD_DIR" -pl bot -am package -DskipTests)
fi
JAR=$(ls "$ROOT"/bot/"$BUILD_DIR"/bot-*.jar | grep -v original | head -1)
WORK=$(mktemp -d /tmp/pcibot-hostile.XXXXXX)
trap 'kill "${PID:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
"$JAVA_HOME"/bin/javac -d "$WORK/classes" "$ROOT/bot/src/test/java/dev/pcibot/bot/bench/HostileLoadBench.java"
MICRONAUT_SERVER_PORT=$PORT PCIBOT_DATA_DIR=$WORK/data MICRONAUT_SERVER_CLIENT_ADDRESS_HEADER=X-Forwarded-For \
  "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$JAR" > "$WORK/service.log" 2>&1 &
PID=$!
until curl -sf -o /dev/null "$BASE/api/search?q=iommu"; do
  kill -0 "$PID" 2>/dev/null || { echo "the service died; log:" >&2; cat "$WORK/service.log" >&2; exit 1; }
  sleep 0.1
done
echo "== $(nproc) cores; $SECONDS_RUN s: 8 hostile + 16 normal clients + /api/health every 200 ms"
"$JAVA" -cp "$WORK/classes" dev.pcibot.bot.bench.HostileLoadBench "$BASE" "$SECONDS_RUN"
echo "== service RSS high-water mark: $(awk '/^VmHWM/ {printf "%.0f MB", $2 / 1024}' "/proc/$PID/status")"
