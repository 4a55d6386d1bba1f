#include "training/training_settings.h"

#include "util/name_table.h"

#include <array>
#include <cmath>
#include <utility>

namespace sdlab {

namespace {

constexpr std::array<std::pair<const char*, ModelKind>, 8> kModels{
    {{"mlp", ModelKind::Mlp},
     {"pdnn", ModelKind::Pdnn},
     {"spiking-mlp", ModelKind::SpikingMlp},
     {"sigma-delta", ModelKind::SigmaDelta},
     {"eqprop", ModelKind::EqProp},
     {"init-eqprop", ModelKind::InitEqProp},
     {"spiking-eqprop", ModelKind::SpikingEqProp},
     {"lif", ModelKind::Lif}}};
constexpr std::array<std::pair<const char*, UpdateRule>, 4> kRules{{{"recon", UpdateRule::Recon},
                                                                    {"past", UpdateRule::Past},
                                                                    {"future", UpdateRule::Future},
                                                                    {"stdp", UpdateRule::Stdp}}};
constexpr std::array<std::pair<const char*, Optimizer>, 3> kOptimizers{
    {{"sgd", Optimizer::Sgd}, {"fsgd", Optimizer::Fsgd}, {"adam", Optimizer::Adam}}};
constexpr std::array<std::pair<const char*, EventRouting>, 2> kRoutings{
    {{"breadth-first", EventRouting::BreadthFirst}, {"depth-first", EventRouting::DepthFirst}}};
constexpr std::array<std::pair<const char*, BackReset>, 3> kResets{
    {{"none", BackReset::None}, {"random", BackReset::Random}, {"zero", BackReset::Zero}}};
constexpr std::array<std::pair<const char*, OutputError>, 4> kOutputErrors{
    {{"mean", OutputError::Mean},
     {"stream", OutputError::Stream},
     {"cumulative", OutputError::Cumulative},
     {"spikes", OutputError::Spikes}}};

} // namespace

double defaultLearningRate(ModelKind model) {
    // The ICLR'18 reference code's 0.01 for the feed-forward models; the spiking MLP's
    // rates are normalised by T² (spiking_mlp.h) so that the same η means the same step.
    // EqProp: the first connection's rate, divided by --lr-layer-ratio (2) per layer
    // upward as the reference code's [0.1, 0.05]; 0.02 per sample was the best of 0.002-0.05 on
    // digits [500] (0.05 diverges with 4 free steps even when initialized). The LIF network:
    // snnTorch tutorial 5's Adam 5e-4.
    if (model == ModelKind::Lif)
        return 5e-4;
    return isEquilibriumModel(model) ? 0.02 : 0.01;
}

int defaultTimeSteps(ModelKind model) {
    return model == ModelKind::Lif ? 25 : 10;
}
Optimizer defaultOptimizer(ModelKind model) {
    return model == ModelKind::Lif ? Optimizer::Adam : Optimizer::Sgd;
}
double defaultLifBeta() {
    return 0.95;
}

int defaultFreeSteps(ModelKind model) {
    return model == ModelKind::SpikingEqProp ? 100 : 20;
}
int defaultClampedSteps(ModelKind model) {
    return model == ModelKind::SpikingEqProp ? 50 : 4;
}

std::optional<ModelKind> parseModelKind(std::string_view name) {
    return lookupName(kModels, name);
}
const char* modelName(ModelKind kind) {
    return nameIn(kModels, kind);
}
std::optional<UpdateRule> parseUpdateRule(std::string_view name) {
    return lookupName(kRules, name);
}
const char* updateRuleName(UpdateRule rule) {
    return nameIn(kRules, rule);
}
std::optional<Optimizer> parseOptimizer(std::string_view name) {
    return lookupName(kOptimizers, name);
}
const char* optimizerName(Optimizer optimizer) {
    return nameIn(kOptimizers, optimizer);
}
std::optional<EventRouting> parseEventRouting(std::string_view name) {
    return lookupName(kRoutings, name);
}
const char* eventRoutingName(EventRouting routing) {
    return nameIn(kRoutings, routing);
}
std::optional<BackReset> parseBackReset(std::string_view name) {
    return lookupName(kResets, name);
}
const char* backResetName(BackReset reset) {
    return nameIn(kResets, reset);
}
std::optional<OutputError> parseOutputError(std::string_view name) {
    return lookupName(kOutputErrors, name);
}
const char* outputErrorName(OutputError error) {
    return nameIn(kOutputErrors, error);
}

std::string validationError(const TrainingSettings& s) {
    if (s.hidden.empty() && s.model != ModelKind::Lif)
        return "--hidden none (no hidden layer) is for --model lif only; give 1 to 8 layer sizes";
    if (s.hidden.size() > 8)
        return "--hidden needs 1 to 8 layer sizes";
    for (int size : s.hidden)
        if (size < 1 || size > 10000)
            return "every --hidden size must be between 1 and 10000";
    if (s.epochs < 1 || s.epochs > 1000)
        return "--epochs must be between 1 and 1000";
    if (s.learningRate && !(*s.learningRate > 0.0 && *s.learningRate <= 10.0))
        return "--lr must be in (0, 10]";
    if (s.timeSteps < 1 || s.timeSteps > 1000)
        return "--steps must be between 1 and 1000";
    if (!(s.quantizationScale > 0.0 && s.quantizationScale <= 1e6))
        return "--scale must be in (0, 1e6]";
    if (std::string e = s.forwardGains.validationError(); !e.empty())
        return "forward gains: " + e;
    if (std::string e = s.backwardGains.validationError(); !e.empty())
        return "backward gains: " + e;
    if (s.freeSteps && (*s.freeSteps < 1 || *s.freeSteps > 100000))
        return "--free-steps must be between 1 and 100000";
    if (s.clampedSteps && (*s.clampedSteps < 1 || *s.clampedSteps > 100000))
        return "--clamped-steps must be between 1 and 100000";
    if (!(s.beta > 0.0 && s.beta <= 10.0))
        return "--beta must be in (0, 10]";
    if (!(s.settleEpsilon > 0.0 && s.settleEpsilon <= 1.0))
        return "--epsilon must be in (0, 1]";
    if (!(s.settleTolerance >= 0.0 && s.settleTolerance < 1.0))
        return "--settle-tol must be in [0, 1)";
    if (!(s.anchor >= 0.0 && s.anchor <= 10.0))
        return "--anchor must be in [0, 10]";
    if (std::string e = s.spiking.validationError(); !e.empty())
        return e;
    if (s.optimizer == Optimizer::Adam && s.model != ModelKind::Lif)
        return "--optimizer adam is for --model lif (the others learn by SGD)";
    if (s.optimizer == Optimizer::Fsgd && s.model == ModelKind::Lif)
        return "--optimizer fsgd is the spiking MLP's; --model lif takes sgd or adam";
    if (s.model == ModelKind::Lif) {
        LifNetworkSettings lif = s.lif;
        lif.steps = s.timeSteps;
        lif.sizes = {1}; // its depth is what validation reads (data sizes come later)
        lif.sizes.insert(lif.sizes.end(), s.hidden.begin(), s.hidden.end());
        lif.sizes.push_back(1);
        lif.learningRate = s.learningRate.value_or(defaultLearningRate(s.model));
        if (std::string e = validationError(lif); !e.empty())
            return e;
    }
    if (s.rowsPerEpoch < 1 || s.rowsPerEpoch > 1000)
        return "rows per epoch must be between 1 and 1000";
    return {};
}

} // namespace sdlab
