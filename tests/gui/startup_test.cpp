// Qt test (offscreen) of what the window loads (issue 19): it comes up, on every lab but
// Video, without OpenCV in the process, and the Video lab loads it (through the video
// plugin) when first shown, then plays. This executable links no OpenCV itself, so the
// process's memory map tells.
#include "gui/lab_session.h"
#include "gui/main_window.h"
#include "gui/video_lab.h"
#include "lab_test_support.h"

#include <QFile>
#include <QTest>

using sdlab::gui::MainWindow;

namespace {

// The shared objects mapped into this process whose file names contain `part`.
QStringList mapped(const char* part) {
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return {QStringLiteral("(cannot read /proc/self/maps)")};
    QStringList files;
    for (const QByteArray& line : maps.readAll().split('\n')) {
        const qsizetype slash = line.indexOf('/');
        if (slash < 0 || !line.contains(part))
            continue;
        const QString file = QString::fromUtf8(line.mid(slash));
        if (!files.contains(file))
            files << file;
    }
    return files;
}

} // namespace

class StartupTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void theWindowLoadsOpenCvOnlyForTheVideoLab() {
        QVERIFY2(mapped("libopencv_").isEmpty(),
                 qPrintable(mapped("libopencv_").join(QLatin1Char(' '))));
        MainWindow window(false);
        window.show();
        for (const QString& id : MainWindow::labIds()) {
            if (id == QStringLiteral("video"))
                continue;
            window.showLab(id);
            QTRY_VERIFY_WITH_TIMEOUT(settled(window.session(id)), 20000);
        }
        QVERIFY2(mapped("libopencv_").isEmpty(),
                 qPrintable(mapped("libopencv_").join(QLatin1Char(' '))));
        QVERIFY2(mapped("libgdal").isEmpty(), qPrintable(mapped("libgdal").join(QLatin1Char(' '))));
        QVERIFY(mapped("sdlab_video_plugin").isEmpty());

        window.showLab(QStringLiteral("video"));
        auto* lab = qobject_cast<sdlab::gui::VideoLab*>(window.currentPage());
        QVERIFY(lab);
        QTRY_VERIFY_WITH_TIMEOUT(lab->framesShown() > 3, 20000);
        QVERIFY(!mapped("sdlab_video_plugin.so").isEmpty());
        QVERIFY(!mapped("libopencv_core").isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(settled(window.session(QStringLiteral("video"))), 60000);
        QVERIFY(window.statusText().contains(QStringLiteral("events/s")));
    }
};

QTEST_MAIN(StartupTest)
#include "startup_test.moc"
