#pragma once

#include "equilibrium/settle_run.h"

#include <vector>

namespace sdlab {

// Thesis Fig. 8.1: one unit of a spiking settling seen up close. The unit followed is
// output unit `unit` (−1: the one whose fixed point lies deepest inside (0, 1), so that
// it neither rests at 0 nor saturates at 1); its inputs are the three units of the
// layer below with the largest |w| to it. Per step t = 0 .. steps: those three states and the steps
// they spiked, the unit's decoded weighted input v (eq. 8.9 / 8.13), its step size ε and the
// predictive coder's λ, and its state under the binary dynamics beside the continuous network's
// (eq. 8.3) on the same network and input.
struct NeuronTrace {
    int unit = 0;
    std::vector<int> presynaptic;                      // unit indices in the layer below
    std::vector<std::vector<double>> presynapticState; // [k][t]
    std::vector<std::vector<int>> presynapticSpikes;   // [k]: the steps it spiked
    std::vector<double> weightedInput, stepSize, lambda, binary, continuous; // [t]
};

// Needs the spiking model and a hidden layer (sizes of 3 or more); otherwise empty.
NeuronTrace traceOneNeuron(const SettleRunSettings& settings, int unit = -1);

} // namespace sdlab
