#!/bin/bash
# Regenerates the seeds' figures headless (issue 22 item 8): for each figure, what its
# sdlab-cli command writes (CSV and summary.json) in OUT/NAME/, and the lab showing that
# result as OUT/NAME.png (sdlab --result OUT/NAME --screenshot, under xvfb-run when there
# is no display); figures of several runs overlay them in one PNG. About 4 minutes on 2
# cores; prints one line per figure with its time, and writes OUT/figures.md: each
# figure's command and what it shows.
# Usage: scripts/paper_figures.sh [OUT_DIR]   (default /tmp/sdlab-paper-figures)
# Needs a build (scripts/sdlab.sh build). Exit status: the number of figures that failed.
set -u
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${SDLAB_BUILD_DIR:-$ROOT/build}"
CLI="$BUILD/app/cli/sdlab-cli"
GUI="$BUILD/app/gui/sdlab"
[ -x "$CLI" ] || { echo "paper_figures.sh: no $CLI; build first (scripts/sdlab.sh build)" >&2; exit 2; }
OUT="${1:-/tmp/sdlab-paper-figures}"
mkdir -p "$OUT" && cd "$OUT" || exit 2
FAILED=0

# The window as PNG once the result is shown (offscreen rendering needs no display,
# but xvfb-run gives the same fonts as the screenshots in docs/).
shoot() {
  if [ ! -x "$GUI" ]; then return 1; fi
  if [ -n "${DISPLAY:-}" ]; then "$GUI" "$@"
  elif command -v xvfb-run > /dev/null; then xvfb-run -a -s "-screen 0 1920x1080x24" "$GUI" "$@"
  else QT_QPA_PLATFORM=offscreen "$GUI" "$@"; fi
}

INDEX="$OUT/figures.md"
printf '# Figures of the seeds, regenerated %s\n\n| figure | command | what it shows |\n|---|---|---|\n' "$(date -u +%Y-%m-%d)" > "$INDEX"

# compute NAME SDLAB-CLI-ARGS...: the result directory OUT/NAME (false on failure)
compute() {
  local name=$1
  shift
  rm -rf "$name" "$name.png"
  printf 'sdlab-cli %s --out %s\n' "$*" "$name" > "$name.log"
  if ! "$CLI" "$@" --out "$name" >> "$name.log" 2>&1; then
    echo "FAILED $name (sdlab-cli $*): see $OUT/$name.log"
    FAILED=$((FAILED + 1))
    return 1
  fi
  printf '| %s | `sdlab-cli %s` |' "$name" "$*" >> "$INDEX"
}

# picture NAME "WHAT" START DIR...: OUT/NAME.png of the results opened in turn, with the
# lab's tab TAB forward when TAB is set (TAB="One neuron" figure ...)
picture() {
  local name=$1 what=$2 start=$3 png="$1.png" results=()
  shift 3
  for dir in "$@"; do results+=(--result "$OUT/$dir"); done
  [ -n "${TAB:-}" ] && results+=(--tab "$TAB")
  shoot "${results[@]}" --screenshot "$OUT/$png" > /dev/null 2>&1 || png="(no PNG)"
  printf ' %s |\n' "$what" >> "$INDEX"
  printf '%-24s %4ss  %s\n' "$name" $((SECONDS - start)) "$what"
}

# figure NAME "WHAT IT SHOWS" SDLAB-CLI-ARGS...
figure() {
  local name=$1 what=$2 start=$SECONDS
  shift 2
  compute "$name" "$@" && picture "$name" "$what" "$start" "$name"
}

