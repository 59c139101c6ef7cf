#!/usr/bin/env bash
# The width matrix: the compiled tier (tests tagged c2: CompiledVectorEquivalenceTest,
# FastMathSpecialValuesTest, CompiledFuzzTest) under each JIT and vector-width configuration, on
# JDK 17 and JDK 25, with one table at the end: kernels checked, mismatches, and how many ran as
# C2 code (their SIMD form compiled by C2 before the comparison and still after it).
#   scripts/width-matrix.sh            the full matrix
#   scripts/width-matrix.sh --fast     C2 only and -Xint, on the JDK of JAVA_HOME (what CI runs in mvn verify)
#   WIDTH_MATRIX_ONLY=REGEX scripts/width-matrix.sh   only the configurations whose name matches
# JDKs come from JAVA17_HOME and JAVA25_HOME, or the usual Debian and Temurin locations.
# A configuration the CPU lacks (UseAVX=3 without AVX-512) is run anyway: HotSpot lowers the flag.
# "checked" counts the kernels the agent rewrote under that configuration (narrow widths keep some
# loops scalar; those are skipped); "C2-proven" those whose SIMD form ran as C2 code.
set -uo pipefail
cd "$(dirname "$0")/.."

jdk17="${JAVA17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
jdk25="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
c2="-XX:-TieredCompilation -XX:CompileThresholdScaling=0.1"
configs=(
  "C2 only|$c2"
  "UseAVX=0|$c2 -XX:UseAVX=0"
  "UseAVX=1|$c2 -XX:UseAVX=1"
  "UseAVX=2|$c2 -XX:UseAVX=2"
  "UseAVX=3|$c2 -XX:UseAVX=3"
  "MaxVectorSize=16|$c2 -XX:MaxVectorSize=16"
  "MaxVectorSize=32|$c2 -XX:MaxVectorSize=32"
  "MaxVectorSize=64|$c2 -XX:MaxVectorSize=64"
  "tiered (default JIT)|-XX:CompileThresholdScaling=0.1"
  "-Xcomp|-Xcomp"
  "-Xint|-Xint"
)
jdks=("$jdk17" "$jdk25")
fuzz=20
if [ "${1:-}" = "--fast" ]; then
  configs=("C2 only|$c2" "-Xint|-Xint")
  jdks=("${JAVA_HOME:-$jdk17}")
fi

mvn -B -q -ntp -o test-compile -pl agent -am || { echo "width-matrix: the tests do not compile" >&2; exit 1; }
tally=agent/target/c2-tier/tally.tsv
rows=()
failed=0
for jdk in "${jdks[@]}"; do
  version=$("$jdk/bin/java" -version 2>&1 | head -1 | sed 's/.*version "\([^"]*\)".*/\1/')
  for entry in "${configs[@]}"; do
    name="${entry%%|*}"
    flags="${entry#*|}"
    if [ -n "${WIDTH_MATRIX_ONLY:-}" ] && ! [[ "$name" =~ $WIDTH_MATRIX_ONLY ]]; then
      continue
    fi
    optional=false
    [ "$flags" = "-Xint" ] && optional=true
    rm -f "$tally"
    start=$(date +%s)
    log="agent/target/c2-tier/$(echo "$version $name" | tr -c 'A-Za-z0-9.=\n' '_').log"
    mkdir -p agent/target/c2-tier
    JAVA_HOME="$jdk" mvn -B -q -ntp -o surefire:test@c2 -pl agent -Dhotloop.c2.jit="$flags" \
        -Dhotloop.c2.optional="$optional" -Dhotloop.c2.anyWidth=true -Dfuzz.c2.kernels="$fuzz" > "$log" 2>&1
    rc=$?
    secs=$(( $(date +%s) - start ))
    if [ -f "$tally" ]; then
      read -r checked mismatches proven < <(awk -F'\t' '{c+=$2; m+=$3; p+=$4} END {print c+0, m+0, p+0}' "$tally")
    else
      checked=0; mismatches=0; proven=0
    fi
    result=$([ $rc -eq 0 ] && echo pass || echo "FAIL (see $log)")
    [ $rc -eq 0 ] || failed=1
    rows+=("$(printf '| %-8s | %-22s | %7s | %10s | %9s | %5ss | %s |' "$version" "$name" "$checked" "$mismatches" "$proven" "$secs" "$result")")
    echo "${rows[-1]}"
  done
done
echo
echo "Compiled tier on $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'); fuzz subset $fuzz kernels per configuration"
echo "| JDK      | configuration          | checked | mismatches | C2-proven | time   | result |"
echo "|----------|------------------------|---------|------------|-----------|--------|--------|"
printf '%s\n' "${rows[@]}"
exit $failed
