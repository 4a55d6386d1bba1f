// sdlab: the Sigma-Delta Lab window. Opens on the Signal lab with a built-in signal,
// so it needs no file, camera or download.
//   sdlab [--lab ID] [--preset NAME|FILE] [--tab TITLE] [--run] [--screenshot FILE.png]
//         [--presentation] [--zoom F] [--theme T] [--lesson NAME|FILE [--lesson-step N]]
//   sdlab --record FILE.mp4|.avi|.png [--fps F] [--size WxH] [--seconds S]
//   sdlab --result DIR  opens an sdlab-cli result directory in its lab
//   sdlab --list-labs   the lab ids, one a line, in the window's order
//   sdlab --help, sdlab --version
// The last three need no display.
// With --screenshot it waits for the lab's first result (with --run, for the lab's run
// to finish), saves the window and exits 0; --record likewise records and exits 0; a
// bad lab, preset or option exits 2 with a message.
#include "gui/animation_recorder.h"
#include "gui/display_options.h"
#include "gui/lab_page.h"
#include "gui/lab_run.h"
#include "gui/lab_session.h"
#include "gui/main_window.h"
#include "gui/preset.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QImage>
#include <QSaveFile>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <string_view>

#ifndef SDLAB_VERSION
#define SDLAB_VERSION "unknown"
#endif

