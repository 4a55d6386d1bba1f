#include "time_series_view.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace sdlab::widgets {

namespace {
// A "nice" tick step (1, 2 or 5 × 10^k) giving about `count` ticks over `span`.
double niceStep(double span, int count) {
    const double raw = span / std::max(1, count);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double factor : {1.0, 2.0, 5.0, 10.0})
        if (raw <= factor * magnitude)
            return factor * magnitude;
    return 10.0 * magnitude;
}
} // namespace

TimeSeriesView::TimeSeriesView(QWidget* parent) : QWidget(parent) {
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void TimeSeriesView::setSeries(std::vector<Series> series) {
    m_series = std::move(series);
    update();
}

void TimeSeriesView::setAxisLabels(const QString& x, const QString& y) {
    m_xLabel = x;
    m_yLabel = y;
    update();
}

void TimeSeriesView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), palette().base());
    const QFontMetrics metrics = fontMetrics();
    const int left = metrics.horizontalAdvance(QStringLiteral("-0.000")) + metrics.height() + 8;
    const int bottom = 2 * metrics.height() + 8;
    const QRectF plot(left, 8, width() - left - 12, height() - bottom - 8);
    if (plot.width() < 20 || plot.height() < 20)
        return;

    std::size_t steps = 0;
    double low = 0.0, high = 0.0;
    for (const Series& s : m_series) {
        steps = std::max(steps, s.values.size());
        for (double v : s.values) {
            low = std::min(low, v);
            high = std::max(high, v);
        }
    }
    if (high - low < 1e-12) {
        low -= 1.0;
        high += 1.0;
    }
    const double pad = 0.05 * (high - low);
    low -= pad;
    high += pad;
    const double lastStep = std::max<double>(2.0, static_cast<double>(steps));
    auto toX = [&](double t) { return plot.left() + (t - 1.0) / (lastStep - 1.0) * plot.width(); };
    auto toY = [&](double v) { return plot.bottom() - (v - low) / (high - low) * plot.height(); };

    // Grid, ticks and labels.
    const QColor gridColor = palette().color(QPalette::Mid);
    painter.setPen(QPen(gridColor, 0.5));
    const double yStep = niceStep(high - low, 5);
    for (double v = std::ceil(low / yStep) * yStep; v <= high; v += yStep) {
        painter.drawLine(QPointF(plot.left(), toY(v)), QPointF(plot.right(), toY(v)));
        painter.drawText(QRectF(0, toY(v) - metrics.height() / 2.0, left - 6, metrics.height()),
                         Qt::AlignRight | Qt::AlignVCenter, QString::number(v, 'g', 3));
    }
    const double xStep = niceStep(lastStep, 8);
    for (double t = xStep; t <= lastStep; t += xStep) {
        painter.drawLine(QPointF(toX(t), plot.top()), QPointF(toX(t), plot.bottom()));
        painter.drawText(QRectF(toX(t) - 40, plot.bottom() + 2, 80, metrics.height()),
                         Qt::AlignHCenter | Qt::AlignTop, QString::number(t, 'g', 6));
    }
    painter.setPen(palette().color(QPalette::Text));
    painter.drawRect(plot);
    painter.drawText(QRectF(plot.left(), height() - metrics.height() - 2, plot.width(),
                            metrics.height()),
                     Qt::AlignHCenter, m_xLabel);
    painter.save();
    painter.translate(metrics.height() / 2.0 + 2, plot.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-plot.height() / 2, -metrics.height() / 2.0, plot.height(),
                            metrics.height()),
                     Qt::AlignHCenter, m_yLabel);
    painter.restore();

    // Series, clipped to the plot.
    painter.save();
    painter.setClipRect(plot);
    for (const Series& s : m_series) {
        painter.setPen(QPen(s.color, s.style == Style::Stem ? 1.0 : 1.6));
        if (s.style == Style::Stem) {
            for (std::size_t t = 0; t < s.values.size(); ++t)
                if (s.values[t] != 0.0)
                    painter.drawLine(QPointF(toX(double(t + 1)), toY(0.0)),
                                     QPointF(toX(double(t + 1)), toY(s.values[t])));
        } else if (!s.values.empty()) {
            QPainterPath path(QPointF(toX(1.0), toY(s.values[0])));
            for (std::size_t t = 1; t < s.values.size(); ++t)
                path.lineTo(toX(double(t + 1)), toY(s.values[t]));
            painter.drawPath(path);
        }
    }
    painter.restore();

    // Legend, top right, on a panel so it stays readable over the curves.
    int legendWidth = 0;
    for (const Series& s : m_series)
        legendWidth = std::max(legendWidth, metrics.horizontalAdvance(s.name));
    const int legendHeight = static_cast<int>(m_series.size()) * (metrics.height() + 2) + 6;
    const QRect legend(static_cast<int>(plot.right()) - legendWidth - 44,
                       static_cast<int>(plot.top()) + 4, legendWidth + 40, legendHeight);
    if (!m_series.empty()) {
        QColor panel = palette().color(QPalette::Base);
        panel.setAlpha(220);
        painter.fillRect(legend, panel);
        painter.setPen(QPen(gridColor, 0.5));
        painter.drawRect(legend);
    }
    int y = legend.top() + 3;
    for (const Series& s : m_series) {
        const int textWidth = metrics.horizontalAdvance(s.name);
        const int x = legend.left() + 6;
        painter.setPen(QPen(s.color, 2.0));
        painter.drawLine(x, y + metrics.height() / 2, x + 20, y + metrics.height() / 2);
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(x + 26, y, textWidth + 4, metrics.height(), Qt::AlignLeft, s.name);
        y += metrics.height() + 2;
    }
}

} // namespace sdlab::widgets
