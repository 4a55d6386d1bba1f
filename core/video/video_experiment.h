#pragma once

#include "experiment/experiment.h"

namespace sdlab {

// The run of the video experiment (experiments/video_experiment.cpp describes it): opens
// the source, encodes its frames and, with "learn", trains the online learner on them.
// Lives in sdlab_video because it needs OpenCV; front ends that run it link sdlab_video.
std::string runVideoExperiment(const ParameterValues& values, const RunContext& context,
                               OutputBundle& outputs);

} // namespace sdlab
