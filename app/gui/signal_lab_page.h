#pragma once

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace sdlab::widgets {
class TimeSeriesView;
}

namespace sdlab::gui {

// The Signal lab (ICLR'18 Fig. 1), first version: a built-in signal through the PD
// encoder, the sigma-delta quantizer and the decoder, with kp and kd live. The run over
// a few thousand steps takes microseconds, so it is recomputed directly on change; the
// full lab (issue 4) moves all labs onto worker threads.
class SignalLabPage : public QWidget {
    Q_OBJECT
public:
    explicit SignalLabPage(QWidget* parent = nullptr);

    void setGains(double kp, double kd);
    QString summaryText() const;

Q_SIGNALS:
    void summaryChanged(const QString& text);

private:
    void recompute();

    QComboBox* m_signal;
    QSpinBox* m_steps;
    QSpinBox* m_seed;
    QDoubleSpinBox* m_kp;
    QDoubleSpinBox* m_kd;
    QLabel* m_derived;
    widgets::TimeSeriesView* m_reconstruction;
    widgets::TimeSeriesView* m_spikes;
    QString m_summary;
};

} // namespace sdlab::gui
