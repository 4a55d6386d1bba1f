#include "snn/activity_regulariser.h"

#include <algorithm>

namespace sdlab {

bool regulariseActivity(const LifNetworkSettings& s, const std::vector<LifLayer>& layers,
                        double meanOver, std::vector<double>& losses,
                        std::vector<Eigen::MatrixXd>& dSpikes) {
    const bool upper = s.upperPenalty > 0.0, lower = s.lowerPenalty > 0.0;
    if (!(s.ratePenalty > 0.0 || upper || lower))
        return false;
    dSpikes.resize(layers.size());
    for (std::size_t l = 0; l < layers.size(); ++l) {
        const LifLayer& layer = layers[l];
        const int steps = layer.steps();
        const Eigen::Index batch = layer.batch(), units = layer.spikes().rows();
        Eigen::MatrixXd counts = Eigen::MatrixXd::Zero(units, batch); // c_i per sample
        for (int t = 0; t < steps; ++t)
            counts += layer.spikes().middleCols(Eigen::Index{t} * batch, batch);
        Eigen::MatrixXd& d = dSpikes[l];
        d.setConstant(units, batch, s.ratePenalty / meanOver); // eq. 40
        const double upperBound = s.upperRate * static_cast<double>(units) * steps;
        const double lowerBound = s.lowerRate * steps;
        for (Eigen::Index j = 0; j < batch; ++j) {
            double& loss = losses[static_cast<std::size_t>(j)];
            const double total = counts.col(j).sum();
            loss += s.ratePenalty * total;
            if (upper) { // eq. 41: every spike of the layer shares the excess's gradient
                const double excess = std::max(0.0, total - upperBound);
                loss += s.upperPenalty * excess * excess;
                d.col(j).array() += 2.0 * s.upperPenalty * excess / meanOver;
            }
            if (lower) { // eq. 42: each unit below θ_L is pushed up alone
                const double scale = s.lowerPenalty / static_cast<double>(units);
                for (Eigen::Index i = 0; i < units; ++i) {
                    const double shortfall = std::max(0.0, lowerBound - counts(i, j));
                    loss += scale * shortfall * shortfall;
                    d(i, j) -= 2.0 * scale * shortfall / meanOver;
                }
            }
        }
    }
    return true;
}

void addAtEveryStep(Eigen::MatrixXd& d, const Eigen::MatrixXd& perSample, int steps) {
    const Eigen::Index batch = perSample.cols();
    for (int t = 0; t < steps; ++t)
        d.middleCols(Eigen::Index{t} * batch, batch) += perSample;
}

} // namespace sdlab
