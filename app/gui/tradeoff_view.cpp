#include "gui/tradeoff_view.h"

#include "widgets/chart_plot.h"

#include <QChart>
#include <QEvent>
#include <QLegend>
#include <QMouseEvent>
#include <QSplitter>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace sdlab::gui {

namespace {

// Result sets on the chart at once; the oldest leaves for a new one.
constexpr std::size_t kMaxCurves = 12;

QString operationsText(double ops) {
    if (ops >= 1e6)
        return QStringLiteral("%1M").arg(ops / 1e6, 0, 'f', 2);
    if (ops >= 1e3)
        return QStringLiteral("%1k").arg(ops / 1e3, 0, 'f', 1);
    return QString::number(ops, 'f', 0);
}

} // namespace

TradeoffView::TradeoffView(QWidget* parent)
    : QWidget(parent), m_plot(new widgets::ChartPlot), m_scalesPlot(new widgets::ChartPlot) {
    m_plot->setLogarithmic(true, false);
    m_plot->setAxisTitles(tr("operations per prediction"), tr("test error (%)"));
    m_plot->setTitle(tr("Error against inference compute"));
    m_plot->setToolTip(
        tr("What one prediction costs (additions plus multiplications per test sample) and "
           "how often it is wrong (thesis Fig. 4.4, DSN Fig. 3): "
           "each finished run is a point; Optimise Scales and Guess Early add curves (or open "
           "a scales or early result). Hover over a point to name it, click a rounding or "
           "Σ-Δ point to see its scales; drag to zoom."));
    m_plot->viewport()->setMouseTracking(true);
    m_plot->viewport()->installEventFilter(this);
    m_scalesPlot->setLogarithmic(false, true);
    m_scalesPlot->setIntegerXTicks(true);
    // Short titles and no legend: the chart is a strip under the trade-off.
    m_scalesPlot->setAxisTitles(tr("layer input l"), tr("k_l"));
    m_scalesPlot->setLegendShown(false);
    m_scalesPlot->setMinimumHeight(200);
    m_scalesPlot->setToolTip(tr("q_l = round(k_l·a_l) (thesis eq. 4.5): the scales the clicked "
                                "point's network was run with, one per layer input or one per "
                                "unit (--per-unit), spread across its layer"));
    m_scalesPlot->hide();
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(m_plot);
    split->addWidget(m_scalesPlot);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
}

void TradeoffView::setRuns(const std::vector<TrainingCurves>& runs) {
    m_runs.clear();
    for (const TrainingCurves& run : runs) {
        // The last full test's prediction cost (App. B.2), when the run reached one.
        for (auto row = run.rows.rbegin(); row != run.rows.rend(); ++row) {
            const double ops = row->inference.adds + row->inference.mults;
            if (!row->fullTest || ops <= 0.0)
                continue;
            TradeoffCurve point{run.name.toStdString(),
                                {{ops, 1.0 - row->testAccuracy, tr("finished run").toStdString()}},
                                true};
            m_runs.push_back({run.name, QString(), std::move(point),
                              widgets::ChartPlot::seriesColor(run.colorIndex)});
            break;
        }
    }
    redraw();
}

void TradeoffView::addCurves(const QString& source, std::vector<TradeoffCurve> curves) {
    for (TradeoffCurve& curve : curves) {
        const QString name = QString::fromStdString(curve.name);
        // The palette in turn, but its light colours (yellow) that vanish on white.
        QColor color = widgets::ChartPlot::seriesColor(m_colorsUsed++);
        while (color.lightness() > 170)
            color = widgets::ChartPlot::seriesColor(m_colorsUsed++);
        m_curves.push_back({name, source, std::move(curve), color});
    }
    while (m_curves.size() > kMaxCurves)
        m_curves.erase(m_curves.begin());
    redraw();
}

void TradeoffView::clearCurves() {
    m_curves.clear();
    m_colorsUsed = 0;
    m_scalesPlot->hide();
    redraw();
}

bool TradeoffView::oneSource() const {
    return std::all_of(m_curves.begin(), m_curves.end(),
                       [&](const Shown& s) { return s.source == m_curves.front().source; });
}

QString TradeoffView::nameOf(const Shown& shown) const {
    // The source only when results of more than one are on the chart (short legends).
    return oneSource() || shown.source.isEmpty()
               ? shown.name
               : shown.name + QStringLiteral(" · ") + shown.source;
}

void TradeoffView::redraw() {
    m_plot->removeAllSeries();
    if (m_curves.empty() && m_runs.empty()) // say how the empty chart fills
        m_plot->setTitle(tr("No curves yet: λ Sweep or Guess Early"));
    else
        m_plot->setTitle(
            oneSource() && !m_curves.empty()
                ? tr("Error against inference compute · %1").arg(m_curves.front().source)
                : tr("Error against inference compute"));
    for (const std::vector<Shown>* list : {&m_curves, &m_runs})
        for (const Shown& shown : *list) {
            QList<QPointF> line, marks;
            for (const TradeoffPoint& p : shown.curve.points) {
                const QPointF point(p.operations, 100.0 * p.testError);
                marks.append(point);
                if (p.onCurve && !shown.curve.reference)
                    line.append(point);
            }
            const QString name = nameOf(shown);
            if (!line.isEmpty()) {
                const int id =
                    m_plot->addSeries(name, widgets::ChartPlot::Style::Line, shown.color);
                m_plot->setSeriesData(id, line);
            }
            const int id = m_plot->addSeries(name, widgets::ChartPlot::Style::Points, shown.color);
            m_plot->setSeriesData(id, marks);
            m_plot->setSeriesInLegend(id, line.isEmpty());
        }
}

