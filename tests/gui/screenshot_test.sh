#!/usr/bin/env bash
# sdlab --lab ID [--preset NAME] --screenshot FILE: exit 0 and a PNG for every lab;
# exit 2 and one message for a bad lab or preset name.
set -u
sdlab=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failures=0
check() { # description, expected exit code, command...
  local what=$1 expected=$2
  shift 2
  "$@" >"$out/stdout" 2>"$out/stderr"
  local code=$?
  if [ "$code" -ne "$expected" ]; then
    echo "FAIL: $what: exit $code, expected $expected; stderr: $(cat "$out/stderr")"
    failures=$((failures + 1))
  fi
}
# Our runs print nothing on a clean start: Qt's platform noise (XDG_RUNTIME_DIR unset,
# offscreen's propagateSizeHints) is dropped by sdlab itself, not by the test's logging rules.
unset QT_LOGGING_RULES XDG_RUNTIME_DIR
for lab in $("$sdlab" --list-labs); do # the one list (core/experiment/experiment_list.cpp)
  check "$lab" 0 "$sdlab" --lab "$lab" --screenshot "$out/$lab.png"
  [ -s "$out/stderr" ] && { echo "FAIL: $lab printed on stderr: $(head -c 300 "$out/stderr")"; failures=$((failures + 1)); }
  # The lecture hall (issue 23): dark theme at 200 %, in presentation mode.
  check "$lab, dark at 200 %" 0 "$sdlab" --lab "$lab" --theme dark --zoom 2 --presentation --screenshot "$out/$lab-dark-200.png"
  head -c 8 "$out/$lab-dark-200.png" 2>/dev/null | od -An -tx1 | grep -q "89 50 4e 47" || { echo "FAIL: $lab: no dark 200 % screenshot"; failures=$((failures + 1)); }
  if ! head -c 8 "$out/$lab.png" 2>/dev/null | od -An -tx1 | grep -q "89 50 4e 47"; then
    echo "FAIL: $lab: $out/$lab.png is not a PNG"
    failures=$((failures + 1))
  fi
done
# --help, --version and --list-labs need no display (issue 23): a platform that cannot
# start (xcb without DISPLAY) would abort the program.
for ask in --help --version --list-labs; do
  check "$ask without a display" 0 env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=xcb "$sdlab" "$ask"
