#include "gui/neuron_lab.h"

#include "experiment/common_parameters.h"
#include "experiments/neuron_experiment.h"
#include "gui/lab_support.h"
#include "io/csv_table.h"
#include "neurons/surrogate_curve.h"
#include "widgets/chart_plot.h"
#include "widgets/spike_raster.h"
#include "widgets/unrolled_graph_view.h"

#include <QDir>
#include <QGridLayout>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace sdlab::gui {

namespace {

struct NeuronResult : LabResult {
    std::vector<double> current;
    SingleNeuronTrace trace;
    double threshold = 1.0;
    std::vector<double> fiCurrents, fiRates;
    SurrogateCurve surrogate;
    QString surrogateName;
    bool resetAttached = false;
    QString neuronName;
};

void addSurrogate(NeuronResult& r, const ParameterValues& v) {
    const SurrogateGradient g = common::surrogateFrom(v, "surrogate");
    r.surrogate = sampleSurrogate(g, 2.0, 401);
    r.surrogateName =
        QStringLiteral("%1, slope %2")
            .arg(QString::fromLatin1(surrogateKindName(g.kind)), formatNumber(g.slope));
    r.resetAttached = v.flag("reset-attached");
}

LabResultPtr computeNeuron(const ParameterValues& v, ComputeControl&) {
    auto r = std::make_shared<NeuronResult>();
    const SingleNeuronSettings settings = singleNeuronSettingsFrom(v);
    r->current = neuronCurrentFrom(v);
    r->trace = runSingleNeuron(settings, r->current);
    r->threshold = settings.neuron.threshold;
    r->fiCurrents = fiCurrentsFrom(v);
    r->fiRates = firingRates(settings, r->fiCurrents, r->current.size());
    r->neuronName = QString::fromLatin1(singleNeuronKindName(settings.kind));
    addSurrogate(*r, v);
    return r;
}

} // namespace

NeuronLab::NeuronLab(const Experiment& experiment, QWidget* parent)
    : LabPage(experiment, parent), m_current(new widgets::ChartPlot),
      m_membrane(new widgets::ChartPlot), m_spikes(new widgets::SpikeRaster),
      m_fi(new widgets::ChartPlot), m_surrogate(new widgets::ChartPlot),
      m_graph(new widgets::UnrolledGraphView) {
    m_current->setTitle(tr("Input current I_t and synaptic current I_syn"));
    m_current->setAxisTitles(tr("time step t"), tr("current"));
    m_current->addSeries(tr("input current I"));
    m_current->addSeries(tr("synaptic current I_syn"));
    m_membrane->setTitle(tr("Membrane U_t against the threshold θ; a spike when U_t > θ"));
    m_membrane->setAxisTitles(tr("time step t"), tr("U"));
    m_membrane->addSeries(tr("membrane U"));
    m_membrane->addSeries(tr("threshold θ"), widgets::ChartPlot::Style::Dashed,
                          QColor(0x99, 0x99, 0x99));
    m_membrane->addSeries(tr("reset R_t (U_{t−1} > θ)"), widgets::ChartPlot::Style::Points,
                          QColor(0xD5, 0x5E, 0x00));
    m_spikes->setChannelGroups({{0, tr("S")}});
    m_spikes->setAxisTitles(tr("time step t"), {});
    m_spikes->setMinimumHeight(72);
    m_fi->setTitle(tr("f-I curve"));
    m_fi->setToolTip(tr("Spikes per step under each constant current, over the same steps"));
    m_fi->setAxisTitles(tr("current I"), tr("spikes/step"));
    m_fi->addSeries(tr("rate"));
    m_surrogate->setTitle(tr("Surrogate gradient (Fig. 9)"));
    m_surrogate->setAxisTitles(tr("x = U − θ"), tr("value"));
    m_surrogate->addSeries(tr("H(x)"), widgets::ChartPlot::Style::Line, QColor(0x66, 0x66, 0x66));
    m_surrogate->addSeries(tr("smooth step"), widgets::ChartPlot::Style::Dashed);
    m_surrogate->addSeries(tr("g(x)"));
    m_surrogate->setToolTip(tr("Forward: the step H(x). Backward: g(x), the slope of the dashed "
                               "smooth step, replaces H' = 0"));
    auto* bottom = new QWidget;
    auto* grid = new QGridLayout(bottom);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_fi, 0, 0);
    grid->addWidget(m_surrogate, 0, 1);
    grid->addWidget(m_graph, 0, 2);
    grid->setColumnStretch(0, 2);
    grid->setColumnStretch(1, 2);
    grid->setColumnStretch(2, 3);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_current);
    splitter->addWidget(m_membrane);
    splitter->addWidget(m_spikes);
    splitter->addWidget(bottom);
    splitter->setSizes({190, 210, 80, 250});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

ComputeFunction NeuronLab::computeFunction() const {
    return computeNeuron;
}

