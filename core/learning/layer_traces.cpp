#include "learning/layer_traces.h"

namespace sdlab {

LayerTraces::LayerTraces(Eigen::Index dIn, Eigen::Index dOut, const UpdateRuleParams& params)
    : m_params(params), m_kAlphaPre(params.pre.kAlpha()), m_kBetaPre(params.pre.kBeta()),
      m_kAlphaPost(params.post.kAlpha()), m_kBetaPost(params.post.kBeta()),
      m_xHat(Eigen::ArrayXd::Zero(dIn)), m_eHat(Eigen::ArrayXd::Zero(dOut)),
      m_preMask(static_cast<std::size_t>(dIn), false) {
    m_activePre.reserve(static_cast<std::size_t>(dIn));
    m_activePost.reserve(static_cast<std::size_t>(dOut));
}

void LayerTraces::setParams(const UpdateRuleParams& params) {
    m_params = params;
    m_kAlphaPre = params.pre.kAlpha();
    m_kBetaPre = params.pre.kBeta();
    m_kAlphaPost = params.post.kAlpha();
    m_kBetaPost = params.post.kBeta();
}

void LayerTraces::beginStep(const Eigen::ArrayXd& preSpikes, const Eigen::ArrayXd& postSpikes) {
    for (Eigen::Index i : m_activePre)
        m_preMask[static_cast<std::size_t>(i)] = false;
    m_activePre.clear();
    m_activePost.clear();
    for (Eigen::Index i = 0; i < preSpikes.size(); ++i) {
        if (preSpikes(i) != 0.0) {
            m_activePre.push_back(i);
            m_preMask[static_cast<std::size_t>(i)] = true;
        }
    }
    for (Eigen::Index j = 0; j < postSpikes.size(); ++j)
        if (postSpikes(j) != 0.0)
            m_activePost.push_back(j);
    m_xHat *= m_kAlphaPre;
    m_eHat *= m_kAlphaPost;
}

void LayerTraces::addPre(const Eigen::ArrayXd& preSpikes) {
    for (Eigen::Index i : m_activePre)
        m_xHat(i) += m_kBetaPre * preSpikes(i);
}

void LayerTraces::addPost(const Eigen::ArrayXd& postSpikes) {
    for (Eigen::Index j : m_activePost)
        m_eHat(j) += m_kBetaPost * postSpikes(j);
}

} // namespace sdlab
