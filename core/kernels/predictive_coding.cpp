#include "kernels/predictive_coding.h"

#include "coding/bernoulli_quantizer.h"
#include "coding/threshold_quantizer.h"

#include <stdexcept>

namespace sdlab {

std::optional<BitQuantizer> parseBitQuantizer(std::string_view name) {
    if (name == "threshold")
        return BitQuantizer::Threshold;
    if (name == "random")
        return BitQuantizer::Random;
    if (name == "sigma-delta")
        return BitQuantizer::SigmaDelta;
    return std::nullopt;
}

PredictiveCoding encodePredictive(std::span<const double> x, double alpha, BitQuantizer quantizer,
                                  std::uint64_t seed) {
    const ThresholdQuantizer half; // θ = ½ for threshold and sigma-delta
    BernoulliQuantizer random(seed);
    PredictiveCoding out;
    out.encoded.reserve(x.size());
    out.bits.reserve(x.size());
    out.reconstruction.reserve(x.size());
    double prediction = 0.0, phi = 0.0; // x^P(t−1); sigma-delta's running residual
    for (double value : x) {
        const double encoded = value - prediction; // thesis eq. 6.5
        double bit = 0.0;
        switch (quantizer) {
        case BitQuantizer::Threshold:
            bit = half.step(encoded);
            break;
        case BitQuantizer::Random:
            bit = random.step(encoded);
            break;
        case BitQuantizer::SigmaDelta:
            bit = half.step(phi + encoded);
            phi += encoded - bit;
            break;
        }
        const double reconstruction = bit + prediction;
        prediction = alpha * reconstruction;
        out.encoded.push_back(encoded);
        out.bits.push_back(bit);
        out.reconstruction.push_back(reconstruction);
    }
    return out;
}

std::vector<double> centralDifference(std::span<const double> h) {
    std::vector<double> rate(h.size());
    for (std::size_t t = 0; t < h.size(); ++t) {
        const double next = t + 1 < h.size() ? h[t + 1] : 0.0;
        const double previous = t > 0 ? h[t - 1] : 0.0;
        rate[t] = 0.5 * (next - previous);
    }
    return rate;
}

std::vector<double> dynamicsWeightChange(std::span<const double> pre,
                                         std::span<const double> post) {
    if (pre.size() != post.size())
        throw std::invalid_argument("dynamicsWeightChange: the signals differ in length");
    const std::vector<double> rate = centralDifference(post);
    std::vector<double> cumulative(pre.size());
    double sum = 0.0;
    for (std::size_t t = 0; t < pre.size(); ++t)
        cumulative[t] = sum += pre[t] * rate[t]; // thesis eq. 6.2
    return cumulative;
}

} // namespace sdlab
