#!/usr/bin/env bash
# Fuzz every parser with libFuzzer (issue 8).
#   scripts/fuzz.sh [SECONDS_PER_FUZZER] [FUZZER...]
# Builds the harnesses with clang (ASan + UBSan + coverage) in build-fuzz/, then runs
# each for SECONDS_PER_FUZZER (default 60) on a copy of its seed corpus
# (tests/corpus/<name>), one after another. A crash stops that fuzzer: its input is
# saved as build-fuzz/crashes/<name>/crash-*; fix the bug, then add the input to
# tests/corpus/<name>/ so ctest (corpus.<name>) replays it forever, and delete it there.
# Prints executions and the crash inputs waiting in build-fuzz/crashes per fuzzer (those
# of earlier runs count until deleted); exits 1 if any fuzzer crashed or any wait.
# Needs clang and libclang-rt-dev (Debian packages clang, libclang-rt-14-dev).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECONDS_EACH=${1:-60}
shift || true
FUZZERS=("$@")
[ ${#FUZZERS[@]} -eq 0 ] && FUZZERS=(csv idx event_stream png preset)
DIR=${SDLAB_FUZZ_BUILD_DIR:-"$ROOT/build-fuzz"}

CXX=${CXX:-clang++}
command -v "$CXX" >/dev/null || { echo "fuzz: $CXX not found (apt install clang libclang-rt-14-dev)" >&2; exit 2; }
cmake -S "$ROOT" -B "$DIR" -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSDLAB_FUZZ=ON -DSDLAB_BUILD_GUI=OFF -DSDLAB_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$DIR" -j "$(nproc)" --target "${FUZZERS[@]/#/sdlab_fuzz_}"

status=0
for name in "${FUZZERS[@]}"; do
  work="$DIR/corpus/$name"
  crashes="$DIR/crashes/$name"
  mkdir -p "$work" "$crashes"
  cp -n "$ROOT/tests/corpus/$name"/* "$work/" 2>/dev/null || true
  log="$DIR/$name.log"
  # -rss_limit_mb: a parser must never allocate what the input merely claims.
  set +e
  ASAN_OPTIONS=detect_leaks=1 "$DIR/tests/fuzz/sdlab_fuzz_$name" "$work" \
    -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 -max_len=65536 -timeout=10 \
    -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1
  code=$?
  set -e
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  found=$(find "$crashes" -type f | wc -l)
  printf 'fuzz %-13s %8s s  %12s executions  %d crashes  corpus %d files  (exit %d, log %s)\n' \
    "$name" "$SECONDS_EACH" "${runs:-?}" "$found" "$(find "$work" -type f | wc -l)" "$code" "$log"
  if [ "$code" -ne 0 ] || [ "$found" -ne 0 ]; then
    status=1
  fi
done
exit $status
