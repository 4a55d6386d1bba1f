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
    // The traces decayed to this step pair with u in the update; after this step's spikes
    // are added they make the new u. Both are needed in one pass, so keep the first.
    m_xBefore = m_traces.xHat();
    m_eBefore = m_traces.eHat();
    m_traces.addPre(preSpikes);
    m_traces.addPost(postSpikes);
    const Eigen::ArrayXd& xHat = m_traces.xHat();
    const Eigen::ArrayXd& eHat = m_traces.eHat();
    // Rows of spiking inputs: every synapse in the row is touched.
    for (Eigen::Index i : pre) {
        dW.row(i) += scale * (m_u.row(i) - m_xBefore(i) * m_eBefore.matrix().transpose());
        m_u.row(i) = xHat(i) * eHat.matrix().transpose();
    }
    if (post.empty())
        return;
    // Columns of spiking outputs, row after row so dW and u stream through memory once
    // (a column at a time strides d_out apart on every element); rows handled above
    // already hold their new u, which is the same x̂_i·ê_j.
    const Eigen::Index dIn = m_u.rows();
    const double* eBefore = m_eBefore.data();
    const double* eAfter = eHat.data();
    for (Eigen::Index i = 0; i < dIn; ++i) {
        if (m_traces.isPreActive(i))
            continue;
        double* dwRow = dW.row(i).data();
        double* uRow = m_u.row(i).data();
        const double xBefore = m_xBefore(i), xAfter = xHat(i);
        for (Eigen::Index j : post) {
            dwRow[j] += scale * (uRow[j] - xBefore * eBefore[j]);
            uRow[j] = xAfter * eAfter[j];
        }
    }
}

void PastUpdate::flush(RowMatrix& dW, double gain) const {
    dW += (gain * m_traces.params().geometricSum()) * m_u;
}

} // namespace sdlab
