#pragma once

#include "models/dense_layer.h"

#include <Eigen/Core>
#include <vector>

namespace sdlab {

// Thesis ch. 4 §4.5: a trained ReLU network, weights frozen, run as the rounding network of
// eq. 4.5 with one scale per layer input, k_l = exp(κ_l) (l = 0 the input), or with
// `perUnit` one per unit of each layer input (§4.5's "optionally per unit"):
//   q_l = round(k_l ⊙ a_l),  z_l = W_lᵀ (q_l / k_l) + b_l,  a_{l+1} = ReLU(z_l) (the last
//   z as is); with one scale per layer z_l = W_lᵀ q_l / k_l + b_l, the same up to rounding
//   of the products.
// The scales trade error for computation. What one input costs and how far it is from the
// original network (eqs 4.7-4.8):
//   L_error = KL(softmax(f_true) ‖ softmax(f_round)) with a softmax output, else ½‖f_round −
//   f_true‖²; L_comp  = Σ_l |q_l|₁·d_{l+1}   (the additions of the rounding network, eq. B.14
//   without bias).
// gradient() gives eq. 4.10's ∂/∂κ_l: the error's through the rounding of every layer
// (round' ≈ 1, so ∂(q_l/k_l)/∂κ_l = a_l − q_l/k_l, the rounding residual), and layer l's own
// computation alone, ∂(|k_l·a_l|₁·d_{l+1})/∂κ_l = k_l·|a_l|₁·d_{l+1}; per unit the same
// terms unit by unit, so a layer's per-unit gradients add up to its per-layer one when its
// scales are equal.
class ScaledRoundingNet {
  public:
    ScaledRoundingNet(std::vector<DenseLayer> layers, bool softmaxOutput, bool perUnit = false);

    struct Cost {
        double error = 0.0; // mean L_error per input
        double comp = 0.0;  // mean L_comp per input (additions)
    };

    // κ per layer input: one entry each, or one per unit with perUnit.
    std::vector<Eigen::VectorXd>& logScales() { return m_kappa; }
    const std::vector<Eigen::VectorXd>& logScales() const { return m_kappa; }
    bool perUnit() const { return m_perUnit; }
    const std::vector<DenseLayer>& layers() const { return m_layers; }

    Cost evaluate(const std::vector<Eigen::VectorXd>& inputs);
    // The mean cost over `inputs` and, into dKappa (shaped as logScales()), the mean of eq.
    // 4.10's bracket: ∂L_error/∂κ_l + λ·∂L_comp,l/∂κ_l.
    Cost gradient(const std::vector<Eigen::VectorXd>& inputs, double lambda,
                  std::vector<Eigen::VectorXd>& dKappa);
    // A test stream in order: the rounding network's classification error and, per input,
    // its additions (eq. B.14: Σ|q_l|·d_{l+1} + d_{l+1}) and the sigma-delta network's, which
    // sends only the changes from the previous input (eq. B.15: Σ|q_l(t) − q_l(t−1)|·d_{l+1},
    // from q = 0 before the first). The two networks give the same outputs (thesis §4.4.2).
    struct StreamCost {
        double errorRate = 0.0;
        double roundingAdds = 0.0, sigmaDeltaAdds = 0.0;
    };
    StreamCost streamCost(const std::vector<Eigen::VectorXd>& inputs,
                          const std::vector<int>& labels);
    // The original network on the same inputs: its classification error and its
    // multiply-adds per input, dense (eq. B.12: Σ d_l·d_{l+1}) and skipping zero inputs
    // (eq. B.13: Σ nnz(a_l)·d_{l+1}); B.12's flops are twice these.
    struct OriginalCost {
        double errorRate = 0.0;
        double denseMultiplyAdds = 0.0, sparseMultiplyAdds = 0.0;
    };
    OriginalCost originalCost(const std::vector<Eigen::VectorXd>& inputs,
                              const std::vector<int>& labels);
    // The original network's output for x (no rounding).
    const Eigen::VectorXd& trueOutput(const Eigen::VectorXd& x);

  private:
    // Rounding forward pass of x into m_a, m_q, m_z; returns L_comp.
    double roundedForward(const Eigen::VectorXd& x);
    double errorAndOutputDelta(const Eigen::VectorXd& x, Eigen::VectorXd& delta);

    std::vector<DenseLayer> m_layers;
    bool m_softmax;
    bool m_perUnit;
    std::vector<Eigen::VectorXd> m_kappa;
    std::vector<Eigen::ArrayXd> m_k;            // per unit: exp(κ_l) of the last forward pass
    std::vector<Eigen::VectorXd> m_a, m_q, m_z; // per layer: input, its integers, pre-activation
    double m_trueSparseMultiplyAdds = 0.0;      // of the last trueOutput
    Eigen::VectorXd m_true, m_hidden, m_pTrue, m_pRound, m_delta, m_g;
};

} // namespace sdlab
