#include "experiments/pd_sweep.h"
#include "io/bounded_input.h"
#include "io/csv_table.h"
#include "io/event_stream.h"
#include "io/input_error.h"
#include "io/json_writer.h"
#include "io/output_bundle.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

namespace sdlab {
namespace {

std::string errorOf(std::string_view text) {
    try {
        CsvTable::parse(text, "in.csv");
    } catch (const InputError& e) {
        return e.what();
    }
    return {};
}

TEST(CsvTable, ParsesColumnsWithSpacesAndCrLf) {
    const CsvTable t = CsvTable::parse("x, w\r\n1, 2.5\r\n\r\n-3e-2,+4\r\n", "in.csv");
    EXPECT_EQ(t.rowCount(), 2u);
    EXPECT_EQ(t.column("x"), (std::vector<double>{1.0, -0.03}));
    EXPECT_EQ(t.column("w"), (std::vector<double>{2.5, 4.0}));
}

TEST(CsvTable, EveryDefectNamesFileLineAndColumn) {
    EXPECT_NE(errorOf("").find("in.csv: the file is empty"), std::string::npos);
    EXPECT_NE(errorOf("x\n").find("no data rows"), std::string::npos);
    EXPECT_NE(errorOf("x,w\n1,2\n3\n").find("line 3 has 1 cells"), std::string::npos);
    EXPECT_NE(errorOf("x\n1\nabc\n").find("line 3, column 'x': 'abc' is not a finite number"),
              std::string::npos);
    EXPECT_NE(errorOf("x\nnan\n").find("not a finite number"), std::string::npos);
    EXPECT_NE(errorOf("x\ninf\n").find("not a finite number"), std::string::npos);
    EXPECT_NE(errorOf("x\n1e999\n").find("not a finite number"), std::string::npos);
    EXPECT_NE(errorOf("x,w\n\n1,\n").find("line 3, column 'w' is empty"), std::string::npos);
    EXPECT_NE(errorOf("x,x\n1,2\n").find("appears twice"), std::string::npos);
    EXPECT_NE(errorOf(std::string_view("x\n1\0\n", 5)).find("binary"), std::string::npos);
    const CsvTable t = CsvTable::parse("a,b\n1,2\n", "in.csv");
    try {
        (void)t.column("x");
        FAIL() << "missing column accepted";
    } catch (const InputError& e) {
        EXPECT_STREQ(e.what(), "in.csv: has no column 'x' (columns: a, b)");
    }
}

TEST(CsvTable, MissingFileAndDirectory) {
    EXPECT_THROW(CsvTable::read("/nonexistent/file.csv"), InputError);
    EXPECT_THROW(CsvTable::read(std::filesystem::temp_directory_path()), InputError);
}

// Issue 23: CSV as spreadsheets and other tools save it reads as the plain file does.
TEST(CsvTable, SpreadsheetFilesReadAsThePlainOne) {
    const CsvTable plain = CsvTable::parse("x,w\n1.5,-2\n0.25,3\n", "plain.csv");
    const std::vector<std::string> variants{
        "\xEF\xBB\xBFx,w\r\n1.5,-2\r\n0.25,3\r\n",                  // byte-order mark, CRLF
        "\"x\",\"w\"\n\"1.5\",-2\n 0.25 , \"3\" \n",                // quoted header and cells
        "x;w\r\n1,5;-2\r\n0,25;3\r\n",                              // semicolons, decimal commas
        "\xEF\xBB\xBFsep=;\r\n\"x\";\"w\"\r\n1,5;-2\r\n0.25;3\r\n", // Excel's separator hint
        "x\tw\n1.5\t-2\n0.25\t3\n",                                 // tab-separated
    };
    for (const std::string& text : variants) {
        const CsvTable t = CsvTable::parse(text, "sheet.csv");
        EXPECT_EQ(t.columnNames(), plain.columnNames()) << text;
        EXPECT_EQ(t.column("x"), plain.column("x")) << text;
        EXPECT_EQ(t.column("w"), plain.column("w")) << text;
    }
}

TEST(CsvTable, QuotedCellsKeepSeparatorsAndDoubledQuotes) {
    const CsvTable t =
        CsvTable::parse("\"net, name\",x\n\"a \"\"b\"\"\",1\n", "in.csv", {}, {"net, name"});
    EXPECT_EQ(t.textColumn("net, name"), (std::vector<std::string>{"a \"b\""}));
    EXPECT_EQ(t.column("x"), (std::vector<double>{1.0}));
    EXPECT_NE(errorOf("x,w\n\"1,2\n").find("in.csv: line 2 has a quote that is never closed"),
              std::string::npos);
    EXPECT_NE(errorOf("x,w\n\"1\"2,3\n").find("line 2 has text after a closing quote"),
              std::string::npos);
    EXPECT_NE(errorOf(std::string_view("\xFF\xFEx\0,\0", 6)).find("in.csv: is UTF-16 text"),
              std::string::npos);
    // A one-column file with decimal commas cannot be told from two columns: the
    // message says how to make it readable.
    EXPECT_NE(errorOf("x\n1,5\n").find("line 2 has 2 cells but the header has 1 column (if ','"),
              std::string::npos);
    // Thousands separators are not guessed at.
    EXPECT_NE(errorOf("x;w\n1.000,5;2\n").find("'1.000,5' is not a finite number"),
              std::string::npos);
}

// Issue 23: an input that never ends or is absurdly large is refused with its limit.
TEST(BoundedInput, DevicesPipesAndHugeFilesAreRefusedAtTheLimit) {
    auto errorReading = [](const std::filesystem::path& path, std::uint64_t limit) {
        try {
            (void)readBoundedInput(path, limit, "a test input");
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    EXPECT_EQ(errorReading("/dev/zero", 3u << 20),
              "/dev/zero: still delivers data after 3 MiB, the most a test input may hold (a "
              "device or a pipe that never ends?)");
    const std::filesystem::path sparse =
        std::filesystem::temp_directory_path() / "sdlab_bounded_input_huge.csv";
    {
        std::ofstream out(sparse, std::ios::binary);
        out << "x\n1\n";
    }
    std::filesystem::resize_file(sparse, std::uint64_t{3} << 30); // sparse: no disk used
    EXPECT_EQ(errorReading(sparse, 1u << 20),
              sparse.string() +
                  ": is 3.0 GiB, more than the 1 MiB, the most a test input may hold");
    std::filesystem::resize_file(sparse, 4);
    EXPECT_EQ(readBoundedInput(sparse, 4, "a test input"), "x\n1\n");
    std::filesystem::remove(sparse);
    EXPECT_EQ(errorReading("/nonexistent/x.csv", 10), "/nonexistent/x.csv: no such file");
    // CsvTable::read holds to its own limit.
    try {
        (void)CsvTable::read("/dev/zero");
        FAIL() << "/dev/zero read as a CSV file";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("after 512 MiB, the most a CSV input may hold"),
                  std::string::npos)
            << e.what();
    }
}

TEST(BoundedInput, ByteCountsForMessages) {
    EXPECT_EQ(describeByteCount(900), "900 bytes");
    EXPECT_EQ(describeByteCount(512u << 20), "512 MiB");
    EXPECT_EQ(describeByteCount(1536u << 10), "1.5 MiB");
    EXPECT_EQ(describeByteCount(std::uint64_t{5} << 30), "5.0 GiB");
}

TEST(CsvWriter, ShortestExactNumbers) {
    CsvWriter w({"a", "b"});
    w.addRow({0.1, 3.0});
    w.addRow({-1e-20, 1.0 / 3.0});
    EXPECT_EQ(w.text(), "a,b\n0.1,3\n-1e-20,0.3333333333333333\n");
    EXPECT_THROW(w.addRow({1.0}), std::logic_error);
}

TEST(CsvWriter, NamedCellsAreWrittenAsGivenAndNeverNeedQuoting) {
    CsvWriter w({"x", "network"});
    w.addCells({formatNumber(0.25), "sigma-delta"});
    w.addCells({"", "original"});
    EXPECT_EQ(w.text(), "x,network\n0.25,sigma-delta\n,original\n");
    EXPECT_THROW(w.addCells({"1", "a,b"}), std::logic_error);
    EXPECT_THROW(w.addCells({"1", "say \"hi\""}), std::logic_error);
    EXPECT_THROW(w.addCells({"1"}), std::logic_error);
}

TEST(JsonObjectWriter, EscapesAndNonFinite) {
    JsonObjectWriter j;
    j.add("s", "a\"b\\c\n")
        .add("n", 1.5)
        .add("bad", std::nan(""))
        .add("i", 3LL)
        .addBool("f", false);
    EXPECT_EQ(j.text(),
              "{\n  \"s\": \"a\\\"b\\\\c\\n\",\n  \"n\": 1.5,\n  \"bad\": null,\n  \"i\": 3,\n"
              "  \"f\": false\n}\n");
}

TEST(OutputBundle, WritesAllFilesAndLeavesNoTemporaries) {
    const auto dir = std::filesystem::temp_directory_path() / "sdlab_bundle_test";
    std::filesystem::remove_all(dir);
    OutputBundle bundle;
    bundle.stage("a.csv", "x\n1\n");
    bundle.stage("b.json", "{}\n");
    bundle.commit(dir / "nested");
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir / "nested"))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"a.csv", "b.json"}));
    std::ifstream in(dir / "nested" / "a.csv");
    std::string content((std::istreambuf_iterator<char>(in)), {});
    EXPECT_EQ(content, "x\n1\n");
    // A directory that cannot be created (a file is in the way) fails cleanly.
    std::ofstream(dir / "file") << "x";
    EXPECT_THROW(bundle.commit(dir / "file" / "sub"), std::runtime_error);
    std::filesystem::remove_all(dir);
}

