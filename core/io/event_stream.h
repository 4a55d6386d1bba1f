#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace sdlab {

// A recorded per-pixel event stream (the Video lab's Record). Two formats:
//
// CSV: a header `frame,x,y,value` (grey) or `frame,x,y,channel,value` (RGB, channel
// 0..2), then one row per event (value: signed count).
//
// Binary (.sdev), little-endian, 6 bytes per event:
//   header  "SDEV" · uint16 version (2) · uint16 channels (1 or 3) · uint32 width ·
//           uint32 height · float64 fps
//   frames  uint32 frame index · uint32 event count n · n × (uint32 value index
//           (y·width + x)·channels + channel, int16 value)
// A frame without events is written as its index and a count of 0. Version 1 files
// (the channels field 0, grey) still read.
enum class EventStreamFormat { Csv, Binary };

struct RecordedEvent {
    std::uint32_t valueIndex = 0; // (y·width + x)·channels + channel
    std::int16_t value = 0;
};

struct RecordedFrame {
    std::uint32_t index = 0;
    std::vector<RecordedEvent> events;
};

struct EventStream {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    std::uint32_t channels = 1;
    double fps = 0.0; // binary only; 0 in CSV
    std::vector<RecordedFrame> frames;
};

// Writes to `path`.part and renames it to `path` in finish(), so a recording that is
// cancelled, fails or is cut short by a crash never leaves a half-written file under
// the chosen name. Throws std::runtime_error naming the file when it cannot write.
class EventStreamWriter {
  public:
    EventStreamWriter(std::filesystem::path path, EventStreamFormat format, int width, int height,
                      int channels, double fps);
    ~EventStreamWriter(); // removes the temporary file unless finished
    EventStreamWriter(const EventStreamWriter&) = delete;
    EventStreamWriter& operator=(const EventStreamWriter&) = delete;

    // The non-zero entries of `events` (width × height × channels, row-major, channels
    // interleaved, rounded to integers).
    void addFrame(std::uint32_t index, const Eigen::ArrayXf& events);
    void finish();
    long long eventCount() const { return m_events; }
    const std::filesystem::path& path() const { return m_path; }

  private:
    std::filesystem::path m_path, m_temporary;
    EventStreamFormat m_format;
    int m_width, m_height, m_channels;
    std::ofstream m_out;
    std::vector<RecordedEvent> m_frameEvents;
    long long m_events = 0;
    bool m_finished = false;
};

// Reads either format (binary when the file starts with "SDEV"). InputError naming the
// file and the problem when it is missing, truncated or inconsistent (a pixel outside
// the frame, a count larger than the bytes left); never allocates more than the file
// could hold.
EventStream readEventStream(const std::filesystem::path& path);
EventStream parseEventStream(const std::string& bytes, const std::string& name);

} // namespace sdlab
