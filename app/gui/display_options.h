#pragma once

#include <QFont>
#include <QList>
#include <QObject>
#include <QPalette>
#include <optional>

class QAction;
class QActionGroup;
class QDockWidget;
class QMainWindow;
class QMenu;

namespace sdlab::gui {

// In front of a class (issue 23 item 1): View > Presentation (F11: full screen, the
// lab list and help hidden, an open lesson kept), Zoom In / Out / Actual Size (Ctrl++, Ctrl+−,
// Ctrl+0: the application font and every plot's fonts, lines and markers together, remembered per
// screen) and Theme (system, light, dark, high contrast for projectors). Owns no widget; changes
// the application's font and palette and the window's state. GUI thread.
class DisplayOptions : public QObject {
    Q_OBJECT
  public:
    enum class Theme { System, Light, Dark, HighContrast };
    static QString themeName(Theme theme); // "system", "light", "dark", "high-contrast"
    static std::optional<Theme> themeFromName(const QString& name);
    static constexpr double kZoomStep = 1.25;

    // With `useSettings` the zoom (for the window's screen) and the theme are restored
    // now and saved on every change.
    DisplayOptions(QMainWindow* window, bool useSettings);

    void addActions(QMenu* view);
    double zoom() const { return m_zoom; }
    void setZoom(double zoom); // clamped to the display-scale range
    Theme theme() const { return m_theme; }
    void setTheme(Theme theme);
    bool isPresenting() const { return m_presenting; }
    void setPresenting(bool on);

  private:
    QString zoomKey() const;
    void updateActions();

    QMainWindow* m_window;
    bool m_useSettings;
    QFont m_baseFont;
    QPalette m_systemPalette;
    double m_zoom = 1.0;
    Theme m_theme = Theme::System;
    bool m_presenting = false;
    bool m_wasMaximized = false;
    QList<QDockWidget*> m_hiddenDocks;
    QAction* m_presentAction = nullptr;
    QActionGroup* m_themeGroup = nullptr;
};

} // namespace sdlab::gui
