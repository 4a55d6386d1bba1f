#include "training/training_report.h"

#include "encoders/encoder_conventions.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "io/json_writer.h"

#include <algorithm>
#include <cmath>

namespace sdlab {

std::string trainingCurveCsv(const std::vector<CurveRow>& curve, bool withSettleSteps) {
    std::vector<std::string> columns{"epoch", "samples", "train_acc", "test_acc",
                                     "loss",  "adds",    "mults",     "energy_mj"};
    if (withSettleSteps)
        columns.emplace_back("settle_steps");
    CsvWriter csv(columns);
    for (const CurveRow& row : curve) {
        std::vector<double> values{row.epoch,
                                   static_cast<double>(row.samples),
                                   row.trainAccuracy,
                                   row.testAccuracy,
                                   row.loss,
                                   static_cast<double>(row.adds),
                                   static_cast<double>(row.mults),
                                   row.energyMj};
        if (withSettleSteps)
            values.push_back(row.settleSteps);
        csv.addRow(values);
    }
    return csv.text();
}

std::string trainingLayersCsv(const std::vector<CurveRow>& curve) {
    CsvWriter csv({"epoch", "samples", "layer", "firing_rate", "dead_fraction", "gradient_norm"});
    bool any = false;
    for (const CurveRow& row : curve) {
        if (!row.activity || row.activity->layerRates.empty())
            continue;
        any = true;
        const SpikeActivity& a = *row.activity;
        for (std::size_t l = 0; l < a.layerRates.size(); ++l) {
            std::vector<std::optional<double>> cells{
                row.epoch,       static_cast<double>(row.samples), static_cast<double>(l + 1),
                a.layerRates[l], a.layerDeadFractions[l],          std::nullopt};
            if (l < row.gradientNorms.size())
                cells.back() = row.gradientNorms[l];
            csv.addRow(cells);
        }
    }
    return any ? csv.text() : std::string();
}

std::vector<CurveRow> readTrainingCurve(const std::filesystem::path& path) {
    const CsvTable table = CsvTable::read(path);
    const auto& epoch = table.column("epoch");
    const auto& samples = table.column("samples");
    const auto& adds = table.column("adds");
    const auto& mults = table.column("mults");
    for (const auto* counts : {&samples, &adds, &mults}) {
        requireWholeNumbers(*counts, table.sourceName() + ": the sample and operation counts");
        for (const double count : *counts)
            if (count < 0.0 || count > 1.8e19)
                throw InputError(table.sourceName() + ": a sample or operation count of " +
                                 formatNumber(count) + " is not a count");
    }
    const auto& train = table.column("train_acc");
    const auto& test = table.column("test_acc");
    const auto& loss = table.column("loss");
    const auto& energy = table.column("energy_mj");
    const bool settles = table.hasColumn("settle_steps");
    std::vector<CurveRow> curve(table.rowCount());
    for (std::size_t r = 0; r < curve.size(); ++r) {
        CurveRow& row = curve[r];
        row.epoch = epoch[r];
        row.samples = static_cast<std::uint64_t>(samples[r]);
        row.trainAccuracy = train[r];
        row.testAccuracy = test[r];
        row.fullTest = std::floor(epoch[r]) == epoch[r];
        row.loss = loss[r];
        row.adds = static_cast<std::uint64_t>(adds[r]);
        row.mults = static_cast<std::uint64_t>(mults[r]);
        row.energyMj = energy[r];
        row.settleSteps = settles ? table.column("settle_steps")[r] : 0.0;
    }
    return curve;
}

namespace {

// A per-layer file read into the curve (layers.csv, initializer_alignment.csv): every row's
// sample count and layer are checked and `check(r, where)` checks its values, then
// `join(r, curve row, layer index from 0)` for the rows whose sample count the curve has.
template <class Check, class Join>
void readPerLayerRows(const CsvTable& table, std::vector<CurveRow>& curve, Check check, Join join) {
    const auto& samples = table.column("samples");
    const auto& layer = table.column("layer");
    requireWholeNumbers(samples, table.sourceName() + ": the sample counts");
    requireWholeNumbers(layer, table.sourceName() + ": the layer numbers");
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        const std::string where = table.sourceName() + ", data row " + std::to_string(r + 1);
        if (layer[r] < 1.0 || layer[r] > 1000.0)
            throw InputError(where + ": layer " + formatNumber(layer[r]) +
                             " is not a layer (1 is the first hidden layer)");
        check(r, where);
        const auto row = std::find_if(curve.begin(), curve.end(), [&](const CurveRow& c) {
            return static_cast<double>(c.samples) == samples[r];
        });
        if (row != curve.end())
            join(r, *row, static_cast<std::size_t>(layer[r]) - 1);
    }
}

} // namespace

