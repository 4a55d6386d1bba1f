#include "experiments/rectified_rate_run.h"

#include "coding/spiking_stream_quantizer.h"

#include <algorithm>
#include <random>

namespace sdlab {

RectifiedRateRun runRectifiedRate(double uMin, double uMax, long points, long steps, double noise,
                                  std::uint64_t seed) {
    RectifiedRateRun run;
    const Eigen::Index n = points;
    const Eigen::ArrayXd u = Eigen::ArrayXd::LinSpaced(n, uMin, uMax);
    RectifiedStreamQuantizer quantizer(n);
    std::mt19937_64 engine(seed);
    std::normal_distribution<double> normal(0.0, 1.0);
    Eigen::ArrayXd v(n);
    Eigen::ArrayXd counts = Eigen::ArrayXd::Zero(n);
    std::vector<SignedSpike> spikes;
    for (long t = 0; t < steps; ++t) {
        for (Eigen::Index k = 0; k < n; ++k)
            v(k) = u(k) + (noise > 0.0 ? noise * normal(engine) : 0.0);
        spikes.clear();
        quantizer.step(v, spikes);
        for (const SignedSpike& spike : spikes)
            counts(spike.index) += 1.0;
    }
    for (Eigen::Index k = 0; k < n; ++k) {
        run.input.push_back(u(k));
        run.rate.push_back(counts(k) / static_cast<double>(steps));
        run.relu.push_back(std::max(0.0, u(k)));
    }
    return run;
}

} // namespace sdlab
