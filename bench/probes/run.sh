#!/usr/bin/env bash
# Runs ProbeLatencyBench: each API probe through the fake PVE API over TLS on 127.0.0.1, the
# transport alone and the whole ProbeRunner (authorization, audit, diagnosis), p50/p99 on stdout.
# Argument: runs per probe (default 200). Needs the dependencies in ~/.m2 (offline build).
set -euo pipefail
cd "$(dirname "$0")/../.."
DIR=target-bench
./mvnw -B -o -q -Dbuild.dir.name=$DIR -pl bot -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/bot/$DIR/bench-classpath.txt" -Dmdep.includeScope=test
CP="bot/$DIR/test-classes:bot/$DIR/classes:$(cat "bot/$DIR/bench-classpath.txt")"
JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
if [ ! -x "$JAVA" ]; then JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"; fi
exec "$JAVA" -Xmx1g -cp "$CP" dev.pcibot.bot.probe.ProbeLatencyBench "$@"
