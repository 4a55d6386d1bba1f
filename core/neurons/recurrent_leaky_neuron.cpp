#include "neurons/recurrent_leaky_neuron.h"

#include "io/input_error.h"

namespace sdlab {

RecurrentLeakyNeurons::RecurrentLeakyNeurons(Eigen::Index batch, const LeakyParams& params,
                                             const Eigen::ArrayXd& oneToOne)
    : m_neurons(oneToOne.size(), batch, params), m_oneToOne(oneToOne),
      m_drive(oneToOne.size(), batch) {
    m_neurons.setZeroResetClearsInput(true);
}

RecurrentLeakyNeurons::RecurrentLeakyNeurons(Eigen::Index batch, const LeakyParams& params,
                                             const Eigen::MatrixXd& allToAll,
                                             const Eigen::VectorXd& bias)
    : m_neurons(allToAll.rows(), batch, params), m_allToAll(allToAll), m_bias(bias),
      m_drive(allToAll.rows(), batch) {
    m_neurons.setZeroResetClearsInput(true);
    if (allToAll.rows() != allToAll.cols() || bias.size() != allToAll.rows())
        throw InputError("the recurrent weights must be units x units with one bias per unit");
}

void RecurrentLeakyNeurons::reset() {
    m_neurons.reset();
}

const Eigen::ArrayXXd& RecurrentLeakyNeurons::step(const Eigen::ArrayXXd& current) {
    const Eigen::ArrayXXd& previous = m_neurons.spikes(); // S_{t−1}
    if (isAllToAll()) {
        m_drive = current;
        m_drive.matrix().noalias() += m_allToAll * previous.matrix();
        m_drive.colwise() += m_bias.array();
    } else {
        m_drive = current + previous.colwise() * m_oneToOne;
    }
    return m_neurons.step(m_drive);
}

} // namespace sdlab