TEST(MakeRange, LinearLogAndErrors) {
    EXPECT_EQ(makeRange(0, 1, 5, false, "r"), (std::vector<double>{0, 0.25, 0.5, 0.75, 1}));
    const auto log = makeRange(0.01, 100, 5, true, "r");
    ASSERT_EQ(log.size(), 5u);
    EXPECT_NEAR(log[1], 0.1, 1e-15);
    EXPECT_NEAR(log[2], 1.0, 1e-14);
    EXPECT_EQ(log[4], 100.0);
    EXPECT_EQ(makeRange(2, 2, 1, true, "r"), (std::vector<double>{2}));
    EXPECT_THROW(makeRange(0, 1, 0, false, "r"), InputError);
    EXPECT_THROW(makeRange(2, 1, 3, false, "r"), InputError);
    EXPECT_THROW(makeRange(0, 1, 3, true, "r"), InputError);
    EXPECT_THROW(makeRange(-1, 1, 3, true, "r"), InputError);
}

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A 3 × 2 frame with an ON event of 2 at (1, 0) and an OFF at (2, 1); then an empty frame.
void recordTwoFrames(const std::filesystem::path& path, EventStreamFormat format) {
    EventStreamWriter writer(path, format, 3, 2, 1, 30.0);
    Eigen::ArrayXf events = Eigen::ArrayXf::Zero(6);
    events(1) = 2.0F;
    events(5) = -1.0F;
    writer.addFrame(7, events);
    EXPECT_TRUE(std::filesystem::exists(path.string() + ".part"));
    EXPECT_FALSE(std::filesystem::exists(path)); // nothing under the name until finished
    writer.addFrame(8, Eigen::ArrayXf::Zero(6));
    EXPECT_EQ(writer.eventCount(), 2);
    writer.finish();
}

