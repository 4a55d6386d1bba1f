#include "experiments/mlp_convergence_run.h"

#include "io/input_error.h"
#include "models/spiking_mlp.h"

#include <cmath>
#include <limits>
#include <random>

namespace sdlab {

namespace {

// T = 1, 2, 3, 4, 5, 6, 8, 10, 13, …: round(10^(k/10)), each once, and the maximum last.
std::vector<int> readoutSteps(int maxSteps) {
    std::vector<int> steps;
    for (int k = 0;; ++k) {
        const auto t = static_cast<int>(std::lround(std::pow(10.0, k / 10.0)));
        if (t >= maxSteps)
            break;
        if (steps.empty() || t != steps.back())
            steps.push_back(t);
    }
    steps.push_back(maxSteps);
    return steps;
}

} // namespace

MlpConvergenceRun runMlpConvergence(const std::vector<int>& sizes, double sigma, int maxSteps,
                                    std::uint64_t seed, const ProgressCallback& progress) {
    SpikingMlpSettings settings;
    settings.sizes = sizes;
    settings.initSigma = sigma; // weights ~ N(0, σ²), biases 0: the spiking MLP has none
    settings.seed = seed;
    SpikingMlp spiking(settings);
    std::mt19937_64 rng(seed + 7); // the input's own stream, apart from the weights'
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    Eigen::VectorXd x(sizes.front());
    for (Eigen::Index i = 0; i < x.size(); ++i)
        x(i) = unit(rng);

    // The ReLU network of the same weights: the activations the rates tend to.
    std::vector<Eigen::VectorXd> reference{x};
    const std::vector<DenseLayer>& layers = spiking.layers();
    for (std::size_t l = 0; l < layers.size(); ++l) {
        Eigen::VectorXd z = layers[l].weights.transpose() * reference.back();
        reference.push_back(l + 1 < layers.size() ? Eigen::VectorXd(z.cwiseMax(0.0)) : z);
    }

    MlpConvergenceRun run;
    run.steps = readoutSteps(maxSteps);
    const std::vector<std::vector<Eigen::VectorXd>> rates =
        spiking.forwardRates(x, run.steps, progress);
    if (rates.empty())
        return {};
    run.meanAbsError.assign(reference.size(), {});
    run.relativeError.assign(reference.size(), {});
    for (const std::vector<Eigen::VectorXd>& atT : rates)
        for (std::size_t l = 0; l < reference.size(); ++l) {
            const double error = (atT[l] - reference[l]).cwiseAbs().sum();
            const double size = reference[l].cwiseAbs().sum();
            run.meanAbsError[l].push_back(error / static_cast<double>(reference[l].size()));
            run.relativeError[l].push_back(size > 0.0 ? error / size
                                                      : std::numeric_limits<double>::quiet_NaN());
        }
    return run;
}

MlpConvergenceRun mlpConvergenceOf(const CsvTable& table) {
    const std::vector<double>& meanAbs = table.column("mean_abs_error");
    const std::vector<double>& relative = table.column("relative_error");
    MlpConvergenceRun run;
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        const std::size_t l = wholeNumberCell(table, "layer", r, 64);
        if (l == run.meanAbsError.size()) { // the next layer starts
            run.meanAbsError.emplace_back();
            run.relativeError.emplace_back();
        } else if (l + 1 != run.meanAbsError.size()) {
            throw InputError(table.sourceName() + ": row " + std::to_string(r + 2) + ": layer " +
                             std::to_string(l) + " out of order (layers 0, 1, ... in turn)");
        }
        const std::size_t k = run.meanAbsError[l].size();
        const auto t = static_cast<int>(wholeNumberCell(table, "T", r, 1e9));
        if (l == 0) {
            if (t < 1 || (!run.steps.empty() && t <= run.steps.back()))
                throw InputError(table.sourceName() + ": row " + std::to_string(r + 2) +
                                 ": T must rise from 1");
            run.steps.push_back(t);
        } else if (k >= run.steps.size() || run.steps[k] != t) {
            throw InputError(table.sourceName() + ": row " + std::to_string(r + 2) + ": layer " +
                             std::to_string(l) + " has other steps T than layer 0");
        }
        run.meanAbsError[l].push_back(meanAbs[r]);
        run.relativeError[l].push_back(relative[r]);
    }
    for (const std::vector<double>& errors : run.meanAbsError)
        if (errors.size() != run.steps.size())
            throw InputError(table.sourceName() + ": a layer has fewer steps T than layer 0");
    return run;
}

MlpConvergenceRun readMlpConvergenceFile(const std::string& path) {
    return mlpConvergenceOf(CsvTable::read(path, {"relative_error"}));
}

} // namespace sdlab
