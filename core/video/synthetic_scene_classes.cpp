// The synthetic scene's class names, apart from its OpenCV drawing, so that labels can
// be named (the Video lab's keys 1-4) before the video plugin is loaded.
#include "video/synthetic_scene.h"

namespace sdlab {

const std::vector<std::string>& SyntheticScene::classNames() {
    static const std::vector<std::string> names{"circle", "square", "triangle", "cross"};
    return names;
}

} // namespace sdlab
