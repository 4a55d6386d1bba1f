#include "gui/video_run.h"

#include "gui/lab_parameters.h"
#include "io/input_error.h"
#include "video/video_experiment.h"

#include <algorithm>
#include <cmath>

namespace sdlab::gui {

VideoLabConfig videoLabConfigFrom(const ParameterValues& v) {
    VideoLabConfig c;
    c.encoding = videoEncodingSettingsFrom(v);
    c.fade = v.real("fade");
    c.learn = v.flag("learn");
    c.learning = onlineLearningSettingsFrom(v);
    return c;
}

VideoRun::VideoRun(const Experiment& experiment, QObject* parent)
    : LabRun(parent), m_experiment(experiment) {
    applyPause(); // until the lab is shown
    connect(&m_thread, &VideoThread::packetReady, this, &VideoRun::onPacket);
    connect(&m_thread, &VideoThread::sourceMessage, this, &VideoRun::message);
    connect(&m_thread, &VideoThread::recordingFinished, this, &VideoRun::recordingFinished);
    connect(&m_thread, &QThread::finished, this, &LabRun::finished);
}

void VideoRun::stop() {
    m_thread.stop();
    m_thread.wait();
}

void VideoRun::parametersChanged(const widgets::ParameterValues& values) {
    try {
        m_config = videoLabConfigFrom(checkedLabValues(m_experiment, values));
        m_thread.configure(m_config);
        Q_EMIT configured();
    } catch (const InputError& error) {
        Q_EMIT message(QString::fromStdString(error.what()));
    }
}

void VideoRun::setShown(bool shown) {
    m_shown = shown;
    applyPause();
}

void VideoRun::setUserPaused(bool paused) {
    m_userPaused = paused;
    applyPause();
}

void VideoRun::applyPause() {
    m_thread.setPaused(m_userPaused || !m_shown);
}

void VideoRun::restartLearning() {
    m_thread.restartLearning();
    m_rows.clear();
    Q_EMIT learningRestarted();
}

void VideoRun::startRecording(const QString& path) {
    m_thread.startRecording(path, !path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive));
}

void VideoRun::onPacket(const VideoPacketPtr& packet) {
    // The live point for the packet's frame rate, smoothed over frames.
    const double fps = packet->fps;
    auto it = std::find_if(m_liveRate.begin(), m_liveRate.end(),
                           [fps](const QPointF& p) { return std::abs(p.x() - fps) < 1e-6; });
    if (it == m_liveRate.end())
        m_liveRate.emplace_back(fps, packet->eventsPerSecond);
    else
        it->setY(0.9 * it->y() + 0.1 * packet->eventsPerSecond);
    if (packet->learnerGeneration != m_learnerGeneration) {
        m_learnerGeneration = packet->learnerGeneration;
        m_rows.clear();
        Q_EMIT learningRestarted();
    }
    m_rows.insert(m_rows.end(), packet->newRows.begin(), packet->newRows.end());
    Q_EMIT packetReady(packet);
}

} // namespace sdlab::gui
