#include "scales/random_network_scales.h"

#include "models/dense_layer.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace sdlab {

std::string RandomNetworkScalesSettings::validationError() const {
    if (sizes.size() < 2 || sizes.size() > 6)
        return "--sizes: give the input and 1 to 5 layers";
    for (int n : sizes)
        if (n < 1 || n > 2000)
            return "--sizes: every size must be 1-2000";
    if (lambdas.empty())
        return "--lambda: give at least one value";
    for (double lambda : lambdas)
        if (!(lambda >= 0.0) || !std::isfinite(lambda))
            return "--lambda: every value must be a finite number >= 0";
    if (steps < 1 || randomScalings < 0 || trainingInputs < 1 || evaluationInputs < 1)
        return "--steps, --random: out of range";
    return {};
}

namespace {

// Fig. 4.2's rescaling: ½ on the first layer, 8 then ¼ on the second, 1 on any further.
std::vector<DenseLayer> rescaledGlorotNetwork(const std::vector<int>& sizes, std::mt19937_64& rng) {
    std::vector<DenseLayer> layers;
    for (std::size_t l = 0; l + 1 < sizes.size(); ++l)
        layers.push_back(DenseLayer::xavier(sizes[l], sizes[l + 1], rng));
    layers[0].weights *= 0.5;
    if (layers.size() > 1)
        layers[1].weights *= 8.0 * 0.25;
    return layers;
}

} // namespace

int countDominating(const std::vector<ScalePoint>& random,
                    const std::vector<std::vector<ScalePoint>>& paths) {
    const auto beatsAnEnd = [&](const ScalePoint& point) {
        return std::any_of(paths.begin(), paths.end(), [&](const std::vector<ScalePoint>& path) {
            return !path.empty() && point.cost.error < path.back().cost.error &&
                   point.cost.comp < path.back().cost.comp;
        });
    };
    return static_cast<int>(std::count_if(random.begin(), random.end(), beatsAnEnd));
}

RandomNetworkScalesResult runRandomNetworkScales(const RandomNetworkScalesSettings& settings,
                                                 const ProgressCallback& progress) {
    RandomNetworkScalesResult result;
    result.lambdas = settings.lambdas;
    std::mt19937_64 rng(settings.seed);
    const std::vector<DenseLayer> layers = rescaledGlorotNetwork(settings.sizes, rng);
    std::normal_distribution<double> normal(0.0, 1.0);
    std::vector<Eigen::VectorXd> training(static_cast<std::size_t>(settings.trainingInputs)),
        evaluation(static_cast<std::size_t>(settings.evaluationInputs));
    for (auto* set : {&training, &evaluation})
        for (Eigen::VectorXd& x : *set)
            x = Eigen::VectorXd::NullaryExpr(settings.sizes[0], [&] { return normal(rng); });

    const std::size_t total = settings.lambdas.size() * static_cast<std::size_t>(settings.steps) +
                              static_cast<std::size_t>(settings.randomScalings);
    std::size_t done = 0;
    for (double lambda : settings.lambdas) {
        ScaledRoundingNet net(layers, false);
        ScaleOptimizerSettings s;
        s.lambda = lambda;
        s.steps = settings.steps;
        s.batch = 100;
        s.seed = settings.seed;
        const ProgressCallback step = [&](std::size_t d, std::size_t) {
            return !progress || progress(done + d, total);
        };
        std::vector<ScalePoint> path =
            optimizeScales(net, training, evaluation, s, std::max(1, settings.steps / 40), step);
        if (path.empty()) {
            result.cancelled = true;
            return result;
        }
        done += static_cast<std::size_t>(settings.steps);
        result.trajectories.push_back(std::move(path));
    }
    std::uniform_real_distribution<double> logScale(std::log(0.1), std::log(100.0));
    for (int trial = 0; trial < settings.randomScalings; ++trial) {
        ScaledRoundingNet net(layers, false);
        ScalePoint point;
        for (Eigen::VectorXd& k : net.logScales()) {
            k(0) = logScale(rng);
            point.scales.push_back(std::exp(k(0)));
        }
        point.cost = net.evaluate(evaluation);
        result.random.push_back(std::move(point));
        if (progress && !progress(++done, total)) {
            result.cancelled = true;
            return result;
        }
    }
    result.dominating = countDominating(result.random, result.trajectories);
    return result;
}

} // namespace sdlab
