#pragma once

#include "models/classifier.h"
#include "models/dense_layer.h"

#include <cstdint>
#include <vector>

namespace sdlab {

// The sigma-delta quantized network of thesis ch. 4 as an MLP (ReLU hidden layers,
// softmax/NLL, SGD, Xavier init): every layer receives its input quantized to
// q = round(k·a) (k = `scale`, the same for every layer) and computes z = Wᵀq/k + b.
// Training passes gradients straight through the rounding.
//   Mode::Rounding computes Wᵀq densely (d_in·d_out multiply-adds).
//   Mode::SigmaDelta sends only s = q_t − q_{t−1} = (Δ∘R)(a) between consecutive
//     samples and keeps the running sum Wᵀq_{t−1} (Σ∘Δ = id): Σ|s|·d_out additions. When
//     SGD changes W by −η·a_q⊗δ, the sum is corrected by −η·δ·(a_q·q), d_in + d_out
//     multiplies, so it stays Wᵀq for the current W.
// The two modes exchange the same integers q and compute the same outputs (up to the
// order of floating-point additions): "sigma-delta net ≡ rounding net". Consecutive
// samples that are alike (temporal order) make s sparse and the sigma-delta mode cheap.
class SigmaDeltaNet : public Classifier {
  public:
    enum class Mode { Rounding, SigmaDelta };

    SigmaDeltaNet(const std::vector<int>& sizes, double learningRate, double scale, Mode mode,
                  std::uint64_t seed);

    TrainStep train(const Eigen::VectorXd& x, int label) override;
    int predict(const Eigen::VectorXd& x) override;
    void beginEvaluation() override;
    void endEvaluation() override;

    int spikingLayerCount() const override { return static_cast<int>(m_layers.size()); }
    bool visitLearnedParameters(LearnedParameterVisitor& visitor) override {
        visitDenseLayers(m_layers, visitor);
        return true;
    }
    void lastSpikes(int layer, std::vector<UnitSpike>& out) const override;

    // The integers q each layer received for the last sample, and the output scores.
    const std::vector<Eigen::VectorXd>& lastMessages() const { return m_q; }
    const Eigen::VectorXd& lastScores() const { return m_z.back(); }

  private:
    void forward(const Eigen::VectorXd& x, OpCounter& ops);

    std::vector<DenseLayer> m_layers;
    double m_learningRate;
    double m_scale;
    Mode m_mode;
    std::vector<Eigen::ArrayXd> m_scaled, m_rounded; // k·a and round(k·a), per layer
    std::vector<Eigen::VectorXd> m_q;                // round(k·a) per layer, this sample
    std::vector<Eigen::VectorXd> m_change; // s = q − q_prev per layer (sigma-delta mode)
    std::vector<Eigen::VectorXd> m_qPrev;  // q of the previous sample
    std::vector<Eigen::VectorXd> m_sum;    // Wᵀq_prev (sigma-delta mode)
    std::vector<Eigen::VectorXd> m_z;      // pre-activations
    std::vector<Eigen::VectorXd> m_delta;
    std::vector<Eigen::VectorXd> m_savedPrev, m_savedSum;
    Eigen::VectorXd m_p;
    OpCounter m_evaluationOps;
};

} // namespace sdlab
