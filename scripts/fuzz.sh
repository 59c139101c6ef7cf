#!/usr/bin/env bash
# Runs the differential fuzzer on any number of kernels: scripts/fuzz.sh [--c2] [KERNELS] [SEED]
# Kernel k of the run has seed SEED + k; a failure prints its seed and its shrunk source, and
# writes the shrunk kernel to agent/target/fuzz-failures/ (add it to
# agent/src/test/resources/dev/hotloop/reliability/regressions.txt once fixed).
# --c2: compare each rewritten kernel once C2 compiled its SIMD form (CompiledFuzzTest, in the
# surefire fork without tiers); slower, a few hundred kernels at a time.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--c2" ]; then
  kernels="${2:-200}"
  seed="${3:-3000000}"
  exec mvn -B -q -pl agent -am test -Dtest=CompiledFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
      -Dfuzz.c2.kernels="$kernels" -Dfuzz.c2.seed="$seed"
fi
kernels="${1:-100000}"
seed="${2:-2000000}"
exec mvn -B -q -pl agent -am test -Dtest=FuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfuzz.kernels="$kernels" -Dfuzz.seed="$seed"
