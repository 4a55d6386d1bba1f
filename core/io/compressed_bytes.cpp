#include "io/compressed_bytes.h"

#include "io/input_error.h"

#include <fstream>
#include <limits>
#include <zlib.h>

namespace sdlab {

namespace {

std::string describe(const std::filesystem::path& path) {
    return quoted(path.string());
}

// Runs inflate over `bytes` into at most `limit` output bytes. windowBits selects gzip
// (16 + 15) or zlib (15) framing. Returns the output and whether the stream ended.
std::vector<std::uint8_t> inflateBounded(std::span<const std::uint8_t> bytes, std::size_t limit,
                                         int windowBits, bool& streamEnded,
                                         const std::string& inputName) {
    z_stream stream{};
    if (inflateInit2(&stream, windowBits) != Z_OK)
        throw InputError(inputName + ": cannot start the decompressor");
    std::vector<std::uint8_t> out(limit);
    // zlib counts in uInt; feed and drain in chunks so sizes above 4 GiB cannot wrap.
    constexpr std::size_t chunk = std::numeric_limits<uInt>::max() / 2;
    std::size_t inDone = 0;
    std::size_t outDone = 0;
    int status = Z_OK;
    streamEnded = false;
    while (true) {
        if (stream.avail_in == 0 && inDone < bytes.size()) {
            const std::size_t n = std::min(chunk, bytes.size() - inDone);
            // zlib's API takes a non-const pointer but never writes through next_in.
            stream.next_in = const_cast<Bytef*>(bytes.data() + inDone); // NOLINT
            stream.avail_in = static_cast<uInt>(n);
            inDone += n;
        }
        if (stream.avail_out == 0 && outDone < limit) {
            const std::size_t n = std::min(chunk, limit - outDone);
            stream.next_out = out.data() + outDone;
            stream.avail_out = static_cast<uInt>(n);
            outDone += n;
        }
        if (stream.avail_out == 0)
            break; // output limit reached
        status = inflate(&stream, Z_NO_FLUSH);
        if (status == Z_STREAM_END) {
            streamEnded = true;
            break;
        }
        if (status == Z_BUF_ERROR && stream.avail_in == 0 && inDone == bytes.size())
            break; // input exhausted before the end of the stream
        if (status != Z_OK && status != Z_BUF_ERROR) {
            std::string message = inputName + ": corrupt compressed data (";
            message += stream.msg ? stream.msg : "invalid compressed data";
            message += ')';
            inflateEnd(&stream);
            throw InputError(message);
        }
    }
    out.resize(static_cast<std::size_t>(stream.total_out));
    inflateEnd(&stream);
    return out;
}

} // namespace

std::vector<std::uint8_t> readBinaryFile(const std::filesystem::path& path,
                                         std::uint64_t maxBytes) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error))
        throw InputError(describe(path) + " does not exist or is not a regular file");
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (error)
        throw InputError(describe(path) + ": cannot read its size (" + error.message() + ")");
    if (size > maxBytes)
        throw InputError(describe(path) + " is " + std::to_string(size) + " bytes, more than the " +
                         std::to_string(maxBytes) + " accepted");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(describe(path) + " cannot be opened for reading");
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size)); // NOLINT
    if (in.gcount() != static_cast<std::streamsize>(size))
        throw InputError(describe(path) + " could not be read completely");
    return bytes;
}

bool hasGzipMagic(std::span<const std::uint8_t> bytes) {
    return bytes.size() >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;
}

std::vector<std::uint8_t> gunzip(std::span<const std::uint8_t> bytes, std::size_t limit,
                                 const std::string& inputName) {
    bool ended = false;
    std::vector<std::uint8_t> out = inflateBounded(bytes, limit, 16 + MAX_WBITS, ended, inputName);
    if (!ended && out.size() < limit)
        throw InputError(inputName + ": the compressed data is truncated");
    return out;
}

std::vector<std::uint8_t> zlibInflateExact(std::span<const std::uint8_t> bytes,
                                           std::size_t expectedSize, const std::string& inputName) {
    bool ended = false;
    // One byte of headroom tells "exactly expectedSize" from "more than that".
    std::vector<std::uint8_t> out =
        inflateBounded(bytes, expectedSize + 1, MAX_WBITS, ended, inputName);
    if (out.size() != expectedSize)
        throw InputError(inputName + ": the compressed image data holds " +
                         (out.size() > expectedSize ? std::string("more") : std::string("fewer")) +
                         " bytes than its size needs");
    if (!ended)
        throw InputError(inputName + ": the compressed image data is truncated");
    return out;
}

std::uint32_t crc32Of(std::span<const std::uint8_t> bytes) {
    uLong crc = crc32(0L, Z_NULL, 0);
    std::size_t done = 0;
    while (done < bytes.size()) {
        const std::size_t n = std::min<std::size_t>(bytes.size() - done, 1u << 30);
        crc = crc32(crc, bytes.data() + done, static_cast<uInt>(n));
        done += n;
    }
    return static_cast<std::uint32_t>(crc);
}

} // namespace sdlab
