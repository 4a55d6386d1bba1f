#include "command.h"

namespace sdlab::cli {

int runPd(const CliOptions&);
int runSweep(const CliOptions&);
int runUpdates(const CliOptions&);
int runKernels(const CliOptions&);
int runQuantize(const CliOptions&);
int runEncode(const CliOptions&);
int runCost(const CliOptions&);
int runTrain(const CliOptions&);
int runVideo(const CliOptions&);
int runSettle(const CliOptions&);

namespace {
const OptionSpec kOut{"out", "DIR", "Directory for the result files (created if missing)."};
const OptionSpec kSeed{"seed", "S", "Random seed (default 1)."};
const OptionSpec kSignal{"signal", "KIND",
                         "Built-in signal when no --input: sine, step, smooth, noise "
                         "(default smooth)."};
const OptionSpec kSteps{"steps", "N", "Number of time steps (default 1000)."};
} // namespace

const std::vector<Command>& allCommands() {
    static const std::vector<Command> commands{
        {"pd",
         "sdlab-cli pd [--input FILE.csv | --signal KIND --steps N --seed S] --kp KP --kd KD "
         "--out DIR",
         "PD-encode, sigma-delta quantize and decode one signal (ICLR'18 eqs. 3-5, Fig. 1).\n"
         "Reads column x; writes pd.csv (t,x,a,s,xhat) and summary.json (spikes, rmse, kp, kd,\n"
         "k_alpha, k_beta).",
         {{"input", "FILE.csv", "CSV file with a column x."},
          kSignal,
          kSteps,
          kSeed,
          {"kp", "KP", "Proportional gain kp >= 0 (default 0.1)."},
          {"kd", "KD", "Derivative gain kd >= 0, kp + kd > 0 (default 1)."},
          kOut},
         runPd},
        {"sweep",
         "sdlab-cli sweep [--input FILE.csv | --signal KIND --steps N --seed S] --kp MIN:MAX:N "
         "--kd MIN:MAX:N [--log] --out DIR",
         "Sweep (kp, kd) over a grid (ICLR'18 Fig. 10, thesis Fig. C.2), using all cores.\n"
         "Reads columns x and w; writes sweep.csv (kp,kd,cos_nonstationary,cos_quantization,\n"
         "cos_full,spikes), kp in the outer loop, and summary.json. Without --input, x is the\n"
         "built-in signal and w a smooth signal with seed S+1.",
         {{"input", "FILE.csv", "CSV file with columns x and w."},
          kSignal,
          kSteps,
          kSeed,
          {"kp", "MIN:MAX:N", "N values of kp from MIN to MAX inclusive."},
          {"kd", "MIN:MAX:N", "N values of kd from MIN to MAX inclusive."},
          {"log", "", "Space the values geometrically (needs MIN > 0)."},
          kOut},
         runSweep},
        {"updates",
         "sdlab-cli updates [--input FILE.csv | --steps N --density D --seed S] --kp KP --kd KD "
         "--out DIR",
         "The four weight-update forms on one synapse (ICLR'18 Fig. 9, spec §3).\n"
         "Reads integer columns xbar and ebar; writes updates.csv (t,xhat,ehat,recon,past,\n"
         "future,stdp; cumulative) and summary.json with the totals summed to infinity\n"
         "(recon_total, past_total, future_total, stdp_total), which agree.",
         {{"input", "FILE.csv", "CSV file with integer columns xbar and ebar."},
          {"steps", "N", "Length of the random trains when no --input (default 200)."},
          {"density", "D", "Spike probability per step of the random trains (default 0.1)."},
          kSeed,
          {"kp", "KP", "kp of both sides (default 0.1)."},
          {"kd", "KD", "kd of both sides (default 1)."},
          {"kp-post", "KP", "kp of the error side, if it differs."},
          {"kd-post", "KD", "kd of the error side, if it differs."},
          kOut},
         runUpdates},
        {"kernels",
         "sdlab-cli kernels --alpha A --span N --out DIR",
         "The kernels of thesis ch. 6 (Figs 6.4-6.5) for a decay alpha in (0, 1).\n"
         "Writes kernels.csv (t,pred,sym_stdp,delta,dyn_stdp) for t = -N..N.",
         {{"alpha", "A", "Decay alpha, 0 < A < 1."},
          {"span", "N", "Half-width of the time axis, 1..1000000."},
          kOut},
         runKernels},
        {"quantize",
         "sdlab-cli quantize [--input FILE.csv | --dimension D] --steps T "
         "--method herding|stochastic [--seed S] --out DIR",
         "Spiking vector quantization of a fixed vector (DSN Alg. 1 herding, Alg. 5 stochastic;\n"
         "DSN Fig. 1). Reads column v; writes convergence.csv (T,l1_error: |v - mean of spikes\n"
         "so far|_1 after every step), spikes.csv (t,index,sign; index 0-based) and\n"
         "summary.json.",
         {{"input", "FILE.csv", "CSV file with a column v."},
          {"dimension", "D", "Without --input: a random v ~ U(-1, 1)^D (default 10)."},
          {"steps", "T", "Number of steps (default 1000)."},
          {"method", "M", "herding or stochastic (default herding)."},
          kSeed,
          kOut},
         runQuantize},
        {"encode",
         "sdlab-cli encode --input FILE.csv --method rate|latency|delta|pd [method options] "
         "--steps N --out DIR",
         "Encode each CSV column as one channel (snnTorch paper: rate, latency, delta\n"
         "modulation; or PD + sigma-delta). Row r is the input at step r (a channel shorter\n"
         "than N holds its last value; latency uses the first). Writes spikes.csv\n"
         "(t,channel,value; channel 0-based, non-zero values only) and summary.json.",
         {{"input", "FILE.csv", "CSV file, one column per channel."},
          {"method", "M", "rate, latency, delta or pd."},
          {"steps", "N", "Number of steps (default 100)."},
          {"seed", "S", "rate: random seed (default 1)."},
          {"tau", "TAU", "latency: time constant in steps (default 5)."},
          {"threshold", "TH",
           "latency: theta (default 0.01); delta: change that fires "
           "(default 0.1)."},
          {"linear", "", "latency: t = tau*(1 - x) instead of tau*ln(x/(x - theta))."},
          {"no-off-spikes", "", "delta: emit only ON (+1) events."},
          {"kp", "KP", "pd: kp (default 0.1)."},
          {"kd", "KD", "pd: kd (default 1)."},
          kOut},
         runEncode},
        {"cost",
         "sdlab-cli cost --din N --dout M --density D [--repeat R] [--seed S] --out DIR",
         "One layer's update z += s'W from a random +-1 spike vector of the given density,\n"
         "event-driven (DSN eq. 4) vs dense Eigen. Writes cost.json (adds, mults of the\n"
         "event-driven update, dense_adds, dense_mults, energy_pj_dense, energy_pj_sparse with\n"
         "the Horowitz float32 figures, ns_dense, ns_sparse per update).",
         {{"din", "N", "Inputs, 1..100000."},
          {"dout", "M", "Outputs, 1..100000."},
          {"density", "D", "Probability that an input spikes, 0..1."},
          {"repeat", "R", "Timed repetitions (default 100)."},
          kSeed,
          kOut},
         runCost},
        {"train",
         "sdlab-cli train --model mlp|pdnn|spiking-mlp|sigma-delta|eqprop|init-eqprop|"
         "spiking-eqprop --dataset "
         "fashion-mnist|digits|synthetic|idx:DIR --hidden 200[,200...] --epochs E "
         "[--order shuffled|temporal] [--update recon|past|future|stdp] [--optimizer sgd|fsgd] "
         "[--lr F] [--seed S] --out DIR",
         "Train a classifier one sample at a time and record its learning curve with the\n"
         "operations it cost (ICLR'18 Fig. 5 and Table C.6; DSN Tables 2-3). Writes curve.csv\n"
         "(epoch,samples,train_acc,test_acc,loss,adds,mults,energy_mj; ten rows per epoch,\n"
         "accuracies as fractions; rows between epoch ends test on the first 2000 test\n"
         "samples; the EqProp models add settle_steps, the mean settling steps per sample)\n"
         "and summary.json. Progress goes to stderr.",
         {{"model", "M",
           "mlp, pdnn, spiking-mlp, sigma-delta, eqprop (thesis §2.7), init-eqprop "
           "(ch. 7) or spiking-eqprop (ch. 8); default mlp."},
          {"dataset", "D",
           "fashion-mnist (package dataset-fashion-mnist), digits (OpenCV's digits.png, "
           "package opencv-doc), synthetic (default) or idx:DIR (an MNIST-style directory)."},
          {"hidden", "SIZES", "Hidden layer sizes, comma-separated (default 200)."},
          {"epochs", "E", "Passes over the training set, 1..1000 (default 1)."},
          {"order", "O",
           "shuffled (a new permutation per epoch) or temporal (similar samples "
           "in a row, ICLR'18 §3.1); default shuffled."},
          {"update", "U", "pdnn: weight-update form recon, past, future or stdp (default recon)."},
          {"kp", "KP", "pdnn: fixed forward kp (with --kd; default: auto-tuned gains)."},
          {"kd", "KD", "pdnn: fixed forward kd."},
          {"kp-back", "KP", "pdnn: fixed backward kp (default: the forward one)."},
          {"kd-back", "KD", "pdnn: fixed backward kd."},
          {"optimizer", "O", "spiking-mlp: sgd or fsgd (fractional SGD, DSN eq. 7); default sgd."},
          {"steps", "T", "spiking-mlp: time steps per sample (default 10)."},
          {"routing", "R", "spiking-mlp: breadth-first (default) or depth-first."},
          {"back-reset", "B", "spiking-mlp: back-quantizer reset none (default), random or zero."},
          {"output-error", "E",
           "spiking-mlp: what the output error quantizer integrates each step: "
           "mean (u/t - y, default), stream (this step's output - y), "
           "cumulative (u - y, DSN Alg. 8 as printed) or spikes (the output "
           "fires; its spikes and the target's are the error events, as "
           "DSN's code)."},
          {"scale", "K", "sigma-delta: activations are sent as round(K*h) (default 8)."},
          {"free-steps", "N", "eqprop family: free-phase steps (default 20; spiking 100)."},
          {"clamped-steps", "N", "eqprop family: clamped-phase steps (default 4; spiking 50)."},
          {"beta", "B", "eqprop family: clamping strength, sign drawn per sample (default 0.5)."},
          {"epsilon", "E", "eqprop, init-eqprop: Euler step size (default 0.5)."},
          {"settle-tol", "T",
           "eqprop, init-eqprop: end a phase once max |ds| <= T (default 0: "
           "always the full steps)."},
          {"anchor", "L",
           "init-eqprop: pull toward the forward pass, lambda of thesis eq. 7.5 "
           "(default 0.1)."},
          {"encoder", "E", "spiking-eqprop: sigma-delta, stochastic or predictive (default)."},
          {"anneal", "A", "spiking-eqprop: schedule or osa (default osa for predictive)."},
          {"epsilon0", "E0", "spiking-eqprop, schedule: initial step size (default 1)."},
          {"eta", "H", "spiking-eqprop, schedule: annealing exponent (default 0.5)."},
          {"osa-target", "NU", "spiking-eqprop, osa: target error step size (default 0.1)."},
          {"lambda", "L", "spiking-eqprop, predictive: coding coefficient (default 0.275)."},
          {"lr", "F",
           "Learning rate (default 0.01; eqprop family 0.02 for the first "
           "connection, halved per layer up)."},
          {"rows-per-epoch", "N", "Curve rows per epoch (default 10)."},
          kSeed,
          kOut},
         runTrain},
        {"video",
         "sdlab-cli video --source synthetic|FILE|camera:N [--frames N] [--fps F] "
         "--encoder pd|delta|rate [encoder options] [--width W] [--channels grey|rgb] [--seed S] "
         "--out DIR",
         "Turn every pixel of a video into a spike channel (spec §9, ICLR'18 §3.2 and Fig. 8).\n"
         "Frames are converted to grey (or kept as R, G, B, each its own channel) and resized\n"
         "to --width. Writes frames.csv\n"
         "(frame,events_on,events_off,recon_mse,encode_ms) and summary.json (events per\n"
         "frame and per second, mean reconstruction error and encode time). A missing or\n"
         "corrupt file or an absent camera exits 2 with a message. With --learn (synthetic\n"
         "scene only: its frames are labelled with the shape shown) a small network learns\n"
         "online from the encoded stream and learn.csv gets its curve\n"
         "(frame,seconds,samples,train_acc,test_acc,loss,adds,mults,energy_mj; train_acc is\n"
         "on frames predicted before they were learned, test_acc on 200 frames of a held-out\n"
         "scene).",
         {{"source", "S",
           "synthetic (default: a built-in moving-shapes scene), a video file, "
           "or camera:N."},
          {"frames", "N", "Frames to encode (default 300; fewer if a file ends first)."},
          {"fps", "F", "Decimate the source to F frames per second (default: its own rate)."},
          {"encoder", "E", "pd (PD + sigma-delta, default), delta (ON/OFF modulation) or rate."},
          {"kp", "KP", "pd: proportional gain (default 0.1)."},
          {"kd", "KD", "pd: derivative gain (default 2)."},
          {"auto-tune", "", "pd: tune kp/kd to the frames' mean intensity (ICLR'18 App. E.2)."},
          {"threshold", "T", "delta: ON and OFF threshold on intensity in [0, 1] (default 0.1)."},
          {"on-threshold", "T", "delta: ON threshold (default --threshold)."},
          {"off-threshold", "T", "delta: OFF threshold (default --threshold)."},
          {"refractory", "N", "delta: frames a pixel stays silent after an event (default 0)."},
          {"window", "N", "rate: frames in the reconstruction's running mean (default 10)."},
          {"width", "W", "Frame width in pixels after resizing, 8..4096 (default 160)."},
          {"channels", "C",
           "grey (default) or rgb: encode R, G and B as three channels per "
           "pixel; events are counted over all of them."},
          {"learn", "", "Learn online to classify the synthetic scene's shapes."},
          {"learn-model", "M", "--learn: mlp (default) or pdnn."},
          {"learn-hidden", "N", "--learn: hidden units (default 100)."},
          {"learn-lr", "F", "--learn: learning rate (default 0.01)."},
          {"learn-input", "I",
           "--learn: reconstruction (the decoded image, default) or events "
           "(a decaying trace of |events|), in a window that follows the "
           "busiest place of the event trace."},
          {"learn-grid", "N", "--learn: the window is pooled to N x 3N/4 cells (default 32)."},
          {"learn-replay", "N",
           "--learn: extra training steps per frame on frames replayed from "
           "a memory of the last 1024 (default 1; 0 = pure online SGD)."},
          kSeed,
          kOut},
         runVideo},
        {"settle",
         "sdlab-cli settle --model eqprop|spiking-eqprop [--encoder sigma-delta|stochastic|"
         "predictive] [--steps N] [--perturb-at T] [--seed S] --out DIR",
         "One settling of a random network on a random input (thesis §8.5.1, Fig. 8.2): the\n"
         "continuous network's fixed point is found first, then the model settles from zero.\n"
         "Writes settle.csv (t,distance_to_fixed_point,energy,spikes; distance = mean |s -\n"
         "s_fixed| over the non-input units, energy = E(s) of thesis eq. 2.9 plus the clamp\n"
         "term after a clamp perturbation, spikes sent at step t) and summary.json.",
         {{"model", "M", "eqprop (continuous, Euler steps) or spiking-eqprop (default)."},
          {"encoder", "E", "spiking: sigma-delta, stochastic or predictive (default)."},
          {"anneal", "A",
           "spiking: step sizes by schedule (eps0/t^eta) or osa (default for "
           "predictive; schedule for the others)."},
          {"epsilon0", "E0", "spiking, schedule: initial step size (default 1)."},
          {"eta", "H", "spiking, schedule: annealing exponent (default 0.5)."},
          {"osa-target", "NU", "spiking, osa: target error step size nu-bar (default 0.1)."},
          {"lambda", "L", "spiking, predictive: coding coefficient lambda (default 0.275)."},
          {"sizes", "SIZES", "Layer sizes, input first (default 500,500,10)."},
          {"steps", "N", "Settling steps (default 250)."},
          {"perturb-at", "T", "Perturb at step T (default: no perturbation)."},
          {"perturb", "P",
           "clamp (pull the output toward a random target with --beta; a new "
           "fixed point; default) or kick (add N(0, sigma^2) to every state)."},
          {"beta", "B", "clamp strength (default 1)."},
          {"sigma", "S", "kick size (default 0.5)."},
          {"epsilon", "E", "eqprop: Euler step size (default 0.5)."},
          kSeed,
          kOut},
         runSettle},
    };
    return commands;
}

} // namespace sdlab::cli
