#include "widgets/heatmap_view.h"

#include "widgets/axis_ticks.h"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <limits>

namespace sdlab::widgets {

namespace {
constexpr int kBarWidth = 14;
} // namespace

HeatmapView::HeatmapView(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setCursor(Qt::CrossCursor);
}

void HeatmapView::setData(int rows, int columns, std::vector<double> values,
                          std::vector<double> xValues, std::vector<double> yValues) {
    const bool consistent = rows >= 0 && columns >= 0 &&
                            values.size() == static_cast<std::size_t>(rows) * columns &&
                            xValues.size() == static_cast<std::size_t>(columns) &&
                            yValues.size() == static_cast<std::size_t>(rows);
    if (!consistent) {
        rows = columns = 0;
        values.clear();
        xValues.clear();
        yValues.clear();
    }
    m_rows = rows;
    m_columns = columns;
    m_values = std::move(values);
    m_x = std::move(xValues);
    m_y = std::move(yValues);
    m_xEdges = edges(m_x, m_logX);
    m_yEdges = edges(m_y, m_logY);
    m_hoverRow = m_hoverColumn = -1;
    rebuildImage();
    update();
}

void HeatmapView::setTitle(const QString& title) {
    m_title = title;
    update();
}

void HeatmapView::setAxisTitles(const QString& x, const QString& y) {
    m_xTitle = x;
    m_yTitle = y;
    update();
}

void HeatmapView::setValueTitle(const QString& title) {
    m_valueTitle = title;
    update();
}

void HeatmapView::setLogarithmic(bool x, bool y) {
    m_logX = x;
    m_logY = y;
    m_xEdges = edges(m_x, m_logX);
    m_yEdges = edges(m_y, m_logY);
    update(); // the cell colours do not depend on the axes
}

void HeatmapView::setColorRange(double min, double max) {
    m_colorMin = min;
    m_colorMax = max;
    rebuildImage();
    update();
}

bool HeatmapView::uniformCells() const {
    for (const auto* edges : {&m_xEdges, &m_yEdges}) {
        if (edges->size() < 2)
            return false;
        const double width = ((*edges)[1] - (*edges)[0]);
        for (std::size_t i = 1; i + 1 < edges->size(); ++i)
            if (std::abs(((*edges)[i + 1] - (*edges)[i]) - width) > 1e-6 * std::abs(width))
                return false;
    }
    return true;
}

void HeatmapView::rebuildImage() {
    if (m_rows == 0 || m_columns == 0) {
        m_cells = QImage();
        return;
    }
    double low = 0.0, high = 1.0;
    colorLimits(low, high);
    m_cells = QImage(m_columns, m_rows, QImage::Format_RGB32);
    for (int r = 0; r < m_rows; ++r) {
        // Row 0 is at the bottom of the plot, so at the image's last line.
        auto* line = reinterpret_cast<QRgb*>(m_cells.scanLine(m_rows - 1 - r));
        for (int c = 0; c < m_columns; ++c)
            line[c] = colorFor((value(r, c) - low) / (high - low)).rgb();
    }
}

void HeatmapView::setMarkedCell(int row, int column) {
    m_markedRow = row;
    m_markedColumn = column;
    update();
}

double HeatmapView::value(int row, int column) const {
    if (row < 0 || row >= m_rows || column < 0 || column >= m_columns)
        return std::numeric_limits<double>::quiet_NaN();
    return m_values[static_cast<std::size_t>(row) * m_columns + column];
}

double HeatmapView::axisX(double v) const {
    return m_logX ? std::log10(v) : v;
}
double HeatmapView::axisY(double v) const {
    return m_logY ? std::log10(v) : v;
}

std::vector<double> HeatmapView::edges(const std::vector<double>& values, bool log) const {
    // Cell edges halfway between neighbours in axis coordinates; a single value gets a
    // cell of width 1 (one decade on a log axis).
    std::vector<double> axis;
    axis.reserve(values.size());
    for (const double v : values)
        axis.push_back(log ? std::log10(std::max(v, 1e-300)) : v);
    std::vector<double> out;
    if (axis.empty())
        return out;
    if (axis.size() == 1)
        return {axis[0] - 0.5, axis[0] + 0.5};
    out.push_back(axis[0] - 0.5 * (axis[1] - axis[0]));
    for (std::size_t i = 0; i + 1 < axis.size(); ++i)
        out.push_back(0.5 * (axis[i] + axis[i + 1]));
    out.push_back(axis.back() + 0.5 * (axis.back() - axis[axis.size() - 2]));
    return out;
}

QRectF HeatmapView::plotRect() const {
    const QFontMetrics metrics = fontMetrics();
    const double left = metrics.horizontalAdvance(QStringLiteral("0.0001")) + metrics.height() + 10;
    const double right =
        kBarWidth + metrics.horizontalAdvance(QStringLiteral("-0.0001")) + metrics.height() + 18;
    const double top = 2 * metrics.height() + 6; // title and read-out
    const double bottom = 2 * metrics.height() + 10;
    return QRectF(left, top, std::max(0.0, width() - left - right),
                  std::max(0.0, height() - top - bottom));
}

QRectF HeatmapView::cellRect(int row, int column) const {
    const QRectF plot = plotRect();
    if (m_xEdges.size() < 2 || m_yEdges.size() < 2)
        return {};
    const double x0 = m_xEdges.front(), x1 = m_xEdges.back();
    const double y0 = m_yEdges.front(), y1 = m_yEdges.back();
    auto px = [&](double a) { return plot.left() + (a - x0) / (x1 - x0) * plot.width(); };
    auto py = [&](double a) { return plot.bottom() - (a - y0) / (y1 - y0) * plot.height(); };
    const auto c = static_cast<std::size_t>(column);
    const auto r = static_cast<std::size_t>(row);
    return QRectF(QPointF(px(m_xEdges[c]), py(m_yEdges[r + 1])),
                  QPointF(px(m_xEdges[c + 1]), py(m_yEdges[r])));
}

bool HeatmapView::cellAt(QPointF position, int& row, int& column) const {
    const QRectF plot = plotRect();
    if (!plot.contains(position) || m_rows == 0 || m_columns == 0)
        return false;
    const double x0 = m_xEdges.front(), x1 = m_xEdges.back();
    const double y0 = m_yEdges.front(), y1 = m_yEdges.back();
    const double ax = x0 + (position.x() - plot.left()) / plot.width() * (x1 - x0);
    const double ay = y0 + (plot.bottom() - position.y()) / plot.height() * (y1 - y0);
    const auto xi = std::upper_bound(m_xEdges.begin(), m_xEdges.end(), ax) - m_xEdges.begin() - 1;
    const auto yi = std::upper_bound(m_yEdges.begin(), m_yEdges.end(), ay) - m_yEdges.begin() - 1;
    if (xi < 0 || xi >= m_columns || yi < 0 || yi >= m_rows)
        return false;
    row = static_cast<int>(yi);
    column = static_cast<int>(xi);
    return true;
}

QColor HeatmapView::colorFor(double fraction) {
    // Viridis at nine anchors, interpolated linearly.
    static const QColor anchors[] = {
        QColor(68, 1, 84),    QColor(71, 44, 122),  QColor(59, 81, 139),
        QColor(44, 113, 142), QColor(33, 144, 141), QColor(39, 173, 129),
        QColor(92, 200, 99),  QColor(170, 220, 50), QColor(253, 231, 37)};
    if (!std::isfinite(fraction))
        return QColor(128, 128, 128);
    const double f = std::clamp(fraction, 0.0, 1.0) * 8.0;
    const int i = std::min(7, static_cast<int>(f));
    const double u = f - i;
    const QColor& a = anchors[i];
    const QColor& b = anchors[i + 1];
    return QColor(static_cast<int>(a.red() + u * (b.red() - a.red())),
                  static_cast<int>(a.green() + u * (b.green() - a.green())),
                  static_cast<int>(a.blue() + u * (b.blue() - a.blue())));
}

void HeatmapView::colorLimits(double& low, double& high) const {
    if (m_colorMin < m_colorMax) {
        low = m_colorMin;
        high = m_colorMax;
        return;
    }
    low = std::numeric_limits<double>::infinity();
    high = -low;
    for (const double v : m_values)
        if (std::isfinite(v)) {
            low = std::min(low, v);
            high = std::max(high, v);
        }
    if (!(low < high)) {
        low = std::isfinite(low) ? low - 0.5 : 0.0;
        high = low + 1.0;
    }
}

void HeatmapView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QPalette& p = palette();
    painter.fillRect(rect(), p.color(QPalette::Window));
    const QFontMetrics metrics = fontMetrics();
    const QRectF plot = plotRect();
    painter.setPen(p.color(QPalette::WindowText));
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    // Elided to the width: centred text wider than the view lost both its ends.
    const QString title = QFontMetrics(bold).elidedText(m_title, Qt::ElideRight, width() - 4);
    painter.drawText(QRectF(0, 2, width(), metrics.height()), Qt::AlignHCenter, title);
    painter.setFont(font());
    if (plot.width() < 8 || plot.height() < 8)
        return;
    if (m_rows == 0 || m_columns == 0) {
        painter.drawText(plot, Qt::AlignCenter, tr("No data"));
        return;
    }
    double low = 0.0, high = 1.0;
    colorLimits(low, high);
    if (uniformCells() && !m_cells.isNull()) {
        painter.drawImage(plot, m_cells); // nearest-neighbour scaling keeps cells crisp
    } else {
        for (int r = 0; r < m_rows; ++r)
            for (int c = 0; c < m_columns; ++c) {
                const double v = value(r, c);
                // Slightly enlarged cells hide hairline seams from antialiasing.
                painter.fillRect(cellRect(r, c).adjusted(0, -0.5, 0.5, 0),
                                 colorFor((v - low) / (high - low)));
            }
    }
    if (m_markedRow >= 0 && m_markedRow < m_rows && m_markedColumn >= 0 &&
        m_markedColumn < m_columns) {
        painter.setPen(QPen(Qt::white, 2));
        painter.drawRect(cellRect(m_markedRow, m_markedColumn));
        painter.setPen(QPen(Qt::black, 1));
        painter.drawRect(cellRect(m_markedRow, m_markedColumn).adjusted(-2, -2, 2, 2));
    }
    painter.setPen(p.color(QPalette::Mid));
    painter.drawRect(plot);

