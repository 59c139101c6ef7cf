#!/usr/bin/env bash
# Start-up overhead of the Hotloop agent on a program that has no Hotloop annotation at all.
#
# Generates (once, cached) COUNT small distinct classes and a Main that loads and initialises every
# one of them by name, then times, alternately, RUNS times each after WARMUP unmeasured runs:
#   plain    java -cp ... bench.Main
#   floor    java -javaagent:noop-agent.jar -cp ... bench.Main    (scripts/startup/NoopAgent.java:
#            one transformer that changes nothing; the JVM's price for any agent like Hotloop)
#   hotloop  java -javaagent:agent/target/hotloop-agent.jar -cp ... bench.Main
# and the same three with --add-modules jdk.incubator.vector. Prints median and mean wall time of
# each, the overheads in percent and the machine.
#
#   scripts/startup-overhead.sh                      # the JDK on PATH, or $JAVA_HOME
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 scripts/startup-overhead.sh -n 30
#   scripts/startup-overhead.sh --explain            # where the time goes: classes each side loads
#
# Needs the agent jar: mvn -B -q package -DskipTests. Target: under 5 % overhead.
set -euo pipefail

usage() {
    cat <<'EOF'
usage: scripts/startup-overhead.sh [-n RUNS] [-w WARMUP] [-c COUNT] [-o AGENT_OPTIONS] [--clock] [--explain]
  -n RUNS       measured runs of each command (default 20)
  -w WARMUP     unmeasured runs of each command first (default 3)
  -c COUNT      classes the program loads (default 3000)
  -o OPTIONS    agent options, as in -javaagent:hotloop-agent.jar=OPTIONS (default none)
  --clock       time with the shell's clock even where perf stat works
  --explain     instead of timing, run each side once with -Xlog:class+load and say which
                classes the agent adds (its own, shaded ASM/Byte Buddy, JDK by package)
environment: JAVA_HOME picks the JDK; AGENT_JAR overrides the agent jar;
             STARTUP_CACHE overrides the cache of generated classes (~/.cache/hotloop-startup)
EOF
}

runs=20
warmup=3
count=3000
options=""
explain=0
clock=0
while [ $# -gt 0 ]; do
    case "$1" in
        -n) runs=$2; shift 2 ;;
        -w) warmup=$2; shift 2 ;;
        -c) count=$2; shift 2 ;;
        -o) options=$2; shift 2 ;;
        --clock) clock=1; shift ;;
        --explain) explain=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done
case "$runs$warmup$count" in
    *[!0-9]*) echo "startup-overhead: RUNS, WARMUP and COUNT must be whole numbers" >&2; exit 2 ;;
esac
[ "$runs" -ge 1 ] || { echo "startup-overhead: RUNS must be at least 1" >&2; exit 2; }

root=$(cd "$(dirname "$0")/.." && pwd)
agent=${AGENT_JAR:-$root/agent/target/hotloop-agent.jar}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
javac=${JAVA_HOME:+$JAVA_HOME/bin/}javac
if [ ! -f "$agent" ]; then
    echo "startup-overhead: no agent jar at $agent; build it first: mvn -B -q package -DskipTests" >&2
    exit 1
fi
# The agent reads HOTLOOP_* variables as options: none of the caller's shell may leak into a run.
while read -r v; do unset "$v"; done < <(compgen -e | grep '^HOTLOOP_' || true)

# --- the program and the no-op agent: built once per class count, sources and JDK --------------
generator=$root/scripts/startup/GenerateClasses.java
noop_src=$root/scripts/startup/NoopAgent.java
jdk_id=$("$javac" -version 2>&1 | tr -c 'A-Za-z0-9._-' '_')
gen_id=$(cat "$generator" "$noop_src" | cksum | cut -d' ' -f1)
cache=${STARTUP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/hotloop-startup}/$count-$jdk_id-$gen_id
if [ ! -f "$cache/complete" ]; then
    echo "generating and compiling $count classes into $cache ..." >&2
    rm -rf "$cache"
    mkdir -p "$cache/src" "$cache/classes"
    "$java" "$generator" "$cache/src" "$count"
    find "$cache/src" -name '*.java' > "$cache/sources.txt"
    "$javac" -nowarn -d "$cache/classes" @"$cache/sources.txt"
    mkdir -p "$cache/noop"
    "$javac" -nowarn -d "$cache/noop" "$noop_src"
    printf 'Premain-Class: NoopAgent\nCan-Retransform-Classes: true\n' > "$cache/noop.mf"
    "${JAVA_HOME:+$JAVA_HOME/bin/}jar" --create --file "$cache/noop-agent.jar" --manifest "$cache/noop.mf" -C "$cache/noop" .
    touch "$cache/complete"
