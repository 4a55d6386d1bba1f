#include "gui/equilibrium_lab.h"

#include "equilibrium/neuron_trace_file.h"
#include "equilibrium/settle_run.h"
#include "experiments/equilibrium_experiment.h"
#include "gui/lab_support.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "widgets/chart_plot.h"
#include "widgets/heatmap_view.h"
#include "widgets/spike_raster.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>
#include <cmath>
#include <map>

namespace sdlab::gui {

namespace {

constexpr int kShownHidden = 100; // hidden units in the raster and the heatmap
// The continuous network reaches machine precision; a floor keeps the log axis on the
// decades that matter.
constexpr double kDistanceFloor = 1e-6;

struct EquilibriumResult : LabResult {
    QList<QPointF> distance, referenceDistance, energy;
    std::vector<QList<QPointF>> outputs;
    std::vector<widgets::RasterEvent> events;
    std::vector<double> heat; // continuous states, (shown units) × (steps + 1)
    int shownHidden = 0, outputCount = 0, steps = 0, perturbAt = 0;
    bool spiking = false;
    std::uint64_t spikes = 0;
    double finalDistance = 0.0, distanceBefore = 0.0;
    SettleEnsembleResult ensemble; // empty unless "ensemble" > 0
    NeuronTrace neuron;            // Fig. 8.1 (the spiking model with a hidden layer)
    int ensembleNetworks = 0;
};

// The first hidden layer (when there is one) and the output layer are drawn; the run is
// `sdlab-cli settle`'s, from the same checked settings.
LabResultPtr computeEquilibrium(const ParameterValues& v, ComputeControl& control) {
    const SettleRunSettings s = settleSettingsFrom(v);
    auto result = std::make_shared<EquilibriumResult>();
    result->spiking = s.model == SettleModel::Spiking;
    result->steps = s.steps;
    result->perturbAt = s.perturbAt.value_or(0);
    const bool hasHidden = s.sizes.size() > 2;
    result->shownHidden = hasHidden ? std::min(kShownHidden, s.sizes[1]) : 0;
    result->outputCount = s.sizes.back();
    result->outputs.resize(static_cast<std::size_t>(s.sizes.back()));
    const int shown = result->shownHidden + result->outputCount;
    const auto columns = static_cast<std::size_t>(s.steps) + 1;
    result->heat.assign(static_cast<std::size_t>(shown) * columns, 0.0);
    auto observe = [&](const SettleFrame& f) {
        const int t = f.row.t;
        result->distance.append(QPointF(t, std::max(kDistanceFloor, f.row.distanceToFixedPoint)));
        result->referenceDistance.append(QPointF(
            t, std::max(kDistanceFloor, meanAbsoluteDistance(f.continuousState, f.fixedPoint))));
        result->energy.append(QPointF(t, f.row.energy));
        for (int k = 0; k < result->outputCount; ++k)
            result->outputs[static_cast<std::size_t>(k)].append(QPointF(t, f.state.back()[k]));
        for (int unit = 0; unit < shown; ++unit) {
            const double value = unit < result->shownHidden
                                     ? f.continuousState.front()[unit]
                                     : f.continuousState.back()[unit - result->shownHidden];
            result->heat[static_cast<std::size_t>(unit) * columns + static_cast<std::size_t>(t)] =
                value;
        }
        if (f.spikes && t > 0) {
            if (hasHidden)
                for (int unit : (*f.spikes)[1])
                    if (unit < result->shownHidden)
                        result->events.push_back({t, unit, 1.0F});
            for (int unit : f.spikes->back())
                result->events.push_back({t, result->shownHidden + unit, 1.0F});
        }
    };
    const SettleRunResult run =
        runSettle(s, observe, [&control](std::size_t done, std::size_t total) {
            return control.report(static_cast<long>(done), static_cast<long>(total));
        });
    if (run.cancelled)
        return nullptr;
    result->neuron = traceOneNeuron(s); // a second settling, ~ as long as the first
    result->ensembleNetworks = static_cast<int>(v.integer("ensemble"));
    if (result->ensembleNetworks > 0) {
        result->ensemble = runSettleEnsemble(
            s, result->ensembleNetworks, [&control](std::size_t done, std::size_t total) {
                return control.report(static_cast<long>(done), static_cast<long>(total));
            });
        if (result->ensemble.cancelled)
            return nullptr;
    }
    result->spikes = run.spikes;
    result->finalDistance = run.rows.back().distanceToFixedPoint;
    result->distanceBefore =
        run.rows[static_cast<std::size_t>(s.perturbAt ? *s.perturbAt - 1 : s.steps)]
            .distanceToFixedPoint;
    return result;
}

// A legend's name for a scheme of figure82Schemes() (ensemble.csv keeps the ids).
QString schemeLabel(const std::string& id) {
    static const std::map<std::string, QString> labels{
        {"continuous", QStringLiteral("cont.")},
        {"stochastic/schedule", QStringLiteral("stoch.")},
        {"sigma-delta/schedule", QStringLiteral("Σ-Δ sched.")},
        {"sigma-delta/osa", QStringLiteral("Σ-Δ OSA")},
        {"predictive/schedule", QStringLiteral("pred. sched.")},
        {"predictive/osa", QStringLiteral("pred. OSA")}};
    const auto it = labels.find(id);
    return it != labels.end() ? it->second : QString::fromStdString(id);
}

} // namespace

EquilibriumLab::EquilibriumLab(const Experiment& experiment, QWidget* parent)
    : LabPage(experiment, parent), m_distance(new widgets::ChartPlot),
      m_energy(new widgets::ChartPlot), m_schemes(new widgets::ChartPlot),
      m_distanceTabs(new QTabWidget), m_outputs(new widgets::ChartPlot),
      m_raster(new widgets::SpikeRaster), m_states(new widgets::HeatmapView),
      m_perturb(new QAction(tr("Perturb Here"), this)) {
    m_distance->setTitle(tr("Distance to the fixed point, mean |s − s_fixed| (thesis Fig. 8.2)"));
    m_distance->setAxisTitles(tr("step t"), tr("mean |s − s_fixed|"));
    m_distance->setLogarithmic(false, true);
    m_distance->setYRange(kDistanceFloor, 1.0);
    m_distance->addSeries(tr("this model"));
    m_distance->addSeries(tr("continuous network (ε steps)"), widgets::ChartPlot::Style::Dashed,
                          QColor(0x55, 0x55, 0x55));
    m_energy->setTitle(tr("Energy E(s) (thesis eq. 2.9; + β·C once clamped)"));
    m_energy->setAxisTitles(tr("step t"), tr("E"));
    m_energy->addSeries(tr("energy"));
    m_schemes->setTitle(tr("Fig. 8.2 over the networks: mean, ± 1 s.d. dotted"));
    m_schemes->setToolTip(
        tr("10^(mean ± s.d.) of log10 mean |s − s_fixed| over the random networks (seeds S, "
           "S + 1, ...), each scheme on the same networks and perturbation: cont. the continuous "
           "network; stoch. Bernoulli bits, ε = 1/√t; Σ-Δ binary sigma-delta bits; pred. "
           "predictive coding (λ); sched. ε = 1/t^0.75, OSA adaptive steps. Set \"Compare "
           "schemes over\" to a number of networks"));
    m_schemes->setAxisTitles(tr("step t"), tr("mean |s − s_fixed|"));
    m_schemes->setLogarithmic(false, true);
    m_schemes->setYRange(kDistanceFloor, 1.0);
    m_outputs->setTitle(tr("Output units s_O (free phase, then after the perturbation)"));
    m_outputs->setAxisTitles(tr("step t"), tr("state s"));
    m_raster->setAxisTitles(tr("step t"), QString());
    m_states->setTitle(tr("Continuous network's states (same units as the raster)"));
    m_states->setAxisTitles(tr("step t"), tr("unit"));
    m_states->setValueTitle(tr("s"));
    m_states->setColorRange(0.0, 1.0);

    m_perturb->setShortcut(QKeySequence(Qt::Key_P));
    m_perturb->setToolTip(tr("Kick every state by Gaussian noise at the playback position and "
                             "watch the network settle again (P)"));
    connect(m_perturb, &QAction::triggered, this, &EquilibriumLab::perturbHere);

    m_distanceTabs->addTab(m_distance, tr("This run"));
    m_distanceTabs->addTab(m_schemes, tr("Schemes (Fig. 8.2)"));
    auto* top = new QSplitter(Qt::Horizontal);
    top->addWidget(m_distanceTabs);
    top->addWidget(m_energy);
    top->setSizes({660, 340});
    auto* bottom = new QSplitter(Qt::Horizontal);
    bottom->addWidget(m_raster);
    bottom->addWidget(m_states);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(top);
    splitter->addWidget(m_outputs);
    splitter->addWidget(bottom);
    splitter->setSizes({320, 220, 300});
    const QStringList titles{
        tr("One output unit's three strongest inputs; dots: their spikes (thesis Fig. 8.1)"),
        tr("Its weighted input v = dec(Σ w q) (eqs 8.9, 8.13)"),
        tr("Its step size ε and the predictive coder's λ"),
        tr("Its state: binary dynamics (eq. 8.14) vs continuous (eq. 8.3)")};
    const QStringList yTitles{tr("s"), tr("v"), tr("ε, λ"), tr("state s")};
    auto* neuron = new QSplitter(Qt::Vertical);
    for (int row = 0; row < 4; ++row) {
        auto* plot = new widgets::ChartPlot;
        plot->setTitle(titles[row]);
        plot->setAxisTitles(row == 3 ? tr("step t") : QString(), yTitles[row]);
        neuron->addWidget(plot);
        m_neuron.push_back(plot);
    }
    neuron->setSizes({170, 140, 140, 210}); // the bottom one carries the x axis' title
    m_neuron[0]->setYRange(-0.3, 1.0);
    m_neuron[3]->setYRange(0.0, 1.0);
    m_neuron[2]->addSeries(tr("step size ε"));
    m_neuron[2]->addSeries(tr("λ"), widgets::ChartPlot::Style::Dashed);
    m_neuron[2]->setLogarithmic(false, true);
    m_neuron[1]->addSeries(tr("v"));
    m_neuron[3]->addSeries(tr("binary (this model)"), widgets::ChartPlot::Style::Line,
                           QColor(0x22, 0x22, 0x22));
    m_neuron[3]->addSeries(tr("continuous"), widgets::ChartPlot::Style::Line,
                           QColor(0xD5, 0x5E, 0x00));
    auto* settling = new QWidget;
    auto* settlingLayout = new QVBoxLayout(settling);
    settlingLayout->setContentsMargins(0, 0, 0, 0);
    settlingLayout->addWidget(splitter);
    m_pages = new QTabWidget;
    m_pages->addTab(settling, tr("Settling (Fig. 8.2)"));
    m_pages->addTab(neuron, tr("One neuron (Fig. 8.1)"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
}

void EquilibriumLab::showNeuron(const NeuronTrace& trace) {
    m_neuron[0]->removeAllSeries();
    for (std::size_t k = 0; k < trace.presynaptic.size(); ++k) {
        const QColor color = widgets::ChartPlot::seriesColor(static_cast<int>(k));
        const int line = m_neuron[0]->addSeries(tr("hidden unit %1").arg(trace.presynaptic[k]),
                                                widgets::ChartPlot::Style::Line, color);
        m_neuron[0]->setSeriesData(line, trace.presynapticState[k], 0.0);
        // Ticks where its encoder sent a 1, each input on its own height below the curves.
        QList<QPointF> ticks;
        for (int t : trace.presynapticSpikes[k])
            ticks.append({static_cast<double>(t), -0.08 * static_cast<double>(k + 1)});
        const int tick =
            m_neuron[0]->addSeries(tr("spikes"), widgets::ChartPlot::Style::Points, color);
        m_neuron[0]->setSeriesData(tick, ticks);
        m_neuron[0]->setSeriesInLegend(tick, false);
    }
    m_neuron[1]->setSeriesData(0, trace.weightedInput, 0.0);
    m_neuron[3]->setTitle(tr("Output unit %1's state: binary dynamics (eq. 8.14) vs continuous "
                             "(eq. 8.3)")
                              .arg(trace.unit));
    std::vector<double> steps(trace.stepSize.begin() + (trace.stepSize.empty() ? 0 : 1),
                              trace.stepSize.end()); // ε starts at t = 1
    m_neuron[2]->setSeriesData(0, steps, 1.0);
    m_neuron[2]->setSeriesData(1, trace.lambda, 0.0);
    m_neuron[3]->setSeriesData(0, trace.binary, 0.0);
    m_neuron[3]->setSeriesData(1, trace.continuous, 0.0);
}

ComputeFunction EquilibriumLab::computeFunction() const {
    return computeEquilibrium;
}

QString EquilibriumLab::parameterNote(const widgets::ParameterValues& v) const {
    const QVariant at = v.value(QStringLiteral("perturb-at"));
    if (at.isValid() && at.toInt() > v.value(QStringLiteral("steps")).toInt())
        return tr("<b>Perturb at</b> is after the last step: no perturbation will be seen.");
    return tr("Each unit sees only the bits its neighbours sent at the previous step. "
              "Press <b>P</b> to kick the states at the playback position.");
}

bool EquilibriumLab::openResult(const QString& directory, QString*) {
    const CsvTable table =
        CsvTable::read(QDir(directory).filePath(QStringLiteral("settle.csv")).toStdString());
    requireWholeNumbers(table.column("t"), table.sourceName() + ", column 't'");
    requireWholeNumbers(table.column("spikes"), table.sourceName() + ", column 'spikes'");
    auto result = std::make_shared<EquilibriumResult>();
    const auto& t = table.column("t");
    const auto& distance = table.column("distance_to_fixed_point");
    const auto& energy = table.column("energy");
    const auto& spikes = table.column("spikes");
    for (std::size_t k = 0; k < table.rowCount(); ++k) {
        result->distance.append(QPointF(t[k], std::max(kDistanceFloor, distance[k])));
        result->energy.append(QPointF(t[k], energy[k]));
        result->spikes += static_cast<std::uint64_t>(std::max(0.0, spikes[k]));
    }
    const JsonValue written = readResultSummary(directory);
    result->steps = static_cast<int>(table.rowCount()) - 1;
    result->spiking = summaryText(written, "model") != QStringLiteral("eqprop");
    const JsonValue* at = written.member("perturb_at");
    result->perturbAt = at && at->number() ? static_cast<int>(*at->number()) : 0;
    result->finalDistance = distance.back();
    const auto before = static_cast<std::size_t>(
        result->perturbAt > 0 ? std::min(result->perturbAt - 1, result->steps) : result->steps);
    result->distanceBefore = distance[before];
    // --ensemble N: the schemes' curves, rows grouped by scheme in t order.
    if (const QString file = QDir(directory).filePath(QStringLiteral("ensemble.csv"));
        QFileInfo::exists(file)) {
        const CsvTable ensemble = CsvTable::read(file.toStdString(), {}, {"scheme"});
        const auto& names = ensemble.textColumn("scheme");
        const auto& mean = ensemble.column("log10_distance_mean");
        const auto& sd = ensemble.column("log10_distance_sd");
        for (std::size_t k = 0; k < ensemble.rowCount(); ++k) {
            auto& curves = result->ensemble.curves;
            if (curves.empty() || curves.back().scheme != names[k])
                curves.push_back({names[k], {}, {}});
            curves.back().log10Mean.push_back(mean[k]);
            curves.back().log10Sd.push_back(sd[k]);
        }
    }
    // Fig. 8.1's unit, its inputs named by summary.json's unit indices.
    if (const QString file = QDir(directory).filePath(QStringLiteral("one_neuron.csv"));
        QFileInfo::exists(file)) {
        result->neuron = readNeuronTraceCsv(file.toStdString());
        const auto unitOf = [&written](const std::string& key, int fallback) {
            const JsonValue* value = written.member(key);
            return value && value->number() ? static_cast<int>(*value->number()) : fallback;
        };
        result->neuron.unit = unitOf("neuron_unit", result->neuron.unit);
        for (std::size_t k = 0; k < result->neuron.presynaptic.size(); ++k)
            result->neuron.presynaptic[k] = unitOf("neuron_pre_" + std::to_string(k + 1) + "_unit",
                                                   result->neuron.presynaptic[k]);
    }
    showResult(result);
    startShowingResultFiles();
    setSummary(tr("Opened %1 (sdlab-cli settle): %2").arg(directory, summary()));
    return true;
}

void EquilibriumLab::showResult(const LabResultPtr& base) {
    const auto& r = static_cast<const EquilibriumResult&>(*base);
    m_length = r.steps + 1;
    m_distance->setSeriesData(0, r.distance);
    m_distance->setSeriesData(1, r.referenceDistance);
    m_energy->setSeriesData(0, r.energy);
    showSchemes(r.ensemble);
    showNeuron(r.neuron);
    m_pages->setTabEnabled(1, !r.neuron.binary.empty());
    m_distanceTabs->setCurrentWidget(r.ensemble.curves.empty() ? m_distance : m_schemes);
    m_outputs->removeAllSeries();
    for (int k = 0; k < r.outputCount; ++k) {
        m_outputs->addSeries(tr("output %1").arg(k));
        m_outputs->setSeriesData(k, r.outputs[static_cast<std::size_t>(k)]);
    }
    const int shown = r.shownHidden + r.outputCount;
    m_raster->setEvents(r.events, shown, r.steps);
    if (r.shownHidden > 0)
        m_raster->setChannelGroups(
            {{0, tr("hidden 0–%1").arg(r.shownHidden - 1)}, {r.shownHidden, tr("outputs")}});
    else
        m_raster->setChannelGroups({{0, tr("outputs")}});
    std::vector<double> xs(static_cast<std::size_t>(r.steps) + 1),
        ys(static_cast<std::size_t>(shown));
    for (std::size_t i = 0; i < xs.size(); ++i)
        xs[i] = static_cast<double>(i);
    for (std::size_t i = 0; i < ys.size(); ++i)
        ys[i] = static_cast<double>(i);
    m_states->setData(shown, r.steps + 1, r.heat, xs, ys);
    setPlaybackPosition(m_length);
    const QString perturbed =
        r.perturbAt > 0 ? tr("before the perturbation %1, ").arg(formatNumber(r.distanceBefore, 3))
                        : QString();
    QString schemes;
    if (!r.ensemble.curves.empty()) { // the best spiking scheme at the end
        const SettleEnsembleCurve* best = nullptr;
        for (const SettleEnsembleCurve& c : r.ensemble.curves)
            if (c.scheme != "continuous" && (!best || c.log10Mean.back() < best->log10Mean.back()))
                best = &c;
        if (best)
            schemes = tr(" · over %1 networks the closest spiking scheme at the end is %2 (mean "
                         "log10 distance %3)")
                          .arg(r.ensembleNetworks)
                          .arg(schemeLabel(best->scheme), formatNumber(best->log10Mean.back(), 3));
    }
    setSummary(tr("%1: distance to the fixed point %2at the end %3 · %4 spikes · %5")
                   .arg(r.spiking ? tr("Spiking") : tr("Continuous"), perturbed,
                        formatNumber(r.finalDistance, 3))
                   .arg(r.spikes)
                   .arg(formatDuration(r.computeMilliseconds)) +
               schemes);
}

void EquilibriumLab::showSchemes(const SettleEnsembleResult& ensemble) {
    m_schemes->removeAllSeries();
    int colour = 0;
    for (const SettleEnsembleCurve& curve : ensemble.curves) {
        const QColor color = widgets::ChartPlot::seriesColor(colour++);
        QList<QPointF> mean, low, high;
        for (std::size_t t = 0; t < curve.log10Mean.size(); ++t) {
            const auto at = [&](double log10Distance) {
                return QPointF(static_cast<double>(t),
                               std::max(kDistanceFloor, std::pow(10.0, log10Distance)));
            };
            mean.append(at(curve.log10Mean[t]));
            low.append(at(curve.log10Mean[t] - curve.log10Sd[t]));
            high.append(at(curve.log10Mean[t] + curve.log10Sd[t]));
        }
        const QString label = schemeLabel(curve.scheme);
        const int index = m_schemes->addSeries(label, widgets::ChartPlot::Style::Line, color);
        m_schemes->setSeriesData(index, mean);
        for (QList<QPointF>* band : {&low, &high}) {
            const int edge = m_schemes->addSeries(label + tr(" ± s.d."),
                                                  widgets::ChartPlot::Style::Dotted, color);
            m_schemes->setSeriesData(edge, std::move(*band));
            m_schemes->setSeriesInLegend(edge, false);
        }
    }
}

void EquilibriumLab::setPlaybackPosition(int position) {
    m_position = position;
    const double limit = position >= m_length ? std::numeric_limits<double>::infinity() : position;
    m_distance->setVisibleLimit(limit);
    m_energy->setVisibleLimit(limit);
    m_schemes->setVisibleLimit(limit);
    for (widgets::ChartPlot* plot : m_neuron)
        plot->setVisibleLimit(limit);
    m_outputs->setVisibleLimit(limit);
    m_raster->setVisibleLimit(position >= m_length ? 0 : position);
}

QList<QAction*> EquilibriumLab::runActions() const {
    return {m_perturb};
}

void EquilibriumLab::perturbHere() {
    if (m_length == 0)
        return;
    const int at = std::clamp(m_position >= m_length ? m_length / 2 : m_position, 1, m_length - 1);
    widgets::ParameterValues values;
    values.insert(QStringLiteral("perturb-at"), at);
    values.insert(QStringLiteral("perturb"), QStringLiteral("kick"));
    Q_EMIT parametersRequested(values, tr("Kick the states at t = %1").arg(at));
}

std::vector<std::pair<QString, widgets::ExportablePlot*>> EquilibriumLab::plots() {
    std::vector<std::pair<QString, widgets::ExportablePlot*>> list{
        {QStringLiteral("distance"), m_distance},
        {QStringLiteral("energy"), m_energy},
        {QStringLiteral("outputs"), m_outputs},
        {QStringLiteral("raster"), m_raster},
        {QStringLiteral("states"), m_states}};
    if (m_schemes->seriesCount() > 0) // only with "Compare schemes over" N > 0
        list.emplace_back(QStringLiteral("schemes"), m_schemes);
    if (!m_neuron[3]->seriesData(0).isEmpty()) { // the spiking model with a hidden layer
        const char* names[] = {"neuron_inputs", "neuron_weighted_input", "neuron_step_size",
                               "neuron_state"};
        for (std::size_t row = 0; row < 4; ++row)
            list.emplace_back(QLatin1String(names[row]), m_neuron[row]);
    }
    return list;
}

} // namespace sdlab::gui
