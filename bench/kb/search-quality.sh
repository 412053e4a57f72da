#!/usr/bin/env bash
# Search quality: recall@1, recall@3, MRR, answered-rate on answerable questions and abstention on
# unanswerable ones (none / closest / strong), for the written table (kb/src/test/resources/search)
# and the real-question set's dev and test halves (search/real, see its README); for pcibot with its
# fixed defaults, for plain untuned BM25 (StandardAnalyzer, paragraph chunks), then with the
# settings a grid search on the dev half picks. Test figures are reported, never tuned on.
# The calibration is also cross-validated on dev (5 folds): the in-sample dev abstention flatters.
#   bench/kb/search-quality.sh [--model minilm-q|minilm|e5-small-q|all] [--misses] [--no-grid]
#       [--try k,dense,community,cover,words]... [--features FILE]   (see SearchQualityBench)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* | head -1)}/bin/java
./mvnw -o -q -B -Dbuild.dir.name=target-quality -Dspotless.check.skip=true -pl kb -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=/tmp/pcibot-kb-search-quality-cp.txt -Dmdep.includeScope=test
CP=kb/target-quality/test-classes:kb/target-quality/classes:content/target-quality/classes:ingest/target-quality/classes:$(cat /tmp/pcibot-kb-search-quality-cp.txt)
"$JAVA" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp "$CP" dev.pcibot.kb.search.SearchQualityBench "$@" 2>&1 \
  | grep -v -e '^WARNING' -e 'incubator' -e '^SLF4J'
