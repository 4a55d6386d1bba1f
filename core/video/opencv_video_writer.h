#pragma once

#include "video/video_file_writer.h"

#include <memory>
#include <string>

namespace sdlab {

// Opens `path` for writing (see VideoFileWriter); InputError naming the file when the
// size or rate is out of range or no codec can write its container. Defined in
// sdlab_video_opencv; OpenCV-free code reaches it as VideoBackend::openWriter.
std::unique_ptr<VideoFileWriter> openVideoFileWriter(const std::string& path, double fps, int width,
                                                     int height);

} // namespace sdlab
