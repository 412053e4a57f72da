#!/usr/bin/env bash
# Fuzzing bench (figures, not a test): runs every Jazzer fuzz target in fuzzing mode for the given
# seconds each, one JVM per target (Jazzer fuzzes one target per run), and prints per target the
# time, executions, exec/s, corpus size and any finding; then the line coverage per parser class.
#   bench/fuzz/run.sh [seconds-per-target] [target-filter]
# e.g. bench/fuzz/run.sh 180, or bench/fuzz/run.sh 30 Parsers. Findings are saved by Jazzer as
# crash-*/timeout-* files in the target's inputs folder under src/test/resources, where the plain
# test run replays them; the generated corpus stays in <module>/.cifuzz-corpus/ (git-ignored).
# Logs: target-fuzz/logs/. The machine's 2 cores are shared: exec/s depend on the load.
set -uo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_TARGET=${1:-180}
FILTER=${2:-}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
LOGS=target-fuzz/logs
mkdir -p "$LOGS"
TARGETS=(
  "kb dev.pcibot.kb.fuzz.PasteIntakeFuzzTest#rawBytes"
  "kb dev.pcibot.kb.fuzz.ParsersFuzzTest#everyParser"
  "kb dev.pcibot.kb.fuzz.DiagnosisFuzzTest#multiPartPaste"
  "kb dev.pcibot.kb.fuzz.SearchFuzzTest#query"
  "bot dev.pcibot.bot.fuzz.AttachmentFuzzTest#download"
  "bot dev.pcibot.bot.fuzz.AttachmentFuzzTest#pastedText"
)
./mvnw -q -B -Dbuild.dir.name=target-fuzz -pl bot -am test-compile -Dspotless.check.skip=true >"$LOGS/compile.log" 2>&1 \
  || { echo "compile failed, see $LOGS/compile.log"; exit 1; }
printf '%-44s %7s %10s %8s %7s %6s  %s\n' target seconds execs exec/s corpus cov finding
status=0
for t in "${TARGETS[@]}"; do
  read -r module test <<<"$t"
  [[ -n "$FILTER" && "$test" != *"$FILTER"* ]] && continue
  name=${test##*.}
  log="$LOGS/$name.log"
  inputs="$module/src/test/resources/$(dirname "${test//.//}")/${name%%#*}Inputs/${name##*#}"
  before=$(ls "$inputs" 2>/dev/null | grep -c -E '^(crash|timeout|slow-unit)-' || true)
  start=$(date +%s)
  # timeout.mode=disabled: JUnit would apply the target's @Timeout to the whole fuzzing run;
  # Jazzer turns that @Timeout into libFuzzer's per-input -timeout instead
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${SECONDS_PER_TARGET}s" \
  JAZZER_COVERAGE_REPORT="$PWD/$LOGS/$name.coverage.txt" \
    ./mvnw -o -q -B -Dbuild.dir.name=target-fuzz -pl "$module" -am -Dtest="$test" \
    -Dsurefire.failIfNoSpecifiedTests=false -Djunit.jupiter.execution.timeout.mode=disabled \
    -Dspotless.check.skip=true test >"$log" 2>&1
  rc=$?
  elapsed=$(( $(date +%s) - start ))
  report=$(ls "$module"/target-fuzz/surefire-reports/*"${test%%#*}"-output.txt 2>/dev/null | head -1)
  [[ -n "$report" ]] && cat "$report" >>"$log"
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1)
  [[ -z "$done_line" ]] && done_line=$(grep -E '^#[0-9]+[[:space:]]+(pulse|NEW|REDUCE|INITED)' "$log" | tail -1)
  runs=$(grep -oE '^Done [0-9]+ runs in [0-9]+' "$log" | tail -1 | awk '{print $2}')
  fuzz_s=$(grep -oE '^Done [0-9]+ runs in [0-9]+' "$log" | tail -1 | awk '{print $5}')
  execs=${runs:-$(sed -E 's/^#([0-9]+).*/\1/' <<<"$done_line")}
  eps=$(grep -oE 'exec/s: [0-9]+' <<<"$done_line" | awk '{print $2}')
  cov=$(grep -oE 'cov: [0-9]+' <<<"$done_line" | awk '{print $2}')
  corpus=$(ls "$module/.cifuzz-corpus/${test%%#*}/${name##*#}" 2>/dev/null | wc -l)
  after=$(ls "$inputs" 2>/dev/null | grep -c -E '^(crash|timeout|slow-unit)-' || true)
  finding="none"
  if (( after > before )) || grep -qE '== Java Exception|FuzzTestFindingException|FuzzerSecurityIssue|ALARM: working on the last Unit|Test worker.*timed out' "$log"; then
    finding=$(grep -m1 -E 'FuzzTestFindingException: .*|== Java Exception:|FuzzerSecurityIssue[A-Za-z]*:|ALARM: working on the last Unit' "$log" | cut -c1-120)
    finding="${finding:-new file in $inputs} (log $log)"
    status=1
  elif (( rc != 0 )); then
    finding="build/test failed rc=$rc (log $log)"
    status=1
  fi
  printf '%-44s %7s %10s %8s %7s %6s  %s\n' "$name" "${fuzz_s:-$elapsed}" "${execs:-?}" "${eps:-?}" "$corpus" "${cov:-?}" "$finding"
done
echo
echo "line coverage of diagnose.parse per class, from the everyParser run (Jazzer's coverage report):"
cov_file="$LOGS/ParsersFuzzTest#everyParser.coverage.txt"
if [[ -f "$cov_file" ]]; then
  sed -n '/^Line coverage:/,/^$/p' "$cov_file" | grep -E '^(Cmdline|CpuFlags|IommuGroups|KernelLog|Lspci|Modules|PveVersion|QmConfig|Uname)Parser\.java|Reader\.java|Tokenizer\.java' | sed 's/^/  /'
else
  echo "  (no report: run the Parsers target)"
fi
exit $status
