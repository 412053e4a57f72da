#!/usr/bin/env bash
# Runs TroubleshootBench: N guided conversations (default 100) walked at once through the fake
# Discord to their summaries; steps/s and step latency on stdout. Extra arguments: N, then
# service properties (e.g. 100 discord.workers=2). Needs the dependencies in ~/.m2 (offline build).
set -euo pipefail
cd "$(dirname "$0")/../.."
DIR=target-bench
./mvnw -B -o -q -Dbuild.dir.name=$DIR -pl bot -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/bot/$DIR/bench-classpath.txt" -Dmdep.includeScope=test
CP="bot/$DIR/test-classes:bot/$DIR/classes:$(cat "bot/$DIR/bench-classpath.txt")"
JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
if [ ! -x "$JAVA" ]; then JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"; fi
exec "$JAVA" -Xmx2g -cp "$CP" dev.pcibot.bot.discord.e2e.TroubleshootBench "$@"