TEST(EventStream, BinaryAndCsvRecordingsReadBackExactly) {
    const auto dir = std::filesystem::temp_directory_path() / "sdlab_event_stream_test";
    std::filesystem::create_directories(dir);
    recordTwoFrames(dir / "r.sdev", EventStreamFormat::Binary);
    recordTwoFrames(dir / "r.csv", EventStreamFormat::Csv);
    EXPECT_FALSE(std::filesystem::exists(dir / "r.sdev.part"));
    // Header 24 bytes; frame 7: 8 + 2 × 6; frame 8: 8.
    EXPECT_EQ(std::filesystem::file_size(dir / "r.sdev"), 24U + 20U + 8U);
    EXPECT_EQ(slurp(dir / "r.csv"), "frame,x,y,value\n7,1,0,2\n7,2,1,-1\n");
    const EventStream binary = readEventStream(dir / "r.sdev");
    EXPECT_EQ(binary.width, 3U);
    EXPECT_EQ(binary.height, 2U);
    EXPECT_EQ(binary.channels, 1U);
    EXPECT_EQ(binary.fps, 30.0);
    ASSERT_EQ(binary.frames.size(), 2U);
    EXPECT_EQ(binary.frames[0].index, 7U);
    ASSERT_EQ(binary.frames[0].events.size(), 2U);
    EXPECT_EQ(binary.frames[0].events[0].valueIndex, 1U);
    EXPECT_EQ(binary.frames[0].events[0].value, 2);
    EXPECT_EQ(binary.frames[0].events[1].valueIndex, 5U);
    EXPECT_EQ(binary.frames[0].events[1].value, -1);
    EXPECT_TRUE(binary.frames[1].events.empty());
    const EventStream csv = readEventStream(dir / "r.csv"); // empty frames are not in CSV
    ASSERT_EQ(csv.frames.size(), 1U);
    EXPECT_EQ(csv.width, 3U);
    EXPECT_EQ(csv.frames[0].events[1].valueIndex, 5U);
    {
        EventStreamWriter abandoned(dir / "gone.sdev", EventStreamFormat::Binary, 3, 2, 1, 30.0);
        abandoned.addFrame(0, Eigen::ArrayXf::Ones(6));
    } // destroyed unfinished: no file, no temporary
    EXPECT_FALSE(std::filesystem::exists(dir / "gone.sdev"));
    EXPECT_FALSE(std::filesystem::exists(dir / "gone.sdev.part"));
    std::filesystem::remove_all(dir);
}

