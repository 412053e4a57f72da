#!/usr/bin/env bash
# Builds and runs the service (or the CLI) on a JDK 21+, whatever the default `java` is.
#   ./run.sh                    build, then start the service (HTTP on :8080, Discord if DISCORD_TOKEN is set)
#   ./run.sh search "question"  any CLI verb: search, diagnose, index, help
#   ./run.sh test               the test suite (same as ./mvnw -B verify)
#   ./run.sh mvn <goals...>     any Maven goal through the wrapper
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

case "${1:-run}" in
  test) shift; exec ./mvnw -B verify "$@" ;;
  mvn) shift; exec ./mvnw "$@" ;;
  run) if [ $# -gt 0 ]; then shift; fi ;;
esac
./mvnw -q -B -pl bot -am package -DskipTests
exec "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -jar bot/target/bot-0.1.0-SNAPSHOT.jar "$@"
