#include "widgets/playback_bar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <algorithm>
#include <cmath>

namespace sdlab::widgets {

PlaybackBar::PlaybackBar(QWidget* parent)
    : QWidget(parent), m_play(new QToolButton), m_back(new QToolButton), m_forward(new QToolButton),
      m_slider(new QSlider(Qt::Horizontal)), m_label(new QLabel), m_speed(new QComboBox) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    m_back->setIcon(style()->standardIcon(QStyle::SP_MediaSeekBackward));
    m_back->setToolTip(tr("One step back"));
    m_play->setToolTip(tr("Play or pause the animation"));
    m_forward->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    m_forward->setToolTip(tr("One step forward"));
    m_slider->setToolTip(tr("Time step shown"));
    m_speed->setToolTip(tr("Playback speed"));
    for (const int speed : {10, 30, 100, 300, 1000, 3000})
        m_speed->addItem(tr("%1 steps/s").arg(speed), speed);
    m_speed->setCurrentIndex(2);
    m_label->setMinimumWidth(
        fontMetrics().horizontalAdvance(QStringLiteral("t = 000000 / 000000")));
    layout->addWidget(m_back);
    layout->addWidget(m_play);
    layout->addWidget(m_forward);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_label);
    layout->addWidget(m_speed);
    connect(m_play, &QToolButton::clicked, this, &PlaybackBar::togglePlay);
    connect(m_back, &QToolButton::clicked, this, &PlaybackBar::stepBackward);
    connect(m_forward, &QToolButton::clicked, this, &PlaybackBar::stepForward);
    connect(m_slider, &QSlider::valueChanged, this, &PlaybackBar::setPosition);
    m_timer.setInterval(30);
    connect(&m_timer, &QTimer::timeout, this, &PlaybackBar::tick);
    updateControls();
}

double PlaybackBar::stepsPerSecond() const {
    return m_speed->currentData().toDouble();
}

void PlaybackBar::setLength(int length) {
    m_length = std::max(0, length);
    if (!isPlaying())
        m_position = m_length;
    m_position = std::min(m_position, m_length);
    updateControls();
    Q_EMIT positionChanged(m_position);
}

void PlaybackBar::play() {
    if (m_length == 0 || isPlaying())
        return;
    if (m_position >= m_length)
        m_position = 0; // replay from the start
    m_carry = 0.0;
    m_clock.start();
    m_timer.start();
    updateControls();
    Q_EMIT playingChanged(true);
}

void PlaybackBar::pause() {
    if (!isPlaying())
        return;
    m_timer.stop();
    updateControls();
    Q_EMIT playingChanged(false);
}

void PlaybackBar::togglePlay() {
    isPlaying() ? pause() : play();
}

void PlaybackBar::stepForward() {
    pause();
    setPosition(m_position + 1);
}

void PlaybackBar::stepBackward() {
    pause();
    setPosition(m_position - 1);
}

void PlaybackBar::setPosition(int position) {
    position = std::clamp(position, 0, m_length);
    if (position == m_position)
        return;
    m_position = position;
    updateControls();
    Q_EMIT positionChanged(m_position);
}

void PlaybackBar::tick() {
    m_carry += stepsPerSecond() * static_cast<double>(m_clock.restart()) / 1000.0;
    const int advance = static_cast<int>(std::floor(m_carry));
    m_carry -= advance;
    setPosition(m_position + advance);
    if (m_position >= m_length)
        pause();
}

void PlaybackBar::updateControls() {
    m_play->setIcon(
        style()->standardIcon(isPlaying() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    const QSignalBlocker block(m_slider);
    m_slider->setRange(0, m_length);
    m_slider->setValue(m_position);
    m_label->setText(tr("t = %1 / %2").arg(m_position).arg(m_length));
    setEnabled(m_length > 0);
}

} // namespace sdlab::widgets
