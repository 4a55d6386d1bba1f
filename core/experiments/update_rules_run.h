#pragma once

#include "learning/update_rule_params.h"

#include <span>
#include <vector>

namespace sdlab {

// One synapse driven by a presynaptic spike train x̄ and a postsynaptic error train ē
// (ICLR'18 Fig. 9). Per step: the reconstructions and the cumulative update of each
// form. The totals are summed to infinity: recon plus its decaying tail, past flushed,
// future as is, STDP offline; spec §3 says they are equal. Shared by
// `sdlab-cli updates` and the Update-rules lab.
struct UpdateRulesRun {
    std::vector<double> xHat, eHat;
    std::vector<double> recon, past, future, stdp; // cumulative, without tails
    double reconTotal = 0.0, pastTotal = 0.0, futureTotal = 0.0, stdpTotal = 0.0;
};

// Requires params.validationError() to be empty and equal-length trains.
UpdateRulesRun runUpdateRules(std::span<const double> xBar, std::span<const double> eBar,
                              const UpdateRuleParams& params);

} // namespace sdlab
