#!/usr/bin/env bash
# Builds and runs the service (or the CLI) on a JDK 21+, whatever the default `java` is.
#   ./run.sh                    build, then start the service (HTTP on :8080, Discord if DISCORD_TOKEN is set)
#   ./run.sh search "question"  any CLI verb: search, diagnose, index, help
#   ./run.sh test               the test suite (same as ./mvnw -B verify)
#   ./run.sh mvn <goals...>     any Maven goal through the wrapper
#   ./run.sh -Dkb.data-dir=DIR search ...   leading -D options go to the JVM (every setting)
# The build runs only when a pom, source or resource is newer than the jar (a verb answers at once).
set -euo pipefail
cd "$(dirname "$0")"

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 \
  | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1; }

if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ]; then
  JAVA_HOME=""
  best=0
  for jdk in /usr/lib/jvm/*/; do
    [ -x "$jdk/bin/javac" ] || continue
    major=$(java_major "${jdk%/}")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best" ]; then best=$major; JAVA_HOME=${jdk%/}; fi
  done
  [ -n "$JAVA_HOME" ] || { echo "need a JDK >= 21; set JAVA_HOME" >&2; exit 1; }
fi
export JAVA_HOME

java_opts=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED)
# The heap: without a cap the JVM sizes it at a quarter of the machine's memory and grows into it
# (a 10-minute soak at 16 clients went from 432 MB to 4.1 GB resident on a 24 GB machine; with a
# 1 GB cap it stayed between 394 and 979 MB, bench/load/run.sh --soak). The periodic collection
# hands memory back after a burst. PCIBOT_JAVA_OPTS replaces these defaults.
read -r -a heap_opts <<< "${PCIBOT_JAVA_OPTS:--Xmx1g -XX:G1PeriodicGCInterval=60000}"
java_opts+=("${heap_opts[@]}")
user_opts=()
while [ $# -gt 0 ] && [[ $1 == -D* ]]; do user_opts+=("$1"); shift; done

case "${1:-run}" in
  test) shift; exec ./mvnw -B verify "$@" ;;
  mvn) shift; exec ./mvnw "$@" ;;
  run) if [ $# -gt 0 ]; then shift; fi ;;
esac
jar=bot/target/bot-0.1.0-SNAPSHOT.jar
# Anything under a module's src/, a pom, or the wrapper settings changed since the jar was made?
if [ ! -f "$jar" ] || [ -n "$(find pom.xml .mvn ./*/pom.xml ./*/src -newer "$jar" -print -quit 2>/dev/null)" ]; then
  ./mvnw -q -B -pl bot -am package -DskipTests
fi

# Service start on JDK 25+: a JDK AOT cache (JEP 483/514) cuts launch-to-first-answer by about a
# third. It must be trained on the jar it serves, so after each build one short training run starts
# the service on a spare port (Discord off, throw-away data folder), asks a few questions, and stops.
# Any failure here only means a normal, slower start.
if [ $# -eq 0 ] && [ "$(java_major "$JAVA_HOME")" -ge 25 ] && command -v curl >/dev/null; then
  cache=bot/target/app.aot
  if [ ! -f "$cache" ] || [ "$jar" -nt "$cache" ]; then
    echo "run.sh: training the start-up cache for this build (once, about 10 s)..." >&2
    port=$(( 20000 + RANDOM % 20000 )) scratch=$(mktemp -d)
    env -u DISCORD_TOKEN -u DISCORD_TOKEN_FILE MICRONAUT_SERVER_PORT=$port PCIBOT_DATA_DIR="$scratch" \
      "$JAVA_HOME/bin/java" "${java_opts[@]}" -XX:AOTCacheOutput="$cache" -jar "$jar" >"$scratch/train.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 600); do
      curl -sf -o /dev/null "http://127.0.0.1:$port/api/search?q=iommu+groups" && break
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    curl -sf -o /dev/null "http://127.0.0.1:$port/api/search?q=gpu+code+43" || true
    curl -sf -o /dev/null -H 'Content-Type: text/plain' --data-binary '[    0.1] DMAR: IOMMU enabled' \
      "http://127.0.0.1:$port/api/diagnose" || true
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    rm -rf "$scratch"
  fi
  [ -f "$cache" ] && java_opts+=(-XX:AOTCache="$cache")
fi
exec "$JAVA_HOME/bin/java" "${java_opts[@]}" ${user_opts[@]+"${user_opts[@]}"} -jar "$jar" "$@"
