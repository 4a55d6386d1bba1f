#include "widgets/chart_plot.h"

#include "widgets/axis_ticks.h"
#include "widgets/display_scale.h"

#include <QAreaSeries>
#include <QChart>
#include <QEvent>
#include <QFontMetrics>
#include <QKeyEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace sdlab::widgets {

namespace {
bool isDark(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}
} // namespace

ChartPlot::ChartPlot(QWidget* parent)
    : QChartView(new QChart, parent), m_visibleLimit(std::numeric_limits<double>::infinity()),
      m_rowsLegend(chart()) {
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::RectangleRubberBand);
    setFocusPolicy(Qt::StrongFocus);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    setMinimumSize(180, 160);
    applyPalette();
    rebuildAxes();
    setToolTip(tr("Drag to zoom, wheel to zoom about the cursor, right-click to zoom out, "
                  "double-click to reset"));
}

void ChartPlot::setTitle(const QString& title) {
    chart()->setTitle(title);
}

void ChartPlot::setAxisTitles(const QString& x, const QString& y) {
    m_xTitle = x;
    m_yTitle = y;
    m_xAxis->setTitleText(x);
    m_yAxis->setTitleText(y);
}

void ChartPlot::setLogarithmic(bool x, bool y) {
    if (x == m_logX && y == m_logY)
        return;
    m_logX = x;
    m_logY = y;
    rebuildAxes();
    for (Series& s : m_series)
        refresh(s);
    fitAxes();
}

void ChartPlot::setYRange(double min, double max) {
    m_fixedYMin = min;
    m_fixedYMax = max;
    fitAxes();
}

// Okabe–Ito: distinguishable for colour-blind viewers, readable on light and dark.
QColor ChartPlot::seriesColor(int index) {
    static const QColor colors[] = {QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00),
                                    QColor(0x00, 0x9E, 0x73), QColor(0xCC, 0x79, 0xA7),
                                    QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9),
                                    QColor(0xF0, 0xE4, 0x42), QColor(0x99, 0x99, 0x99)};
    return colors[((index % 8) + 8) % 8];
}

void ChartPlot::removeAllSeries() {
    chart()->removeAllSeries(); // deletes them
    m_series.clear();
    placeLegend();
    fitAxes();
}

void ChartPlot::setIntegerXTicks(bool integer) {
    m_integerXTicks = integer;
    fitAxes();
}

void ChartPlot::setLegendShown(bool shown) {
    m_legendShown = shown;
    placeLegend();
}

// Qt's bottom legend is one row and elides every name to "..." when the row is too
// narrow (eight names under a half-width chart said nothing); a column on the right
// keeps short names whole at the cost of some plot width. Long names would be elided
// there too, and squeeze the plot, so they wrap into rows below it instead.
void ChartPlot::placeLegend() {
    QLegend* legend = chart()->legend();
    const QFontMetrics metrics(legend->font());
    int row = 0, widest = 0; // the markers' own visibility is false until first shown
    std::vector<WrappedLegend::Entry> entries;
    for (const Series& s : m_series)
        if (s.inLegend && !chartSeries(s)->name().isEmpty()) {
            const QString name = chartSeries(s)->name();
            const int entry = metrics.horizontalAdvance(name) + 2 * metrics.height() + 8;
            row += entry;
            widest = std::max(widest, entry);
            entries.push_back({name, s.color});
        }
    const bool fitsRow = row <= width() - 16;
    // A column must also fit the chart's height (ten outputs in a short chart lost four).
    const bool column = !fitsRow && widest <= 0.3 * width() &&
                        static_cast<int>(entries.size()) * (metrics.height() + 6) <= height() - 48;
    const bool rows = m_legendShown && !fitsRow && !column;
    legend->setVisible(m_legendShown && !rows);
    const Qt::Alignment wanted = column ? Qt::AlignRight : Qt::AlignBottom;
    if (legend->alignment() != wanted)
        legend->setAlignment(wanted);
    const int height =
        rows ? m_rowsLegend.layOut(entries, legend->font(), legend->labelColor(), width() - 16) : 0;
    if (!rows)
        m_rowsLegend.clear();
    if (height != m_rowsLegendHeight) { // room for the rows under the axis title
        m_rowsLegendHeight = height;
        chart()->setMargins(QMargins(4, 4, 4, 4 + height));
    }
    m_rowsLegend.moveTo(8.0, chart()->size().height() - 2.0 - height);
}

