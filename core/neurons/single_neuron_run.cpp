#include "neurons/single_neuron_run.h"

#include "io/input_error.h"
#include "neurons/lapicque_neuron.h"
#include "neurons/leaky_neuron.h"
#include "neurons/recurrent_leaky_neuron.h"
#include "neurons/synaptic_neuron.h"
#include "util/name_table.h"

#include <array>
#include <cmath>
#include <random>

namespace sdlab {

namespace {

constexpr std::array<std::pair<const char*, SingleNeuronKind>, 4> kKinds{
    {{"leaky", SingleNeuronKind::Leaky},
     {"lapicque", SingleNeuronKind::Lapicque},
     {"synaptic", SingleNeuronKind::Synaptic},
     {"rleaky", SingleNeuronKind::RecurrentLeaky}}};
constexpr std::array<std::pair<const char*, CurrentShape>, 4> kShapes{
    {{"step", CurrentShape::Step},
     {"ramp", CurrentShape::Ramp},
     {"noise", CurrentShape::Noise},
     {"pulses", CurrentShape::Pulses}}};

LapicqueParams lapicqueParams(const SingleNeuronSettings& s) {
    if (!s.resistance)
        return LapicqueParams::fromBeta(s.beta, s.dt, s.neuron);
    return {*s.resistance, *s.capacitance, s.dt, s.neuron};
}

// Steps any of the neuron classes over the trace (units 1, batch 1).
template <class Neurons>
void stepAll(Neurons& neurons, const std::vector<double>& current, SingleNeuronTrace& trace) {
    Eigen::ArrayXXd in(1, 1);
    for (double value : current) {
        in(0, 0) = value;
        const double spike = neurons.step(in)(0, 0);
        trace.membrane.push_back(neurons.membrane()(0, 0));
        trace.spikes.push_back(spike);
        if constexpr (requires { neurons.lastReset(); })
            trace.resets.push_back(neurons.lastReset()(0, 0));
        if constexpr (requires { neurons.synapticCurrent(); })
            trace.synaptic.push_back(neurons.synapticCurrent()(0, 0));
    }
}

} // namespace

std::optional<SingleNeuronKind> parseSingleNeuronKind(std::string_view name) {
    return lookupName(kKinds, name);
}
const char* singleNeuronKindName(SingleNeuronKind kind) {
    return nameIn(kKinds, kind);
}
std::optional<CurrentShape> parseCurrentShape(std::string_view name) {
    return lookupName(kShapes, name);
}

std::string validationError(const SingleNeuronSettings& s) {
    if (s.resistance.has_value() != s.capacitance.has_value())
        return "--resistance and --capacitance go together (or neither: C from beta)";
    switch (s.kind) {
    case SingleNeuronKind::Lapicque:
        return validationError(lapicqueParams(s));
    case SingleNeuronKind::Synaptic:
        return validationError(SynapticParams{s.alpha, s.beta, s.neuron});
    case SingleNeuronKind::Leaky:
    case SingleNeuronKind::RecurrentLeaky:
        break;
    }
    if (!std::isfinite(s.recurrentWeight))
        return "--recurrent-weight must be a number";
    return validationError(LeakyParams{s.beta, s.neuron});
}

SingleNeuronTrace runSingleNeuron(const SingleNeuronSettings& s,
                                  const std::vector<double>& current) {
    if (const std::string error = validationError(s); !error.empty())
        throw InputError(error);
    SingleNeuronTrace trace;
    switch (s.kind) {
    case SingleNeuronKind::Leaky: {
        LeakyNeurons neurons(1, 1, {s.beta, s.neuron});
        stepAll(neurons, current, trace);
        break;
    }
    case SingleNeuronKind::Lapicque: {
        LapicqueNeurons neurons(1, 1, lapicqueParams(s));
        stepAll(neurons, current, trace);
        break;
    }
    case SingleNeuronKind::Synaptic: {
        SynapticNeurons neurons(1, 1, {s.alpha, s.beta, s.neuron});
        stepAll(neurons, current, trace);
        break;
    }
    case SingleNeuronKind::RecurrentLeaky: {
        RecurrentLeakyNeurons neurons(1, {s.beta, s.neuron},
                                      Eigen::ArrayXd::Constant(1, s.recurrentWeight));
        Eigen::ArrayXXd in(1, 1);
        for (double value : current) {
            in(0, 0) = value;
            trace.spikes.push_back(neurons.step(in)(0, 0));
            trace.membrane.push_back(neurons.membrane()(0, 0));
            trace.resets.push_back(neurons.neurons().lastReset()(0, 0));
        }
        break;
    }
    }
    for (std::size_t t = 0; t < trace.spikes.size(); ++t)
        if (trace.spikes[t] > 0.0) {
            ++trace.spikeCount;
            if (!trace.firstSpike)
                trace.firstSpike = static_cast<long>(t + 1);
        }
    return trace;
}

std::vector<double> makeCurrent(CurrentShape shape, double amplitude, std::size_t steps, int period,
                                std::uint64_t seed) {
    std::vector<double> current(steps, 0.0);
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    for (std::size_t t = 0; t < steps; ++t) {
        switch (shape) {
        case CurrentShape::Step:
            current[t] = t >= steps / 10 ? amplitude : 0.0;
            break;
        case CurrentShape::Ramp:
            current[t] = steps > 1
                             ? amplitude * static_cast<double>(t) / static_cast<double>(steps - 1)
                             : amplitude;
            break;
        case CurrentShape::Noise:
            current[t] = amplitude * uniform(rng);
            break;
        case CurrentShape::Pulses:
            current[t] =
                period > 0 && (t + 1) % static_cast<std::size_t>(period) == 0 ? amplitude : 0.0;
            break;
        }
    }
    return current;
}

std::vector<double> firingRates(const SingleNeuronSettings& settings,
                                const std::vector<double>& currents, std::size_t steps) {
    std::vector<double> rates;
    rates.reserve(currents.size());
    for (double value : currents) {
        const SingleNeuronTrace trace =
            runSingleNeuron(settings, std::vector<double>(steps, value));
        rates.push_back(static_cast<double>(trace.spikeCount) / static_cast<double>(steps));
    }
    return rates;
}

} // namespace sdlab
