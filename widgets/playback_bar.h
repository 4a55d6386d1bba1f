#pragma once

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;
class QToolButton;

namespace sdlab::widgets {

// Play, pause, single step and speed for time-based labs (a teacher's "watch it
// happen"). Holds a position in 0..length (0 = nothing shown yet, length = all) and
// emits positionChanged as it moves. Ticks with a GUI-thread timer and only emits a
// number, so it costs nothing while paused. GUI thread only.
class PlaybackBar : public QWidget {
    Q_OBJECT
  public:
    explicit PlaybackBar(QWidget* parent = nullptr);

    // A new length; when not playing the position jumps to the end (show everything).
    void setLength(int length);
    int length() const { return m_length; }
    int position() const { return m_position; }
    bool isPlaying() const { return m_timer.isActive(); }
    double stepsPerSecond() const;

  public Q_SLOTS:
    void play();
    void pause();
    void togglePlay();
    void stepForward();
    void stepBackward();
    void setPosition(int position);

  Q_SIGNALS:
    void positionChanged(int position);
    void playingChanged(bool playing);

  private:
    void tick();
    void updateControls();

    QToolButton* m_play;
    QToolButton* m_back;
    QToolButton* m_forward;
    QSlider* m_slider;
    QLabel* m_label;
    QComboBox* m_speed;
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_carry = 0.0; // fractional steps owed by the last tick
    int m_length = 0;
    int m_position = 0;
};

} // namespace sdlab::widgets
