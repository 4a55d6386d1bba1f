#pragma once

#include "cost/op_counter.h"

#include <vector>

namespace sdlab {

// A spiking model's answers after each of its T steps (DSN Fig. 3, "early guessing"):
// classes[t][k] is what sample k decodes to from steps 1..t+1 alone, and cumulative[t] what
// those steps cost, summed over the samples, counted as InferenceCost counts a prediction
// (so cumulative.back() is the whole prediction's cost).
struct EarlyGuesses {
    std::vector<std::vector<int>> classes; // [step][sample]
    std::vector<OpCounter> cumulative;     // [step]

    void reset(int steps, std::size_t samples) {
        classes.assign(static_cast<std::size_t>(steps), std::vector<int>(samples, 0));
        cumulative.assign(static_cast<std::size_t>(steps), OpCounter{});
    }
    // Step costs into running totals: cumulative[t] += cumulative[t − 1].
    void accumulate() {
        for (std::size_t t = 1; t < cumulative.size(); ++t)
            cumulative[t] += cumulative[t - 1];
    }
};

} // namespace sdlab
