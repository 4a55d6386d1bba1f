#pragma once

#include "coding/bernoulli_quantizer.h"

namespace sdlab {

// Rate coding, snnTorch paper eq. 23: each step emits a spike with probability x. It is
// exactly the Bernoulli quantizer of thesis §6.3.4, so it is that class under the name
// the snnTorch paper uses; like snnTorch's spikegen.rate it clips x to [0, 1]. A file
// given to `sdlab-cli encode --method rate` or the Encoders lab must hold probabilities:
// a value outside [0, 1] there is refused, naming the cell, rather than clipped.
using RateEncoder = BernoulliQuantizer;

} // namespace sdlab