// RGB: a 2 × 1 frame, values interleaved R, G, B per pixel. Events: G of pixel 0 (+1)
// and B of pixel 1 (−3).
TEST(EventStream, ColourRecordingsIndexChannelsWithinPixels) {
    const auto dir = std::filesystem::temp_directory_path() / "sdlab_event_stream_colour";
    std::filesystem::create_directories(dir);
    Eigen::ArrayXf events = Eigen::ArrayXf::Zero(6);
    events(1) = 1.0F;
    events(5) = -3.0F;
    for (const auto& [name, format] : {std::pair{"c.sdev", EventStreamFormat::Binary},
                                       std::pair{"c.csv", EventStreamFormat::Csv}}) {
        EventStreamWriter writer(dir / name, format, 2, 1, 3, 25.0);
        writer.addFrame(4, events);
        EXPECT_THROW(writer.addFrame(5, Eigen::ArrayXf::Zero(2)), std::runtime_error);
        writer.finish();
        const EventStream stream = readEventStream(dir / name);
        EXPECT_EQ(stream.width, 2U);
        EXPECT_EQ(stream.height, 1U);
        EXPECT_EQ(stream.channels, 3U);
        ASSERT_EQ(stream.frames.size(), 1U);
        ASSERT_EQ(stream.frames[0].events.size(), 2U);
        EXPECT_EQ(stream.frames[0].events[0].valueIndex, 1U); // (0·2 + 0)·3 + 1
        EXPECT_EQ(stream.frames[0].events[1].valueIndex, 5U); // (0·2 + 1)·3 + 2
        EXPECT_EQ(stream.frames[0].events[1].value, -3);
    }
    EXPECT_EQ(slurp(dir / "c.csv"), "frame,x,y,channel,value\n4,0,0,1,1\n4,1,0,2,-3\n");
    const std::string binary = slurp(dir / "c.sdev");
    EXPECT_EQ(binary[4], 2); // version 2
    EXPECT_EQ(binary[6], 3); // channels
    std::filesystem::remove_all(dir);
}

