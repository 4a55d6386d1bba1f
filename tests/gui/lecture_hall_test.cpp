// Qt test (offscreen) of what serves a lecture hall (issue 23 items 1 and 3): zoom scales
// the application font and every plot's fonts, lines and markers together and comes back
// exactly; the themes set the palette the plots follow and System restores the start;
// presentation hides the lab list and help and gives them back; the View menu has F11,
// Ctrl++, Ctrl+− and Ctrl+0. A lesson steps with Page Down / Page Up, each step one undo
// step with its controls highlighted; every built-in lesson's steps apply; a corrupt or
// foreign lesson is refused naming the file and the step, and nothing changes.
#include "experiment/lesson.h"
#include "gui/display_options.h"
#include "gui/lab_page.h"
#include "gui/lab_parameters.h"
#include "gui/lab_session.h"
#include "gui/lesson_panel.h"
#include "gui/main_window.h"
#include "lab_test_support.h"
#include "widgets/chart_plot.h"
#include "widgets/display_scale.h"
#include "widgets/parameter_panel.h"

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QDockWidget>
#include <QLineSeries>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
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

class LectureHallTest : public QObject {
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

    void aLessonStepsWithPageDownAndPageUp() {
        MainWindow window(false);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QString error;
        QVERIFY2(
            window.openLesson(QStringLiteral(":/lessons/pd-coding-in-ten-minutes.json"), &error),
            qPrintable(error));
        QCOMPARE(window.lessonStep(), 0);
        QCOMPARE(window.lessonStepCount(), 5);
        QVERIFY(window.findChild<QDockWidget*>(QStringLiteral("lessonDock"))->isVisible());
        QVERIFY(window.lessonPanel()->where().startsWith(QStringLiteral("Step 1 of 5")));
        auto* signal = window.session(QStringLiteral("signal"));
        QTest::keyClick(&window, Qt::Key_PageDown); // a presenter's clicker
        QCOMPARE(window.lessonStep(), 1);
        QCOMPARE(signal->values().value(QStringLiteral("kd")).toDouble(), 0.5);
        QCOMPARE(window.parameterPanel(QStringLiteral("signal"))->highlighted(),
                 QStringList{QStringLiteral("kd")});
        QVERIFY(window.lessonPanel()->where().contains(QStringLiteral("Step 2 of 5")));
        // The step was one undo step: undo gives step 1's kd back.
        signal->undoStack()->undo();
        QCOMPARE(signal->values().value(QStringLiteral("kd")).toDouble(), 2.0);
        // A clicker's Page Down reaches the focused widget: a spin box must not eat it.
        QWidget* kpEditor =
            window.parameterPanel(QStringLiteral("signal"))->editor(QStringLiteral("kp"));
        QVERIFY(kpEditor);
        kpEditor->setFocus();
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : kpEditor,
                        Qt::Key_PageDown);
        QCOMPARE(window.lessonStep(), 2);
        QTest::keyClick(&window, Qt::Key_PageDown);
        QCOMPARE(window.lessonStep(), 3);
        QCOMPARE(window.currentPage()->labId(), QStringLiteral("sweep"));
        QVERIFY(window.parameterPanel(QStringLiteral("signal"))->highlighted().isEmpty());
        QTest::keyClick(&window, Qt::Key_PageUp);
        QCOMPARE(window.lessonStep(), 2);
        QCOMPARE(window.currentPage()->labId(), QStringLiteral("signal"));
        QVERIFY(window.showLessonStep(4));
        QTest::keyClick(&window, Qt::Key_PageDown); // past the end: nothing
        QCOMPARE(window.lessonStep(), 4);
        QVERIFY(!window.showLessonStep(5));
        window.closeLesson();
        QCOMPARE(window.lessonStep(), -1);
        QVERIFY(!window.findChild<QDockWidget*>(QStringLiteral("lessonDock"))->isVisible());
    }

    void everyStepOfEveryBuiltInLessonApplies() {
        MainWindow window(false);
        const QStringList lessons = MainWindow::builtinLessonPaths();
        QCOMPARE(lessons.size(), 3);
        for (const QString& path : lessons) {
            QString error;
            QVERIFY2(window.openLesson(path, &error), qPrintable(error));
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const sdlab::Lesson lesson =
                sdlab::readLesson(file.readAll().toStdString(), path.toStdString());
            QCOMPARE(window.lessonStepCount(), static_cast<int>(lesson.steps.size()));
            for (int k = 0; k < window.lessonStepCount(); ++k) {
                QVERIFY(window.showLessonStep(k));
                const sdlab::LessonStep& step = lesson.steps[static_cast<std::size_t>(k)];
                const QString lab = QString::fromStdString(step.experiment->id);
                QCOMPARE(window.currentPage()->labId(), lab);
                for (const auto& [key, value] : step.parameters)
                    QCOMPARE(window.session(lab)->values().value(QString::fromStdString(key)),
                             sdlab::gui::toVariant(value));
                QCOMPARE(window.parameterPanel(lab)->highlighted().size(),
                         static_cast<qsizetype>(step.highlight.size()));
            }
        }
    }

    void aCorruptOrForeignLessonIsRefusedAndNothingChanges() {
        MainWindow window(false);
        window.showLab(QStringLiteral("kernels"));
        const auto before = window.session(QStringLiteral("signal"))->values();
        QTemporaryDir dir;
        const auto write = [&](const QString& name, const QByteArray& content) {
            QFile file(dir.filePath(name));
            file.open(QIODevice::WriteOnly);
            file.write(content);
            return file.fileName();
        };
        const QString badPreset =
            write(QStringLiteral("bad-preset.json"),
                  R"({"format": "sdlab-lesson", "version": 1, "steps": [{"lab": "signal"},
                {"lab": "signal", "preset": "no-such-preset"}]})");
        const QString badValue =
            write(QStringLiteral("bad-value.json"),
                  R"({"format": "sdlab-lesson", "version": 1, "steps": [{"lab": "signal",
                "parameters": {"kp": -1}}]})");
        const QString preset = write(QStringLiteral("preset.json"),
                                     R"({"format": "sdlab-preset", "version": 2, "lab": "signal",
                                         "parameters": {}})");
        const struct {
            QString path;
            QString expected;
        } cases[] = {
            {badPreset, QStringLiteral("step 2: the signal lab has no built-in preset "
                                       "'no-such-preset'")},
            {badValue, QStringLiteral("step 1: 'kp'")},
            {preset, QStringLiteral("not a Sigma-Delta Lab lesson")},
            {QStringLiteral("/dev/zero"), QStringLiteral("far too large for a lesson")},
            {dir.filePath(QStringLiteral("missing.json")), QStringLiteral("cannot be read")}};
        for (const auto& c : cases) {
            QString error;
            QVERIFY(!window.openLesson(c.path, &error));
            QVERIFY2(error.contains(c.path) && error.contains(c.expected), qPrintable(error));
            QCOMPARE(window.lessonStep(), -1);
            QCOMPARE(window.currentPage()->labId(), QStringLiteral("kernels"));
            QCOMPARE(window.session(QStringLiteral("signal"))->values(), before);
        }
    }
};

QTEST_MAIN(LectureHallTest)
#include "lecture_hall_test.moc"