echo "figure                   time  what it shows (OUT/NAME.png; OUT/NAME/ holds the CSV; OUT/figures.md the commands)"
# ICLR'18 (Temporally efficient deep learning with spikes)
figure iclr-fig1 "PD coding of a signal: x, a, spikes, reconstruction; the drifting weight of Fig. 2" run --preset signal/iclr-fig1
TAB="Drifting weight" figure iclr-fig2 "x·w with a drifting weight: the reconstruction with kp = 0 drifts away, with kp > 0 it holds" run --preset signal/iclr-fig1
figure iclr-fig3 "two coded signals: the gradient x̂·ê beside x·e, the past update's areas shaded" run --preset updates/iclr-fig3
figure iclr-fig9 "recon, past, future and STDP updates reach one total" run --preset updates/iclr-fig9
figure iclr-fig10 "similarity maps over kp x kd and the traces of the drifting corner (Fig. 2's kp = 0)" sweep --kp 0.01:10:32 --kd 0.01:100:32 --log --cell 0.01,100
figure iclr-fig8 "a sigma-delta network learning the synthetic scene online, its operations per frame" run --preset video/synthetic-sigma-delta-fig8
VTEST=/usr/share/doc/opencv-doc/examples/data/vtest.avi
figure iclr-fig8-rate "operations per frame vs frame rate, sigma-delta net on the whole frame vs the dense MLP (synthetic scene, 1-30 fps); App. H Fig. 12's activation changes" video --source synthetic --fps-sweep --learn --learn-model sigma-delta --learn-view frame
if [ -f "$VTEST" ]; then
  figure thesis-fig4-5 "the same on vtest.avi (1-10 fps, its own rate): the sigma-delta net's saving grows with the frame rate" video --source "$VTEST" --fps-sweep --learn --learn-model sigma-delta --learn-view frame
  figure thesis-fig4-5-megamind "the same on Megamind.avi (1-24 fps): 1.5x fewer operations than the dense MLP at 1 fps, 9.9x at 24" video --source "${VTEST%/*}/Megamind.avi" --fps-sweep --learn --learn-model sigma-delta --learn-view frame
else
  echo "thesis-fig4-5            skipped: $VTEST missing (apt install opencv-doc)"
fi
# Thesis ch. 4, 6, 7, 8
figure thesis-fig4-1 "original, temporal-difference, rounding, sigma-delta nets: equal outputs, their costs" run --preset networks/thesis-fig4-1
figure thesis-fig4-2 "optimised per-layer scales on the Pareto front of error vs compute, against 200 random rescalings (toy 100-100-100 net)" run --preset pareto/thesis-fig4-2
figure thesis-fig4-4 "error vs operations: original, rounding and sigma-delta nets over a lambda sweep (digits)" scales --model sigma-delta --dataset digits --pretrain-epochs 5
figure thesis-fig6-5 "STDP kernels, the PD-STDP windows by spike signs beside classic STDP (ICLR'18 Fig. 4), the dynamics / approximate / STDP weight changes (random trains)" run --preset kernels/thesis-fig6-5
figure thesis-fig6-5-signals "the same from two signals coded by eq. 6.5, beside eq. 6.2 unquantized" run --preset kernels/thesis-fig6-5-signals
figure thesis-fig7-2 "local vs global training of a feed-forward net; local/distant gradient alignment" run --preset alignment/thesis-fig7-2
# Fig. 7.3 (top left, [500], 4 free steps): EqProp, Initialized EqProp's forward pass (Alg. 7)
# and its settling from it (Alg. 8), overlaid; Fig. 7.4 left: its initializer on the global loss
start=$SECONDS
E="train --dataset digits --hidden 500 --epochs 10 --lr 0.02 --free-steps 4"
# shellcheck disable=SC2086
compute thesis-fig7-3-eqprop $E --model eqprop && printf ' plain EqProp (Fig. 7.3 s⁻) |\n' >> "$INDEX"
# shellcheck disable=SC2086
compute thesis-fig7-3-forward $E --model init-eqprop && printf ' Initialized EqProp, forward pass (Alg. 7) |\n' >> "$INDEX"
# shellcheck disable=SC2086
compute thesis-fig7-3-iterative $E --model init-eqprop --inference iterative &&
  picture thesis-fig7-3 "EqProp, Initialized EqProp forward (Alg. 7) and settled (Alg. 8), 4 steps: learning curves overlaid" "$start" thesis-fig7-3-eqprop thesis-fig7-3-forward thesis-fig7-3-iterative