bool NeuronLab::openResult(const QString& directory, QString*) {
    const QDir dir(directory);
    const CsvTable neuron =
        CsvTable::read(dir.filePath(QStringLiteral("neuron.csv")).toStdString(), {"syn"});
    const CsvTable fi = CsvTable::read(dir.filePath(QStringLiteral("fi.csv")).toStdString());
    requireWholeNumbers(neuron.column("t"), neuron.sourceName() + ", column 't'");
    const JsonValue file = readResultSummary(directory);
    auto r = std::make_shared<NeuronResult>();
    r->current = neuron.column("current");
    r->trace.membrane = neuron.column("mem");
    r->trace.spikes = neuron.column("spk");
    const std::vector<double>& syn = neuron.column("syn");
    if (std::none_of(syn.begin(), syn.end(), [](double x) { return std::isnan(x); }))
        r->trace.synaptic = syn;
    const bool resets =
        summaryText(file, "reset", QStringLiteral("subtract")) != QStringLiteral("none");
    for (std::size_t t = 0; t < r->trace.spikes.size(); ++t) {
        // R_t = S_{t−1}: the reset follows the previous step's spike (none: no resets).
        r->trace.resets.push_back(resets && t > 0 ? r->trace.spikes[t - 1] : 0.0);
        if (r->trace.spikes[t] > 0.0) {
            ++r->trace.spikeCount;
            if (!r->trace.firstSpike)
                r->trace.firstSpike = static_cast<long>(t + 1);
        }
    }
    r->threshold = summaryNumber(file, "threshold", 1.0);
    r->fiCurrents = fi.column("current");
    r->fiRates = fi.column("rate");
    r->neuronName = summaryText(file, "neuron", tr("neuron"));
    addSurrogate(*r, defaultValues(experiment()));
    showResult(r);
    startShowingResultFiles();
    setSummary(tr("Opened %1 (sdlab-cli neuron): %2").arg(directory, summary()));
    return true;
}

void NeuronLab::showResult(const LabResultPtr& base) {
    const auto& r = static_cast<const NeuronResult&>(*base);
    const SingleNeuronTrace& trace = r.trace;
    m_length = static_cast<int>(r.current.size());
    m_current->setSeriesData(0, r.current);
    m_current->setSeriesData(1, trace.synaptic);
    m_membrane->setSeriesData(0, trace.membrane);
    m_membrane->setSeriesData(
        1, QList<QPointF>{{1.0, r.threshold},
                          {static_cast<double>(std::max(m_length, 2)), r.threshold}});
    QList<QPointF> resets;
    std::vector<widgets::RasterEvent> events;
    for (std::size_t t = 0; t < trace.spikes.size(); ++t) {
        if (t < trace.resets.size() && trace.resets[t] > 0.0)
            resets.append({static_cast<double>(t + 1), trace.membrane[t]});
        if (trace.spikes[t] > 0.0)
            events.push_back({static_cast<int>(t + 1), 0, 1.0F});
    }
    m_membrane->setSeriesData(2, resets);
    m_spikes->setEvents(std::move(events), 1, m_length);
    QList<QPointF> fi;
    for (std::size_t k = 0; k < r.fiRates.size(); ++k)
        fi.append({r.fiCurrents[k], r.fiRates[k]});
    m_fi->setSeriesData(0, fi);
    const SurrogateCurve& s = r.surrogate;
    for (int series = 0; series < 3; ++series) {
        const std::vector<double>& y = series == 0   ? s.heaviside
                                       : series == 1 ? s.smoothStep
                                                     : s.derivative;
        QList<QPointF> points;
        for (std::size_t k = 0; k < s.x.size(); ++k)
            points.append({s.x[k], y[k]});
        m_surrogate->setSeriesData(series, points);
    }
    m_surrogate->setTitle(tr("Surrogate: %1 (Fig. 9)").arg(r.surrogateName));
    // The unrolled graph: the four steps around the first spike (or the first four).
    const long first = std::max(1L, trace.firstSpike.value_or(2) - 1);
    std::vector<bool> fired;
    for (long t = first; t < first + 4; ++t)
        fired.push_back(t <= static_cast<long>(trace.spikes.size()) &&
                        trace.spikes[static_cast<std::size_t>(t - 1)] > 0.0);
    m_graph->setSteps(static_cast<int>(first), std::move(fired));
    m_graph->setResetAttached(r.resetAttached);
    const double rate = m_length > 0 ? static_cast<double>(trace.spikeCount) / m_length : 0.0;
    setSummary(tr("%1 neuron: %2 spikes in %3 steps (%4 per step), first at t = %5")
                   .arg(r.neuronName)
                   .arg(trace.spikeCount)
                   .arg(m_length)
                   .arg(formatNumber(rate, 3))
                   .arg(trace.firstSpike ? QString::number(*trace.firstSpike) : tr("never")));
}

void NeuronLab::setPlaybackPosition(int position) {
    m_current->setVisibleLimit(position);
    m_membrane->setVisibleLimit(position);
    m_spikes->setVisibleLimit(std::max(position, 1));
}

std::vector<std::pair<QString, widgets::ExportablePlot*>> NeuronLab::plots() {
    return {
        {QStringLiteral("current"), m_current},     {QStringLiteral("membrane"), m_membrane},
        {QStringLiteral("spikes"), m_spikes},       {QStringLiteral("fi-curve"), m_fi},
        {QStringLiteral("surrogate"), m_surrogate}, {QStringLiteral("unrolled-graph"), m_graph}};
}

} // namespace sdlab::gui
