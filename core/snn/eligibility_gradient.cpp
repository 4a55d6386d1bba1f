#include "snn/eligibility_gradient.h"

namespace sdlab {

void eligibilityGradients(const EligibilityInputs& in, std::vector<Eigen::MatrixXd>& gw,
                          std::vector<Eigen::MatrixXd>& gb, std::vector<Eigen::MatrixXd>& gv) {
    const std::vector<LifLayer>& layers = *in.layers;
    const std::size_t count = layers.size();
    const int steps = layers.front().steps();
    const Eigen::Index batch = layers.front().batch();
    gw.assign(count, {});
    gb.assign(count, {});
    const bool recurrent = in.recurrent && !in.recurrent->empty();
    gv.assign(recurrent ? count : 0, {});
    std::vector<Eigen::MatrixXd> trace(count), biasTrace(count), delta(count);
    std::vector<Eigen::MatrixXd> recurrentTrace(recurrent ? count : 0);
    // Direct input is the same x every step, so layer 0's trace is c_t·x with c_t its
    // bias trace, and Σ_t δ_t ε_tᵀ = (Σ_t c_t·δ_t)·xᵀ: one outer product, not T.
    const bool factorFirst = in.directInput;
    for (std::size_t l = 0; l < count; ++l) {
        const Eigen::Index inputs = (*in.weights)[l].cols(), units = (*in.weights)[l].rows();
        if (l > 0 || !factorFirst)
            trace[l].setZero(inputs, batch);
        biasTrace[l].setZero(1, batch);
        gw[l].setZero(units, inputs);
        gb[l].setZero(units, 1);
        if (recurrent) {
            recurrentTrace[l].setZero(units, batch);
            gv[l].setZero(units, units);
        }
    }
    Eigen::MatrixXd firstDelta;
    if (factorFirst)
        firstDelta.setZero((*in.weights)[0].rows(), batch);
    Eigen::MatrixXd signal;
    for (int t = 0; t < steps; ++t) {
        const Eigen::Index c0 = Eigen::Index{t} * batch;
        // Traces of every layer's input at step t.
        for (std::size_t l = 0; l < count; ++l) {
            const LifLayer& layer = layers[l];
            biasTrace[l] = layer.decay() * biasTrace[l].array() + layer.inputGain();
            if (l > 0 || !factorFirst) {
                const auto x = l == 0 ? in.input->middleCols(c0, batch)
                                      : layers[l - 1].spikes().middleCols(c0, batch);
                trace[l] =
                    layer.decay() * trace[l] + layer.inputGain() * x; // ε_t = a·ε_{t−1} + b·x_t
            }
            if (recurrent) { // the layer's own S_{t−1} as an input (0 at t = 0)
                recurrentTrace[l] *= layer.decay();
                if (t > 0)
                    recurrentTrace[l] +=
                        layer.inputGain() * layer.spikes().middleCols(c0 - batch, batch);
            }
        }
        // Immediate errors, top down: the loss's at the top, the learning signal below.
        for (std::size_t l = count; l-- > 0;) {
            const LifLayer& layer = layers[l];
            const Eigen::Index units = layer.membrane().rows();
            if (l + 1 < count)
                signal =
                    (*in.weights)[l + 1].transpose() * (layers[l + 1].inputGain() * delta[l + 1]);
            else if (in.dSpikes && in.dSpikes->size())
                signal = in.dSpikes->middleCols(c0, batch);
            else
                signal.setZero(units, batch);
            if (l + 1 < count && in.dActivity) // the top layer's is in dSpikes already
                signal += (*in.dActivity)[l];
            const auto u = layer.membrane().middleCols(c0, batch);
            delta[l] = signal.cwiseProduct(u.unaryExpr(
                [&](double v) { return layer.surrogateDerivative(v - layer.threshold()); }));
            if (l + 1 == count && in.dMembrane && in.dMembrane->size())
                delta[l] += in.dMembrane->middleCols(c0, batch);
            if (l == 0 && factorFirst)
                firstDelta += biasTrace[0](0, 0) * delta[0];
            else
                gw[l].noalias() += delta[l] * trace[l].transpose();
            gb[l].noalias() += delta[l] * biasTrace[l].transpose();
            if (recurrent)
                gv[l].noalias() += delta[l] * recurrentTrace[l].transpose();
        }
    }
    if (factorFirst)
        gw[0].noalias() = firstDelta * in.input->leftCols(batch).transpose();
}

} // namespace sdlab
