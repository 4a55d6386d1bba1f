#pragma once

#include "models/classifier.h"
#include "models/dense_layer.h"

#include <cstdint>
#include <vector>

namespace sdlab {

// The baseline: an MLP with ReLU hidden layers, a softmax output and the negative
// log-likelihood loss, trained by plain SGD on one sample at a time (ICLR'18 reference
// code). `sizes` = {d_in, hidden..., classes}; Xavier initialisation from the seed.
// Ops per training sample: forward Σ d_in·d_out multiply-adds, backward the same
// without the first layer, update Σ d_in·d_out multiply-adds (plus biases). Without
// biases they stay 0 and cost nothing: the spiking MLP's convention, so weights trained
// by one run the other (DSN Table 2's transfer rows).
class Mlp : public Classifier {
  public:
    Mlp(const std::vector<int>& sizes, double learningRate, std::uint64_t seed, bool biases = true);

    TrainStep train(const Eigen::VectorXd& x, int label) override;
    int predict(const Eigen::VectorXd& x) override;

    // The loss at (x, label) and its gradient for every layer; changes nothing.
    double lossAndGradients(const Eigen::VectorXd& x, int label,
                            std::vector<DenseLayer>& gradients);
    double loss(const Eigen::VectorXd& x, int label);

    std::vector<DenseLayer>& layers() { return m_layers; }
    bool visitLearnedParameters(LearnedParameterVisitor& visitor) override {
        visitDenseLayers(m_layers, visitor);
        return true;
    }
    // The last forward pass's activations: the input, each hidden layer's ReLU output,
    // the output layer's logits (ICLR'18 App. H compares them across frames).
    const std::vector<Eigen::VectorXd>& activations() const { return m_h; }

  private:
    void forward(const Eigen::VectorXd& x);
    // δ of the output layer into m_delta.back(); returns the loss.
    double outputDelta(int label);

    std::vector<DenseLayer> m_layers;
    double m_learningRate;
    bool m_biases;
    std::vector<Eigen::VectorXd> m_h;     // m_h[0] = x, m_h[l] = ReLU(z_l), last = z_L
    std::vector<Eigen::VectorXd> m_delta; // ∂L/∂z_l
    Eigen::VectorXd m_p;
};

} // namespace sdlab
