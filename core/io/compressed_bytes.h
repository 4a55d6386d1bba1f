#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace sdlab {

// Reading binary inputs (IDX, PNG) without trusting them: every size a file claims is
// checked against a limit before memory is allocated, and every defect raises
// InputError naming the input. zlib does the inflating.

// The whole file; InputError if it is missing, unreadable, or longer than maxBytes.
std::vector<std::uint8_t> readBinaryFile(const std::filesystem::path& path, std::uint64_t maxBytes);

// True when the bytes start with the gzip magic number 1f 8b.
bool hasGzipMagic(std::span<const std::uint8_t> bytes);

// Inflates gzip data (RFC 1952), stopping after at most `limit` output bytes. A stream
// that is corrupt, or ends before `limit` bytes without a proper trailer, raises
// InputError naming `inputName`; a stream that simply holds fewer bytes returns them.
std::vector<std::uint8_t> gunzip(std::span<const std::uint8_t> bytes, std::size_t limit,
                                 const std::string& inputName);

// Inflates zlib data (RFC 1950, as in PNG's IDAT) that must hold exactly `expectedSize`
// bytes; anything else raises InputError naming `inputName`.
std::vector<std::uint8_t> zlibInflateExact(std::span<const std::uint8_t> bytes,
                                           std::size_t expectedSize, const std::string& inputName);

// The big-endian 32-bit number at p (IDX dimensions, PNG lengths and CRCs).
inline std::uint32_t readBigEndian32(const std::uint8_t* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
           std::uint32_t{p[3]};
}

// CRC-32 as used by PNG chunks and gzip.
std::uint32_t crc32Of(std::span<const std::uint8_t> bytes);

} // namespace sdlab
