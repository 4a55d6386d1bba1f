#include "preset_files.h"

#include "io/compressed_bytes.h"
#include "io/input_error.h"
#include "io/output_bundle.h"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#ifndef SDLAB_PRESET_DIRS
#define SDLAB_PRESET_DIRS ""
#endif

namespace sdlab::cli {

namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t kMaxPresetBytes = 1u << 20; // a preset is a few hundred bytes

std::vector<fs::path> presetDirectories() {
    std::vector<fs::path> dirs;
    if (const char* env = std::getenv("SDLAB_PRESET_DIR"); env && *env)
        dirs.emplace_back(env);
    const std::string list = SDLAB_PRESET_DIRS;
    for (std::size_t start = 0; start < list.size();) {
        const std::size_t end = std::min(list.find(':', start), list.size());
        if (end > start)
            dirs.emplace_back(list.substr(start, end - start));
        start = end + 1;
    }
    return dirs;
}

Preset readPresetFile(const fs::path& path) {
    const std::vector<std::uint8_t> bytes = readBinaryFile(path, kMaxPresetBytes);
    const std::string text(bytes.begin(), bytes.end());
    return readPreset(text, path.string());
}

} // namespace

Preset loadPreset(const std::string& nameOrPath) {
    std::error_code ec;
    if (nameOrPath.find('/') != std::string::npos && fs::exists(nameOrPath, ec))
        return readPresetFile(nameOrPath);
    if (nameOrPath.size() > 5 && nameOrPath.ends_with(".json"))
        return readPresetFile(nameOrPath); // a missing file is named by the reader
    std::vector<fs::path> matches;
    for (const fs::path& dir : presetDirectories()) {
        if (nameOrPath.find('/') != std::string::npos) {
            if (const fs::path file = dir / (nameOrPath + ".json"); fs::is_regular_file(file, ec))
                matches.push_back(file);
        } else if (fs::is_directory(dir, ec)) {
            for (const auto& lab : fs::directory_iterator(dir, ec))
                if (const fs::path file = lab.path() / (nameOrPath + ".json");
                    fs::is_regular_file(file, ec))
                    matches.push_back(file);
        }
        if (!matches.empty())
            break; // the first directory that has it wins
    }
    if (matches.empty())
        throw InputError("--preset " + sdlab::quoted(nameOrPath) +
                         ": no such file and no built-in preset of that name");
    if (matches.size() > 1) {
        std::string labs;
        for (const fs::path& m : matches)
            labs +=
                (labs.empty() ? "" : ", ") + m.parent_path().filename().string() + "/" + nameOrPath;
        throw InputError("--preset " + sdlab::quoted(nameOrPath) + " is ambiguous: " + labs);
    }
    return readPresetFile(matches.front());
}

void savePreset(const Preset& preset, const std::string& path) {
    const fs::path target(path);
    std::error_code ec;
    if (fs::is_directory(target, ec))
        throw InputError("--save-preset " + path + ": is a directory");
    OutputBundle bundle; // a temporary name renamed into place, as every result file
    bundle.stage(target.filename().string(), presetJson(preset));
    try {
        bundle.commit(target.has_parent_path() ? target.parent_path() : fs::path("."));
    } catch (const std::runtime_error& error) {
        throw InputError("--save-preset " + path + ": " + error.what());
    }
}

} // namespace sdlab::cli
