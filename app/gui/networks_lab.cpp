#include "gui/networks_lab.h"

#include "experiments/networks_experiment.h"
#include "gui/lab_support.h"
#include "io/csv_table.h"
#include "widgets/chart_plot.h"

#include <QDir>
#include <QSplitter>
#include <QVBoxLayout>

namespace sdlab::gui {

namespace {

struct NetworksResult : LabResult {
    FourNetworksRun run;
};

LabResultPtr computeNetworks(const ParameterValues& v, ComputeControl&) {
    auto result = std::make_shared<NetworksResult>();
    result->run = runFourNetworksFrom(v); // as `sdlab-cli networks` runs it
    return result;
}

const QColor kOriginal(0x00, 0x72, 0xB2), kRounding(0xD5, 0x5E, 0x00);

} // namespace

NetworksLab::NetworksLab(const Experiment& experiment, QWidget* parent)
    : LabPage(experiment, parent), m_outputs(new widgets::ChartPlot),
      m_costs(new widgets::ChartPlot) {
    m_outputs->setTitle(tr("Output unit 0 (thesis Fig. 4.1): A = B exactly, C = D exactly"));
    m_outputs->setToolTip(
        tr("A original, B temporal difference (Σ_T∘W∘Δ_T = W, eq. 4.1), C rounding "
           "round(k·a)/k (eq. 4.5), D sigma-delta (eq. 4.6, the same function as C, eq. 4.2)"));
    m_outputs->setAxisTitles(tr("time step t"), tr("z_L,0"));
    m_outputs->addSeries(tr("A original"), widgets::ChartPlot::Style::Line, kOriginal);
    m_outputs->addSeries(tr("B temporal difference"), widgets::ChartPlot::Style::Dashed,
                         QColor(0x56, 0xB4, 0xE9));
    m_outputs->addSeries(tr("C rounding"), widgets::ChartPlot::Style::Line, kRounding);
    m_outputs->addSeries(tr("D sigma-delta"), widgets::ChartPlot::Style::Dashed,
                         QColor(0xE6, 0x9F, 0x00));
    m_costs->setTitle(tr("Operations per step (thesis App. B.2)"));
    m_costs->setToolTip(tr("A: Σ d_l·d_{l+1} multiply-adds; B: only the nonzero differences; C: "
                           "Σ(|q_l|₁ + 1)·d_{l+1} additions; D: Σ|Δq_l|₁·d_{l+1} additions"));
    m_costs->setAxisTitles(tr("time step t"), tr("operations"));
    m_costs->setLogarithmic(false, true);
    m_costs->addSeries(tr("A multiply-adds"), widgets::ChartPlot::Style::Line, kOriginal);
    m_costs->addSeries(tr("B multiply-adds"), widgets::ChartPlot::Style::Dashed,
                       QColor(0x56, 0xB4, 0xE9));
    m_costs->addSeries(tr("C additions"), widgets::ChartPlot::Style::Line, kRounding);
    m_costs->addSeries(tr("D additions"), widgets::ChartPlot::Style::Line,
                       QColor(0xE6, 0x9F, 0x00));
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_outputs);
    splitter->addWidget(m_costs);
    splitter->setSizes({400, 360});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

ComputeFunction NetworksLab::computeFunction() const {
    return computeNetworks;
}

bool NetworksLab::openResult(const QString& directory, QString*) {
    const CsvTable csv =
        CsvTable::read(QDir(directory).filePath(QStringLiteral("networks.csv")).toStdString());
    auto result = std::make_shared<NetworksResult>();
    FourNetworksRun& r = result->run;
    r.original = csv.column("original");
    r.temporalDifference = csv.column("temporal_difference");
    r.rounding = csv.column("rounding");
    r.sigmaDelta = csv.column("sigma_delta");
    r.originalOps = csv.column("original_mults");
    r.temporalDifferenceOps = csv.column("temporal_difference_mults");
    r.roundingOps = csv.column("rounding_adds");
    r.sigmaDeltaOps = csv.column("sigma_delta_adds");
    // Output unit 0 only: the gaps over unit 0.
    for (std::size_t t = 0; t < r.original.size(); ++t) {
        r.maxTemporalDifferenceGap =
            std::max(r.maxTemporalDifferenceGap, std::abs(r.temporalDifference[t] - r.original[t]));
        r.maxSigmaDeltaGap =
            std::max(r.maxSigmaDeltaGap, std::abs(r.sigmaDelta[t] - r.rounding[t]));
    }
    const JsonValue summary = readResultSummary(directory);
    if (const JsonValue* rms = summary.member("rms_rounding_error"); rms && rms->number())
        r.rmsRoundingError = *rms->number();
    showResult(result);
    startShowingResultFiles();
    setSummary(tr("Opened %1 (sdlab-cli networks): %2").arg(directory, this->summary()));
    return true;
}

void NetworksLab::showResult(const LabResultPtr& base) {
    const FourNetworksRun& r = static_cast<const NetworksResult&>(*base).run;
    m_length = static_cast<int>(r.original.size());
    m_outputs->setSeriesData(0, r.original);
    m_outputs->setSeriesData(1, r.temporalDifference);
    m_outputs->setSeriesData(2, r.rounding);
    m_outputs->setSeriesData(3, r.sigmaDelta);
    m_costs->setSeriesData(0, r.originalOps);
    m_costs->setSeriesData(1, r.temporalDifferenceOps);
    m_costs->setSeriesData(2, r.roundingOps);
    m_costs->setSeriesData(3, r.sigmaDeltaOps);
    const double dense = std::max(1.0, meanPerStep(r.originalOps));
    setSummary(tr("Per step: A %1 multiply-adds, B %2, C %3 additions, D %4 (A / D = %5) · |B − A| "
                  "≤ %6, |D − C| ≤ %7, rounding error (rms C − A) %8")
                   .arg(formatNumber(meanPerStep(r.originalOps), 4),
                        formatNumber(meanPerStep(r.temporalDifferenceOps), 4),
                        formatNumber(meanPerStep(r.roundingOps), 4),
                        formatNumber(meanPerStep(r.sigmaDeltaOps), 4),
                        formatNumber(dense / std::max(1.0, meanPerStep(r.sigmaDeltaOps)), 3),
                        formatNumber(r.maxTemporalDifferenceGap, 2),
                        formatNumber(r.maxSigmaDeltaGap, 2), formatNumber(r.rmsRoundingError, 3)));
}

void NetworksLab::setPlaybackPosition(int position) {
    m_outputs->setVisibleLimit(position);
    m_costs->setVisibleLimit(position);
}

std::vector<std::pair<QString, widgets::ExportablePlot*>> NetworksLab::plots() {
    return {{QStringLiteral("outputs"), m_outputs}, {QStringLiteral("operations"), m_costs}};
}

} // namespace sdlab::gui
