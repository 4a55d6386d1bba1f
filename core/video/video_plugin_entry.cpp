// The one exported symbol of sdlab_video_plugin.so (video_plugin.h).
#include "video/opencv_backend.h"
#include "video/video_plugin.h"

#ifndef SDLAB_VERSION
#error "SDLAB_VERSION must name the build the plugin belongs to"
#endif

extern "C" __attribute__((visibility("default"))) const sdlab::VideoPlugin*
sdlab_video_plugin_v3() {
    static const sdlab::VideoPlugin plugin{sdlab::kVideoPluginAbi, SDLAB_VERSION,
                                           &sdlab::openCvVideoBackend()};
    return &plugin;
}