int ChartPlot::addSeries(const QString& name, Style style, const QColor& color) {
    Series s;
    s.style = style;
    s.color = color.isValid() ? color : seriesColor(static_cast<int>(m_series.size()));
    if (style == Style::Points) {
        auto* scatter = new QScatterSeries;
        scatter->setBorderColor(Qt::transparent);
        s.series = scatter;
    } else {
        s.series = new QLineSeries;
    }
    if (style == Style::Area) { // the area keeps its upper line (deleted with it)
        auto* upper = static_cast<QLineSeries*>(s.series);
        auto* lower = new QLineSeries;
        s.area = new QAreaSeries(upper, lower);
        upper->setParent(s.area);
        lower->setParent(s.area);
    }
    applyStyle(s);
    chartSeries(s)->setName(name);
    chart()->addSeries(chartSeries(s));
    chartSeries(s)->attachAxis(m_xAxis);
    chartSeries(s)->attachAxis(m_yAxis);
    m_series.push_back(s);
    placeLegend();
    return static_cast<int>(m_series.size()) - 1;
}

void ChartPlot::setSeriesColor(int index, const QColor& color) {
    Series& s = m_series.at(static_cast<std::size_t>(index));
    s.color = color;
    applyStyle(s);
    placeLegend(); // the rows legend draws the colour itself
}

QAbstractSeries* ChartPlot::chartSeries(const Series& s) {
    return s.area ? static_cast<QAbstractSeries*>(s.area) : s.series;
}

// Colour, line width and marker size, the last two times the display scale.
void ChartPlot::applyStyle(Series& s) {
    const double scale = displayScale();
    if (s.area) {
        QColor fill = s.color;
        fill.setAlpha(110);
        s.area->setBrush(fill);
        s.area->setPen(QPen(s.color, 0.8 * scale));
    } else if (auto* scatter = qobject_cast<QScatterSeries*>(s.series)) {
        scatter->setMarkerSize(6.0 * scale);
        scatter->setColor(s.color);
    } else if (auto* line = qobject_cast<QLineSeries*>(s.series)) {
        QPen pen(s.color, (s.style == Style::Stem ? 1.2 : 1.8) * scale);
        if (s.style == Style::Dashed)
            pen.setStyle(Qt::DashLine);
        if (s.style == Style::Dotted)
            pen.setStyle(Qt::DotLine);
        line->setPen(pen);
    }
}

// Title, axes and legend in the widget's font (the application's, which the window
// scales), the title a point larger and bold; lines and markers follow the scale.
void ChartPlot::applyFonts() {
    QFont title = font();
    title.setPointSizeF(font().pointSizeF() + 1.0);
    title.setBold(true);
    chart()->setTitleFont(title);
    chart()->legend()->setFont(font());
    for (QAbstractAxis* axis : {m_xAxis, m_yAxis}) {
        if (!axis)
            continue;
        axis->setLabelsFont(font());
        QFont axisTitle = font();
        axisTitle.setBold(true);
        axis->setTitleFont(axisTitle);
        QPen line = axis->linePen();
        line.setWidthF(displayScale());
        axis->setLinePen(line);
    }
    for (Series& s : m_series)
        applyStyle(s);
    placeLegend();
}

void ChartPlot::setSeriesInLegend(int index, bool shown) {
    Series& s = m_series.at(static_cast<std::size_t>(index));
    s.inLegend = shown;
    for (QLegendMarker* marker : chart()->legend()->markers(chartSeries(s)))
        marker->setVisible(shown);
    placeLegend();
}

