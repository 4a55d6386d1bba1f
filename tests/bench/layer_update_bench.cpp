// Event-driven vs dense layer work at spike densities 0.5 %-50 %, 1000 × 1000, measured
// side by side in one run; prints the dense/event-driven time ratio per density so the
// break-even point is visible. Run: build/tests/bench/sdlab_layer_bench
#include "cost/event_driven_layer.h"
#include "learning/past_update.h"
#include "learning/recon_update.h"
#include "ratio_reporter.h"

#include <benchmark/benchmark.h>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace {

constexpr int kSize = 1000;
const double kDensities[] = {0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5};

struct Fixture {
    sdlab::RowMatrix weights;
    Eigen::VectorXd spikes;
    explicit Fixture(double density) : weights(kSize, kSize), spikes(Eigen::VectorXd::Zero(kSize)) {
        std::mt19937_64 engine(42);
        std::normal_distribution<double> normal;
        std::uniform_real_distribution<double> uniform;
        for (Eigen::Index i = 0; i < weights.size(); ++i)
            weights.data()[i] = normal(engine);
        for (int i = 0; i < kSize; ++i)
            if (uniform(engine) < density)
                spikes(i) = uniform(engine) < 0.5 ? -1.0 : 1.0;
    }
};

double densityOf(const benchmark::State& state) {
    return kDensities[state.range(0)];
}

void BM_ForwardDense(benchmark::State& state) {
    Fixture f(densityOf(state));
    Eigen::RowVectorXd z = Eigen::RowVectorXd::Zero(kSize);
    for (auto _ : state) {
        sdlab::accumulateDense(f.weights, f.spikes, z);
        benchmark::DoNotOptimize(z.data());
    }
}

void BM_ForwardEventDriven(benchmark::State& state) {
    Fixture f(densityOf(state));
    Eigen::RowVectorXd z = Eigen::RowVectorXd::Zero(kSize);
    for (auto _ : state) {
        sdlab::accumulateSpikes(f.weights, f.spikes, z);
        benchmark::DoNotOptimize(z.data());
    }
}

// Weight updates: recon does a dense outer product every step; past touches only the
// rows and columns that spiked (spec §3, vector form). Both sides spike at `density`,
// independently and with a new pattern every step (cycling through kPatterns), so almost
// every neuron spikes now and then and its trace is alive, as in a network.
constexpr std::size_t kPatterns = 1024;

class SpikePatterns {
  public:
    SpikePatterns(double density, std::uint64_t seed) : m_spikes(Eigen::ArrayXd::Zero(kSize)) {
        std::mt19937_64 engine(seed);
        std::uniform_real_distribution<double> uniform;
        for (std::size_t t = 0; t < kPatterns; ++t) {
            m_starts.push_back(m_events.size());
            for (int i = 0; i < kSize; ++i)
                if (uniform(engine) < density)
                    m_events.push_back({i, uniform(engine) < 0.5 ? -1.0 : 1.0});
        }
        m_starts.push_back(m_events.size());
    }
    // The spikes of step t (mod kPatterns); the same time for recon and past.
    const Eigen::ArrayXd& at(std::size_t t) {
        t %= kPatterns;
        for (std::size_t k = m_starts[t > 0 ? t - 1 : kPatterns - 1];
             k < m_starts[t > 0 ? t : kPatterns]; ++k)
            m_spikes(m_events[k].first) = 0.0;
        for (std::size_t k = m_starts[t]; k < m_starts[t + 1]; ++k)
            m_spikes(m_events[k].first) = m_events[k].second;
        return m_spikes;
    }

  private:
    std::vector<std::pair<int, double>> m_events;
    std::vector<std::size_t> m_starts;
    Eigen::ArrayXd m_spikes;
};

template <class Rule> void updateBench(benchmark::State& state) {
    const sdlab::UpdateRuleParams p{{0.1, 1.0}, {0.1, 1.0}};
    Rule rule(kSize, kSize, p);
    sdlab::RowMatrix dW = sdlab::RowMatrix::Zero(kSize, kSize);
    SpikePatterns pre(densityOf(state), 7), post(densityOf(state), 8);
    std::size_t t = 0;
    for (; t < kPatterns; ++t) // warm up: one cycle, so the traces are as they stay
        rule.step(pre.at(t), post.at(t), dW);
    for (auto _ : state) {
        rule.step(pre.at(t), post.at(t), dW);
        ++t;
        benchmark::DoNotOptimize(dW.data());
    }
}
// The floor of any per-step update into a row-major dW: each synapse the past update
// touches gets one add and nothing is computed (rows contiguous, columns in row order
// with the same prefetch). recon / floor is the most the past update can gain here.
void BM_TouchFloor(benchmark::State& state) {
    sdlab::RowMatrix dW = sdlab::RowMatrix::Zero(kSize, kSize);
    SpikePatterns pre(densityOf(state), 7), post(densityOf(state), 8);
    std::vector<Eigen::Index> rows, columns;
    std::size_t t = 0;
    for (auto _ : state) {
        const Eigen::ArrayXd& x = pre.at(t);
        const Eigen::ArrayXd& e = post.at(t);
        ++t;
        rows.clear();
        columns.clear();
        for (Eigen::Index i = 0; i < kSize; ++i) {
            if (x(i) != 0.0)
                rows.push_back(i);
            if (e(i) != 0.0)
                columns.push_back(i);
        }
        for (Eigen::Index i : rows)
            dW.row(i).array() += 1.0;
        for (Eigen::Index i = 0; i < kSize; ++i) {
            if (i + 8 < kSize)
                for (Eigen::Index j : columns)
                    __builtin_prefetch(dW.row(i + 8).data() + j, 1, 1);
            double* row = dW.row(i).data();
            for (Eigen::Index j : columns)
                row[j] += 1.0;
        }
        benchmark::DoNotOptimize(dW.data());
    }
}
void BM_UpdateRecon(benchmark::State& state) {
    updateBench<sdlab::ReconUpdate>(state);
}
void BM_UpdatePast(benchmark::State& state) {
    updateBench<sdlab::PastUpdate>(state);
}

BENCHMARK(BM_ForwardDense)->DenseRange(0, 6);
BENCHMARK(BM_ForwardEventDriven)->DenseRange(0, 6);
BENCHMARK(BM_UpdateRecon)->DenseRange(0, 6);
BENCHMARK(BM_UpdatePast)->DenseRange(0, 6);
BENCHMARK(BM_TouchFloor)->DenseRange(0, 6);

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    std::printf("\n%-9s %22s %20s %20s\n", "density", "forward dense/event", "update recon/past",
                "recon/touch floor");
    for (int k = 0; k < 7; ++k) {
        std::string arg = "/";
        arg += std::to_string(k);
        auto ratio = [&](const std::string& a, const std::string& b) {
            const auto ia = reporter.times.find(a + arg), ib = reporter.times.find(b + arg);
            return ia == reporter.times.end() || ib == reporter.times.end() || ib->second == 0
                       ? 0.0
                       : ia->second / ib->second;
        };
        std::printf("%7.1f %% %21.1fx %19.1fx %19.1fx\n", 100 * kDensities[k],
                    ratio("BM_ForwardDense", "BM_ForwardEventDriven"),
                    ratio("BM_UpdateRecon", "BM_UpdatePast"),
                    ratio("BM_UpdateRecon", "BM_TouchFloor"));
    }
    benchmark::Shutdown();
    return 0;
}
