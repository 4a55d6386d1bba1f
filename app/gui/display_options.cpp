#include "gui/display_options.h"

#include "widgets/display_scale.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QScreen>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <algorithm>
#include <cmath>

namespace sdlab::gui {

namespace {

constexpr const char* kThemeKey = "view/theme";

QPalette darkPalette() {
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30), base(0x1e, 0x1f, 0x22), text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Light, QColor(0x45, 0x47, 0x4a));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3c, 0x3f));
    p.setColor(QPalette::Mid, QColor(0x55, 0x57, 0x5a));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xf0));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    return p;
}

// For projectors: black on white loses to stray light; white and yellow on black
// does not, and every edge is drawn in full white.
QPalette highContrastPalette() {
    QPalette p;
    p.setColor(QPalette::Window, Qt::black);
    p.setColor(QPalette::WindowText, Qt::white);
    p.setColor(QPalette::Base, Qt::black);
    p.setColor(QPalette::AlternateBase, QColor(0x20, 0x20, 0x20));
    p.setColor(QPalette::ToolTipBase, Qt::black);
    p.setColor(QPalette::ToolTipText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0xc0, 0xc0, 0xc0));
    p.setColor(QPalette::Text, Qt::white);
    p.setColor(QPalette::Button, Qt::black);
    p.setColor(QPalette::ButtonText, Qt::white);
    p.setColor(QPalette::BrightText, Qt::yellow);
    for (QPalette::ColorRole role :
         {QPalette::Light, QPalette::Midlight, QPalette::Mid, QPalette::Dark})
        p.setColor(role, Qt::white);
    p.setColor(QPalette::Shadow, Qt::white);
    p.setColor(QPalette::Highlight, Qt::yellow);
    p.setColor(QPalette::HighlightedText, Qt::black);
    p.setColor(QPalette::Link, Qt::yellow);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0xa0, 0xa0, 0xa0));
    return p;
}

} // namespace

QString DisplayOptions::themeName(Theme theme) {
    switch (theme) {
    case Theme::System:
        return QStringLiteral("system");
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::HighContrast:
        return QStringLiteral("high-contrast");
    }
    return QStringLiteral("system");
}

std::optional<DisplayOptions::Theme> DisplayOptions::themeFromName(const QString& name) {
    for (Theme t : {Theme::System, Theme::Light, Theme::Dark, Theme::HighContrast})
        if (themeName(t) == name)
            return t;
    return std::nullopt;
}

DisplayOptions::DisplayOptions(QMainWindow* window, bool useSettings)
    : QObject(window), m_window(window), m_useSettings(useSettings),
      m_baseFont(QApplication::font()), m_systemPalette(QApplication::palette()) {
    if (!m_useSettings)
        return;
    QSettings settings;
    setZoom(settings.value(zoomKey(), 1.0).toDouble());
    if (const auto theme = themeFromName(settings.value(kThemeKey).toString()))
        setTheme(*theme);
}

QString DisplayOptions::zoomKey() const {
    const QScreen* screen = m_window->screen();
    return QStringLiteral("view/zoom/%1").arg(screen ? screen->name() : QStringLiteral("default"));
}

void DisplayOptions::addActions(QMenu* view) {
    m_presentAction =
        view->addAction(tr("&Presentation"), this, [this](bool on) { setPresenting(on); });
    m_presentAction->setCheckable(true);
    m_presentAction->setShortcut(QKeySequence(Qt::Key_F11));
    m_presentAction->setToolTip(tr("Full screen with the lab list and help hidden (F11 again "
                                   "returns); Ctrl++ / Ctrl+− scale everything for the back row"));
    QAction* in = view->addAction(tr("Zoom &In"), this, [this] { setZoom(m_zoom * kZoomStep); });
    in->setShortcuts({QKeySequence::ZoomIn, QKeySequence(tr("Ctrl+="))});
    QAction* out = view->addAction(tr("Zoom &Out"), this, [this] { setZoom(m_zoom / kZoomStep); });
    out->setShortcut(QKeySequence::ZoomOut);
    QAction* actual = view->addAction(tr("&Actual Size"), this, [this] { setZoom(1.0); });
    actual->setShortcut(QKeySequence(tr("Ctrl+0")));
    QMenu* themes = view->addMenu(tr("&Theme"));
    m_themeGroup = new QActionGroup(this);
    const std::pair<Theme, QString> entries[] = {{Theme::System, tr("&System")},
                                                 {Theme::Light, tr("&Light")},
                                                 {Theme::Dark, tr("&Dark")},
                                                 {Theme::HighContrast, tr("&High Contrast")}};
    for (const auto& [theme, label] : entries) {
        QAction* action = themes->addAction(label, this, [this, t = theme] { setTheme(t); });
        action->setCheckable(true);
        action->setData(static_cast<int>(theme));
        m_themeGroup->addAction(action);
    }
    updateActions();
}

void DisplayOptions::updateActions() {
    if (m_presentAction)
        m_presentAction->setChecked(m_presenting);
    if (m_themeGroup)
        for (QAction* action : m_themeGroup->actions())
            action->setChecked(action->data().toInt() == static_cast<int>(m_theme));
}

void DisplayOptions::setZoom(double zoom) {
    if (!std::isfinite(zoom))
        zoom = 1.0;
    m_zoom = std::clamp(zoom, widgets::kMinDisplayScale, widgets::kMaxDisplayScale);
    if (std::abs(m_zoom - 1.0) < 1e-9)
        m_zoom = 1.0;                 // back to exactly the start after zooming in and out
    widgets::setDisplayScale(m_zoom); // before the font: views restyle on FontChange
    QFont font = m_baseFont;
    if (m_baseFont.pointSizeF() > 0)
        font.setPointSizeF(m_baseFont.pointSizeF() * m_zoom);
    else
        font.setPixelSize(
            std::max(1, static_cast<int>(std::lround(m_baseFont.pixelSize() * m_zoom))));
    QApplication::setFont(font);
    if (m_useSettings)
        QSettings().setValue(zoomKey(), m_zoom);
}

void DisplayOptions::setTheme(Theme theme) {
    m_theme = theme;
    switch (theme) {
    case Theme::System:
        QApplication::setPalette(m_systemPalette);
        break;
    case Theme::Light:
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case Theme::Dark:
        QApplication::setPalette(darkPalette());
        break;
    case Theme::HighContrast:
        QApplication::setPalette(highContrastPalette());
        break;
    }
    updateActions();
    if (m_useSettings)
        QSettings().setValue(kThemeKey, themeName(theme));
}

void DisplayOptions::setPresenting(bool on) {
    if (on == m_presenting)
        return;
    m_presenting = on;
    if (on) {
        m_wasMaximized = m_window->isMaximized();
        m_hiddenDocks.clear();
        for (QDockWidget* dock : m_window->findChildren<QDockWidget*>())
            if (dock->isVisible() && dock->objectName() != QLatin1String("parametersDock") &&
                dock->objectName() != QLatin1String("lessonDock")) { // a lesson stays
                dock->hide();
                m_hiddenDocks << dock;
            }
        // The screen's whole area first: without a window manager (a bare X server,
        // scripted screenshots) full-screen state alone does not resize the window.
        if (const QScreen* screen = m_window->screen())
            m_window->setGeometry(screen->geometry());
        m_window->showFullScreen();
    } else {
        for (QDockWidget* dock : m_hiddenDocks)
            dock->show();
        m_hiddenDocks.clear();
        if (m_wasMaximized)
            m_window->showMaximized();
        else
            m_window->showNormal();
    }
    updateActions();
}

} // namespace sdlab::gui
