#include "widgets/small_multiples_view.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <limits>

namespace sdlab::widgets {

SmallMultiplesView::SmallMultiplesView(QWidget* parent) : QWidget(parent) {}

void SmallMultiplesView::setGrid(int rows, int columns, std::vector<Cell> cells,
                                 QStringList rowTitles, QStringList columnTitles) {
    if (rows < 0 || columns < 0 || cells.size() != static_cast<std::size_t>(rows) * columns)
        rows = columns = 0, cells.clear();
    m_rows = rows;
    m_columns = columns;
    m_cells = std::move(cells);
    m_rowTitles = std::move(rowTitles);
    m_columnTitles = std::move(columnTitles);
    update();
}

void SmallMultiplesView::setSeriesNames(QStringList names, std::vector<QColor> colors) {
    m_names = std::move(names);
    m_colors = std::move(colors);
    update();
}

const SmallMultiplesView::Cell& SmallMultiplesView::cell(int row, int column) const {
    return m_cells.at(static_cast<std::size_t>(row) * m_columns + column);
}

void SmallMultiplesView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette& p = palette();
    painter.fillRect(rect(), p.color(QPalette::Window));
    if (m_rows == 0 || m_columns == 0)
        return;
    const QFontMetrics metrics = fontMetrics();
    int left = 0;
    for (const QString& title : m_rowTitles)
        left = std::max(left, metrics.horizontalAdvance(title));
    left += 10;
    const int top = metrics.height() + 6;
    const int bottom = metrics.height() + 6; // legend
    const double cellW = (width() - left - 4.0) / m_columns;
    const double cellH = (height() - top - bottom - 2.0) / m_rows;
    // The y range is the first series' (the reference, e.g. the input), so one wild cell
    // cannot flatten the others; what leaves the range is clipped at the cell's edge.
    double low = std::numeric_limits<double>::infinity(), high = -low;
    for (const Cell& c : m_cells)
        if (!c.series.empty())
            for (const double v : c.series.front())
                if (std::isfinite(v)) {
                    low = std::min(low, v);
                    high = std::max(high, v);
                }
    if (!(low < high)) {
        low = -1.0;
        high = 1.0;
    }
    const double pad = 0.25 * (high - low);
    low -= pad;
    high += pad;
    painter.setPen(p.color(QPalette::WindowText));
    for (int c = 0; c < m_columns && c < m_columnTitles.size(); ++c)
        painter.drawText(QRectF(left + c * cellW, 2, cellW, metrics.height()), Qt::AlignCenter,
                         m_columnTitles[c]);
    for (int r = 0; r < m_rows && r < m_rowTitles.size(); ++r)
        painter.drawText(QRectF(0, top + r * cellH, left - 6, cellH),
                         Qt::AlignRight | Qt::AlignVCenter, m_rowTitles[r]);
    for (int r = 0; r < m_rows; ++r)
        for (int c = 0; c < m_columns; ++c) {
            const QRectF box(left + c * cellW + 3, top + r * cellH + 3, cellW - 6, cellH - 6);
            painter.fillRect(box, p.color(QPalette::Base));
            painter.setPen(p.color(QPalette::Mid));
            painter.drawRect(box);
            const Cell& cellData = cell(r, c);
            const QRectF plot = box.adjusted(2, 2, -2, -metrics.height() - 2);
            if (!cellData.valid) {
                painter.setPen(p.color(QPalette::PlaceholderText));
                painter.drawText(box, Qt::AlignCenter, cellData.caption);
                continue;
            }
            painter.save();
            painter.setClipRect(plot);
            for (std::size_t s = 0; s < cellData.series.size(); ++s) {
                const auto& values = cellData.series[s];
                if (values.size() < 2)
                    continue;
                QPainterPath path;
                const double last = static_cast<double>(values.size() - 1);
                for (std::size_t t = 0; t < values.size(); ++t) {
                    const QPointF point(plot.left() + plot.width() * static_cast<double>(t) / last,
                                        plot.bottom() -
                                            (values[t] - low) / (high - low) * plot.height());
                    t == 0 ? path.moveTo(point) : path.lineTo(point);
                }
                painter.setPen(
                    QPen(s < m_colors.size() ? m_colors[s] : p.color(QPalette::Text), 1.2));
                painter.drawPath(path);
            }
            painter.restore();
            painter.setPen(p.color(QPalette::WindowText));
            painter.drawText(QRectF(box.left() + 3, box.bottom() - metrics.height() - 1,
                                    box.width() - 6, metrics.height()),
                             Qt::AlignLeft | Qt::AlignVCenter, cellData.caption);
        }
    // Legend.
    double x = left + 4;
    const double y = height() - bottom + 3;
    for (qsizetype s = 0; s < m_names.size(); ++s) {
        const QColor color = s < static_cast<qsizetype>(m_colors.size())
                                 ? m_colors[static_cast<std::size_t>(s)]
                                 : p.color(QPalette::Text);
        painter.setPen(QPen(color, 2));
        painter.drawLine(QPointF(x, y + metrics.height() / 2.0),
                         QPointF(x + 18, y + metrics.height() / 2.0));
        painter.setPen(p.color(QPalette::WindowText));
        painter.drawText(QPointF(x + 22, y + metrics.ascent()), m_names[s]);
        x += 40 + metrics.horizontalAdvance(m_names[s]);
    }
}

QString SmallMultiplesView::dataCsv() const {
    QString csv = QStringLiteral("row,column,series,t,value\n");
    for (int r = 0; r < m_rows; ++r)
        for (int c = 0; c < m_columns; ++c) {
            const Cell& cellData = cell(r, c);
            for (std::size_t s = 0; s < cellData.series.size(); ++s)
                for (std::size_t t = 0; t < cellData.series[s].size(); ++t)
                    csv += QStringLiteral("%1,%2,%3,%4,%5\n")
                               .arg(r)
                               .arg(c)
                               .arg(s < static_cast<std::size_t>(m_names.size())
                                        ? m_names[static_cast<qsizetype>(s)]
                                        : QString::number(s))
                               .arg(t + 1)
                               .arg(csvNumber(cellData.series[s][t]));
        }
    return csv;
}

} // namespace sdlab::widgets
