#include "kernels/stdp_kernels.h"

#include <cmath>
#include <cstdlib>

namespace sdlab {

double kappaPred(long t, double alpha) {
    return t >= 0 ? std::pow(alpha, static_cast<double>(t)) : 0.0;
}

double kappaSymStdp(long t, double alpha) {
    return std::pow(alpha, static_cast<double>(std::labs(t))) / (1.0 - alpha * alpha);
}

double kappaDelta(long t) {
    if (t == -1)
        return 0.5;
    if (t == 1)
        return -0.5;
    return 0.0;
}

double kappaDynStdp(long t, double alpha) {
    const double scale = 1.0 / (2.0 * alpha);
    if (t > 0)
        return scale * std::pow(alpha, static_cast<double>(t));
    if (t < 0)
        return -scale * std::pow(alpha, static_cast<double>(-t));
    return 0.0;
}

DiscreteSeries convolve(const DiscreteSeries& a, const DiscreteSeries& b) {
    DiscreteSeries out;
    if (a.values.empty() || b.values.empty())
        return out;
    out.first = a.first + b.first;
    out.values.assign(a.values.size() + b.values.size() - 1, 0.0);
    for (std::size_t i = 0; i < a.values.size(); ++i)
        for (std::size_t j = 0; j < b.values.size(); ++j)
            out.values[i + j] += a.values[i] * b.values[j];
    return out;
}

DiscreteSeries sampleKernel(double (*kernel)(long, double), double alpha, long span) {
    DiscreteSeries out;
    out.first = -span;
    out.values.reserve(static_cast<std::size_t>(2 * span + 1));
    for (long t = -span; t <= span; ++t)
        out.values.push_back(kernel(t, alpha));
    return out;
}

} // namespace sdlab