fi
cp=$cache/classes
agent_arg="-javaagent:$agent${options:+=$options}"
floor_arg="-javaagent:$cache/noop-agent.jar"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# --- check that both sides run the same program, and the agent stays quiet ---------------------
"$java" -cp "$cp" bench.Main > "$tmp/plain.out"
"$java" "$agent_arg" -cp "$cp" bench.Main > "$tmp/agent.out" 2> "$tmp/agent.err"
if ! cmp -s "$tmp/plain.out" "$tmp/agent.out" || grep -q '^\[hotloop\] ERROR' "$tmp/agent.err"; then
    echo "startup-overhead: the program behaves differently with the agent:" >&2
    cat "$tmp/plain.out" "$tmp/agent.out" "$tmp/agent.err" >&2
    exit 1
fi

machine() {
    local cpu
    cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)
    echo "machine: $(nproc) cores, ${cpu:-unknown CPU}, $(uname -sr)"
    "$java" -version 2>&1 | sed 's/^/java:    /'
    echo "agent:   $agent ($(( $(wc -c < "$agent") / 1024 )) KiB)${options:+, options $options}"
}

# --- --explain: which classes the agent adds ----------------------------------------------------
if [ "$explain" = 1 ]; then
    machine
    for v in plain floor agent; do
        case $v in plain) a=() ;; floor) a=("$floor_arg") ;; agent) a=("$agent_arg") ;; esac
        "$java" "${a[@]}" "-Xlog:class+load:file=$tmp/$v.log" -cp "$cp" bench.Main > /dev/null 2>&1
        awk '{print $2}' "$tmp/$v.log" | sed 's/\$\$Lambda.*/$$Lambda/; s/\/0x.*//' | sort > "$tmp/$v.classes"
        printf '%-6s %5d classes loaded, %5d of them from the CDS archive\n' "$v" \
            "$(wc -l < "$tmp/$v.log")" "$(grep -c 'shared objects file' "$tmp/$v.log" || true)"
    done
    echo "(floor: a no-op agent with one transformer, scripts/startup/NoopAgent.java)"
    echo
    echo "Hotloop's own classes loaded (shaded ASM / Byte Buddy marked *):"
    grep '^dev\.hotloop\.' "$tmp/agent.classes" | uniq -c | sed 's/^\( *[0-9]* \)\(dev\.hotloop\.shaded\.\)/*\1\2/' || echo "  none"
    echo
    echo "JDK classes loaded with Hotloop but not with the floor agent, by package:"
    comm -13 "$tmp/floor.classes" "$tmp/agent.classes" | grep -v '^dev\.hotloop\.' \
        | sed 's/\.[^.]*$//' | sort | uniq -c | sort -rn | head -15
    exit 0
fi

# --- timing -------------------------------------------------------------------------------------
# perf stat, where it works, gives each run's elapsed time without its own start-up, and the CPU
# time; otherwise the shell's clock (EPOCHREALTIME in bash 5, else date +%s%N).
timer=clock
if [ "$clock" = 0 ] && command -v perf > /dev/null 2>&1 && perf stat -x, -e task-clock -o "$tmp/probe" true > /dev/null 2>&1; then
    timer=perf
fi

now_us() {
    if [ -n "${EPOCHREALTIME:-}" ]; then
        echo "${EPOCHREALTIME//[!0-9]/}"
    else
        echo $(( $(date +%s%N) / 1000 ))
    fi
}

# run_once LABEL ARGS...: one run; appends "LABEL ROUND wall_us cpu_us" to $tmp/times
round=0
run_once() {
    local label=$1
    shift
    if [ "$timer" = perf ]; then
        LC_ALL=C perf stat -e task-clock -o "$tmp/perf" -- "$java" "$@" -cp "$cp" bench.Main > /dev/null 2>&1
        awk -v l="$label" '/task-clock/ {cpu = $1 * 1000}
            /seconds time elapsed/ {wall = $1 * 1e6}
            END {printf "%s %d %d %d\n", l, r, wall, cpu}' r="$round" "$tmp/perf" >> "$tmp/times"
    else
        local s e
        s=$(now_us)
        "$java" "$@" -cp "$cp" bench.Main > /dev/null 2>&1
        e=$(now_us)
        echo "$label $round $((e - s)) -" >> "$tmp/times"
    fi
}

labels=(plain floor agent plain+vec floor+vec agent+vec)
run_label() {
    local vec=()
    case "$1" in *+vec) vec=(--add-modules jdk.incubator.vector) ;; esac
    case "$1" in
        plain*) run_once "$1" "${vec[@]}" ;;
        floor*) run_once "$1" "$floor_arg" "${vec[@]}" ;;
        agent*) run_once "$1" "$agent_arg" "${vec[@]}" ;;
    esac
}

echo "warming up ($warmup runs of each), then $runs measured runs of each, alternating ..." >&2
for ((i = 0; i < warmup; i++)); do
    for l in "${labels[@]}"; do run_label "$l"; done