void ChartPlot::setSeriesData(int index, QList<QPointF> points) {
    Series& s = m_series.at(static_cast<std::size_t>(index));
    s.data = std::move(points);
    refresh(s);
    fitAxes();
}

void ChartPlot::setSeriesData(int index, std::span<const double> y, double x0, double dx) {
    QList<QPointF> points;
    points.reserve(static_cast<qsizetype>(y.size()));
    for (std::size_t k = 0; k < y.size(); ++k)
        points.append(QPointF(x0 + dx * static_cast<double>(k), y[k]));
    setSeriesData(index, std::move(points));
}

void ChartPlot::setVisibleLimit(double xMax) {
    if (xMax == m_visibleLimit)
        return;
    m_visibleLimit = xMax;
    for (Series& s : m_series)
        refresh(s);
}

void ChartPlot::refresh(Series& s) {
    m_buffer.clear();
    m_buffer.reserve(s.data.size() * (s.style == Style::Stem ? 3 : 1));
    for (const QPointF& p : s.data) {
        if (p.x() > m_visibleLimit)
            break; // data are in x order
        if ((m_logX && !(p.x() > 0.0)) || (m_logY && !(p.y() > 0.0)) || !std::isfinite(p.y()))
            continue;
        if (s.style == Style::Stem && !m_logY) { // (x, 0) → (x, y) → (x, 0): one polyline
            m_buffer.append(QPointF(p.x(), 0.0));
            m_buffer.append(p);
            m_buffer.append(QPointF(p.x(), 0.0));
        } else {
            m_buffer.append(p);
        }
    }
    s.series->replace(m_buffer);
    if (s.area) { // filled down to y = 0 (without a lower line Qt fills to the axis' bottom)
        QList<QPointF> zero;
        if (!m_buffer.isEmpty())
            zero = {QPointF(m_buffer.front().x(), 0.0), QPointF(m_buffer.back().x(), 0.0)};
        s.area->lowerSeries()->replace(zero);
    }
}

void ChartPlot::rebuildAxes() {
    for (QAbstractAxis* axis : {m_xAxis, m_yAxis})
        if (axis) {
            chart()->removeAxis(axis);
            delete axis;
        }
    auto makeAxis = [](bool log) -> QAbstractAxis* {
        if (log) {
            auto* axis = new QLogValueAxis;
            axis->setBase(10.0);
            axis->setLabelFormat(QStringLiteral("%g"));
            axis->setMinorTickCount(-1);
            return axis;
        }
        auto* axis = new QValueAxis;
        axis->setLabelFormat(QStringLiteral("%g"));
        return axis;
    };
    m_xAxis = makeAxis(m_logX);
    m_yAxis = makeAxis(m_logY);
    m_xAxis->setTitleText(m_xTitle);
    m_yAxis->setTitleText(m_yTitle);
    chart()->addAxis(m_xAxis, Qt::AlignBottom);
    chart()->addAxis(m_yAxis, Qt::AlignLeft);
    for (Series& s : m_series) {
        chartSeries(s)->attachAxis(m_xAxis);
        chartSeries(s)->attachAxis(m_yAxis);
    }
    applyPalette();
    applyFonts();
}

