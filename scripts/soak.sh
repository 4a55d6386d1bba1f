#!/usr/bin/env bash
# Soak test (issue 8): does the lab stay flat in memory over a long session, and do the
# CLI paths leak?
#   scripts/soak.sh [MINUTES]        (default 10)
# 1. Runs two offscreen GUI sessions side by side for MINUTES: the Video lab on the
#    synthetic scene with online learning (preset synthetic-pd-learning), and the
#    Learning lab training a PD network [200] on Fashion-MNIST for 200 epochs (about 5 s
#    per epoch, so it trains throughout). Samples each one's resident memory every 10 s
#    into build/soak/rss.csv and compares the first sample after a 60 s warm-up (data
#    loaded, buffers grown) with the last: flat means within 10 %.
# 2. Runs sdlab-cli's long paths (train, video --learn, vtest.avi, settle, sweep) under Valgrind's
#    memcheck and reports the bytes definitely and indirectly lost.
# Exits 1 when memory grew more than 10 % or Valgrind found a leak. Needs a build
# (scripts/sdlab.sh build) and valgrind.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD_DIR=${SDLAB_BUILD_DIR:-"$ROOT/build"}
MINUTES=${1:-10}
OUT="$BUILD_DIR/soak"
rm -rf "$OUT" && mkdir -p "$OUT"
GUI="$BUILD_DIR/app/gui/sdlab"
CLI="$BUILD_DIR/app/cli/sdlab-cli"
for program in "$GUI" "$CLI"; do
  [ -x "$program" ] || { echo "soak: $program is missing; run scripts/sdlab.sh build" >&2; exit 2; }
done

rss_kib() { sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$1/status" 2>/dev/null; }

export QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES='qt.qpa.*=false'
export XDG_CONFIG_HOME="$OUT/config" # the soak's settings never touch the user's
cat > "$OUT/long-pdnn.json" <<'PRESET'
{
  "format": "sdlab-preset", "version": 1, "lab": "learning", "name": "soak",
  "description": "PDNN [200] on Fashion-MNIST for 200 epochs: a run longer than the soak",
  "parameters": {"dataset": "fashion-mnist", "model": "pdnn", "hidden1": 200, "epochs": 200}
}
PRESET
"$GUI" --lab video --preset synthetic-pd-learning > "$OUT/video.log" 2>&1 &
video=$!
"$GUI" --lab learning --preset "$OUT/long-pdnn.json" --run > "$OUT/learning.log" 2>&1 &
learning=$!
trap 'kill $video $learning 2>/dev/null' EXIT

echo "seconds,video_rss_kib,learning_rss_kib" > "$OUT/rss.csv"
end=$((SECONDS + MINUTES * 60))
start_video="" start_learning=""
while [ $SECONDS -lt $end ]; do
  sleep 10
  if ! kill -0 $video 2>/dev/null || ! kill -0 $learning 2>/dev/null; then
    echo "soak: a GUI session ended early (see $OUT/video.log, $OUT/learning.log)" >&2
    exit 1
  fi
  v=$(rss_kib $video) l=$(rss_kib $learning)
  if [ -z "$v" ] || [ -z "$l" ]; then
    echo "soak: cannot read VmRSS from /proc/$video/status or /proc/$learning/status" >&2
    exit 1
  fi
  echo "$SECONDS,$v,$l" >> "$OUT/rss.csv"
  if [ -z "$start_video" ] && [ $SECONDS -ge 60 ]; then
    start_video=$v start_learning=$l
  fi
done
kill $video $learning 2>/dev/null
wait $video $learning 2>/dev/null
status=0
report() { # report NAME START END
  local verdict
  verdict=$(awk -v s="$2" -v e="$3" 'BEGIN { r = e / s; printf "%.3f %s", r, (r <= 1.10 && r >= 0.90) ? "flat" : "NOT FLAT" }')
  printf 'soak %-9s RSS %7.1f MiB after 60 s -> %7.1f MiB after %d min: x%s\n' \
    "$1" "$(awk -v k="$2" 'BEGIN{print k/1024}')" "$(awk -v k="$3" 'BEGIN{print k/1024}')" "$MINUTES" "$verdict"
  case $verdict in *NOT*) status=1 ;; esac
}
report video "${start_video:-$v}" "$v"
report learning "${start_learning:-$l}" "$l"

if command -v valgrind >/dev/null; then
  cd "$OUT"
  while read -r name args; do
    # shellcheck disable=SC2086
    valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=9 \
      "$CLI" $args --out "cli-$name" > "valgrind-$name.log" 2>&1
    code=$?
    lost=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "valgrind-$name.log" | tail -1)
    indirect=$(sed -n 's/.*indirectly lost: \([0-9,]*\) bytes.*/\1/p' "valgrind-$name.log" | tail -1)
    errors=$(sed -n 's/.*ERROR SUMMARY: \([0-9,]*\) errors.*/\1/p' "valgrind-$name.log" | tail -1)
    printf 'valgrind sdlab-cli %-6s definitely lost %s B, indirectly lost %s B, %s errors (exit %d)\n' \
      "$name" "${lost:-0}" "${indirect:-0}" "${errors:-?}" "$code"
    [ "$code" -eq 0 ] || status=1
  done <<'COMMANDS'
train train --model pdnn --dataset synthetic --hidden 50 --epochs 1
video video --frames 120 --width 64 --learn --learn-model pdnn
vtest video --source /usr/share/doc/opencv-doc/examples/data/vtest.avi --frames 60 --width 96 --channels rgb
settle settle --sizes 50,50,10 --steps 100 --perturb-at 50
sweep sweep --signal sine --steps 200 --kp 0.1:1:4 --kd 0.1:4:4
COMMANDS
else
  echo "soak: valgrind is not installed (apt install valgrind); leak check skipped" >&2
  status=1
fi
echo "soak: RSS samples in $OUT/rss.csv"
exit $status
