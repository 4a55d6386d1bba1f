#include "gui/animation_recorder.h"

#include "gui/lab_page.h"
#include "io/input_error.h"
#include "video/video_file_writer.h"
#include "video/video_plugin.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace sdlab::gui {

namespace {
constexpr int kMaxPendingFrames = 4; // rendered but not yet written
}

AnimationRecorder::AnimationRecorder(LabPage* page, AnimationSettings settings, QObject* parent)
    : QObject(parent), m_page(page), m_settings(std::move(settings)) {
    m_pool.setMaxThreadCount(1);
    m_tick.setInterval(0);
    connect(&m_tick, &QTimer::timeout, this, &AnimationRecorder::renderNext);
}

AnimationRecorder::~AnimationRecorder() {
    if (!m_done)
        cancel();
    m_pool.waitForDone();
}

bool AnimationRecorder::isSequence() const {
    return m_settings.path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive);
}

QString AnimationRecorder::sequenceFramePath(const QString& path, int index) {
    const QFileInfo info(path);
    return info.dir().filePath(QStringLiteral("%1-%2.png")
                                   .arg(info.completeBaseName())
                                   .arg(index + 1, 4, 10, QLatin1Char('0')));
}

QImage AnimationRecorder::renderFrame(QWidget* page, QSize size) {
    QImage image(size, QImage::Format_RGB888);
    image.fill(page->palette().window().color());
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const QSize source = page->size();
    if (!source.isEmpty())
        painter.scale(static_cast<double>(size.width()) / source.width(),
                      static_cast<double>(size.height()) / source.height());
    page->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    return image;
}

bool AnimationRecorder::start(QString* error) {
    const auto refuse = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    const QFileInfo target(m_settings.path);
    if (!target.dir().exists())
        return refuse(tr("%1: the folder does not exist").arg(m_settings.path));
    if (!(m_settings.fps >= 1.0 && m_settings.fps <= 120.0))
        return refuse(tr("frame rate %1 is outside 1..120").arg(m_settings.fps));
    if (m_settings.size.width() < 16 || m_settings.size.height() < 16 ||
        m_settings.size.width() > 7680 || m_settings.size.height() > 4320)
        return refuse(tr("frame size %1 × %2 is outside 16 × 16 .. 7680 × 4320")
                          .arg(m_settings.size.width())
                          .arg(m_settings.size.height()));
    m_playback = m_page->hasPlayback() && m_page->playbackLength() > 1;
    if (m_playback) {
        m_total = std::min(m_page->playbackLength(), m_settings.maxFrames);
    } else {
        if (!(m_settings.seconds > 0.0 && m_settings.seconds <= 3600.0))
            return refuse(tr("%1 s is outside 0..3600").arg(m_settings.seconds));
        m_total = std::max(1, static_cast<int>(std::lround(m_settings.seconds * m_settings.fps)));
        m_tick.setInterval(static_cast<int>(1000.0 / m_settings.fps)); // live: real time
    }
    // Temporary names beside the target, so the rename stays on one file system.
    const QString hidden =
        target.dir().filePath(QStringLiteral(".") + target.fileName() + QStringLiteral(".partial"));
    if (isSequence()) {
        m_temporary = hidden;
        QDir(m_temporary).removeRecursively();
        if (!QDir().mkpath(m_temporary))
            return refuse(tr("%1: cannot create a temporary folder there").arg(m_settings.path));
    } else {
        m_temporary = hidden + QLatin1Char('.') + target.suffix(); // the container is kept
        try {
            m_writer = videoBackend().openWriter(m_temporary.toStdString(), m_settings.fps,
                                                 m_settings.size.width(), m_settings.size.height());
        } catch (const InputError& e) {
            QFile::remove(m_temporary);
            return refuse(QString::fromStdString(e.what()).replace(m_temporary, m_settings.path));
        } catch (const std::exception& e) { // the plugin could not be loaded
            return refuse(tr("%1: video files need the video plugin: %2")
                              .arg(m_settings.path, QString::fromUtf8(e.what())));
        }
    }
    m_startPosition = m_playback ? 0 : -1;
    m_tick.start();
    return true;
}

