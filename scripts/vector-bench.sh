#!/usr/bin/env bash
# The SIMD benchmark of BENCHMARKS.md: each kernel of dev.hotloop.bench.vector.ScalarKernels as
# ns per element at 1,000 and 1,000,000 elements, in three JMH forks of the same run:
#   plain  the scalar kernel on the plain JVM (no agent, no flag)
#   agent  the same kernel with -javaagent:agent/target/hotloop-agent.jar=report=off
#          and --add-modules jdk.incubator.vector
#   hand   the kernel written by hand on the Vector API (HandKernels), --add-modules only
# Builds the agent and the benchmarks jar, runs JMH on JDK 25 with JSON output, then prints a
# Markdown table (kernel, size, the three times, agent speed-up over plain, agent / hand), the
# machine, the command, and what the agent made of each kernel (its load-time lines).
#
#   scripts/vector-bench.sh                              # everything: about 12 minutes
#   scripts/vector-bench.sh -k 'dotFloat|sumInt' -s 1000 -w 1 -i 1 -t 1 --no-build   # a smoke run
set -euo pipefail

# The words of a command as a reader would type them: quoted only where the shell needs it.
shell_words() {
    local out=() w
    for w in "$@"; do
        if [[ $w =~ ^[A-Za-z0-9_./,=:+-]+$ ]]; then out+=("$w"); else out+=("'${w//\'/\'\\\'\'}'"); fi
    done
    echo "${out[*]}"
}

usage() {
    cat <<'EOF'
usage: scripts/vector-bench.sh [-k KERNELS] [-s SIZES] [-f FORKS] [-w WARMUP] [-i ITERATIONS]
                               [-t SECONDS] [-j JDK] [-x VMFLAGS] [-o DIR] [--no-build]
  -k KERNELS    regular expression of kernel names (default: all), e.g. 'dotFloat|sumInt'
  -s SIZES      elements per call, comma-separated (default 1000,1000000; matmul needs cubes)
  -f FORKS      forks of each benchmark (default 1)
  -w WARMUP     warm-up iterations (default 3)
  -i ITERATIONS measured iterations (default 3)
  -t SECONDS    length of each iteration (default 1)
  -j JDK        the JDK that builds and runs (default /usr/lib/jvm/temurin-25-jdk-amd64)
  -x VMFLAGS    JVM flags for every fork, e.g. '-XX:MaxVectorSize=16' or '-XX:UseAVX=2'
  -o DIR        where jmh.json, jmh.log and vector-bench.md go (default benchmarks/target/vector-bench)
  --no-build    use the jars already built
environment: MVN_FLAGS adds options to the Maven build (e.g. -o for offline)
EOF
}

kernels='\w+'
sizes=1000,1000000
forks=1
warmup=3
iterations=3
seconds=1
jdk=/usr/lib/jvm/temurin-25-jdk-amd64
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/benchmarks/target/vector-bench
build=1
vmflags=
command=$(shell_words scripts/vector-bench.sh "$@")
while [ $# -gt 0 ]; do
    case "$1" in
        -k) kernels=$2; shift 2 ;;
        -s) sizes=$2; shift 2 ;;
        -f) forks=$2; shift 2 ;;
        -w) warmup=$2; shift 2 ;;
        -i) iterations=$2; shift 2 ;;
        -t) seconds=$2; shift 2 ;;
        -j) jdk=$2; shift 2 ;;
        -x) vmflags=$2; shift 2 ;;
        -o) out=$(mkdir -p "$2" && cd "$2" && pwd); shift 2 ;;
        --no-build) build=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done
case "$forks$warmup$iterations$seconds" in
    *[!0-9]*) echo "vector-bench: FORKS, WARMUP, ITERATIONS and SECONDS must be whole numbers" >&2; exit 2 ;;
esac
case "$sizes" in
    ''|*[!0-9,]*) echo "vector-bench: SIZES must be whole numbers separated by commas, got '$sizes'" >&2; exit 2 ;;
esac
[ "$forks" -ge 1 ] && [ "$iterations" -ge 1 ] && [ "$seconds" -ge 1 ] ||
    { echo "vector-bench: FORKS, ITERATIONS and SECONDS must be at least 1" >&2; exit 2; }
