#!/usr/bin/env bash
# The LIF network of snnTorch tutorial 5 trained for one epoch of Fashion-MNIST (or the
# first N minibatches) by sdlab_lif_bench and by the same network written in PyTorch
# (lif_torch.py), one after the other on this machine; prints both and the speed ratio.
# Skips PyTorch with a message when Debian's python3-torch is not installed.
# Usage: tests/bench/lif_vs_torch.sh [path/to/sdlab_lif_bench] [minibatches]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
BENCH=${1:-"$HERE/../../build/tests/bench/sdlab_lif_bench"}
BATCHES=${2:-0}
PYTHON=${PYTHON:-/usr/bin/python3}
ours=$("$BENCH" "$BATCHES")
echo "sdlab:   $ours"
if ! "$PYTHON" -c 'import torch' 2> /dev/null; then
  echo "PyTorch: skipped, $PYTHON has no torch (apt-get install python3-torch)"
  exit 0
fi
theirs=$("$PYTHON" "$HERE/lif_torch.py" "$BATCHES")
echo "PyTorch: $theirs"
"$PYTHON" - "$ours" "$theirs" <<'PY'
import json, sys
ours, theirs = (json.loads(a) for a in sys.argv[1:3])
print(f"speed ratio sdlab/PyTorch: {ours['samples_per_second'] / theirs['samples_per_second']:.2f}x "
      f"(test accuracy after the run: sdlab {100 * ours['test_acc']:.2f} %, "
      f"PyTorch {100 * theirs['test_acc']:.2f} %)")
PY
