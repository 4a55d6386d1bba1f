#pragma once

#include "widgets/plot_export.h"

#include <QImage>
#include <QPoint>
#include <QString>
#include <QWidget>
#include <functional>

namespace sdlab::widgets {

// One live video frame (input, events, reconstruction, error), scaled to fit with its
// aspect kept and nearest-neighbour sampling so single pixels stay visible. A title
// above, a read-out of the pixel under the mouse, an optional marked pixel (crosshair)
// and a click signal with frame coordinates. setImage() only swaps an implicitly
// shared QImage and schedules a repaint, so 30 frames a second cost little. Displays
// data only; GUI thread.
class FrameView : public QWidget, public ExportablePlot {
    Q_OBJECT
  public:
    explicit FrameView(QWidget* parent = nullptr);

    void setImage(const QImage& image);
    void setTitle(const QString& title);
    const QString& title() const { return m_title; }
    void setPlaceholder(const QString& text);
    void setMarkedPixel(QPoint pixel); // (−1, −1) for none
    // Overrides the read-out's value for a pixel (e.g. "ON 2"); default: its grey level.
    void setValueFormatter(std::function<QString(QPoint)> formatter);

    const QImage& image() const { return m_image; }
    QPoint markedPixel() const { return m_marked; }
    // The frame pixel at a widget position; false outside the image.
    bool pixelAt(QPointF position, QPoint& pixel) const;
    QRectF imageRect() const;

    QWidget* plotWidget() override { return this; }
    QString dataCsv() const override; // x,y,red,green,blue
    QSize minimumSizeHint() const override { return {160, 130}; }
    QSize sizeHint() const override { return {340, 280}; }

  Q_SIGNALS:
    void pixelClicked(QPoint pixel);

  protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

  private:
    QImage m_image;
    QString m_title, m_placeholder;
    QPoint m_marked{-1, -1};
    QPoint m_hover{-1, -1};
    std::function<QString(QPoint)> m_formatter;
};

} // namespace sdlab::widgets
