#pragma once

#include "cost/op_counter.h"
#include "util/eigen_types.h"

#include <Eigen/Core>

namespace sdlab {

// The incremental sparse dot product of DSN eq. 4: z += Σ_i s_i·W_{i,·}, visiting only
// the inputs that spiked. Spikes are integral-valued; a spike of size |s| counts as |s|
// additions of its weight row (so N = Σ|s| and the cost is N·d_out additions, thesis
// ch. 4), though it is computed as one scaled row add. W is d_in × d_out, row-major.
void accumulateSpikes(const RowMatrix& weights, const Eigen::VectorXd& spikes,
                      Eigen::RowVectorXd& z, OpCounter* ops = nullptr);

// The dense reference: z += sᵀ·W, d_in·d_out multiply-adds.
void accumulateDense(const RowMatrix& weights, const Eigen::VectorXd& input, Eigen::RowVectorXd& z,
                     OpCounter* ops = nullptr);

} // namespace sdlab
