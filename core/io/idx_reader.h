#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace sdlab {

// An IDX array (the MNIST file format): magic 00 00 08 n, then n big-endian uint32
// dimensions, then the unsigned bytes in row-major order.
struct IdxArray {
    std::vector<std::uint32_t> dims;
    std::vector<std::uint8_t> values;
};

// The most values an IDX file may hold (2 GiB): larger claims are refused before any
// allocation.
inline constexpr std::uint64_t kIdxMaxValues = std::uint64_t{1} << 31;

// Parses IDX bytes, plain or gzip-compressed (detected by the magic number). The magic
// number, the dimension count (1-4), each dimension (> 0) and the total length are
// checked against the header before the values are allocated; a gzip file's length is
// checked against the size its trailer records. Any defect raises InputError naming
// `inputName` and what is wrong.
IdxArray parseIdx(std::span<const std::uint8_t> bytes, const std::string& inputName);

// Reads and parses an IDX file (.gz or not).
IdxArray readIdxFile(const std::filesystem::path& path);

} // namespace sdlab