// Files written before the channels field (version 1, the field 0) are grey.
TEST(EventStream, VersionOneRecordingsReadAsGrey) {
    std::string bytes("SDEV", 4);
    const auto put = [&bytes](auto value) {
        bytes.append(reinterpret_cast<const char*>(&value), sizeof value);
    };
    put(std::uint16_t{1});
    put(std::uint16_t{0});
    put(std::uint32_t{3});
    put(std::uint32_t{2});
    put(30.0);
    put(std::uint32_t{0}); // frame 0: one event at pixel 5
    put(std::uint32_t{1});
    put(std::uint32_t{5});
    put(std::int16_t{-1});
    const EventStream stream = parseEventStream(bytes, "'v1.sdev'");
    EXPECT_EQ(stream.channels, 1U);
    ASSERT_EQ(stream.frames.size(), 1U);
    EXPECT_EQ(stream.frames[0].events[0].valueIndex, 5U);
    bytes[6] = 3; // a version-1 file with a channels field is not one we wrote
    EXPECT_THROW(parseEventStream(bytes, "'v1.sdev'"), InputError);
}

TEST(EventStream, BrokenRecordingsGiveOneMessage) {
    const auto dir = std::filesystem::temp_directory_path() / "sdlab_event_stream_bad";
    std::filesystem::create_directories(dir);
    recordTwoFrames(dir / "r.sdev", EventStreamFormat::Binary);
    const std::string good = slurp(dir / "r.sdev");
    std::filesystem::remove_all(dir);
    const auto message = [](const std::string& bytes) {
        try {
            parseEventStream(bytes, "'x.sdev'");
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_NE(message(good.substr(0, 10)).find("header is truncated"), std::string::npos);
    EXPECT_NE(message(good.substr(0, 40)).find("more than the file holds"), std::string::npos);
    EXPECT_NE(message(good.substr(0, 28)).find("frame header is truncated"), std::string::npos);
    std::string claims = good;
    claims[28] = '\xff'; // frame 7's count: 2 → 255 + 2^24 · ...
    claims[31] = '\x7f';
    EXPECT_NE(message(claims).find("claims"), std::string::npos);
    std::string outside = good;
    outside[32] = 6; // pixel 1 → 6, outside 3 × 2
    EXPECT_NE(message(outside).find("outside"), std::string::npos);
    std::string version = good;
    version[4] = 9;
    EXPECT_NE(message(version).find("version 9"), std::string::npos);
    std::string channels = good;
    channels[6] = 2;
    EXPECT_NE(message(channels).find("2 channels per pixel"), std::string::npos);
    std::string size = good;
    size[8] = size[9] = size[10] = size[11] = 0;
    EXPECT_NE(message(size).find("frame size"), std::string::npos);
    EXPECT_NE(message("frame,x,y,value\n1,2,3,0.5\n").find("row 2"), std::string::npos);
    EXPECT_NE(message("frame,x,y,value\n2,0,0,1\n1,0,0,1\n").find("earlier frame"),
              std::string::npos);
    EXPECT_NE(message("").find("x.sdev"), std::string::npos);
    EXPECT_NE(message("frame,x,y,channel,value\n0,0,0,3,1\n").find("row 2"), std::string::npos);
    EXPECT_NE(message("frame,x,y,value\n0,65535,65535,1\n").find("too large"), std::string::npos);
    EXPECT_EQ(message("frame,x,y,value\n"), "no error");
    EXPECT_EQ(message("frame,x,y,channel,value\n"), "no error");
}

} // namespace
} // namespace sdlab
