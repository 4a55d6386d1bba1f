#pragma once

#include "snn/lif_settings.h"

#include <Eigen/Core>
#include <vector>

namespace sdlab {

// The output layer's record over a minibatch: n × (T·B), step t's samples in columns
// [t·B, (t+1)·B) (lif_layer.h).
struct OutputRecord {
    const Eigen::MatrixXd& spikes;
    const Eigen::MatrixXd& membrane;
    int steps = 0;
    int batch = 0;
};

// A loss of snnTorch.functional on the output record: each sample's loss, and the
// gradient of their mean over the batch (snnTorch's reduction) with respect to the
// output spikes and membranes (spec §10; formulas in lif_settings.h). ce-temporal
// passes its gradient to the first-spike step as snnTorch's sign estimator does.
struct LossGradient {
    std::vector<double> losses;
    Eigen::MatrixXd dSpikes;   // empty when the loss reads only membranes
    Eigen::MatrixXd dMembrane; // empty when the loss reads only spikes
};
// `meanOver` is the size of the whole minibatch when the record holds a part of it.
void computeSpikeLoss(const LifNetworkSettings& settings, const OutputRecord& output,
                      const std::vector<int>& labels, double meanOver, LossGradient& result);

// The class sample j of the record decodes to (snnTorch paper §III-B).
int decodeSample(SpikeDecoding decoding, const OutputRecord& output, int sample);

// First-spike step of output unit c for sample j: 0-based, T − 1 when it never fires
// (snnTorch's SpikeTime convention).
int firstSpikeStep(const OutputRecord& output, Eigen::Index unit, int sample);

} // namespace sdlab
