#pragma once

#include "widgets/plot_export.h"

#include <QImage>
#include <QWidget>
#include <utility>
#include <vector>

namespace sdlab::widgets {

// One spike: time step (1-based), channel (0-based) and signed value (±1, or a count).
struct RasterEvent {
    int step = 0;
    int channel = 0;
    float value = 0.0F;
};

// A spike raster: channels down, time steps across, positive spikes (ON) and negative
// spikes (OFF) in two colours. The events are rasterised straight into an image cache
// of the visible window (one pixel write per event, no QPainter call per spike), so
// 1000 channels × 10 000 steps redraw smoothly. Wheel zooms time about the cursor,
// Ctrl+wheel zooms channels, drag pans, double-click resets. Optional labelled channel
// groups (e.g. one per encoder). Displays data only; GUI thread.
class SpikeRaster : public QWidget, public ExportablePlot {
    Q_OBJECT
  public:
    explicit SpikeRaster(QWidget* parent = nullptr);

    // Events must be ordered by step. `channels` × `steps` is the full extent.
    void setEvents(std::vector<RasterEvent> events, int channels, int steps);
    // (first channel, label) of each group, in channel order.
    void setChannelGroups(std::vector<std::pair<int, QString>> groups);
    void setAxisTitles(const QString& x, const QString& y);
    void setVisibleLimit(int step); // hide events after `step` (playback); ≤ 0: show all
    void resetZoom();

    const std::vector<RasterEvent>& events() const { return m_events; }
    int channelCount() const { return m_channels; }
    int stepCount() const { return m_steps; }

    QWidget* plotWidget() override { return this; }
    QString dataCsv() const override; // step,channel,value
    QSize minimumSizeHint() const override { return {280, 140}; }
    QSize sizeHint() const override { return {480, 240}; }

  Q_SIGNALS:
    void hovered(int step, int channel);

  protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;

  private:
    QRect plotRect() const;
    void rebuildImage(const QRect& plot);
    void invalidate();
    bool toCell(QPointF position, int& step, int& channel) const;

    std::vector<RasterEvent> m_events;
    std::vector<std::pair<int, QString>> m_groups;
    QString m_xTitle, m_yTitle;
    int m_channels = 0;
    int m_steps = 0;
    int m_visibleLimit = 0;
    // Visible window, half-open in continuous coordinates: steps [t0, t1), channels [c0, c1).
    double m_t0 = 1.0, m_t1 = 2.0, m_c0 = 0.0, m_c1 = 1.0;
    QImage m_image;
    bool m_dirty = true;
    bool m_hasNegative = false; // the legend shows −1 (OFF) only when some event is negative
    QPointF m_dragStart;
    double m_dragT0 = 0.0, m_dragC0 = 0.0;
};

} // namespace sdlab::widgets
