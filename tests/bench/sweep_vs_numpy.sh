#!/usr/bin/env bash
# Whole-process comparison: `sdlab-cli sweep` on a 32×32 log grid over a 5000-step
# signal vs the same sweep in vectorised NumPy (sweep_numpy.py). Checks that both give
# the same table, then prints the best-of-N wall times and their ratio.
# Usage: tests/bench/sweep_vs_numpy.sh [path/to/sdlab-cli] [repeats]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
CLI=${1:-"$HERE/../../build/app/cli/sdlab-cli"}
REPEATS=${2:-5}
PYTHON=${PYTHON:-/usr/bin/python3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
if ! "$PYTHON" -c 'import numpy' 2> /dev/null; then
  echo "sweep vs NumPy: skipped, $PYTHON has no numpy (apt-get install python3-numpy)"
  exit 0
fi

"$PYTHON" - "$WORK/input.csv" <<'PY'
import sys
import numpy as np
rng = np.random.default_rng(1)
def smooth(n):
    out, first, second = np.empty(n), 0.0, 0.0
    for t, e in enumerate(rng.standard_normal(n)):
        first += (e - first) / 20
        second += (first - second) / 20
        out[t] = second
    return out / np.sqrt(np.mean(out ** 2))
np.savetxt(sys.argv[1], np.column_stack([smooth(5000), smooth(5000)]), delimiter=",",
           header="x,w", comments="", fmt="%.17g")
PY

best() { # best wall time in seconds over REPEATS runs of the command
  if command -v hyperfine > /dev/null; then
    hyperfine -N -w 2 -r "$REPEATS" --export-json "$WORK/timing.json" "$(printf '%q ' "$@")" > /dev/null 2>&1
    "$PYTHON" -c 'import json, sys; print(min(json.load(open(sys.argv[1]))["results"][0]["times"]))' "$WORK/timing.json"
    return
  fi
  local best=999
  for _ in $(seq "$REPEATS"); do
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null 2>&1
    end=$(date +%s.%N)
    best=$(awk -v a="$best" -v b="$(awk -v s="$start" -v e="$end" 'BEGIN { print e - s }')" 'BEGIN { print (b < a ? b : a) }')
  done
  echo "$best"
}

ours=$(best "$CLI" sweep --input "$WORK/input.csv" --kp 0.01:10:32 --kd 0.01:10:32 --log --out "$WORK/ours")
numpy=$(best "$PYTHON" "$HERE/sweep_numpy.py" "$WORK/input.csv" 32 "$WORK/numpy.csv")

"$PYTHON" - "$WORK/ours/sweep.csv" "$WORK/numpy.csv" <<'PY'
import sys
import numpy as np
a = np.genfromtxt(sys.argv[1], delimiter=",", skip_header=1)
b = np.genfromtxt(sys.argv[2], delimiter=",", skip_header=1)
diff = np.max(np.abs(a - b) / np.maximum(1.0, np.abs(b)))
print(f"tables agree: max relative difference {diff:.2e}")
sys.exit(0 if diff < 1e-9 else 1)
PY
awk -v o="$ours" -v n="$numpy" 'BEGIN { printf "sdlab-cli sweep: %.3f s   numpy: %.3f s   ratio: %.1fx (best of runs, whole processes)\n", o, n, n / o }'
