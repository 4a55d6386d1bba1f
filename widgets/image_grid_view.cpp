#include "widgets/image_grid_view.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>
#include <cstring>

namespace sdlab::widgets {

namespace {
const QColor kAccent(0xD5, 0x5E, 0x00); // vermilion, as the rasters' ON spikes
constexpr int kGap = 6;
} // namespace

ImageGridView::ImageGridView(QWidget* parent) : QWidget(parent) {
    setAutoFillBackground(true);
}

void ImageGridView::setImages(std::vector<CaptionedImage> images) {
    m_images = std::move(images);
    update();
}

void ImageGridView::setPlaceholder(const QString& text) {
    m_placeholder = text;
    update();
}

QImage ImageGridView::greyImage(const unsigned char* pixels, int width, int height) {
    QImage image(width, height, QImage::Format_Grayscale8);
    for (int y = 0; y < height; ++y)
        std::memcpy(image.scanLine(y), pixels + static_cast<std::ptrdiff_t>(y) * width,
                    static_cast<std::size_t>(width));
    return image;
}

QString ImageGridView::dataCsv() const {
    QString csv = QStringLiteral("index,caption,width,height\n");
    for (std::size_t i = 0; i < m_images.size(); ++i) {
        QString caption = m_images[i].caption;
        caption.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        csv += QStringLiteral("%1,\"%2\",%3,%4\n")
                   .arg(i)
                   .arg(caption)
                   .arg(m_images[i].image.width())
                   .arg(m_images[i].image.height());
    }
    return csv;
}

void ImageGridView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    m_cells.clear();
    const QRect area = rect().adjusted(kGap, kGap, -kGap, -kGap);
    if (m_images.empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    // The largest cell size at which all images fit: try column counts, keep the best.
    const int count = static_cast<int>(m_images.size());
    const QSize source = m_images.front().image.size().expandedTo(QSize(1, 1));
    const int captionHeight = fontMetrics().height();
    double bestScale = 0.0;
    int bestColumns = 1;
    for (int columns = 1; columns <= count; ++columns) {
        const int rows = (count + columns - 1) / columns;
        const double cellWidth = (area.width() - kGap * (columns - 1)) / double(columns);
        const double cellHeight =
            (area.height() - kGap * (rows - 1)) / double(rows) - captionHeight;
        const double scale = std::min(cellWidth / source.width(), cellHeight / source.height());
        if (scale > bestScale) {
            bestScale = scale;
            bestColumns = columns;
        }
    }
    // Whole-number magnification keeps the pixels square and sharp where it can.
    const double scale = bestScale >= 1.0 ? std::floor(bestScale) : bestScale;
    if (scale <= 0.0)
        return;
    const int width = std::max(1, static_cast<int>(source.width() * scale));
    const int height = std::max(1, static_cast<int>(source.height() * scale));
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    for (int i = 0; i < count; ++i) {
        const CaptionedImage& item = m_images[static_cast<std::size_t>(i)];
        const int x = area.left() + (i % bestColumns) * (width + kGap);
        const int y = area.top() + (i / bestColumns) * (height + captionHeight + kGap);
        const QRect target(x, y, width, height);
        m_cells.push_back(target.adjusted(0, 0, 0, captionHeight));
        painter.drawImage(target, item.image);
        if (item.highlighted) {
            painter.setPen(QPen(kAccent, 2));
            painter.drawRect(target.adjusted(-1, -1, 0, 0));
        }
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRect(x - kGap / 2, y + height, width + kGap, captionHeight),
                         Qt::AlignHCenter | Qt::AlignTop,
                         fittedCaption(item.caption, width + kGap));
    }
}

bool ImageGridView::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) { // the whole caption of the image under the cursor
        const auto* help = static_cast<QHelpEvent*>(event);
        for (std::size_t i = 0; i < m_cells.size() && i < m_images.size(); ++i)
            if (m_cells[i].contains(help->pos()) && !m_images[i].caption.isEmpty()) {
                QToolTip::showText(help->globalPos(), m_images[i].caption, this, m_cells[i]);
                return true;
            }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

QString ImageGridView::fittedCaption(const QString& caption, int width) const {
    // A caption wider than its cell would run into its neighbours': elide it at the end
    // ("Sneak…"), or, for "true → predicted", each side ("Ankl… → Sneak…").
    const QFontMetrics metrics = fontMetrics();
    if (metrics.horizontalAdvance(caption) <= width)
        return caption;
    const QString arrow = QStringLiteral(" → ");
    const qsizetype split = caption.indexOf(arrow);
    if (split < 0)
        return metrics.elidedText(caption, Qt::ElideRight, width);
    const int side = (width - metrics.horizontalAdvance(QStringLiteral("→"))) / 2;
    return metrics.elidedText(caption.left(split), Qt::ElideRight, side) + QStringLiteral("→") +
           metrics.elidedText(caption.mid(split + arrow.size()), Qt::ElideRight, side);
}

} // namespace sdlab::widgets
