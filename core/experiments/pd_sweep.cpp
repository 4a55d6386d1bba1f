#include "experiments/pd_sweep.h"

#include "coding/pd_decoder.h"
#include "coding/pd_encoder.h"
#include "coding/sigma_delta_quantizer.h"
#include "io/input_error.h"
#include "util/cosine_similarity.h"
#include "util/parallel_for.h"

#include <atomic>
#include <cmath>
#include <mutex>

namespace sdlab {

SweepPoint evaluateSweepPoint(std::span<const double> x, std::span<const double> w,
                              PdParams params) {
    PdEncoder encoder(params);
    SigmaDeltaQuantizer quantizer;
    PdDecoder decodeProduct(params);   // dec(enc(x)⊙w)
    PdDecoder decodeQuantized(params); // dec(Q(enc(x)))
    PdDecoder decodeFull(params);      // dec(Q(enc(x))⊙w)
    CosineAccumulator nonstationary, quantization, full;
    double spikes = 0.0;
    for (std::size_t t = 0; t < x.size(); ++t) {
        const double a = encoder.step(x[t]);
        const double s = quantizer.step(a);
        const double target = x[t] * w[t];
        nonstationary.add(target, decodeProduct.step(a * w[t]));
        quantization.add(target, decodeQuantized.step(s) * w[t]);
        full.add(target, decodeFull.step(s * w[t]));
        spikes += std::abs(s);
    }
    return {params.kp, params.kd, nonstationary.value(), quantization.value(), full.value(),
            spikes};
}

SweepResult runPdSweep(std::span<const double> x, std::span<const double> w,
                       std::span<const double> kpValues, std::span<const double> kdValues,
                       const ProgressCallback& progress) {
    SweepResult result;
    const std::size_t total = kpValues.size() * kdValues.size();
    result.points.resize(total);
    std::atomic<std::size_t> done{0};
    std::atomic<bool> cancelled{false};
    std::mutex progressMutex;
    parallelFor(total, [&](std::size_t begin, std::size_t end) {
        for (std::size_t k = begin; k < end && !cancelled.load(std::memory_order_relaxed); ++k) {
            const PdParams params{kpValues[k / kdValues.size()], kdValues[k % kdValues.size()]};
            result.points[k] = evaluateSweepPoint(x, w, params);
            const std::size_t finished = done.fetch_add(1) + 1;
            if (progress) {
                std::lock_guard lock(progressMutex);
                if (!progress(finished, total))
                    cancelled = true;
            }
        }
    });
    result.cancelled = cancelled;
    return result;
}

std::vector<double> makeRange(double min, double max, long count, bool logarithmic,
                              const std::string& what) {
    if (!std::isfinite(min) || !std::isfinite(max))
        throw InputError(what + ": the range ends must be finite numbers");
    if (count < 1)
        throw InputError(what + ": the range needs at least 1 value (got N = " +
                         std::to_string(count) + ")");
    if (min > max)
        throw InputError(what + ": the range MIN must not exceed MAX");
    if (logarithmic && min <= 0.0)
        throw InputError(what + ": a logarithmic range needs MIN > 0");
    std::vector<double> values(static_cast<std::size_t>(count));
    for (long i = 0; i < count; ++i) {
        const double f = count == 1 ? 0.0 : static_cast<double>(i) / static_cast<double>(count - 1);
        values[static_cast<std::size_t>(i)] =
            logarithmic ? min * std::pow(max / min, f) : min + f * (max - min);
    }
    values.back() = count == 1 ? min : max; // exact end point despite rounding
    return values;
}

} // namespace sdlab
