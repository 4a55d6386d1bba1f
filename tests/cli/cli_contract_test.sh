#!/usr/bin/env bash
# End-to-end tests of the sdlab-cli contract (issue 3). Usage: cli_contract_test.sh CLI CASE
# Each case prints what it checked; any failed check exits non-zero.
set -uo pipefail
CLI=$1
CASE=$2
SOURCE_DIR=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
FAILURES=0

fail() { echo "FAIL: $*"; FAILURES=$((FAILURES + 1)); }
check() { # check DESCRIPTION COMMAND...
  local what=$1; shift
  if "$@"; then echo "ok: $what"; else fail "$what"; fi
}
header_is() { [ "$(head -n 1 "$1")" = "$2" ]; }
rows_are() { [ "$(($(wc -l < "$1") - 1))" -eq "$2" ]; }
json_has() { grep -q "\"$2\":" "$1"; }
json_value() { sed -n "s/^ *\"$2\": \\(.*\\),\\{0,1\\}\$/\\1/p" "$1" | sed 's/,$//'; }
column() { # column FILE NAME -> values, one per line
  awk -F, -v name="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; next } { print $c }' "$1"
}

# Bad input: exit 2, exactly one line on stderr, nothing under --out.
expect_bad() { # expect_bad DESCRIPTION ARGS... (the args must use --out bad_out)
  local what=$1; shift
  rm -rf bad_out
  "$CLI" "$@" > stdout.txt 2> stderr.txt
  local rc=$?
  if [ $rc -ne 2 ]; then fail "$what: exit $rc, expected 2"; return; fi
  if [ "$(wc -l < stderr.txt)" -ne 1 ]; then fail "$what: stderr has $(wc -l < stderr.txt) lines"; return; fi
  if [ -e bad_out ] && [ -n "$(ls -A bad_out)" ]; then fail "$what: wrote under --out"; return; fi
  echo "ok: $what -> $(cat stderr.txt)"
}

case "$CASE" in
pd)
  check "pd with a built-in signal exits 0" "$CLI" pd --signal sine --steps 200 --kp 0.1 --kd 2 --out o1
  check "pd.csv header" header_is o1/pd.csv "t,x,a,s,xhat"
  check "pd.csv has one row per step" rows_are o1/pd.csv 200
  for key in spikes rmse kp kd k_alpha k_beta; do check "summary has $key" json_has o1/summary.json $key; done
  check "t counts from 1" [ "$(column o1/pd.csv t | head -n 1)" = 1 ]
  # Hand-worked: kp = kd = 1, x = 0.4 constant: s = 1, 0, 1, 0; xhat = .5, .25, .625, .3125
  printf 'x\n0.4\n0.4\n0.4\n0.4\n' > x.csv
  check "pd with --input exits 0" "$CLI" pd --input x.csv --kp 1 --kd 1 --out o2
  check "hand-worked spikes" [ "$(column o2/pd.csv s | paste -sd' ')" = "1 0 1 0" ]
  check "hand-worked reconstruction" [ "$(column o2/pd.csv xhat | paste -sd' ')" = "0.5 0.25 0.625 0.3125" ]
  check "summary spikes = 2" [ "$(json_value o2/summary.json spikes)" = 2 ]
  check "summary k_alpha = 0.5" [ "$(json_value o2/summary.json k_alpha)" = 0.5 ]
  check "drift.csv header (ICLR'18 Fig. 2)" header_is o1/drift.csv "t,w,xw,z_kp0,z"
  check "  one row per step" rows_are o1/drift.csv 200
  check "  --weight-drift 0: w stays 1, xw = x" "$CLI" pd --input x.csv --kp 1 --kd 1 --weight-drift 0 --out o3
  check "  ... and z is xhat" [ "$(column o3/drift.csv z | paste -sd' ')" = "0.5 0.25 0.625 0.3125" ]
  check "  kp > 0 tracks x*w better than kp = 0" "$CLI" pd --steps 2000 --kp 0.1 --kd 2 --out o4
  check "  ... drift_rmse < drift_rmse_kp0" awk -v a="$(json_value o4/summary.json drift_rmse)" -v b="$(json_value o4/summary.json drift_rmse_kp0)" 'BEGIN{exit !(a < b / 2)}'
  check "  kd = 0: no drift.csv (kp = 0 would send nothing)" "$CLI" pd --steps 50 --kp 1 --kd 0 --out o5
  check "  ... none written" [ ! -e o5/drift.csv ]
  ;;
sweep)
  printf 'x,w\n' > xw.csv
  for t in $(seq 1 300); do echo "$(awk -v t=$t 'BEGIN{print sin(t/20)}'),$(awk -v t=$t 'BEGIN{print cos(t/37)}')" >> xw.csv; done
  check "sweep exits 0" "$CLI" sweep --input xw.csv --kp 0.1:1:3 --kd 0:2:2 --out o
  check "sweep.csv header" header_is o/sweep.csv "kp,kd,cos_nonstationary,cos_quantization,cos_full,spikes"
  check "3 x 2 grid" rows_are o/sweep.csv 6
  check "kp outer, kd inner" [ "$(cut -d, -f1,2 o/sweep.csv | tail -n +2 | paste -sd' ')" = "0.1,0 0.1,2 0.55,0 0.55,2 1,0 1,2" ]
  check "log sweep exits 0" "$CLI" sweep --input xw.csv --kp 0.01:100:5 --kd 0.01:100:5 --log --out l
  check "log grid is geometric" [ "$(column l/sweep.csv kp | uniq | paste -sd' ')" = "0.01 0.1 1 10 100" ]
  check "cosines within [-1, 1]" awk -F, 'NR > 1 && ($3 < -1 || $3 > 1 || $4 < -1 || $4 > 1 || $5 < -1 || $5 > 1) { exit 1 }' l/sweep.csv
  check "sweep with a built-in signal" "$CLI" sweep --signal smooth --steps 1000 --kp 0.1:1:2 --kd 1:2:2 --out b
  check "without --cell no cell.csv" [ ! -e b/cell.csv ]
  check "sweep --cell writes cell.csv" "$CLI" sweep --input xw.csv --kp 0.1:1:3 --kd 0:2:2 --cell 0.55,2 --out c
  check "  cell.csv header" header_is c/cell.csv "t,product,nonstationary,quantization,full"
  check "  one row per input row" rows_are c/cell.csv 300
  check "  product is x*w" awk -F, -v x="$(sed -n 2p xw.csv | cut -d, -f1)" -v w="$(sed -n 2p xw.csv | cut -d, -f2)" 'NR == 2 { d = $2 - x * w; exit !(d < 1e-12 && d > -1e-12) }' c/cell.csv
  "$CLI" sweep --input xw.csv --kp 0.1:1:3 --kd 0:2:2 --cell 0,0 --out cbad 2> cbad.err
  check "--cell 0,0 is refused with exit 2" [ $? -eq 2 ]
  check "  and names --cell" grep -q -- "--cell" cbad.err
  check "  and writes nothing" [ ! -e cbad ]
  ;;
updates)
  check "updates --trains signals exits 0" "$CLI" updates --trains signals --signal smooth --steps 200 --kp 0.1 --kd 1 --out us
  check "  gradient.csv header" header_is us/gradient.csv "t,x,e,xbar,ebar,true_product,recon_product"
  check "  one row per step" rows_are us/gradient.csv 200
  check "  the four totals agree" awk -v r="$(json_value us/summary.json recon_total)" -v p="$(json_value us/summary.json past_total)" 'BEGIN { d = r - p; exit !(d < 1e-9 && d > -1e-9) }'
  check "  summary has the true total" json_has us/summary.json true_total
  check "  random trains write no gradient.csv" "$CLI" updates --steps 50 --out ur
  check "  (none)" [ ! -e ur/gradient.csv ]
  printf 'xbar,ebar\n1,0\n' > one.csv
  "$CLI" updates --trains signals --input one.csv --out usbad 2> usbad.err
  check "--trains signals with --input is refused with exit 2" [ $? -eq 2 ]
  check "  and writes nothing" [ ! -e usbad ]
  printf 'xbar,ebar\n1,0\n0,1\n' > hand.csv
  check "updates exits 0" "$CLI" updates --input hand.csv --kp 1 --kd 1 --out h
  check "updates.csv header" header_is h/updates.csv "t,xhat,ehat,recon,past,future,stdp"
  check "hand-worked recon column" [ "$(column h/updates.csv recon | paste -sd' ')" = "0 0.125" ]
  for key in recon_total past_total future_total stdp_total; do
    check "$key = 1/6" awk -v v="$(json_value h/summary.json $key)" 'BEGIN { d = v - 1/6; exit !(d < 1e-15 && d > -1e-15) }'
  done
  check "random trains exit 0" "$CLI" updates --steps 500 --density 0.2 --seed 4 --kp 0.2 --kd 3 --out r
  check "four totals agree to 1e-9" awk -v d="$(json_value r/summary.json max_relative_difference)" 'BEGIN { exit !(d < 1e-9) }'
  ;;
kernels)
  check "kernels exits 0" "$CLI" kernels --alpha 0.5 --span 4 --out k
  check "kernels.csv header" header_is k/kernels.csv "t,pred,sym_stdp,delta,dyn_stdp"
  check "t = -N..N" [ "$(column k/kernels.csv t | paste -sd' ')" = "-4 -3 -2 -1 0 1 2 3 4" ]
  check "hand values at t = 1" [ "$(grep '^1,' k/kernels.csv)" = "1,0.5,0.6666666666666666,-0.5,0.5" ]
  check "windows.csv header (ICLR'18 Fig. 4)" header_is k/windows.csv "t,pd_same_sign,pd_opposite_sign,classic"
  check "  t = -N..N" [ "$(column k/windows.csv t | paste -sd' ')" = "-4 -3 -2 -1 0 1 2 3 4" ]
  check "  PD-STDP at t = 0: -/+ kb^2/(1 - ka^2) = -/+ 1/3" [ "$(grep '^0,' k/windows.csv | cut -d, -f2,3)" = "-0.3333333333333333,0.3333333333333333" ]
  check "  classic STDP is antisymmetric" awk -F, 'NR > 1 {v[$1] = $4} END {for (t = 1; t <= 4; ++t) if (v[t] <= 0 || v[-t] != -v[t]) exit 1}' k/windows.csv
  check "random trains write no signals.csv" [ ! -e k/signals.csv ]
  # Thesis Fig. 6.5 from two signals (eq. 6.5): hand-worked threshold coding, α = ½, s = 1.
  printf 'pre,post\n0.8,0.3\n0.8,0.3\n0.8,0.3\n' > two.csv
  check "signals from a CSV exit 0" "$CLI" kernels --alpha 0.5 --span 4 --trains signals --quantizer threshold --scale 1 --input two.csv --out ks
  check "signals.csv header" header_is ks/signals.csv "t,pre_signal,post_signal,pre_encoded,post_encoded,post_rate,post_recon_rate,unquantized"
  check "  the pre bits of eq. 6.5: 1 0 1" [ "$(column ks/trajectories.csv pre | head -3 | paste -sd' ')" = "1 0 1" ]
  check "  its reconstruction 1 0.5 1.25" [ "$(column ks/trajectories.csv pre_trace | head -3 | paste -sd' ')" = "1 0.5 1.25" ]
  check "  x^E = 0.8 0.3 0.55" [ "$(column ks/signals.csv pre_encoded | head -3 | paste -sd' ')" = "0.8 0.30000000000000004 0.55" ]
  check "  approximate and STDP totals agree" awk -v a="$(json_value ks/summary.json approximate_total)" -v s="$(json_value ks/summary.json stdp_total)" 'BEGIN { d = a - s; exit !(d < 1e-12 && d > -1e-12) }'
  check "  summary names the quantizer" [ "$(json_value ks/summary.json quantizer)" = '"threshold"' ]
  printf 'pre,x\n0.1,0.2\n' > nopost.csv
  "$CLI" kernels --alpha 0.5 --span 4 --trains signals --input nopost.csv --out kbad 2> kbad.err
  check "a signals file without post exits 2" [ $? -eq 2 ]
  check "  and names the column" grep -q "post" kbad.err
  check "  and writes nothing" [ ! -e kbad ]
  ;;
