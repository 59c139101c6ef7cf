#!/usr/bin/env bash
# Runs the differential fuzzer on any number of kernels: scripts/fuzz.sh [KERNELS] [SEED]
# Kernel k of the run has seed SEED + k; a failure prints its seed and its shrunk source, and
# writes the shrunk kernel to agent/target/fuzz-failures/ (add it to
# agent/src/test/resources/dev/hotloop/reliability/regressions.txt once fixed).
set -euo pipefail
kernels="${1:-100000}"
seed="${2:-2000000}"
cd "$(dirname "$0")/.."
exec mvn -B -q -pl agent -am test -Dtest=FuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfuzz.kernels="$kernels" -Dfuzz.seed="$seed"
