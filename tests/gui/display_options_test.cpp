// Qt test (offscreen) of the lecture-hall controls (issue 23 item 1): zoom scales the
// application font and every plot's fonts, lines and markers together and comes back
// exactly; the themes set the palette the plots follow and System restores the start;
// presentation hides the lab list and help and gives them back; the View menu has
// F11, Ctrl++, Ctrl+− and Ctrl+0.
#include "gui/display_options.h"
#include "gui/main_window.h"
#include "widgets/chart_plot.h"
#include "widgets/display_scale.h"

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QDockWidget>
#include <QLineSeries>
#include <QTest>
#include <cmath>

using sdlab::gui::DisplayOptions;
using sdlab::gui::MainWindow;

namespace {

// The first chart of the window that has a line series, and that series' pen width.
sdlab::widgets::ChartPlot* chartWithLine(const MainWindow& window, QLineSeries** line) {
    for (auto* plot : window.findChildren<sdlab::widgets::ChartPlot*>())
        for (QAbstractSeries* series : plot->chart()->series())
            if (auto* l = qobject_cast<QLineSeries*>(series)) {
                *line = l;
                return plot;
            }
    return nullptr;
}

// Qt delivers application font and palette changes to widgets as posted events.
void deliverChanges() {
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

QAction* actionWithShortcut(const MainWindow& window, const QKeySequence& key) {
    for (QAction* action : window.findChildren<QAction*>())
        if (action->shortcuts().contains(key))
            return action;
    return nullptr;
}

} // namespace

class DisplayOptionsTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void zoomScalesFontsLinesAndMarkersAndComesBack() {
        MainWindow window(false);
        DisplayOptions* display = window.displayOptions();
        QLineSeries* line = nullptr;
        sdlab::widgets::ChartPlot* plot = chartWithLine(window, &line);
        QVERIFY(plot && line);
        const double font = QApplication::font().pointSizeF();
        const double pen = line->pen().widthF();
        const double title = plot->chart()->titleFont().pointSizeF();
        QVERIFY(font > 0.0 && pen > 0.0);
        display->setZoom(2.0);
        deliverChanges();
        QCOMPARE(sdlab::widgets::displayScale(), 2.0);
        QCOMPARE(QApplication::font().pointSizeF(), 2.0 * font);
        QCOMPARE(plot->font().pointSizeF(), 2.0 * font);
        QCOMPARE(plot->chart()->titleFont().pointSizeF(), 2.0 * font + 1.0);
        QCOMPARE(line->pen().widthF(), 2.0 * pen);
        // In steps, as Ctrl++ and Ctrl+− take them, and back to exactly the start.
        display->setZoom(display->zoom() / DisplayOptions::kZoomStep);
        display->setZoom(display->zoom() * DisplayOptions::kZoomStep);
        QCOMPARE(display->zoom(), 2.0);
        display->setZoom(1.0);
        deliverChanges();
        QCOMPARE(QApplication::font().pointSizeF(), font);
        QCOMPARE(plot->chart()->titleFont().pointSizeF(), title);
        QCOMPARE(line->pen().widthF(), pen);
        display->setZoom(100.0);
        QCOMPARE(display->zoom(), sdlab::widgets::kMaxDisplayScale);
        display->setZoom(0.01);
        QCOMPARE(display->zoom(), sdlab::widgets::kMinDisplayScale);
        display->setZoom(std::nan(""));
        QCOMPARE(display->zoom(), 1.0);
    }

    void themesSetThePalettePlotsFollowAndSystemRestoresIt() {
        MainWindow window(false);
        DisplayOptions* display = window.displayOptions();
        const QPalette start = QApplication::palette();
        QLineSeries* line = nullptr;
        sdlab::widgets::ChartPlot* plot = chartWithLine(window, &line);
        QVERIFY(plot);
        display->setTheme(DisplayOptions::Theme::Dark);
        deliverChanges();
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 128);
        QCOMPARE(plot->chart()->backgroundBrush().color(),
                 QApplication::palette().color(QPalette::Base));
        display->setTheme(DisplayOptions::Theme::HighContrast);
        deliverChanges();
        QCOMPARE(QApplication::palette().color(QPalette::Window), QColor(Qt::black));
        QCOMPARE(QApplication::palette().color(QPalette::Text), QColor(Qt::white));
        QCOMPARE(plot->chart()->titleBrush().color(), QColor(Qt::white));
        display->setTheme(DisplayOptions::Theme::System);
        deliverChanges();
        QCOMPARE(QApplication::palette(), start);
        for (const char* name : {"system", "light", "dark", "high-contrast"})
            QCOMPARE(DisplayOptions::themeName(
                         *DisplayOptions::themeFromName(QString::fromLatin1(name))),
                     QString::fromLatin1(name));
        QVERIFY(!DisplayOptions::themeFromName(QStringLiteral("sepia")));
    }

    void presentationHidesTheLabListAndHelpAndGivesThemBack() {
        MainWindow window(false);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* labs = window.findChild<QDockWidget*>(QStringLiteral("labsDock"));
        auto* help = window.findChild<QDockWidget*>(QStringLiteral("helpDock"));
        auto* parameters = window.findChild<QDockWidget*>(QStringLiteral("parametersDock"));
        QVERIFY(labs && help && parameters);
        QAction* present = actionWithShortcut(window, QKeySequence(Qt::Key_F11));
        QVERIFY(present);
        present->trigger();
        QVERIFY(window.displayOptions()->isPresenting());
        QVERIFY(present->isChecked());
        QVERIFY(!labs->isVisible());
        QVERIFY(!help->isVisible());
        QVERIFY(parameters->isVisible());
        present->trigger();
        QVERIFY(!window.displayOptions()->isPresenting());
        QVERIFY(labs->isVisible());
        QVERIFY(help->isVisible());
        for (const QKeySequence& key :
             {QKeySequence(QKeySequence::ZoomIn), QKeySequence(QKeySequence::ZoomOut),
              QKeySequence(QStringLiteral("Ctrl+0"))})
            QVERIFY2(actionWithShortcut(window, key), qPrintable(key.toString()));
        actionWithShortcut(window, QKeySequence(QKeySequence::ZoomIn))->trigger();
        QCOMPARE(window.displayOptions()->zoom(), DisplayOptions::kZoomStep);
        actionWithShortcut(window, QKeySequence(QStringLiteral("Ctrl+0")))->trigger();
        QCOMPARE(window.displayOptions()->zoom(), 1.0);
    }
};

QTEST_MAIN(DisplayOptionsTest)
#include "display_options_test.moc"
