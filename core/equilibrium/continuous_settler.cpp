#include "equilibrium/continuous_settler.h"

#include "equilibrium/hard_sigmoid.h"

namespace sdlab {

ContinuousSettler::ContinuousSettler(const EnergyNetwork& network)
    : m_network(network), m_inputDrive(Eigen::VectorXd::Zero(network.sizes()[1])) {}

void ContinuousSettler::setInput(const Eigen::VectorXd& x) {
    m_network.inputDrive(x, m_inputDrive);
    m_ops.countMultiplyAdds(static_cast<std::uint64_t>(m_network.weights(0).size()));
}

double ContinuousSettler::step(EqState& s, double epsilon, const SettleTerms& terms) {
    m_network.drives(s, m_inputDrive, m_drives);
    double largest = 0.0;
    const std::size_t last = s.size() - 1;
    for (std::size_t l = 0; l < s.size(); ++l) {
        // ds/dt = −∂E/∂s (eq. 2.10) plus the clamp terms' −∂/∂s, built in place of the
        // drive so a step allocates nothing.
        auto state = s[l].array();
        auto velocity = m_drives[l].array();
        velocity = hardSigmoidSlope(state) * velocity - state;
        if (l == last && terms.beta != 0.0 && terms.target)
            velocity += terms.beta * (terms.target->array() - state);
        if (terms.anchor != 0.0 && terms.anchorState)
            velocity += 2.0 * terms.anchor * ((*terms.anchorState)[l].array() - state);
        auto& next = velocity; // now the clamped next state
        next = (state + epsilon * velocity).max(0.0).min(1.0);
        largest = std::max(largest, (next - state).abs().maxCoeff());
        state = next;
    }
    m_ops.countMultiplyAdds(m_network.drivesMultiplyAdds() +
                            2 * static_cast<std::uint64_t>(m_network.stateUnitCount()));
    return largest;
}

SettleOutcome ContinuousSettler::settle(EqState& s, int maxSteps, double epsilon, double tolerance,
                                        const SettleTerms& terms, const SettleObserver& observer) {
    SettleOutcome outcome;
    while (outcome.steps < maxSteps) {
        const double change = step(s, epsilon, terms);
        ++outcome.steps;
        if (observer && !observer(outcome.steps, s)) {
            outcome.cancelled = true;
            break;
        }
        if (change <= tolerance) {
            outcome.converged = true;
            break;
        }
    }
    return outcome;
}

EqState ContinuousSettler::fixedPoint(const EqState& start, const SettleTerms& terms,
                                      int maxSteps) {
    EqState s = start;
    const OpCounter before = m_ops;
    settle(s, maxSteps, 0.5, 1e-12, terms);
    m_ops = before; // a reference computation, not part of the model's cost
    return s;
}

} // namespace sdlab
