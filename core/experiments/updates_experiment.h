#pragma once

#include "experiment/parameter_values.h"
#include "learning/update_rule_params.h"

#include <string>
#include <vector>

namespace sdlab {

// The Update-rules lab's and `sdlab-cli updates`' inputs: the two spike trains (integer
// columns xbar, ebar of "input", or two random ±1 trains from one seeded engine, x̄
// first) and both sides' gains (the post side's unset gains are the pre side's).
struct UpdatesInput {
    std::vector<double> xBar, eBar;
    UpdateRuleParams gains;
    std::string source; // "random" or the file
};
UpdatesInput updatesInputFrom(const ParameterValues& values);

} // namespace sdlab
