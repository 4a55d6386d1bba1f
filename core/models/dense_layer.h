#pragma once

#include "util/eigen_types.h"

#include <Eigen/Core>
#include <random>
#include <vector>

namespace sdlab {

// The parameters every model's fully connected layer shares: weights d_in × d_out
// (row-major: one input's outgoing weights are contiguous, which is what a spike
// touches) and a bias per output. Pre-activation z = Wᵀx + b.
struct DenseLayer {
    RowMatrix weights;
    Eigen::VectorXd bias;

    Eigen::Index inputs() const { return weights.rows(); }
    Eigen::Index outputs() const { return weights.cols(); }

    // Glorot/Xavier uniform, U(±√(6/(d_in + d_out))), zero bias (ICLR'18 reference code).
    static DenseLayer xavier(Eigen::Index dIn, Eigen::Index dOut, std::mt19937_64& rng);
    // N(0, σ²) weights, zero bias (DSN §4: σ = 0.01).
    static DenseLayer normal(Eigen::Index dIn, Eigen::Index dOut, double sigma,
                             std::mt19937_64& rng);
};

class LearnedParameterVisitor;
// A layer's weights and bias as "layerN.weights" and "layerN.bias" (N = index + 1).
void visitDenseLayer(std::size_t index, DenseLayer& layer, LearnedParameterVisitor& visitor);
void visitDenseLayers(std::vector<DenseLayer>& layers, LearnedParameterVisitor& visitor);

// Softmax of z into p (numerically stable) and the negative log-likelihood of `label`.
double softmaxNll(const Eigen::VectorXd& z, int label, Eigen::VectorXd& p);

// Index of the largest entry (the first on ties).
int argmax(const Eigen::VectorXd& v);

} // namespace sdlab
