#pragma once

#include "video/video_backend.h"

namespace sdlab {

// The video backend built on OpenCV (sources, drawing, area resize): linked only into
// the video plugin and the tests and benchmarks of video code.
const VideoBackend& openCvVideoBackend();

} // namespace sdlab
