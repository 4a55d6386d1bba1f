#pragma once

#include "experiment/parameter_values.h"
#include "learning/update_rule_params.h"

#include <string>
#include <vector>

namespace sdlab {

// The Update-rules lab's and `sdlab-cli updates`' inputs: the two spike trains (integer
// columns xbar, ebar of "input", two random ±1 trains from one seeded engine, x̄ first,
// or, with "trains" signals, two built-in signals x (seed) and e (seed + 1) coded as
// x̄ = Q(enc(x)), ē = Q(enc(e)) with each side's gains, ICLR'18 Fig. 3) and both
// sides' gains (the post side's unset gains are the pre side's).
struct UpdatesInput {
    std::vector<double> xBar, eBar;
    std::vector<double> x, e; // the coded signals (trains "signals" only)
    UpdateRuleParams gains;
    std::string source; // "random" or the file
};
UpdatesInput updatesInputFrom(const ParameterValues& values);

} // namespace sdlab
