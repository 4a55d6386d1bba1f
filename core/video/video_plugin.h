#pragma once

#include "video/video_backend.h"

namespace sdlab {

// OpenCV lives in a plugin, sdlab_video_plugin.so, which holds the one VideoBackend
// (opencv_backend.h), so a front end loads OpenCV's ~240 libraries only when it first
// opens a video: no sdlab-cli command but `video`, and the window only once the Video
// lab is shown (issue 19). The plugin and its host are built together: the ABI number
// and the version must match, or the plugin is refused with a message.
struct VideoPlugin {
    int abi;
    const char* version;
    const VideoBackend* backend;
};

inline constexpr int kVideoPluginAbi = 3; // 3: VideoBackend::openWriter
inline constexpr const char* kVideoPluginFile = "sdlab_video_plugin.so";
inline constexpr const char* kVideoPluginEntry = "sdlab_video_plugin_v3";

// The plugin's backend, loaded on first use (thread-safe) and kept loaded, from the
// first of: the directory the environment variable SDLAB_PLUGIN_DIR names, LIBDIR/sdlab
// beside the running executable (an installed sdlab-cli or sdlab), the build tree's
// plugins/. std::runtime_error naming the places looked in, or what the loader said.
const VideoBackend& videoBackend();

} // namespace sdlab
