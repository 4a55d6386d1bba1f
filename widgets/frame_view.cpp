#include "widgets/frame_view.h"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace sdlab::widgets {

namespace {
constexpr int kMargin = 4;
} // namespace

FrameView::FrameView(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setAutoFillBackground(true);
    setCursor(Qt::CrossCursor);
}

void FrameView::setImage(const QImage& image) {
    m_image = image;
    update();
}

void FrameView::setTitle(const QString& title) {
    m_title = title;
    update();
}

void FrameView::setPlaceholder(const QString& text) {
    m_placeholder = text;
    update();
}

void FrameView::setMarkedPixel(QPoint pixel) {
    m_marked = pixel;
    update();
}

void FrameView::setValueFormatter(std::function<QString(QPoint)> formatter) {
    m_formatter = std::move(formatter);
}

QRectF FrameView::imageRect() const {
    const int titleHeight = fontMetrics().height() + 2;
    const QRectF area =
        QRectF(rect()).adjusted(kMargin, kMargin + titleHeight, -kMargin, -kMargin - titleHeight);
    if (m_image.isNull() || area.width() <= 0 || area.height() <= 0)
        return {};
    const double scale = std::min(area.width() / m_image.width(), area.height() / m_image.height());
    const QSizeF size(m_image.width() * scale, m_image.height() * scale);
    return {area.center().x() - size.width() / 2, area.center().y() - size.height() / 2,
            size.width(), size.height()};
}

bool FrameView::pixelAt(QPointF position, QPoint& pixel) const {
    const QRectF r = imageRect();
    if (r.isEmpty() || !r.contains(position))
        return false;
    const int x = static_cast<int>((position.x() - r.left()) / r.width() * m_image.width());
    const int y = static_cast<int>((position.y() - r.top()) / r.height() * m_image.height());
    pixel = {std::clamp(x, 0, m_image.width() - 1), std::clamp(y, 0, m_image.height() - 1)};
    return true;
}

QString FrameView::dataCsv() const {
    QString csv = QStringLiteral("x,y,red,green,blue\n");
    csv.reserve(static_cast<qsizetype>(m_image.width()) * m_image.height() * 20);
    for (int y = 0; y < m_image.height(); ++y)
        for (int x = 0; x < m_image.width(); ++x) {
            const QRgb c = m_image.pixel(x, y);
            csv += QStringLiteral("%1,%2,%3,%4,%5\n")
                       .arg(x)
                       .arg(y)
                       .arg(qRed(c))
                       .arg(qGreen(c))
                       .arg(qBlue(c));
        }
    return csv;
}

void FrameView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QColor text = palette().color(QPalette::WindowText);
    const int lineHeight = fontMetrics().height();
    const QRectF target = imageRect();
    // The title sits right above the picture and the read-out right below it, so a pane
    // whose shape differs from the frame's keeps its spare space outside the caption, not
    // between caption and picture. Both start at the picture's left edge and are elided.
    const int textLeft = target.isEmpty() ? kMargin : static_cast<int>(std::floor(target.left()));
    const int textWidth = std::max(0, width() - kMargin - textLeft);
    const int titleTop =
        target.isEmpty() ? kMargin : static_cast<int>(std::floor(target.top())) - lineHeight - 2;
    painter.setPen(text);
    painter.drawText(QRect(textLeft, titleTop, textWidth, lineHeight),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     fontMetrics().elidedText(m_title, Qt::ElideRight, textWidth));
    if (target.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false); // keep pixels square
    painter.drawImage(target, m_image);
    painter.setPen(QPen(palette().color(QPalette::Mid), 1));
    painter.drawRect(target.adjusted(-0.5, -0.5, 0.5, 0.5));
    const double sx = target.width() / m_image.width(), sy = target.height() / m_image.height();
    if (m_marked.x() >= 0 && m_marked.x() < m_image.width() && m_marked.y() >= 0 &&
        m_marked.y() < m_image.height()) {
        const QPointF centre(target.left() + (m_marked.x() + 0.5) * sx,
                             target.top() + (m_marked.y() + 0.5) * sy);
        const double arm = std::max(6.0, 1.5 * sx);
        // A white cross over a dark outline reads on any image.
        for (const auto& [colour, width] :
             {std::pair{QColor(0, 0, 0, 200), 3.0}, std::pair{QColor(255, 255, 255), 1.0}}) {
            painter.setPen(QPen(colour, width));
            painter.drawLine(QPointF(centre.x() - 2 * arm, centre.y()),
                             QPointF(centre.x() - arm / 2, centre.y()));
            painter.drawLine(QPointF(centre.x() + arm / 2, centre.y()),
                             QPointF(centre.x() + 2 * arm, centre.y()));
            painter.drawLine(QPointF(centre.x(), centre.y() - 2 * arm),
                             QPointF(centre.x(), centre.y() - arm / 2));
            painter.drawLine(QPointF(centre.x(), centre.y() + arm / 2),
                             QPointF(centre.x(), centre.y() + 2 * arm));
        }
    }
    QString readOut =
        tr("%1 × %2 px · click a pixel to follow it").arg(m_image.width()).arg(m_image.height());
    if (m_hover.x() >= 0 && m_hover.x() < m_image.width() && m_hover.y() < m_image.height()) {
        const QString value = m_formatter
                                  ? m_formatter(m_hover)
                                  : QString::number(qGray(m_image.pixel(m_hover)) / 255.0, 'f', 2);
        readOut = QStringLiteral("(%1, %2)  %3").arg(m_hover.x()).arg(m_hover.y()).arg(value);
    }
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(
        QRect(textLeft, static_cast<int>(std::ceil(target.bottom())) + 2, textWidth, lineHeight),
        Qt::AlignLeft | Qt::AlignVCenter,
        fontMetrics().elidedText(readOut, Qt::ElideRight, textWidth));
}

void FrameView::mouseMoveEvent(QMouseEvent* event) {
    QPoint pixel;
    const QPoint hover = pixelAt(event->position(), pixel) ? pixel : QPoint(-1, -1);
    if (hover != m_hover) {
        m_hover = hover;
        update();
    }
}

void FrameView::mouseReleaseEvent(QMouseEvent* event) {
    QPoint pixel;
    if (event->button() == Qt::LeftButton && pixelAt(event->position(), pixel))
        Q_EMIT pixelClicked(pixel);
}

void FrameView::leaveEvent(QEvent*) {
    m_hover = {-1, -1};
    update();
}

} // namespace sdlab::widgets
