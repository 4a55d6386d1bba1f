#include "widgets/spike_raster.h"

#include "widgets/axis_ticks.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace sdlab::widgets {

namespace {
const QColor kOnColor(0xD5, 0x5E, 0x00);  // vermilion
const QColor kOffColor(0x00, 0x72, 0xB2); // blue
} // namespace

SpikeRaster::SpikeRaster(QWidget* parent) : QWidget(parent) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    setToolTip(tr("Wheel: zoom time · Ctrl+wheel: zoom channels · drag: pan · "
                  "double-click: reset"));
}

void SpikeRaster::setEvents(std::vector<RasterEvent> events, int channels, int steps) {
    const bool sameExtent = channels == m_channels && steps == m_steps;
    m_events = std::move(events);
    m_hasNegative = std::any_of(m_events.begin(), m_events.end(),
                                [](const RasterEvent& e) { return e.value < 0.0F; });
    m_channels = std::max(0, channels);
    m_steps = std::max(0, steps);
    if (!sameExtent)
        resetZoom();
    invalidate();
}

void SpikeRaster::setChannelGroups(std::vector<std::pair<int, QString>> groups) {
    m_groups = std::move(groups);
    invalidate();
}

void SpikeRaster::setAxisTitles(const QString& x, const QString& y) {
    m_xTitle = x;
    m_yTitle = y;
    update();
}

void SpikeRaster::setVisibleLimit(int step) {
    if (step == m_visibleLimit)
        return;
    m_visibleLimit = step;
    invalidate();
}

void SpikeRaster::resetZoom() {
    m_t0 = 1.0;
    m_t1 = std::max(2.0, static_cast<double>(m_steps) + 1.0);
    m_c0 = 0.0;
    m_c1 = std::max(1.0, static_cast<double>(m_channels));
    invalidate();
}

void SpikeRaster::invalidate() {
    m_dirty = true;
    update();
}

QRect SpikeRaster::plotRect() const {
    const QFontMetrics metrics = fontMetrics();
    int labelWidth = metrics.horizontalAdvance(QStringLiteral("0000"));
    for (const auto& group : m_groups)
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(group.second));
    const int left = labelWidth + metrics.height() + 10;
    const int bottom = 2 * metrics.height() + 8;
    const int top = metrics.height() + 6; // the legend
    return QRect(left, top, std::max(0, width() - left - 10), std::max(0, height() - bottom - top));
}

void SpikeRaster::rebuildImage(const QRect& plot) {
    const qreal dpr = devicePixelRatioF();
    const QSize size(std::max(1, static_cast<int>(plot.width() * dpr)),
                     std::max(1, static_cast<int>(plot.height() * dpr)));
    if (m_image.size() != size)
        m_image = QImage(size, QImage::Format_ARGB32_Premultiplied);
    m_image.fill(palette().color(QPalette::Base));
    m_dirty = false;
    const double tSpan = m_t1 - m_t0, cSpan = m_c1 - m_c0;
    if (m_events.empty() || tSpan <= 0.0 || cSpan <= 0.0)
        return;
    const int w = size.width(), h = size.height();
    const double xScale = w / tSpan, yScale = h / cSpan;
    // Each spike covers its cell, at least one pixel.
    const int cellW = std::max(1, static_cast<int>(std::floor(xScale)));
    const int cellH = std::max(1, static_cast<int>(std::floor(yScale)));
    const QRgb on = kOnColor.rgb(), off = kOffColor.rgb();
    const int lastStep = m_visibleLimit > 0 ? m_visibleLimit : m_steps;
    const auto first =
        std::lower_bound(m_events.begin(), m_events.end(), static_cast<int>(std::floor(m_t0)),
                         [](const RasterEvent& e, int step) { return e.step < step; });
    for (auto it = first; it != m_events.end(); ++it) {
        const RasterEvent& e = *it;
        if (e.step >= m_t1 || e.step > lastStep)
            break;
        if (e.channel < m_c0 || e.channel >= m_c1 || e.value == 0.0F)
            continue;
        const int x0 = static_cast<int>((e.step - m_t0) * xScale);
        const int y0 = static_cast<int>((e.channel - m_c0) * yScale);
        const QRgb color = e.value > 0.0F ? on : off;
        for (int y = std::max(0, y0); y < std::min(h, y0 + cellH); ++y) {
            auto* line = reinterpret_cast<QRgb*>(m_image.scanLine(y));
            for (int x = std::max(0, x0); x < std::min(w, x0 + cellW); ++x)
                line[x] = color;
        }
    }
}