networks)
  check "networks exits 0" "$CLI" networks --sizes 6,5,3 --scale 4 --steps 50 --out nw
  check "networks.csv header" header_is nw/networks.csv "t,original,temporal_difference,rounding,sigma_delta,original_mults,temporal_difference_mults,rounding_adds,sigma_delta_adds"
  check "  one row per step" rows_are nw/networks.csv 50
  check "  A's multiply-adds are 6*5 + 5*3 every step" [ "$(column nw/networks.csv original_mults | sort -u | paste -sd' ')" = "45" ]
  check "  temporal difference = original (eq. 4.1)" awk -v d="$(json_value nw/summary.json max_difference_temporal_difference)" 'BEGIN { exit !(d < 1e-12) }'
  check "  sigma-delta = rounding (eq. 4.2)" awk -v d="$(json_value nw/summary.json max_difference_sigma_delta)" 'BEGIN { exit !(d < 1e-12) }'
  check "  smooth inputs: sigma-delta adds below rounding's" awk -v s="$(json_value nw/summary.json sigma_delta_adds_per_step)" -v r="$(json_value nw/summary.json rounding_adds_per_step)" 'BEGIN { exit !(s < r) }'
  "$CLI" networks --sizes 6 --out nwbad 2> nwbad.err
  check "one layer size is refused with exit 2" [ $? -eq 2 ]
  check "  and writes nothing" [ ! -e nwbad ]
  ;;
alignment)
  check "alignment exits 0" "$CLI" alignment --sizes 5,4,3,2 --steps 100 --out al
  check "alignment.csv header" header_is al/alignment.csv "step,global_loss_local,global_loss_global,alignment_1,alignment_2"
  check "  step 0 and every step after (under 200 steps): 101 rows" rows_are al/alignment.csv 101
  check "  both students start from one loss" [ "$(awk -F, 'NR == 2 { print ($2 == $3) }' al/alignment.csv)" = 1 ]
  check "  cosines in [-1, 1]" awk -F, 'NR > 1 && ($4 < -1 || $4 > 1 || $5 < -1 || $5 > 1) { bad = 1 } END { exit bad }' al/alignment.csv
  check "  summary has the final losses" grep -q '"final_global_loss_global"' al/summary.json
  "$CLI" alignment --sizes 5,4 --out albad 2> albad.err
  check "one layer is refused with exit 2" [ $? -eq 2 ]
  check "  and names --sizes" grep -q -- "--sizes" albad.err
  check "  and writes nothing" [ ! -e albad ]
  ;;
quantize)
  printf 'v\n0.3\n-0.7\n' > v.csv
  check "quantize exits 0" "$CLI" quantize --input v.csv --steps 3 --method herding --out q
  check "convergence.csv header" header_is q/convergence.csv "T,l1_error"
  check "spikes.csv header" header_is q/spikes.csv "t,index,sign"
  check "hand-worked herding spikes" [ "$(tail -n +2 q/spikes.csv | paste -sd' ')" = "1,1,-1 2,0,1 3,1,-1" ]
  check "herding stays under d/(2T)" "$CLI" quantize --dimension 20 --steps 2000 --out h
  check "bound holds at every T" awk -F, 'NR > 1 && $2 > 20 / (2 * $1) + 1e-12 { exit 1 }' h/convergence.csv
  check "stochastic exits 0" "$CLI" quantize --dimension 20 --steps 2000 --method stochastic --seed 3 --out s
  check "stochastic is seeded" "$CLI" quantize --dimension 20 --steps 2000 --method stochastic --seed 3 --out s2
  check "same seed, same spikes" cmp -s s/spikes.csv s2/spikes.csv
  # DSN Fig. 4: a random spiking MLP's rates against its ReLU net's activations.
  check "quantize with a small MLP" "$CLI" quantize --dimension 5 --steps 10 --mlp-sizes 50,20,10 --mlp-steps 500 --out m
  check "mlp.csv header" header_is m/mlp.csv "T,layer,mean_abs_error,relative_error"
  check "25 readouts up to T = 500 for the input, hidden and output layers" rows_are m/mlp.csv 75
  check "layers 0, 1, 2" [ "$(column m/mlp.csv layer | uniq | paste -sd' ')" = "0 1 2" ]
  check "the input's rates within herding's 1/(2T)" awk -F, 'NR > 1 && $2 == 0 && $3 > 0.5 / $1 + 1e-12 {bad=1} END {exit bad}' m/mlp.csv
  check "every layer closer to the ReLU net at T = 500 than at T = 10" awk -F, 'NR > 1 && $1 == 10 {e[$2]=$4} NR > 1 && $1 == 500 && !($4 < e[$2] / 5) {bad=1} END {exit bad}' m/mlp.csv
  check "summary names the MLP" json_has m/summary.json mlp_output_relative_error
  expect_bad "quantize: an MLP of only an input" quantize --dimension 5 --mlp-sizes 784 --out bad_out
  expect_bad "quantize: an MLP run too large" quantize --dimension 5 --mlp-sizes 4000,4000,4000 --mlp-steps 100000 --out bad_out
  ;;
encode)
  printf 'a,b\n0.5,0.02\n' > img.csv
  check "latency exits 0" "$CLI" encode --input img.csv --method latency --steps 10 --out lat
  check "spikes.csv header" header_is lat/spikes.csv "t,channel,value"
  check "hand-worked latency steps" [ "$(tail -n +2 lat/spikes.csv | paste -sd' ')" = "1,0,1 4,1,1" ]
  check "rate exits 0" "$CLI" encode --input img.csv --method rate --steps 100 --seed 2 --out rate
  printf 'x\n0.05\n0.2\n0.25\n0.05\n0.04\n0.3\n' > d.csv
  check "delta exits 0" "$CLI" encode --input d.csv --method delta --threshold 0.1 --steps 6 --out delta
  check "hand-worked delta events" [ "$(tail -n +2 delta/spikes.csv | paste -sd' ')" = "2,0,1 4,0,-1 6,0,1" ]
  check "pd exits 0" "$CLI" encode --input d.csv --method pd --kp 1 --kd 4 --steps 6 --out pd
  # t = 5 ln(x/(x - 0.01)) = 2.62 for x = 0.0245: floor fires on step 3, nearest on step 4.
  printf 'a\n0.0245\n' > late.csv
  check "latency, floor (ours)" "$CLI" encode --input late.csv --method latency --steps 10 --out lf
  check "floor: step 1 + floor(2.62) = 3" [ "$(tail -n +2 lf/spikes.csv)" = "3,0,1" ]
  check "latency, nearest (snnTorch)" "$CLI" encode --input late.csv --method latency --latency-rounding nearest --steps 10 --out ln
  check "nearest: step 1 + round(2.62) = 4" [ "$(tail -n +2 ln/spikes.csv)" = "4,0,1" ]
  printf 'x\n0.05\n0.1\n0.15\n0.2\n' > drift.csv
  check "delta against the last spike" "$CLI" encode --input drift.csv --method delta --threshold 0.1 --steps 4 --out dl
  check "last spike: the drift adds up to one ON at t 3" [ "$(tail -n +2 dl/spikes.csv)" = "3,0,1" ]
  check "delta against the previous sample" "$CLI" encode --input drift.csv --method delta --threshold 0.1 --delta-reference previous-sample --steps 4 --out dp
  check "previous sample: 0.05 a step never fires" [ "$(wc -l < dp/spikes.csv)" = 1 ]
  check "encode --help names both conventions" bash -c "\"$CLI\" encode --help | grep -q 'snnTorch spikegen.delta'"
  ;;
cost)
  check "cost exits 0" "$CLI" cost --din 300 --dout 200 --density 0.05 --repeat 5 --out c
  for key in adds mults energy_pj_dense energy_pj_sparse ns_dense ns_sparse; do check "cost.json has $key" json_has c/cost.json $key; done
  check "dense energy = din*dout*(3.7+0.9) pJ" [ "$(json_value c/cost.json energy_pj_dense)" = 276000 ]
  check "event-driven adds are a multiple of dout" awk -v a="$(json_value c/cost.json adds)" 'BEGIN { exit !(a % 200 == 0 && a > 0) }'
  ;;
neuron)
  check "neuron exits 0" "$CLI" neuron --out n
  check "neuron.csv header" header_is n/neuron.csv "t,current,syn,mem,spk"
  check "100 steps by default" rows_are n/neuron.csv 100
  check "leaky: syn is empty" [ "$(column n/neuron.csv syn | sort -u)" = "" ]
  # Step 0.15 from t = 11, beta 0.9: U = 1.5(1 - 0.9^k) first exceeds 1 at k = 11, t = 21.
  check "first spike at t = 21 (by hand)" [ "$(json_value n/summary.json first_spike)" = 21 ]
  check "the reset subtracts theta the step after" [ "$(awk -F, '$1 == 22 { print ($4 < 0.2) }' n/neuron.csv)" = 1 ]
  check "fi.csv header" header_is n/fi.csv "current,rate"
  check "below the rheobase I = 0.1 nothing fires" [ "$(awk -F, 'NR > 1 && $1 <= 0.1 && $2 > 0' n/fi.csv | wc -l)" = 0 ]
  check "synaptic has a synaptic current" "$CLI" neuron --model synaptic --current pulses --amplitude 0.6 --out n2
  check "syn is filled" [ -n "$(column n2/neuron.csv syn | head -n 1)" ]
  printf 'current\n0.5\n0.6\n0\n' > cur.csv
  check "a current from CSV" "$CLI" neuron --input cur.csv --model lapicque --resistance 5 --capacitance 1 --dt 1 --out n3
  check "three steps" rows_are n3/neuron.csv 3
  expect_bad "neuron: beta above 1" neuron --beta 1.2 --out bad_out
  expect_bad "neuron: threshold 0" neuron --threshold 0 --out bad_out
  expect_bad "neuron: R without C" neuron --model lapicque --resistance 5 --out bad_out
  expect_bad "neuron: unknown model" neuron --model izhikevich --out bad_out
  printf "x\n1\n" > cur_bad.csv
  expect_bad "neuron: a CSV without a current column" neuron --input cur_bad.csv --out bad_out
  ;;
