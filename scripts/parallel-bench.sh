#!/usr/bin/env bash
# @Parallel against the plain loop and against a parallel stream, on five workloads: a compute-bound
# Mandelbrot image (rows in parallel), a memory-bound map, a reduction, a list of objects with a
# costly function of each, and 100 cheap iterations. Each JMH benchmark class times
#   plain   the annotated loop on the plain JVM
#   agent   the same loop in a fork started with -javaagent:agent/target/hotloop-agent.jar
#   stream  the same work as IntStream.range(...).parallel() (or list.parallelStream()), plain JVM
# and this script prints one Markdown row per workload with the times and the speed-ups against
# the plain loop of the same run (above 1 is faster).
#
#   scripts/parallel-bench.sh                     # full run: 2 forks x 5 x 1 s per benchmark
#   scripts/parallel-bench.sh -f 1 -wi 1 -i 1     # smoke run; any JMH option is passed through
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 scripts/parallel-bench.sh
#
# Builds the agent and benchmark jars first (offline Maven, tests skipped) unless NO_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
RESULTS="benchmarks/target/parallel-bench.json"

if [[ "${NO_BUILD:-0}" != 1 ]]; then
    mvn -B -o -q package -pl agent,benchmarks -am -DskipTests >&2
fi

"$JAVA" -jar benchmarks/target/hotloop-benchmarks.jar 'dev\.hotloop\.bench\.parallel\..*' \
    -rf json -rff "$RESULTS" "$@" >&2

python3 - "$RESULTS" <<'PY'
import json, sys
rows = {}
for r in json.load(open(sys.argv[1])):
    cls, method = r["benchmark"].rsplit(".", 2)[-2:]
    m = r["primaryMetric"]
    rows.setdefault(cls, {})[method] = (m["score"], m["scoreError"], m["scoreUnit"])

def cell(v):
    score, err, unit = v
    unit = unit.replace("/op", "")
    err = float(err)
    err = "" if err != err else f" ± {err:.3g}"   # NaN with a single iteration
    return f"{score:.4g}{err} {unit}"

print("| workload | plain loop | @Parallel (agent) | parallel stream | agent vs plain | stream vs plain |")
print("|---|---|---|---|---|---|")
for cls in sorted(rows):
    v = rows[cls]
    if not all(k in v for k in ("plain", "agent", "stream")):
        continue
    p, a, s = v["plain"][0], v["agent"][0], v["stream"][0]
    print(f"| {cls.replace('Benchmark', '')} | {cell(v['plain'])} | {cell(v['agent'])} | {cell(v['stream'])} "
          f"| {p / a:.2f}x | {p / s:.2f}x |")
PY