done
: > "$tmp/times"
for ((i = 0; i < runs; i++)); do
    round=$i
    # forwards, then backwards, so that no command always runs right after the same other one
    if (( i % 2 == 0 )); then order=(0 1 2 3 4 5); else order=(5 4 3 2 1 0); fi
    for k in "${order[@]}"; do run_label "${labels[$k]}"; done
done

# stats LABEL COLUMN: "median mean stdev" in ms of one column (3 wall, 4 CPU), or "- - -"
stats() {
    awk -v l="$1" -v c="$2" '$1 == l && $c != "-" {print $c}' "$tmp/times" | sort -n | awk '
        {v[NR] = $1; s += $1; q += $1 * $1}
        END {
            if (NR == 0) {print "- - -"; exit}
            m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            mean = s / NR; var = q / NR - mean * mean
            printf "%.1f %.1f %.1f\n", m / 1000, mean / 1000, sqrt(var > 0 ? var : 0) / 1000
        }'
}

# paired BASE WITH COLUMN: median over rounds of (WITH - BASE) in ms; each round ran both, back
# to back, so this cancels the slow drift of a shared machine that plain medians keep
paired() {
    awk -v a="$1" -v b="$2" -v c="$3" '$1 == a {x[$2] = $c} $1 == b {y[$2] = $c}
        END {for (r in x) if ((r in y) && x[r] != "-" && y[r] != "-") print y[r] - x[r]}' "$tmp/times" | sort -n | awk '
        {v[NR] = $1}
        END {
            if (NR == 0) {print "-"; exit}
            m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            printf "%.1f\n", m / 1000
        }'
}

# percent BASE WITH: (WITH - BASE) in percent of BASE
percent() {
    awk -v a="$1" -v b="$2" 'BEGIN {if (a == "-" || b == "-") print "-"; else printf "%+.1f %%", 100 * (b - a) / a}'
}

# points BASE FLOOR WITH: (WITH - FLOOR) in percent of BASE
points() {
    awk -v a="$1" -v f="$2" -v b="$3" 'BEGIN {if (a == "-" || b == "-" || f == "-") print "-"; else printf "%+.1f %%", 100 * (b - f) / a}'
}

# share DIFF BASE: DIFF in percent of BASE
share() {
    awk -v d="$1" -v a="$2" 'BEGIN {if (a == "-" || d == "-") print "-"; else printf "%+.1f %%", 100 * d / a}'
}

echo
echo "Hotloop start-up overhead: $count classes without annotations, $runs runs each after $warmup warm-up runs"
machine
echo "timer:   $([ "$timer" = perf ] && echo 'perf stat (elapsed and task-clock of each run)' || echo 'shell clock around each run')"
echo
printf '  %-36s %10s %10s %8s %12s %12s\n' "" "median ms" "mean ms" "stdev" "CPU median" "paired"
row() {
    printf '  %-36s %10s %10s %8s %12s %12s\n' "$@"
}
report_mode() {
    local suffix=$1 title=$2
    read -r pm pmean psd < <(stats "plain$suffix" 3)
    read -r fm fmean fsd < <(stats "floor$suffix" 3)
    read -r am amean asd < <(stats "agent$suffix" 3)
    read -r pc _ _ < <(stats "plain$suffix" 4)
    read -r fc _ _ < <(stats "floor$suffix" 4)
    read -r ac _ _ < <(stats "agent$suffix" 4)
    local pa pf fa
    pa=$(paired "plain$suffix" "agent$suffix" 3)
    pf=$(paired "plain$suffix" "floor$suffix" 3)
    fa=$(paired "floor$suffix" "agent$suffix" 3)
    echo "$title"
    row "plain:   java -cp ... bench.Main" "$pm" "$pmean" "$psd" "$pc" ""
    row "floor:   no-op agent + transformer" "$fm" "$fmean" "$fsd" "$fc" ""
    row "hotloop: -javaagent:hotloop-agent.jar" "$am" "$amean" "$asd" "$ac" ""
    row "overhead of hotloop over plain" "$(percent "$pm" "$am")" "$(percent "$pmean" "$amean")" "" \
        "$(percent "$pc" "$ac")" "$(share "$pa" "$pm")"
    row "  of which the floor (any agent)" "$(percent "$pm" "$fm")" "$(percent "$pmean" "$fmean")" "" \
        "$(percent "$pc" "$fc")" "$(share "$pf" "$pm")"
    row "  of which hotloop itself" "$(points "$pm" "$fm" "$am")" "$(points "$pmean" "$fmean" "$amean")" "" \
        "$(points "$pc" "$fc" "$ac")" "$(share "$fa" "$pm")"
}
report_mode "" "without --add-modules:"
report_mode +vec "with --add-modules jdk.incubator.vector in every command:"
echo
echo "paired: median over rounds of the difference between two commands run back to back, in % of plain's"
echo "median; it cancels the drift of a shared machine. target: hotloop under +5 % over plain."
echo "--explain shows which classes the agent adds."
