#!/usr/bin/env bash
# Load benchmark (not a test): 64 clients, each on its own address, mixing searches, 1 MB
# diagnoses and guided-conversation steps over the HTTP API for 60 s against the packaged service
# (embedded H2, own data folder); prints requests/s, p50/p99/max and statuses per kind, errors,
# and the service's resident memory every 5 s. See LoadBench.
#   bench/load/run.sh [--no-build] [--soak] [clients] [seconds]
#   --soak: 16 clients for 10 minutes, RSS every 30 s, and whether it stays flat.
# The per-client request budget (api.rate-limit.requests) is raised so the bench measures the
# service, not one client's allowance; the in-flight limits stay as configured.
# SERVICE_JAVA_OPTS goes to the service's JVM, e.g. SERVICE_JAVA_OPTS=-Xmx1g: without a heap cap the
# JVM grows its heap towards a quarter of the machine's memory before collecting in earnest, so RSS
# climbs for minutes without a leak; a cap shows whether live memory stays flat.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=1 CLIENTS=64 SECONDS_RUN=60 SAMPLE=5
while [[ ${1:-} == --* ]]; do
  case $1 in
    --no-build) BUILD=0 ;;
    --soak) CLIENTS=16 SECONDS_RUN=600 SAMPLE=30 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
CLIENTS=${1:-$CLIENTS}
SECONDS_RUN=${2:-$SECONDS_RUN}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
PORT=${PORT:-18183}
BASE=http://127.0.0.1:$PORT
BUILD_DIR=${BUILD_DIR:-target-load}
if [[ $BUILD == 1 ]]; then
  (cd "$ROOT" && ./mvnw -B -o -q -Dbuild.dir.name="$BUILD_DIR" -pl bot -am package -DskipTests)
fi
JAR=$(ls "$ROOT"/bot/"$BUILD_DIR"/bot-*.jar | grep -v original | head -1)
WORK=$(mktemp -d /tmp/pcibot-load.XXXXXX)
trap 'kill "${PID:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
"$JAVA_HOME"/bin/javac -d "$WORK/classes" "$ROOT/bot/src/test/java/dev/pcibot/bot/bench/LoadBench.java"
MICRONAUT_SERVER_PORT=$PORT PCIBOT_DATA_DIR=$WORK/data MICRONAUT_SERVER_CLIENT_ADDRESS_HEADER=X-Forwarded-For \
  API_RATE_LIMIT_REQUESTS=1000000 \
  "$JAVA" ${SERVICE_JAVA_OPTS:-} --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -jar "$JAR" > "$WORK/service.log" 2>&1 &
PID=$!
until curl -sf -o /dev/null "$BASE/api/search?q=iommu"; do
  kill -0 "$PID" 2>/dev/null || { echo "the service died; log:" >&2; cat "$WORK/service.log" >&2; exit 1; }
  sleep 0.2
done
echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $CLIENTS clients for $SECONDS_RUN s" \
  "(search / 1 MB diagnose / conversation step in turn); RSS every $SAMPLE s; service JVM options: ${SERVICE_JAVA_OPTS:-none}"
"$JAVA" -cp "$WORK/classes" dev.pcibot.bot.bench.LoadBench "$BASE" "$CLIENTS" "$SECONDS_RUN" "$SAMPLE" "$PID" \
  "$ROOT/bot/src/test/resources/converse/healthy"
echo "== service RSS high-water mark: $(awk '/^VmHWM/ {printf "%.0f MB", $2 / 1024}' "/proc/$PID/status")"
if grep -q ' ERROR ' "$WORK/service.log"; then
  echo "== service log ERROR lines:"; grep ' ERROR ' "$WORK/service.log" | head -5
fi
