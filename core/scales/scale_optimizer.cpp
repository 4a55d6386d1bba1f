#include "scales/scale_optimizer.h"

#include <cmath>
#include <random>

namespace sdlab {

std::vector<ScalePoint> optimizeScales(ScaledRoundingNet& net,
                                       const std::vector<Eigen::VectorXd>& training,
                                       const std::vector<Eigen::VectorXd>& evaluation,
                                       const ScaleOptimizerSettings& settings, int every,
                                       const ProgressCallback& progress) {
    std::vector<Eigen::VectorXd>& kappa = net.logScales();
    const auto point = [&](int step) {
        ScalePoint p;
        p.step = step;
        for (const Eigen::VectorXd& k : kappa)
            for (double entry : k)
                p.scales.push_back(std::exp(entry));
        p.cost = net.evaluate(evaluation);
        return p;
    };
    std::vector<ScalePoint> trajectory;
    trajectory.push_back(point(0));
    if (training.empty())
        return trajectory;
    std::mt19937_64 rng(settings.seed);
    std::uniform_int_distribution<std::size_t> pick(0, training.size() - 1);
    std::vector<Eigen::VectorXd> batch(static_cast<std::size_t>(std::max(1, settings.batch)));
    std::vector<Eigen::VectorXd> gradient;
    std::vector<Eigen::ArrayXd> m, v; // Adam's moments, shaped as κ
    for (const Eigen::VectorXd& k : kappa)
        m.push_back(Eigen::ArrayXd::Zero(k.size()));
    v = m;
    constexpr double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
    for (int step = 1; step <= settings.steps; ++step) {
        for (Eigen::VectorXd& x : batch)
            x = training[pick(rng)];
        net.gradient(batch, settings.lambda, gradient);
        // η/(1 + t/100): the rounded objective is piecewise flat and the straight-through
        // gradient noisy, so a constant step hovers a few per cent off the front.
        const double rate = settings.learningRate / (1.0 + step / 100.0);
        const double correct1 = 1.0 - std::pow(beta1, step), correct2 = 1.0 - std::pow(beta2, step);
        for (std::size_t l = 0; l < kappa.size(); ++l) { // Adam (Kingma & Ba, Alg. 1)
            const Eigen::ArrayXd g = gradient[l].array();
            m[l] = beta1 * m[l] + (1.0 - beta1) * g;
            v[l] = beta2 * v[l] + (1.0 - beta2) * g * g;
            kappa[l].array() -= rate * (m[l] / correct1) / ((v[l] / correct2).sqrt() + epsilon);
        }
        if (step % std::max(1, every) == 0 || step == settings.steps)
            trajectory.push_back(point(step));
        if (progress &&
            !progress(static_cast<std::size_t>(step), static_cast<std::size_t>(settings.steps)))
            return {};
    }
    return trajectory;
}

} // namespace sdlab
