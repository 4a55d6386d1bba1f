#pragma once

#include "widgets/plot_export.h"

#include <QImage>
#include <QString>
#include <QWidget>
#include <vector>

namespace sdlab::widgets {

// One small image with a caption under it ("7 → 1").
struct CaptionedImage {
    QImage image;
    QString caption;
    bool highlighted = false; // drawn with an accent frame (e.g. a wrong prediction)
};

// A grid of small images with captions (data set examples, misclassified samples,
// video frames), scaled up with nearest-neighbour sampling so pixels stay visible, as
// many columns as fit. A placeholder text shows while there are no images. Displays
// data only; GUI thread.
class ImageGridView : public QWidget, public ExportablePlot {
    Q_OBJECT
  public:
    explicit ImageGridView(QWidget* parent = nullptr);

    void setImages(std::vector<CaptionedImage> images);
    void setPlaceholder(const QString& text);
    const std::vector<CaptionedImage>& images() const { return m_images; }

    QWidget* plotWidget() override { return this; }
    QString dataCsv() const override; // index,caption,width,height
    QSize minimumSizeHint() const override { return {160, 120}; }
    QSize sizeHint() const override { return {360, 240}; }

    // An 8-bit greyscale image of `width`×`height` copied from row-major bytes.
    static QImage greyImage(const unsigned char* pixels, int width, int height);

  protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override; // tool tip: the whole caption

  private:
    QString fittedCaption(const QString& caption, int width) const;

    std::vector<CaptionedImage> m_images;
    std::vector<QRect> m_cells; // image and caption, as last painted (for tool tips)
    QString m_placeholder;
};

} // namespace sdlab::widgets
