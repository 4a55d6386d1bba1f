#include "learning/stdp_update.h"

#include <cmath>

namespace sdlab {

double stdpWindow(long tau, const UpdateRuleParams& params) {
    const double gain = params.pre.kBeta() * params.post.kBeta() * params.geometricSum();
    if (tau >= 0)
        return gain * std::pow(params.pre.kAlpha(), static_cast<double>(tau));
    return gain * std::pow(params.post.kAlpha(), static_cast<double>(-tau));
}

RowMatrix stdpUpdate(const Eigen::MatrixXd& pre, const Eigen::MatrixXd& post,
                     const UpdateRuleParams& params, std::vector<double>* stepTotals) {
    const Eigen::Index steps = pre.rows();
    const Eigen::Index dIn = pre.cols();
    const double kAlphaPre = params.pre.kAlpha();
    const double kAlphaPost = params.post.kAlpha();
    const double gain = params.pre.kBeta() * params.post.kBeta() * params.geometricSum();

    // anticausal.row(t) = Σ_{s>t} kα_e^{s−t}·x̄_s, built backwards in time.
    Eigen::MatrixXd anticausal = Eigen::MatrixXd::Zero(steps, dIn);
    for (Eigen::Index t = steps - 2; t >= 0; --t)
        anticausal.row(t) = kAlphaPost * (anticausal.row(t + 1) + pre.row(t + 1));

    RowMatrix dW = RowMatrix::Zero(dIn, post.cols());
    if (stepTotals)
        stepTotals->assign(static_cast<std::size_t>(steps), 0.0);
    Eigen::RowVectorXd causal = Eigen::RowVectorXd::Zero(dIn); // Σ_{s≤t} kα_x^{t−s}·x̄_s
    Eigen::RowVectorXd window(dIn);
    for (Eigen::Index t = 0; t < steps; ++t) {
        causal = kAlphaPre * causal + pre.row(t);
        bool windowReady = false;
        for (Eigen::Index j = 0; j < post.cols(); ++j) {
            const double e = post(t, j);
            if (e == 0.0)
                continue;
            if (!windowReady) {
                window = gain * (causal + anticausal.row(t));
                windowReady = true;
            }
            dW.col(j) += e * window.transpose();
            if (stepTotals)
                (*stepTotals)[static_cast<std::size_t>(t)] += e * window.sum();
        }
    }
    return dW;
}

} // namespace sdlab
