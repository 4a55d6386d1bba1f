#pragma once

#include "coding/pd_params.h"

#include <string>

namespace sdlab {

// The PD coding on each side of one layer's synapses: presynaptic (forward) spikes x̄
// are decoded with `pre`, postsynaptic error spikes ē with `post` (spec §3). The
// product x̂·ê of the two reconstructions decays by kα_x·kα_e per silent step, so the
// closed-form sums of the past/future/STDP forms divide by 1 − kα_x·kα_e, which must be
// positive: kp > 0 on at least one side.
struct UpdateRuleParams {
    PdParams pre;
    PdParams post;

    double productDecay() const { return pre.kAlpha() * post.kAlpha(); }
    double geometricSum() const { return 1.0 / (1.0 - productDecay()); } // Σ_k decay^k

    // Empty when valid, otherwise a sentence saying what is wrong.
    std::string validationError() const;
};

enum class UpdateRule { Recon, Past, Future, Stdp };

} // namespace sdlab