void SpikeRaster::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QPalette& p = palette();
    painter.fillRect(rect(), p.color(QPalette::Window));
    const QRect plot = plotRect();
    if (plot.width() < 4 || plot.height() < 4)
        return;
    if (m_dirty || m_image.size() != (plot.size() * devicePixelRatioF()))
        rebuildImage(plot);
    painter.drawImage(plot, m_image);
    painter.setPen(p.color(QPalette::Mid));
    painter.drawRect(plot.adjusted(0, 0, -1, -1));

    const QFontMetrics metrics = fontMetrics();
    painter.setPen(p.color(QPalette::WindowText));
    // Time axis: ticks at step centres.
    for (const double t : linearTicks(m_t0, m_t1 - 1.0, std::max(3, plot.width() / 70))) {
        const double x = plot.left() + (t + 0.5 - m_t0) / (m_t1 - m_t0) * plot.width();
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4));
        const QString label = tickLabel(t);
        painter.drawText(QPointF(x - metrics.horizontalAdvance(label) / 2.0,
                                 plot.bottom() + 4 + metrics.ascent()),
                         label);
    }
    painter.drawText(
        QRect(plot.left(), height() - metrics.height() - 2, plot.width(), metrics.height()),
        Qt::AlignCenter, m_xTitle.isEmpty() ? tr("time step") : m_xTitle);
    auto channelY = [&](double c) {
        return plot.top() + (c - m_c0) / (m_c1 - m_c0) * plot.height();
    };
    if (m_groups.empty()) {
        for (const double c : linearTicks(m_c0, m_c1 - 1.0, std::max(2, plot.height() / 40))) {
            const double y = channelY(c + 0.5);
            const QString label = tickLabel(c);
            painter.drawText(QPointF(plot.left() - 6 - metrics.horizontalAdvance(label),
                                     y + metrics.ascent() / 2.0 - 1),
                             label);
        }
    } else {
        for (std::size_t g = 0; g < m_groups.size(); ++g) {
            const double begin = m_groups[g].first;
            const double end = g + 1 < m_groups.size() ? m_groups[g + 1].first : m_channels;
            const double top = std::max(channelY(begin), static_cast<double>(plot.top()));
            const double bottom = std::min(channelY(end), static_cast<double>(plot.bottom()));
            if (bottom <= top)
                continue;
            if (g > 0 && channelY(begin) > plot.top()) {
                painter.setPen(p.color(QPalette::Mid));
                painter.drawLine(QPointF(plot.left(), top), QPointF(plot.right(), top));
                painter.setPen(p.color(QPalette::WindowText));
            }
            painter.drawText(QRectF(0, top, plot.left() - 6, bottom - top),
                             Qt::AlignRight | Qt::AlignVCenter, m_groups[g].second);
        }
    }
    if (m_groups.empty()) {
        painter.save();
        painter.translate(metrics.height() - 2, plot.center().y());
        painter.rotate(-90);
        painter.drawText(
            QRect(-plot.height() / 2, -metrics.height(), plot.height(), metrics.height()),
            Qt::AlignCenter, m_yTitle.isEmpty() ? tr("channel") : m_yTitle);
        painter.restore();
    }
    // Legend: the colours in use (binary spike trains have no OFF events).
    const int box = metrics.height() - 4;
    int x = plot.right() - 4;
    for (const auto& [color, label] :
         {std::pair{kOffColor, tr("−1 (OFF)")}, std::pair{kOnColor, tr("+1 (ON)")}}) {
        if (color == kOffColor && !m_hasNegative)
            continue;
        x -= metrics.horizontalAdvance(label);
        painter.drawText(QPoint(x, 3 + metrics.ascent()), label);
        x -= box + 4;
        painter.fillRect(QRect(x, 5, box, box), color);
        x -= 10;
    }
}