start=$SECONDS
# shellcheck disable=SC2086
compute thesis-fig7-4-global $E --model init-eqprop --initializer-loss global &&
  picture thesis-fig7-4 "the initializer trained on local losses (no backprop) vs the global loss, forward pass" "$start" thesis-fig7-3-forward thesis-fig7-4-global
# Fig. 7.4 right: the forward run's initializer_alignment.csv, the Learning lab's Alignment tab
start=$SECONDS
if [ -f thesis-fig7-3-forward/initializer_alignment.csv ]; then
  printf '| thesis-fig7-4-right | (thesis-fig7-3-forward; its initializer_alignment.csv) |' >> "$INDEX"
  TAB=Alignment picture thesis-fig7-4-right "the initializer's local vs distant gradient cosine per layer as it trains: small but positive throughout (about 0.06 here, one hidden layer)" "$start" thesis-fig7-3-forward
fi
# Fig. D.1 (top row, [500], 4 free steps): the anchor λ of eq. 7.5 scanned; scan.csv holds
# lambda,final_test_error_percent, and the PNG overlays the runs.
start=$SECONDS
scan=()
echo "lambda,final_test_error_percent" > thesis-figD1-scan.csv
for lambda in 0 0.1 0.5 2 5; do
  # shellcheck disable=SC2086
  if compute "thesis-figD1-lambda$lambda" $E --model init-eqprop --anchor "$lambda"; then
    printf ' anchor λ = %s |\n' "$lambda" >> "$INDEX"
    error=$(sed -n 's/^ *"final_test_error_percent": \([^,]*\),*$/\1/p' "thesis-figD1-lambda$lambda/summary.json")
    echo "$lambda,$error" >> thesis-figD1-scan.csv
    scan+=("thesis-figD1-lambda$lambda")
  fi
done
[ ${#scan[@]} -gt 0 ] && printf '| thesis-figD1 | (the runs above; thesis-figD1-scan.csv) |' >> "$INDEX" &&
  picture thesis-figD1 "Initialized EqProp's final error against the anchor λ (eq. 7.5): $(tail -n +2 thesis-figD1-scan.csv | tr '\n' ' ')" "$start" "${scan[@]}"
TAB="One neuron" figure thesis-fig8-1 "one output unit of a spiking EqProp net: its strongest inputs and their spikes, weighted input, step size and lambda" run --preset equilibrium/fig-8-2-predictive-osa
figure thesis-fig8-2 "spiking EqProp settling to the continuous fixed point: six schemes over 20 networks, mean and s.d." run --preset equilibrium/fig-8-2-schemes
# DSN (Deep spiking networks)
figure dsn-fig1 "herding vs stochastic quantization error vs T" run --preset quantization/dsn-fig1
figure dsn-fig4 "a random 784-500-500-10 spiking MLP's rates converging to its ReLU net's activations, every layer (mlp.csv)" run --preset quantization/dsn-fig4-mlp-convergence
figure dsn-fig3 "early guessing: error vs cumulative inference operations of the spiking MLP" early --model spiking-mlp --dataset digits --steps 20
figure dsn-fig3-fsgd "early guessing after fractional SGD at twice the rate (FSGD takes about half SGD's step): lower error at every step" early --model spiking-mlp --dataset digits --steps 20 --optimizer fsgd --lr 0.02
# snnTorch paper
figure snntorch-encoders "rate, latency and delta coding of one input" run --preset encoders/snntorch-encoders
figure snntorch-lapicque "a Lapicque neuron driven by a step current" run --preset neuron/tutorial-lapicque-step
[ "$FAILED" -eq 0 ] && echo "all figures in $OUT" || echo "$FAILED figure(s) failed"
exit "$FAILED"
