#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace sdlab {

// Reads a whole text input without trusting its size. A regular file longer than
// maxBytes is refused before anything is read; a device, FIFO or pipe (which has no
// size) is read in chunks and refused as soon as it passes maxBytes, so `/dev/zero` or
// a writer that never stops gives an InputError with the limit in it instead of
// exhausting memory. `what` names the kind of input in the message ("a CSV input").
std::string readBoundedInput(const std::filesystem::path& path, std::uint64_t maxBytes,
                             const std::string& what);

// A byte count for messages: "512 MiB", "3.0 GiB", "900 bytes".
std::string describeByteCount(std::uint64_t bytes);

} // namespace sdlab