void ChartPlot::fitAxes() {
    if (m_userZoomed)
        return;
    double xMin = std::numeric_limits<double>::infinity(), xMax = -xMin;
    double yMin = xMin, yMax = -xMin;
    for (const Series& s : m_series)
        for (const QPointF& p : s.data) {
            if ((m_logX && !(p.x() > 0.0)) || (m_logY && !(p.y() > 0.0)) || !std::isfinite(p.y()))
                continue;
            xMin = std::min(xMin, p.x());
            xMax = std::max(xMax, p.x());
            yMin = std::min(yMin, p.y());
            yMax = std::max(yMax, p.y());
            if (s.style == Style::Stem && !m_logY) {
                yMin = std::min(yMin, 0.0);
                yMax = std::max(yMax, 0.0);
            }
        }
    if (!(xMin <= xMax)) { // no data
        xMin = m_logX ? 1.0 : 0.0;
        xMax = m_logX ? 10.0 : 1.0;
        yMin = m_logY ? 1.0 : 0.0;
        yMax = m_logY ? 10.0 : 1.0;
    }
    if (m_fixedYMin < m_fixedYMax) {
        yMin = m_fixedYMin;
        yMax = m_fixedYMax;
    } else if (m_logY) {
        yMin /= 1.3;
        yMax *= 1.3;
    } else {
        const double pad = yMax > yMin ? 0.05 * (yMax - yMin) : std::max(1e-12, std::abs(yMax));
        yMin -= pad;
        yMax += pad;
    }
    if (xMax <= xMin)
        xMax = m_logX ? xMin * 10.0 : xMin + 1.0;
    // Ticks at round numbers (1, 2, 5 × 10^k), not at the data's odd extremes. Qt Charts
    // makes an item per tick whenever the range or the interval changes, so the coarser
    // of the old and new intervals is in place while the range moves: the new range with
    // the old, finer interval could mean 10^5 ticks (a 1 → 10^4 jump took seconds).
    for (auto [axis, min, max] :
         {std::tuple{m_xAxis, xMin, xMax}, std::tuple{m_yAxis, yMin, yMax}}) {
        auto* value = qobject_cast<QValueAxis*>(axis);
        if (!value) {
            // QLogValueAxis labels only powers of the base: a range holding fewer than two
            // (a loss between 1.8 and 2.4) showed no number at all, so such a range widens
            // to the decades around it.
            const double lo = std::floor(std::log10(min)), hi = std::ceil(std::log10(max));
            if (std::floor(std::log10(max)) - std::ceil(std::log10(min)) < 1.0) {
                min = std::pow(10.0, lo);
                max = std::pow(10.0, std::max(hi, lo + 1.0));
            }
            axis->setRange(min, max);
            spaceLogLabels(static_cast<QLogValueAxis*>(axis), min, max);
            continue;
        }
        const double step = axis == m_xAxis ? xTickStep(min, max) : niceTickStep(max - min, 4);
        value->setTickType(QValueAxis::TicksDynamic);
        value->setTickAnchor(0.0);
        value->setTickInterval(std::max(step, value->tickInterval()));
        value->setRange(min, max);
        value->setTickInterval(step);
    }
}

// QLogValueAxis labels every power of its base: six decades in a short chart ran their
// labels into one another ("1e-05" over "0.0001"), so a crowded axis labels every k-th
// decade (base 10^k) and draws no minor lines between.
void ChartPlot::spaceLogLabels(QLogValueAxis* axis, double min, double max) const {
    const QFontMetrics metrics(axis->labelsFont());
    const bool horizontal = axis == m_xAxis;
    const QRectF area = chart()->plotArea();
    const double length = horizontal ? (area.width() > 0.0 ? area.width() : 0.8 * width())
                                     : (area.height() > 0.0 ? area.height() : 0.6 * height());
    const double label = horizontal ? metrics.horizontalAdvance(QStringLiteral("0.0001")) + 8.0
                                    : metrics.height() + 4.0;
    const double decades = std::log10(max / min);
    const double perLabel = std::max(1.0, std::ceil(decades * label / std::max(length, 1.0)));
    const double base = std::pow(10.0, perLabel);
    if (axis->base() != base) {
        axis->setBase(base);
        axis->setMinorTickCount(base == 10.0 ? -1 : 0);
    }
}

double ChartPlot::xTickStep(double min, double max) const {
    // About six x ticks on a wide plot; on a narrow one the smallest round step that keeps
    // labels such as 20000 and 40000 apart by a third of a label (they ran together).
    const QFontMetrics metrics(m_xAxis->labelsFont());
    const int label = std::max(metrics.horizontalAdvance(QString::number(min, 'g', 6)),
                               metrics.horizontalAdvance(QString::number(max, 'g', 6)));
    const double plotWidth =
        chart()->plotArea().width() > 0.0 ? chart()->plotArea().width() : 0.8 * width();
    const double span = max - min;
    const double spacing = (1.33 * label + 8.0) / std::max(plotWidth, 1.0) * span;
    const double step = std::max(niceTickStep(span, 6), niceTickStep(spacing, 1));
    return m_integerXTicks ? std::max(1.0, std::round(step)) : step;
}

