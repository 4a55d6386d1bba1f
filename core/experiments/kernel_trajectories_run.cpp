#include "experiments/kernel_trajectories_run.h"

#include <cmath>
#include <cstddef>

namespace sdlab {

namespace {
// Forward trace F(t) = Σ_{s≤t} h(s)·α^{t−s} (= h * κ_pred) and backward trace
// B(t) = Σ_{s≥t} h(s)·α^{s−t} (= h * κ_−pred), t = 1..steps (index t−1).
void traces(std::span<const double> h, double alpha, std::size_t steps,
            std::vector<double>& forward, std::vector<double>& backward) {
    forward.assign(steps, 0.0);
    backward.assign(steps, 0.0);
    auto at = [&](std::size_t i) { return i < h.size() ? h[i] : 0.0; };
    double f = 0.0;
    for (std::size_t i = 0; i < steps; ++i)
        forward[i] = f = alpha * f + at(i);
    double b = 0.0;
    for (std::size_t i = steps; i-- > 0;)
        backward[i] = b = alpha * b + at(i);
}
} // namespace

KernelTrajectoriesRun runKernelTrajectories(std::span<const double> pre,
                                            std::span<const double> post, double alpha) {
    // The traces decay as α^t; run until α^tail < 1e−13 so the totals are complete.
    const auto tail = static_cast<std::size_t>(std::ceil(std::log(1e-13) / std::log(alpha)));
    const std::size_t steps = pre.size() + tail;
    KernelTrajectoriesRun run;
    std::vector<double> preBackward, postBackward;
    traces(pre, alpha, steps, run.preTrace, preBackward);
    traces(post, alpha, steps, run.postTrace, postBackward);
    run.dynamics.resize(steps);
    run.approximate.resize(steps);
    run.stdp.resize(steps);
    double dynamics = 0.0, approximate = 0.0, stdp = 0.0;
    for (std::size_t i = 0; i < steps; ++i) {
        const double previous = i > 0 ? run.postTrace[i - 1] : 0.0;
        const double next = i + 1 < steps ? run.postTrace[i + 1] : alpha * run.postTrace[i];
        dynamics += run.preTrace[i] * (run.postTrace[i] - previous);
        approximate += run.preTrace[i] * 0.5 * (next - previous); // spec §4, κ_Δ
        const double postSpike = i < post.size() ? post[i] : 0.0;
        if (postSpike != 0.0) {
            // (h_i^Q * κ_DynSTDP)(t) = (1/2α)·(Σ_{s<t} h(s)α^{t−s} − Σ_{s>t} h(s)α^{s−t})
            //                        = (F(t) − B(t)) / 2α, since both include h(t) once.
            stdp += postSpike * (run.preTrace[i] - preBackward[i]) / (2.0 * alpha);
        }
        run.dynamics[i] = dynamics;
        run.approximate[i] = approximate;
        run.stdp[i] = stdp;
    }
    return run;
}

} // namespace sdlab