void readTrainingLayers(const std::filesystem::path& path, std::vector<CurveRow>& curve) {
    const CsvTable table = CsvTable::read(path, {"gradient_norm"});
    const auto& rate = table.column("firing_rate");
    const auto& dead = table.column("dead_fraction");
    const auto& norm = table.column("gradient_norm");
    const auto check = [&](std::size_t r, const std::string& where) {
        if (rate[r] < 0.0 || rate[r] > 1.0 || dead[r] < 0.0 || dead[r] > 1.0)
            throw InputError(where + ": firing_rate and dead_fraction must lie in [0, 1]");
    };
    readPerLayerRows(table, curve, check, [&](std::size_t r, CurveRow& row, std::size_t l) {
        if (!row.activity)
            row.activity = SpikeActivity{};
        SpikeActivity& a = *row.activity;
        if (a.layerRates.size() <= l) {
            a.layerRates.resize(l + 1, 0.0);
            a.layerDeadFractions.resize(l + 1, 0.0);
        }
        a.layerRates[l] = rate[r];
        a.layerDeadFractions[l] = dead[r];
        if (!std::isnan(norm[r])) {
            if (row.gradientNorms.size() <= l)
                row.gradientNorms.resize(l + 1, 0.0);
            row.gradientNorms[l] = norm[r];
        }
    });
}

std::string trainingAlignmentCsv(const std::vector<CurveRow>& curve) {
    CsvWriter csv({"epoch", "samples", "layer", "cosine"});
    bool any = false;
    for (const CurveRow& row : curve)
        for (std::size_t l = 0; l < row.gradientAlignment.size(); ++l) {
            any = true;
            csv.addRow({row.epoch, static_cast<double>(row.samples), static_cast<double>(l + 1),
                        row.gradientAlignment[l]});
        }
    return any ? csv.text() : std::string();
}

void readTrainingAlignment(const std::filesystem::path& path, std::vector<CurveRow>& curve) {
    const CsvTable table = CsvTable::read(path);
    const auto& cosine = table.column("cosine");
    const auto check = [&](std::size_t r, const std::string& where) {
        if (!(cosine[r] >= -1.0 && cosine[r] <= 1.0))
            throw InputError(where + ": a cosine must lie in [-1, 1]");
    };
    readPerLayerRows(table, curve, check, [&](std::size_t r, CurveRow& row, std::size_t l) {
        if (row.gradientAlignment.size() <= l)
            row.gradientAlignment.resize(l + 1, 0.0);
        row.gradientAlignment[l] = cosine[r];
    });
}

std::string layerSizesText(const std::vector<int>& hidden, int inputs, int classes) {
    std::string text = std::to_string(inputs);
    for (int size : hidden) {
        text += '-';
        text += std::to_string(size);
    }
    text += '-';
    text += std::to_string(classes);
    return text;
}

