#pragma once

#include "models/classifier.h"

namespace sdlab {

// Copies every learned parameter of `from` into the one of the same name in `to` (DSN
// Table 2: the ReLU net's weights in the spiking MLP, and back). Both must visit the
// same names with the same shapes, as the MLP and the spiking MLP do ("layerN.weights",
// "layerN.bias"); InputError naming the first that differs, and `to` unchanged then.
void copyLearnedParameters(Classifier& from, Classifier& to);

} // namespace sdlab