    // Axes.
    painter.setPen(p.color(QPalette::WindowText));
    const double x0 = m_xEdges.front(), x1 = m_xEdges.back();
    const double y0 = m_yEdges.front(), y1 = m_yEdges.back();
    const auto xTicks = m_logX
                            ? logTicks(std::pow(10.0, x0), std::pow(10.0, x1))
                            : linearTicks(x0, x1, std::max(2, static_cast<int>(plot.width() / 70)));
    for (const double t : xTicks) {
        const double x = plot.left() + (axisX(t) - x0) / (x1 - x0) * plot.width();
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4));
        const QString label = tickLabel(t);
        painter.drawText(QPointF(x - metrics.horizontalAdvance(label) / 2.0,
                                 plot.bottom() + 5 + metrics.ascent()),
                         label);
    }
    const auto yTicks =
        m_logY ? logTicks(std::pow(10.0, y0), std::pow(10.0, y1))
               : linearTicks(y0, y1, std::max(2, static_cast<int>(plot.height() / 40)));
    for (const double t : yTicks) {
        const double y = plot.bottom() - (axisY(t) - y0) / (y1 - y0) * plot.height();
        painter.drawLine(QPointF(plot.left() - 4, y), QPointF(plot.left(), y));
        const QString label = tickLabel(t);
        painter.drawText(QPointF(plot.left() - 6 - metrics.horizontalAdvance(label),
                                 y + metrics.ascent() / 2.0 - 1),
                         label);
    }
    painter.drawText(
        QRectF(plot.left(), height() - metrics.height() - 2, plot.width(), metrics.height()),
        Qt::AlignCenter, m_xTitle);
    painter.save();
    painter.translate(metrics.height() - 2, plot.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-plot.height() / 2, -metrics.height(), plot.height(), metrics.height()),
                     Qt::AlignCenter, m_yTitle);
    painter.restore();

    // Colour bar.
    const QRectF bar(plot.right() + 12, plot.top(), kBarWidth, plot.height());
    const int steps = std::max(2, static_cast<int>(bar.height()));
    for (int i = 0; i < steps; ++i) {
        const double f = 1.0 - static_cast<double>(i) / (steps - 1);
        painter.fillRect(QRectF(bar.left(), bar.top() + i * bar.height() / steps, bar.width(),
                                bar.height() / steps + 1),
                         colorFor(f));
    }
    painter.setPen(p.color(QPalette::Mid));
    painter.drawRect(bar);
    painter.setPen(p.color(QPalette::WindowText));
    for (const double t :
         linearTicks(low, high, std::max(2, static_cast<int>(bar.height() / 40)))) {
        const double y = bar.bottom() - (t - low) / (high - low) * bar.height();
        painter.drawLine(QPointF(bar.right(), y), QPointF(bar.right() + 3, y));
        painter.drawText(QPointF(bar.right() + 5, y + metrics.ascent() / 2.0 - 1), tickLabel(t));
    }
    painter.save();
    painter.translate(width() - 4, bar.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-bar.height() / 2, -metrics.height(), bar.height(), metrics.height()),
                     Qt::AlignCenter, m_valueTitle);
    painter.restore();

    // Read-out of the hovered cell.
    if (m_hoverRow >= 0) {
        const QString text =
            QStringLiteral("%1 = %2, %3 = %4:  %5")
                .arg(m_xTitle, tickLabel(m_x[static_cast<std::size_t>(m_hoverColumn)]), m_yTitle,
                     tickLabel(m_y[static_cast<std::size_t>(m_hoverRow)]),
                     QString::number(value(m_hoverRow, m_hoverColumn), 'g', 6));
        painter.drawText(QRectF(plot.left(), metrics.height() + 3, plot.width(), metrics.height()),
                         Qt::AlignLeft, text);
        painter.setPen(QPen(p.color(QPalette::HighlightedText), 1, Qt::DotLine));
        painter.drawRect(cellRect(m_hoverRow, m_hoverColumn));
    }
}

