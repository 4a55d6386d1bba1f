#include "experiments/weight_drift_run.h"

#include "coding/pd_decoder.h"

#include <cmath>
#include <random>

namespace sdlab {

namespace {

// ẑ = dec(Q(enc(x))·w): the decoder is linear, so it decodes the weighted spikes as
// they come (ICLR'18 eq. 7).
std::vector<double> decodedProduct(std::span<const double> x, const std::vector<double>& w,
                                   PdParams params, PdQuantizerKind quantizer, std::uint64_t seed) {
    const PdCodingRun spikes = runPdCoding(x, params, quantizer, seed);
    PdDecoder decoder(params);
    std::vector<double> z(x.size());
    for (std::size_t t = 0; t < x.size(); ++t)
        z[t] = decoder.step(spikes.s[t] * w[t]);
    return z;
}

double rmse(const std::vector<double>& a, const std::vector<double>& b) {
    double squared = 0.0;
    for (std::size_t t = 0; t < a.size(); ++t)
        squared += (a[t] - b[t]) * (a[t] - b[t]);
    return a.empty() ? 0.0 : std::sqrt(squared / static_cast<double>(a.size()));
}

} // namespace

WeightDriftRun runWeightDrift(std::span<const double> x, PdParams params, double drift,
                              PdQuantizerKind quantizer, std::uint64_t seed) {
    WeightDriftRun run;
    std::mt19937_64 engine(seed);
    std::normal_distribution<double> step(0.0, 1.0);
    double w = 1.0;
    for (const double xt : x) {
        w += drift * step(engine);
        run.w.push_back(w);
        run.product.push_back(xt * w);
    }
    run.withoutKp = decodedProduct(x, run.w, PdParams{0.0, params.kd}, quantizer, seed);
    run.withKp = decodedProduct(x, run.w, params, quantizer, seed);
    run.rmseWithoutKp = rmse(run.withoutKp, run.product);
    run.rmseWithKp = rmse(run.withKp, run.product);
    return run;
}

} // namespace sdlab
