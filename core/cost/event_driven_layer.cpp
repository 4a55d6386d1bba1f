#include "cost/event_driven_layer.h"

#include <cmath>

namespace sdlab {

void accumulateSpikes(const RowMatrix& weights, const Eigen::VectorXd& spikes,
                      Eigen::RowVectorXd& z, OpCounter* ops) {
    double count = 0.0;
    for (Eigen::Index i = 0; i < spikes.size(); ++i) {
        const double s = spikes(i);
        if (s == 0.0)
            continue;
        z += s * weights.row(i);
        count += std::abs(s);
    }
    if (ops)
        ops->countAdds(static_cast<std::uint64_t>(count) *
                       static_cast<std::uint64_t>(weights.cols()));
}

void accumulateDense(const RowMatrix& weights, const Eigen::VectorXd& input, Eigen::RowVectorXd& z,
                     OpCounter* ops) {
    z.noalias() += input.transpose() * weights;
    if (ops)
        ops->countMultiplyAdds(static_cast<std::uint64_t>(weights.rows()) *
                               static_cast<std::uint64_t>(weights.cols()));
}

} // namespace sdlab
