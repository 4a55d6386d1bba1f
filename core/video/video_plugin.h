#pragma once

#include "experiment/experiment.h"

#include <filesystem>
#include <string>
#include <vector>

namespace sdlab {

// The video experiment's run lives in a plugin, sdlab_video_plugin.so (sdlab_video and
// OpenCV behind one entry point), so a front end loads OpenCV only when it runs video:
// every other sdlab-cli command starts without relocating OpenCV's ~240 libraries
// (issue 19). The plugin and its host are built together; the ABI number and the
// version must match, or the plugin is refused with a message.
struct VideoPlugin {
    int abi;
    const char* version;
    std::string (*run)(const ParameterValues& values, const RunContext& context,
                       OutputBundle& outputs);
};

inline constexpr int kVideoPluginAbi = 1;
inline constexpr const char* kVideoPluginFile = "sdlab_video_plugin.so";
inline constexpr const char* kVideoPluginEntry = "sdlab_video_plugin_v1";

// Loads the plugin on first use from the first of `directories` that holds it (the
// environment variable SDLAB_PLUGIN_DIR, when set, is tried first) and keeps it loaded.
// std::runtime_error naming the places looked in, or what dlopen said, when it cannot;
// `version` is the host's, which the plugin's must equal.
const VideoPlugin& loadVideoPlugin(const std::vector<std::filesystem::path>& directories,
                                   const std::string& version);

} // namespace sdlab