surrogate)
  check "surrogate exits 0" "$CLI" surrogate --out s
  check "surrogate.csv header" header_is s/surrogate.csv "x,heaviside,surrogate,derivative"
  check "201 points by default" rows_are s/surrogate.csv 201
  check "atan slope 2 peaks at alpha/2 = 1" [ "$(json_value s/summary.json peak_derivative)" = 1 ]
  check "atan area over [-2,2] is (2/pi) atan(2 pi)" awk -v a="$(json_value s/summary.json area)" 'BEGIN { exit !(a > 0.8994 && a < 0.8998) }'
  check "heaviside is 0 at x = 0 (strict)" [ "$(awk -F, '$1 == 0 { print $2 }' s/surrogate.csv)" = 0 ]
  check "triangular width 0.5" "$CLI" surrogate --kind triangular --slope 0.5 --points 5 --span 1 --out s2
  check "triangular g = max(0, 1 - |x|/w)/w" [ "$(column s2/surrogate.csv derivative | tr '\n' ' ')" = "0 0 2 0 0 " ]
  expect_bad "slope 0 is refused" surrogate --slope 0 --out bad_out
  expect_bad "an unknown kind is refused" surrogate --kind relu --out bad_out
  ;;
early)
  check "early, spiking mlp, exits 0" "$CLI" early --model spiking-mlp --dataset synthetic --hidden 30 --epochs 1 --steps 6 --lr 0.03 --out e1
  check "early.csv header" header_is e1/early.csv "step,test_error,cum_adds,cum_mults"
  check "a row per step" rows_are e1/early.csv 6
  check "steps 1..6" [ "$(column e1/early.csv step | tr '\n' ' ')" = "1 2 3 4 5 6 " ]
  check "compute only grows" awk -F, 'NR>2 && $3 < prev {bad=1} NR>1 {prev=$3} END {exit bad}' e1/early.csv
  check "spikes cost no multiplies" awk -F, 'NR>1 && $4 != 0 {bad=1} END {exit bad}' e1/early.csv
  check "the last step is better than the first" awk -F, 'NR==2 {first=$2} {last=$2} END {exit !(last < first)}' e1/early.csv
  check "the dense reference: 196·30 + 30·10 multiply-adds" [ "$(json_value e1/summary.json dense_mults)" = 6180 ]
  for key in model dataset layers time_steps final_test_error step_within_1_point dense_test_error; do check "early summary has $key" json_has e1/summary.json $key; done
  check "early, lif" "$CLI" early --model lif --dataset synthetic --hidden 20 --epochs 1 --steps 8 --rows-per-epoch 1 --out e2
  check "lif: direct input multiplies once, at step 1" awk -F, 'NR==2 {m=$4} NR>2 && $4 != m {bad=1} END {exit bad || m != 196*20}' e2/early.csv
  expect_bad "a model without time steps is refused" early --model mlp --dataset synthetic --out bad_out
  expect_bad "a bad train option is refused as by train" early --model lif --beta 2 --dataset synthetic --out bad_out
  ;;
scales)
  check "scales on synthetic exits 0" "$CLI" scales --model sigma-delta --dataset synthetic --hidden 30 --pretrain-epochs 1 --lambda 1e-7,1e-5,1e-4 --scale-steps 60 --scale-samples 300 --out s1
  check "tradeoff.csv header" header_is s1/tradeoff.csv "lambda,test_error,adds,mults,energy_mj,network,order,train_error"
  check "original dense and sparse, then rounding and sigma-delta in two orders for the unoptimised net and each lambda" rows_are s1/tradeoff.csv 14
  check "networks named" [ "$(column s1/tradeoff.csv network | sort | uniq -c | awk '{printf "%s:%s ", $2, $1}')" = "original:1 original-sparse:1 rounding:4 sigma-delta:8 " ]
  check "the original net: 196·30 + 30·10 multiply-adds (eq. B.12)" awk -F, '$6 == "original" {exit !($3 == 6180 && $4 == 6180)}' s1/tradeoff.csv
  check "the unoptimised net (lambda empty), then the lambdas as given" awk -F, '$6 == "rounding" {v[n++]=$1} END {exit !(n == 4 && v[0] == "" && v[1] == 1e-7 && v[2] == 1e-5 && v[3] == 1e-4)}' s1/tradeoff.csv
  check "lambda 1e-4 read as a number" awk -F, '$6 == "rounding" && $1 == 0.0001 {found=1} END {exit !found}' s1/tradeoff.csv
  check "more lambda buys fewer additions" awk -F, '$6 == "rounding" && $1 == 1e-7 {a=$3} $6 == "rounding" && $1 == 1e-4 {b=$3} END {exit !(b < a)}' s1/tradeoff.csv
  check "the sigma-delta net errs as the rounding net" awk -F, '$6 == "rounding" {e[$1]=$2} $6 == "sigma-delta" && e[$1] != $2 {bad=1} END {exit bad}' s1/tradeoff.csv
  check "the temporal order costs the sigma-delta net less" awk -F, '$7 == "stored" {s[$1]=$3} $7 == "temporal" && !($3 < s[$1]) {bad=1} END {exit bad}' s1/tradeoff.csv
  check "a ReLU net saved by train" "$CLI" train --model mlp --dataset synthetic --hidden 30 --epochs 1 --save-model sm1 --out st1
  check "scales --pretrained" "$CLI" scales --model sigma-delta --dataset synthetic --hidden 30 --pretrained sm1 --lambda 1e-7,1e-5,1e-4 --scale-steps 60 --scale-samples 300 --out s3
  check "  the same trade-off as pretraining it in the run" cmp s1/tradeoff.csv s3/tradeoff.csv
  expect_bad "--pretrained with --pretrain-epochs" scales --model sigma-delta --dataset synthetic --hidden 30 --pretrained sm1 --pretrain-epochs 2 --out bad_out
  check "scales --per-unit" "$CLI" scales --model sigma-delta --dataset synthetic --hidden 30 --pretrained sm1 --per-unit --lambda 1e-7,1e-5,1e-4 --scale-steps 60 --scale-samples 300 --out s4
  check "  scales.csv has a unit column" header_is s4/scales.csv "lambda,layer,unit,scale"
  check "  a scale for each of the 196 + 30 layer-input units, for the unoptimised net and 3 lambdas" rows_are s4/scales.csv 904
  check "  the unoptimised net's rows are those of the per-layer run" cmp <(head -n 6 s1/tradeoff.csv) <(head -n 6 s4/tradeoff.csv)
  expect_bad "--pretrained with other --hidden" scales --model sigma-delta --dataset synthetic --hidden 20 --pretrained sm1 --out bad_out
  check "additions only, 0.1 pJ each" awk -F, 'NR>1 && $6 != "original" && $6 != "original-sparse" {d=$5 - $3*1e-10; if ($4 != 0 || d > 1e-15 || d < -1e-15) bad=1} END {exit bad}' s1/tradeoff.csv
  check "scales.csv: a scale per layer input and lambda" rows_are s1/scales.csv 8
  check "scales.csv header" header_is s1/scales.csv "lambda,layer,scale"
  check "a geometric range: MIN:MAX:N" "$CLI" scales --dataset synthetic --hidden 20 --pretrain-epochs 1 --lambda 1e-8:1e-4:3 --scale-steps 10 --scale-samples 100 --out s2
  check "1e-8, 1e-6, 1e-4" awk -F, '$6 == "rounding" && $1 != "" {v[n++]=$1} END {r=v[1]*v[1]/(v[0]*v[2]); exit !(n == 3 && v[0] == 1e-8 && v[2] == 1e-4 && r > 0.999999 && r < 1.000001)}' s2/tradeoff.csv
  for key in original_test_error original_flops_dense original_flops_sparse original_energy_mj_dense cost_note; do check "scales summary has $key" json_has s1/summary.json $key; done
  expect_bad "a lambda must be a positive number" scales --dataset synthetic --lambda 1e-6,abc --out bad_out
  expect_bad "a geometric lambda range needs MIN > 0" scales --dataset synthetic --lambda 0:1e-5:3 --out bad_out
  expect_bad "only the sigma-delta net has scales" scales --model lif --dataset synthetic --out bad_out
  ;;
pareto)
  # Thesis §4.6.1, Fig. 4.2: optimised scales against random rescalings of one network.
  check "pareto exits 0" "$CLI" pareto --sizes 20,20,20 --steps 40 --random 20 --lambda 1e-5,1e-3 --out p1
  check "paths.csv header: a scale per layer input" header_is p1/paths.csv "lambda,step,error,comp,k0,k1"
  check "a path of 41 points (every steps/40) per lambda" rows_are p1/paths.csv 82
  check "random.csv header" header_is p1/random.csv "trial,error,comp,k0,k1"
  check "a row per random rescaling" rows_are p1/random.csv 20
  check "every path starts at k = 1, the same point for each lambda" awk -F, '$2 == 0 {if ($5 != 1 || $6 != 1) bad=1; p[n++]=$3 "/" $4} END {exit bad || n != 2 || p[0] != p[1]}' p1/paths.csv
  check "optimising lowers the error from the start" awk -F, '$2 == 0 {s[$1]=$3} $2 == 40 && !($3 < s[$1]) {bad=1} END {exit bad}' p1/paths.csv
  check "more lambda ends with less computation" awk -F, '$2 == 40 {c[$1]=$4} END {exit !(c["0.001"] < c["1e-05"])}' p1/paths.csv
  check "random scales lie in [0.1, 100]" awk -F, 'NR > 1 && ($4 < 0.1 || $4 > 100 || $5 < 0.1 || $5 > 100) {bad=1} END {exit bad}' p1/random.csv
  check "no random rescaling dominates an optimised end point" [ "$(json_value p1/summary.json random_dominating)" = 0 ]
  for key in sizes lambdas steps random_scalings seed start_error start_comp cost_note; do check "pareto summary has $key" json_has p1/summary.json $key; done
  check "the same seed, the same result" "$CLI" pareto --sizes 20,20,20 --steps 40 --random 20 --lambda 1e-5,1e-3 --out p2
  check "  byte for byte" cmp p1/paths.csv p2/paths.csv
  check "another seed" "$CLI" pareto --sizes 20,20,20 --steps 40 --random 20 --lambda 1e-5,1e-3 --seed 2 --out p3
  check "  another network" bash -c '! cmp -s p1/random.csv p3/random.csv'
  expect_bad "pareto: lambda 0" pareto --lambda 0,1e-5 --out bad_out
  expect_bad "pareto: an input and no layer" pareto --sizes 100 --out bad_out
  expect_bad "pareto: malformed --sizes" pareto --sizes 10,,2 --out bad_out
  expect_bad "pareto: a negative count of rescalings" pareto --random -1 --out bad_out
  ;;
