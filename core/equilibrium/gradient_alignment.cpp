#include "equilibrium/gradient_alignment.h"

#include "equilibrium/feedforward_initializer.h"

#include <algorithm>
#include <random>

namespace sdlab {

std::string GradientAlignmentSettings::validationError() const {
    if (sizes.size() < 3 || sizes.size() > 11)
        return "--sizes needs an input and 2 to 10 layers (a distant gradient needs a layer "
               "above)";
    for (int size : sizes)
        if (size < 1 || size > 1000)
            return "--sizes entries must be in [1, 1000]";
    if (steps < 1 || steps > 1'000'000)
        return "--steps must be in [1, 1000000]";
    if (!(learningRate > 0.0 && learningRate <= 1.0))
        return "--lr must be in (0, 1]";
    if (evaluationSamples < 1 || evaluationSamples > 10'000)
        return "evaluation samples must be in [1, 10000]";
    return {};
}

namespace {

Eigen::VectorXd uniformInput(int n, std::mt19937_64& rng) {
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    Eigen::VectorXd x(n);
    for (Eigen::Index i = 0; i < n; ++i)
        x[i] = uniform(rng);
    return x;
}

void accumulate(InitializerGradient& sum, const InitializerGradient& g) {
    if (sum.weights.empty()) {
        sum = g;
        return;
    }
    for (std::size_t l = 0; l < g.weights.size(); ++l) {
        sum.weights[l] += g.weights[l];
        sum.biases[l] += g.biases[l];
    }
}

// What one row measures, on the fixed inputs and their teacher targets.
class Evaluation {
  public:
    Evaluation(std::vector<Eigen::VectorXd> inputs, FeedforwardInitializer& teacher)
        : m_inputs(std::move(inputs)) {
        for (const Eigen::VectorXd& x : m_inputs)
            m_targets.push_back(teacher.forward(x));
    }

    double meanGlobalLoss(FeedforwardInitializer& student) const {
        double total = 0.0;
        for (std::size_t k = 0; k < m_inputs.size(); ++k) {
            student.forward(m_inputs[k]);
            total += student.localLoss(m_targets[k]); // Σ_l L_l: the global loss
        }
        return total / static_cast<double>(m_inputs.size());
    }

    // S(local, distant = global − local) per layer below the top (eq. 7.4).
    std::vector<double> alignment(FeedforwardInitializer& student) const {
        InitializerGradient local, global, g;
        for (std::size_t k = 0; k < m_inputs.size(); ++k) {
            student.forward(m_inputs[k]);
            student.gradient(m_inputs[k], m_targets[k], InitializerLoss::Local, g);
            accumulate(local, g);
            student.gradient(m_inputs[k], m_targets[k], InitializerLoss::Global, g);
            accumulate(global, g);
        }
        std::vector<double> cosines;
        for (int l = 0; l + 1 < student.layerCount(); ++l) {
            const auto layer = static_cast<std::size_t>(l);
            global.weights[layer] -= local.weights[layer];
            global.biases[layer] -= local.biases[layer];
            cosines.push_back(layerCosine(local, global, l));
        }
        return cosines;
    }

  private:
    std::vector<Eigen::VectorXd> m_inputs;
    std::vector<EqState> m_targets;
};

} // namespace

double meanAlignmentOfTenth(const GradientAlignmentResult& result, bool last) {
    const std::size_t rows = result.rows.size(), tenth = std::max<std::size_t>(1, rows / 10);
    const std::size_t from = last && rows >= tenth ? rows - tenth : 0;
    double sum = 0.0;
    std::size_t count = 0;
    for (std::size_t r = from; r < std::min(rows, from + tenth); ++r)
        for (double cosine : result.rows[r].alignment) {
            sum += cosine;
            ++count;
        }
    return count ? sum / static_cast<double>(count) : 0.0;
}

GradientAlignmentResult runGradientAlignment(const GradientAlignmentSettings& s,
                                             const ProgressCallback& progress) {
    GradientAlignmentResult result;
    // The teacher's biases are drawn in [0, ½] so that most of its units sit inside ρ's
    // linear range: with zero biases about half of them would be clipped at 0, and
    // their targets would teach nothing.
    FeedforwardInitializer teacher(s.sizes, s.leak, s.seed + 1000);
    std::mt19937_64 rng(s.seed + 2000);
    std::uniform_real_distribution<double> biasDraw(0.0, 0.5);
    for (int l = 0; l < teacher.layerCount(); ++l)
        for (Eigen::Index j = 0; j < teacher.bias(l).size(); ++j)
            teacher.bias(l)[j] = biasDraw(rng);
    std::vector<Eigen::VectorXd> evaluationInputs;
    for (int k = 0; k < s.evaluationSamples; ++k)
        evaluationInputs.push_back(uniformInput(s.sizes.front(), rng));
    const Evaluation evaluation(std::move(evaluationInputs), teacher);

    FeedforwardInitializer localStudent(s.sizes, s.leak, s.seed);
    FeedforwardInitializer globalStudent(s.sizes, s.leak, s.seed); // the same start
    const std::vector<double> rates(s.sizes.size() - 1, s.learningRate);
    const int every = std::max(1, s.steps / 200);
    const auto addRow = [&](int step) {
        result.rows.push_back({step, evaluation.meanGlobalLoss(localStudent),
                               evaluation.meanGlobalLoss(globalStudent),
                               evaluation.alignment(localStudent)});
    };
    addRow(0);
    for (int step = 1; step <= s.steps; ++step) {
        const Eigen::VectorXd x = uniformInput(s.sizes.front(), rng);
        const EqState targets = teacher.forward(x);
        localStudent.forward(x);
        localStudent.learn(x, targets, rates, nullptr, InitializerLoss::Local);
        globalStudent.forward(x);
        globalStudent.learn(x, targets, rates, nullptr, InitializerLoss::Global);
        if (step % every == 0 || step == s.steps)
            addRow(step);
        if (progress &&
            !progress(static_cast<std::size_t>(step), static_cast<std::size_t>(s.steps))) {
            result.cancelled = true;
            break;
        }
    }
    return result;
}

} // namespace sdlab
