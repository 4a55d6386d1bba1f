// The Learning lab and `sdlab-cli train`: a classifier trained one sample at a time, with
// its learning curve and the operations it cost (ICLR'18 Fig. 5, Table C.6; DSN Tables
// 2-3; thesis chs 7-8).
#include "experiments/learning_experiment.h"

#include "data/dataset_loaders.h"
#include "encoders/encoder_conventions.h"
#include "experiment/common_parameters.h"
#include "experiment/experiment.h"
#include "io/input_error.h"
#include "models/classifier.h"
#include "training/model_file.h"
#include "training/training_report.h"
#include "training/training_run.h"

#include <cstdio>
#include <map>

namespace sdlab {

namespace {

using namespace common;

std::string checkSettings(const ParameterValues& v) {
    if (v.text("gains") == "auto" && (v.isSet("kp-back") || v.isSet("kd-back")))
        return "--kp-back/--kd-back need --kp/--kd (otherwise the gains are auto-tuned)";
    return validationError(trainingSettingsFrom(v));
}

// Version 1 of the Learning lab: two hidden-layer fields (the second 0 for none), the data
// set's IDX directory as a file in it, camelCase keys.
void upgrade(std::map<std::string, ParameterValue>& values) {
    keepVersion1Defaults(values, {{"freeSteps", 20.0}, {"clampedSteps", 4.0}, {"lr", 0.01}});
    const auto number = [&](const char* key) -> std::optional<long long> {
        const auto it = values.find(key);
        if (it == values.end())
            return std::nullopt;
        const ParameterValue& value = it->second;
        if (const double* d = std::get_if<double>(&value))
            return static_cast<long long>(*d);
        if (const long long* i = std::get_if<long long>(&value))
            return *i;
        return std::nullopt;
    };
    const auto first = number("hidden1"), second = number("hidden2");
    if (first || second) {
        std::string hidden = std::to_string(first.value_or(200));
        if (second.value_or(0) > 0)
            hidden += "," + std::to_string(*second);
        values["hidden"] = hidden;
        values.erase("hidden1");
        values.erase("hidden2");
    }
    const auto dataset = values.find("dataset");
    const auto idxFile = values.find("idxFile");
    if (dataset != values.end() && std::get_if<std::string>(&dataset->second) &&
        std::get<std::string>(dataset->second) == "idx") {
        const std::string file =
            idxFile != values.end() && std::get_if<std::string>(&idxFile->second)
                ? std::get<std::string>(idxFile->second)
                : std::string();
        const auto slash = file.find_last_of('/');
        dataset->second =
            "idx:" + (slash == std::string::npos ? std::string(".") : file.substr(0, slash));
    }
    if (idxFile != values.end())
        values.erase(idxFile);
    // Version 1 always set the EqProp phase lengths; 20 and 4 were its defaults.
    for (const char* key : {"freeSteps", "clampedSteps"})
        if (!number(key))
            values.erase(key);
}

std::string run(const ParameterValues& v, const RunContext& context, OutputBundle& out) {
    const TrainingSettings settings = trainingSettingsFrom(v);
    const ImageDataset data = loadDatasetByName(datasetNameFrom(v));
    std::unique_ptr<Classifier> model =
        makeClassifier(settings, data.inputSize(), data.classCount(), data.train.size());
    const std::vector<int> sizes = layerSizes(settings, data.inputSize(), data.classCount());
    if (const std::string& from = v.text("load-model"); !from.empty())
        loadModel(*model, settings, sizes, from);
    if (!v.text("save-model").empty())
        requireSavable(*model, settings); // before an epoch is spent on it
    const auto log = [&](const std::string& line) {
        if (context.log)
            context.log(line);
    };
    char line[256];
    std::snprintf(line, sizeof line, "%s %s on %s (%zu train, %zu test), %d epoch(s)\n",
                  modelName(settings.model),
                  layerSizesText(settings.hidden, data.inputSize(), data.classCount()).c_str(),
                  data.name.c_str(), data.train.size(), data.test.size(), settings.epochs);
    log(line);
    TrainingCallbacks callbacks;
    callbacks.progress = context.progress;
    const bool settles = isEquilibriumModel(settings.model);
    const bool terminal = context.logIsTerminal;
    callbacks.onRow = [&](const CurveRow& row, const Classifier&) {
        std::string text(256, '\0');
        int n = std::snprintf(text.data(), text.size(),
                              "%sepoch %6.2f  samples %9llu  train %5.1f%%  test %5.1f%%%s  loss "
                              "%.4f",
                              terminal ? "\r" : "", row.epoch,
                              static_cast<unsigned long long>(row.samples), 100 * row.trainAccuracy,
                              100 * row.testAccuracy, row.fullTest ? "" : "*", row.loss);
        text.resize(static_cast<std::size_t>(n));
        if (settles) {
            char steps[64];
            std::snprintf(steps, sizeof steps, "  steps/sample %.1f", row.settleSteps);
            text += steps;
        }
        if (!(terminal && !row.fullTest))
            text += "\n";
        log(text);
    };
    const TrainingResult result = runTraining(*model, data, settings, callbacks);
    if (result.cancelled)
        throw RunCancelled();
    if (const std::string& to = v.text("save-model"); !to.empty())
        saveModel(*model, settings, sizes, to);
    out.stage("curve.csv", trainingCurveCsv(result.curve, settles));
    out.stage("summary.json", trainingSummaryJson(settings, data, result));
    if (std::string layers = trainingLayersCsv(result.curve); !layers.empty())
        out.stage("layers.csv", std::move(layers));
    if (std::string alignment = trainingAlignmentCsv(result.curve); !alignment.empty())
        out.stage("initializer_alignment.csv", std::move(alignment));
    if (result.divergedAtSample) {
        char warning[200];
        std::snprintf(warning, sizeof warning,
                      "warning: the training loss was not finite at sample %llu: the run "
                      "diverged (a smaller --lr may train)\n",
                      static_cast<unsigned long long>(*result.divergedAtSample));
        log(warning);
    }
    std::snprintf(
        line, sizeof line,
        "test accuracy %.2f%% (training %.1f kOps/sample, a prediction %.1f kOps, %.1f s)",
        100 * result.finalTestAccuracy, result.opsPerSample / 1000,
        (result.inference.adds + result.inference.mults) / 1000, result.seconds);
    return line;
}

Parameter choiceParameter(const std::string& key, const std::string& label, const std::string& help,
                          std::vector<ParameterChoice> options, const std::string& fallback,
                          const std::string& group, std::vector<std::string> aliases = {}) {
    return {.key = key,
            .kind = ParameterKind::Choice,
            .label = label,
            .help = help,
            .valueName = "X",
            .fallbackText = fallback,
            .choices = std::move(options),
            .group = group,
            .aliases = std::move(aliases)};
}

Parameter integerParameter(const std::string& key, const std::string& label,
                           const std::string& help, double minimum, double maximum, double fallback,
                           const std::string& unit, const std::string& group,
                           std::vector<std::string> aliases = {}) {
    return {.key = key,
            .kind = ParameterKind::Integer,
            .label = label,
            .help = help,
            .valueName = "N",
            .minimum = minimum,
            .maximum = maximum,
            .fallback = fallback,
            .unit = unit,
            .group = group,
            .logarithmic = maximum / std::max(1.0, minimum) > 1000,
            .aliases = std::move(aliases)};
}

Parameter realParameter(const std::string& key, const std::string& label, const std::string& help,
                        double minimum, double maximum, double fallback, bool minimumExclusive,
                        const std::string& group) {
    return {.key = key,
            .label = label,
            .help = help,
            .valueName = "F",
            .minimum = minimum,
            .maximum = maximum,
            .minimumExclusive = minimumExclusive,
            .fallback = fallback,
            .group = group,
            .decimals = 3};
}

Parameter withDecimals(Parameter p, int decimals) {
    p.decimals = decimals;
    return p;
}

// A regulariser's weight: in [0, maximum], 0 (off) by default, small values shown.
Parameter penaltyParameter(const std::string& key, const std::string& label,
                           const std::string& help, double maximum, const std::string& group) {
    return withDecimals(realParameter(key, label, help, 0.0, maximum, 0.0, false, group), 6);
}

// Fixed PD gains: giving one on the command line means the gains are fixed.
Parameter fixedGain(Parameter p) {
    p.help = "pdnn, fixed gains: " + p.help;
    p.impliesKey = "gains";
    p.impliesValue = "fixed";
    return p;
}

Parameter backGain(Parameter p, const std::string& of) {
    p.optional = true;
    p.unsetMeans = "the forward " + of;
    p.label = of + " (backward pass)";
    p.help = "Fixed gains: the backward pass's " + of + ", if it differs from the forward one";
    return p;
}

Parameter phaseSteps(const std::string& key, const std::string& label, const std::string& help,
                     const std::string& unset, const std::string& alias, const std::string& group) {
    Parameter p = integerParameter(key, label, help, 1, 100'000, 20, "steps", group, {alias});
    p.logarithmic = true;
    p.optional = true;
    p.unsetMeans = unset;
    return p;
}

// Shared by the spiking MLP (herding steps) and the LIF network (its unrolled steps).
Parameter timeStepsParameter(const std::string& group) {
    Parameter p = integerParameter("steps", "Time steps T",
                                   "spiking-mlp: herding steps per sample (DSN uses 10 and 20); "
                                   "lif: steps the network is unrolled over",
                                   1, 1000, 10, "steps", group);
    p.optional = true;
    p.unsetMeans = "spiking-mlp 10, lif 25";
    return p;
}

// One option, two models' β, as each model's literature names it.
Parameter betaParameter(const std::string& group) {
    Parameter p = realParameter("beta", "β",
                                "EqProp family: the clamping strength, its sign drawn at random "
                                "per sample (thesis §7.4); lif: the membrane decay per step "
                                "(spec §10, β = 1 integrate-and-fire)",
                                0.0, 10.0, 0.5, false, group);
    p.optional = true;
    p.unsetMeans = "EqProp family 0.5, lif 0.95";
    return p;
}

std::vector<Parameter> lifParameters() {
    const std::string lif = "LIF network";
    std::vector<Parameter> list{
        choiceParameter("neuron", "Neuron",
                        "lif: leaky U = βU + I − Rθ (snnTorch Leaky); lapicque: snnTorch's RC "
                        "neuron from β alone (R = 1, C = 1/ln(1/β): decay 1 − ln(1/β), input "
                        "gain ln(1/β), not β); synaptic: a decaying synaptic current first; "
                        "rleaky: Leaky with all-to-all recurrent weights V·S_{t−1}, learned "
                        "(snnTorch RLeaky)",
                        choices({{"leaky", "Leaky"},
                                 {"lapicque", "Lapicque (RC)"},
                                 {"synaptic", "Synaptic (2nd order)"},
                                 {"rleaky", "Recurrent leaky (all-to-all)"}}),
                        "leaky", lif),
        realParameter("alpha", "Synaptic decay α",
                      "lif, synaptic neuron: I_syn = α·I_syn + I each step", 0.0, 1.0, 0.9, false,
                      lif),
        realParameter("threshold", "Threshold θ", "lif: S = H(U − θ), H strict (spec §10)", 0.0,
                      100.0, 1.0, true, lif),
        choiceParameter(
            "reset", "Reset",
            "lif: after a spike (R = H(U_{t−1} − θ)): subtract θ, zero the membrane, "
            "or none",
            choices({{"subtract", "Subtract θ"}, {"zero", "To zero"}, {"none", "None"}}),
            "subtract", lif),
        {.key = "reset-attached",
         .kind = ParameterKind::Flag,
         .label = "Gradient through the reset",
         .help = "lif: let the gradient flow through R_t (snnTorch detaches it, as the paper "
                 "§IV-E advises)",
         .group = lif},
        {.key = "learn-beta",
         .kind = ParameterKind::Flag,
         .label = "Learn β",
         .help = "lif: each layer's β is learned with the weights (snnTorch learn_beta), kept "
                 "in [0, 1]; leaky, synaptic or rleaky neurons",
         .group = lif},
        {.key = "learn-threshold",
         .kind = ParameterKind::Flag,
         .label = "Learn θ",
         .help = "lif: each layer's θ is learned with the weights (snnTorch learn_threshold)",
         .group = lif},
        surrogateKindParameter("surrogate",
                               "lif: what replaces H' in the backward pass (snnTorch paper "
                               "Fig. 9): atan (α/2)/(1 + (παx/2)²), sigmoid, fast sigmoid 1/(1 "
                               "+ k|x|)², triangular, straight-through",
                               lif),
        surrogateSlopeParameter("lif: α (atan), k (sigmoid, fast sigmoid) or the width "
                                "(triangular)",
                                lif),
        choiceParameter("input-coding", "Input coding",
                        "lif: direct (the pixels every step), rate (Bernoulli spikes, p = pixel "
                        "in [0, 1]), latency (one spike per pixel, τ 5, θ 0.01) or delta "
                        "(spikegen.delta of the image held from step 1: one ON spike at step 1 "
                        "where the pixel exceeds the delta threshold)",
                        choices({{"direct", "Direct"},
                                 {"rate", "Rate"},
                                 {"latency", "Latency"},
                                 {"delta", "Delta"}}),
                        "direct", lif),
        choiceParameter("latency-rounding", "Latency step",
                        "lif, latency input: a pixel fires on step 1 + floor(t) (floor, ours) or "
                        "1 + round(t) (nearest, snnTorch spikegen.latency)",
                        choices({{"floor", "floor (ours)"}, {"nearest", "nearest (snnTorch)"}}),
                        "floor", lif),
        realParameter("delta-threshold", "Delta threshold",
                      "lif, delta input: the change that fires (snnTorch's default 0.1)", 0.0, 10.0,
                      0.1, true, lif),
        choiceParameter("delta-reference", "Delta compares with",
                        "lif, delta input: last-spike fires when the change is > θ (ours, an event "
                        "camera's rule); previous-sample when ≥ θ (snnTorch spikegen.delta)",
                        choices({{"last-spike", "the last spike (ours)"},
                                 {"previous-sample", "the previous sample (snnTorch)"}}),
                        "last-spike", lif),
        choiceParameter("decode", "Output decoding",
                        "lif: rate (most output spikes), latency (first to spike) or membrane "
                        "(highest max_t U) (snnTorch paper §III-B)",
                        choices({{"rate", "Rate (spike count)"},
                                 {"latency", "Latency (first spike)"},
                                 {"membrane", "Membrane (max U)"}}),
                        "rate", lif),
        choiceParameter("loss", "Loss",
                        "lif: ce-membrane Σ_t CE(U_t) (tutorial 5); ce-rate, ce-count, mse-count "
                        "on spikes; ce-max-membrane, mse-membrane on U; ce-temporal on "
                        "first-spike times (snnTorch.functional)",
                        choices({{"ce-membrane", "CE on U every step"},
                                 {"ce-rate", "CE rate"},
                                 {"ce-count", "CE count"},
                                 {"mse-count", "MSE count"},
                                 {"ce-max-membrane", "CE on max U"},
                                 {"mse-membrane", "MSE membrane"},
                                 {"ce-temporal", "CE temporal"}}),
                        "ce-membrane", lif),
        realParameter("correct-rate", "Correct rate",
                      "lif, mse-count: the label's target spike count as a fraction of T", 0.0, 1.0,
                      1.0, false, lif),
        realParameter("incorrect-rate", "Incorrect rate",
                      "lif, mse-count: the other classes' target as a fraction of T", 0.0, 1.0, 0.0,
                      false, lif),
        penaltyParameter("rate-penalty", "Spike penalty λ",
                         "lif: adds λ·Σ spikes of every layer to each sample's loss (l1 rate "
                         "sparsity, snnTorch paper eq. 40)",
                         1.0, lif),
        realParameter("upper-rate", "Upper rate bound r_U",
                      "lif: a layer's mean rate above r_U (spikes per unit per step) costs "
                      "λ_U·(Σ counts − r_U·N·T)² (snnTorch paper eq. 41, L = 2)",
                      0.0, 1.0, 0.0, false, lif),
        penaltyParameter("upper-penalty", "Upper bound λ_U",
                         "lif: weight of the upper rate bound (0: off)", 1.0, lif),
        realParameter("lower-rate", "Lower rate bound r_L",
                      "lif: each unit firing less than r_L·T times costs (λ_L/N)·(r_L·T − count)² "
                      "(eq. 42): it revives dead units",
                      0.0, 1.0, 0.0, false, lif),
        penaltyParameter("lower-penalty", "Lower bound λ_L",
                         "lif: weight of the lower rate bound (0: off)", 10.0, lif),
        integerParameter("batch", "Minibatch", "lif: samples per update", 1, 4096, 128, "samples",
                         lif),
        choiceParameter(
            "method", "Gradient by",
            "lif: bptt, backpropagation through time (exact, memory O(T·units·batch)); "
            "rtrl, eligibility traces carried forward in time (snnTorch paper §V, eqs "
            "10-13), exact for one layer (--hidden none); eprop, the same traces per "
            "layer times the output error sent down at the same step, dropping the "
            "upper layers' memory. Traces need a detached subtract or no reset and a "
            "leaky, lapicque or (eprop) rleaky neuron",
            choices({{"bptt", "BPTT"}, {"rtrl", "RTRL (one layer)"}, {"eprop", "e-prop (online)"}}),
            "bptt", lif),
    };
    return list;
}

// The lab shows a model's options only while that model is chosen.
void showOnlyForTheirModels(std::vector<Parameter>& list) {
    const std::vector<std::string> spikingMlp{"spiking-mlp"}, lif{"lif"},
        eqFamily{"eqprop", "init-eqprop", "spiking-eqprop"}, settles{"eqprop", "init-eqprop"},
        spikingEq{"spiking-eqprop"}, betaUsers{"eqprop", "init-eqprop", "spiking-eqprop", "lif"},
        timeUsers{"spiking-mlp", "lif"};
    const std::map<std::string, std::vector<std::string>> byKey{
        {"update", {"pdnn"}},
        {"gains", {"pdnn"}},
        {"kp", {"pdnn"}},
        {"kd", {"pdnn"}},
        {"kp-back", {"pdnn"}},
        {"kd-back", {"pdnn"}},
        {"optimizer", timeUsers},
        {"steps", timeUsers},
        {"routing", spikingMlp},
        {"back-reset", spikingMlp},
        {"output-error", spikingMlp},
        {"update-input", spikingMlp},
        {"bias", {"mlp"}},
        {"scale", {"sigma-delta"}},
        {"free-steps", eqFamily},
        {"clamped-steps", eqFamily},
        {"lr-layer-ratio", eqFamily},
        {"beta", betaUsers},
        {"epsilon", settles},
        {"settle-tol", settles},
        {"anchor", {"init-eqprop"}},
        {"initializer-loss", {"init-eqprop"}},
        {"inference", {"init-eqprop"}}};
    for (Parameter& p : list) {
        std::vector<std::string> models;
        if (const auto it = byKey.find(p.key); it != byKey.end())
            models = it->second;
        else if (p.group == "LIF network")
            models = lif;
        else if (p.group == "Equilibrium Propagation")
            models = spikingEq; // the spiking coding and step-size options
        if (models.empty())
            continue;
        p.shownWhenKey = "model";
        p.shownWhenValues = std::move(models);
    }
}

// `withModelFiles`: train's --save-model and --load-model (not early's).
std::vector<Parameter> parametersOfTrain(bool withModelFiles) {
    const std::string data = "Data", model = "Model", pd = "PD network", spiking = "Spiking MLP",
                      sd = "Σ-Δ net", eq = "Equilibrium Propagation", display = "Display";
    std::vector<Parameter> list{
        {.key = "dataset",
         .kind = ParameterKind::Text,
         .label = "Data set",
         .help = "synthetic (2000/500 seeded 14×14 images, no file), digits (OpenCV's "
                 "digits.png from opencv-doc, 4000/1000), fashion-mnist (60000/10000, package "
                 "dataset-fashion-mnist) or idx:DIR (an MNIST-style directory)",
         .valueName = "D",
         .fallbackText = "synthetic",
         .choices = choices({{"synthetic", "Synthetic (built in)"},
                             {"digits", "Digits (opencv-doc)"},
                             {"fashion-mnist", "Fashion-MNIST"}}),
         .browse = TextBrowse::Directory,
         .browsePrefix = "idx:",
         .group = data},
        choiceParameter("order", "Sample order",
                        "shuffled: a new seeded permutation each epoch; temporal: consecutive "
                        "samples are similar (ICLR'18 §3.1), so PD coding sends fewer spikes",
                        choices({{"shuffled", "Shuffled"}, {"temporal", "Temporal"}}), "shuffled",
                        data),
        choiceParameter(
            "model", "Model",
            "mlp: dense ReLU net, softmax/NLL, SGD; pdnn: PD-coded forward and backward passes "
            "(ICLR'18 eqs 11-12); spiking-mlp: herding spikes over T steps (DSN Algs 3, 8); "
            "sigma-delta: activations sent as Σ-Δ-coded integers (thesis ch. 4); eqprop: a "
            "settling network trained by its free and clamped phases (thesis §2.7); "
            "init-eqprop: settles from a feed-forward prediction (ch. 7); spiking-eqprop: "
            "units exchange bits (ch. 8); lif: leaky integrate-and-fire layers trained through "
            "time by BPTT with a surrogate gradient (snnTorch paper §IV)",
            choices({{"mlp", "MLP (baseline)"},
                     {"pdnn", "PD network"},
                     {"spiking-mlp", "Spiking MLP"},
                     {"sigma-delta", "Σ-Δ net"},
                     {"eqprop", "EqProp"},
                     {"init-eqprop", "Initialized EqProp"},
                     {"spiking-eqprop", "Spiking EqProp"},
                     {"lif", "LIF network (BPTT)"}}),
            "pdnn", model),
        {.key = "hidden",
         .kind = ParameterKind::SizeList,
         .label = "Hidden layers",
         .help = "Hidden layer sizes, comma-separated, 1 to 8 layers (DSN Tables 2-3 use "
                 "200,200; thesis ch. 7 500,500,500); lif also takes none, one layer of "
                 "neurons (what --method rtrl learns exactly)",
         .valueName = "SIZES",
         .minimum = 1,
         .maximum = 10'000,
         .fallbackText = "200",
         .unit = "units",
         .group = model,
         .maximumCount = 8},
        choiceParameter("bias", "Biases",
                        "mlp: learned biases (on), or none, as the spiking MLP has none, so that "
                        "its weights run in the spiking MLP and back (DSN Table 2; `sdlab-cli "
                        "transfer`)",
                        choices({{"on", "Learned"}, {"off", "None (as the spiking MLP)"}}), "on",
                        model),
        integerParameter("epochs", "Epochs", "Passes over the training set", 1, 1000, 5, "", model),
        {.key = "lr",
         .label = "Learning rate η",
         .help = "SGD step, minibatch 1; the spiking MLP scales it by 1/T²; lif: the step of "
                 "its optimizer per minibatch",
         .valueName = "F",
         .minimum = 0.0,
         .maximum = 10.0,
         .minimumExclusive = true,
         .fallback = 0.01,
         .optional = true,
         .unsetMeans = "0.01; the EqProp family 0.02 for the first connection, divided by "
                       "--lr-layer-ratio per layer up; lif 5e-4",
         .group = model,
         .decimals = 4,
         .logarithmic = true},
        seedParameter(model),
        choiceParameter(
            "optimizer", "Optimizer",
            "spiking-mlp: sgd, one update per sample from the spike counts (DSN eq. "
            "6), or fsgd, fractional SGD, an update at every event (DSN eq. 7); lif: "
            "sgd or adam (β₁ 0.9, β₂ 0.999, ε 1e-8) per minibatch; auto: adam for "
            "lif, sgd otherwise",
            choices(
                {{"auto", "Auto"}, {"sgd", "SGD"}, {"fsgd", "Fractional SGD"}, {"adam", "Adam"}}),
            "auto", model),
        timeStepsParameter(model),
        betaParameter(model),
        choiceParameter("update", "Update form",
                        "pdnn: the four equal forms of the weight update (ICLR'18 eqs 10-13); "
                        "future and STDP need a smaller η at high kα",
                        choices({{"recon", "Reconstruction"},
                                 {"past", "Past"},
                                 {"future", "Future"},
                                 {"stdp", "STDP"}}),
                        "recon", pd),
        choiceParameter("gains", "Gains",
                        "pdnn: auto-tune kβ to each layer's signal size (ICLR'18 App. E.2) with "
                        "kα 0.5 in the first epoch and 0.9 after, or the fixed kp, kd below "
                        "(giving --kp or --kd implies fixed)",
                        choices({{"auto", "Auto-tune"}, {"fixed", "Fixed kp, kd"}}), "auto", pd),
        fixedGain(kpParameter("kp", 0.1, pd)),
        fixedGain(kdParameter("kd", 1.0, pd)),
        backGain(kpParameter("kp-back", 0.1, pd), "kp"),
        backGain(kdParameter("kd-back", 1.0, pd), "kd"),
        choiceParameter(
            "routing", "Event routing",
            "spiking-mlp: breadth-first, a layer fires after all its inputs of the "
            "step arrived, or depth-first, each event followed through the network "
            "at once (DSN App. F)",
            choices({{"breadth-first", "Breadth-first"}, {"depth-first", "Depth-first"}}),
            "breadth-first", spiking),
        choiceParameter("back-reset", "Back-quantizer reset",
                        "spiking-mlp: what the backward herding state φ starts each sample from "
                        "(DSN App. E); zero never lets a small error through",
                        choices({{"none", "None"}, {"random", "Random"}, {"zero", "Zero"}}), "none",
                        spiking, {"backReset"}),
        choiceParameter(
            "output-error", "Output error",
            "spiking-mlp: what the output error quantizer integrates each step: mean (u/t − y), "
            "stream (this step's output − y; depth-first: each output event at once), "
            "cumulative (u − y, DSN Alg. 8 as printed) or spikes (the output fires; its spikes "
            "and the target's are the error events, as DSN's code)",
            choices({{"mean", "ū − y (mean)"},
                     {"stream", "Δu − y (stream)"},
                     {"cumulative", "u − y (Alg. 8)"},
                     {"spikes", "Output spikes (DSN code)"}}),
            "mean", spiking, {"outputError"}),
        choiceParameter("update-input", "Weight-update input",
                        "spiking-mlp: what the weight update multiplies the errors by: the input "
                        "units' spike counts c_in (DSN's baseline) or smooth, the rectified "
                        "running sum of their pre-quantized input (DSN App. E, Table 3's "
                        "\"Smooth Gradients\")",
                        choices({{"counts", "Spike counts"}, {"smooth", "Smooth (App. E)"}}),
                        "counts", spiking),
        {.key = "scale",
         .label = "Quantization scale k",
         .help = "sigma-delta: activations are sent as round(k·h) by Σ-Δ coding (thesis ch. 4)",
         .valueName = "K",
         .minimum = 0.0,
         .maximum = 1e6,
         .minimumExclusive = true,
         .fallback = 8.0,
         .group = sd,
         .decimals = 1,
         .logarithmic = true},
        phaseSteps("free-steps", "Free steps T⁻", "EqProp family: settling steps of the free phase",
                   "20; spiking-eqprop 100", "freeSteps", eq),
        phaseSteps("clamped-steps", "Clamped steps T⁺",
                   "EqProp family: steps of the weakly clamped phase", "4; spiking-eqprop 50",
                   "clampedSteps", eq),
        realParameter("lr-layer-ratio", "Rate ratio per layer",
                      "EqProp family: each connection's learning rate is the one below's "
                      "divided by this (the reference code's 2 for one hidden layer, 4 for "
                      "[500, 500, 500]: the error reaching lower layers is weaker)",
                      1.0, 100.0, 2.0, false, eq),
        realParameter("epsilon", "Euler step ε",
                      "eqprop, init-eqprop: Euler step size of the settling (reference code 0.5)",
                      0.0, 1.0, 0.5, true, eq),
        realParameter("settle-tol", "Settle tolerance",
                      "eqprop, init-eqprop: end a phase once max |Δs| ≤ this (0: always the "
                      "full steps)",
                      0.0, 0.999, 0.0, false, eq),
        realParameter("anchor", "Anchor λ",
                      "init-eqprop: pull toward the forward pass, λ of thesis eq. 7.5", 0.0, 10.0,
                      0.1, false, eq),
        choiceParameter(
            "initializer-loss", "Initializer loss",
            "init-eqprop: local, each layer of the feed-forward net learns from its "
            "own ‖s^f_l − s⁻_l‖² (thesis eq. 7.4's local term, no backprop); global, "
            "from the sum over all layers by backprop (Fig. 7.4 left)",
            choices({{"local", "Local (no backprop)"}, {"global", "Global (backprop)"}}), "local",
            eq, {"initializerLoss"}),
        choiceParameter("inference", "Prediction",
                        "init-eqprop: forward, the feed-forward pass alone (thesis Alg. 7); "
                        "iterative, then T⁻ free steps of E_θ from it (Alg. 8)",
                        choices({{"forward", "Forward pass (Alg. 7)"},
                                 {"iterative", "Settled from it (Alg. 8)"}}),
                        "forward", eq),
    };
    for (Parameter& p : spikingEqPropParameters(eq)) {
        p.help = "spiking-eqprop: " + p.help;
        list.push_back(std::move(p));
    }
    for (Parameter& p : lifParameters())
        list.push_back(std::move(p));
    list.push_back(integerParameter("rows-per-epoch", "Test points per epoch",
                                    "Curve rows per epoch; the full test set at epoch ends", 1,
                                    1000, 10, "", display, {"rowsPerEpoch"}));
    list.push_back(integerParameter("interim-test", "Interim test samples",
                                    "Test samples used between epoch ends (fewer: faster, "
                                    "noisier)",
                                    1, 1'000'000, 2000, "samples", display, {"interimTest"}));
    Parameter raster =
        integerParameter("raster-layer", "Raster layer",
                         "Whose spikes the raster shows: 0 = the input, 1 = the first hidden layer",
                         0, 9, 1, "", display, {"rasterLayer"});
    raster.scope = ParameterScope::Lab;
    list.push_back(std::move(raster));
    if (withModelFiles)
        for (const auto& [key, help] :
             {std::pair{"save-model", "Write the trained network to DIR (model.json and a CSV per "
                                      "weight matrix, format sdlab-model v1, read back bit for "
                                      "bit; mlp, pdnn, spiking-mlp, sigma-delta, lif)"},
              std::pair{"load-model", "Start from the network in DIR (written by --save-model) "
                                      "instead of the seeded initial weights; the same --model "
                                      "and --hidden, and the data set's sizes, are needed"}})
            list.push_back({.key = key,
                            .kind = ParameterKind::Text,
                            .label = key,
                            .help = help,
                            .valueName = "DIR",
                            .group = "Model file",
                            .scope = ParameterScope::CommandLine});
    showOnlyForTheirModels(list);
    return list;
}

} // namespace

const std::string& datasetNameFrom(const ParameterValues& values) {
    return values.text("dataset");
}

namespace {

LifNetworkSettings lifSettingsFrom(const ParameterValues& v, ModelKind model) {
    LifNetworkSettings lif;
    lif.neuron = parseLifNeuronKind(v.text("neuron")).value();
    lif.beta = model == ModelKind::Lif ? v.realOr("beta", defaultLifBeta()) : defaultLifBeta();
    lif.alpha = v.real("alpha");
    lif.threshold = v.real("threshold");
    lif.reset = parseResetMechanism(v.text("reset")).value();
    lif.resetAttached = v.flag("reset-attached");
    lif.learnBeta = v.flag("learn-beta");
    lif.learnThreshold = v.flag("learn-threshold");
    lif.surrogate = common::surrogateFrom(v, "surrogate");
    lif.input = parseInputCoding(v.text("input-coding")).value();
    lif.latencyRounding = parseLatencyRounding(v.text("latency-rounding")).value();
    lif.deltaThreshold = v.real("delta-threshold");
    lif.deltaReference = parseDeltaReference(v.text("delta-reference")).value();
    lif.decoding = parseSpikeDecoding(v.text("decode")).value();
    lif.loss = parseSpikeLoss(v.text("loss")).value();
    lif.correctRate = v.real("correct-rate");
    lif.incorrectRate = v.real("incorrect-rate");
    lif.ratePenalty = v.real("rate-penalty");
    lif.upperRate = v.real("upper-rate");
    lif.upperPenalty = v.real("upper-penalty");
    lif.lowerRate = v.real("lower-rate");
    lif.lowerPenalty = v.real("lower-penalty");
    lif.batch = static_cast<int>(v.integer("batch"));
    lif.method = parseLifMethod(v.text("method")).value();
    return lif;
}

} // namespace

TrainingSettings trainingSettingsFrom(const ParameterValues& v) {
    TrainingSettings s;
    s.model = parseModelKind(v.text("model")).value();
    s.hidden = sizeListEntries("--hidden", v.text("hidden"));
    s.epochs = static_cast<int>(v.integer("epochs"));
    s.order = parseSampleOrderKind(v.text("order")).value();
    if (v.isSet("lr"))
        s.learningRate = v.real("lr");
    s.seed = v.seed();
    s.update = parseUpdateRule(v.text("update")).value();
    s.autoTune = v.text("gains") == "auto";
    s.forwardGains = {v.real("kp"), v.real("kd")};
    s.backwardGains = {v.realOr("kp-back", s.forwardGains.kp),
                       v.realOr("kd-back", s.forwardGains.kd)};
    s.optimizer = v.text("optimizer") == "auto" ? defaultOptimizer(s.model)
                                                : parseOptimizer(v.text("optimizer")).value();
    s.timeSteps =
        v.isSet("steps") ? static_cast<int>(v.integer("steps")) : defaultTimeSteps(s.model);
    s.routing = parseEventRouting(v.text("routing")).value();
    s.backReset = parseBackReset(v.text("back-reset")).value();
    s.outputError = parseOutputError(v.text("output-error")).value();
    s.smoothUpdates = v.text("update-input") == "smooth";
    s.mlpBiases = v.text("bias") == "on";
    s.quantizationScale = v.real("scale");
    if (v.isSet("free-steps"))
        s.freeSteps = static_cast<int>(v.integer("free-steps"));
    if (v.isSet("clamped-steps"))
        s.clampedSteps = static_cast<int>(v.integer("clamped-steps"));
    s.beta = s.model == ModelKind::Lif ? 0.5 : v.realOr("beta", 0.5);
    s.lif = lifSettingsFrom(v, s.model);
    s.layerRateRatio = v.real("lr-layer-ratio");
    s.settleEpsilon = v.real("epsilon");
    s.settleTolerance = v.real("settle-tol");
    s.anchor = v.real("anchor");
    s.initializerLoss = parseInitializerLoss(v.text("initializer-loss")).value();
    s.inference = parseInitializedInference(v.text("inference")).value();
    s.spiking = spikingEqPropSettings(v);
    s.rowsPerEpoch = static_cast<int>(v.integer("rows-per-epoch"));
    s.interimTestSamples = static_cast<std::size_t>(v.integer("interim-test"));
    if (s.autoTune)
        s.forwardGains = s.backwardGains = PdParams{0.1, 1.0};
    else if (const std::string error = s.forwardGains.validationError(); !error.empty())
        throw InputError("--kp/--kd: " + error);
    return s;
}

std::vector<Parameter> learningParameters() {
    return parametersOfTrain(false);
}

std::string checkLearningValues(const ParameterValues& values) {
    return checkSettings(values);
}

const Experiment& learningExperiment() {
    static const Experiment experiment{
        .id = "learning",
        .command = "train",
        .title = "Learning",
        .usage =
            "sdlab-cli train --model mlp|pdnn|spiking-mlp|sigma-delta|eqprop|init-eqprop|"
            "spiking-eqprop|lif --dataset fashion-mnist|digits|synthetic|idx:DIR --hidden "
            "200[,200...] --epochs E [--order shuffled|temporal] [--update "
            "recon|past|future|stdp] [--optimizer sgd|fsgd] [--lr F] [--seed S] [--load-model DIR] "
            "[--save-model DIR] --out DIR",
        .description =
            "Train a classifier one sample at a time and record its learning curve with the\n"
            "operations it cost (ICLR'18 Fig. 5 and Table C.6; DSN Tables 2-3). Writes "
            "curve.csv\n(epoch,samples,train_acc,test_acc,loss,adds,mults,energy_mj; ten rows per "
            "epoch,\naccuracies as fractions; rows between epoch ends test on the first "
            "--interim-test\ntest samples; the EqProp models add settle_steps, the mean settling "
            "steps per sample)\nand summary.json (with inference_adds, inference_mults and "
            "inference_energy_mj:\nwhat one prediction costs over the last full test, in the "
            "test set's order, matrix\nproducts only as thesis App. B.2 counts them); the LIF "
            "network, the PD network and\nthe spiking MLP also write layers.csv\n"
            "(epoch,samples,layer,firing_rate,dead_fraction,gradient_norm per curve row and "
            "spiking\nlayer; gradient_norm only for lif); init-eqprop writes\n"
            "initializer_alignment.csv (epoch,samples,layer,cosine: its feed-forward layers' "
            "local vs\ndistant gradient, thesis Fig. 7.4 right). --save-model DIR writes the "
            "trained network\n"
            "(model.json and a CSV per weight matrix, read back bit for bit) and --load-model DIR\n"
            "starts from one. Progress goes to stderr.",
        .parameters = parametersOfTrain(true),
        .outputs = {"curve.csv", "summary.json", "layers.csv", "initializer_alignment.csv"},
        .check = checkSettings,
        .upgrade = upgrade,
        .run = run};
    return experiment;
}

} // namespace sdlab
