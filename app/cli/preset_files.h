#pragma once

#include "experiment/preset.h"

#include <string>
#include <vector>

namespace sdlab::cli {

// The preset named by `nameOrPath`: a file (anything with a '/' or ending in .json that
// exists), or a built-in preset "NAME" or "LAB/NAME" from the preset directories (the
// build's source tree, then the installed share/sdlab/presets; SDLAB_PRESET_DIR first
// when set). Throws InputError naming it when it is missing, ambiguous or invalid.
Preset loadPreset(const std::string& nameOrPath);
// Writes the preset as `path` through a temporary name renamed into place.
void savePreset(const Preset& preset, const std::string& path);

} // namespace sdlab::cli
