#!/usr/bin/env bash
# HTTP service benchmark (not a test): start-up to first answer, index build time, resident memory
# idle and under load, and /api/search requests/s for 1, 8, 32 and 64 concurrent clients.
#
#   bench/http/run.sh [--no-build] [--runs N] [--seconds S] [--clients 1,8,32,64] [--aot]
#
# --aot also measures start-up with a JDK 25 AOT cache (JEP 483/514): one training run writes
# the cache (-XX:AOTCacheOutput) while answering a few searches and a diagnosis, then the runs use
# it (-XX:AOTCache). The cache must be recreated after every build of the jar.
#
# Builds the shaded jar (./mvnw ... -pl bot -am package -DskipTests) unless --no-build, then runs it
# from a temporary folder with its own data folder and port, and prints one table per measure.
# The load generator (HttpBench, JDK HttpClient on virtual threads) runs on the same machine as the
# service, so on a small box the two share the cores: figures are a floor, not a ceiling.
# CPU seconds are read from /proc/PID/stat (user + system, all threads) next to wall time, because
# wall time on a shared machine says as much about the neighbours as about the service.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=1 RUNS=5 SECONDS_PER_STEP=10 CLIENTS=1,8,32,64 AOT=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --no-build) BUILD=0 ;;
    --runs) RUNS=$2; shift ;;
    --seconds) SECONDS_PER_STEP=$2; shift ;;
    --clients) CLIENTS=$2; shift ;;
    --aot) AOT=1 ;;
    *) echo "unknown argument $1 (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
  shift
done

JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[[ -x $JAVA_HOME/bin/java ]] || { echo "need a JDK >= 21; set JAVA_HOME" >&2; exit 2; }
JAVA=$JAVA_HOME/bin/java
JAVA_OPTS=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED)
BUILD_DIR=${BUILD_DIR:-target-http}
PORT=${PORT:-18181}
BASE=http://127.0.0.1:$PORT
CLK_TCK=$(getconf CLK_TCK)

if [[ $BUILD == 1 ]]; then
  (cd "$ROOT" && ./mvnw -B -o -q -Dbuild.dir.name="$BUILD_DIR" -pl bot -am package -DskipTests)
fi
JAR=$(ls "$ROOT"/bot/"$BUILD_DIR"/bot-*.jar | grep -v original | head -1)
WORK=$(mktemp -d /tmp/pcibot-bench.XXXXXX)
trap 'kill "${PID:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
"$JAVA_HOME"/bin/javac -d "$WORK/classes" "$ROOT/bot/src/test/java/dev/pcibot/bot/bench/HttpBench.java"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
cpu_s() { awk -v t="$CLK_TCK" '{printf "%.2f", ($14 + $15) / t}' "/proc/$1/stat"; }
rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
hwm_mb() { awk '/^VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

start_service() { # $1 = data folder, then extra JVM options; sets PID and START_MS
  local data=$1; shift
  START_MS=$(now_ms)
  MICRONAUT_SERVER_PORT=$PORT PCIBOT_DATA_DIR=$data "$JAVA" "${JAVA_OPTS[@]}" "$@" -jar "$JAR" > "$WORK/service.log" 2>&1 &
  PID=$!
  until curl -sf -o /dev/null "$BASE/api/search?q=iommu"; do
    kill -0 "$PID" 2>/dev/null || { echo "the service died; log:" >&2; cat "$WORK/service.log" >&2; exit 1; }
    sleep 0.01
  done
}

stop_service() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=; }

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $("$JAVA" -version 2>&1 | head -1)"
echo "== jar: $JAR ($(du -m "$JAR" | cut -f1) MB)"
echo
echo "== index build (CLI: java -jar bot.jar index, fresh data folder)"
"$JAVA" "${JAVA_OPTS[@]}" -jar "$JAR" index --data-dir "$WORK/cli-data" 2>/dev/null
"$JAVA" "${JAVA_OPTS[@]}" -jar "$JAR" index --data-dir "$WORK/cli-data" 2>/dev/null
echo
echo "== start-up: launch to first 200 on /api/search (run 1 builds the index, the others reuse it)"
printf "%4s %8s %14s %12s %10s\n" run index "first 200 ms" "cpu s" "RSS MB"
for i in $(seq 1 "$RUNS"); do
  start_service "$WORK/data"
  printf "%4d %8s %14d %12s %10s\n" "$i" "$([[ $i == 1 ]] && echo built || echo reused)" $(( $(now_ms) - START_MS )) \
    "$(cpu_s "$PID")" "$(rss_mb "$PID")"
  [[ $i == "$RUNS" ]] || stop_service
done
grep -E 'Knowledge base ready|listening on' "$WORK/service.log" | sed 's/^/   log: /'
echo
if [[ $AOT == 1 ]]; then
  stop_service
  echo "== start-up with a JDK AOT cache (training run first; index reused)"
  start_service "$WORK/data" -XX:AOTCacheOutput="$WORK/app.aot"
  for q in iommu vfio-pci+ids "gpu+code+43" "BAR+3:+can't+reserve"; do curl -sf -o /dev/null "$BASE/api/search?q=$q"; done
  curl -sf -o /dev/null -H 'Content-Type: text/plain' --data-binary "[    0.071806] DMAR: IOMMU enabled" "$BASE/api/diagnose"
  stop_service
  echo "   cache: $(du -m "$WORK/app.aot" | cut -f1) MB"
  printf "%4s %14s %12s %10s\n" run "first 200 ms" "cpu s" "RSS MB"
  for i in $(seq 1 "$RUNS"); do
    start_service "$WORK/data" -XX:AOTCache="$WORK/app.aot"
    printf "%4d %14d %12s %10s\n" "$i" $(( $(now_ms) - START_MS )) "$(cpu_s "$PID")" "$(rss_mb "$PID")"
    stop_service
  done
  echo
  start_service "$WORK/data"
fi
sleep 5
echo "== resident memory idle (5 s after the first answer): $(rss_mb "$PID") MB"
echo
echo "== /api/search under load ($SECONDS_PER_STEP s per step, 12 questions in rotation, limit 5)"
CPU_BEFORE=$(cpu_s "$PID")
"$JAVA" -cp "$WORK/classes" dev.pcibot.bot.bench.HttpBench "$BASE" "$SECONDS_PER_STEP" "$CLIENTS" &
BENCH=$!
PEAK=0
while kill -0 "$BENCH" 2>/dev/null; do
  r=$(rss_mb "$PID"); (( r > PEAK )) && PEAK=$r
  sleep 1
done
wait "$BENCH"
echo "== resident memory under load: peak sampled $PEAK MB, high-water mark $(hwm_mb "$PID") MB;" \
  "service CPU during the load: $(awk -v a="$CPU_BEFORE" -v b="$(cpu_s "$PID")" 'BEGIN {printf "%.1f", b - a}') s"
stop_service
