#include "learning/recon_update.h"

namespace sdlab {

void ReconUpdate::step(const Eigen::ArrayXd& preSpikes, const Eigen::ArrayXd& postSpikes,
                       RowMatrix& dW) {
    m_traces.beginStep(preSpikes, postSpikes);
    m_traces.addPre(preSpikes);
    m_traces.addPost(postSpikes);
    dW.noalias() += m_traces.xHat().matrix() * m_traces.eHat().matrix().transpose();
}

void ReconUpdate::addTail(RowMatrix& dW) const {
    const double decay = m_traces.params().productDecay();
    const double tail = decay * m_traces.params().geometricSum();
    dW.noalias() += tail * (m_traces.xHat().matrix() * m_traces.eHat().matrix().transpose());
}

} // namespace sdlab
