#include "experiments/pd_coding_run.h"

#include "coding/pd_decoder.h"
#include "coding/pd_encoder.h"
#include "coding/sigma_delta_quantizer.h"
#include "coding/stochastic_rounding_quantizer.h"
#include "coding/value_ops.h"

#include <cmath>

namespace sdlab {

std::optional<PdQuantizerKind> parsePdQuantizerKind(std::string_view name) {
    if (name == "sigma-delta")
        return PdQuantizerKind::SigmaDelta;
    if (name == "rounding")
        return PdQuantizerKind::Rounding;
    if (name == "stochastic")
        return PdQuantizerKind::Stochastic;
    return std::nullopt;
}

PdCodingRun runPdCoding(std::span<const double> x, PdParams params, PdQuantizerKind kind,
                        std::uint64_t seed) {
    PdCodingRun run;
    run.a.reserve(x.size());
    run.s.reserve(x.size());
    run.xHat.reserve(x.size());
    PdEncoder encoder(params);
    SigmaDeltaQuantizer sigmaDelta;
    StochasticRoundingQuantizer stochastic(seed);
    auto quantize = [&](double a) {
        switch (kind) {
        case PdQuantizerKind::Rounding:
            return roundHalfAwayFromZero(a);
        case PdQuantizerKind::Stochastic:
            return stochastic.step(a);
        case PdQuantizerKind::SigmaDelta:
            break;
        }
        return sigmaDelta.step(a);
    };
    PdDecoder decoder(params);
    double squaredError = 0.0;
    for (const double xt : x) {
        const double a = encoder.step(xt);
        const double s = quantize(a);
        const double xHat = decoder.step(s);
        run.a.push_back(a);
        run.s.push_back(s);
        run.xHat.push_back(xHat);
        run.spikes += std::abs(s);
        squaredError += (xHat - xt) * (xHat - xt);
    }
    run.rmse = x.empty() ? 0.0 : std::sqrt(squaredError / static_cast<double>(x.size()));
    return run;
}

} // namespace sdlab
