#pragma once

#include <vector>

namespace sdlab {

// The kernels of thesis ch. 6 (§6.3.4-6.4, Figs 6.4-6.5) at integer time t, for a decay
// α ∈ (0, 1). Convolution is (h * κ)(t) = Σ_s h(s)·κ(t − s); κ_−X(t) = κ_X(−t).
double kappaPred(long t, double alpha);    // α^t for t ≥ 0, else 0 (the decoder)
double kappaSymStdp(long t, double alpha); // α^|t|/(1 − α²) = (κ_pred * κ_−pred)(t)
double kappaDelta(long t);                 // ½ at t = −1, −½ at t = 1, else 0
double kappaDynStdp(long t, double alpha); // (1/2α)·{−α^{−t} t<0; 0; α^t t>0}
                                           //   = (κ_SymSTDP * κ_−Δ)(t)

// A finitely supported sequence h(t) for t = first .. first + values.size() − 1.
struct DiscreteSeries {
    long first = 0;
    std::vector<double> values;

    long last() const { return first + static_cast<long>(values.size()) - 1; }
    double at(long t) const {
        return t < first || t > last() ? 0.0 : values[static_cast<std::size_t>(t - first)];
    }
};

// Full discrete convolution of two finitely supported series.
DiscreteSeries convolve(const DiscreteSeries& a, const DiscreteSeries& b);

// κ sampled on t = −span .. span.
DiscreteSeries sampleKernel(double (*kernel)(long, double), double alpha, long span);

} // namespace sdlab
