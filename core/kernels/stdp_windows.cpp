#include "kernels/stdp_windows.h"

#include "learning/stdp_update.h"

#include <cmath>

namespace sdlab {

double pdStdpWeightChange(long dt, const UpdateRuleParams& params, int preSign, int postSign) {
    return -static_cast<double>(preSign * postSign) * stdpWindow(dt, params); // −∂L/∂w
}

double classicStdpWeightChange(double dt, double aPlus, double tauPlus, double aMinus,
                               double tauMinus) {
    if (dt > 0.0)
        return aPlus * std::exp(-dt / tauPlus);
    if (dt < 0.0)
        return -aMinus * std::exp(dt / tauMinus);
    return 0.0;
}

StdpWindows stdpWindowsFor(double alpha, long span) {
    const PdParams gains = PdParams::fromAlphaBeta(alpha, 1.0 - alpha); // kp = 1
    const UpdateRuleParams params{gains, gains};
    const double peak = stdpWindow(0, params);
    const double tau = -1.0 / std::log(alpha);
    StdpWindows windows;
    for (DiscreteSeries* series : {&windows.sameSign, &windows.oppositeSign, &windows.classic})
        series->first = -span;
    for (long t = -span; t <= span; ++t) {
        windows.sameSign.values.push_back(pdStdpWeightChange(t, params, 1, 1));
        windows.oppositeSign.values.push_back(pdStdpWeightChange(t, params, 1, -1));
        windows.classic.values.push_back(
            classicStdpWeightChange(static_cast<double>(t), peak, tau, peak, tau));
    }
    return windows;
}

} // namespace sdlab
