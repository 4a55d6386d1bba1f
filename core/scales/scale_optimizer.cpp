#include "scales/scale_optimizer.h"

#include <cmath>
#include <random>

namespace sdlab {

std::vector<ScalePoint> optimizeScales(ScaledRoundingNet& net,
                                       const std::vector<Eigen::VectorXd>& training,
                                       const std::vector<Eigen::VectorXd>& evaluation,
                                       const ScaleOptimizerSettings& settings, int every,
                                       const ProgressCallback& progress) {
    std::vector<double>& kappa = net.logScales();
    const auto point = [&] {
        ScalePoint p;
        for (double k : kappa)
            p.scales.push_back(std::exp(k));
        p.cost = net.evaluate(evaluation);
        return p;
    };
    std::vector<ScalePoint> trajectory;
    trajectory.push_back(point());
    if (training.empty())
        return trajectory;
    std::mt19937_64 rng(settings.seed);
    std::uniform_int_distribution<std::size_t> pick(0, training.size() - 1);
    std::vector<Eigen::VectorXd> batch(static_cast<std::size_t>(std::max(1, settings.batch)));
    std::vector<double> gradient;
    Eigen::ArrayXd m = Eigen::ArrayXd::Zero(static_cast<Eigen::Index>(kappa.size()));
    Eigen::ArrayXd v = m;
    constexpr double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
    for (int step = 1; step <= settings.steps; ++step) {
        for (Eigen::VectorXd& x : batch)
            x = training[pick(rng)];
        net.gradient(batch, settings.lambda, gradient);
        // η/(1 + t/100): the rounded objective is piecewise flat and the straight-through
        // gradient noisy, so a constant step hovers a few per cent off the front.
        const double rate = settings.learningRate / (1.0 + step / 100.0);
        for (std::size_t l = 0; l < kappa.size(); ++l) { // Adam (Kingma & Ba, Alg. 1)
            const auto i = static_cast<Eigen::Index>(l);
            m(i) = beta1 * m(i) + (1.0 - beta1) * gradient[l];
            v(i) = beta2 * v(i) + (1.0 - beta2) * gradient[l] * gradient[l];
            const double mHat = m(i) / (1.0 - std::pow(beta1, step));
            const double vHat = v(i) / (1.0 - std::pow(beta2, step));
            kappa[l] -= rate * mHat / (std::sqrt(vHat) + epsilon);
        }
        if (step % std::max(1, every) == 0 || step == settings.steps)
            trajectory.push_back(point());
        if (progress &&
            !progress(static_cast<std::size_t>(step), static_cast<std::size_t>(settings.steps)))
            return {};
    }
    return trajectory;
}

} // namespace sdlab