namespace {

int fail(int code, const QString& message) {
    std::fprintf(stderr, "sdlab: %s\n", qPrintable(message));
    return code;
}

bool saveScreenshot(QWidget& window, const QString& path, QString* error) {
    const QImage image = window.grab().toImage();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        *error = QStringLiteral("could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QStringList builtinLessonNames() {
    QStringList names;
    for (const QString& path : sdlab::gui::MainWindow::builtinLessonPaths())
        names << QFileInfo(path).completeBaseName();
    return names;
}

// The command line, described once: the window and the display-free --help/--version
// both read it.
struct Options {
    QCommandLineOption lab{QStringLiteral("lab"),
                           QStringLiteral("Open this lab: %1.")
                               .arg(sdlab::gui::MainWindow::labIds().join(QStringLiteral(", "))),
                           QStringLiteral("ID")};
    QCommandLineOption preset{
        QStringLiteral("preset"),
        QStringLiteral("Load a built-in preset of the lab, or a preset file."),
        QStringLiteral("NAME|FILE")};
    QCommandLineOption screenshot{
        QStringLiteral("screenshot"),
        QStringLiteral("Save the window as PNG once the lab has its first result, then exit."),
        QStringLiteral("FILE")};
    QCommandLineOption run{
        QStringLiteral("run"),
        QStringLiteral("Start the lab's run (Learning lab) once its parameters are checked; "
                       "with --screenshot, capture when the run ends.")};
    QCommandLineOption seconds{
        QStringLiteral("seconds"),
        QStringLiteral("With --screenshot, capture this many seconds after the lab's first "
                       "result (live labs such as Video; default 0.3)."),
        QStringLiteral("S")};
    QCommandLineOption result{
        QStringLiteral("result"),
        QStringLiteral("Open an sdlab-cli result directory (its --out) in its lab; given "
                       "again, each in turn (Learning lab runs are overlaid)."),
        QStringLiteral("DIR")};
    QCommandLineOption tab{
        QStringLiteral("tab"),
        QStringLiteral("Bring forward the lab's tab whose title starts with TITLE (e.g. "
                       "\"Trade-off\"); given again, each in turn."),
        QStringLiteral("TITLE")};
    QCommandLineOption zoom{
        QStringLiteral("zoom"),
        QStringLiteral("Scale every font, line and marker by this factor (0.5 to 3; View > "
                       "Zoom)."),
        QStringLiteral("FACTOR")};
    QCommandLineOption theme{
        QStringLiteral("theme"),
        QStringLiteral("Colours: system, light, dark or high-contrast (View > Theme)."),
        QStringLiteral("NAME")};
    QCommandLineOption presentation{
        QStringLiteral("presentation"),
        QStringLiteral("Start in presentation mode (View > Presentation, F11): full screen, "
                       "lab list and help hidden.")};
    QCommandLineOption lesson{
        QStringLiteral("lesson"),
        QStringLiteral("Open a lesson: a file, or a built-in one by name (%1).")
            .arg(builtinLessonNames().join(QStringLiteral(", "))),
        QStringLiteral("FILE|NAME")};
    QCommandLineOption lessonStep{QStringLiteral("lesson-step"),
                                  QStringLiteral("With --lesson, go to this step (1 = the first)."),
                                  QStringLiteral("N")};
    QCommandLineOption record{
        QStringLiteral("record"),
        QStringLiteral("Record the lab's playback (or --seconds of a live lab, default 5) as a "
                       "video (.mp4, .avi) or PNG sequence (.png) once its first result is in, "
                       "then exit (File > Record Animation)."),
        QStringLiteral("FILE")};
    QCommandLineOption fps{QStringLiteral("fps"),
                           QStringLiteral("With --record, frames per second (default 25)."),
                           QStringLiteral("F")};
    QCommandLineOption size{
        QStringLiteral("size"),
        QStringLiteral("With --record, the frame size WxH (default: the lab as shown)."),
        QStringLiteral("WxH")};
    QCommandLineOption listLabs{
        QStringLiteral("list-labs"),
        QStringLiteral("Print the lab ids, one a line, in the window's order, then exit.")};

    void addTo(QCommandLineParser& parser) const {
        parser.setApplicationDescription(
            QStringLiteral("Visual lab for spiking and predictive-coding neural networks"));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({lab, preset, result, tab, run, screenshot, seconds, zoom, theme,
                           presentation, lesson, lessonStep, record, fps, size, listLabs});
    }
};

void setApplicationIdentity() {
    QCoreApplication::setApplicationName(QStringLiteral("Sigma-Delta Lab"));
    QCoreApplication::setOrganizationName(QStringLiteral("Sigma-Delta Lab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SDLAB_VERSION));
}

// Questions answered before Qt starts a platform, so scripts can ask without a display.
bool answersWithoutDisplay(int argc, char** argv) {
    for (int k = 1; k < argc; ++k) {
        const std::string_view arg(argv[k]);
        if (arg == "--list-labs" || arg == "--help" || arg == "-h" || arg == "-?" ||
            arg == "--help-all" || arg == "--version" || arg == "-v")
            return true;
    }
    return false;
}

// Qt's platform plugins print warnings about things we neither can nor need to change
// (an unset XDG_RUNTIME_DIR, offscreen's missing size hints); they are noise in every
// scripted run, so they are dropped and everything else is printed as Qt would.
QtMessageHandler g_defaultMessageHandler = nullptr; // NOLINT: Qt's handler is process-wide

void dropPlatformNoise(QtMsgType type, const QMessageLogContext& context, const QString& text) {
    if (type == QtWarningMsg &&
        (text.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR")) ||
         text.contains(QLatin1String("propagateSizeHints"))))
        return;
    g_defaultMessageHandler(type, context, text);
}

// sdlab --record FILE: waits for the lab's first result, records, exits 0 when the file
// is written (1 when it could not be, 2 for bad options).
int recordAndExit(sdlab::gui::MainWindow& window, const QCommandLineParser& parser,
                  const Options& options) {
    sdlab::gui::AnimationSettings settings;
    settings.path = parser.value(options.record);
    bool valid = true;
    if (parser.isSet(options.fps))
        settings.fps = parser.value(options.fps).toDouble(&valid);
    if (!valid || !(settings.fps >= 1.0 && settings.fps <= 120.0))
        return fail(2, QStringLiteral("--fps: '%1' is not a frame rate in 1..120")
                           .arg(parser.value(options.fps)));
    if (parser.isSet(options.seconds))
        settings.seconds = parser.value(options.seconds).toDouble(&valid);
    if (!valid || !(settings.seconds > 0.0 && settings.seconds <= 3600.0))
        return fail(2, QStringLiteral("--seconds: '%1' is not a number of seconds in 0..3600")
                           .arg(parser.value(options.seconds)));
    if (parser.isSet(options.size)) {
        const QStringList parts = parser.value(options.size).split(QLatin1Char('x'));
        bool w = false, h = false;
        if (parts.size() == 2)
            settings.size = QSize(parts[0].toInt(&w), parts[1].toInt(&h));
        if (!w || !h)
            return fail(2, QStringLiteral("--size: '%1' is not WxH (e.g. 1280x720)")
                               .arg(parser.value(options.size)));
    }
    sdlab::gui::LabSession* session = window.currentSession();
    int exitCode = 1;
    bool started = false;
    auto start = [&] {
        if (started || !session->resultIsCurrent())
            return;
        started = true;
        QTimer::singleShot(300, &window, [&] { // let the plots lay out and paint first
            if (settings.size.isEmpty())
                settings.size = window.currentPage()->size();
            QString error;
            sdlab::gui::AnimationRecorder* recorder = window.recordAnimation(settings, &error);
            if (!recorder) {
                fail(2, QStringLiteral("--record: %1").arg(error));
                QApplication::exit(2);
                return;
            }
            QObject::connect(recorder, &sdlab::gui::AnimationRecorder::finished, &window,
                             [&](bool ok, const QString& message) {
                                 if (ok)
                                     std::printf("sdlab: %s\n", qPrintable(message));
                                 else
                                     fail(1, message);
                                 QApplication::exit(ok ? 0 : 1);
                             });
        });
    };
    QObject::connect(session, &sdlab::gui::LabSession::resultReady, &window, start);
    QObject::connect(session, &sdlab::gui::LabSession::failed, &window, [](const QString& message) {
        fail(1, QStringLiteral("the lab failed: %1").arg(message));
        QApplication::exit(1);
    });
    if (session->resultIsCurrent())
        start();
    exitCode = QApplication::exec();
    return exitCode;
}

} // namespace

int main(int argc, char** argv) {
    g_defaultMessageHandler = qInstallMessageHandler(dropPlatformNoise);
    const Options options;
    if (answersWithoutDisplay(argc, argv)) {
        QCoreApplication app(argc, argv);
        setApplicationIdentity();
        QCommandLineParser parser;
        options.addTo(parser);
        parser.process(app); // prints help or the version and exits; errors exit 1
        if (parser.isSet(options.listLabs)) {
            for (const QString& id : sdlab::gui::MainWindow::labIds())
                std::printf("%s\n", qPrintable(id));
            return 0;
        }
    }
    QApplication app(argc, argv);
    setApplicationIdentity();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/sdlab.svg")));
    QCommandLineParser parser;
    options.addTo(parser);
    parser.process(app);
    const QCommandLineOption& labOption = options.lab;
    const QCommandLineOption& presetOption = options.preset;
    const QCommandLineOption& screenshotOption = options.screenshot;
    const QCommandLineOption& runOption = options.run;
    const QCommandLineOption& secondsOption = options.seconds;
    const QCommandLineOption& resultOption = options.result;

    const QString lab = parser.value(labOption);
    if (parser.isSet(labOption) && !sdlab::gui::MainWindow::labIds().contains(lab))
        return fail(2, QStringLiteral("--lab '%1' is not one of %2")
                           .arg(lab, sdlab::gui::MainWindow::labIds().join(QStringLiteral(", "))));
    using sdlab::gui::DisplayOptions;
    bool zoomValid = true;
    const double zoom =
        parser.isSet(options.zoom) ? parser.value(options.zoom).toDouble(&zoomValid) : 1.0;
    if (!zoomValid || !(zoom >= 0.5 && zoom <= 3.0))
        return fail(2, QStringLiteral("--zoom: '%1' is not a factor in 0.5..3")
                           .arg(parser.value(options.zoom)));
    const auto theme = DisplayOptions::themeFromName(
        parser.isSet(options.theme) ? parser.value(options.theme) : QStringLiteral("system"));
    if (!theme)
        return fail(2, QStringLiteral("--theme: '%1' is not one of system, light, dark, "
                                      "high-contrast")
                           .arg(parser.value(options.theme)));
    const bool screenshot = parser.isSet(screenshotOption);
    // Scripted screenshots are reproducible: they neither read nor write settings.
    sdlab::gui::MainWindow window(!screenshot);
    if (parser.isSet(options.zoom))
        window.displayOptions()->setZoom(zoom);
    if (parser.isSet(options.theme))
        window.displayOptions()->setTheme(*theme);
    if (!lab.isEmpty())
        window.showLab(lab);
    if (parser.isSet(presetOption)) {
        const QString preset = parser.value(presetOption);
        QString error;
        const bool loaded =
            QFileInfo(preset).isFile()
                ? window.loadPresetFile(preset, &error)
                : window.loadBuiltinPreset(window.currentPage()->labId(), preset, &error);
        if (!loaded)
            return fail(2, QStringLiteral("--preset: %1").arg(error));
    }
    if (parser.isSet(options.lesson)) {
        QString path = parser.value(options.lesson);
        if (!QFileInfo(path).isFile() && builtinLessonNames().contains(path))
            path = QStringLiteral(":/lessons/%1.json").arg(path);
        QString error;
        if (!window.openLesson(path, &error))
            return fail(2, QStringLiteral("--lesson: %1").arg(error));
        if (parser.isSet(options.lessonStep)) {
            bool valid = false;
            const int step = parser.value(options.lessonStep).toInt(&valid);
            if (!valid || !window.showLessonStep(step - 1))
                return fail(2, QStringLiteral("--lesson-step: '%1' is not a step of 1..%2")
                                   .arg(parser.value(options.lessonStep))
                                   .arg(window.lessonStepCount()));
        }
    }
    for (const QString& directory : parser.values(resultOption)) {
        QString error;
        if (!window.openResult(directory, &error))
            return fail(2, QStringLiteral("--result: %1").arg(error));
    }
    window.show();
    if (parser.isSet(options.presentation))
        window.displayOptions()->setPresenting(true);
    sdlab::gui::LabSession* session = window.currentSession();
    sdlab::gui::LabPage* page = window.currentPage();
    // Pages may bring a tab forward when a result arrives (the Learning lab's Settling
    // tab for EqProp runs), so the tabs asked for are brought forward again at capture.
    const QStringList tabs = parser.values(options.tab);
    const auto showTabs = [&tabs, page] {
        for (const QString& title : tabs)
            page->showTab(title);
    };
    for (const QString& title : tabs) {
        QStringList titles;
        if (!page->showTab(title, &titles))
            return fail(2, titles.isEmpty()
                               ? QStringLiteral("--tab: the %1 lab has no tabs").arg(page->labId())
                               : QStringLiteral("--tab: the %1 lab has no tab '%2'; its tabs: %3")
                                     .arg(page->labId(), title, titles.join(QStringLiteral(", "))));
    }
    const bool run = parser.isSet(runOption);
    if (run && (page->runActions().isEmpty() || !session->run()))
        return fail(2, QStringLiteral("--run: the %1 lab has no run to start").arg(page->labId()));
    if (run)
        QObject::connect(session, &sdlab::gui::LabSession::resultReady, &window, [&] {
            if (session->resultIsCurrent() && !session->isRunning())
                page->runActions().front()->trigger(); // Start
        });
    if (parser.isSet(options.record))
        return recordAndExit(window, parser, options);
    if (!screenshot)
        return QApplication::exec();

    const QString path = parser.value(screenshotOption);
    bool secondsValid = true;
    const double seconds =
        parser.isSet(secondsOption) ? parser.value(secondsOption).toDouble(&secondsValid) : 0.3;
    if (!secondsValid || seconds < 0.0 || seconds > 3600.0)
        return fail(2, QStringLiteral("--seconds: '%1' is not a number of seconds in 0..3600")
                           .arg(parser.value(secondsOption)));
    int exitCode = 1;
    auto capture = [&] {
        showTabs();
        QString error;
        if (saveScreenshot(window, path, &error))
            exitCode = 0;
        else
            fail(1, error);
        QApplication::exit(exitCode);
    };
    if (run)
        QObject::connect(session->run(), &sdlab::gui::LabRun::finished, &window,
                         [&] { QTimer::singleShot(300, &window, capture); });
    else if (parser.isSet(resultOption)) // the files are shown already
        QTimer::singleShot(static_cast<int>(std::max(seconds, 1.0) * 1000.0), &window, capture);
    else
        QObject::connect(session, &sdlab::gui::LabSession::resultReady, &window, [&] {
            if (session->resultIsCurrent()) // let the plots lay out and paint first
                QTimer::singleShot(static_cast<int>(seconds * 1000.0), &window, capture);
        });
    QObject::connect(session, &sdlab::gui::LabSession::failed, &window,
                     [&](const QString& message) {
                         fail(1, QStringLiteral("the lab failed: %1").arg(message));
                         QApplication::exit(1);
                     });
    QTimer::singleShot(run ? 600'000 : 120'000 + static_cast<int>(seconds * 1000.0), &window,
                       [run] {
                           fail(1, run ? QStringLiteral("the run did not end within 600 s")
                                       : QStringLiteral("no result within 120 s"));
                           QApplication::exit(1);
                       });
    QApplication::exec();
    return exitCode;
}
