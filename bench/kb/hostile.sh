#!/usr/bin/env bash
# Hostile-input benchmark (figures only, no assertions): for every pattern-table row, every parser
# and the whole diagnosis, the slowest of the scaling tests' hostile inputs, as CPU ms at 64 KiB.
#   bench/kb/hostile.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
./mvnw -q -B -Dbuild.dir.name=target-bench -pl kb -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=/tmp/pcibot-kb-cp.txt -Dmdep.includeScope=test
CP=kb/target-bench/test-classes:kb/target-bench/classes:content/target-bench/classes:ingest/target-bench/classes:$(cat /tmp/pcibot-kb-cp.txt)
"$JAVA" -Xmx512m -cp "$CP" dev.pcibot.kb.diagnose.HostileBench
