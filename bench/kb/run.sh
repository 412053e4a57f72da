#!/usr/bin/env bash
# Runs the knowledge-base benchmarks in one go (figures only, no assertions):
#   SearchBench   index build time, in-process search latency p50/p99 (wall and CPU), queries/s
#   DiagnoseBench diagnosis throughput in MB/s on a generated kernel log beside grep -E with the
#                 same trigger patterns on the same file, and peak heap
#   bench/kb/run.sh [search-rounds] [log-MB]      (defaults: 200 rounds, 48 MB)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
./mvnw -q -B -Dbuild.dir.name=target-bench -pl kb -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=/tmp/pcibot-kb-cp.txt -Dmdep.includeScope=test
CP=kb/target-bench/test-classes:kb/target-bench/classes:content/target-bench/classes:ingest/target-bench/classes:$(cat /tmp/pcibot-kb-cp.txt)
echo "== SearchBench"
"$JAVA" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp "$CP" dev.pcibot.kb.bench.SearchBench "${1:-200}" 2>&1 | grep -v -e '^WARNING' -e 'incubator'
echo "== DiagnoseBench"
"$JAVA" -Xmx256m -cp "$CP" dev.pcibot.kb.bench.DiagnoseBench "${2:-48}"
