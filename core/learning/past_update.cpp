#include "learning/past_update.h"

namespace sdlab {

void PastUpdate::step(const Eigen::ArrayXd& preSpikes, const Eigen::ArrayXd& postSpikes,
                      RowMatrix& dW, double gain) {
    m_traces.beginStep(preSpikes, postSpikes);
    const auto& pre = m_traces.activePre();
    const auto& post = m_traces.activePost();
    if (pre.empty() && post.empty())
        return;
    const double scale = gain * m_traces.params().geometricSum();
    const auto eHat = m_traces.eHat().matrix().transpose();
    // Rows of spiking inputs: every synapse in the row is touched.
    for (Eigen::Index i : pre)
        dW.row(i) += scale * (m_u.row(i) - m_traces.xHat()(i) * eHat);
    // Columns of spiking outputs, except synapses already handled in a row above.
    const Eigen::Index dIn = m_u.rows();
    for (Eigen::Index j : post) {
        const double ej = m_traces.eHat()(j);
        for (Eigen::Index i = 0; i < dIn; ++i)
            if (!m_traces.isPreActive(i))
                dW(i, j) += scale * (m_u(i, j) - m_traces.xHat()(i) * ej);
    }
    m_traces.addPre(preSpikes);
    m_traces.addPost(postSpikes);
    for (Eigen::Index i : pre)
        m_u.row(i) = m_traces.xHat()(i) * m_traces.eHat().matrix().transpose();
    for (Eigen::Index j : post)
        m_u.col(j) = m_traces.xHat().matrix() * m_traces.eHat()(j);
}

void PastUpdate::flush(RowMatrix& dW, double gain) const {
    dW += (gain * m_traces.params().geometricSum()) * m_u;
}

} // namespace sdlab
