#include "video/video_plugin.h"

#include <cstdlib>
#include <dlfcn.h>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#ifndef SDLAB_VERSION
#error "SDLAB_VERSION must name the build the plugin belongs to"
#endif
#ifndef SDLAB_PLUGIN_FROM_BIN
#define SDLAB_PLUGIN_FROM_BIN "../lib/sdlab"
#endif
#ifndef SDLAB_PLUGIN_BUILD_DIR
#define SDLAB_PLUGIN_BUILD_DIR ""
#endif

namespace sdlab {

namespace {

std::vector<std::filesystem::path> pluginDirectories() {
    std::vector<std::filesystem::path> places;
    if (const char* dir = std::getenv("SDLAB_PLUGIN_DIR"); dir && *dir)
        places.emplace_back(dir);
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec)
        places.push_back((exe.parent_path() / SDLAB_PLUGIN_FROM_BIN).lexically_normal());
    if (*SDLAB_PLUGIN_BUILD_DIR)
        places.emplace_back(SDLAB_PLUGIN_BUILD_DIR);
    return places;
}

const VideoBackend* openPlugin() {
    std::string looked;
    for (const std::filesystem::path& dir : pluginDirectories()) {
        const std::filesystem::path file = dir / kVideoPluginFile;
        looked += (looked.empty() ? "" : ", ") + dir.string();
        std::error_code ec;
        if (!std::filesystem::is_regular_file(file, ec))
            continue;
        // RTLD_LOCAL: OpenCV's symbols stay the plugin's. Never closed: sources and
        // threads it made (OpenCV's) may outlive any caller.
        void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle)
            throw std::runtime_error("cannot load the video plugin " + file.string() + ": " +
                                     dlerror());
        using Entry = const VideoPlugin* (*)();
        const auto entry = reinterpret_cast<Entry>(dlsym(handle, kVideoPluginEntry));
        const VideoPlugin* plugin = entry ? entry() : nullptr;
        if (!plugin || plugin->abi != kVideoPluginAbi ||
            std::string(SDLAB_VERSION) != plugin->version || !plugin->backend)
            throw std::runtime_error("the video plugin " + file.string() +
                                     " is not from this build of Sigma-Delta Lab (" +
                                     SDLAB_VERSION + "); reinstall or rebuild both");
        return plugin->backend;
    }
    throw std::runtime_error(std::string("the video plugin ") + kVideoPluginFile +
                             " is not installed (looked in " + looked +
                             "; SDLAB_PLUGIN_DIR names another directory)");
}

} // namespace

const VideoBackend& videoBackend() {
    // Loaded once per process; a failure is tried (and reported) again on the next call.
    static std::mutex mutex;
    static const VideoBackend* loaded = nullptr;
    const std::lock_guard lock(mutex);
    if (!loaded)
        loaded = openPlugin();
    return *loaded;
}

} // namespace sdlab
