#include "snn/lif_layer.h"

#include <cmath>

namespace sdlab {

LifLayer::LifLayer(const LifNetworkSettings& s)
    : m_neuron(s.neuron), m_reset(s.reset), m_surrogate(s.surrogate),
      m_resetAttached(s.resetAttached), m_smooth(s.smoothSpikes), m_a(s.beta), m_b(1.0),
      m_alpha(s.neuron == LifNeuronKind::Synaptic ? s.alpha : 0.0), m_theta(s.threshold) {
    if (s.neuron == LifNeuronKind::Lapicque) {
        // snnTorch given β alone: R = 1, C = Δt/ln(1/β), Δt = 1 (lapicque_neuron.h).
        const double rate = std::log(1.0 / s.beta);
        m_a = 1.0 - rate;
        m_b = rate;
    }
}

double LifLayer::spike(double x) const {
    if (m_smooth)
        return m_surrogate.smoothStep(x);
    return x > 0.0 ? 1.0 : 0.0;
}

void LifLayer::forward(const Eigen::MatrixXd& current, bool sameEveryStep, int steps, int batch) {
    const Eigen::Index n = current.rows(), cols = Eigen::Index{steps} * batch;
    const bool replay = m_replayResets && m_r.rows() == n && m_r.cols() == cols;
    m_steps = steps;
    m_batch = batch;
    m_u.resize(n, cols);
    m_s.resize(n, cols);
    if (!replay)
        m_r.resize(n, cols);
    const bool synaptic = m_neuron == LifNeuronKind::Synaptic;
    const bool keepBase = m_reset == ResetMechanism::Zero && zeroesWholeMembrane();
    if (keepBase)
        m_base.resize(n, cols);
    if (synaptic)
        m_syn.resize(n, cols);
    const bool recurrent = m_recurrent && m_neuron == LifNeuronKind::RecurrentLeaky;
    for (int t = 0; t < steps; ++t) {
        const Eigen::Index c0 = Eigen::Index{t} * batch;
        const bool feedsBack = recurrent && t > 0;
        if (feedsBack) // V·S_{t−1}
            m_feedback.noalias() = *m_recurrent * m_s.middleCols(c0 - batch, batch);
        for (Eigen::Index j = 0; j < batch; ++j) {
            const Eigen::Index col = c0 + j;
            const double* in = current.col(sameEveryStep ? j : col).data();
            const double* feedback = feedsBack ? m_feedback.col(j).data() : nullptr;
            const double* uPrev = t > 0 ? m_u.col(col - batch).data() : nullptr;
            const double* synPrev = synaptic && t > 0 ? m_syn.col(col - batch).data() : nullptr;
            double* u = m_u.col(col).data();
            double* s = m_s.col(col).data();
            double* r = m_r.col(col).data();
            for (Eigen::Index i = 0; i < n; ++i) {
                const double previous = uPrev ? uPrev[i] : 0.0;
                if (!replay)
                    r[i] = spike(previous - m_theta); // R_t = H(U_{t−1} − θ)
                double drive = in[i];
                if (feedback)
                    drive += feedback[i];
                if (synaptic) {
                    drive += m_alpha * (synPrev ? synPrev[i] : 0.0);
                    m_syn(i, col) = drive;
                }
                const double base = m_a * previous + m_b * drive;
                double value = base;
                switch (m_reset) {
                case ResetMechanism::Subtract:
                    value = base - r[i] * m_theta;
                    break;
                case ResetMechanism::Zero:
                    value = zeroesWholeMembrane() ? (1.0 - r[i]) * base
                                                  : m_a * (1.0 - r[i]) * previous + m_b * drive;
                    if (keepBase)
                        m_base(i, col) = base;
                    break;
                case ResetMechanism::None:
                    break;
                }
                u[i] = value;
                s[i] = spike(value - m_theta); // S_t = H(U_t − θ)
            }
        }
    }
}

void LifLayer::backward(const Eigen::MatrixXd* dSpikes, const Eigen::MatrixXd* dMembrane,
                        bool sumOverSteps, Eigen::MatrixXd& dCurrent, ScalarGradients* scalars,
                        Eigen::MatrixXd* dRecurrent) const {
    double dBeta = 0.0, dTheta = 0.0;
    const Eigen::Index n = m_u.rows(), batch = m_batch;
    dCurrent.setZero(n, sumOverSteps ? batch : m_u.cols());
    const bool synaptic = m_neuron == LifNeuronKind::Synaptic;
    // carry = δU_{t+1}·∂U_{t+1}/∂U_t, synCarry = δJ_{t+1}·α: what later steps send back.
    Eigen::MatrixXd carry = Eigen::MatrixXd::Zero(n, batch);
    Eigen::MatrixXd synCarry = Eigen::MatrixXd::Zero(synaptic ? n : 0, synaptic ? batch : 0);
    // Recurrence: spikeCarry = Vᵀ·δI_{t+1}, what S_t sends to the next step's current.
    const bool recurrent = m_recurrent && m_neuron == LifNeuronKind::RecurrentLeaky;
    const Eigen::Index rn = recurrent ? n : 0, rb = recurrent ? batch : 0;
    Eigen::MatrixXd spikeCarry = Eigen::MatrixXd::Zero(rn, rb), stepCurrent(rn, rb);
    if (recurrent && dRecurrent)
        dRecurrent->setZero(n, n);
    for (int t = m_steps; t-- > 0;) {
        const Eigen::Index c0 = Eigen::Index{t} * batch;
        for (Eigen::Index j = 0; j < batch; ++j) {
            const Eigen::Index col = c0 + j;
            for (Eigen::Index i = 0; i < n; ++i) {
                const double u = m_u(i, col);
                double delta = carry(i, j); // δU_t, the total ∂L/∂U_t
                if (dMembrane)
                    delta += (*dMembrane)(i, col);
                // ∂L/∂S_t: the loss's (and the layer above's) plus the recurrence's. The
                // tests are the same for every unit (no data-dependent branch here).
                double dSpike = 0.0;
                if (dSpikes)
                    dSpike = (*dSpikes)(i, col);
                if (recurrent)
                    dSpike += spikeCarry(i, j);
                if (dSpikes || recurrent)
                    delta += dSpike * m_surrogate.derivative(u - m_theta);
                const double previous = t > 0 ? m_u(i, col - batch) : 0.0;
                const double r = m_r(i, col);
                // ∂R_t/∂U_{t−1} when the reset is attached.
                const double rho =
                    m_resetAttached && t > 0 ? m_surrogate.derivative(previous - m_theta) : 0.0;
                double dDrive = m_b * delta, dPrevious = m_a;
                switch (m_reset) {
                case ResetMechanism::Subtract:
                    dPrevious = m_a - m_theta * rho;
                    break;
                case ResetMechanism::Zero:
                    if (zeroesWholeMembrane()) {
                        dDrive = (1.0 - r) * m_b * delta;
                        dPrevious = (1.0 - r) * m_a - m_base(i, col) * rho;
                    } else {
                        dPrevious = m_a * (1.0 - r) - m_a * previous * rho;
                    }
                    break;
                case ResetMechanism::None:
                    break;
                }
                if (scalars) {
                    // ∂U_t/∂β = U_{t−1}·(1 − R_t for a zero reset); ∂S_t/∂θ = −g(U_t − θ);
                    // ∂U_t/∂θ = −R_t (subtract) and, attached, the reset's own
                    // ∂R_t/∂θ = −g(U_{t−1} − θ), from t = 1 on (U_0 = 0 is fixed, R_1 not).
                    const bool zero = m_reset == ResetMechanism::Zero;
                    dBeta += delta * previous * (zero ? 1.0 - r : 1.0);
                    if (dSpikes || recurrent)
                        dTheta -= dSpike * m_surrogate.derivative(u - m_theta);
                    const double rhoTheta =
                        m_resetAttached ? m_surrogate.derivative(previous - m_theta) : 0.0;
                    switch (m_reset) {
                    case ResetMechanism::Subtract:
                        dTheta += delta * (-r + m_theta * rhoTheta);
                        break;
                    case ResetMechanism::Zero:
                        dTheta += delta * rhoTheta *
                                  (zeroesWholeMembrane() ? m_base(i, col) : m_a * previous);
                        break;
                    case ResetMechanism::None:
                        break;
                    }
                }
                carry(i, j) = delta * dPrevious;
                if (synaptic) { // δJ_t = b·δU_t·(…) + α·δJ_{t+1}; ∂J_t/∂I_t = 1
                    dDrive += synCarry(i, j);
                    synCarry(i, j) = m_alpha * dDrive;
                }
                if (recurrent)
                    stepCurrent(i, j) = dDrive;
                if (sumOverSteps)
                    dCurrent(i, j) += dDrive;
                else
                    dCurrent(i, col) = dDrive;
            }
        }
        if (recurrent && t > 0) { // I_t = … + V·S_{t−1}
            spikeCarry.noalias() = m_recurrent->transpose() * stepCurrent;
            if (dRecurrent)
                dRecurrent->noalias() +=
                    stepCurrent * m_s.middleCols(c0 - batch, batch).transpose();
        }
    }
    if (scalars)
        *scalars = {dBeta, dTheta};
}

} // namespace sdlab