QPoint TradeoffView::pixelOf(const TradeoffPoint& point) const {
    QChart* chart = m_plot->chart();
    if (chart->series().isEmpty())
        return {};
    return m_plot->mapFromScene(chart->mapToScene(chart->mapToPosition(
        QPointF(point.operations, 100.0 * point.testError), chart->series().front())));
}

TradeoffView::Hit TradeoffView::nearestAt(const QPoint& position) const {
    double best = 12.0 * 12.0;
    Hit hit;
    for (const std::vector<Shown>* list : {&m_curves, &m_runs})
        for (const Shown& shown : *list)
            for (const TradeoffPoint& p : shown.curve.points) {
                if (p.operations <= 0.0)
                    continue;
                const QPoint at = pixelOf(p);
                const double dx = at.x() - position.x(), dy = at.y() - position.y();
                if (dx * dx + dy * dy < best) {
                    best = dx * dx + dy * dy;
                    hit = {&shown, &p};
                }
            }
    return hit;
}

QString TradeoffView::readoutAt(const QPoint& position) const {
    const Hit hit = nearestAt(position);
    if (!hit.point)
        return {};
    const QString label = QString::fromStdString(hit.point->label);
    return tr("%1%2\n%3 % test error at %4 operations per prediction%5")
        .arg(hit.shown->name, label.isEmpty() ? QString() : QStringLiteral(", ") + label)
        .arg(100.0 * hit.point->testError, 0, 'f', 2)
        .arg(operationsText(hit.point->operations),
             hit.point->scales.empty() ? QString() : tr("\nclick to see its scales"));
}

bool TradeoffView::showScalesAt(const QPoint& position) {
    const Hit hit = nearestAt(position);
    if (!hit.point || hit.point->scales.empty())
        return false;
    showScales(*hit.shown, *hit.point);
    return true;
}

void TradeoffView::showScales(const Shown& shown, const TradeoffPoint& point) {
    m_scalesPlot->removeAllSeries();
    const bool perUnit = std::any_of(point.scales.begin(), point.scales.end(),
                                     [](const std::vector<double>& k) { return k.size() > 1; });
    m_scalesPlot->setTitle(
        (perUnit ? tr("Scales of %1, %2 (dots: units, line: median)") : tr("Scales of %1, %2"))
            .arg(shown.name, QString::fromStdString(point.label)));
    QList<QPointF> units, layers;
    for (std::size_t l = 0; l < point.scales.size(); ++l) {
        std::vector<double> k = point.scales[l];
        const double n = static_cast<double>(k.size());
        for (std::size_t u = 0; u < k.size(); ++u) // a layer's units spread over ±0.3
            units.append({static_cast<double>(l) +
                              (n > 1 ? 0.6 * (static_cast<double>(u) / (n - 1) - 0.5) : 0.0),
                          k[u]});
        std::nth_element(k.begin(), k.begin() + static_cast<std::ptrdiff_t>(k.size() / 2), k.end());
        layers.append({static_cast<double>(l), k[k.size() / 2]});
    }
    if (perUnit) { // in increasing x already: layer by layer, each spread over ±0.3
        m_scalesPlot->setSeriesData(m_scalesPlot->addSeries(tr("a unit's k"),
                                                            widgets::ChartPlot::Style::Points,
                                                            shown.color.lighter(150)),
                                    units);
    }
    m_scalesPlot->setSeriesData(
        m_scalesPlot->addSeries(perUnit ? tr("median over units") : tr("k_l"),
                                widgets::ChartPlot::Style::Line, shown.color),
        layers);
    m_scalesPlot->setSeriesData(
        m_scalesPlot->addSeries(QString(), widgets::ChartPlot::Style::Points, shown.color), layers);
    m_scalesPlot->resetZoom();
    m_scalesPlot->show();
}

bool TradeoffView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_plot->viewport() && (event->type() == QEvent::MouseButtonPress ||
                                          event->type() == QEvent::MouseButtonRelease)) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        const QPoint position = mouse->position().toPoint();
        if (mouse->button() == Qt::LeftButton && event->type() == QEvent::MouseButtonPress)
            m_pressedAt = position;
        else if (mouse->button() == Qt::LeftButton &&
                 (position - m_pressedAt).manhattanLength() < 4)
            showScalesAt(position);
    }
    if (watched == m_plot->viewport() && event->type() == QEvent::MouseMove) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        const QPoint position = mouse->position().toPoint();
        const QString text = readoutAt(position);
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(mouse->globalPosition().toPoint(), text, m_plot->viewport());
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace sdlab::gui
