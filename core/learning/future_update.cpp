#include "learning/future_update.h"

namespace sdlab {

void FutureUpdate::step(const Eigen::ArrayXd& preSpikes, const Eigen::ArrayXd& postSpikes,
                        RowMatrix& dW, double gain) {
    m_traces.beginStep(preSpikes, postSpikes);
    m_traces.addPost(postSpikes); // ê now includes this step's error spikes
    const UpdateRuleParams& p = m_traces.params();
    const double scale = gain * p.geometricSum();
    const double preGain = scale * p.pre.kBeta();
    const double postGain = scale * p.post.kBeta();
    for (Eigen::Index i : m_traces.activePre())
        dW.row(i) += (preGain * preSpikes(i)) * m_traces.eHat().matrix().transpose();
    // x̂ does not yet include this step's input spikes: their pairing with ē_t was
    // counted in the row pass above.
    for (Eigen::Index j : m_traces.activePost())
        dW.col(j) += (postGain * postSpikes(j)) * m_traces.xHat().matrix();
    m_traces.addPre(preSpikes);
}

} // namespace sdlab