void SpikeRaster::resizeEvent(QResizeEvent* event) {
    m_dirty = true;
    QWidget::resizeEvent(event);
}

bool SpikeRaster::toCell(QPointF position, int& step, int& channel) const {
    const QRect plot = plotRect();
    if (!plot.contains(position.toPoint()) || plot.width() <= 0 || plot.height() <= 0)
        return false;
    step = static_cast<int>(
        std::floor(m_t0 + (position.x() - plot.left()) / plot.width() * (m_t1 - m_t0)));
    channel = static_cast<int>(
        std::floor(m_c0 + (position.y() - plot.top()) / plot.height() * (m_c1 - m_c0)));
    return true;
}

void SpikeRaster::wheelEvent(QWheelEvent* event) {
    const QRect plot = plotRect();
    if (plot.width() <= 0 || plot.height() <= 0)
        return;
    const double factor = event->angleDelta().y() > 0 ? 0.8 : 1.25;
    if (event->modifiers() & Qt::ControlModifier) {
        const double at =
            m_c0 + (event->position().y() - plot.top()) / plot.height() * (m_c1 - m_c0);
        const double span =
            std::clamp((m_c1 - m_c0) * factor, 1.0, std::max(1.0, static_cast<double>(m_channels)));
        m_c0 = std::clamp(at - (at - m_c0) / (m_c1 - m_c0) * span, 0.0,
                          std::max(0.0, m_channels - span));
        m_c1 = m_c0 + span;
    } else {
        const double at =
            m_t0 + (event->position().x() - plot.left()) / plot.width() * (m_t1 - m_t0);
        const double span =
            std::clamp((m_t1 - m_t0) * factor, 4.0, std::max(4.0, static_cast<double>(m_steps)));
        m_t0 = std::clamp(at - (at - m_t0) / (m_t1 - m_t0) * span, 1.0,
                          std::max(1.0, m_steps + 1.0 - span));
        m_t1 = m_t0 + span;
    }
    invalidate();
    event->accept();
}

void SpikeRaster::mousePressEvent(QMouseEvent* event) {
    m_dragStart = event->position();
    m_dragT0 = m_t0;
    m_dragC0 = m_c0;
}

void SpikeRaster::mouseMoveEvent(QMouseEvent* event) {
    const QRect plot = plotRect();
    if ((event->buttons() & Qt::LeftButton) && plot.width() > 0 && plot.height() > 0) {
        const QPointF moved = event->position() - m_dragStart;
        const double tSpan = m_t1 - m_t0, cSpan = m_c1 - m_c0;
        m_t0 = std::clamp(m_dragT0 - moved.x() / plot.width() * tSpan, 1.0,
                          std::max(1.0, m_steps + 1.0 - tSpan));
        m_t1 = m_t0 + tSpan;
        m_c0 = std::clamp(m_dragC0 - moved.y() / plot.height() * cSpan, 0.0,
                          std::max(0.0, m_channels - cSpan));
        m_c1 = m_c0 + cSpan;
        invalidate();
        return;
    }
    int step = 0, channel = 0;
    if (toCell(event->position(), step, channel))
        Q_EMIT hovered(step, channel);
}

void SpikeRaster::mouseDoubleClickEvent(QMouseEvent*) {
    resetZoom();
}

void SpikeRaster::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange)
        invalidate();
    if (event->type() == QEvent::FontChange) {
        // A larger (zoomed) font widens the margins; keep room for a few rows of spikes
        // even where a lab fixed a small minimum height.
        const int margins = 3 * fontMetrics().height() + 14;
        if (minimumHeight() > 0 && minimumHeight() < margins + 24)
            setMinimumHeight(margins + 24);
        invalidate();
    }
    QWidget::changeEvent(event);
}

QString SpikeRaster::dataCsv() const {
    QString csv = QStringLiteral("step,channel,value\n");
    csv.reserve(static_cast<qsizetype>(m_events.size()) * 12 + 20);
    for (const RasterEvent& e : m_events)
        csv += QString::number(e.step) + QLatin1Char(',') + QString::number(e.channel) +
               QLatin1Char(',') + csvNumber(e.value) + QLatin1Char('\n');
    return csv;
}

} // namespace sdlab::widgets
