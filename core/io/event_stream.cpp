#include "io/event_stream.h"

#include "io/bounded_input.h"
#include "io/csv_table.h"
#include "io/input_error.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <sstream>
#include <stdexcept>
#include <string_view>

namespace sdlab {

namespace {

static_assert(std::endian::native == std::endian::little, "the .sdev writer assumes little-endian");

constexpr char kMagic[4] = {'S', 'D', 'E', 'V'};
constexpr std::uint16_t kVersion = 2; // 2 added the channels field
constexpr std::size_t kHeaderBytes = 4 + 2 + 2 + 4 + 4 + 8;
constexpr std::size_t kEventBytes = 4 + 2;

template <class T> void put(std::ofstream& out, T value) {
    out.write(reinterpret_cast<const char*>(&value), sizeof value);
}

template <class T> T take(const std::string& bytes, std::size_t& at) {
    T value;
    std::memcpy(&value, bytes.data() + at, sizeof value);
    at += sizeof value;
    return value;
}

} // namespace

EventStreamWriter::EventStreamWriter(std::filesystem::path path, EventStreamFormat format,
                                     int width, int height, int channels, double fps)
    : m_path(std::move(path)), m_temporary(m_path.string() + ".part"), m_format(format),
      m_width(width), m_height(height), m_channels(channels) {
    if (channels != 1 && channels != 3)
        throw std::invalid_argument("event stream: channels must be 1 or 3");
    m_out.open(m_temporary, std::ios::binary | std::ios::trunc);
    if (!m_out)
        throw std::runtime_error("cannot write the recording " + m_temporary.string());
    if (format == EventStreamFormat::Csv) {
        m_out << (channels == 1 ? "frame,x,y,value\n" : "frame,x,y,channel,value\n");
    } else {
        m_out.write(kMagic, 4);
        put(m_out, kVersion);
        put(m_out, static_cast<std::uint16_t>(channels));
        put(m_out, static_cast<std::uint32_t>(width));
        put(m_out, static_cast<std::uint32_t>(height));
        put(m_out, fps);
    }
    m_frameEvents.reserve(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) *
                          static_cast<std::size_t>(channels) / 8);
}

EventStreamWriter::~EventStreamWriter() {
    if (!m_finished) {
        m_out.close();
        std::error_code ignored;
        std::filesystem::remove(m_temporary, ignored);
    }
}

void EventStreamWriter::addFrame(std::uint32_t index, const Eigen::ArrayXf& events) {
    if (events.size() != static_cast<Eigen::Index>(m_width) * m_height * m_channels)
        throw std::runtime_error("recording " + m_path.string() + ": the frame size changed");
    m_frameEvents.clear();
    for (Eigen::Index i = 0; i < events.size(); ++i) {
        const float v = std::round(events(i));
        if (v != 0.0F)
            m_frameEvents.push_back(
                {static_cast<std::uint32_t>(i),
                 static_cast<std::int16_t>(std::clamp(v, -32767.0F, 32767.0F))});
    }
    m_events += static_cast<long long>(m_frameEvents.size());
    if (m_format == EventStreamFormat::Csv) {
        const auto width = static_cast<std::uint32_t>(m_width);
        const auto channels = static_cast<std::uint32_t>(m_channels);
        for (const RecordedEvent& e : m_frameEvents) {
            const std::uint32_t pixel = e.valueIndex / channels;
            m_out << index << ',' << pixel % width << ',' << pixel / width << ',';
            if (channels > 1)
                m_out << e.valueIndex % channels << ',';
            m_out << e.value << '\n';
        }
    } else {
        put(m_out, index);
        put(m_out, static_cast<std::uint32_t>(m_frameEvents.size()));
        for (const RecordedEvent& e : m_frameEvents) {
            put(m_out, e.valueIndex);
            put(m_out, e.value);
        }
    }
    if (!m_out)
        throw std::runtime_error("cannot write the recording " + m_temporary.string() +
                                 " (disk full?)");
}

void EventStreamWriter::finish() {
    m_out.close();
    if (!m_out)
        throw std::runtime_error("cannot write the recording " + m_temporary.string());
    std::filesystem::rename(m_temporary, m_path); // throws filesystem_error naming both
    m_finished = true;
}

