#include "widgets/display_scale.h"

#include <QCoreApplication>
#include <QVariant>
#include <algorithm>

namespace sdlab::widgets {

namespace {
constexpr const char* kProperty = "sdlabDisplayScale";
}

double displayScale() {
    const QCoreApplication* app = QCoreApplication::instance();
    if (!app)
        return 1.0;
    bool ok = false;
    const double scale = app->property(kProperty).toDouble(&ok);
    return ok && scale > 0.0 ? scale : 1.0;
}

void setDisplayScale(double scale) {
    if (QCoreApplication* app = QCoreApplication::instance())
        app->setProperty(kProperty, std::clamp(scale, kMinDisplayScale, kMaxDisplayScale));
}

} // namespace sdlab::widgets
