#include "gui/signal_lab.h"

#include "coding/pd_params.h"
#include "experiment/common_parameters.h"
#include "experiments/pd_coding_run.h"
#include "experiments/signal_experiment.h"
#include "experiments/weight_drift_run.h"
#include "gui/lab_support.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "widgets/chart_plot.h"
#include "widgets/small_multiples_view.h"
#include "widgets/spike_raster.h"

#include <QDir>
#include <QFileInfo>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>
#include <cmath>
#include <optional>

namespace sdlab::gui {

namespace {

struct SignalResult : LabResult {
    std::vector<double> x;
    PdCodingRun run;
    std::vector<widgets::SmallMultiplesView::Cell> grid;
    std::optional<WeightDriftRun> drift; // none when kd = 0
};

LabResultPtr computeSignal(const ParameterValues& v, ComputeControl&) {
    auto result = std::make_shared<SignalResult>();
    result->x = signalInputFrom(v);
    const PdParams params = common::pdParams(v, "kp", "kd");
    const auto quantizer = parsePdQuantizerKind(v.text("quantizer")).value();
    const std::uint64_t seed = v.seed();
    result->run = runPdCoding(result->x, params, quantizer, seed);
    if (params.kd > 0.0) // as `sdlab-cli pd` draws it
        result->drift =
            runWeightDrift(result->x, params, v.real("weight-drift"), quantizer, seed + 1);
    for (const double kp : SignalLab::gridKp())
        for (const double kd : SignalLab::gridKd()) {
            widgets::SmallMultiplesView::Cell cell;
            const PdParams cellParams{kp, kd};
            if (!cellParams.validationError().empty()) {
                cell.valid = false;
                cell.caption = QObject::tr("kp + kd = 0: undefined");
            } else {
                PdCodingRun run = runPdCoding(result->x, cellParams, quantizer, seed);
                cell.caption = QObject::tr("%1 spikes, RMSE %2")
                                   .arg(run.spikes)
                                   .arg(formatNumber(run.rmse, 3));
                cell.series = {result->x, std::move(run.xHat)};
            }
            result->grid.push_back(std::move(cell));
        }
    return result;
}

} // namespace

const std::vector<double>& SignalLab::gridKp() {
    static const std::vector<double> values{0.0, 0.1, 1.0};
    return values;
}

const std::vector<double>& SignalLab::gridKd() {
    static const std::vector<double> values{0.0, 1.0, 10.0};
    return values;
}

SignalLab::SignalLab(const Experiment& experiment, QWidget* parent)
    : LabPage(experiment, parent), m_signal(new widgets::ChartPlot),
      m_spikes(new widgets::ChartPlot), m_raster(new widgets::SpikeRaster),
      m_grid(new widgets::SmallMultiplesView), m_weight(new widgets::ChartPlot),
      m_drift(new widgets::ChartPlot) {
    m_signal->setTitle(tr("Input x and reconstruction xᴿ = dec(Q(enc(x)))"));
    m_signal->setAxisTitles(tr("time step t"), tr("value"));
    m_signal->addSeries(tr("input x"));
    m_signal->addSeries(tr("reconstruction xᴿ"));
    m_spikes->setTitle(tr("Encoder output a = enc(x) and spikes s = Q(a)"));
    m_spikes->setAxisTitles(tr("time step t"), tr("a, s"));
    m_spikes->addSeries(tr("encoder output a"), widgets::ChartPlot::Style::Line,
                        QColor(0x99, 0x99, 0x99));
    m_spikes->addSeries(tr("spikes s"), widgets::ChartPlot::Style::Stem, QColor(0xD5, 0x5E, 0x00));
    m_raster->setChannelGroups({{0, tr("s")}});
    m_raster->setMinimumHeight(80);
    m_grid->setSeriesNames({tr("input x"), tr("reconstruction xᴿ")},
                           {QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00)});