transfer)
  # DSN Table 2's transfer rows: a net's weights in the other network.
  check "transfer from the ReLU MLP exits 0" "$CLI" transfer --model mlp --dataset synthetic --hidden 30 --epochs 1 --steps 50 --out t1
  check "transfer.csv header" header_is t1/transfer.csv "network,weights_from,test_error,train_error"
  check "the donor, then the spiking MLP with its weights" [ "$(cut -d, -f1,2 t1/transfer.csv | tail -n +2 | paste -sd' ')" = "mlp,mlp spiking-mlp,mlp" ]
  check "the spiking MLP errs within 5 points of the ReLU net" awk -F, 'NR == 2 {d=$3} NR == 3 {e=$3} END {x=e-d; if (x < 0) x=-x; exit !(x < 0.05)}' t1/transfer.csv
  for key in model recipient dataset layers time_steps test_error train_error transferred_test_error transferred_train_error; do check "transfer summary has $key" json_has t1/summary.json $key; done
  check "transfer from the spiking MLP (FSGD) exits 0" "$CLI" transfer --model spiking-mlp --optimizer fsgd --dataset synthetic --hidden 30 --epochs 1 --out t2
  check "  the ReLU net with the spiking MLP's weights" [ "$(cut -d, -f1,2 t2/transfer.csv | tail -n +2 | paste -sd' ')" = "spiking-mlp,spiking-mlp mlp,spiking-mlp" ]
  expect_bad "transfer: a model without a counterpart" transfer --model lif --dataset synthetic --out bad_out
  expect_bad "transfer: an MLP with biases" transfer --model mlp --bias on --dataset synthetic --out bad_out
  expect_bad "transfer: a bad train option" transfer --model mlp --hidden 10,,2 --dataset synthetic --out bad_out
  ;;
train)
  check "train mlp on synthetic exits 0" "$CLI" train --model mlp --dataset synthetic --hidden 50 --epochs 1 --out t1
  check "curve.csv header" header_is t1/curve.csv "epoch,samples,train_acc,test_acc,loss,adds,mults,energy_mj"
  check "ten rows per epoch" rows_are t1/curve.csv 10
  check "last row at epoch 1" [ "$(column t1/curve.csv epoch | tail -n 1)" = 1 ]
  for key in model dataset layers final_test_acc kops_per_sample energy_mj adds mults; do check "summary has $key" json_has t1/summary.json $key; done
  check "layers 196-50-10" [ "$(json_value t1/summary.json layers)" = '"196-50-10"' ]
  check "mlp inference: dense 196·50 + 50·10 multiply-adds a prediction (thesis eq. B.12)" [ "$(json_value t1/summary.json inference_mults),$(json_value t1/summary.json inference_adds)" = 10300,10300 ]
  check "mlp inference: the sparse count skips zero inputs (eq. B.13)" awk -v a="$(json_value t1/summary.json inference_sparse_mults)" 'BEGIN{exit !(a > 0 && a < 10300)}'
  check "mlp learns the synthetic set" awk -v a="$(json_value t1/summary.json final_test_acc)" 'BEGIN{exit !(a > 0.8)}'
  check "--save-model" "$CLI" train --model mlp --dataset synthetic --hidden 50 --epochs 1 --save-model tm1 --out t1m
  check "  writes model.json and a CSV per weight matrix and bias" [ "$(ls tm1 | tr '\n' ' ')" = "layer1.bias.csv layer1.weights.csv layer2.bias.csv layer2.weights.csv model.json " ]
  check "  the same run as without it" cmp t1/curve.csv t1m/curve.csv
  check "  model.json names format, model and sizes" grep -q '"format": "sdlab-model"' tm1/model.json
  check "--load-model, then one more epoch and saved again" "$CLI" train --model mlp --dataset synthetic --hidden 50 --epochs 1 --load-model tm1 --save-model tm2 --out t1l
  check "  starts where the saved net ended (first row's accuracy beats a fresh net's)" awk -v a="$(column t1l/curve.csv test_acc | head -n 1)" -v b="$(column t1/curve.csv test_acc | head -n 1)" 'BEGIN{exit !(a > b)}'
  check "  and the second epoch's weights differ from the first's" sh -c '! cmp -s tm1/layer1.weights.csv tm2/layer1.weights.csv'
  expect_bad "--load-model with other --hidden" train --model mlp --dataset synthetic --hidden 40 --epochs 1 --load-model tm1 --out bad_out
  expect_bad "--load-model of another model" train --model pdnn --dataset synthetic --hidden 50 --epochs 1 --load-model tm1 --out bad_out
  expect_bad "--load-model of a missing directory" train --model mlp --dataset synthetic --hidden 50 --epochs 1 --load-model no_such_dir --out bad_out
  expect_bad "--save-model of eqprop" train --model eqprop --dataset synthetic --hidden 20 --epochs 1 --save-model bad_model --out bad_out
  check "  and writes no model" [ ! -e bad_model ]
  check "pdnn with past updates, temporal order" "$CLI" train --model pdnn --update past --order temporal --dataset synthetic --hidden 30 --epochs 1 --rows-per-epoch 4 --out t2
  check "four rows" rows_are t2/curve.csv 4
  check "pdnn summary names the update" [ "$(json_value t2/summary.json update)" = '"past"' ]
  check "spiking mlp with fsgd" "$CLI" train --model spiking-mlp --optimizer fsgd --steps 5 --dataset synthetic --hidden 20 --epochs 1 --out t3
  check "spiking mlp, event-driven output error" "$CLI" train --model spiking-mlp --routing depth-first --output-error stream --steps 5 --dataset synthetic --hidden 20 --epochs 1 --rows-per-epoch 1 --out t3s
  check "spiking summary names the output error" [ "$(json_value t3s/summary.json output_error)" = '"stream"' ]
  check "sigma-delta net" "$CLI" train --model sigma-delta --dataset synthetic --hidden 20 --epochs 1 --out t4
  check "two hidden layers" "$CLI" train --dataset synthetic --hidden 20,10 --epochs 1 --out t5
  check "layers 196-20-10-10" [ "$(json_value t5/summary.json layers)" = '"196-20-10-10"' ]
  check "eqprop" "$CLI" train --model eqprop --dataset synthetic --hidden 30 --epochs 1 --rows-per-epoch 2 --out t6
  check "eqprop curve adds settle_steps" header_is t6/curve.csv "epoch,samples,train_acc,test_acc,loss,adds,mults,energy_mj,settle_steps"
  check "eqprop settles 20 + 4 steps per sample" [ "$(column t6/curve.csv settle_steps | sort -u)" = 24 ]
  check "init-eqprop with a tolerance" "$CLI" train --model init-eqprop --dataset synthetic --hidden 30 --epochs 1 --rows-per-epoch 2 --free-steps 50 --settle-tol 0.01 --out t7
  check "the tolerance ends phases early" awk -v a="$(column t7/curve.csv settle_steps | tail -n 1)" 'BEGIN{exit !(a > 1 && a < 54)}'
  check "init-eqprop summary has its lambda" json_has t7/summary.json anchor_lambda
  check "init-eqprop writes its initializer's gradient alignment (Fig. 7.4 right)" header_is t7/initializer_alignment.csv "epoch,samples,layer,cosine"
  check "  one layer below the top, a cosine per curve row" [ "$(column t7/initializer_alignment.csv cosine | awk '$1 >= -1 && $1 <= 1' | wc -l)" = 2 ]
  check "plain eqprop writes none" [ ! -e t6/initializer_alignment.csv ]
  check "the error percent is printed as a test set's error is, 0.2 % steps on 500 samples" grep -Eq '"final_test_error_percent": [0-9]+(\.[0-9]{1,2})?,' t6/summary.json
  check "a run that did not diverge says diverged_at_sample 0" [ "$(json_value t6/summary.json diverged_at_sample)" = 0 ]
  "$CLI" train --model pdnn --dataset synthetic --hidden 30,30 --epochs 1 --lr 10 --rows-per-epoch 1 --out tdiv 2> tdiv.err
  check "a diverging run still writes its result (exit $?)" [ -f tdiv/summary.json ]
  check "  and names the sample where the loss stopped being finite" awk -v n="$(json_value tdiv/summary.json diverged_at_sample)" 'BEGIN{exit !(n >= 1)}'
  check "  with one warning on stderr" grep -q "the run diverged (a smaller --lr may train)" tdiv.err
  check "eqprop summary has the rate ratio per layer, 2 by default" [ "$(json_value t6/summary.json lr_layer_ratio)" = 2 ]
  expect_bad "--lr-layer-ratio below 1" train --model eqprop --dataset synthetic --hidden 30 --epochs 1 --lr-layer-ratio 0.5 --out bad_out
  check "spiking-eqprop, sigma-delta coding" "$CLI" train --model spiking-eqprop --encoder sigma-delta --dataset synthetic --hidden 20 --epochs 1 --rows-per-epoch 1 --free-steps 20 --clamped-steps 5 --out t8
  check "spiking summary names the encoder" [ "$(json_value t8/summary.json encoder)" = '"sigma-delta"' ]
  check "lif, BPTT, tutorial-5 defaults" "$CLI" train --model lif --dataset synthetic --hidden 50 --epochs 3 --lr 2e-3 --out t9
  check "lif curve has the common columns" header_is t9/curve.csv "epoch,samples,train_acc,test_acc,loss,adds,mults,energy_mj"
  for key in neuron beta threshold reset surrogate slope time_steps input_coding decode loss optimizer batch spikes_per_sample dead_fraction; do check "lif summary has $key" json_has t9/summary.json $key; done
  check "lif defaults: beta 0.95, T 25, adam" [ "$(json_value t9/summary.json beta),$(json_value t9/summary.json time_steps),$(json_value t9/summary.json optimizer)" = '0.95,25,"adam"' ]
  check "lif layers.csv header" header_is t9/layers.csv "epoch,samples,layer,firing_rate,dead_fraction,gradient_norm"
  check "lif layers.csv: two layers per curve row" rows_are t9/layers.csv 60
  check "lif layers.csv: rates are spikes per unit per step" awk -F, 'NR>1 && ($4<0 || $4>1) {bad=1} NR>1 && $6<=0 {bad=1} END {exit bad}' t9/layers.csv
  check "mlp writes no layers.csv" [ ! -e t1/layers.csv ]
  check "pdnn layers.csv: its hidden layer per curve row, no gradient norm" awk -F, 'NR>1 && ($3!=1 || $4<0 || $5<0 || $5>1 || $6!="") {bad=1} END {exit bad || NR!=5}' t2/layers.csv
  check "pdnn inference: additions only" awk -v a="$(json_value t2/summary.json inference_adds)" -v m="$(json_value t2/summary.json inference_mults)" 'BEGIN{exit !(a > 0 && m == 0)}'
  check "pdnn summary reports spikes per sample" awk -v a="$(json_value t2/summary.json spikes_per_sample)" 'BEGIN{exit !(a > 0)}'
  check "lif learns the synthetic set" awk -v a="$(json_value t9/summary.json final_test_acc)" 'BEGIN{exit !(a > 0.85)}'
  check "lif, first-spike loss and decoding" "$CLI" train --model lif --loss ce-temporal --decode latency --dataset synthetic --hidden 20 --epochs 1 --rows-per-epoch 1 --out t10
  check "lif, rate input, mse-count, synaptic, zero reset, SGD" "$CLI" train --model lif --input-coding rate --loss mse-count --correct-rate 0.8 --incorrect-rate 0.1 --neuron synaptic --reset zero --optimizer sgd --lr 0.005 --surrogate fast-sigmoid --slope 10 --batch 32 --steps 10 --dataset synthetic --hidden 20 --epochs 1 --rows-per-epoch 1 --out t11
  check "lif with learnable beta and threshold" "$CLI" train --model lif --learn-beta --learn-threshold --dataset synthetic --hidden 20 --epochs 1 --rows-per-epoch 1 --out t13
  check "lif summary has the learned beta per layer" grep -q '"learned_beta": \[[0-9.e-]*, [0-9.e-]*\]' t13/summary.json
  check "lif, rleaky, delta input, rate bounds" "$CLI" train --model lif --neuron rleaky --input-coding delta --delta-reference previous-sample --upper-rate 0.1 --upper-penalty 0.01 --lower-rate 0.01 --lower-penalty 0.1 --dataset synthetic --hidden 20 --epochs 1 --rows-per-epoch 1 --out t14
  for key in delta_threshold delta_reference upper_rate upper_penalty lower_rate lower_penalty; do check "lif summary has $key" json_has t14/summary.json $key; done
  check "lif, one layer by RTRL" "$CLI" train --model lif --hidden none --method rtrl --dataset synthetic --epochs 1 --rows-per-epoch 1 --out t15
  check "one layer: layers 196-10" [ "$(json_value t15/summary.json layers)" = '"196-10"' ]
  check "summary says beta and theta are learned" [ "$(json_value t13/summary.json learn_beta),$(json_value t13/summary.json learn_threshold)" = "true,true" ]
  check "lif trained online by e-prop" "$CLI" train --model lif --method eprop --dataset synthetic --hidden 30 --epochs 2 --lr 2e-3 --out t12
  check "e-prop summary names the method" [ "$(json_value t12/summary.json method)" = '"eprop"' ]
  check "e-prop learns the synthetic set" awk -v a="$(json_value t12/summary.json final_test_acc)" 'BEGIN{exit !(a > 0.6)}'
  check "lif summary names the surrogate and its slope" [ "$(json_value t11/summary.json surrogate),$(json_value t11/summary.json slope)" = '"fast-sigmoid",10' ]
  check "mlp curve has no settle_steps" header_is t1/curve.csv "epoch,samples,train_acc,test_acc,loss,adds,mults,energy_mj"
  ;;
