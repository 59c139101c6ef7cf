#!/usr/bin/env bash
# The run-length benchmark of issue 9 ("never slower than the plain JVM"): for each call count N,
# fresh JVMs of dev.hotloop.bench.runlength.RunLengthApp (six @Vectorize kernels over 1,000
# elements, N calls of each, the kernel class loaded inside the timed region), interleaved:
#   plain   java --add-modules jdk.incubator.vector -cp ... RunLengthApp N
#   agent   the same with -javaagent:agent/target/hotloop-agent.jar (default options)
#   warm    the agent with cache=DIR after one untimed run filled DIR ("n/a" while the agent
#           has no cache option: it stops with exit status 2 on an unknown option)
# Prints the machine, java -version, the agent's line for each kernel and a Markdown table of
# medians (the app's elapsed time and the JVM's wall time), agent / plain, and the issue's
# targets: cold <= plain + 100 ms, warm cache <= 1.2 x plain + 20 ms.
#
#   scripts/run-length.sh --quick                                   # N up to 2,000, 3 runs: under a minute
#   scripts/run-length.sh --jdk /usr/lib/jvm/temurin-25-jdk-amd64   # N up to 1,000,000, 5 runs: 4 to 6 minutes
#   scripts/run-length.sh --quick --agent-opts report=off --out /tmp/rl.md
#
# Builds the agent and benchmark jars first (tests skipped) unless --no-build comes first.
# The JDK that runs the JVMs is --jdk (default: JAVA_HOME, else the java on PATH); --help lists
# every option of dev.hotloop.bench.runlength.RunLengthBenchmark.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == --no-build ]]; then
    shift
else
    mvn -B -ntp -q package -pl agent,benchmarks -am -DskipTests >&2
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -cp benchmarks/target/hotloop-benchmarks.jar dev.hotloop.bench.runlength.RunLengthBenchmark "$@"
