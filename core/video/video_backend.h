#pragma once

#include <memory>
#include <string>

namespace sdlab {

class VideoFileWriter;
class VideoSource;
struct VideoSourceSettings;

// What the video code needs of OpenCV, as one table: opening sources (files, cameras
// and the synthetic scene, whose drawing is OpenCV's), the two image reductions the
// network's input pooling uses, and writing video files (recorded animations). Everything else
// under core/video is OpenCV-free and takes a backend from its caller, so a front end loads OpenCV
// only once it opens a video: the plugin (video_plugin.h) holds the one real backend,
// openCvVideoBackend().
struct VideoBackend {
    // InputError naming the source and the problem (see video_source.h).
    std::unique_ptr<VideoSource> (*openSource)(const VideoSourceSettings& settings);
    // cv::resize(INTER_AREA) of the width × height window at (x, y) of a row-major
    // float image `stride` values wide, into out (outWidth × outHeight, row-major).
    void (*resizeArea)(const float* image, int stride, int x, int y, int width, int height,
                       float* out, int outWidth, int outHeight);
    // cv::mean of a row-major float image.
    double (*mean)(const float* image, int width, int height);
    // A video file for RGB frames (opencv_video_writer.h); InputError naming the file.
    std::unique_ptr<VideoFileWriter> (*openWriter)(const std::string& path, double fps, int width,
                                                   int height);
};

} // namespace sdlab
