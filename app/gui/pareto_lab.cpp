#include "gui/pareto_lab.h"

#include "experiments/pareto_experiment.h"
#include "gui/lab_support.h"
#include "io/csv_table.h"
#include "widgets/chart_plot.h"

#include <QChart>
#include <QDir>
#include <QLegend>
#include <QSplitter>
#include <QVBoxLayout>
#include <map>

namespace sdlab::gui {

namespace {

struct ParetoResult : LabResult {
    RandomNetworkScalesResult run;
};

LabResultPtr computePareto(const ParameterValues& v, ComputeControl& control) {
    auto result = std::make_shared<ParetoResult>();
    result->run = runRandomNetworkScales(
        paretoSettingsFrom(v), [&control](std::size_t done, std::size_t total) {
            return control.report(static_cast<long>(done), static_cast<long>(total));
        });
    if (result->run.cancelled)
        return nullptr;
    return result;
}

const QColor kRandomGrey(0x99, 0x99, 0x99);

// Each scale k_l at x = l, for the scales chart.
void appendScales(QList<QPointF>& points, const std::vector<double>& scales) {
    for (std::size_t l = 0; l < scales.size(); ++l)
        points.append({static_cast<double>(l), scales[l]});
}

// k0, k1, ... of one CSV row.
std::vector<double> scalesOfRow(const CsvTable& csv, std::size_t row) {
    std::vector<double> scales;
    for (int l = 0;; ++l) {
        const std::string column = QStringLiteral("k%1").arg(l).toStdString();
        if (!csv.hasColumn(column))
            return scales;
        scales.push_back(csv.column(column)[row]);
    }
}

} // namespace

ParetoLab::ParetoLab(const Experiment& experiment, QWidget* parent)
    : LabPage(experiment, parent), m_scales(new widgets::ChartPlot),
      m_front(new widgets::ChartPlot) {
    m_scales->setTitle(tr("Layer scales k_l (thesis Fig. 4.2 left)"));
    m_scales->setToolTip(tr("q_l = round(k_l·a_l) (eq. 4.5): grey, the random rescalings "
                            "(k_l log-uniform in [0.1, 100]); in colour, each λ's optimised "
                            "scales, coloured as on the right. The rescaled network needs a "
                            "fine input scale (k_0) and a coarse hidden one"));
    m_scales->setAxisTitles(tr("layer input l (0: the network's input)"), tr("scale k_l"));
    m_scales->setLogarithmic(false, true);
    m_scales->setIntegerXTicks(true);
    m_scales->setLegendShown(false); // the right chart's legend names both
    m_front->setTitle(tr("Error vs computation (thesis Fig. 4.2 right)"));
    m_front->setToolTip(
        tr("Per input, on Gaussian inputs: error ½‖f_round − f_true‖² (eq. "
           "4.7), computation Σ|q_l|·d_{l+1} additions (eq. 4.8). Grey: random "
           "rescalings; lines: each λ's optimisation from k = 1 (black dot, top) to its end "
           "(black dots). No grey dot lies below and left of an end: they are on the "
           "Pareto front"));
    m_front->setAxisTitles(tr("computation (additions per input)"), tr("error per input"));
    m_front->setLogarithmic(true, true);
    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(m_scales);
    splitter->addWidget(m_front);
    splitter->setSizes({380, 520});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

ComputeFunction ParetoLab::computeFunction() const {
    return computePareto;
}

bool ParetoLab::openResult(const QString& directory, QString* error) {
    const QDir dir(directory);
    const CsvTable paths = CsvTable::read(dir.filePath(QStringLiteral("paths.csv")).toStdString());
    const CsvTable random =
        CsvTable::read(dir.filePath(QStringLiteral("random.csv")).toStdString());
    if (!paths.hasColumn("k0") || !random.hasColumn("k0")) {
        if (error)
            *error = tr("%1: paths.csv and random.csv need a k0 column").arg(directory);
        return false;
    }
    auto result = std::make_shared<ParetoResult>();
    RandomNetworkScalesResult& r = result->run;
    const std::vector<double> lambda = paths.column("lambda"), step = paths.column("step"),
                              pathError = paths.column("error"), pathComp = paths.column("comp");
    for (std::size_t i = 0; i < lambda.size(); ++i) {
        if (i == 0 || step[i] == 0.0 || lambda[i] != lambda[i - 1]) {
            r.lambdas.push_back(lambda[i]);
            r.trajectories.emplace_back();
        }
        r.trajectories.back().push_back(
            {scalesOfRow(paths, i), {pathError[i], pathComp[i]}, static_cast<int>(step[i])});
    }
    const std::vector<double> randomError = random.column("error"),
                              randomComp = random.column("comp");
    for (std::size_t i = 0; i < randomError.size(); ++i)
        r.random.push_back({scalesOfRow(random, i), {randomError[i], randomComp[i]}});
    r.dominating = countDominating(r.random, r.trajectories);
    if (r.trajectories.empty()) {
        if (error)
            *error = tr("%1: paths.csv has no rows").arg(directory);
        return false;
    }
    showResult(result);
    startShowingResultFiles();
    setSummary(tr("Opened %1 (sdlab-cli pareto): %2").arg(directory, this->summary()));
    return true;
}

void ParetoLab::showResult(const LabResultPtr& base) {
    const RandomNetworkScalesResult& r = static_cast<const ParetoResult&>(*base).run;
    if (r.trajectories.empty())
        return;
    m_scales->removeAllSeries();
    m_front->removeAllSeries();
    QList<QPointF> randomScales, randomCosts;
    for (const ScalePoint& p : r.random) {
        appendScales(randomScales, p.scales);
        randomCosts.append({p.cost.comp, p.cost.error});
    }
    m_scales->setSeriesData(
        m_scales->addSeries(tr("random"), widgets::ChartPlot::Style::Points, kRandomGrey),
        randomScales);
    m_front->setSeriesData(
        m_front->addSeries(tr("random"), widgets::ChartPlot::Style::Points, kRandomGrey),
        randomCosts);
    QList<QPointF> starts, ends;
    QStringList endTexts;
    for (std::size_t i = 0; i < r.trajectories.size(); ++i) {
        const std::vector<ScalePoint>& path = r.trajectories[i];
        const QColor color = widgets::ChartPlot::seriesColor(static_cast<int>(i));
        const QString name = tr("λ %1").arg(formatNumber(r.lambdas[i], 3));
        QList<QPointF> scales, costs;
        appendScales(scales, path.back().scales);
        for (const ScalePoint& p : path)
            costs.append({p.cost.comp, p.cost.error});
        m_scales->setSeriesData(m_scales->addSeries(name, widgets::ChartPlot::Style::Line, color),
                                scales);
        m_front->setSeriesData(m_front->addSeries(name, widgets::ChartPlot::Style::Line, color),
                               costs);
        starts.append(costs.front());
        ends.append(costs.back());
        endTexts << tr("λ %1: error %2 at %3 adds")
                        .arg(formatNumber(r.lambdas[i], 3), formatNumber(path.back().cost.error, 3),
                             formatNumber(path.back().cost.comp, 3));
    }
    const QColor text = palette().color(QPalette::WindowText);
    m_front->setSeriesData(m_front->addSeries(tr("k = 1"), widgets::ChartPlot::Style::Points, text),
                           starts.mid(0, 1));
    m_front->setSeriesData(m_front->addSeries(tr("ends"), widgets::ChartPlot::Style::Points, text),
                           ends);
    setSummary(tr("%1 · %2 of %3 random rescalings better in both than an optimised point "
                  "(Fig. 4.2: none)")
                   .arg(endTexts.join(QStringLiteral(" · ")))
                   .arg(r.dominating)
                   .arg(r.random.size()));
}

std::vector<std::pair<QString, widgets::ExportablePlot*>> ParetoLab::plots() {
    return {{QStringLiteral("scales"), m_scales}, {QStringLiteral("front"), m_front}};
}

} // namespace sdlab::gui