java=$jdk/bin/java
[ -x "$java" ] || { echo "vector-bench: no java at $java; pass the JDK with -j" >&2; exit 2; }

# Every fork inherits the environment: Hotloop options and JVM flags from the caller's shell would
# reach some variants and not others, or all of them unseen.
while read -r v; do unset "$v"; done < <(compgen -e | grep '^HOTLOOP_' || true)
unset JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS _JAVA_OPTIONS

cd "$root"
if [ "$build" = 1 ]; then
    echo "building the agent and the benchmarks with $jdk ..." >&2
    # shellcheck disable=SC2086 # MVN_FLAGS holds separate options
    JAVA_HOME=$jdk mvn -B -q ${MVN_FLAGS:-} -pl benchmarks -am package -DskipTests
fi
jar=benchmarks/target/hotloop-benchmarks.jar
for f in "$jar" agent/target/hotloop-agent.jar; do
    [ -f "$f" ] || { echo "vector-bench: no $f; run without --no-build" >&2; exit 1; }
done

mkdir -p "$out"
include="^dev\.hotloop\.bench\.vector\.(Plain|Agent|Hand)KernelBenchmark\.($kernels)\$"
count=$("$java" -jar "$jar" -l "$include" | grep -c '^dev\.hotloop' || true)
[ "$count" -gt 0 ] || { echo "vector-bench: no benchmark matches -k '$kernels'" >&2; exit 2; }
runs=$((count * $(tr ',' '\n' <<<"$sizes" | grep -c .)))
echo "running $runs benchmarks ($count kernel variants x sizes $sizes), about $(( runs * (forks * (warmup + iterations) * seconds + 3 * forks) / 60 + 1 )) minutes ..." >&2

# The JMH host runs without flags: JMH hands its own JVM flags on to every fork.
# Prepended, so that the agent fork keeps its @Fork(jvmArgsAppend) flags.
prepend=()
[ -n "$vmflags" ] && prepend=(-jvmArgsPrepend "$vmflags")
if ! "$java" -cp "$jar" dev.hotloop.bench.vector.VectorBench "$out/table.md" "$include" "${prepend[@]}" \
        -f "$forks" -wi "$warmup" -i "$iterations" -w "${seconds}s" -r "${seconds}s" -p "size=$sizes" \
        -rf json -rff "$out/jmh.json" 2>&1 | tee "$out/jmh.log"; then
    echo "vector-bench: JMH failed; see $out/jmh.log" >&2
    exit 1
fi
if grep -q '<failure>' "$out/jmh.log"; then
    echo "vector-bench: some benchmarks failed (a dash in their cells); see <failure> in $out/jmh.log" >&2
fi

cpu=$(grep -m1 '^model name' /proc/cpuinfo | sed 's/^[^:]*: *//')
avx=$(grep -m1 -o -w 'avx512f' /proc/cpuinfo || grep -m1 -o -w 'avx2' /proc/cpuinfo || echo 'no AVX2')
jdk_version=$("$java" -version 2>&1 | sed -n 2p)
{
    echo "Machine: $cpu, $(nproc) cores, ${avx^^}, Linux $(uname -r); JDK: $jdk_version."
    [ -n "$vmflags" ] && echo "JVM flags of every fork: $vmflags."
    echo "JMH 1.37: $forks fork(s) of each variant, $iterations x ${seconds} s measured after $warmup x ${seconds} s warm-up;"
    echo "ns per element = JMH average time per call / size (matmul: size = n^3 inner iterations)."
    echo "Command: \`$command\`"
    echo
    cat "$out/table.md"
    echo
    echo "What the agent made of each kernel (load-time lines of the agent forks):"
    echo
    grep -o '\[hotloop\] .*' "$out/jmh.log" | grep -E "ScalarKernels\.($kernels)\(" |
        sed 's/ (transform [0-9.]* ms)$//' | sort -u | sed 's/^/    /'
} > "$out/vector-bench.md"
echo
cat "$out/vector-bench.md"
echo
echo "(saved in $out/vector-bench.md; raw results in $out/jmh.json)" >&2
