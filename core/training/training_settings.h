#pragma once

#include "coding/pd_params.h"
#include "data/sample_order.h"
#include "equilibrium/feedforward_initializer.h"
#include "equilibrium/spiking_settler.h"
#include "learning/update_rule_params.h"
#include "snn/lif_settings.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sdlab {

enum class ModelKind { Mlp, Pdnn, SpikingMlp, SigmaDelta, EqProp, InitEqProp, SpikingEqProp, Lif };

// The Equilibrium Propagation family (thesis ch. 7-8): they settle, and report settle steps.
inline bool isEquilibriumModel(ModelKind kind) {
    return kind == ModelKind::EqProp || kind == ModelKind::InitEqProp ||
           kind == ModelKind::SpikingEqProp;
}
enum class Optimizer { Sgd, Fsgd, Adam }; // fsgd: DSN §3.7 (spiking MLP); adam: the LIF network
enum class EventRouting { BreadthFirst, DepthFirst }; // DSN App. F
enum class BackReset { None, Random, Zero };          // DSN App. E, back-quantizer φ
// What the spiking MLP's output error quantizer integrates each step t (spiking_mlp.h).
enum class OutputError { Mean, Stream, Cumulative, Spikes };

// Everything one training run needs besides the data. Each field's comment says which
// model reads it; the others ignore it.
struct TrainingSettings {
    ModelKind model = ModelKind::Mlp;
    std::vector<int> hidden{200};
    int epochs = 1;
    SampleOrderKind order = SampleOrderKind::Shuffled;
    std::optional<double> learningRate; // default per model: defaultLearningRate()
    std::uint64_t seed = 1;
    // MLP: learned biases; without, they stay 0 as in the spiking MLP (DSN Table 2)
    bool mlpBiases = true;
    // PDNN
    UpdateRule update = UpdateRule::Recon;
    bool autoTune = true; // ICLR'18 App. E.2; otherwise the fixed gains below
    PdParams forwardGains{0.1, 1.0};
    PdParams backwardGains{0.1, 1.0};
    // Spiking MLP
    Optimizer optimizer = Optimizer::Sgd;
    int timeSteps = 10;
    EventRouting routing = EventRouting::BreadthFirst;
    BackReset backReset = BackReset::None;
    OutputError outputError = OutputError::Mean;
    bool smoothUpdates = false; // DSN App. E "Smooth Gradients" (Table 3)
    // Sigma-delta net: activations are sent as round(scale·h) (thesis ch. 4)
    double quantizationScale = 8.0;
    // EqProp family (thesis §7.4, §8.5.2; spec §7 reference defaults)
    double beta = 0.5;               // |β|, sign drawn at random per sample
    double layerRateRatio = 2.0;     // η_{l+1} = η_l / this (reference code: 2, 4 deep)
    std::optional<int> freeSteps;    // T⁻; default 20, spiking 100
    std::optional<int> clampedSteps; // T⁺; default 4, spiking 50
    double settleEpsilon = 0.5;      // Euler step of the continuous settling
    double settleTolerance = 0.0;    // end a phase early once max |Δs| ≤ this
    double anchor = 0.1;             // init-eqprop: λ of eq. 7.5
    InitializerLoss initializerLoss = InitializerLoss::Local;       // init-eqprop (Fig. 7.4)
    InitializedInference inference = InitializedInference::Forward; // init-eqprop (Algs 7, 8)
    SpikingEqPropSettings spiking; // spiking-eqprop: coding and step sizes
    // LIF network trained through time: neurons, coding, loss, minibatch. Its sizes,
    // steps, learning rate, optimizer and seed are taken from the fields above.
    LifNetworkSettings lif;
    // Curve: rows per epoch, and the test samples used between epoch ends.
    int rowsPerEpoch = 10;
    std::size_t interimTestSamples = 2000;
};

double defaultLearningRate(ModelKind model);
int defaultFreeSteps(ModelKind model);
int defaultClampedSteps(ModelKind model);
int defaultTimeSteps(ModelKind model);       // spiking MLP 10, LIF 25
Optimizer defaultOptimizer(ModelKind model); // LIF Adam, otherwise SGD
double defaultLifBeta();                     // 0.95 (snnTorch tutorial 5)

std::optional<ModelKind> parseModelKind(std::string_view name);
const char* modelName(ModelKind kind);
std::optional<UpdateRule> parseUpdateRule(std::string_view name);
const char* updateRuleName(UpdateRule rule);
std::optional<Optimizer> parseOptimizer(std::string_view name);
const char* optimizerName(Optimizer optimizer);
std::optional<EventRouting> parseEventRouting(std::string_view name);
const char* eventRoutingName(EventRouting routing);
std::optional<BackReset> parseBackReset(std::string_view name);
const char* backResetName(BackReset reset);
std::optional<OutputError> parseOutputError(std::string_view name);
const char* outputErrorName(OutputError error);

// Empty when the settings can run, otherwise a sentence naming the wrong field.
std::string validationError(const TrainingSettings& settings);

} // namespace sdlab
