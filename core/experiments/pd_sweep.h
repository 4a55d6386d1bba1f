#pragma once

#include "coding/pd_params.h"
#include "util/progress.h"

#include <span>
#include <string>
#include <vector>

namespace sdlab {

// The metrics of ICLR'18 Fig. 10 / thesis Fig. C.2 at one (kp, kd), each the cosine
// similarity with the true product x⊙w (spec §2).
struct SweepPoint {
    double kp = 0.0;
    double kd = 0.0;
    double cosNonstationary = 0.0; // dec(enc(x)⊙w): error from w changing only
    double cosQuantization = 0.0;  // dec(Q(enc(x)))⊙w: error from quantization only
    double cosFull = 0.0;          // dec(Q(enc(x))⊙w): both (ICLR'18 eq. 7)
    double spikes = 0.0;           // Σ_t |Q(enc(x))_t|
};

struct SweepResult {
    std::vector<SweepPoint> points; // kp in the outer loop, kd in the inner
    bool cancelled = false;
};

// One pass per grid point, grid points spread over all cores (parallelFor). Every
// (kp, kd) must be valid (PdParams::validationError). x and w have the same length.
// `progress` is called from worker threads (done = grid points finished).
SweepResult runPdSweep(std::span<const double> x, std::span<const double> w,
                       std::span<const double> kpValues, std::span<const double> kdValues,
                       const ProgressCallback& progress = {});

SweepPoint evaluateSweepPoint(std::span<const double> x, std::span<const double> w,
                              PdParams params);

// The time traces behind one cell of the maps (ICLR'18 Fig. 10's rows, Fig. 2): the
// true product x_t·w_t and the three reconstructions the cosines compare with it.
struct SweepTraces {
    std::vector<double> product;       // x⊙w
    std::vector<double> nonstationary; // dec(enc(x)⊙w)
    std::vector<double> quantization;  // dec(Q(enc(x)))⊙w
    std::vector<double> full;          // dec(Q(enc(x))⊙w)
};
SweepTraces sweepPointTraces(std::span<const double> x, std::span<const double> w, PdParams params);

// N values from min to max inclusive: evenly spaced, or geometric when `logarithmic`
// (then min must be > 0). N = 1 gives {min}. Throws InputError naming `what` when the
// range is malformed (N < 1, min > max, non-finite, log with min ≤ 0).
std::vector<double> makeRange(double min, double max, long count, bool logarithmic,
                              const std::string& what);

} // namespace sdlab
