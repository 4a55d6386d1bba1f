#pragma once

#include "cost/op_counter.h"
#include "equilibrium/energy_network.h"

#include <functional>

namespace sdlab {

// The terms a settling adds to the energy of eq. 2.9 beside the network's own.
struct SettleTerms {
    // Weak clamp of the output layer (eq. 2.11): E + β·½‖s_O − y‖², so the output's
    // dynamics gain β·(y − s_O). β may be negative (thesis §7.4, random sign).
    double beta = 0.0;
    const Eigen::VectorXd* target = nullptr;
    // Initialized EqProp's pull toward the forward pass (eq. 7.5): E + λΣ(s^f − s)², so
    // the dynamics gain 2λ·(s^f − s).
    double anchor = 0.0;
    const EqState* anchorState = nullptr;
};

// Sees the state after each settling step (1-based); returning false cancels the
// settling, which leaves the state as it was after that step.
using SettleObserver = std::function<bool(int step, const EqState& state)>;

struct SettleOutcome {
    int steps = 0;          // Euler steps taken
    bool converged = false; // max |Δs| fell to the tolerance
    bool cancelled = false;
};

// Euler settling of the continuous network (thesis eq. 8.3, spec §7):
//   s ← clip(s + ε·(−s + ρ'(s)·drive + clamp terms), 0, 1),
// all layers updated at once from the previous state. The input's drive W_0ᵀx is
// computed once per input, so a step costs only the hidden connections.
class ContinuousSettler {
  public:
    explicit ContinuousSettler(const EnergyNetwork& network);

    // Sets the clamped input; costs one d_in × d_1 matrix-vector product.
    void setInput(const Eigen::VectorXd& x);
    // One Euler step with step size ε; returns max |Δs|.
    double step(EqState& s, double epsilon, const SettleTerms& terms = {});
    // Up to maxSteps steps, stopping early once max |Δs| ≤ tolerance (0: never early).
    SettleOutcome settle(EqState& s, int maxSteps, double epsilon, double tolerance,
                         const SettleTerms& terms = {}, const SettleObserver& observer = {});
    // The fixed point for the current input and terms, from `start`: settles with
    // ε = ½ until max |Δs| ≤ 1e-12 (at most maxSteps steps).
    EqState fixedPoint(const EqState& start, const SettleTerms& terms = {}, int maxSteps = 100000);

    const OpCounter& ops() const { return m_ops; }
    void resetOps() { m_ops = {}; }

  private:
    const EnergyNetwork& m_network;
    Eigen::VectorXd m_inputDrive;
    EqState m_drives;
    OpCounter m_ops;
};

} // namespace sdlab
