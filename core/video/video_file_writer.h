#pragma once

#include <cstdint>
#include <string>

namespace sdlab {

// A video file being written, frame after frame, in the container its extension names
// (.mp4, .avi, .mkv) with the first codec Debian's OpenCV can write for it (MJPG as the
// fallback). OpenCV-free: the backend (video_backend.h) makes one. Frames are RGB,
// 8 bits per channel, all of the size the writer was opened with.
class VideoFileWriter {
  public:
    virtual ~VideoFileWriter() = default;
    // `rgb` rows are `stride` bytes apart. InputError when the encoder fails.
    virtual void write(const std::uint8_t* rgb, int stride) = 0;
    // Finishes the file (also done by the destructor).
    virtual void close() = 0;
    virtual std::string codec() const = 0; // "avc1", "mp4v", "MJPG", ...
};

} // namespace sdlab
