#pragma once

#include <cmath>

namespace sdlab {

// Streams two series and gives their cosine similarity a·b/(|a||b|), 0 when either
// norm is 0 (spec §0). No allocation.
struct CosineAccumulator {
    double dot = 0.0;
    double aa = 0.0;
    double bb = 0.0;

    void add(double a, double b) {
        dot += a * b;
        aa += a * a;
        bb += b * b;
    }
    double value() const { return aa > 0.0 && bb > 0.0 ? dot / std::sqrt(aa * bb) : 0.0; }
};

} // namespace sdlab
