#include "gui/quantization_lab.h"

#include "experiments/quantization_experiment.h"
#include "experiments/vector_quantization_run.h"
#include "gui/lab_support.h"
#include "io/csv_table.h"
#include "widgets/chart_plot.h"
#include "widgets/spike_raster.h"

#include <QDir>
#include <QFileInfo>
#include <QSplitter>
#include <QVBoxLayout>
#include <cmath>

namespace sdlab::gui {

namespace {

constexpr long kRasterSteps = 300; // the rasters show the first steps; the pattern is clear

struct QuantizationResult : LabResult {
    std::vector<double> v;
    QList<QPointF> herding, stochastic, bound, sqrtGuide;
    std::vector<widgets::RasterEvent> events;
    long rasterSteps = 0;
    RectifiedRateRun relu;
    MlpConvergenceRun mlp;
};

// T = 1, 2, …, about 60 points per decade: enough for a smooth log-log line.
std::vector<long> logSpacedSteps(long steps) {
    std::vector<long> out;
    for (double t = 1.0; t <= static_cast<double>(steps); t *= 1.04) {
        const auto step = static_cast<long>(std::lround(t));
        if (out.empty() || step != out.back())
            out.push_back(step);
    }
    if (out.back() != steps)
        out.push_back(steps);
    return out;
}

LabResultPtr computeQuantization(const ParameterValues& v, ComputeControl& control) {
    auto result = std::make_shared<QuantizationResult>();
    const auto steps = static_cast<long>(v.integer("steps"));
    const std::uint64_t seed = v.seed();
    result->v = quantizationVectorFrom(v); // as `sdlab-cli quantize` reads or draws it
    const VectorQuantizationRun herding =
        runVectorQuantization(result->v, steps, VectorQuantizationMethod::Herding, seed);
    if (control.cancelled())
        return nullptr;
    const VectorQuantizationRun stochastic =
        runVectorQuantization(result->v, steps, VectorQuantizationMethod::Stochastic, seed);
    if (control.cancelled())
        return nullptr;
    const double d = static_cast<double>(result->v.size());
    double fit = 0.0;
    long fitted = 0;
    for (const long T : logSpacedSteps(steps)) {
        const double t = static_cast<double>(T);
        const double eh = herding.l1Error[static_cast<std::size_t>(T - 1)];
        const double es = stochastic.l1Error[static_cast<std::size_t>(T - 1)];
        result->herding.append(QPointF(t, eh));
        result->stochastic.append(QPointF(t, es));
        result->bound.append(QPointF(t, herdingErrorBound(d, t)));
        if (T >= 10) {
            fit += es * std::sqrt(t);
            ++fitted;
        }
    }
    const double c = fitted > 0 ? fit / static_cast<double>(fitted) : 1.0;
    for (const QPointF& p : std::as_const(result->stochastic))
        result->sqrtGuide.append(QPointF(p.x(), c / std::sqrt(p.x())));
    result->rasterSteps = std::min(steps, kRasterSteps);
    const auto dimension = static_cast<int>(result->v.size());
    for (const auto* run : {&herding, &stochastic}) {
        const int offset = run == &herding ? 0 : dimension;
        for (std::size_t k = 0; k < run->spikes.size() && run->spikeStep[k] <= result->rasterSteps;
             ++k)
            result->events.push_back({static_cast<int>(run->spikeStep[k]),
                                      offset + run->spikes[k].index,
                                      static_cast<float>(run->spikes[k].sign)});
    }
    std::stable_sort(result->events.begin(), result->events.end(),
                     [](const widgets::RasterEvent& a, const widgets::RasterEvent& b) {
                         return a.step < b.step;
                     });
    result->relu = spikingReluFrom(v);
    result->mlp = mlpConvergenceFrom(v, [&control](std::size_t done, std::size_t total) {
        return control.report(static_cast<long>(done), static_cast<long>(total));
    });
    if (result->mlp.steps.empty())
        return nullptr; // cancelled
    return result;
}

} // namespace

QuantizationLab::QuantizationLab(const Experiment& experiment, QWidget* parent)
    : LabPage(experiment, parent), m_convergence(new widgets::ChartPlot),
      m_raster(new widgets::SpikeRaster), m_relu(new widgets::ChartPlot),
      m_mlp(new widgets::ChartPlot) {
    m_convergence->setTitle(tr("Error of the mean |v − (1/T)Σ spikes|₁ (DSN Fig. 1)"));
    m_convergence->setToolTip(tr("Herding (Alg. 1) against stochastic sampling (Alg. 5): the L1 "
                                 "error of the running mean of the spikes, with herding's bound "
                                 "d/(2T) and a c/√T line fitted to sampling"));
    m_convergence->setAxisTitles(tr("steps T"), tr("L1 error"));
    m_convergence->setLogarithmic(true, true);
    m_convergence->addSeries(tr("herding"));
    m_convergence->addSeries(tr("stochastic"));
    m_convergence->addSeries(tr("d/(2T)"), widgets::ChartPlot::Style::Dashed,
                             QColor(0x00, 0x72, 0xB2));
    m_convergence->addSeries(tr("c/√T fit"), widgets::ChartPlot::Style::Dashed,
                             QColor(0xD5, 0x5E, 0x00));
    m_raster->setAxisTitles(tr("time step t"), QString());
    m_relu->setTitle(tr("Spiking ReLU (Alg. 7): rate → max(0, u)"));
    m_relu->setToolTip(tr("Rectified stream quantization (Alg. 7): the spike rate of one unit "
                          "fed a noisy input of mean u tends to the ReLU of the mean input"));
    m_relu->setAxisTitles(tr("mean input u"), tr("spikes per step"));
    m_relu->addSeries(tr("spike rate"), widgets::ChartPlot::Style::Points);
    m_relu->addSeries(tr("max(0, u)"), widgets::ChartPlot::Style::Dashed, QColor(0x55, 0x55, 0x55));
    m_mlp->setTitle(tr("Spiking MLP → ReLU MLP (DSN Fig. 4)"));
    m_mlp->setToolTip(tr("Each layer's spike count per unit over T (the output's ū_T) against "
                         "the ReLU network's activation with the same weights, "
                         "Σ|N/T − a| / Σ|a|: every layer converges as T grows (DSN App. A: "
                         "N/T → max(0, μ))"));
    m_mlp->setAxisTitles(tr("steps T"), tr("relative L1 error"));
    m_mlp->setLogarithmic(true, true);
    auto* top = new QSplitter(Qt::Horizontal);
    top->addWidget(m_convergence);
    top->addWidget(m_mlp);
    auto* bottom = new QSplitter(Qt::Horizontal);
    bottom->addWidget(m_raster);
    bottom->addWidget(m_relu);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    top->setSizes({500, 500}); // equal halves: a narrow chart elides its legend away
    bottom->setSizes({500, 500});
    splitter->setSizes({420, 300});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

ComputeFunction QuantizationLab::computeFunction() const {
    return computeQuantization;
}

bool QuantizationLab::openResult(const QString& directory, QString*) {
    const QDir dir(directory);
    const CsvTable convergence =
        CsvTable::read(dir.filePath(QStringLiteral("convergence.csv")).toStdString());
    const CsvTable spikes =
        CsvTable::read(dir.filePath(QStringLiteral("spikes.csv")).toStdString());
    const JsonValue summary = readResultSummary(directory);
    const bool herding =
        summaryText(summary, "method", QStringLiteral("herding")) == QStringLiteral("herding");
    const JsonValue* dimension = summary.member("dimension");
    const auto& index = spikes.column("index");
    requireWholeNumbers(index, spikes.sourceName() + ", column 'index'");
    double d = dimension && dimension->number() ? *dimension->number() : 0.0;
    for (const double i : index)
        d = std::max(d, i + 1.0);
    auto result = std::make_shared<QuantizationResult>();
    result->v.assign(static_cast<std::size_t>(d), 0.0); // only its size is drawn
    const auto& error = convergence.column("l1_error");
    const auto steps = static_cast<long>(error.size());
    for (const long T : logSpacedSteps(steps)) {
        const double t = static_cast<double>(T);
        (herding ? result->herding : result->stochastic)
            .append(QPointF(t, error[static_cast<std::size_t>(T - 1)]));
        result->bound.append(QPointF(t, herdingErrorBound(d, t)));
    }
    result->rasterSteps = std::min(steps, kRasterSteps);
    const auto& step = spikes.column("t");
    const auto& sign = spikes.column("sign");
    const int offset = herding ? 0 : static_cast<int>(d);
    const auto shownSteps = static_cast<double>(result->rasterSteps);
    for (std::size_t k = 0; k < spikes.rowCount() && step[k] <= shownSteps; ++k)
        result->events.push_back({static_cast<int>(step[k]), offset + static_cast<int>(index[k]),
                                  static_cast<float>(sign[k])});
    if (QFileInfo(dir.filePath(QStringLiteral("relu.csv"))).isFile()) {
        const CsvTable relu =
            CsvTable::read(dir.filePath(QStringLiteral("relu.csv")).toStdString());
        result->relu.input = relu.column("u");
        result->relu.rate = relu.column("rate");
        result->relu.relu = relu.column("relu");
    }
    if (QFileInfo(dir.filePath(QStringLiteral("mlp.csv"))).isFile())
        result->mlp = readMlpConvergenceFile(dir.filePath(QStringLiteral("mlp.csv")).toStdString());
    showResult(result);
    startShowingResultFiles();
    setSummary(
        tr("Opened %1 (sdlab-cli quantize, one method): %2").arg(directory, this->summary()));
    return true;
}

void QuantizationLab::showResult(const LabResultPtr& base) {
    const auto& r = static_cast<const QuantizationResult&>(*base);
    m_convergence->setSeriesData(0, r.herding);
    m_convergence->setSeriesData(1, r.stochastic);
    m_convergence->setSeriesData(2, r.bound);
    m_convergence->setSeriesData(3, r.sqrtGuide);
    const auto d = static_cast<int>(r.v.size());
    m_raster->setEvents(r.events, 2 * d, static_cast<int>(r.rasterSteps));
    m_raster->setChannelGroups({{0, tr("herding")}, {d, tr("stochastic")}});
    m_relu->setSeriesData(0, r.relu.rate, -1.0, 2.5 / 50.0);
    m_relu->setSeriesData(1, r.relu.relu, -1.0, 2.5 / 50.0);
    showMlp(r.mlp);
    if (r.herding.isEmpty() || r.stochastic.isEmpty()) { // an opened result has one method
        const bool herding = !r.herding.isEmpty();
        const QList<QPointF>& curve = herding ? r.herding : r.stochastic;
        setSummary(tr("At T = %1: %2 error %3 (d/(2T) = %4)")
                       .arg(curve.isEmpty() ? 0.0 : curve.back().x())
                       .arg(herding ? tr("herding") : tr("stochastic"))
                       .arg(formatNumber(curve.isEmpty() ? 0.0 : curve.back().y(), 3))
                       .arg(formatNumber(r.bound.isEmpty() ? 0.0 : r.bound.back().y(), 3)));
        return;
    }
    const QString mlp =
        r.mlp.steps.empty()
            ? QString()
            : tr(" · spiking MLP at T = %1: output %2 from the ReLU net's (relative L1)")
                  .arg(r.mlp.steps.back())
                  .arg(formatNumber(r.mlp.relativeError.back().back(), 3));
    setSummary(
        tr("At T = %1: herding error %2, stochastic error %3 (ratio %4)%5 · %6")
            .arg(r.herding.back().x())
            .arg(formatNumber(r.herding.back().y(), 3))
            .arg(formatNumber(r.stochastic.back().y(), 3))
            .arg(formatNumber(r.stochastic.back().y() / std::max(1e-300, r.herding.back().y()), 3))
            .arg(mlp, formatDuration(r.computeMilliseconds)));
}

// One line per layer, and 1/T for the input's herding bound's slope.
void QuantizationLab::showMlp(const MlpConvergenceRun& run) {
    m_mlp->removeAllSeries();
    const std::size_t layers = run.relativeError.size();
    for (std::size_t l = 0; l < layers; ++l) {
        QList<QPointF> points;
        for (std::size_t k = 0; k < run.steps.size(); ++k)
            if (run.relativeError[l][k] > 0.0) // log axis; NaN (a silent layer) left out
                points.append({static_cast<double>(run.steps[k]), run.relativeError[l][k]});
        const QString name = l == 0            ? tr("input")
                             : l + 1 == layers ? tr("output")
                                               : tr("hidden %1").arg(l);
        m_mlp->setSeriesData(m_mlp->addSeries(name), points);
    }
    if (run.steps.empty())
        return;
    QList<QPointF> guide;
    for (const int t : run.steps)
        guide.append({static_cast<double>(t), 1.0 / t});
    m_mlp->setSeriesData(
        m_mlp->addSeries(tr("1/T"), widgets::ChartPlot::Style::Dashed, QColor(0x55, 0x55, 0x55)),
        guide);
}

std::vector<std::pair<QString, widgets::ExportablePlot*>> QuantizationLab::plots() {
    return {{QStringLiteral("convergence"), m_convergence},
            {QStringLiteral("raster"), m_raster},
            {QStringLiteral("relu"), m_relu},
            {QStringLiteral("mlp"), m_mlp}};
}

} // namespace sdlab::gui