void ChartPlot::resizeEvent(QResizeEvent* event) {
    QChartView::resizeEvent(event);
    placeLegend();
    fitAxes(); // the tick count follows the width
}

void ChartPlot::resetZoom() {
    m_userZoomed = false;
    chart()->zoomReset();
    fitAxes();
}

void ChartPlot::wheelEvent(QWheelEvent* event) {
    const double factor = event->angleDelta().y() > 0 ? 1.25 : 0.8;
    const QRectF area = chart()->plotArea();
    const QPointF at = chart()->mapFromScene(mapToScene(event->position().toPoint()));
    QRectF zoomed(0, 0, area.width() / factor, area.height());
    zoomed.moveCenter(QPointF(at.x() - (at.x() - area.center().x()) / factor, area.center().y()));
    m_userZoomed = true;
    chart()->zoomIn(zoomed);
    event->accept();
}

void ChartPlot::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton || event->button() == Qt::RightButton)
        m_userZoomed = true;
    QChartView::mouseReleaseEvent(event);
}

void ChartPlot::mouseDoubleClickEvent(QMouseEvent* event) {
    resetZoom();
    event->accept();
}

void ChartPlot::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
    case Qt::Key_Plus:
        m_userZoomed = true;
        chart()->zoom(1.25);
        break;
    case Qt::Key_Minus:
        m_userZoomed = true;
        chart()->zoom(0.8);
        break;
    case Qt::Key_Left:
        m_userZoomed = true;
        chart()->scroll(-20, 0);
        break;
    case Qt::Key_Right:
        m_userZoomed = true;
        chart()->scroll(20, 0);
        break;
    case Qt::Key_Up:
        m_userZoomed = true;
        chart()->scroll(0, 20);
        break;
    case Qt::Key_Down:
        m_userZoomed = true;
        chart()->scroll(0, -20);
        break;
    case Qt::Key_Home:
        resetZoom();
        break;
    default:
        QChartView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void ChartPlot::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    if (event->type() == QEvent::FontChange) {
        applyFonts();
        fitAxes(); // tick spacing depends on the label width
    }
    QChartView::changeEvent(event);
}

void ChartPlot::applyPalette() {
    const QPalette& p = palette();
    const QColor text = p.color(QPalette::WindowText);
    const QColor grid = isDark(p) ? QColor(255, 255, 255, 40) : QColor(0, 0, 0, 30);
    chart()->setBackgroundBrush(p.color(QPalette::Base));
    chart()->setBackgroundRoundness(0);
    chart()->setPlotAreaBackgroundVisible(false);
    chart()->setTitleBrush(text);
    chart()->legend()->setLabelColor(text);
    setBackgroundBrush(p.color(QPalette::Base));
    for (QAbstractAxis* axis : {m_xAxis, m_yAxis}) {
        if (!axis)
            continue;
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setLinePenColor(text);
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid.lighter(110));
    }
    placeLegend(); // the rows legend's names take the text colour
}

QString ChartPlot::dataCsv() const {
    QString csv = QStringLiteral("series,x,y\n");
    for (const Series& s : m_series) {
        QString name = chartSeries(s)->name();
        if (name.contains(QLatin1Char(',')) || name.contains(QLatin1Char('"')))
            name = QLatin1Char('"') + name.replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
                   QLatin1Char('"');
        for (const QPointF& p : s.data)
            csv += name + QLatin1Char(',') + csvNumber(p.x()) + QLatin1Char(',') +
                   csvNumber(p.y()) + QLatin1Char('\n');
    }
    return csv;
}

} // namespace sdlab::widgets
