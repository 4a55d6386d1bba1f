#!/usr/bin/env bash
# One benchmark command (issue 19): builds Release, runs every benchmark and the
# whole-process comparisons, and prints one table of figures measured side by side in
# this run (medians over >= 5 repetitions). Exits 1 when a figure misses its target.
#   scripts/bench.sh [repetitions]
# NumPy (python3-numpy) and hyperfine are used when installed; the NumPy comparison is
# skipped with a message otherwise. Never run by ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${SDLAB_BENCH_BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release > /dev/null
cmake --build "$BUILD_DIR" -j "$(nproc)" > /dev/null
exec python3 tests/bench/bench_table.py "$BUILD_DIR" --repetitions "${1:-5}"
