#pragma once

#include "neurons/leaky_neuron.h"

#include <Eigen/Core>

namespace sdlab {

// A recurrent Leaky layer (snnTorch's RLeaky, paper Fig. 6a, spec §10): each step's input
// gains the layer's own previous spikes, I_t + V·S_{t−1}, then the neurons step as
// Leaky, except that a zero reset clears the whole new membrane, input included, as
// snnTorch's RLeaky does: U_t = (1 − R_t)·(β·U_{t−1} + I_t + V·S_{t−1}). V is one-to-one (a weight
// per unit) or all-to-all (a units × units matrix, with a bias as snnTorch's nn.Linear has; zero
// unless set).
class RecurrentLeakyNeurons {
  public:
    // One-to-one: unit i feeds back to itself with weight v(i).
    RecurrentLeakyNeurons(Eigen::Index batch, const LeakyParams& params,
                          const Eigen::ArrayXd& oneToOne);
    // All-to-all: unit j feeds unit i with weight v(i, j), plus bias(i) every step.
    RecurrentLeakyNeurons(Eigen::Index batch, const LeakyParams& params,
                          const Eigen::MatrixXd& allToAll, const Eigen::VectorXd& bias);

    void reset();
    const Eigen::ArrayXXd& step(const Eigen::ArrayXXd& current);

    bool isAllToAll() const { return m_allToAll.size() > 0; }
    const Eigen::ArrayXXd& drive() const { return m_drive; } // I_t + V·S_{t−1}
    const LeakyNeurons& neurons() const { return m_neurons; }
    const Eigen::ArrayXXd& membrane() const { return m_neurons.membrane(); }
    const Eigen::ArrayXXd& spikes() const { return m_neurons.spikes(); }

  private:
    LeakyNeurons m_neurons;
    Eigen::ArrayXd m_oneToOne;
    Eigen::MatrixXd m_allToAll;
    Eigen::VectorXd m_bias;
    Eigen::ArrayXXd m_drive;
};

} // namespace sdlab
