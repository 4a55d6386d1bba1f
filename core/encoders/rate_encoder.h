#pragma once

#include "coding/bernoulli_quantizer.h"

namespace sdlab {

// Rate coding, snnTorch paper eq. 23: each step emits a spike with probability x, for
// x ∈ [0, 1] (values outside are clipped). It is exactly the Bernoulli quantizer of
// thesis §6.3.4, so it is that class under the name the snnTorch paper uses.
using RateEncoder = BernoulliQuantizer;

} // namespace sdlab
