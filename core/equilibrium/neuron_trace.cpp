#include "equilibrium/neuron_trace.h"

#include "equilibrium/spiking_settler.h"

#include <algorithm>
#include <numeric>

namespace sdlab {

NeuronTrace traceOneNeuron(const SettleRunSettings& settings, int unit) {
    NeuronTrace trace;
    if (settings.model != SettleModel::Spiking || settings.sizes.size() < 3 ||
        unit >= settings.sizes.back())
        return trace;
    const EnergyNetwork network(settings.sizes, settings.seed); // runSettle's network
    const int top = network.stateLayerCount() - 1;              // state layer of the outputs
    const auto below = static_cast<std::size_t>(top - 1);       // the layer below, in EqState
    // Everything of the outputs and the layer below, step by step; the unit and its
    // inputs are picked once the fixed point is known.
    std::vector<Eigen::VectorXd> belowStates, outputs, continuous, inputs, steps;
    std::vector<double> lambdas;
    const bool predictive = settings.spiking.coding == SpikeCoding::Predictive;
    std::vector<std::vector<int>> belowSpikes;
    EqState fixedPoint;
    runSettle(settings, [&](const SettleFrame& f) {
        if (f.row.t == 0)
            fixedPoint = f.fixedPoint;
        belowStates.push_back(f.state[below]);
        // lastSpikes() is indexed with the input as layer 0.
        belowSpikes.push_back(f.row.t > 0 && f.spikes ? (*f.spikes)[below + 1]
                                                      : std::vector<int>{});
        outputs.push_back(f.state.back());
        continuous.push_back(f.continuousState.back());
        Eigen::VectorXd v(f.state.back().size()), epsilon(f.state.back().size());
        for (Eigen::Index j = 0; j < v.size(); ++j) {
            const int k = static_cast<int>(j);
            v[j] = f.settler ? f.settler->decodedInput(top, k) : 0.0;
            epsilon[j] = f.settler && f.row.t > 0 ? f.settler->stepSize(top, k) : 0.0;
        }
        inputs.push_back(v);
        steps.push_back(epsilon);
        // The encoders' λ at this step (annealed, §8.4.6, or fixed); the other coders
        // decode with λ = 1 (v = Σwq).
        lambdas.push_back(!predictive ? 1.0
                          : f.settler ? settings.spiking.lambdaAt(f.settler->phaseStep())
                                      : settings.spiking.predictiveLambda);
    });
    if (unit < 0) { // the output whose fixed point lies deepest inside (0, 1)
        const Eigen::VectorXd& s = fixedPoint.back();
        unit = 0;
        for (Eigen::Index j = 1; j < s.size(); ++j)
            if (std::abs(s[j] - 0.5) < std::abs(s[unit] - 0.5))
                unit = static_cast<int>(j);
    }
    trace.unit = unit;
    const Eigen::VectorXd into = network.weights(top).col(unit);
    std::vector<int> order(static_cast<std::size_t>(into.size()));
    std::iota(order.begin(), order.end(), 0);
    const std::size_t shown = std::min<std::size_t>(3, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(shown),
                      order.end(),
                      [&](int a, int b) { return std::abs(into[a]) > std::abs(into[b]); });
    trace.presynaptic.assign(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(shown));
    trace.presynapticState.resize(shown);
    trace.presynapticSpikes.resize(shown);
    for (std::size_t t = 0; t < outputs.size(); ++t) {
        for (std::size_t k = 0; k < shown; ++k) {
            const int i = trace.presynaptic[k];
            trace.presynapticState[k].push_back(belowStates[t][i]);
            if (std::find(belowSpikes[t].begin(), belowSpikes[t].end(), i) != belowSpikes[t].end())
                trace.presynapticSpikes[k].push_back(static_cast<int>(t));
        }
        trace.weightedInput.push_back(inputs[t][unit]);
        trace.stepSize.push_back(steps[t][unit]);
        trace.lambda.push_back(lambdas[t]);
        trace.binary.push_back(outputs[t][unit]);
        trace.continuous.push_back(continuous[t][unit]);
    }
    return trace;
}

} // namespace sdlab
