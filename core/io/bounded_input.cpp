#include "io/bounded_input.h"

#include "io/input_error.h"

#include <cstdio>
#include <fstream>

namespace sdlab {

std::string describeByteCount(std::uint64_t bytes) {
    constexpr std::uint64_t kKiB = 1024, kMiB = kKiB * 1024, kGiB = kMiB * 1024;
    char text[48];
    if (bytes >= kGiB)
        std::snprintf(text, sizeof text, "%.1f GiB", static_cast<double>(bytes) / kGiB);
    else if (bytes >= kMiB && bytes % kMiB == 0)
        std::snprintf(text, sizeof text, "%llu MiB", static_cast<unsigned long long>(bytes / kMiB));
    else if (bytes >= kMiB)
        std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / kMiB);
    else
        std::snprintf(text, sizeof text, "%llu bytes", static_cast<unsigned long long>(bytes));
    return text;
}

std::string readBoundedInput(const std::filesystem::path& path, std::uint64_t maxBytes,
                             const std::string& what) {
    const std::string name = path.string();
    std::error_code error;
    const std::filesystem::file_status status = std::filesystem::status(path, error);
    if (!std::filesystem::exists(status))
        throw InputError(name + ": no such file");
    if (std::filesystem::is_directory(status))
        throw InputError(name + ": is a directory, not " + what);
    const std::string limit = describeByteCount(maxBytes) + ", the most " + what + " may hold";
    // Chunked, so an input without a size (a device, a FIFO) stops at the limit; a
    // regular file is read in one chunk one byte longer than its size (which finds it
    // at its end, or growing).
    std::size_t chunk = std::size_t{1} << 20;
    if (std::filesystem::is_regular_file(status)) {
        const std::uintmax_t size = std::filesystem::file_size(path, error);
        if (!error && size > maxBytes)
            throw InputError(name + ": is " + describeByteCount(size) + ", more than the " + limit);
        if (!error)
            chunk = static_cast<std::size_t>(size) + 1;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(name + ": cannot be opened for reading");
    std::string text;
    while (in) {
        const std::size_t used = text.size();
        text.resize(used + chunk);
        in.read(text.data() + used, static_cast<std::streamsize>(chunk));
        text.resize(used + static_cast<std::size_t>(in.gcount()));
        chunk = std::size_t{1} << 20;
        if (text.size() > maxBytes)
            throw InputError(name + ": still delivers data after " + limit +
                             " (a device or a pipe that never ends?)");
    }
    if (in.bad())
        throw InputError(name + ": could not be read completely");
    return text;
}

} // namespace sdlab
