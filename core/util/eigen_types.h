#pragma once

#include <Eigen/Core>

namespace sdlab {

// Weight matrices are d_in × d_out and row-major, so the outgoing weights of one input
// neuron (what one spike touches, DSN eq. 4) are contiguous in memory.
using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

} // namespace sdlab
