#include "gui/alignment_lab.h"

#include "experiments/alignment_experiment.h"
#include "gui/lab_support.h"
#include "io/csv_table.h"
#include "widgets/chart_plot.h"

#include <QDir>
#include <QPalette>
#include <QSplitter>
#include <QVBoxLayout>

namespace sdlab::gui {

namespace {

struct AlignmentResult : LabResult {
    GradientAlignmentResult run;
};

LabResultPtr computeAlignment(const ParameterValues& v, ComputeControl& control) {
    auto result = std::make_shared<AlignmentResult>();
    result->run = runGradientAlignment(
        alignmentSettingsFrom(v), [&control](std::size_t done, std::size_t total) {
            return control.report(static_cast<long>(done), static_cast<long>(total));
        });
    if (result->run.cancelled)
        return nullptr;
    return result;
}

QList<QPointF> points(const std::vector<double>& x, const std::vector<double>& y) {
    QList<QPointF> list;
    list.reserve(static_cast<qsizetype>(x.size()));
    for (std::size_t i = 0; i < x.size() && i < y.size(); ++i)
        list.append({x[i], y[i]});
    return list;
}

// The trailing mean over the last `window` values: a row's cosine moves with each
// one-sample step, the trend is what Fig. 7.2 right shows; trailing, so playback never
// shows a value computed from rows still to come.
std::vector<double> trailingMean(const std::vector<double>& y, std::size_t window) {
    std::vector<double> mean(y.size());
    double sum = 0.0;
    for (std::size_t i = 0; i < y.size(); ++i) {
        sum += y[i];
        if (i >= window)
            sum -= y[i - window];
        mean[i] = sum / static_cast<double>(std::min(i + 1, window));
    }
    return mean;
}

constexpr std::size_t kSmoothingRows = 10;

} // namespace

AlignmentLab::AlignmentLab(const Experiment& experiment, QWidget* parent)
    : LabPage(experiment, parent), m_loss(new widgets::ChartPlot),
      m_alignment(new widgets::ChartPlot) {
    m_loss->setTitle(tr("Global loss Σ_l ‖s_l − s*_l‖² (thesis Fig. 7.2 left)"));
    m_loss->setToolTip(tr("Both students start from the same weights with the same η; the "
                          "mean over 64 fixed inputs of the loss summed over every layer"));
    m_loss->setAxisTitles(tr("training samples"), tr("global loss"));
    m_loss->setLogarithmic(false, true);
    m_loss->addSeries(tr("trained on local losses (no backprop)"), widgets::ChartPlot::Style::Line,
                      QColor(0x00, 0x72, 0xB2));
    m_loss->addSeries(tr("trained on the global loss (backprop)"),
                      widgets::ChartPlot::Style::Dashed, QColor(0xD5, 0x5E, 0x00));
    m_alignment->setTitle(tr("Local vs distant gradient of the locally trained net (Fig. 7.2 "
                             "right, eq. 7.4), mean of the last %1 rows")
                              .arg(kSmoothingRows));
    m_alignment->setToolTip(
        tr("S(∂L_l/∂φ_l, Σ_{j>l} ∂L_j/∂φ_l): the cosine between what a layer follows and what "
           "backprop would add; above 0, the local step also lowers the layers above. Each "
           "row's value (alignment.csv) moves with every one-sample step, so the curves are "
           "trailing means over %1 rows")
            .arg(kSmoothingRows));
    m_alignment->setAxisTitles(tr("training samples"), tr("cosine similarity"));
    m_alignment->setYRange(-1.0, 1.0);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_loss);
    splitter->addWidget(m_alignment);
    splitter->setSizes({380, 380});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

ComputeFunction AlignmentLab::computeFunction() const {
    return computeAlignment;
}

bool AlignmentLab::openResult(const QString& directory, QString* error) {
    const CsvTable csv =
        CsvTable::read(QDir(directory).filePath(QStringLiteral("alignment.csv")).toStdString());
    auto result = std::make_shared<AlignmentResult>();
    const std::vector<double> step = csv.column("step"), local = csv.column("global_loss_local"),
                              global = csv.column("global_loss_global");
    std::vector<std::vector<double>> layers;
    for (int l = 1; csv.hasColumn("alignment_" + std::to_string(l)); ++l)
        layers.push_back(csv.column("alignment_" + std::to_string(l)));
    if (layers.empty()) {
        if (error)
            *error = tr("%1 has no alignment_1 column").arg(directory);
        return false;
    }
    for (std::size_t r = 0; r < step.size(); ++r) {
        GradientAlignmentRow row{static_cast<int>(step[r]), local[r], global[r], {}};
        for (const auto& layer : layers)
            row.alignment.push_back(layer[r]);
        result->run.rows.push_back(std::move(row));
    }
    showResult(result);
    startShowingResultFiles();
    setSummary(tr("Opened %1 (sdlab-cli alignment): %2").arg(directory, this->summary()));
    return true;
}

void AlignmentLab::showResult(const LabResultPtr& base) {
    const GradientAlignmentResult& r = static_cast<const AlignmentResult&>(*base).run;
    if (r.rows.empty())
        return;
    m_steps.clear();
    std::vector<double> local, global;
    const std::size_t layers = r.rows.front().alignment.size();
    std::vector<std::vector<double>> cosines(layers);
    for (const GradientAlignmentRow& row : r.rows) {
        m_steps.push_back(row.step);
        local.push_back(row.localTrainedLoss);
        global.push_back(row.globalTrainedLoss);
        for (std::size_t l = 0; l < layers && l < row.alignment.size(); ++l)
            cosines[l].push_back(row.alignment[l]);
    }
    m_loss->setSeriesData(0, points(m_steps, local));
    m_loss->setSeriesData(1, points(m_steps, global));
    if (m_alignment->seriesCount() != static_cast<int>(layers) + 1) {
        m_alignment->removeAllSeries();
        for (std::size_t l = 0; l < layers; ++l)
            m_alignment->addSeries(tr("layer %1").arg(l + 1), widgets::ChartPlot::Style::Dotted);
        m_alignment->addSeries(tr("mean of the layers"), widgets::ChartPlot::Style::Line,
                               palette().color(QPalette::WindowText));
    }
    std::vector<double> layerMean(m_steps.size(), 0.0);
    for (std::size_t l = 0; l < layers; ++l) {
        for (std::size_t i = 0; i < layerMean.size(); ++i)
            layerMean[i] += cosines[l][i] / static_cast<double>(layers);
        m_alignment->setSeriesData(static_cast<int>(l),
                                   points(m_steps, trailingMean(cosines[l], kSmoothingRows)));
    }
    m_alignment->setSeriesData(static_cast<int>(layers),
                               points(m_steps, trailingMean(layerMean, kSmoothingRows)));
    setSummary(tr("After %1 samples: global loss %2 → %3 with local losses, %4 with the global "
                  "loss · mean alignment %5 (first tenth) → %6 (last tenth)")
                   .arg(r.rows.back().step)
                   .arg(formatNumber(r.rows.front().localTrainedLoss, 3),
                        formatNumber(r.rows.back().localTrainedLoss, 3),
                        formatNumber(r.rows.back().globalTrainedLoss, 3),
                        formatNumber(meanAlignmentOfTenth(r, false), 2),
                        formatNumber(meanAlignmentOfTenth(r, true), 2)));
}

void AlignmentLab::setPlaybackPosition(int position) {
    const double limit = position <= 0 || m_steps.empty()
                             ? 0.0
                             : m_steps[static_cast<std::size_t>(
                                   std::min<int>(position, static_cast<int>(m_steps.size())) - 1)];
    m_loss->setVisibleLimit(limit);
    m_alignment->setVisibleLimit(limit);
}

std::vector<std::pair<QString, widgets::ExportablePlot*>> AlignmentLab::plots() {
    return {{QStringLiteral("loss"), m_loss}, {QStringLiteral("alignment"), m_alignment}};
}

} // namespace sdlab::gui