settle)
  check "settle spiking-eqprop exits 0" "$CLI" settle --model spiking-eqprop --encoder predictive --sizes 100,100,10 --steps 200 --perturb-at 100 --out s1
  check "settle.csv header" header_is s1/settle.csv "t,distance_to_fixed_point,energy,spikes"
  check "rows t = 0..200" rows_are s1/settle.csv 201
  for key in model encoder anneal steps perturb_at distance_before_perturbation distance_after_perturbation final_distance spikes; do check "summary has $key" json_has s1/summary.json $key; done
  check "the spiking state approaches the fixed point" awk -v a="$(column s1/settle.csv distance_to_fixed_point | sed -n 2p)" -v b="$(column s1/settle.csv distance_to_fixed_point | sed -n 100p)" 'BEGIN{exit !(b < a / 5)}'
  check "  one_neuron.csv (Fig. 8.1) header" header_is s1/one_neuron.csv "t,pre_1,pre_2,pre_3,pre_1_spike,pre_2_spike,pre_3_spike,weighted_input,step_size,lambda,binary,continuous"
  check "  one row per step" rows_are s1/one_neuron.csv 201
  check "  the unit followed is named" json_has s1/summary.json neuron_unit
  check "settle --ensemble 2" "$CLI" settle --sizes 30,20,5 --steps 20 --perturb-at 10 --ensemble 2 --out se
  check "  ensemble.csv header" header_is se/ensemble.csv "scheme,t,log10_distance_mean,log10_distance_sd"
  check "  six schemes x 21 steps" rows_are se/ensemble.csv 126
  check "  the schemes" [ "$(cut -d, -f1 se/ensemble.csv | tail -n +2 | uniq | paste -sd' ')" = "continuous stochastic/schedule sigma-delta/schedule sigma-delta/osa predictive/schedule predictive/osa" ]
  check "  summary names each scheme's final distance" json_has se/summary.json "final_log10_distance_predictive/osa"
  check "  without --ensemble no ensemble.csv" [ ! -e s1/ensemble.csv ]
  check "continuous eqprop" "$CLI" settle --model eqprop --sizes 50,50,10 --steps 300 --out s2
  check "  the continuous model writes no one_neuron.csv" [ ! -e s2/one_neuron.csv ]
  check "continuous reaches its fixed point" awk -v a="$(json_value s2/summary.json final_distance)" 'BEGIN{exit !(a < 1e-6)}'
  check "continuous sends no spikes" [ "$(column s2/settle.csv spikes | sort -u)" = 0 ]
  for encoder in sigma-delta stochastic; do
    check "$encoder with a kick" "$CLI" settle --encoder $encoder --sizes 60,60,10 --steps 50 --perturb-at 25 --perturb kick --out s_$encoder
  done
  ;;
