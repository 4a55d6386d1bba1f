#!/usr/bin/env bash
# What each sdlab-cli command loads at run time (issue 19): the dynamic loader's own
# record (LD_DEBUG=files lists every library it opens, dlopen'ed ones included). No
# command but `video` may load OpenCV or GDAL; `video` must, through its plugin, which
# shows the check can fail.
set -euo pipefail
CLI=$1
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

loaded() { # the libraries one command opened
  LD_DEBUG=files "$@" 2>&1 >/dev/null | sed -n 's/.*file=\([^ ]*\).*\[0\];  needed by.*/\1/p;
                                               s/.*file=\([^ ]*\).*\[0\];  dynamically loaded by.*/\1/p' | sort -u
}
heavy='libopencv_|libgdal'

for command in "--version" "pd --signal sine --steps 40 --out $WORK/pd" \
               "sweep --kp 0.1:1:3 --kd 0.5:2:3 --steps 100 --out $WORK/sweep" \
               "updates --out $WORK/updates" "kernels --alpha 0.5 --span 20 --out $WORK/kernels" \
               "quantize --out $WORK/quantize" "encode --method rate --out $WORK/encode" \
               "cost --din 10 --dout 10 --density 0.1 --out $WORK/cost" "settle --steps 20 --out $WORK/settle" \
               "train --dataset synthetic --epochs 1 --hidden 10 --out $WORK/train" \
               "video --help"; do
  # shellcheck disable=SC2086 # the options are meant to split
  libs=$(loaded "$CLI" $command) || fail "sdlab-cli $command failed"
  [[ -n $libs ]] || fail "sdlab-cli $command: LD_DEBUG listed nothing"
  if grep -E "$heavy" <<<"$libs" >/dev/null; then
    fail "sdlab-cli $command loads $(grep -E "$heavy" <<<"$libs" | head -3 | tr '\n' ' ')"
  fi
  echo "ok: sdlab-cli $command loads $(wc -l <<<"$libs") libraries, no OpenCV"
done

libs=$(loaded "$CLI" video --source synthetic --frames 3 --width 32 --out "$WORK/video")
grep -q 'sdlab_video_plugin.so' <<<"$libs" || fail "sdlab-cli video did not load its plugin"
grep -q 'libopencv_core' <<<"$libs" || fail "sdlab-cli video did not load OpenCV (is the check blind?)"
[[ -f $WORK/video/frames.csv ]] || fail "sdlab-cli video wrote no frames.csv"
echo "ok: sdlab-cli video loads its plugin and OpenCV ($(wc -l <<<"$libs") libraries)"
