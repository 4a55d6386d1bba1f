#include "gui/tradeoff_view.h"

#include "widgets/chart_plot.h"

#include <QChart>
#include <QEvent>
#include <QMouseEvent>
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

TradeoffView::TradeoffView(QWidget* parent) : QWidget(parent), m_plot(new widgets::ChartPlot) {
    m_plot->setLogarithmic(true, false);
    m_plot->setAxisTitles(tr("operations per test prediction (adds + mults)"),
                          tr("test error (%)"));
    m_plot->setTitle(tr("Error against inference compute"));
    m_plot->setToolTip(
        tr("What one prediction costs and how often it is wrong (thesis Fig. 4.4, DSN Fig. 3): "
           "each finished run is a point; Optimise Scales and Guess Early add curves (or open "
           "a scales or early result). Hover over a point to name it; drag to zoom."));
    m_plot->viewport()->setMouseTracking(true);
    m_plot->viewport()->installEventFilter(this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
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
    m_plot->setTitle(oneSource() && !m_curves.empty()
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

QString TradeoffView::readoutAt(const QPoint& position) const {
    QChart* chart = m_plot->chart();
    if (chart->series().isEmpty())
        return {};
    QAbstractSeries* axes = chart->series().front();
    double best = 12.0 * 12.0;
    QString text;
    for (const std::vector<Shown>* list : {&m_curves, &m_runs})
        for (const Shown& shown : *list)
            for (const TradeoffPoint& p : shown.curve.points) {
                if (p.operations <= 0.0)
                    continue;
                const QPointF at = m_plot->mapFromScene(chart->mapToScene(
                    chart->mapToPosition(QPointF(p.operations, 100.0 * p.testError), axes)));
                const double dx = at.x() - position.x(), dy = at.y() - position.y();
                if (dx * dx + dy * dy >= best)
                    continue;
                best = dx * dx + dy * dy;
                const QString label = QString::fromStdString(p.label);
                text =
                    tr("%1%2\n%3 % test error at %4 operations per prediction")
                        .arg(shown.name, label.isEmpty() ? QString() : QStringLiteral(", ") + label)
                        .arg(100.0 * p.testError, 0, 'f', 2)
                        .arg(operationsText(p.operations));
            }
    return text;
}

bool TradeoffView::eventFilter(QObject* watched, QEvent* event) {
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