void AnimationRecorder::renderNext() {
    if (m_done)
        return;
    if (m_failed.load()) {
        finish(false, error());
        return;
    }
    if (m_rendered == m_total) {
        if (m_written.load() == m_total) {
            m_tick.stop();
            finish(true, {});
        }
        return; // the worker is still writing
    }
    if (m_rendered - m_written.load() >= kMaxPendingFrames)
        return; // let the writer catch up
    if (m_playback) {
        // Positions 1..length, sampled evenly when there are more than maxFrames.
        const int length = m_page->playbackLength();
        const int position =
            m_total <= 1 ? length
                         : 1 + static_cast<int>(std::lround(static_cast<double>(m_rendered) *
                                                            (length - 1) / (m_total - 1)));
        m_page->setPlaybackPosition(position);
    }
    QImage frame = renderFrame(m_page, m_settings.size);
    const int index = m_rendered++;
    Q_EMIT progress(m_rendered, m_total);
    m_pool.start([this, frame = std::move(frame), index] {
        if (m_failed.load())
            return;
        try {
            if (m_writer) {
                m_writer->write(frame.constBits(), static_cast<int>(frame.bytesPerLine()));
            } else if (!frame.save(
                           QDir(m_temporary)
                               .filePath(
                                   QFileInfo(sequenceFramePath(m_settings.path, index)).fileName()),
                           "PNG")) {
                fail(tr("%1: could not write frame %2 (disk full?)")
                         .arg(m_settings.path)
                         .arg(index + 1));
                return;
            }
        } catch (const InputError& e) {
            fail(tr("%1: %2").arg(m_settings.path, QString::fromStdString(e.what())));
            return;
        }
        m_written.fetch_add(1);
    });
}

void AnimationRecorder::fail(const QString& message) {
    std::lock_guard lock(m_errorMutex);
    if (!m_failed.exchange(true))
        m_error = message;
}

void AnimationRecorder::cancel() {
    if (m_done)
        return;
    fail(tr("Recording cancelled; nothing was written"));
    m_pool.waitForDone();
    finish(false, error());
}

QString AnimationRecorder::error() {
    std::lock_guard lock(m_errorMutex); // never held while waiting for the writer
    return m_error;
}

void AnimationRecorder::finish(bool ok, const QString& message) {
    if (m_done)
        return;
    m_done = true;
    m_tick.stop();
    m_pool.waitForDone();
    QString result = message;
    if (m_writer) {
        m_writer->close();
        const QString codec = QString::fromStdString(m_writer->codec());
        m_writer.reset();
        if (ok) {
            QFile::remove(m_settings.path);
            ok = QFile::rename(m_temporary, m_settings.path);
            result = ok ? tr("Recorded %1 frames at %2 fps (%3) to %4")
                              .arg(m_total)
                              .arg(m_settings.fps)
                              .arg(codec, m_settings.path)
                        : tr("%1: could not be renamed into place").arg(m_settings.path);
        }
        if (!ok)
            QFile::remove(m_temporary);
    } else if (!m_temporary.isEmpty()) {
        if (ok) {
            for (int k = 0; k < m_total && ok; ++k) {
                const QString to = sequenceFramePath(m_settings.path, k);
                QFile::remove(to);
                ok = QFile::rename(QDir(m_temporary).filePath(QFileInfo(to).fileName()), to);
            }
            result = ok ? tr("Recorded %1 frames as %2 … %3")
                              .arg(m_total)
                              .arg(QFileInfo(sequenceFramePath(m_settings.path, 0)).fileName(),
                                   sequenceFramePath(m_settings.path, m_total - 1))
                        : tr("%1: frames could not be renamed into place").arg(m_settings.path);
        }
        QDir(m_temporary).removeRecursively();
    }
    if (m_playback && m_page->playbackLength() > 0)
        m_page->setPlaybackPosition(m_page->playbackLength()); // as it was shown
    Q_EMIT finished(ok, result);
}

} // namespace sdlab::gui