video)
  check "video on the synthetic scene exits 0" "$CLI" video --frames 40 --encoder pd --out v1
  check "frames.csv header" header_is v1/frames.csv "frame,events_on,events_off,recon_mse,encode_ms"
  check "40 frames" rows_are v1/frames.csv 40
  for key in source encoder frames width height fps events_per_frame events_per_second mean_recon_mse mean_encode_ms; do check "summary has $key" json_has v1/summary.json $key; done
  check "160x120 frames" [ "$(json_value v1/summary.json width)x$(json_value v1/summary.json height)" = 160x120 ]
  check "delta with a refractory period" "$CLI" video --frames 30 --encoder delta --on-threshold 0.05 --off-threshold 0.08 --refractory 2 --width 64 --out v2
  check "delta: no events on the first frame" [ "$(sed -n 2p v2/frames.csv | cut -d, -f2,3)" = "0,0" ]
  check "rate coding" "$CLI" video --frames 10 --encoder rate --width 32 --out v3
  check "rate: no OFF events" [ "$(column v3/frames.csv events_off | sort -u)" = 0 ]
  check "--fps 10 keeps every third synthetic frame" "$CLI" video --frames 10 --fps 10 --width 32 --out v4
  check "fps 10 in the summary" [ "$(json_value v4/summary.json fps)" = 10 ]
  if [ -f /usr/share/doc/opencv-doc/examples/data/vtest.avi ]; then
    check "vtest.avi" "$CLI" video --source /usr/share/doc/opencv-doc/examples/data/vtest.avi --frames 20 --width 96 --out v5
    check "vtest.avi keeps its aspect (768x576 -> 96x72)" [ "$(json_value v5/summary.json height)" = 72 ]
  fi
  # A recorded event stream replayed as the source (issue 22 item 7): 8 x 6, frames 0..2.
  printf 'frame,x,y,value\n0,1,1,3\n2,7,5,-2\n' > ev.csv
  check "an event CSV replays as a source" "$CLI" video --source ev.csv --width 8 --frames 10 --encoder delta --out vr
  check "  every recorded frame once, the empty one too" rows_are vr/frames.csv 3
  check "  8 x 6 as recorded" [ "$(json_value vr/summary.json width)x$(json_value vr/summary.json height)" = 8x6 ]
  check "  the source named" grep -q 'event stream' vr/summary.json
  check "  the delta encoder sees the replayed step again at frame 2 (one OFF pixel)" [ "$(sed -n 4p vr/frames.csv | cut -d, -f2,3)" = "0,1" ]
  printf 'SDEV\002\000\001\000' > cut.sdev
  expect_bad "video: a truncated recording" video --source cut.sdev --frames 5 --out bad_out
  check "--channels rgb" "$CLI" video --frames 30 --width 64 --channels rgb --out v8
  check "rgb in the summary" grep -q '"channels": "rgb"' v8/summary.json
  check "grey is the default" grep -q '"channels": "grey"' v1/summary.json
  check "grey at 64 px" "$CLI" video --frames 30 --width 64 --out v9
  check "three channels send more than twice the grey events" awk -v c="$(json_value v8/summary.json events_per_frame)" -v g="$(json_value v9/summary.json events_per_frame)" 'BEGIN{exit !(c > 2 * g)}'
  check "--learn on the synthetic scene" "$CLI" video --frames 1800 --learn --out v6
  check "learn.csv header" header_is v6/learn.csv "frame,seconds,samples,train_acc,test_acc,loss,adds,mults,energy_mj,inference_adds,inference_mults"
  check "with --learn frames.csv adds the network's cost" header_is v6/frames.csv "frame,events_on,events_off,recon_mse,encode_ms,net_adds,net_mults"
  check "without --learn it does not" header_is v9/frames.csv "frame,events_on,events_off,recon_mse,encode_ms"
  check "the MLP costs the same dense multiply-adds on every frame" [ "$(column v6/frames.csv net_mults | sort -u | wc -l)" = 1 ]
  check "  and its summary says how many" [ "$(json_value v6/summary.json net_mults_per_frame)" = "$(column v6/frames.csv net_mults | head -n 1)" ]
  check "a curve row every 30 frames" rows_are v6/learn.csv 60
  check "seconds = frame / 30 fps" [ "$(sed -n 2p v6/learn.csv | cut -d, -f1,2)" = "29,0.9666666666666667" ]
  check "held-out accuracy rises above chance (0.25) to >= 0.45" awk -v a="$(json_value v6/summary.json learn_final_test_acc)" 'BEGIN{exit !(a >= 0.45)}'
  check "learning counts its operations" awk -v a="$(json_value v6/summary.json learn_ops_per_frame)" 'BEGIN{exit !(a > 1e5)}'
  check "--learn with the PD network" "$CLI" video --frames 60 --learn --learn-model pdnn --learn-input events --learn-replay 0 --out v7
  check "pdnn in the summary" grep -q '"learn_model": "pdnn"' v7/summary.json
  check "the PD network multiplies nothing at run time" [ "$(column v7/frames.csv net_mults | sort -u)" = 0 ]
  check "  and adds less per frame than the MLP multiply-adds" awk -v p="$(json_value v7/summary.json net_adds_per_frame)" -v m="$(json_value v6/summary.json net_mults_per_frame)" 'BEGIN{exit !(p > 0 && p < m / 2)}'
  check "--learn with a LIF network (e-prop by default)" "$CLI" video --frames 1800 --learn --learn-model lif --out v8
  check "summary names lif, e-prop and T 10" [ "$(json_value v8/summary.json learn_model),$(json_value v8/summary.json learn_method),$(json_value v8/summary.json learn_steps)" = '"lif","eprop",10' ]
  check "the LIF network beats chance (0.25) on held-out frames, >= 0.4" awk -v a="$(json_value v8/summary.json learn_final_test_acc)" 'BEGIN{exit !(a >= 0.4)}'
  check "mlp summary has no LIF keys" sh -c '! grep -q learn_method v6/summary.json'
  check "--fps-sweep" "$CLI" video --fps-sweep --sweep-seconds 2 --width 64 --out vs1
  check "rate.csv header" header_is vs1/rate.csv "fps,frames,events_per_frame,events_per_second,recon_mse,values_per_second"
  check "ten rates, 1 to 30 fps" [ "$(column vs1/rate.csv fps | tr '\n' ' ')" = "1 2 3 5 7.5 10 15 20 25 30 " ]
  check "no frames.csv beside it" [ ! -e vs1/frames.csv ]
  check "events per frame fall as the frame rate rises" awk -v a="$(column vs1/rate.csv events_per_frame | head -n 1)" -v b="$(column vs1/rate.csv events_per_frame | tail -n 1)" 'BEGIN{exit !(b < a / 2)}'
  check "--fps-sweep --learn, sigma-delta network" "$CLI" video --fps-sweep --learn --learn-model sigma-delta --out vs2
  check "  rate.csv adds the network's cost and Fig. 12" header_is vs2/rate.csv "fps,frames,events_per_frame,events_per_second,recon_mse,values_per_second,net_adds_per_frame,net_mults_per_frame,net_adds_per_second,net_mults_per_second,dense_mults_per_second,net_energy_uj_per_second,dense_energy_uj_per_second,change_input,change_hidden,change_output"
  check "  its additions per frame fall with the frame rate" awk -v a="$(column vs2/rate.csv net_adds_per_frame | head -n 1)" -v b="$(column vs2/rate.csv net_adds_per_frame | tail -n 1)" 'BEGIN{exit !(b < 0.6 * a)}'
  check "  the dense MLP's are 768*100 + 100*4 per frame" [ "$(column vs2/rate.csv dense_mults_per_second | head -n 1)" = 77200 ]
  if [ -f /usr/share/doc/opencv-doc/examples/data/vtest.avi ]; then
    check "--learn on vtest.avi: no labels, the network only runs" "$CLI" video --source /usr/share/doc/opencv-doc/examples/data/vtest.avi --frames 60 --width 96 --learn --learn-model pdnn --out vl
    check "  frames.csv has the network's cost" header_is vl/frames.csv "frame,events_on,events_off,recon_mse,encode_ms,net_adds,net_mults"
    check "  nothing was learned" [ "$(json_value vl/summary.json learn_samples)" = 0 ]
    check "  the PD network's additions change as the frames do" [ "$(column vl/frames.csv net_adds | sort -u | wc -l)" -gt 10 ]
    check "--fps-sweep --learn on vtest.avi (no labels needed)" "$CLI" video --fps-sweep --sweep-seconds 2 --source /usr/share/doc/opencv-doc/examples/data/vtest.avi --width 96 --learn --learn-model pdnn --out vs3
    check "  rates up to vtest.avi's 10 fps" [ "$(column vs3/rate.csv fps | tail -n 1)" = 10 ]
  fi
  expect_bad "--fps-sweep with --fps" video --fps-sweep --fps 10 --out bad_out
  expect_bad "--sweep-seconds without --fps-sweep" video --sweep-seconds 2 --out bad_out
  expect_bad "--fps-sweep of a camera" video --fps-sweep --source camera:7 --out bad_out
  expect_bad "--fps-sweep of a missing file" video --fps-sweep --source /nonexistent.avi --out bad_out
  ;;
