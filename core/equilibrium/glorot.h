#pragma once

#include <Eigen/Core>
#include <cmath>
#include <random>

namespace sdlab {

// Glorot-uniform weights U(±√(6/(rows + cols))), as Scellier & Bengio's reference code,
// drawn column by column from `rng`.
inline Eigen::MatrixXd glorotUniform(int rows, int cols, std::mt19937_64& rng) {
    const double limit = std::sqrt(6.0 / static_cast<double>(rows + cols));
    std::uniform_real_distribution<double> uniform(-limit, limit);
    Eigen::MatrixXd w(rows, cols);
    for (Eigen::Index j = 0; j < w.cols(); ++j)
        for (Eigen::Index i = 0; i < w.rows(); ++i)
            w(i, j) = uniform(rng);
    return w;
}

} // namespace sdlab
