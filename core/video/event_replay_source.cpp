#include "video/event_replay_source.h"

#include "io/input_error.h"

#include <algorithm>
#include <fstream>

namespace sdlab {

EventReplaySource::EventReplaySource(EventStream stream, double step, int width, bool colour,
                                     const std::string& name)
    : m_stream(std::move(stream)), m_step(step), m_width(width), m_colour(colour) {
    if (m_stream.width == 0 || m_stream.height == 0 || m_stream.frames.empty())
        throw InputError("event stream " + name + " holds no frame");
    m_height = std::max(
        1, static_cast<int>(static_cast<double>(width) * m_stream.height / m_stream.width + 0.5));
    m_index = m_stream.frames.front().index;
    m_state = Eigen::ArrayXf::Constant(
        static_cast<Eigen::Index>(m_stream.width) * m_stream.height * m_stream.channels, 0.5F);
    m_description =
        "event stream " + name + " (" + std::to_string(m_stream.width) + " × " +
        std::to_string(m_stream.height) + ", " +
        std::to_string(m_stream.frames.back().index - m_stream.frames.front().index + 1) +
        " frames)";
}

bool EventReplaySource::read(VideoFrame& frame) {
    if (m_next >= m_stream.frames.size())
        return false;
    if (m_stream.frames[m_next].index <= m_index) { // else a frame without events
        const auto step = static_cast<float>(m_step);
        for (const RecordedEvent& e : m_stream.frames[m_next].events) // x̂ += θ·s
            m_state(e.valueIndex) = std::clamp(m_state(e.valueIndex) + step * e.value, 0.0F, 1.0F);
        ++m_next;
    }
    ++m_index;
    frame.width = m_width;
    frame.height = m_height;
    frame.channels = m_colour ? 3 : 1;
    frame.label = -1;
    frame.pixels.resize(frame.valueCount());
    const auto channels = static_cast<Eigen::Index>(m_stream.channels);
    for (int y = 0; y < m_height; ++y) {
        const auto sy =
            static_cast<Eigen::Index>(static_cast<long long>(y) * m_stream.height / m_height);
        for (int x = 0; x < m_width; ++x) {
            const auto sx =
                static_cast<Eigen::Index>(static_cast<long long>(x) * m_stream.width / m_width);
            const Eigen::Index from = (sy * m_stream.width + sx) * channels;
            const Eigen::Index to = (static_cast<Eigen::Index>(y) * m_width + x) * frame.channels;
            if (channels == frame.channels) {
                for (Eigen::Index c = 0; c < channels; ++c)
                    frame.pixels(to + c) = m_state(from + c);
            } else if (channels == 3) { // RGB recorded, grey wanted (BT.601)
                frame.pixels(to) = 0.299F * m_state(from) + 0.587F * m_state(from + 1) +
                                   0.114F * m_state(from + 2);
            } else { // grey recorded, RGB wanted
                for (Eigen::Index c = 0; c < 3; ++c)
                    frame.pixels(to + c) = m_state(from);
            }
        }
    }
    return true;
}

bool isEventStreamFile(const std::string& path) {
    if (path.ends_with(".sdev"))
        return true;
    if (!path.ends_with(".csv"))
        return false;
    std::ifstream in(path);
    std::string header;
    std::getline(in, header);
    if (header.starts_with("\xEF\xBB\xBF")) // a spreadsheet's byte-order mark
        header.erase(0, 3);
    return header.starts_with("frame,x,y,");
}

} // namespace sdlab
