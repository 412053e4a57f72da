#!/usr/bin/env bash
# Runs DiscordBench: the whole service against the fake Discord, latency table on stdout,
# bench/discord/sample-replies.json rewritten. Extra arguments are service properties
# (e.g. discord.workers=2). Needs the dependencies in ~/.m2 (offline build).
set -euo pipefail
cd "$(dirname "$0")/../.."
DIR=target-bench
./mvnw -B -o -q -Dbuild.dir.name=$DIR -pl bot -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/bot/$DIR/bench-classpath.txt" -Dmdep.includeScope=test
CP="bot/$DIR/test-classes:bot/$DIR/classes:$(cat "bot/$DIR/bench-classpath.txt")"
JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
if [ ! -x "$JAVA" ]; then JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"; fi
exec "$JAVA" -Xmx2g -cp "$CP" dev.pcibot.bot.discord.e2e.DiscordBench bench/discord/sample-replies.json "$@"
