#include "learning/recon_update.h"

namespace sdlab {

void ReconUpdate::step(const Eigen::ArrayXd& preSpikes, const Eigen::ArrayXd& postSpikes,
                       RowMatrix& dW, double gain) {
    m_traces.beginStep(preSpikes, postSpikes);
    m_traces.addPre(preSpikes);
    m_traces.addPost(postSpikes);
    dW.noalias() += (gain * m_traces.xHat()).matrix() * m_traces.eHat().matrix().transpose();
}

void ReconUpdate::addTail(RowMatrix& dW, double gain) const {
    const double decay = m_traces.params().productDecay();
    const double tail = gain * decay * m_traces.params().geometricSum();
    dW.noalias() += tail * (m_traces.xHat().matrix() * m_traces.eHat().matrix().transpose());
}

} // namespace sdlab
