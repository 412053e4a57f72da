#!/usr/bin/env bash
# Runs the knowledge-base benchmarks in one go (figures only, no assertions):
#   SearchBench   index build time (embeddings included), in-process search latency p50/p99 (wall and
#                 CPU, query embedding included), queries/s, resident memory; start to first answer
#                 with a reused index; the classpath the dense search adds
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
echo "== start to first answer (second JVM reuses the index the first built)"
FA=$(mktemp -d)
"$JAVA" --add-modules jdk.incubator.vector -cp "$CP" dev.pcibot.kb.bench.SearchBench --first-answer "$FA" 2>&1 | grep -e 'first answer'
"$JAVA" --add-modules jdk.incubator.vector -cp "$CP" dev.pcibot.kb.bench.SearchBench --first-answer "$FA" 2>&1 | grep -e 'first answer'
rm -rf "$FA"
echo "== classpath added by the dense search (runtime jars)"
tr ':' '\n' < /tmp/pcibot-kb-cp.txt | grep -e langchain4j -e onnxruntime -e '/ai/djl/' -e '/jna/' -e '/gson/' -e commons-compress -e commons-io \
  -e error_prone_annotations -e slf4j-api | grep -v -e all-minilm-l6-v2/ -e e5-small | xargs du -cb | tail -1 | awk '{printf "%.1f MB\n", $1/1048576}'
echo "== DiagnoseBench"
"$JAVA" -Xmx256m -cp "$CP" dev.pcibot.kb.bench.DiagnoseBench "${2:-48}"
