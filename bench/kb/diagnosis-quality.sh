#!/usr/bin/env bash
# Diagnosis quality on the real-paste set (kb/src/test/resources/diagnose/real, see its README):
# per split (dev = tuned on, test = held out, all) recall, precision, false alarms on healthy
# pastes, trap hits, and a per-finding-id table (expected / found / reported but not expected).
#   bench/kb/diagnosis-quality.sh [--misses] [--split dev|test|all] [DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* | head -1)}/bin/java
./mvnw -o -q -B -Dbuild.dir.name=target-quality -pl kb -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=/tmp/pcibot-kb-quality-cp.txt -Dmdep.includeScope=test
CP=kb/target-quality/test-classes:kb/target-quality/classes:content/target-quality/classes:ingest/target-quality/classes:$(cat /tmp/pcibot-kb-quality-cp.txt)
"$JAVA" -cp "$CP" dev.pcibot.kb.diagnose.real.DiagnosisQuality "$@"
