#include "gui/kernels_lab.h"

#include "experiments/kernel_trajectories_run.h"
#include "experiments/kernels_experiment.h"
#include "gui/lab_support.h"
#include "io/csv_table.h"
#include "kernels/stdp_kernels.h"
#include "kernels/stdp_windows.h"
#include "widgets/chart_plot.h"
#include "widgets/spike_raster.h"

#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QSplitter>
#include <QVBoxLayout>

namespace sdlab::gui {

namespace {

struct KernelsResult : LabResult {
    std::vector<DiscreteSeries> kernels;
    StdpWindows windows; // ICLR'18 Fig. 4
    std::vector<double> pre, post;
    KernelTrajectoriesRun run;
    std::optional<KernelSignals> signals; // with --trains signals
    KernelSignalRates rates;
};

double deltaKernel(long t, double) {
    return kappaDelta(t);
}

LabResultPtr computeKernels(const ParameterValues& v, ComputeControl&) {
    auto result = std::make_shared<KernelsResult>();
    const double alpha = v.real("alpha");
    const auto span = static_cast<long>(v.integer("span"));
    for (double (*kernel)(long, double) : {&kappaPred, &kappaSymStdp, &deltaKernel, &kappaDynStdp})
        result->kernels.push_back(sampleKernel(kernel, alpha, span));
    result->windows = stdpWindowsFor(alpha, span);
    KernelTrains trains = kernelTrainsFrom(v); // as `sdlab-cli kernels` draws them
    result->pre = std::move(trains.pre);
    result->post = std::move(trains.post);
    result->run = runKernelTrajectories(result->pre, result->post, alpha);
    if (trains.signals) {
        result->rates = kernelSignalRates(*trains.signals, result->run);
        result->signals = std::move(trains.signals);
    }
    return result;
}

} // namespace

KernelsLab::KernelsLab(const Experiment& experiment, QWidget* parent)
    : LabPage(experiment, parent), m_trains(new widgets::SpikeRaster),
      m_trajectories(new widgets::ChartPlot), m_signalRow(new QWidget) {
    const QStringList titles{
        tr("κ_pred(t) = α^t, t ≥ 0 (decoder)"), tr("κ_SymSTDP = κ_pred * κ_−pred"),
        tr("κ_Δ: ½ at t = −1, −½ at t = 1"), tr("κ_DynSTDP = κ_SymSTDP * κ_−Δ")};
    auto* grid = new QWidget;
    auto* gridLayout = new QGridLayout(grid);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < 4; ++i) {
        auto* plot = new widgets::ChartPlot;
        plot->setTitle(titles[i]);
        plot->setAxisTitles(tr("t"), tr("κ(t)"));
        plot->addSeries(tr("kernel"), widgets::ChartPlot::Style::Stem,
                        i == 3 ? QColor(0xD5, 0x5E, 0x00) : QColor(0x00, 0x72, 0xB2));
        plot->setLegendShown(false);
        gridLayout->addWidget(plot, 0, i);
        m_kernels.push_back(plot);
    }
    // ICLR'18 Fig. 4: what one pre and one post spike Δt apart do to the weight.
    auto* windowRow = new QHBoxLayout;
    windowRow->setContentsMargins(0, 0, 0, 0);
    const QStringList windowTitles{tr("PD-STDP, same signs"), tr("PD-STDP, opposite signs"),
                                   tr("Classic STDP (eq. 6.3)")};
    const QStringList windowTips{
        tr("ICLR'18 Fig. 4 left: −kβ²·kα^|Δt| / (1 − kα²) per unit learning rate, kp = 1 and kα = "
           "α: a forward "
           "and an error spike of the same sign lower the weight whichever comes first"),
        tr("ICLR'18 Fig. 4 middle: +kβ²·kα^|Δt| / (1 − kα²): spikes of opposite signs raise "
           "it"),
        tr("ICLR'18 Fig. 4 right, thesis Fig. 6.1: a₊·e^(−Δt/τ) after the pre spike, −a₋·e^(Δt/τ) "
           "before it (Bi & Poo), with "
           "τ = −1/ln α and the PD window's peak as a₊ = a₋")};
    for (int i = 0; i < 3; ++i) {
        auto* plot = new widgets::ChartPlot;
        plot->setTitle(windowTitles[i]);
        plot->setToolTip(windowTips[i]);
        plot->setAxisTitles(tr("Δt = t_post − t_pre"), tr("Δw"));
        plot->setMinimumWidth(120);
        plot->addSeries(tr("window"), widgets::ChartPlot::Style::Stem,
                        i == 2 ? QColor(0x00, 0x9E, 0x73) : QColor(0xCC, 0x79, 0xA7));
        plot->setLegendShown(false);
        windowRow->addWidget(plot);
        m_windows.push_back(plot);
    }
    gridLayout->addLayout(windowRow, 1, 0, 1, 4);
    m_trains->setChannelGroups({{0, tr("pre h_i")}, {1, tr("post h_j")}});
    m_trains->setMinimumHeight(90);
    m_trajectories->setTitle(
        tr("Weight w_ij over time (Fig. 6.5): approximate dynamics and STDP end at one value"));
    m_trajectories->setAxisTitles(tr("time step t"), tr("Σ Δw"));
    m_trajectories->addSeries(tr("dynamics h_i^R·Δh_j^R"));
    m_trajectories->addSeries(tr("approximate h_i^R·(h_j^R * κ_Δ)"));
    m_trajectories->addSeries(tr("STDP h_j^Q·(h_i^Q * κ_DynSTDP)"));
    m_trajectories->addSeries(tr("unquantized h_i·(h_j * κ_Δ), eq. 6.2"),
                              widgets::ChartPlot::Style::Dashed);
    // Fig. 6.5 rows 1-3, for two signals coded by eq. 6.5.
    auto* signalLayout = new QHBoxLayout(m_signalRow);
    signalLayout->setContentsMargins(0, 0, 0, 0);
    const QStringList signalTitles{tr("Pre h_i: signal, bits, reconstruction"),
                                   tr("Post h_j: signal, bits, reconstruction"),
                                   tr("Rates of change h_j * κ_Δ, h_j^R * κ_Δ")};
    const QStringList signalTips{
        tr("Thesis Fig. 6.5 top: s·h_i, its bits h_i^Q from eq. 6.5 and the decoded h_i^R = "
           "h_i^Q * κ_pred (eq. 6.7)"),
        tr("Fig. 6.5 second row: the same for the postsynaptic signal h_j"),
        tr("Fig. 6.5 third row: ḣ_j ≈ h_j * κ_Δ and the rate the synapse sees, h_j^R * κ_Δ")};
    for (int i = 0; i < 3; ++i) {
        auto* plot = new widgets::ChartPlot;
        plot->setTitle(signalTitles[i]);
        plot->setToolTip(signalTips[i]);
        plot->setAxisTitles(tr("time step t"), i < 2 ? tr("s·h") : tr("per step"));
        if (i < 2) {
            const QString name = i == 0 ? QStringLiteral("h_i") : QStringLiteral("h_j");
            plot->addSeries(tr("bits"), widgets::ChartPlot::Style::Stem, QColor(0x99, 0x99, 0x99));
            plot->addSeries(tr("s·%1").arg(name));
            plot->addSeries(tr("%1^R").arg(name));
        } else {
            plot->addSeries(tr("h_j * κ_Δ"));
            plot->addSeries(tr("h_j^R * κ_Δ"));
        }
        signalLayout->addWidget(plot);
        m_signals.push_back(plot);
    }
    m_signalRow->hide();
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(grid);
    splitter->addWidget(m_signalRow);
    splitter->addWidget(m_trains);
    splitter->addWidget(m_trajectories);
    splitter->setSizes({330, 300, 100, 260});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

ComputeFunction KernelsLab::computeFunction() const {
    return computeKernels;
}

bool KernelsLab::openResult(const QString& directory, QString*) {
    const QDir dir(directory);
    const CsvTable kernels =
        CsvTable::read(dir.filePath(QStringLiteral("kernels.csv")).toStdString());
    const CsvTable trajectories =
        CsvTable::read(dir.filePath(QStringLiteral("trajectories.csv")).toStdString());
    requireWholeNumbers(kernels.column("t"), kernels.sourceName() + ", column 't'");
    auto result = std::make_shared<KernelsResult>();
    // windows.csv came with ICLR'18 Fig. 4; results written before have none.
    if (const QString path = dir.filePath(QStringLiteral("windows.csv"));
        QFileInfo(path).isFile()) {
        const CsvTable windows = CsvTable::read(path.toStdString());
        const auto first = static_cast<long>(windows.column("t").front());
        result->windows = {{first, windows.column("pd_same_sign")},
                           {first, windows.column("pd_opposite_sign")},
                           {first, windows.column("classic")}};
    }
    for (const char* name : {"pred", "sym_stdp", "delta", "dyn_stdp"})
        result->kernels.push_back(
            {static_cast<long>(kernels.column("t").front()), kernels.column(name)});
    result->run.preTrace = trajectories.column("pre_trace");
    result->run.postTrace = trajectories.column("post_trace");
    result->run.dynamics = trajectories.column("dynamics");
    result->run.approximate = trajectories.column("approximate");
    result->run.stdp = trajectories.column("stdp");
    // The trains are the first "steps" rows; the rest is the tails' decay.
    const JsonValue summaryJson = readResultSummary(directory); // member() points into it
    const JsonValue* steps = summaryJson.member("steps");
    const std::size_t length =
        steps && steps->number() && *steps->number() >= 0
            ? std::min(trajectories.rowCount(), static_cast<std::size_t>(*steps->number()))
            : trajectories.rowCount();
    result->pre.assign(trajectories.column("pre").begin(),
                       trajectories.column("pre").begin() + static_cast<std::ptrdiff_t>(length));
    result->post.assign(trajectories.column("post").begin(),
                        trajectories.column("post").begin() + static_cast<std::ptrdiff_t>(length));
    // signals.csv came with --trains signals: Fig. 6.5's signals; bits and
    // reconstructions are the trajectories' trains and traces.
    if (const QString path = dir.filePath(QStringLiteral("signals.csv"));
        QFileInfo(path).isFile()) {
        const CsvTable signalsCsv = CsvTable::read(path.toStdString());
        KernelSignals signals;
        const auto first = [length](const std::vector<double>& x) {
            return std::vector<double>(
                x.begin(), x.begin() + static_cast<std::ptrdiff_t>(std::min(length, x.size())));
        };
        signals.pre = first(signalsCsv.column("pre_signal"));
        signals.post = first(signalsCsv.column("post_signal"));
        signals.preCoding = {first(signalsCsv.column("pre_encoded")), result->pre,
                             first(result->run.preTrace)};
        signals.postCoding = {first(signalsCsv.column("post_encoded")), result->post,
                              first(result->run.postTrace)};
        result->rates = {signalsCsv.column("post_rate"), signalsCsv.column("post_recon_rate"),
                         signalsCsv.column("unquantized")};
        result->signals = std::move(signals);
    }
    showResult(result);
    startShowingResultFiles();
    setSummary(tr("Opened %1 (sdlab-cli kernels): %2").arg(directory, summary()));
    return true;
}

void KernelsLab::showResult(const LabResultPtr& base) {
    const auto& r = static_cast<const KernelsResult&>(*base);
    for (std::size_t k = 0; k < 4; ++k)
        m_kernels[k]->setSeriesData(0, r.kernels[k].values,
                                    static_cast<double>(r.kernels[k].first));
    const DiscreteSeries* windows[] = {&r.windows.sameSign, &r.windows.oppositeSign,
                                       &r.windows.classic};
    for (std::size_t k = 0; k < 3; ++k)
        m_windows[k]->setSeriesData(0, windows[k]->values, static_cast<double>(windows[k]->first));
    m_length = static_cast<int>(r.run.dynamics.size());
    std::vector<widgets::RasterEvent> events;
    for (std::size_t t = 0; t < r.pre.size(); ++t) {
        if (r.pre[t] != 0.0)
            events.push_back({static_cast<int>(t + 1), 0, static_cast<float>(r.pre[t])});
        if (r.post[t] != 0.0)
            events.push_back({static_cast<int>(t + 1), 1, static_cast<float>(r.post[t])});
    }
    m_trains->setEvents(std::move(events), 2, m_length);
    m_trajectories->setSeriesData(0, r.run.dynamics);
    m_trajectories->setSeriesData(1, r.run.approximate);
    m_trajectories->setSeriesData(2, r.run.stdp);
    m_trajectories->setSeriesData(3, r.signals ? std::span<const double>(r.rates.unquantized)
                                               : std::span<const double>());
    // The signal plots show the bits as stems, so they take the raster's place, and
    // ICLR'18 Fig. 4's windows make room for Fig. 6.5's rows.
    m_showingSignals = r.signals.has_value();
    m_signalRow->setVisible(m_showingSignals);
    m_trains->setVisible(!m_showingSignals);
    for (widgets::ChartPlot* plot : m_windows)
        plot->setVisible(!r.signals);
    if (r.signals) {
        const PredictiveCoding* codings[] = {&r.signals->preCoding, &r.signals->postCoding};
        const std::vector<double>* signals[] = {&r.signals->pre, &r.signals->post};
        for (std::size_t k = 0; k < 2; ++k) {
            m_signals[k]->setSeriesData(0, codings[k]->bits);
            m_signals[k]->setSeriesData(1, *signals[k]);
            m_signals[k]->setSeriesData(2, codings[k]->reconstruction);
        }
        // The rates over the signals' steps, not the tails.
        const auto head = [&r](const std::vector<double>& x) {
            return std::span(x).first(std::min(x.size(), r.pre.size()));
        };
        m_signals[2]->setSeriesData(0, head(r.rates.postRate));
        m_signals[2]->setSeriesData(1, head(r.rates.postReconRate));
    }
    const QString unquantized =
        r.signals ? tr(", unquantized %1").arg(formatNumber(r.rates.unquantized.back(), 8))
                  : QString();
    setSummary(tr("Totals: dynamics %1, approximate %2, STDP %3%6 (approximate − STDP = %4; "
                  "the trajectories run %5 steps past the trains so the tails decay)")
                   .arg(formatNumber(r.run.dynamics.back(), 8),
                        formatNumber(r.run.approximate.back(), 8),
                        formatNumber(r.run.stdp.back(), 8),
                        formatNumber(r.run.approximate.back() - r.run.stdp.back(), 2))
                   .arg(r.run.dynamics.size() - r.pre.size())
                   .arg(unquantized));
}

void KernelsLab::setPlaybackPosition(int position) {
    m_trajectories->setVisibleLimit(position);
    for (widgets::ChartPlot* plot : m_signals)
        plot->setVisibleLimit(position);
    m_trains->setVisibleLimit(std::max(position, 1));
}

std::vector<std::pair<QString, widgets::ExportablePlot*>> KernelsLab::plots() {
    std::vector<std::pair<QString, widgets::ExportablePlot*>> plots{
        {QStringLiteral("kappa-pred"), m_kernels[0]},
        {QStringLiteral("kappa-sym-stdp"), m_kernels[1]},
        {QStringLiteral("kappa-delta"), m_kernels[2]},
        {QStringLiteral("kappa-dyn-stdp"), m_kernels[3]},
        {QStringLiteral("stdp-window-same-signs"), m_windows[0]},
        {QStringLiteral("stdp-window-opposite-signs"), m_windows[1]},
        {QStringLiteral("stdp-window-classic"), m_windows[2]},
        {QStringLiteral("trains"), m_trains},
        {QStringLiteral("trajectories"), m_trajectories}};
    if (m_showingSignals) // Fig. 6.5 rows 1-3 hold data only with --trains signals
        plots.insert(plots.end() - 2, {{QStringLiteral("signal-pre"), m_signals[0]},
                                       {QStringLiteral("signal-post"), m_signals[1]},
                                       {QStringLiteral("signal-rates"), m_signals[2]}});
    return plots;
}

} // namespace sdlab::gui