video-stream)
  # A phone or network camera (issue 23 item 6), played by Debian's ffmpeg on the loopback
  # address: frames arrive in real time, a dead address is refused within the timeout,
  # and a server killed mid-stream ends the run within a few seconds.
  if ! command -v ffmpeg > /dev/null; then
    echo "skipped: no ffmpeg (apt-get install ffmpeg)"
    exit 0
  fi
  port=$((20000 + $$ % 20000))
  serve() { # serve SECONDS: an MJPEG test pattern at 30 fps on http://127.0.0.1:$port/cam
    ffmpeg -nostdin -hide_banner -loglevel quiet -re -f lavfi -i testsrc=size=320x240:rate=30 \
      -t "$1" -f mpjpeg -listen 1 "http://127.0.0.1:$port/cam" &
    server=$!
    sleep 0.5
  }
  serve 30
  start=$(date +%s.%N)
  check "an MJPEG stream over HTTP is a source" "$CLI" video --source "http://127.0.0.1:$port/cam" --frames 45 --width 64 --out s1
  seconds=$(awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN{print a - b}')
  check "45 frames" rows_are s1/frames.csv 45
  check "they arrive in real time (45 frames at 30 fps take >= 1.2 s): $seconds s" awk -v s="$seconds" 'BEGIN{exit !(s >= 1.2)}'
  check "the stream sends events" awk -v e="$(json_value s1/summary.json events)" 'BEGIN{exit !(e > 0)}'
  check "the summary names the stream" grep -q "127.0.0.1:$port/cam" s1/summary.json
  kill "$server" 2> /dev/null; wait "$server" 2> /dev/null
  expect_bad "nothing listening there" video --source "http://127.0.0.1:$port/cam" --frames 10 --out bad_out
  grep -q "could not be opened within 5 s" stderr.txt || fail "dead stream message: $(cat stderr.txt)"
  expect_bad "a user name in the URL is not printed" video --source "rtsp://me:secret@127.0.0.1:$port/cam" --frames 10 --out bad_out
  grep -q secret stderr.txt && fail "the password was printed: $(cat stderr.txt)"
  serve 2 # ends after 2 s of video
  start=$(date +%s.%N)
  check "a stream that stops ends the run" "$CLI" video --source "http://127.0.0.1:$port/cam" --frames 100000 --width 64 --out s2
  seconds=$(awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN{print a - b}')
  check "  within a few seconds of its end ($seconds s)" awk -v s="$seconds" 'BEGIN{exit !(s < 10)}'
  check "  with the frames it sent" awk -v n="$(($(wc -l < s2/frames.csv) - 1))" 'BEGIN{exit !(n >= 30 && n <= 70)}'
  wait "$server" 2> /dev/null
  ;;
help)
  for command in pd sweep updates kernels networks alignment quantize encode cost train video settle; do
    check "$command --help" bash -c "'$CLI' $command --help | grep -q '^Usage: sdlab-cli $command'"
  done
  check "--version" bash -c "'$CLI' --version | grep -q '^sdlab-cli [0-9]'"
  check "overview lists commands" bash -c "'$CLI' --help | grep -q sweep"
  ;;
bad-input)
  printf 'x\n1\n2\n' > good.csv
  : > empty.csv
  printf 'x\n' > header_only.csv
  printf 'y\n1\n' > no_x.csv
  printf 'x\n1\nabc\n' > text.csv
  printf 'x\n1\nnan\n' > nan.csv
  printf 'x,w\n1,2\n3\n' > ragged.csv
  printf 'xbar,ebar\n1,0\n0.5,1\n' > fractional.csv
  printf '\x00\x01\x02binary' > binary.csv
  head -c 3 good.csv > truncated.csv  # "x\n1" is still valid; the truncation below is not
  printf 'x,w\n1,' > cut_row.csv
  touch a_file
  expect_bad "missing file" pd --input nope.csv --out bad_out
  expect_bad "empty file" pd --input empty.csv --out bad_out
  expect_bad "header only" pd --input header_only.csv --out bad_out
  expect_bad "missing column" pd --input no_x.csv --out bad_out
  expect_bad "non-numeric value" pd --input text.csv --out bad_out
  expect_bad "non-finite value" pd --input nan.csv --out bad_out
  expect_bad "ragged row" sweep --input ragged.csv --kp 0.1:1:2 --kd 0.1:1:2 --out bad_out
  expect_bad "truncated row" sweep --input cut_row.csv --kp 0.1:1:2 --kd 0.1:1:2 --out bad_out
  expect_bad "binary file" pd --input binary.csv --out bad_out
  expect_bad "directory as input" pd --input . --out bad_out
  # Inputs that never end or are absurdly large (issue 23): refused with the limit.
  expect_bad "/dev/zero as input" pd --input /dev/zero --out bad_out
  grep -q "512 MiB" stderr.txt || fail "/dev/zero: the message names no size limit"
  truncate -s 3G huge.csv  # sparse: no disk is used
  expect_bad "a 3 GiB file" pd --input huge.csv --out bad_out
  grep -q "3.0 GiB, more than the 512 MiB" stderr.txt || fail "huge file: $(cat stderr.txt)"
  rm -f huge.csv endless.fifo && mkfifo endless.fifo
  yes 1 > endless.fifo 2> /dev/null &
  writer=$!
  expect_bad "an endless FIFO" pd --input endless.fifo --out bad_out
  grep -q "never ends" stderr.txt || fail "endless FIFO: $(cat stderr.txt)"
  kill "$writer" 2> /dev/null; rm -f endless.fifo
  # Spreadsheets' CSV (issue 23): BOM, CRLF, quoted header, semicolons with decimal
  # commas, Excel's sep= line; each gives the plain file's result.
  printf 'x\n0.25\n0.5\n-1.5\n' > plain.csv
  printf '\xef\xbb\xbf"x"\r\n0.25\r\n 0.5 \r\n"-1.5"\r\n' > excel.csv
  printf 'sep=;\r\n"x";"unused"\r\n0,25;1\r\n0,5;2\r\n-1,5;3\r\n' > semicolons.csv
  "$CLI" pd --input plain.csv --kp 0.5 --kd 1 --out sheet_plain > /dev/null
  for sheet in excel semicolons; do
    check "spreadsheet CSV ($sheet) is read" "$CLI" pd --input $sheet.csv --kp 0.5 --kd 1 --out sheet_$sheet
    check "spreadsheet CSV ($sheet) gives the plain file's result" cmp -s sheet_plain/pd.csv sheet_$sheet/pd.csv
  done
  printf '\xff\xfex\x00\n\x001\x00\n\x00' > utf16.csv
  expect_bad "UTF-16 CSV" pd --input utf16.csv --out bad_out
  printf 'x\n"1\n' > open_quote.csv
  expect_bad "a quote never closed" pd --input open_quote.csv --out bad_out
  expect_bad "negative kp" pd --input good.csv --kp -1 --out bad_out
  expect_bad "negative kd" pd --input good.csv --kd -0.5 --out bad_out
  expect_bad "kp + kd = 0" pd --input good.csv --kp 0 --kd 0 --out bad_out
  expect_bad "kp not a number" pd --input good.csv --kp abc --out bad_out
  expect_bad "kp infinite" pd --input good.csv --kp inf --out bad_out
  expect_bad "unknown signal" pd --signal square --out bad_out
  expect_bad "both --input and --signal" pd --input good.csv --signal sine --out bad_out
  expect_bad "alpha = 0" kernels --alpha 0 --span 3 --out bad_out
  expect_bad "alpha = 1" kernels --alpha 1 --span 3 --out bad_out
  expect_bad "alpha > 1" kernels --alpha 1.5 --span 3 --out bad_out
  expect_bad "span missing" kernels --alpha 0.5 --out bad_out
  expect_bad "malformed range" sweep --signal sine --kp 1:2 --kd 0.1:1:2 --out bad_out
  expect_bad "range with text" sweep --signal sine --kp a:2:3 --kd 0.1:1:2 --out bad_out
  expect_bad "empty range" sweep --signal sine --kp 0.1:1:0 --kd 0.1:1:2 --out bad_out
  expect_bad "reversed range" sweep --signal sine --kp 2:1:3 --kd 0.1:1:2 --out bad_out
  expect_bad "--log with MIN = 0" sweep --signal sine --kp 0:1:3 --kd 0.1:1:2 --log --out bad_out
  expect_bad "--log with MIN < 0" sweep --signal sine --kp -1:1:3 --kd 0.1:1:2 --log --out bad_out
  expect_bad "grid with kp = kd = 0" sweep --signal sine --kp 0:1:3 --kd 0:1:3 --out bad_out
  expect_bad "missing w column" sweep --input good.csv --kp 0.1:1:2 --kd 0.1:1:2 --out bad_out
  expect_bad "fractional spike count" updates --input fractional.csv --out bad_out
  expect_bad "updates with kp = 0" updates --steps 10 --kp 0 --kd 1 --out bad_out
  expect_bad "unknown method" quantize --dimension 3 --method magic --out bad_out
  expect_bad "unknown encode method" encode --input good.csv --method morse --out bad_out
  expect_bad "rate outside [0, 1]" encode --input good.csv --method rate --out bad_out
  expect_bad "density > 1" cost --din 10 --dout 10 --density 2 --out bad_out
  expect_bad "din = 0" cost --din 0 --dout 10 --density 0.5 --out bad_out
  expect_bad "steps = 0" pd --signal sine --steps 0 --out bad_out
  expect_bad "unknown option" pd --signal sine --frobnicate --out bad_out
  expect_bad "option given twice" pd --signal sine --kp 1 --kp 2 --out bad_out
  expect_bad "option without value" pd --signal sine --out
  expect_bad "missing --out" pd --signal sine
  expect_bad "--out is a file" pd --signal sine --out a_file
  expect_bad "train: unknown model" train --model svm --dataset synthetic --out bad_out
  expect_bad "train: unknown data set" train --dataset mnist --out bad_out
  expect_bad "train: missing IDX directory" train --dataset idx:no_such_dir --out bad_out
  expect_bad "train: malformed --hidden" train --dataset synthetic --hidden 200,x --out bad_out
  expect_bad "train: --epochs 0" train --dataset synthetic --epochs 0 --out bad_out
  expect_bad "train: --lr 0" train --dataset synthetic --lr 0 --out bad_out
  expect_bad "train: unknown --output-error" train --model spiking-mlp --dataset synthetic --output-error total --out bad_out
  expect_bad "train: kd-back without kp" train --dataset synthetic --kd-back 1 --out bad_out
  mkdir -p idx_huge idx_cut idx_magic
  # An IDX header that claims 10^9 images of 28 x 28, then almost nothing.
  printf '\0\0\10\3\x3b\x9a\xca\0\0\0\0\x1c\0\0\0\x1c\1\2\3' > idx_huge/train-images-idx3-ubyte
  printf '\0\0\10\1\0\0\0\1\7' > idx_huge/train-labels-idx1-ubyte
  cp idx_huge/train-labels-idx1-ubyte idx_huge/t10k-labels-idx1-ubyte
  cp idx_huge/train-images-idx3-ubyte idx_huge/t10k-images-idx3-ubyte
  expect_bad "train: IDX header claims 10^9 images" train --dataset idx:idx_huge --out bad_out
  # Two 2 x 2 images claimed, one and a half present.
  printf '\0\0\10\3\0\0\0\2\0\0\0\2\0\0\0\2\1\2\3\4\5\6' > idx_cut/train-images-idx3-ubyte
  printf '\0\0\10\1\0\0\0\2\7\1' > idx_cut/train-labels-idx1-ubyte
  expect_bad "train: truncated IDX file" train --dataset idx:idx_cut --out bad_out
  mkdir -p idx_good
  printf '\0\0\10\3\0\0\0\2\0\0\0\2\0\0\0\2\1\2\3\4\5\6\7\10' > idx_good/train-images-idx3-ubyte
  printf '\0\0\10\1\0\0\0\2\0\1' > idx_good/train-labels-idx1-ubyte
  cp idx_good/train-images-idx3-ubyte idx_good/t10k-images-idx3-ubyte
  cp idx_good/train-labels-idx1-ubyte idx_good/t10k-labels-idx1-ubyte
  check "a hand-made IDX directory trains" "$CLI" train --dataset idx:idx_good --hidden 3 --out good_idx
  rm -rf idx_magic idx_gz && cp -r idx_good idx_magic && cp -r idx_good idx_gz
  printf 'P5\n2 2\n255\n\1\2\3\4' > idx_magic/train-images-idx3-ubyte
  expect_bad "train: IDX with a wrong magic number" train --dataset idx:idx_magic --out bad_out
  rm idx_gz/t10k-images-idx3-ubyte
  printf '\37\213\10\0\0\0\0\0\0\3garbage' > idx_gz/t10k-images-idx3-ubyte.gz
  expect_bad "train: corrupt gzip IDX" train --dataset idx:idx_gz --out bad_out
  expect_bad "video: missing file" video --source nope.avi --out bad_out
  printf 'RIFF\x10\x00\x00\x00AVI LIST garbage' > bad.avi
  expect_bad "video: not a video" video --source bad.avi --out bad_out
  expect_bad "video: empty file" video --source empty.csv --out bad_out
  expect_bad "video: a directory" video --source . --out bad_out
  expect_bad "video: absent camera" video --source camera:63 --out bad_out
  expect_bad "video: bad camera number" video --source camera:one --out bad_out
  expect_bad "video: unknown encoder" video --encoder wavelet --out bad_out
  expect_bad "video: fps above the source's" video --fps 60 --out bad_out
  expect_bad "video: zero fps" video --fps 0 --out bad_out
  expect_bad "video: negative threshold" video --encoder delta --threshold -0.1 --out bad_out
  expect_bad "video: width too small" video --width 2 --out bad_out
  expect_bad "video: unknown channels" video --channels blue --out bad_out
  expect_bad "video: kp + kd = 0" video --kp 0 --kd 0 --out bad_out
  expect_bad "video: --learn-model without --learn" video --learn-model pdnn --out bad_out
  expect_bad "video: --learn with a spiking model" video --learn --learn-model spiking-mlp --out bad_out
  expect_bad "video: --learn-method rtrl (one layer only)" video --learn --learn-model lif --learn-method rtrl --out bad_out
  expect_bad "video: --learn-steps 0" video --learn --learn-model lif --learn-steps 0 --out bad_out
  expect_bad "video: --learn-grid too small" video --learn --learn-grid 2 --out bad_out
  expect_bad "video: --learn-lr not a number" video --learn --learn-lr fast --out bad_out
  expect_bad "train: unknown spiking encoder" train --model spiking-eqprop --encoder morse --dataset synthetic --out bad_out
  expect_bad "train: --free-steps 0" train --model eqprop --free-steps 0 --dataset synthetic --out bad_out
  expect_bad "train: negative --beta" train --model eqprop --beta -1 --dataset synthetic --out bad_out
  expect_bad "lif: beta above 1" train --model lif --beta 1.5 --dataset synthetic --out bad_out
  expect_bad "lif: threshold 0" train --model lif --threshold 0 --dataset synthetic --out bad_out
  expect_bad "lif: T = 0" train --model lif --steps 0 --dataset synthetic --out bad_out
  expect_bad "lif: batch 0" train --model lif --batch 0 --dataset synthetic --out bad_out
  expect_bad "lif: unknown loss" train --model lif --loss hinge --dataset synthetic --out bad_out
  expect_bad "lif: a spike loss read by the membrane" train --model lif --loss ce-count --decode membrane --dataset synthetic --out bad_out
  expect_bad "lif: ce-temporal without latency decoding" train --model lif --loss ce-temporal --dataset synthetic --out bad_out
  expect_bad "lif: latency loss with rate input" train --model lif --loss ce-temporal --decode latency --input-coding rate --dataset synthetic --out bad_out
  expect_bad "lif: e-prop with a zero reset" train --model lif --method eprop --reset zero --dataset synthetic --out bad_out
  expect_bad "lif: learnable beta with lapicque" train --model lif --neuron lapicque --learn-beta --dataset synthetic --out bad_out
  expect_bad "lif: unknown method" train --model lif --method hebb --dataset synthetic --out bad_out
  expect_bad "lif: fsgd is the spiking MLP's" train --model lif --optimizer fsgd --dataset synthetic --out bad_out
  expect_bad "lif: rtrl with a hidden layer" train --model lif --method rtrl --hidden 20 --dataset synthetic --out bad_out
  expect_bad "lif: rtrl with recurrence" train --model lif --method rtrl --hidden none --neuron rleaky --dataset synthetic --out bad_out
  expect_bad "no hidden layer for the mlp" train --model mlp --hidden none --dataset synthetic --out bad_out
  expect_bad "lif: delta threshold 0" train --model lif --input-coding delta --delta-threshold 0 --dataset synthetic --out bad_out
  expect_bad "lif: unknown delta reference" train --model lif --input-coding delta --delta-reference next --dataset synthetic --out bad_out
  expect_bad "lif: upper rate above 1" train --model lif --upper-rate 2 --upper-penalty 0.1 --dataset synthetic --out bad_out
  expect_bad "lif: negative lower penalty" train --model lif --lower-penalty -1 --dataset synthetic --out bad_out
  expect_bad "adam is the LIF network's" train --model mlp --optimizer adam --dataset synthetic --out bad_out
  expect_bad "settle: unknown model" settle --model hopfield --out bad_out
  expect_bad "settle: perturbation after the end" settle --steps 10 --perturb-at 11 --out bad_out
  expect_bad "settle: unknown perturbation" settle --perturb-at 5 --perturb shake --out bad_out
  expect_bad "settle: one layer" settle --sizes 10 --out bad_out
  expect_bad "settle: malformed --sizes" settle --sizes 10,,2 --out bad_out
  expect_bad "settle: lambda 0" settle --lambda 0 --out bad_out
  expect_bad "settle: OSA target 1" settle --osa-target 1 --out bad_out
  expect_bad "unknown command" transmogrify --out bad_out
  expect_bad "no command"

  # The table (issue 8): every command that reads a CSV file, fed every kind of broken
  # one. Each must exit 2 with one line naming the problem and write nothing.
  printf 'x\n1\n1e999\n' > inf.csv
  head -c 100000 /dev/urandom > random.csv
  for input in nope.csv empty.csv header_only.csv text.csv nan.csv inf.csv ragged.csv cut_row.csv binary.csv random.csv; do
    expect_bad "pd --input $input" pd --input $input --out bad_out
    expect_bad "sweep --input $input" sweep --input $input --kp 0.1:1:2 --kd 0.1:1:2 --out bad_out
    expect_bad "updates --input $input" updates --input $input --kp 1 --kd 1 --out bad_out
    expect_bad "quantize --input $input" quantize --input $input --steps 10 --method herding --out bad_out
    expect_bad "encode --input $input" encode --input $input --method delta --steps 10 --out bad_out
  done
  # Every command, a number option given a word, a fraction where a count belongs, and
  # a non-finite number.
  for args in "pd --signal sine --steps" "sweep --signal sine --kp 0.1:1:2 --kd 0.1:1:2 --steps" \
              "updates --kp 1 --kd 1 --steps" "kernels --alpha 0.5 --span" \
              "quantize --dimension 3 --method herding --steps" "encode --input good.csv --method delta --steps" \
              "cost --din 10 --density 0.5 --dout" "train --dataset synthetic --epochs" \
              "video --frames" "settle --steps" "pareto --steps"; do
    for value in many 2.5 nan inf -1; do
      # shellcheck disable=SC2086
      expect_bad "${args%% *}: ${args##* } $value" $args $value --out bad_out
    done
  done

  # Every command, a real-valued option given a non-finite number or a word.
  for args in "pd --signal sine --kp" "sweep --signal sine --kd 0.1:1:2 --kp" "updates --kd 1 --kp" \
              "kernels --span 3 --alpha" "encode --input good.csv --method delta --steps 10 --threshold" \
              "cost --din 10 --dout 10 --density" "train --dataset synthetic --lr" "video --kd" \
              "settle --perturb-at 5 --beta"; do
    for value in nan inf -inf 1e999 fast; do
      # shellcheck disable=SC2086
      expect_bad "${args%% *}: ${args##* } $value" $args $value --out bad_out
    done
  done

  # A failed run leaves an earlier result in its --out directory as it was.
  check "a good result to keep" "$CLI" pd --signal sine --steps 50 --out kept
  before=$(cat kept/* | md5sum)
  "$CLI" pd --input nan.csv --out kept 2> /dev/null
  check "the failed run exits 2" [ $? -eq 2 ]
  check "the earlier result is intact" [ "$(cat kept/* | md5sum)" = "$before" ]
  check "and nothing was added" [ "$(ls kept | paste -sd' ')" = "drift.csv pd.csv summary.json" ]
  ;;
presets|presets-heavy)
  # presets: every lab but the slow ones (and the bad-preset table); presets-heavy: the
  # Learning, Equilibrium and Video labs' presets. Two cases, so ctest runs them side by side.
  HEAVY="learning equilibrium video"
  # Issue 18: a preset runs headless exactly as its sub-command. For every built-in
  # preset, run --preset and the printed equivalent command write the same files
  # (byte for byte, timing columns and keys aside); the slow training presets are
  # checked by their command's round trip through --save-preset instead.
  PRESETS=$SOURCE_DIR/resources/presets
  strip_timing() { # CSV without columns named *_ms; JSON without timing keys
    case "$1" in
    *.csv) awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) keep[i] = ($i !~ /_ms$/) }
                    { out = ""; for (i = 1; i <= NF; i++) if (keep[i]) out = out (out == "" ? "" : ",") $i; print out }' "$1" ;;
    *) grep -vE '"(seconds|mean_encode_ms|ns_dense|ns_sparse|speedup)":' "$1" ;;
    esac
  }
  for file in "$PRESETS"/*/*.json; do
    lab=$(basename "$(dirname "$file")"); name=$(basename "$file" .json)
    case " $HEAVY " in *" $lab "*) heavy=1 ;; *) heavy=0 ;; esac
    if [ "$CASE" = presets-heavy ] && [ $heavy = 0 ]; then continue; fi
    if [ "$CASE" = presets ] && [ $heavy = 1 ]; then continue; fi
    command=$("$CLI" run --preset "$lab/$name" --print-command)
    check "$lab/$name prints a command" [ -n "$command" ]
    # shellcheck disable=SC2086
    check "$lab/$name: the command saves a preset" eval "\"$CLI\" ${command#sdlab-cli } --save-preset saved.json" 2>/dev/null
    check "$lab/$name: the saved preset prints the same command" [ "$("$CLI" run --preset ./saved.json --print-command)" = "$command" ]
    if [ "$lab" = learning ] && [ "$name" != synthetic-quick ]; then continue; fi
    rm -rf by_preset by_command
    check "$lab/$name runs" "$CLI" run --preset "$lab/$name" --out by_preset 2>/dev/null
    eval "\"$CLI\" ${command#sdlab-cli } --out by_command" 2>/dev/null
    check "$lab/$name: the same files" [ "$(ls by_preset | paste -sd' ')" = "$(ls by_command | paste -sd' ')" ]
    for result in by_preset/*; do
      check "$lab/$name: $(basename "$result") is the same" cmp -s <(strip_timing "$result") <(strip_timing "by_command/$(basename "$result")")
    done
  done
  [ "$CASE" = presets-heavy ] && { [ "$FAILURES" -eq 0 ] && exit 0 || { echo "$FAILURES check(s) failed"; exit 1; }; }
  # A preset saved by a command runs as the command does; a file is found by its path.
  check "save a preset" "$CLI" pd --signal sine --steps 300 --kp 0.3 --kd 3 --quantizer stochastic --save-preset mine.json
  check "nothing else was written" [ "$(ls | grep -c '^mine')" = 1 ]
  check "the preset is version 2 for the signal lab" grep -q '"lab": "signal"' mine.json
  check "run the saved preset" "$CLI" run --preset mine.json --out a
  check "run the command" "$CLI" pd --signal sine --steps 300 --kp 0.3 --kd 3 --quantizer stochastic --out b
  check "the same pd.csv" cmp -s a/pd.csv b/pd.csv
  check "save and run at once" "$CLI" pd --signal step --steps 50 --save-preset both.json --out c
  check "both written" [ -f both.json ] && [ -f c/pd.csv ]
  check "an old lab name is a command too" "$CLI" signal --steps 50 --out d
  printf '{"format": "sdlab-preset", "version": 1, "lab": "learning", "parameters": {"hidden1": 30, "hidden2": 0, "epochs": 1, "model": "mlp", "rowsPerEpoch": 2}}' > v1.json
  check "a version-1 lab preset runs" "$CLI" run --preset v1.json --out e
  check "its two hidden fields became one list" grep -q '"layers": "196-30-10"' e/summary.json
  printf '{"format": "sdlab-preset", "version": 2, "lab": "signal", "parameters": {"kq": 1}}' > unknown.json
  printf '{"format": "sdlab-preset", "version": 2, "lab": "signal", "parameters": {"kp": -1}}' > range.json
  printf '{"format": "sdlab-preset", "version": 9, "lab": "signal", "parameters": {}}' > version.json
  printf '{"format": "sdlab-preset", "version": 2, "lab": "lathe", "parameters": {}}' > lab.json
  printf '{"format": "sdlab-preset", "version": 2, "lab": "signal", "parameters": {' > cut.json
  head -c 2000000 /dev/zero > huge.json
  for bad in unknown.json range.json version.json lab.json cut.json huge.json nope.json; do
    expect_bad "run --preset $bad" run --preset "$bad" --out bad_out
  done
  expect_bad "run: no such built-in preset" run --preset no-such-preset --out bad_out
  mkdir -p own/signal own/sweep
  cp "$PRESETS/signal/iclr-fig1.json" own/signal/same.json
  cp "$PRESETS/sweep/iclr-fig10.json" own/sweep/same.json
  export SDLAB_PRESET_DIR=$PWD/own
  expect_bad "run: a name two labs have" run --preset same --out bad_out
  check "LAB/NAME picks one" "$CLI" run --preset sweep/same --print-command
  unset SDLAB_PRESET_DIR
  expect_bad "run: no --preset" run --out bad_out
  expect_bad "run: no --out" run --preset signal/iclr-fig1
  expect_bad "run: unknown option" run --preset signal/iclr-fig1 --kp 1 --out bad_out
  mkdir -p a_dir
  expect_bad "--save-preset to a directory" pd --save-preset a_dir --out bad_out
  expect_bad "--save-preset with bad input" pd --kp -1 --save-preset never.json --out bad_out
  check "no preset from bad input" [ ! -e never.json ]
  ;;
*)
  echo "unknown case $CASE"; exit 2 ;;
esac

if [ "$FAILURES" -ne 0 ]; then echo "$FAILURES check(s) failed"; exit 1; fi
