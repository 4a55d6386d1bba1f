#include "video/opencv_video_writer.h"

#include "io/input_error.h"

#include <filesystem>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>
#include <vector>

namespace sdlab {

namespace {

class OpenCvVideoWriter : public VideoFileWriter {
  public:
    OpenCvVideoWriter(cv::VideoWriter writer, int width, int height, std::string codec)
        : m_writer(std::move(writer)), m_width(width), m_height(height), m_codec(std::move(codec)) {
    }
    ~OpenCvVideoWriter() override { close(); }
    void write(const std::uint8_t* rgb, int stride) override {
        const cv::Mat frame(m_height, m_width, CV_8UC3, const_cast<std::uint8_t*>(rgb),
                            static_cast<std::size_t>(stride));
        cv::cvtColor(frame, m_bgr, cv::COLOR_RGB2BGR);
        try {
            m_writer.write(m_bgr);
        } catch (const cv::Exception& e) {
            throw InputError(std::string("the video encoder failed: ") + e.what());
        }
    }
    void close() override { m_writer.release(); }
    std::string codec() const override { return m_codec; }

  private:
    cv::VideoWriter m_writer;
    int m_width, m_height;
    std::string m_codec;
    cv::Mat m_bgr;
};

// Codecs to try per container, best first; MJPG is the fallback everywhere.
std::vector<std::string> codecsFor(const std::string& extension) {
    if (extension == ".mp4" || extension == ".mov")
        return {"avc1", "mp4v", "MJPG"};
    if (extension == ".mkv")
        return {"X264", "MJPG"};
    return {"MJPG", "XVID"};
}

} // namespace

std::unique_ptr<VideoFileWriter> openVideoFileWriter(const std::string& path, double fps, int width,
                                                     int height) {
    if (width < 16 || height < 16 || width > 8192 || height > 8192)
        throw InputError("video size " + std::to_string(width) + " x " + std::to_string(height) +
                         " is outside 16..8192");
    if (!(fps >= 1.0 && fps <= 240.0))
        throw InputError("video frame rate " + std::to_string(fps) + " is outside 1..240");
    const std::string extension = std::filesystem::path(path).extension().string();
    for (const std::string& codec : codecsFor(extension)) {
        cv::VideoWriter writer;
        try {
            writer.open(path, cv::CAP_FFMPEG,
                        cv::VideoWriter::fourcc(codec[0], codec[1], codec[2], codec[3]), fps,
                        cv::Size(width, height), true);
        } catch (const cv::Exception&) {
            continue;
        }
        if (writer.isOpened())
            return std::make_unique<OpenCvVideoWriter>(std::move(writer), width, height, codec);
    }
    throw InputError(quoted(path) + ": no codec OpenCV can write for " +
                     (extension.empty() ? std::string("a file without an extension")
                                        : "the " + extension + " container") +
                     " (try .avi, .mp4, or a .png sequence)");
}

} // namespace sdlab