std::string trainingSummaryJson(const TrainingSettings& s, const ImageDataset& data,
                                const TrainingResult& result) {
    JsonObjectWriter json;
    json.add("model", modelName(s.model))
        .add("dataset", data.name)
        .add("layers", layerSizesText(s.hidden, data.inputSize(), data.classCount()))
        .add("train_samples", static_cast<long long>(data.train.size()))
        .add("test_samples", static_cast<long long>(data.test.size()))
        .add("epochs", static_cast<long long>(s.epochs))
        .add("order", sampleOrderName(s.order))
        .add("learning_rate", s.learningRate.value_or(defaultLearningRate(s.model)))
        .add("seed", static_cast<long long>(s.seed));
    if (s.model == ModelKind::Pdnn) {
        json.add("update", updateRuleName(s.update)).addBool("auto_tune", s.autoTune);
        if (!s.autoTune)
            json.add("kp", s.forwardGains.kp)
                .add("kd", s.forwardGains.kd)
                .add("kp_back", s.backwardGains.kp)
                .add("kd_back", s.backwardGains.kd);
    }
    if (s.model == ModelKind::SpikingMlp)
        json.add("optimizer", optimizerName(s.optimizer))
            .add("time_steps", static_cast<long long>(s.timeSteps))
            .add("routing", eventRoutingName(s.routing))
            .add("back_reset", backResetName(s.backReset))
            .add("output_error", outputErrorName(s.outputError));
    // Only when not the default, so earlier results read the same.
    if (s.model == ModelKind::SpikingMlp && s.smoothUpdates)
        json.add("update_input", "smooth");
    if (s.model == ModelKind::Mlp && !s.mlpBiases)
        json.addBool("biases", false);
    if (s.model == ModelKind::Lif) {
        const LifNetworkSettings& lif = s.lif;
        json.add("neuron", lifNeuronKindName(lif.neuron))
            .add("beta", lif.beta)
            .add("threshold", lif.threshold)
            .add("reset", resetMechanismName(lif.reset))
            .addBool("reset_attached", lif.resetAttached)
            .addBool("learn_beta", lif.learnBeta)
            .addBool("learn_threshold", lif.learnThreshold)
            .add("surrogate", surrogateKindName(lif.surrogate.kind))
            .add("slope", lif.surrogate.slope)
            .add("time_steps", static_cast<long long>(s.timeSteps))
            .add("input_coding", inputCodingName(lif.input))
            .add("decode", spikeDecodingName(lif.decoding))
            .add("loss", spikeLossName(lif.loss))
            .add("optimizer", optimizerName(s.optimizer))
            .add("batch", static_cast<long long>(lif.batch))
            .add("method", lifMethodName(lif.method));
        if (lif.neuron == LifNeuronKind::Synaptic)
            json.add("alpha", lif.alpha);
        if (lif.input == InputCoding::Latency)
            json.add("latency_rounding", latencyRoundingName(lif.latencyRounding));
        if (lif.input == InputCoding::Delta)
            json.add("delta_threshold", lif.deltaThreshold)
                .add("delta_reference", deltaReferenceName(lif.deltaReference));
        if (!result.learned.betas.empty()) // per layer, after training
            json.add("learned_beta", result.learned.betas);
        if (!result.learned.thresholds.empty())
            json.add("learned_threshold", result.learned.thresholds);
        if (lif.loss == SpikeLoss::MseCount)
            json.add("correct_rate", lif.correctRate).add("incorrect_rate", lif.incorrectRate);
        if (lif.ratePenalty > 0.0)
            json.add("rate_penalty", lif.ratePenalty);
        if (lif.upperPenalty > 0.0)
            json.add("upper_rate", lif.upperRate).add("upper_penalty", lif.upperPenalty);
        if (lif.lowerPenalty > 0.0)
            json.add("lower_rate", lif.lowerRate).add("lower_penalty", lif.lowerPenalty);
    }
    if (result.activity)
        json.add("spikes_per_sample", result.activity->spikesPerSample)
            .add("dead_fraction", result.activity->deadFraction);
    if (s.model == ModelKind::SigmaDelta)
        json.add("scale", s.quantizationScale);
    if (isEquilibriumModel(s.model)) {
        json.add("beta", s.beta)
            .add("lr_layer_ratio", s.layerRateRatio)
            .add("free_steps",
                 static_cast<long long>(s.freeSteps.value_or(defaultFreeSteps(s.model))))
            .add("clamped_steps",
                 static_cast<long long>(s.clampedSteps.value_or(defaultClampedSteps(s.model))))
            .add("settle_tolerance", s.settleTolerance);
        if (s.model == ModelKind::SpikingEqProp)
            json.add("encoder", spikeCodingName(s.spiking.coding))
                .add("anneal", stepSizeRuleName(s.spiking.stepSize))
                .add("lambda", s.spiking.predictiveLambda)
                .add("lambda_anneal", s.spiking.lambdaAnneal)
                .add("osa_target", s.spiking.osaTarget)
                .add("epsilon0", s.spiking.schedule.epsilon0)
                .add("eta", s.spiking.schedule.eta);
        else
            json.add("epsilon", s.settleEpsilon);
        if (s.model == ModelKind::InitEqProp)
            json.add("anchor_lambda", s.anchor)
                .add("initializer_loss",
                     s.initializerLoss == InitializerLoss::Local ? "local" : "global")
                .add("inference",
                     s.inference == InitializedInference::Forward ? "forward" : "iterative");
        double steps = 0.0, samples = 0.0;
        for (const CurveRow& row : result.curve) {
            const double rowSamples = static_cast<double>(row.samples) - samples;
            steps += row.settleSteps * rowSamples;
            samples = static_cast<double>(row.samples);
        }
        json.add("settle_steps_per_sample", samples > 0.0 ? steps / samples : 0.0);
    }
    static const CurveRow none;
    const CurveRow& last = result.curve.empty() ? none : result.curve.back();
    // 1 − 0.932 is 0.06799999999999995 in doubles; a test set's error has at most a few
    // decimals (1e-5 % at 10⁷ samples), so 1e-8 % rounding loses nothing and prints 6.8.
    const double errorPercent = std::round(1e10 * (1.0 - result.finalTestAccuracy)) / 1e8;
    json.addBool("cancelled", result.cancelled)
        .add("samples", static_cast<long long>(last.samples))
        .add("final_test_acc", result.finalTestAccuracy)
        .add("final_test_error_percent", errorPercent)
        .add("final_train_acc", result.finalTrainAccuracy)
        .add("diverged_at_sample",
             result.divergedAtSample ? static_cast<long long>(*result.divergedAtSample) : 0LL)
        .add("adds", static_cast<long long>(last.adds))
        .add("mults", static_cast<long long>(last.mults))
        .add("adds_per_sample", result.addsPerSample)
        .add("mults_per_sample", result.multsPerSample)
        .add("kops_per_sample", result.opsPerSample / 1000.0)
        .add("energy_mj", last.energyMj)
        .add("energy_model", "Horowitz 2014, 32-bit integer: add 0.1 pJ, multiply 3.1 pJ")
        // One prediction, mean over the last full test (thesis App. B.2: products only).
        .add("inference_adds", result.inference.adds)
        .add("inference_mults", result.inference.mults)
        .add("inference_energy_mj",
             result.inference.energyPj(EnergyModel::int32()) * 1e-9) // pJ -> mJ
        .add("inference_sparse_adds", result.inference.sparseAdds)
        .add("inference_sparse_mults", result.inference.sparseMults)
        .add("inference_note", "per test sample, in the test set's order (temporal when "
                               "--order temporal): matrix products only, thesis App. B.2 "
                               "(dense eq. B.12, sparse B.13, rounding B.14, sigma-delta B.15, "
                               "spiking models one row of W per spike)")
        .add("test_acc_note", "rows at epoch ends use the whole test set; rows in between use "
                              "the first " +
                                  std::to_string(s.interimTestSamples) + " test samples")
        .add("seconds", result.seconds);
    return json.text();
}

} // namespace sdlab
