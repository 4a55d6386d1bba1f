#include "gui/update_rules_lab.h"

#include "experiments/update_rules_run.h"
#include "experiments/updates_experiment.h"
#include "gui/lab_support.h"
#include "io/csv_table.h"
#include "widgets/chart_plot.h"

#include <QDir>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace sdlab::gui {

namespace {

struct UpdateRulesResult : LabResult {
    std::vector<double> xBar, eBar;
    std::vector<double> x, e; // the coded signals (--trains signals), else empty
    UpdateRulesRun run;
};

LabResultPtr computeUpdateRules(const ParameterValues& v, ComputeControl&) {
    auto result = std::make_shared<UpdateRulesResult>();
    UpdatesInput in = updatesInputFrom(v); // as `sdlab-cli updates` reads and draws them
    result->xBar = std::move(in.xBar);
    result->eBar = std::move(in.eBar);
    result->x = std::move(in.x);
    result->e = std::move(in.e);
    result->run = runUpdateRules(result->xBar, result->eBar, in.gains);
    return result;
}

// Step i's value held over [i + 1, i + 2) (the x the other plots give step i), where
// `keep(i)` holds, and 0 elsewhere: the outline of per-step areas.
template <class Keep> QList<QPointF> stepOutline(const std::vector<double>& y, const Keep& keep) {
    QList<QPointF> points;
    points.reserve(static_cast<qsizetype>(2 * y.size()));
    for (std::size_t i = 0; i < y.size(); ++i) {
        const double value = keep(i) ? y[i] : 0.0, x = static_cast<double>(i + 1);
        points.append({x, value});
        points.append({x + 1.0, value});
    }
    return points;
}

// For each step, which inter-event interval it lies in: the past update adds the area of
// steps [e_{k−1}, e_k) at event e_k (ICLR'18 eq. 19); −1 before the first event.
std::vector<int> intervals(const std::vector<double>& xBar, const std::vector<double>& eBar) {
    std::vector<int> interval(xBar.size(), -1);
    int current = -1;
    for (std::size_t t = 0; t < xBar.size(); ++t) {
        if (xBar[t] != 0.0 || eBar[t] != 0.0)
            ++current;
        interval[t] = current;
    }
    return interval;
}

QList<QPointF> stems(const std::vector<double>& train) {
    QList<QPointF> points;
    for (std::size_t t = 0; t < train.size(); ++t)
        if (train[t] != 0.0)
            points.append(QPointF(static_cast<double>(t + 1), train[t]));
    return points;
}

} // namespace

UpdateRulesLab::UpdateRulesLab(const Experiment& experiment, QWidget* parent)
    : LabPage(experiment, parent), m_trains(new widgets::ChartPlot),
      m_traces(new widgets::ChartPlot), m_updates(new widgets::ChartPlot),
      m_product(new widgets::ChartPlot) {
    m_trains->setTitle(tr("Spike trains: presynaptic x̄ and postsynaptic error ē"));
    m_trains->setAxisTitles(QString(), tr("spike")); // the x axis is the one below
    m_trains->addSeries(tr("x̄ (pre)"), widgets::ChartPlot::Style::Stem);
    m_trains->addSeries(tr("ē (post)"), widgets::ChartPlot::Style::Stem);
    m_traces->setTitle(tr("Reconstructions xᴿ_t = kα·xᴿ_{t−1} + kβ·x̄_t and eᴿ"));
    m_traces->setAxisTitles(QString(), tr("value"));
    m_traces->addSeries(tr("xᴿ (pre)"));
    m_traces->addSeries(tr("eᴿ (post)"));
    m_traces->addSeries(tr("x (signal)"), widgets::ChartPlot::Style::Dotted,
                        widgets::ChartPlot::seriesColor(0));
    m_traces->addSeries(tr("e (signal)"), widgets::ChartPlot::Style::Dotted,
                        widgets::ChartPlot::seriesColor(1));
    m_product->setTitle(tr("Gradient per step: x̂·ê and the areas the past update adds "
                           "(ICLR'18 Fig. 3)"));
    m_product->setToolTip(
        tr("Each shaded patch is the area under x̂·ê from one event (a spike in x̄ or ē) to "
           "the next: what the past update adds to w at the second event (eq. 19). The "
           "future update adds, at each event, the whole decaying area that event will cause "
           "(eq. 20); its running sum is in the plot below. With coded signals the true "
           "gradient x·e is drawn too"));
    m_product->setAxisTitles(QString(), tr("x·e"));
    m_product->addSeries(tr("past areas (event to event)"), widgets::ChartPlot::Style::Area,
                         QColor(0xCC, 0x79, 0xA7));
    m_product->addSeries(tr("past areas, next"), widgets::ChartPlot::Style::Area,
                         QColor(0x88, 0x99, 0xAA));
    m_product->setSeriesInLegend(1, false);
    m_product->addSeries(tr("x̂·ê (reconstruction)"), widgets::ChartPlot::Style::Line,
                         QColor(0x33, 0x33, 0x33));
    m_product->addSeries(tr("x·e (true, signals)"), widgets::ChartPlot::Style::Dashed,
                         QColor(0x00, 0x9E, 0x73));
    m_updates->setTitle(tr("Cumulative weight change Σ Δw: four forms, one total"));
    m_updates->setAxisTitles(tr("time step t"), tr("Σ Δw"));
    m_updates->addSeries(tr("recon xᴿ·eᴿ"));
    m_updates->addSeries(tr("past (event-driven)"));
    m_updates->addSeries(tr("future (event-driven)"));
    m_updates->addSeries(tr("STDP (eq. 13, offline)"));
    m_updates->addSeries(tr("total (recon + tail)"), widgets::ChartPlot::Style::Dashed,
                         QColor(0x55, 0x55, 0x55));
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_trains);
    splitter->addWidget(m_traces);
    splitter->addWidget(m_product);
    splitter->addWidget(m_updates);
    splitter->setSizes({170, 190, 200, 260});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

