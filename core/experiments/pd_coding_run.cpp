#include "experiments/pd_coding_run.h"

#include "coding/pd_decoder.h"
#include "coding/pd_encoder.h"
#include "coding/sigma_delta_quantizer.h"

#include <cmath>

namespace sdlab {

PdCodingRun runPdCoding(std::span<const double> x, PdParams params) {
    PdCodingRun run;
    run.a.reserve(x.size());
    run.s.reserve(x.size());
    run.xHat.reserve(x.size());
    PdEncoder encoder(params);
    SigmaDeltaQuantizer quantizer;
    PdDecoder decoder(params);
    double squaredError = 0.0;
    for (const double xt : x) {
        const double a = encoder.step(xt);
        const double s = quantizer.step(a);
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