void HeatmapView::mouseMoveEvent(QMouseEvent* event) {
    int row = -1, column = -1;
    if (!cellAt(event->position(), row, column))
        row = column = -1;
    if (row != m_hoverRow || column != m_hoverColumn) {
        m_hoverRow = row;
        m_hoverColumn = column;
        update();
        if (row >= 0)
            Q_EMIT cellHovered(row, column, value(row, column));
    }
}

void HeatmapView::mouseReleaseEvent(QMouseEvent* event) {
    int row = -1, column = -1;
    if (event->button() == Qt::LeftButton && cellAt(event->position(), row, column))
        Q_EMIT cellClicked(row, column);
}

void HeatmapView::leaveEvent(QEvent*) {
    m_hoverRow = m_hoverColumn = -1;
    update();
}

QString HeatmapView::dataCsv() const {
    QString csv = QStringLiteral("x,y,value\n");
    for (int r = 0; r < m_rows; ++r)
        for (int c = 0; c < m_columns; ++c)
            csv += csvNumber(m_x[static_cast<std::size_t>(c)]) + QLatin1Char(',') +
                   csvNumber(m_y[static_cast<std::size_t>(r)]) + QLatin1Char(',') +
                   csvNumber(value(r, c)) + QLatin1Char('\n');
    return csv;
}

} // namespace sdlab::widgets
