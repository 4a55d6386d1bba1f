// Qt test (offscreen) of recorded animations (issue 23 item 2): a lab's playback as a PNG
// sequence has every sampled position, its first and last frames equal to the lab's own
// rendering at those positions; a video file reads back with its frame count and size;
// a live lab records for its seconds; a cancel or bad settings leave nothing behind.
#include "gui/animation_recorder.h"
#include "gui/lab_page.h"
#include "gui/lab_session.h"
#include "gui/main_window.h"
#include "lab_test_support.h"
#include "video/video_source.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using sdlab::gui::AnimationRecorder;
using sdlab::gui::AnimationSettings;
using sdlab::gui::MainWindow;

namespace {

// Records and waits; the finished() arguments.
QList<QVariant> recordAndWait(MainWindow& window, const AnimationSettings& settings) {
    QString error;
    AnimationRecorder* recorder = window.recordAnimation(settings, &error);
    if (!recorder)
        return {false, error};
    QSignalSpy finished(recorder, &AnimationRecorder::finished);
    if (!finished.wait(60000))
        return {false, QStringLiteral("no finished() within 60 s")};
    return finished.first();
}

QStringList filesIn(const QString& directory) {
    return QDir(directory).entryList(QDir::Files | QDir::Hidden | QDir::Dirs |
                                     QDir::NoDotAndDotDot);
}

} // namespace

class RecordingTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void thePlaybackAsAPngSequenceEndsAsShown() {
        MainWindow window(false);
        QVERIFY(showSettledLab(window, QStringLiteral("signal")));
        sdlab::gui::LabPage* page = window.currentPage();
        QVERIFY(page->hasPlayback() && page->playbackLength() > 20);
        QTemporaryDir dir;
        AnimationSettings settings;
        settings.path = dir.filePath(QStringLiteral("signal.png"));
        settings.size = QSize(320, 200);
        settings.fps = 10;
        settings.maxFrames = 12;
        const QList<QVariant> result = recordAndWait(window, settings);
        QVERIFY2(result.at(0).toBool(), qPrintable(result.at(1).toString()));
        QStringList expected;
        for (int k = 0; k < 12; ++k)
            expected
                << QFileInfo(AnimationRecorder::sequenceFramePath(settings.path, k)).fileName();
        QCOMPARE(filesIn(dir.path()), expected); // no temporary left
        page->setPlaybackPosition(1);
        const QImage first = AnimationRecorder::renderFrame(page, settings.size);
        page->setPlaybackPosition(page->playbackLength());
        const QImage last = AnimationRecorder::renderFrame(page, settings.size);
        QVERIFY(first != last); // the playback moved
        QCOMPARE(QImage(AnimationRecorder::sequenceFramePath(settings.path, 0))
                     .convertToFormat(QImage::Format_RGB888),
                 first);
        QCOMPARE(QImage(AnimationRecorder::sequenceFramePath(settings.path, 11))
                     .convertToFormat(QImage::Format_RGB888),
                 last);
    }

    void aVideoFileReadsBackWithItsFramesAndSize() {
        MainWindow window(false);
        QVERIFY(showSettledLab(window, QStringLiteral("kernels")));
        QTemporaryDir dir;
        for (const QString name : {QStringLiteral("k.avi"), QStringLiteral("k.mp4")}) {
            AnimationSettings settings;
            settings.path = dir.filePath(name);
            settings.size = QSize(320, 240);
            settings.fps = 10;
            settings.maxFrames = 10;
            const bool playback = window.currentPage()->hasPlayback();
            if (!playback)
                settings.seconds = 1.0;
            const QList<QVariant> result = recordAndWait(window, settings);
            QVERIFY2(result.at(0).toBool(), qPrintable(result.at(1).toString()));
            sdlab::VideoSourceSettings source;
            source.source = settings.path.toStdString();
            source.width = 320;
            const auto video = sdlab::openVideoSource(source);
            sdlab::VideoFrame frame;
            int frames = 0;
            while (video->read(frame))
                ++frames;
            QCOMPARE(frames, 10);
            QCOMPARE(frame.height, 240);
        }
        QCOMPARE(filesIn(dir.path()),
                 (QStringList{QStringLiteral("k.avi"), QStringLiteral("k.mp4")}));
    }

    void aLiveLabRecordsForItsSeconds() {
        MainWindow window(false);
        auto* lab =
            openVideoLab(window, {{QStringLiteral("width"), 64}, {QStringLiteral("learn"), false}});
        QVERIFY(lab);
        QTRY_VERIFY_WITH_TIMEOUT(lab->framesShown() > 3, 10000);
        QVERIFY(!lab->hasPlayback());
        QTemporaryDir dir;
        AnimationSettings settings;
        settings.path = dir.filePath(QStringLiteral("live.png"));
        settings.size = QSize(200, 150);
        settings.fps = 10;
        settings.seconds = 0.5;
        const QList<QVariant> result = recordAndWait(window, settings);
        QVERIFY2(result.at(0).toBool(), qPrintable(result.at(1).toString()));
        QCOMPARE(filesIn(dir.path()).size(), 5);
    }

    void aCancelOrBadSettingsLeaveNothing() {
        MainWindow window(false);
        QVERIFY(showSettledLab(window, QStringLiteral("signal")));
        QTemporaryDir dir;
        AnimationSettings settings;
        settings.path = dir.filePath(QStringLiteral("c.avi"));
        settings.size = QSize(320, 200);
        QString error;
        AnimationRecorder* recorder = window.recordAnimation(settings, &error);
        QVERIFY2(recorder, qPrintable(error));
        QSignalSpy finished(recorder, &AnimationRecorder::finished);
        recorder->cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(finished.first().at(1).toString().contains(QStringLiteral("cancelled")));
        QVERIFY(filesIn(dir.path()).isEmpty());
        settings.path = dir.filePath(QStringLiteral("missing/folder.avi"));
        QVERIFY(!window.recordAnimation(settings, &error));
        QVERIFY2(error.contains(QStringLiteral("folder does not exist")), qPrintable(error));
        settings.path = dir.filePath(QStringLiteral("x.avi"));
        settings.fps = 0;
        QVERIFY(!window.recordAnimation(settings, &error));
        QVERIFY2(error.contains(QStringLiteral("frame rate")), qPrintable(error));
        settings.fps = 25;
        settings.path = dir.filePath(QStringLiteral("x.unknown"));
        QVERIFY(!window.recordAnimation(settings, &error));
        QVERIFY2(error.contains(QStringLiteral("x.unknown")), qPrintable(error));
        QVERIFY(filesIn(dir.path()).isEmpty());
    }
};

QTEST_MAIN(RecordingTest)
#include "recording_test.moc"
