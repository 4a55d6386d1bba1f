#include "training/early_guess_run.h"

namespace sdlab {

std::vector<EarlyGuessRow> measureEarlyGuesses(Classifier& model, const LabelledImages& test,
                                               const std::vector<std::uint32_t>& order,
                                               const ProgressCallback& progress) {
    const std::size_t n = test.size();
    constexpr std::size_t chunk = 256;
    std::vector<std::size_t> wrong;
    std::vector<OpCounter> cost;
    Eigen::MatrixXd inputs;
    EarlyGuesses guesses;
    model.beginEvaluation();
    for (std::size_t begin = 0; begin < n; begin += chunk) {
        const std::size_t size = std::min(chunk, n - begin);
        test.featureColumns(order, begin, size, inputs);
        if (!model.guessEachStep(inputs, guesses)) {
            model.endEvaluation();
            return {};
        }
        wrong.resize(guesses.classes.size(), 0);
        cost.resize(guesses.cumulative.size());
        for (std::size_t t = 0; t < guesses.classes.size(); ++t) {
            for (std::size_t k = 0; k < size; ++k) {
                const std::size_t index = order.empty() ? begin + k : order[begin + k];
                wrong[t] += guesses.classes[t][k] != test.labels[index];
            }
            cost[t] += guesses.cumulative[t];
        }
        if (progress && !progress(begin + size, n)) {
            model.endEvaluation();
            return {};
        }
    }
    model.endEvaluation();
    std::vector<EarlyGuessRow> rows;
    const double samples = static_cast<double>(std::max<std::size_t>(n, 1));
    for (std::size_t t = 0; t < wrong.size(); ++t)
        rows.push_back({static_cast<int>(t + 1), static_cast<double>(wrong[t]) / samples,
                        static_cast<double>(cost[t].adds) / samples,
                        static_cast<double>(cost[t].multiplies) / samples});
    return rows;
}

} // namespace sdlab
