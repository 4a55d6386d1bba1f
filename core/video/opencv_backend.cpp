#include "video/opencv_backend.h"

#include "video/opencv_video_writer.h"
#include "video/video_source.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

namespace sdlab {

namespace {

void resizeArea(const float* image, int stride, int x, int y, int width, int height, float* out,
                int outWidth, int outHeight) {
    // A header over the caller's whole image rows, then the window: exactly the ROI the
    // feature pooling resized before it went through this table.
    const int rows = y + height;
    const cv::Mat whole(rows, stride, CV_32F, const_cast<float*>(image));
    const cv::Mat window = whole(cv::Rect(x, y, width, height));
    cv::Mat grid(outHeight, outWidth, CV_32F, out);
    cv::resize(window, grid, grid.size(), 0, 0, cv::INTER_AREA);
    CV_Assert(grid.data == reinterpret_cast<uchar*>(out)); // written in place
}

double mean(const float* image, int width, int height) {
    return cv::mean(cv::Mat(height, width, CV_32F, const_cast<float*>(image)))[0];
}

} // namespace

const VideoBackend& openCvVideoBackend() {
    static const VideoBackend backend{&openVideoSource, &resizeArea, &mean, &openVideoFileWriter};
    return backend;
}

} // namespace sdlab