EventStream parseEventStream(const std::string& bytes, const std::string& name) {
    EventStream stream;
    if (bytes.size() >= 4 && std::memcmp(bytes.data(), kMagic, 4) == 0) {
        if (bytes.size() < kHeaderBytes)
            throw InputError("event stream " + name + ": the header is truncated");
        std::size_t at = 4;
        const auto version = take<std::uint16_t>(bytes, at);
        if (version != 1 && version != kVersion)
            throw InputError("event stream " + name + ": version " + std::to_string(version) +
                             " is not supported (only 1 and 2)");
        const auto channels = take<std::uint16_t>(bytes, at);
        if (version == 1 ? channels != 0 : channels != 1 && channels != 3)
            throw InputError("event stream " + name + ": " + std::to_string(channels) +
                             " channels per pixel; a recording has 1 (grey) or 3 (RGB)");
        stream.channels = version == 1 ? 1 : channels;
        stream.width = take<std::uint32_t>(bytes, at);
        stream.height = take<std::uint32_t>(bytes, at);
        stream.fps = take<double>(bytes, at);
        if (stream.width == 0 || stream.height == 0 || stream.width > 65536 ||
            stream.height > 65536)
            throw InputError("event stream " + name + ": the frame size " +
                             std::to_string(stream.width) + "x" + std::to_string(stream.height) +
                             " is not 1..65536 on each side");
        if (!std::isfinite(stream.fps) || stream.fps < 0.0)
            throw InputError("event stream " + name +
                             ": the frame rate is not a finite number ≥ 0");
        const std::uint64_t values = std::uint64_t{stream.width} * stream.height * stream.channels;
        while (at < bytes.size()) {
            if (bytes.size() - at < 8)
                throw InputError("event stream " + name + ": a frame header is truncated");
            RecordedFrame frame;
            frame.index = take<std::uint32_t>(bytes, at);
            const auto count = take<std::uint32_t>(bytes, at);
            if (count > (bytes.size() - at) / kEventBytes)
                throw InputError("event stream " + name + ": frame " + std::to_string(frame.index) +
                                 " claims " + std::to_string(count) +
                                 " events, more than the file holds (truncated?)");
            frame.events.resize(count);
            for (RecordedEvent& e : frame.events) {
                e.valueIndex = take<std::uint32_t>(bytes, at);
                e.value = take<std::int16_t>(bytes, at);
                if (e.valueIndex >= values)
                    throw InputError("event stream " + name + ": frame " +
                                     std::to_string(frame.index) + " has an event outside the " +
                                     std::to_string(stream.width) + "x" +
                                     std::to_string(stream.height) + " frame");
            }
            stream.frames.push_back(std::move(frame));
        }
        return stream;
    }
    // CSV: frame,x,y[,channel],value; the frame size is the largest x, y + 1. A header
    // alone is a recording without events (CsvTable refuses a table without rows).
    const std::size_t newline = bytes.find('\n');
    std::string_view header = std::string_view(bytes).substr(0, newline);
    if (header.ends_with('\r'))
        header.remove_suffix(1);
    if (newline != std::string::npos && newline + 1 == bytes.size() &&
        (header == "frame,x,y,value" || header == "frame,x,y,channel,value")) {
        stream.channels = header == "frame,x,y,value" ? 1 : 3;
        return stream;
    }
    const CsvTable table = CsvTable::parse(bytes, name);
    const bool colour = table.hasColumn("channel");
    stream.channels = colour ? 3 : 1;
    const auto& frameColumn = table.column("frame");
    const auto& xs = table.column("x");
    const auto& ys = table.column("y");
    const auto& values = table.column("value");
    const std::vector<double>* channelColumn = colour ? &table.column("channel") : nullptr;
    const auto integral = [](double d, double high) {
        return d >= 0.0 && d <= high && d == std::floor(d);
    };
    // First pass: check every row and find the frame size (the largest x, y + 1).
    for (std::size_t i = 0; i < frameColumn.size(); ++i) {
        const double c = channelColumn ? (*channelColumn)[i] : 0.0;
        if (!integral(frameColumn[i], 4294967295.0) || !integral(xs[i], 65535.0) ||
            !integral(ys[i], 65535.0) || !integral(c, 2.0) || !(std::abs(values[i]) <= 32767.0) ||
            values[i] != std::floor(values[i]))
            throw InputError("event stream " + name + ": row " + std::to_string(i + 2) +
                             " is not " + (colour ? "frame,x,y,channel,value" : "frame,x,y,value") +
                             " with whole numbers in range");
        stream.width = std::max(stream.width, static_cast<std::uint32_t>(xs[i]) + 1);
        stream.height = std::max(stream.height, static_cast<std::uint32_t>(ys[i]) + 1);
    }
    if (std::uint64_t{stream.width} * stream.height * stream.channels > 0xFFFFFFFFULL)
        throw InputError("event stream " + name + ": the frame (" + std::to_string(stream.width) +
                         "x" + std::to_string(stream.height) + ") is too large to index");
    for (std::size_t i = 0; i < frameColumn.size(); ++i) {
        const auto f = static_cast<std::uint32_t>(frameColumn[i]);
        if (stream.frames.empty() || stream.frames.back().index != f) {
            if (!stream.frames.empty() && stream.frames.back().index > f)
                throw InputError("event stream " + name + ": row " + std::to_string(i + 2) +
                                 " goes back to an earlier frame");
            stream.frames.push_back({f, {}});
        }
        const auto x = static_cast<std::uint32_t>(xs[i]), y = static_cast<std::uint32_t>(ys[i]);
        const auto c = channelColumn ? static_cast<std::uint32_t>((*channelColumn)[i]) : 0U;
        stream.frames.back().events.push_back(
            {(y * stream.width + x) * stream.channels + c, static_cast<std::int16_t>(values[i])});
    }
    return stream;
}

EventStream readEventStream(const std::filesystem::path& path) {
    // 1 GiB: about 130 million events, minutes of 640 x 480 video.
    constexpr std::uint64_t kMaxEventStreamBytes = std::uint64_t{1} << 30;
    return parseEventStream(readBoundedInput(path, kMaxEventStreamBytes, "an event stream"),
                            quoted(path.string()));
}

} // namespace sdlab
