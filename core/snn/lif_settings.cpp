#include "snn/lif_settings.h"

#include "util/name_table.h"

#include <array>
#include <cmath>

namespace sdlab {

namespace {

constexpr std::array<std::pair<const char*, LifNeuronKind>, 4> kNeurons{
    {{"leaky", LifNeuronKind::Leaky},
     {"lapicque", LifNeuronKind::Lapicque},
     {"synaptic", LifNeuronKind::Synaptic},
     {"rleaky", LifNeuronKind::RecurrentLeaky}}};
constexpr std::array<std::pair<const char*, InputCoding>, 4> kInputs{
    {{"direct", InputCoding::Direct},
     {"rate", InputCoding::Rate},
     {"latency", InputCoding::Latency},
     {"delta", InputCoding::Delta}}};
constexpr std::array<std::pair<const char*, SpikeDecoding>, 3> kDecodings{
    {{"rate", SpikeDecoding::Rate},
     {"latency", SpikeDecoding::Latency},
     {"membrane", SpikeDecoding::Membrane}}};
constexpr std::array<std::pair<const char*, SpikeLoss>, 7> kLosses{
    {{"ce-membrane", SpikeLoss::CeMembrane},
     {"ce-rate", SpikeLoss::CeRate},
     {"ce-count", SpikeLoss::CeCount},
     {"mse-count", SpikeLoss::MseCount},
     {"ce-max-membrane", SpikeLoss::CeMaxMembrane},
     {"mse-membrane", SpikeLoss::MseMembrane},
     {"ce-temporal", SpikeLoss::CeTemporal}}};
constexpr std::array<std::pair<const char*, LifMethod>, 3> kMethods{
    {{"bptt", LifMethod::Bptt}, {"rtrl", LifMethod::Rtrl}, {"eprop", LifMethod::Eprop}}};
constexpr std::array<std::pair<const char*, LifOptimizer>, 2> kOptimizers{
    {{"sgd", LifOptimizer::Sgd}, {"adam", LifOptimizer::Adam}}};

bool inUnitInterval(double x) {
    return x >= 0.0 && x <= 1.0;
}

} // namespace

std::optional<LifNeuronKind> parseLifNeuronKind(std::string_view name) {
    return lookupName(kNeurons, name);
}
const char* lifNeuronKindName(LifNeuronKind kind) {
    return nameIn(kNeurons, kind);
}
std::optional<InputCoding> parseInputCoding(std::string_view name) {
    return lookupName(kInputs, name);
}
const char* inputCodingName(InputCoding coding) {
    return nameIn(kInputs, coding);
}
std::optional<SpikeDecoding> parseSpikeDecoding(std::string_view name) {
    return lookupName(kDecodings, name);
}
const char* spikeDecodingName(SpikeDecoding decoding) {
    return nameIn(kDecodings, decoding);
}
std::optional<SpikeLoss> parseSpikeLoss(std::string_view name) {
    return lookupName(kLosses, name);
}
const char* spikeLossName(SpikeLoss loss) {
    return nameIn(kLosses, loss);
}
std::optional<LifMethod> parseLifMethod(std::string_view name) {
    return lookupName(kMethods, name);
}
const char* lifMethodName(LifMethod method) {
    return nameIn(kMethods, method);
}
std::optional<LifOptimizer> parseLifOptimizer(std::string_view name) {
    return lookupName(kOptimizers, name);
}
const char* lifOptimizerName(LifOptimizer optimizer) {
    return nameIn(kOptimizers, optimizer);
}

bool lossReadsMembrane(SpikeLoss loss) {
    return loss == SpikeLoss::CeMembrane || loss == SpikeLoss::CeMaxMembrane ||
           loss == SpikeLoss::MseMembrane;
}

std::string validationError(const LifNetworkSettings& s) {
    if (s.sizes.size() < 2)
        return "a LIF network needs an input and an output layer";
    if (s.neuron == LifNeuronKind::Lapicque ? !(s.beta > 0.0 && s.beta <= 1.0)
                                            : !inUnitInterval(s.beta))
        return s.neuron == LifNeuronKind::Lapicque ? "--beta must be in (0, 1] for Lapicque"
                                                   : "--beta must be in [0, 1] for the LIF model";
    if (!inUnitInterval(s.alpha))
        return "--alpha must be in [0, 1]";
    if (!(s.threshold > 0.0) || !std::isfinite(s.threshold))
        return "--threshold must be a positive number";
    if (std::string e = validationError(s.surrogate); !e.empty())
        return e;
    if (s.steps < 1)
        return "--steps must be at least 1";
    if (s.batch < 1)
        return "--batch must be at least 1";
    if (!inUnitInterval(s.correctRate) || !inUnitInterval(s.incorrectRate))
        return "--correct-rate and --incorrect-rate must be in [0, 1]";
    if (!(s.deltaThreshold > 0.0) || !std::isfinite(s.deltaThreshold))
        return "--delta-threshold must be a positive number";
    if (!(s.ratePenalty >= 0.0) || !std::isfinite(s.ratePenalty))
        return "--rate-penalty must be a non-negative number";
    if (!inUnitInterval(s.upperRate) || !inUnitInterval(s.lowerRate))
        return "--upper-rate and --lower-rate must be in [0, 1] (spikes per unit per step)";
    for (const double penalty : {s.upperPenalty, s.lowerPenalty})
        if (!(penalty >= 0.0) || !std::isfinite(penalty))
            return "--upper-penalty and --lower-penalty must be non-negative numbers";
    if (!(s.learningRate > 0.0) || !std::isfinite(s.learningRate))
        return "--lr must be a positive number";
    if (s.learnBeta && s.neuron == LifNeuronKind::Lapicque)
        return "--learn-beta needs a neuron whose decay is beta (leaky, synaptic or rleaky), "
               "not lapicque";
    if ((s.learnBeta || s.learnThreshold) && s.method != LifMethod::Bptt)
        return "--learn-beta and --learn-threshold are learned by --method bptt";
    if (s.method != LifMethod::Bptt) {
        const char* name = lifMethodName(s.method);
        if (s.method == LifMethod::Rtrl && s.sizes.size() != 2)
            return "--method rtrl is exact for one layer of neurons; deeper networks learn "
                   "online by --method eprop";
        if (s.method == LifMethod::Rtrl && s.neuron == LifNeuronKind::RecurrentLeaky)
            return "--method rtrl carries one trace per input, which recurrence would make "
                   "n^3 per step: rleaky learns by bptt or eprop";
        if (s.neuron == LifNeuronKind::Synaptic)
            return std::string("--method ") + name +
                   " carries one trace per input: it takes "
                   "the leaky or lapicque neuron, not synaptic";
        if (s.reset == ResetMechanism::Zero || s.resetAttached)
            return std::string("--method ") + name +
                   " needs a detached subtract or no reset "
                   "(a zero or attached reset makes each trace depend on its unit)";
    }
    // A loss trains what one decoding reads: spike-time losses the first spike, spike
    // losses the counts, membrane losses the membrane (or the spikes it makes).
    const bool temporal = s.loss == SpikeLoss::CeTemporal;
    if (temporal != (s.decoding == SpikeDecoding::Latency))
        return temporal ? "--loss ce-temporal trains first-spike times: it needs --decode latency"
                        : std::string("--decode latency reads first-spike times: it needs --loss "
                                      "ce-temporal, not ") +
                              spikeLossName(s.loss);
    if (!lossReadsMembrane(s.loss) && s.decoding == SpikeDecoding::Membrane)
        return std::string("--loss ") + spikeLossName(s.loss) +
               " trains output spikes: --decode membrane cannot read what it learns (use rate)";
    if (temporal && s.input == InputCoding::Rate)
        return "--loss ce-temporal needs inputs with a timing (--input-coding direct or "
               "latency), not rate";
    return {};
}

} // namespace sdlab
