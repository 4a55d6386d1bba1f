#include "video/video_plugin.h"

#include <cstdlib>
#include <dlfcn.h>
#include <mutex>
#include <stdexcept>

namespace sdlab {

namespace {

const VideoPlugin* openPlugin(const std::vector<std::filesystem::path>& directories,
                              const std::string& version) {
    std::vector<std::filesystem::path> places;
    if (const char* dir = std::getenv("SDLAB_PLUGIN_DIR"); dir && *dir)
        places.emplace_back(dir);
    places.insert(places.end(), directories.begin(), directories.end());
    std::string looked;
    for (const std::filesystem::path& dir : places) {
        const std::filesystem::path file = dir / kVideoPluginFile;
        looked += (looked.empty() ? "" : ", ") + dir.string();
        std::error_code ec;
        if (!std::filesystem::is_regular_file(file, ec))
            continue;
        // RTLD_LOCAL: OpenCV's symbols stay the plugin's. The handle is never closed:
        // threads the run started (OpenCV's) may outlive it.
        void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle)
            throw std::runtime_error("cannot load the video plugin " + file.string() + ": " +
                                     dlerror());
        using Entry = const VideoPlugin* (*)();
        const auto entry = reinterpret_cast<Entry>(dlsym(handle, kVideoPluginEntry));
        const VideoPlugin* plugin = entry ? entry() : nullptr;
        if (!plugin || plugin->abi != kVideoPluginAbi || version != plugin->version)
            throw std::runtime_error("the video plugin " + file.string() +
                                     " is not from this build of Sigma-Delta Lab (" + version +
                                     "); reinstall or rebuild both");
        return plugin;
    }
    throw std::runtime_error(std::string("the video plugin ") + kVideoPluginFile +
                             " is not installed (looked in " + looked +
                             "; SDLAB_PLUGIN_DIR names another directory)");
}

} // namespace

const VideoPlugin& loadVideoPlugin(const std::vector<std::filesystem::path>& directories,
                                   const std::string& version) {
    // Loaded once per process; a failure is reported again on the next call.
    static std::mutex mutex;
    static const VideoPlugin* loaded = nullptr;
    const std::lock_guard lock(mutex);
    if (!loaded)
        loaded = openPlugin(directories, version);
    return *loaded;
}

} // namespace sdlab
