#include "io/idx_reader.h"

#include "io/compressed_bytes.h"
#include "io/input_error.h"

namespace sdlab {

namespace {

constexpr std::uint8_t kUnsignedByteType = 0x08;

std::string hexByte(std::uint8_t value) {
    constexpr char digits[] = "0123456789abcdef";
    return std::string("0x") + digits[value >> 4] + digits[value & 15];
}

struct IdxHeader {
    std::vector<std::uint32_t> dims;
    std::size_t headerBytes = 0;
    std::uint64_t valueCount = 0;
};

// `prefix` holds at least the first 4 bytes when available; returns the header size
// needed, then (called again with enough bytes) the parsed header.
std::size_t headerSize(std::span<const std::uint8_t> prefix, const std::string& name) {
    if (prefix.size() < 4)
        throw InputError(name + " is too short to be an IDX file (" +
                         std::to_string(prefix.size()) + " bytes)");
    if (prefix[0] != 0 || prefix[1] != 0)
        throw InputError(name + " is not an IDX file: wrong magic number");
    if (prefix[2] != kUnsignedByteType)
        throw InputError(name + ": IDX element type " + hexByte(prefix[2]) +
                         " is not supported (only unsigned bytes, 0x08)");
    const unsigned dimCount = prefix[3];
    if (dimCount < 1 || dimCount > 4)
        throw InputError(name + ": an IDX file with " + std::to_string(dimCount) +
                         " dimensions is not supported (1 to 4)");
    return 4 + 4 * std::size_t{dimCount};
}

IdxHeader parseHeader(std::span<const std::uint8_t> bytes, const std::string& name) {
    IdxHeader header;
    header.headerBytes = headerSize(bytes, name);
    if (bytes.size() < header.headerBytes)
        throw InputError(name + " is truncated inside its IDX header");
    header.valueCount = 1;
    for (std::size_t k = 4; k < header.headerBytes; k += 4) {
        const std::uint32_t dim = readBigEndian32(bytes.data() + k);
        if (dim == 0)
            throw InputError(name + ": IDX dimension " + std::to_string(header.dims.size() + 1) +
                             " is zero");
        header.dims.push_back(dim);
        header.valueCount *= dim; // ≤ 4 factors below 2^32 each: check before it can wrap
        if (header.valueCount > kIdxMaxValues)
            throw InputError(name + ": its IDX header claims more than " +
                             std::to_string(kIdxMaxValues) + " values");
    }
    return header;
}

std::string claim(const IdxHeader& header) {
    std::string text = "its header claims ";
    for (std::size_t k = 0; k < header.dims.size(); ++k)
        text += (k ? "×" : "") + std::to_string(header.dims[k]);
    return text + " = " + std::to_string(header.valueCount) + " values";
}

} // namespace

IdxArray parseIdx(std::span<const std::uint8_t> bytes, const std::string& inputName) {
    IdxArray array;
    if (!hasGzipMagic(bytes)) {
        const IdxHeader header = parseHeader(bytes, inputName);
        const std::uint64_t present = bytes.size() - header.headerBytes;
        if (present != header.valueCount)
            throw InputError(inputName + ": " + claim(header) + " but the file holds " +
                             std::to_string(present) +
                             (present < header.valueCount ? " (truncated)" : " (trailing bytes)"));
        array.dims = header.dims;
        array.values.assign(bytes.begin() + static_cast<std::ptrdiff_t>(header.headerBytes),
                            bytes.end());
        return array;
    }
    // gzip: read the header from a short inflate, compare the claim with the size the
    // gzip trailer records (mod 2^32), and only then inflate the whole array.
    const std::vector<std::uint8_t> start = gunzip(bytes, 4, inputName);
    const std::size_t headerBytes = headerSize(start, inputName);
    const IdxHeader header = parseHeader(gunzip(bytes, headerBytes, inputName), inputName);
    const std::uint64_t total = header.headerBytes + header.valueCount;
    if (bytes.size() < 18)
        throw InputError(inputName + ": the gzip data is truncated");
    const std::uint32_t recorded = std::uint32_t{bytes[bytes.size() - 4]} |
                                   (std::uint32_t{bytes[bytes.size() - 3]} << 8) |
                                   (std::uint32_t{bytes[bytes.size() - 2]} << 16) |
                                   (std::uint32_t{bytes[bytes.size() - 1]} << 24);
    if (static_cast<std::uint32_t>(total) != recorded)
        throw InputError(inputName + ": " + claim(header) + " but the gzip trailer records " +
                         std::to_string(recorded) + " bytes (truncated or not an IDX file)");
    std::vector<std::uint8_t> all = gunzip(bytes, static_cast<std::size_t>(total) + 1, inputName);
    if (all.size() != total)
        throw InputError(
            inputName + ": " + claim(header) + " but the data holds " +
            std::to_string(all.size() - std::min<std::size_t>(all.size(), headerBytes)) +
            (all.size() < total ? " (truncated)" : " or more (trailing bytes)"));
    array.dims = header.dims;
    all.erase(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(header.headerBytes));
    array.values = std::move(all);
    return array;
}

IdxArray readIdxFile(const std::filesystem::path& path) {
    // A compressed file can be at most as large as the data it holds plus a little.
    const std::vector<std::uint8_t> bytes = readBinaryFile(path, kIdxMaxValues + 4096);
    return parseIdx(bytes, quoted(path.string()));
}

} // namespace sdlab
