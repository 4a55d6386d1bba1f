#include "experiments/update_rules_run.h"

#include "learning/future_update.h"
#include "learning/past_update.h"
#include "learning/recon_update.h"
#include "learning/stdp_update.h"

namespace sdlab {

UpdateRulesRun runUpdateRules(std::span<const double> xBar, std::span<const double> eBar,
                              const UpdateRuleParams& params) {
    const std::size_t steps = xBar.size();
    UpdateRulesRun run;
    ReconUpdate recon(1, 1, params);
    PastUpdate past(1, 1, params);
    FutureUpdate future(1, 1, params);
    RowMatrix wRecon = RowMatrix::Zero(1, 1), wPast = wRecon, wFuture = wRecon;
    Eigen::ArrayXd pre(1), post(1);
    for (std::size_t t = 0; t < steps; ++t) {
        pre(0) = xBar[t];
        post(0) = eBar[t];
        recon.step(pre, post, wRecon);
        past.step(pre, post, wPast);
        future.step(pre, post, wFuture);
        run.xHat.push_back(recon.traces().xHat()(0));
        run.eHat.push_back(recon.traces().eHat()(0));
        run.recon.push_back(wRecon(0, 0));
        run.past.push_back(wPast(0, 0));
        run.future.push_back(wFuture(0, 0));
    }
    std::vector<double> stdpSteps;
    const Eigen::Index rows = static_cast<Eigen::Index>(steps);
    const RowMatrix wStdp =
        stdpUpdate(Eigen::Map<const Eigen::MatrixXd>(xBar.data(), rows, 1),
                   Eigen::Map<const Eigen::MatrixXd>(eBar.data(), rows, 1), params, &stdpSteps);
    double cumulative = 0.0;
    for (const double increment : stdpSteps)
        run.stdp.push_back(cumulative += increment);

    recon.addTail(wRecon);
    past.flush(wPast);
    run.reconTotal = wRecon(0, 0);
    run.pastTotal = wPast(0, 0);
    run.futureTotal = wFuture(0, 0);
    run.stdpTotal = wStdp(0, 0);
    return run;
}

} // namespace sdlab