    auto* coding = new QSplitter(Qt::Vertical);
    coding->addWidget(m_signal);
    coding->addWidget(m_spikes);
    coding->addWidget(m_raster);
    coding->setSizes({420, 300, 90});
    m_weight->setTitle(tr("Weight w_t: a random walk from 1"));
    m_weight->setAxisTitles(tr("time step t"), tr("w"));
    m_weight->addSeries(tr("w_t"), widgets::ChartPlot::Style::Line, QColor(0x99, 0x99, 0x99));
    m_weight->setLegendShown(false);
    m_drift->setTitle(tr("z = x·w and ẑ = dec(Q(enc(x))·w): kp = 0 drifts, kp > 0 holds"));
    m_drift->setAxisTitles(tr("time step t"), tr("z"));
    m_drift->addSeries(tr("true z = x·w"));
    m_drift->addSeries(tr("ẑ, kp = 0"), widgets::ChartPlot::Style::Line, QColor(0xCC, 0x79, 0xA7));
    m_drift->addSeries(tr("ẑ, this kp"), widgets::ChartPlot::Style::Line, QColor(0xD5, 0x5E, 0x00));
    m_drift->setToolTip(tr("ICLR'18 Fig. 2: each spike is weighted by the weight of its own "
                           "step, so with kp = 0 every past change keeps the weight it was sent "
                           "with; kp > 0 lets the decoder forget them"));
    auto* drift = new QSplitter(Qt::Vertical);
    drift->addWidget(m_weight);
    drift->addWidget(m_drift);
    drift->setSizes({200, 520});
    auto* tabs = new QTabWidget;
    tabs->addTab(coding, tr("Coding"));
    tabs->addTab(m_grid, tr("kp × kd grid (Fig. 1)"));
    tabs->addTab(drift, tr("Drifting weight (Fig. 2)"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs);
}

QString SignalLab::parameterNote(const widgets::ParameterValues& v) const {
    const double kp = v.value(QStringLiteral("kp")).toDouble();
    const double kd = v.value(QStringLiteral("kd")).toDouble();
    if (kp + kd <= 0.0)
        return tr(
            "<span style='color:#c0392b'>kp = kd = 0: the decoder divides by kp + kd = 0.</span>");
    QString note = tr("Special cases (spec §2): kp = 0 gives xᴿ = round(kd·x)/kd; kd = 0 is "
                      "memoryless rounding of kp·x.");
    if (!v.value(QStringLiteral("input")).toString().isEmpty())
        note += tr("<br>The CSV file sets the length; <i>Length</i> and <i>Signal</i> are unused.");
    return note;
}

ComputeFunction SignalLab::computeFunction() const {
    return computeSignal;
}

void SignalLab::showResult(const LabResultPtr& base) {
    const auto& r = static_cast<const SignalResult&>(*base);
    m_length = static_cast<int>(r.x.size());
    m_signal->setSeriesData(0, r.x);
    m_signal->setSeriesData(1, r.run.xHat);
    m_spikes->setSeriesData(0, r.run.a);
    QList<QPointF> stems;
    std::vector<widgets::RasterEvent> events;
    for (std::size_t t = 0; t < r.run.s.size(); ++t)
        if (r.run.s[t] != 0.0) {
            stems.append(QPointF(static_cast<double>(t + 1), r.run.s[t]));
            events.push_back({static_cast<int>(t + 1), 0, static_cast<float>(r.run.s[t])});
        }
    m_spikes->setSeriesData(1, std::move(stems));
    m_raster->setEvents(std::move(events), 1, m_length);
    QStringList rows, columns;
    for (const double kp : gridKp())
        rows.append(QStringLiteral("kp = %1").arg(kp));
    for (const double kd : gridKd())
        columns.append(QStringLiteral("kd = %1").arg(kd));
    m_grid->setGrid(static_cast<int>(gridKp().size()), static_cast<int>(gridKd().size()), r.grid,
                    rows, columns);
    const std::vector<double> none;
    m_weight->setSeriesData(0, r.drift ? r.drift->w : none);
    m_drift->setSeriesData(0, r.drift ? r.drift->product : none);
    m_drift->setSeriesData(1, r.drift ? r.drift->withoutKp : none);
    m_drift->setSeriesData(2, r.drift ? r.drift->withKp : none);
    m_drift->setTitle(r.drift ? tr("z = x·w and ẑ = dec(Q(enc(x))·w): RMSE %1 with kp = 0, %2 "
                                   "with this kp")
                                    .arg(formatNumber(r.drift->rmseWithoutKp, 3),
                                         formatNumber(r.drift->rmseWithKp, 3))
                              : tr("Drifting weight: needs kd > 0 (kp = 0 sends nothing then)"));
    setSummary(tr("%1 spikes (%2 per step) · RMSE %3 · computed in %4")
                   .arg(r.run.spikes)
                   .arg(formatNumber(r.run.spikes / std::max<double>(1.0, m_length), 3))
                   .arg(formatNumber(r.run.rmse))
                   .arg(formatDuration(r.computeMilliseconds)));
}

bool SignalLab::openResult(const QString& directory, QString*) {
    const CsvTable table =
        CsvTable::read(QDir(directory).filePath(QStringLiteral("pd.csv")).toStdString());
    auto result = std::make_shared<SignalResult>();
    result->x = table.column("x");
    result->run.a = table.column("a");
    result->run.s = table.column("s");
    result->run.xHat = table.column("xhat");
    double squared = 0.0;
    for (std::size_t t = 0; t < result->x.size(); ++t) {
        result->run.spikes += std::abs(result->run.s[t]);
        squared += (result->run.xHat[t] - result->x[t]) * (result->run.xHat[t] - result->x[t]);
    }
    result->run.rmse = std::sqrt(squared / static_cast<double>(result->x.size()));
    for (std::size_t k = 0; k < gridKp().size() * gridKd().size(); ++k)
        result->grid.push_back({{}, tr("not in the result"), false});
    // drift.csv came with ICLR'18 Fig. 2 (and only with kd > 0).
    if (const QString path = QDir(directory).filePath(QStringLiteral("drift.csv"));
        QFileInfo(path).isFile()) {
        const CsvTable drift = CsvTable::read(path.toStdString());
        result->drift = WeightDriftRun{drift.column("w"), drift.column("xw"), drift.column("z_kp0"),
                                       drift.column("z")};
        const JsonValue summary = readResultSummary(directory);
        result->drift->rmseWithoutKp = summaryNumber(summary, "drift_rmse_kp0", 0.0);
        result->drift->rmseWithKp = summaryNumber(summary, "drift_rmse", 0.0);
    }
    showResult(result);
    startShowingResultFiles();
    setSummary(tr("Opened %1 (sdlab-cli pd, %2): %3")
                   .arg(directory, summaryText(readResultSummary(directory), "source"), summary()));
    return true;
}

void SignalLab::setPlaybackPosition(int position) {
    m_signal->setVisibleLimit(position);
    m_spikes->setVisibleLimit(position);
    m_raster->setVisibleLimit(std::max(position, 1));
    m_weight->setVisibleLimit(position);
    m_drift->setVisibleLimit(position);
}

std::vector<std::pair<QString, widgets::ExportablePlot*>> SignalLab::plots() {
    return {{QStringLiteral("signal"), m_signal},
            {QStringLiteral("spikes"), m_spikes},
            {QStringLiteral("raster"), m_raster},
            {QStringLiteral("grid"), m_grid},
            {QStringLiteral("drifting-weight"), m_weight},
            {QStringLiteral("drifting-weight-product"), m_drift}};
}

} // namespace sdlab::gui