QString UpdateRulesLab::parameterNote(const widgets::ParameterValues&) const {
    return tr("Past and future touch a synapse only at spikes; recon updates every step. "
              "The factors kβ in the future rule and kβ² in the STDP kernel differ from the "
              "printed eq. 20 and eq. 13: these are the forms whose totals agree (see Help).");
}

ComputeFunction UpdateRulesLab::computeFunction() const {
    return computeUpdateRules;
}

bool UpdateRulesLab::openResult(const QString& directory, QString* error) {
    const CsvTable table =
        CsvTable::read(QDir(directory).filePath(QStringLiteral("updates.csv")).toStdString());
    const JsonValue summary = readResultSummary(directory);
    auto result = std::make_shared<UpdateRulesResult>();
    UpdateRulesRun& run = result->run;
    run.xHat = table.column("xhat");
    run.eHat = table.column("ehat");
    run.recon = table.column("recon");
    run.past = table.column("past");
    run.future = table.column("future");
    run.stdp = table.column("stdp");
    for (auto [key, total] :
         {std::pair{"recon_total", &run.reconTotal}, std::pair{"past_total", &run.pastTotal},
          std::pair{"future_total", &run.futureTotal}, std::pair{"stdp_total", &run.stdpTotal}}) {
        const JsonValue* value = summary.member(key);
        if (!value || !value->number()) {
            if (error)
                *error = tr("%1: summary.json has no %2").arg(directory, QLatin1String(key));
            return false;
        }
        *total = *value->number();
    }
    result->xBar.assign(table.rowCount(), 0.0); // the trains are not in the files
    result->eBar.assign(table.rowCount(), 0.0);
    showResult(result);
    startShowingResultFiles();
    setSummary(tr("Opened %1 (sdlab-cli updates; the spike trains are not in its files): %2")
                   .arg(directory, this->summary()));
    return true;
}

void UpdateRulesLab::showResult(const LabResultPtr& base) {
    const auto& r = static_cast<const UpdateRulesResult&>(*base);
    m_length = static_cast<int>(r.xBar.size());
    m_trains->setSeriesData(0, stems(r.xBar));
    m_trains->setSeriesData(1, stems(r.eBar));
    m_traces->setSeriesData(0, r.run.xHat);
    m_traces->setSeriesData(1, r.run.eHat);
    m_traces->setSeriesData(2, r.x);
    m_traces->setSeriesData(3, r.e);
    std::vector<double> product(r.run.xHat.size()), truth;
    for (std::size_t t = 0; t < product.size(); ++t)
        product[t] = r.run.xHat[t] * r.run.eHat[t];
    for (std::size_t t = 0; t < r.x.size(); ++t)
        truth.push_back(r.x[t] * r.e[t]);
    const std::vector<int> interval = intervals(r.xBar, r.eBar);
    m_product->setSeriesData(0, stepOutline(product, [&](std::size_t t) {
                                 return interval[t] >= 0 && interval[t] % 2 == 0;
                             }));
    m_product->setSeriesData(
        1, stepOutline(product, [&](std::size_t t) { return interval[t] % 2 == 1; }));
    m_product->setSeriesData(2, stepOutline(product, [](std::size_t) { return true; }));
    m_product->setSeriesData(3, truth);
    for (auto [plot, index] : {std::pair{m_traces, 2}, std::pair{m_traces, 3},
                               std::pair{m_product, 3}}) // the signals' series, when there are
        plot->setSeriesInLegend(index, !r.x.empty());
    m_updates->setSeriesData(0, r.run.recon);
    m_updates->setSeriesData(1, r.run.past);
    m_updates->setSeriesData(2, r.run.future);
    m_updates->setSeriesData(3, r.run.stdp);
    m_updates->setSeriesData(
        4, QList<QPointF>{{1.0, r.run.reconTotal},
                          {static_cast<double>(std::max(m_length, 2)), r.run.reconTotal}});
    const double totals[] = {r.run.reconTotal, r.run.pastTotal, r.run.futureTotal, r.run.stdpTotal};
    const auto [low, high] = std::minmax_element(std::begin(totals), std::end(totals));
    const double scale = std::max(std::abs(*high), std::abs(*low));
    setSummary(tr("Totals: recon %1, past %2, future %3, STDP %4 · largest relative difference %5")
                   .arg(formatNumber(r.run.reconTotal, 8), formatNumber(r.run.pastTotal, 8),
                        formatNumber(r.run.futureTotal, 8), formatNumber(r.run.stdpTotal, 8))
                   .arg(formatNumber(scale > 0.0 ? (*high - *low) / scale : 0.0, 2)) +
               (truth.empty()
                    ? QString()
                    : tr(" · true Σ x·e over the steps %1")
                          .arg(formatNumber(std::accumulate(truth.begin(), truth.end(), 0.0), 8))));
}

void UpdateRulesLab::setPlaybackPosition(int position) {
    for (widgets::ChartPlot* plot : {m_trains, m_traces, m_product, m_updates})
        plot->setVisibleLimit(position);
}

std::vector<std::pair<QString, widgets::ExportablePlot*>> UpdateRulesLab::plots() {
    return {{QStringLiteral("trains"), m_trains},
            {QStringLiteral("reconstructions"), m_traces},
            {QStringLiteral("gradient"), m_product},
            {QStringLiteral("updates"), m_updates}};
}

} // namespace sdlab::gui
