#!/usr/bin/env bash
# Regex linearity bench (figures, not a test): every row of content/diagnose/patterns.tsv and every
# static regex in kb's diagnose and search code, on its slowest constructed input at 1 KB, 10 KB,
# 100 KB and 1 MB; prints CPU ms per size, the growth per 10x (linear ~10) and the exponent
# (1.0 linear, 2.0 quadratic), worst first.
#   bench/fuzz/regex-growth.sh [id-filter]     e.g. bench/fuzz/regex-growth.sh patterns.tsv
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -B -Dbuild.dir.name=target-regex -pl kb -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=/tmp/pcibot-regex-cp.txt -Dmdep.includeScope=test -Dspotless.check.skip=true
CP=kb/target-regex/test-classes:kb/target-regex/classes:content/target-regex/classes:ingest/target-regex/classes:$(cat /tmp/pcibot-regex-cp.txt)
"$JAVA_HOME/bin/java" -Xmx2g -Xss4m -cp "$CP" dev.pcibot.kb.fuzz.RegexGrowthBench "$@"
