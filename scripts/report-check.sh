#!/usr/bin/env bash
# Issue 9's honesty check of the exit table: each kernel of dev.hotloop.bench.vector.ScalarKernels
# run by JMH in a fork with the agent and its default report (ReportedKernelBenchmark), then the
# kernel's steady/call in that fork's exit table against JMH's own average time per call
# (ReportAgreement). Prints a Markdown table; exits 1 when a kernel's report is more than 25 % off.
#
#   scripts/report-check.sh                                   # 5 kernels x 1,000 and 100,000 elements: about 2 minutes
#   scripts/report-check.sh -k 'dotFloat|hypot' -s 1000000 --no-build
set -euo pipefail
kernels='dotFloat|sumInt|saxpy|hypot|sigmoid'
sizes=1000,100000
jdk=/usr/lib/jvm/temurin-25-jdk-amd64
build=1
while [ $# -gt 0 ]; do
    case "$1" in
        -k) kernels=$2; shift 2 ;;
        -s) sizes=$2; shift 2 ;;
        -j) jdk=$2; shift 2 ;;
        --no-build) build=0; shift ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "usage: scripts/report-check.sh [-k KERNELS] [-s SIZES] [-j JDK] [--no-build]" >&2; exit 2 ;;
    esac
done
cd "$(dirname "$0")/.."
while read -r v; do unset "$v"; done < <(compgen -e | grep '^HOTLOOP_' || true)
unset JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS _JAVA_OPTIONS
if [ "$build" = 1 ]; then
    JAVA_HOME=$jdk mvn -B -q ${MVN_FLAGS:-} -pl benchmarks -am package -DskipTests
fi
out=benchmarks/target/report-check
mkdir -p "$out"
jar=benchmarks/target/hotloop-benchmarks.jar
"$jdk/bin/java" -jar "$jar" "^dev\.hotloop\.bench\.vector\.ReportedKernelBenchmark\.($kernels)\$" -p "size=$sizes" \
    -f 1 -wi 3 -i 3 -w 1s -r 1s > "$out/jmh.log" 2>&1 || { echo "report-check: JMH failed; see $out/jmh.log" >&2; exit 1; }
echo "Machine: $(grep -m1 '^model name' /proc/cpuinfo | sed 's/^[^:]*: *//'), $(nproc) cores; JDK: $("$jdk/bin/java" -version 2>&1 | sed -n 2p)."
"$jdk/bin/java" -cp "$jar" dev.hotloop.bench.vector.ReportAgreement "$out/jmh.log"
