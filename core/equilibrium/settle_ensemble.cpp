#include "equilibrium/settle_ensemble.h"

#include <algorithm>
#include <cmath>

namespace sdlab {

const std::vector<SettleScheme>& figure82Schemes() {
    static const std::vector<SettleScheme> schemes{
        {"continuous", SettleModel::Continuous, SpikeCoding::Predictive, StepSizeRule::Osa, 0.5},
        {"stochastic/schedule", SettleModel::Spiking, SpikeCoding::Stochastic,
         StepSizeRule::Schedule, 0.5},
        {"sigma-delta/schedule", SettleModel::Spiking, SpikeCoding::SigmaDelta,
         StepSizeRule::Schedule, 0.75},
        {"sigma-delta/osa", SettleModel::Spiking, SpikeCoding::SigmaDelta, StepSizeRule::Osa, 0.5},
        {"predictive/schedule", SettleModel::Spiking, SpikeCoding::Predictive,
         StepSizeRule::Schedule, 0.75},
        {"predictive/osa", SettleModel::Spiking, SpikeCoding::Predictive, StepSizeRule::Osa, 0.5},
    };
    return schemes;
}

SettleEnsembleResult runSettleEnsemble(const SettleRunSettings& base, int networks,
                                       const ProgressCallback& progress) {
    SettleEnsembleResult result;
    const std::vector<SettleScheme>& schemes = figure82Schemes();
    const std::size_t total = schemes.size() * static_cast<std::size_t>(networks),
                      rows = static_cast<std::size_t>(base.steps) + 1;
    std::size_t done = 0;
    for (const SettleScheme& scheme : schemes) {
        // Σ log10 d and Σ (log10 d)² per step, over the networks.
        std::vector<double> sum(rows, 0.0), sumSquares(rows, 0.0);
        for (int n = 0; n < networks; ++n) {
            SettleRunSettings s = base;
            s.model = scheme.model;
            s.spiking.coding = scheme.coding;
            s.spiking.stepSize = scheme.stepSize;
            s.spiking.schedule.eta = scheme.eta;
            s.seed = base.seed + static_cast<std::uint64_t>(n);
            s.spiking.seed = s.seed;
            const SettleRunResult run = runSettle(s);
            for (std::size_t t = 0; t < rows && t < run.rows.size(); ++t) {
                // A distance of exactly 0 (a continuous network at its fixed point) is
                // floored so that its logarithm stays finite.
                const double d = std::log10(std::max(run.rows[t].distanceToFixedPoint, 1e-12));
                sum[t] += d;
                sumSquares[t] += d * d;
            }
            if (progress && !progress(++done, total)) {
                result.curves.clear();
                result.cancelled = true;
                return result;
            }
        }
        SettleEnsembleCurve curve{scheme.name, {}, {}};
        for (std::size_t t = 0; t < rows; ++t) {
            const double mean = sum[t] / networks;
            // The population s.d. (Fig. 8.2's band over its 20 runs); 0 for one network.
            const double variance = std::max(0.0, sumSquares[t] / networks - mean * mean);
            curve.log10Mean.push_back(mean);
            curve.log10Sd.push_back(std::sqrt(variance));
        }
        result.curves.push_back(std::move(curve));
    }
    return result;
}

} // namespace sdlab
