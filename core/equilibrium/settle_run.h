#pragma once

#include "equilibrium/energy_network.h"
#include "equilibrium/spiking_settler.h"
#include "util/progress.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sdlab {

enum class SettleModel { Continuous, Spiking };
// What happens at perturbAt (thesis Fig. 8.2): the output layer is pulled toward a
// random target with β from then on (a new fixed point, as EqProp's clamped phase), or
// every state is kicked by Gaussian noise (the same fixed point, found again).
enum class PerturbationKind { ClampOutput, KickState };

std::optional<SettleModel> parseSettleModel(std::string_view name);
const char* settleModelName(SettleModel model);
std::optional<PerturbationKind> parsePerturbationKind(std::string_view name);
const char* perturbationKindName(PerturbationKind kind);

struct SettleRunSettings {
    SettleModel model = SettleModel::Spiking;
    std::vector<int> sizes{500, 500, 10}; // input clamped to a random x ∈ [0, 1]
    int steps = 250;
    std::optional<int> perturbAt; // 1 ≤ T ≤ steps
    PerturbationKind perturbation = PerturbationKind::ClampOutput;
    double clampBeta = 1.0; // ClampOutput
    double kickSigma = 0.5; // KickState
    double epsilon = 0.5;   // the continuous network's Euler step
    SpikingEqPropSettings spiking;
    std::uint64_t seed = 1; // network, input, target and kick

    std::string validationError() const; // empty when the run can go
};

// One row of settle.csv: the state after step t (t = 0 is the zero start).
struct SettleRow {
    int t = 0;
    double distanceToFixedPoint = 0.0; // mean |s − s_fixed| of the current phase
    double energy = 0.0;               // E(s) plus the clamp term when it applies
    int spikes = 0;                    // bits sent at step t (0 for the continuous model)
};

// What an observer sees after each step: the row, the model's state, the continuous
// network's state at the same step (equal to `state` for the continuous model), the
// units that spiked (spiking model, else null) and the fixed point of the phase.
struct SettleFrame {
    const SettleRow& row;
    const EqState& state;
    const EqState& continuousState;
    const std::vector<std::vector<int>>* spikes;
    const EqState& fixedPoint;
    const SpikingSettler* settler = nullptr; // the spiking model (its step sizes, inputs)
};
using SettleFrameObserver = std::function<void(const SettleFrame&)>;

struct SettleRunResult {
    std::vector<SettleRow> rows;
    EqState fixedPoint;          // before the perturbation
    EqState perturbedFixedPoint; // after it (= fixedPoint without one)
    std::uint64_t spikes = 0;
    bool cancelled = false;
    double seconds = 0.0;
};

// One settling of a random network on a random input (thesis §8.5.1, Fig. 8.2), the
// distance measured to the continuous network's fixed point, computed first with the
// same parameters and input. Progress is called every step; false cancels (the rows
// so far are kept).
SettleRunResult runSettle(const SettleRunSettings& settings,
                          const SettleFrameObserver& observer = {},
                          const ProgressCallback& progress = {});

} // namespace sdlab
