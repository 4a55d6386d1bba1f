#pragma once

#include "experiment/experiment.h"
#include "video/online_video_learner.h"
#include "video/video_encoding_run.h"

namespace sdlab {

// The run of the video experiment (experiments/video_experiment.cpp describes it): opens
// the source, encodes its frames and, with "learn", trains the online learner on them.
// Front ends run it through the video plugin (video_plugin.h), which supplies OpenCV.
// The video experiment's values as the encoding and the online learner's settings
// (checked: InputError naming the problem); the Video lab configures its live view from
// the same.
VideoEncodingSettings videoEncodingSettingsFrom(const ParameterValues& values);
OnlineLearningSettings onlineLearningSettingsFrom(const ParameterValues& values);

std::string runVideoExperiment(const ParameterValues& values, const RunContext& context,
                               OutputBundle& outputs, const VideoBackend& backend);

} // namespace sdlab