done
env -u DISPLAY QT_QPA_PLATFORM=xcb "$sdlab" --version | grep -q "Sigma-Delta Lab" || { echo "FAIL: --version prints no name"; failures=$((failures + 1)); }
env -u DISPLAY QT_QPA_PLATFORM=xcb "$sdlab" --help | grep -q -- "--screenshot <FILE>" || { echo "FAIL: --help lists no --screenshot"; failures=$((failures + 1)); }
[ "$("$sdlab" --list-labs | wc -l)" -ge 9 ] || { echo "FAIL: --list-labs: $("$sdlab" --list-labs | paste -sd' ')"; failures=$((failures + 1)); }
check "built-in preset" 0 "$sdlab" --lab signal --preset rounding-vs-sigma-delta --screenshot "$out/preset.png"
check "learning run" 0 "$sdlab" --lab learning --preset synthetic-quick --run --screenshot "$out/run.png"
[ -s "$out/run.png" ] || { echo "FAIL: no screenshot after a learning run"; failures=$((failures + 1)); }
check "--run on a lab without runs" 2 "$sdlab" --lab signal --run --screenshot "$out/w.png"
grep -q "has no run" "$out/stderr" || { echo "FAIL: --run message: $(cat "$out/stderr")"; failures=$((failures + 1)); }
# Recorded animations, headless (issue 23 item 2): half a second of the live Video lab.
check "--record" 0 "$sdlab" --lab video --record "$out/live.avi" --fps 10 --seconds 0.5 --size 160x120
[ -s "$out/live.avi" ] || { echo "FAIL: --record wrote no $out/live.avi"; failures=$((failures + 1)); }
check "--record into a missing folder" 2 "$sdlab" --lab signal --record "$out/none/x.mp4"
grep -q "folder does not exist" "$out/stderr" || { echo "FAIL: --record message: $(cat "$out/stderr")"; failures=$((failures + 1)); }
check "--zoom out of range" 2 "$sdlab" --zoom 7 --screenshot "$out/z1.png"
grep -q "not a factor in 0.5..3" "$out/stderr" || { echo "FAIL: --zoom message: $(cat "$out/stderr")"; failures=$((failures + 1)); }
check "unknown --theme" 2 "$sdlab" --theme sepia --screenshot "$out/z2.png"
grep -q "not one of system, light, dark, high-contrast" "$out/stderr" || { echo "FAIL: --theme message: $(cat "$out/stderr")"; failures=$((failures + 1)); }
# --result may be given several times (scripts/paper_figures.sh overlays runs); each is
# checked, and a folder without a result is refused by name.
check "a second --result without a result" 2 "$sdlab" --result "$out" --result "$out/none" --screenshot "$out/r.png"
grep -q -- "--result: $out holds no sdlab-cli result" "$out/stderr" || { echo "FAIL: --result message: $(cat "$out/stderr")"; failures=$((failures + 1)); }
check "unknown lab" 2 "$sdlab" --lab nonsense --screenshot "$out/x.png"
grep -q "not one of" "$out/stderr" || { echo "FAIL: unknown lab message: $(cat "$out/stderr")"; failures=$((failures + 1)); }
check "unknown preset" 2 "$sdlab" --lab sweep --preset nonsense --screenshot "$out/y.png"
grep -q "no built-in preset 'nonsense'" "$out/stderr" || { echo "FAIL: unknown preset message: $(cat "$out/stderr")"; failures=$((failures + 1)); }
printf '{"format": "sdlab-preset", "version": 1, "lab": "signal", "parameters": {"kp": -3}}' >"$out/bad.json"
check "out-of-range preset file" 2 "$sdlab" --preset "$out/bad.json" --screenshot "$out/z.png"
grep -q "'kp': -3 is outside" "$out/stderr" || { echo "FAIL: preset range message: $(cat "$out/stderr")"; failures=$((failures + 1)); }
# A recorded event stream replayed as the Video lab's source (issue 22 item 7): the
# lab plays it and names it in the status bar, which the screenshot shows.
printf 'frame,x,y,value\n0,10,10,3\n1,20,12,-2\n2,39,29,1\n' >"$out/ev.csv"
printf '{"format": "sdlab-preset", "version": 2, "lab": "video", "name": "replay", "parameters": {"source": "%s", "encoder": "delta", "width": 40}}' "$out/ev.csv" >"$out/replay.json"
check "an event recording replayed in the Video lab" 0 "$sdlab" --preset "$out/replay.json" --seconds 1 --screenshot "$out/replay.png"
head -c 8 "$out/replay.png" 2>/dev/null | od -An -tx1 | grep -q "89 50 4e 47" || { echo "FAIL: no screenshot of the replay"; failures=$((failures + 1)); }
# Views behind tabs (issue 22 item 9): --tab brings each forward, so its screenshot
# differs from the lab's default one; a tab the lab lacks is refused with its tabs listed.
while read -r lab tab; do
  name="$lab-tab-${tab%% *}"
  check "$lab, tab $tab" 0 "$sdlab" --lab "$lab" --tab "$tab" --screenshot "$out/$name.png"
  if [ ! -s "$out/$name.png" ] || cmp -s "$out/$name.png" "$out/$lab.png"; then
    echo "FAIL: $lab --tab $tab: no screenshot, or the default view's"
    failures=$((failures + 1))
  fi
done <<'TABS'
signal Drifting weight
learning Training order
learning Trade-off
equilibrium One neuron
video Rate vs fps
TABS
check "an unknown --tab" 2 "$sdlab" --lab learning --tab nonsense --screenshot "$out/t.png"
grep -q "has no tab 'nonsense'; its tabs: .*Training order" "$out/stderr" || { echo "FAIL: --tab message: $(cat "$out/stderr")"; failures=$((failures + 1)); }
for f in t w x y z z1 z2; do
  [ -e "$out/$f.png" ] && { echo "FAIL: a screenshot was written after an error"; failures=$((failures + 1)); }
done
[ "$failures" -eq 0 ] && echo "screenshots: all checks passed"
exit "$failures"
