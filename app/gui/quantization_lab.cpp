#include "quantization_lab.h"

#include "chart_plot.h"
#include "data/signals.h"
#include "experiments/rectified_rate_run.h"
#include "experiments/vector_quantization_run.h"
#include "io/input_error.h"
#include "lab_support.h"
#include "spike_raster.h"

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

LabResultPtr computeQuantization(const widgets::ParameterValues& v, ComputeControl& control) {
    auto result = std::make_shared<QuantizationResult>();
    const long steps = integer(v, "steps");
    const auto seed = static_cast<std::uint64_t>(integer(v, "seed"));
    result->v = makeUniformVector(static_cast<std::size_t>(integer(v, "dimension")), seed);
    double magnitude = 0.0;
    for (const double value : result->v)
        magnitude += std::abs(value);
    if (magnitude * static_cast<double>(steps) > 2e7)
        throw InputError("|v|₁ × steps ≈ " +
                         std::to_string(std::lround(magnitude * static_cast<double>(steps))) +
                         " spikes; keep it under 2·10⁷ (fewer steps or a smaller dimension)");
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
        result->bound.append(QPointF(t, d / (2.0 * t))); // DSN eq. 9
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
    result->relu =
        runRectifiedRate(-1.0, 1.5, 51, integer(v, "reluSteps"), real(v, "reluNoise"), seed);
    return result;
}

} // namespace

QuantizationLab::QuantizationLab(QWidget* parent)
    : LabPage(parent), m_convergence(new widgets::ChartPlot), m_raster(new widgets::SpikeRaster),
      m_relu(new widgets::ChartPlot) {
    m_convergence->setTitle(tr("L1 error of the running mean |v − (1/T)Σ spikes|₁ (DSN Fig. 1)"));
    m_convergence->setAxisTitles(tr("steps T"), tr("L1 error"));
    m_convergence->setLogarithmic(true, true);
    m_convergence->addSeries(tr("herding (Alg. 1)"));
    m_convergence->addSeries(tr("stochastic (Alg. 5)"));
    m_convergence->addSeries(tr("bound d/(2T)"), widgets::ChartPlot::Style::Dashed,
                             QColor(0x00, 0x72, 0xB2));
    m_convergence->addSeries(tr("c/√T (fitted)"), widgets::ChartPlot::Style::Dashed,
                             QColor(0xD5, 0x5E, 0x00));
    m_raster->setAxisTitles(tr("time step t"), QString());
    m_relu->setTitle(
        tr("Rectified stream quantization (Alg. 7): spike rate → ReLU of the mean input"));
    m_relu->setAxisTitles(tr("mean input u"), tr("spikes per step"));
    m_relu->addSeries(tr("spike rate"), widgets::ChartPlot::Style::Points);
    m_relu->addSeries(tr("max(0, u)"), widgets::ChartPlot::Style::Dashed, QColor(0x55, 0x55, 0x55));
    auto* bottom = new QSplitter(Qt::Horizontal);
    bottom->addWidget(m_raster);
    bottom->addWidget(m_relu);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_convergence);
    splitter->addWidget(bottom);
    splitter->setSizes({420, 300});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

widgets::ParameterSpecs QuantizationLab::parameterSpecs() const {
    using Kind = widgets::ParameterSpec::Kind;
    const QString vq = tr("Vector quantization"), relu = tr("Spiking ReLU");
    return {
        {.key = QStringLiteral("dimension"),
         .label = tr("Dimension d of v"),
         .kind = Kind::Integer,
         .minimum = 1,
         .maximum = 1000,
         .defaultValue = 10,
         .toolTip = tr("v ~ U(−1, 1)^d from the seed"),
         .group = vq},
        {.key = QStringLiteral("steps"),
         .label = tr("Steps T"),
         .kind = Kind::Integer,
         .minimum = 10,
         .maximum = 2'000'000,
         .defaultValue = 10'000,
         .unit = tr("steps"),
         .toolTip = tr("Herding's error falls as 1/T (at most d/(2T), DSN eq. 9), stochastic "
                       "sampling's as 1/√T"),
         .group = vq},
        seedParameter(vq),
        {.key = QStringLiteral("reluSteps"),
         .label = tr("Steps per input"),
         .kind = Kind::Integer,
         .minimum = 1,
         .maximum = 100'000,
         .defaultValue = 200,
         .unit = tr("steps"),
         .toolTip = tr("The rate is spikes / steps; it is within ½/steps of ReLU without noise"),
         .group = relu},
        {.key = QStringLiteral("reluNoise"),
         .label = tr("Input noise σ"),
         .minimum = 0.0,
         .maximum = 3.0,
         .defaultValue = 0.3,
         .decimals = 2,
         .toolTip = tr("Gaussian noise added to the input each step; the rate still tends to "
                       "ReLU of the mean for inputs far from 0"),
         .group = relu},
    };
}

ComputeFunction QuantizationLab::computeFunction() const {
    return computeQuantization;
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
    setSummary(
        tr("At T = %1: herding error %2, stochastic error %3 (ratio %4) · %5")
            .arg(r.herding.back().x())
            .arg(formatNumber(r.herding.back().y(), 3))
            .arg(formatNumber(r.stochastic.back().y(), 3))
            .arg(formatNumber(r.stochastic.back().y() / std::max(1e-300, r.herding.back().y()), 3))
            .arg(formatDuration(r.computeMilliseconds)));
}

std::vector<std::pair<QString, widgets::ExportablePlot*>> QuantizationLab::plots() {
    return {{QStringLiteral("convergence"), m_convergence},
            {QStringLiteral("raster"), m_raster},
            {QStringLiteral("relu"), m_relu}};
}

} // namespace sdlab::gui
