#pragma once

#include "cost/op_counter.h"
#include "equilibrium/continuous_settler.h"
#include "equilibrium/energy_network.h"
#include "equilibrium/step_sizes.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <random>
#include <string_view>
#include <vector>

namespace sdlab {

// How a unit turns ρ(s) into bits and how its targets read them (thesis §8.4).
enum class SpikeCoding {
    SigmaDelta, // a = ρ(s), binary sigma-delta q = [φ + a > ½] (eq. 8.11), identity decoder
    Stochastic, // q ~ Bernoulli(ρ(s)) (eq. 8.8), identity decoder (eq. 8.9)
    Predictive, // predictive encoder a = (ρ(s_t) − (1−λ)ρ(s_{t−1}))/λ into the binary
                // sigma-delta quantizer, decoder v = (1−λ)v + λΣwq (eqs. 8.12-8.14)
};
enum class StepSizeRule { Schedule, Osa }; // eq. 8.7, or App. E.1 per unit

std::optional<SpikeCoding> parseSpikeCoding(std::string_view name);
const char* spikeCodingName(SpikeCoding coding);
std::optional<StepSizeRule> parseStepSizeRule(std::string_view name);
const char* stepSizeRuleName(StepSizeRule rule);

struct SpikingEqPropSettings {
    SpikeCoding coding = SpikeCoding::Predictive;
    StepSizeRule stepSize = StepSizeRule::Osa;
    AnnealingSchedule schedule{1.0, 0.5};
    double osaTarget = 0.1;          // ν̄ of OSA
    double predictiveLambda = 0.275; // λ of the predictive coder (thesis §8.5.2)
    // λ-annealing (thesis §8.4.6): a short memory first, a long one near the fixed
    // point, λ_t = max(λ, t^−κ) from 1 down to λ, restarting with each phase; the
    // thesis gives no formula, this is ours. κ = 0: λ fixed.
    double lambdaAnneal = 0.0;
    double lambdaAt(int t) const {
        return lambdaAnneal > 0.0
                   ? std::max(predictiveLambda,
                              std::pow(static_cast<double>(std::max(t, 1)), -lambdaAnneal))
                   : predictiveLambda;
    }
    std::uint64_t seed = 1; // the stochastic encoder's draws

    std::string validationError() const; // empty when usable
};

// A network of units that only exchange bits (thesis eq. 8.5 / 8.14). Every unit, the
// clamped inputs included, encodes its ρ(s) as one bit per step; a unit's input is the
// sum of the weights of the units that spiked at the previous step, accumulated event by
// event (a spike from layer l costs one add per unit of layers l − 1 and l + 1), then
// decoded and averaged into the state with an annealed or OSA step size:
//   v_t = dec(Σ_i w_i q_i,t−1),  s_t = clip((1 − ε_t) s_{t−1} + ε_t (ρ'(s_{t−1})(v_t + b) + clamp
//   terms)).
// The network's weights are read at start(), so a settling sees one fixed network.
class SpikingSettler {
  public:
    SpikingSettler(const EnergyNetwork& network, const SpikingEqPropSettings& settings);

    // Clamps the input x, resets states (to zero, or `initial`), codes and the annealer.
    void start(const Eigen::VectorXd& x, const EqState* initial = nullptr);
    // Restarts the step-size annealing at t = 1 (a new phase); states and codes carry on.
    void beginPhase();
    // Moves the states to `state` (an outside kick the units are not told of): step
    // sizes, encoders and decoders carry on from where they were.
    void moveState(const EqState& state);
    // One step; returns the number of spikes sent (all layers, input included).
    int step(const SettleTerms& terms = {});
    // `steps` steps; the observer sees the state after each (cancel by returning false).
    SettleOutcome settle(int steps, const SettleTerms& terms = {},
                         const SettleObserver& observer = {});

    const EqState& state() const { return m_state; }
    // Units that spiked at the last step, per layer (0 = input).
    const std::vector<std::vector<int>>& lastSpikes() const { return m_spikes; }
    int lastSpikeCount() const { return m_lastSpikeCount; }
    std::uint64_t totalSpikes() const { return m_totalSpikes; }
    // The column additions the spikes have cost (Σ spikes·fan-out), part of ops().adds.
    std::uint64_t spikeAdds() const { return m_spikeAdds; }
    int phaseStep() const { return m_t; }
    // What unit `unit` of state layer `layer` (0 = first above the input) saw at the last
    // step: its decoded input v (eq. 8.9 or 8.13, before the bias) and its step size ε
    // (the schedule's, or its own OSA step).
    double decodedInput(int layer, int unit) const {
        return m_decoded[static_cast<std::size_t>(layer)][unit];
    }
    double stepSize(int layer, int unit) const {
        if (m_settings.stepSize == StepSizeRule::Schedule)
            return m_settings.schedule.at(std::max(m_t, 1));
        const Eigen::ArrayXd& alpha = m_osa[static_cast<std::size_t>(layer)].alpha();
        return unit < alpha.size() ? alpha[unit] : 0.0; // 0 before the first step
    }
    const OpCounter& ops() const { return m_ops; }

  private:
    void encode(std::size_t layer, const Eigen::ArrayXd& rho);

    const EnergyNetwork& m_network;
    SpikingEqPropSettings m_settings;
    std::mt19937_64 m_engine;
    std::uniform_real_distribution<double> m_uniform{0.0, 1.0};
    std::vector<Eigen::MatrixXd> m_transposed; // W_lᵀ: a spike of layer l reads a column
    Eigen::ArrayXd m_input;
    EqState m_state;
    std::vector<Eigen::ArrayXd> m_decoded;     // v per state layer
    std::vector<Eigen::ArrayXd> m_previousRho; // per layer, input included
    std::vector<Eigen::ArrayXd> m_residual;    // sigma-delta φ per layer
    std::vector<std::vector<int>> m_spikes;    // q_{t−1} as unit lists, per layer
    std::vector<OsaStepSize> m_osa;
    // Scratch per layer, sized once: u = Σ w q, the pressure, ρ(s).
    std::vector<Eigen::VectorXd> m_sum;
    std::vector<Eigen::ArrayXd> m_pressure;
    std::vector<Eigen::ArrayXd> m_rho;
    int m_t = 0;
    double m_lambdaSent = 1.0; // the λ the last bits were encoded with (their decoder's)
    int m_lastSpikeCount = 0;
    std::uint64_t m_totalSpikes = 0;
    std::uint64_t m_spikeAdds = 0;
    OpCounter m_ops;
};

} // namespace sdlab
