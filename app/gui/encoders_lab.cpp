#include "gui/encoders_lab.h"

#include "experiments/channel_encoding_run.h"
#include "experiments/encoders_experiment.h"
#include "gui/lab_support.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "widgets/chart_plot.h"
#include "widgets/spike_raster.h"

#include <QDir>
#include <QGridLayout>
#include <QGroupBox>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace sdlab::gui {

namespace {

constexpr int kEncoders = 4;

struct EncodersResult : LabResult {
    int channels = 0;
    long steps = 0;
    int onlyEncoder = -1; // an opened result holds one encoder's spikes
    int shown = 0;
    std::vector<double> input; // the shown channel
    std::vector<std::vector<widgets::RasterEvent>> events{kEncoders};
    std::vector<std::vector<double>> reconstruction{kEncoders}; // the shown channel
};

// The four encoders of the lab, as `sdlab-cli encode --method` names them.
constexpr ChannelEncoding kMethods[kEncoders] = {ChannelEncoding::Rate, ChannelEncoding::Latency,
                                                 ChannelEncoding::Delta, ChannelEncoding::Pd};
const std::string kMethodNames[kEncoders] = {"rate", "latency", "delta", "pd"};

LabResultPtr computeEncoders(const ParameterValues& v, ComputeControl& control) {
    auto result = std::make_shared<EncodersResult>();
    // The lab runs rate coding too, so its input must be probabilities.
    const EncoderInput input = encoderInputFrom(v, true);
    result->channels = static_cast<int>(input.channels.size());
    result->shown = std::min(static_cast<int>(v.integer("shown-channel")), result->channels - 1);
    const auto steps = static_cast<long>(v.integer("steps"));
    result->steps = steps;
    if (static_cast<double>(result->channels) * static_cast<double>(steps) > 1e8)
        throw InputError("channels × steps must stay under 1e8");
    const auto& shown = input.channels[static_cast<std::size_t>(result->shown)];
    for (long t = 0; t < steps; ++t)
        result->input.push_back(shown[std::min(static_cast<std::size_t>(t), shown.size() - 1)]);

    std::vector<ChannelEncodingOptions> options;
    for (const ChannelEncoding method : kMethods)
        options.push_back(encodingOptionsFrom(v, method));
    for (int e = 0; e < kEncoders; ++e) {
        const auto& o = options[static_cast<std::size_t>(e)];
        const std::vector<ChannelSpike> spikes = runChannelEncoding(input.channels, o);
        auto& events = result->events[static_cast<std::size_t>(e)];
        events.reserve(spikes.size());
        for (const ChannelSpike& s : spikes)
            events.push_back({static_cast<int>(s.step), static_cast<int>(s.channel),
                              static_cast<float>(s.value)});
        result->reconstruction[static_cast<std::size_t>(e)] = decodeChannels(
            spikes, input.channels.size(), o)[static_cast<std::size_t>(result->shown)];
        if (!control.report(e + 1, kEncoders))
            return nullptr;
    }
    return result;
}

} // namespace

EncodersLab::EncodersLab(const Experiment& experiment, QWidget* parent)
    : LabPage(experiment, parent), m_reconstruction(new widgets::ChartPlot) {
    auto* grid = new QWidget;
    auto* gridLayout = new QGridLayout(grid);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    for (int e = 0; e < kEncoders; ++e) {
        auto* box = new QGroupBox;
        auto* boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(2, 2, 2, 2);
        auto* raster = new widgets::SpikeRaster;
        boxLayout->addWidget(raster);
        gridLayout->addWidget(box, e / 2, e % 2);
        m_rasters.push_back(raster);
        m_boxes.push_back(box);
    }
    m_reconstruction->setAxisTitles(tr("time step t"), tr("value"));
    m_reconstruction->addSeries(tr("input x"), widgets::ChartPlot::Style::Line,
                                QColor(0x33, 0x33, 0x33));
    for (const QString& name : {tr("rate: running mean"), tr("latency: x from spike time"),
                                tr("delta: θ·Σ s"), tr("PD: decoder")})
        m_reconstruction->addSeries(name);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(grid);
    splitter->addWidget(m_reconstruction);
    splitter->setSizes({460, 280});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

ComputeFunction EncodersLab::computeFunction() const {
    return computeEncoders;
}

bool EncodersLab::openResult(const QString& directory, QString* error) {
    const CsvTable table =
        CsvTable::read(QDir(directory).filePath(QStringLiteral("spikes.csv")).toStdString());
    const JsonValue summary = readResultSummary(directory);
    const auto* names = summary.member("channels");
    const auto* list = names ? std::get_if<JsonValue::Array>(&names->value) : nullptr;
    const JsonValue* steps = summary.member("steps");
    const std::size_t method =
        static_cast<std::size_t>(std::find(std::begin(kMethodNames), std::end(kMethodNames),
                                           summaryText(summary, "method").toStdString()) -
                                 std::begin(kMethodNames));
    if (!list || !steps || !steps->number() || method >= kEncoders) {
        if (error)
            *error =
                tr("%1: summary.json does not say the method, steps and channels").arg(directory);
        return false;
    }
    requireWholeNumbers(table.column("t"), table.sourceName() + ", column 't'");
    requireWholeNumbers(table.column("channel"), table.sourceName() + ", column 'channel'");
    auto result = std::make_shared<EncodersResult>();
    result->channels = static_cast<int>(list->size());
    result->steps = static_cast<long>(*steps->number());
    result->onlyEncoder = static_cast<int>(method);
    auto& events = result->events[method]; // the other encoders are not in the files
    for (std::size_t k = 0; k < table.rowCount(); ++k)
        events.push_back({static_cast<int>(table.column("t")[k]),
                          static_cast<int>(table.column("channel")[k]),
                          static_cast<float>(table.column("value")[k])});
    showResult(result);
    startShowingResultFiles();
    setSummary(tr("Opened %1 (sdlab-cli encode, the %2 encoder only; the input is not in its "
                  "files): %3")
                   .arg(directory, summaryText(summary, "method"), this->summary()));
    return true;
}

void EncodersLab::showResult(const LabResultPtr& base) {
    const auto& r = static_cast<const EncodersResult&>(*base);
    m_length = static_cast<int>(r.steps);
    const QStringList names{tr("Rate"), tr("Latency"), tr("Delta modulation"),
                            tr("PD + sigma-delta")};
    QStringList counts;
    for (int e = 0; e < kEncoders; ++e) {
        const auto& events = r.events[static_cast<std::size_t>(e)];
        if (r.onlyEncoder >= 0 && e != r.onlyEncoder) {
            m_boxes[static_cast<std::size_t>(e)]->setTitle(
                tr("%1 — not in the opened result").arg(names[e]));
            m_rasters[static_cast<std::size_t>(e)]->setEvents({}, r.channels, m_length);
            m_reconstruction->setSeriesData(e + 1, std::vector<double>{});
            continue;
        }
        double spikes = 0.0;
        for (const widgets::RasterEvent& event : events)
            spikes += std::abs(event.value);
        m_boxes[static_cast<std::size_t>(e)]->setTitle(
            tr("%1 — %2 spikes (%3 per channel-step)")
                .arg(names[e])
                .arg(spikes)
                .arg(formatNumber(spikes / (static_cast<double>(r.channels) * m_length), 3)));
        m_rasters[static_cast<std::size_t>(e)]->setEvents(events, r.channels, m_length);
        m_reconstruction->setSeriesData(e + 1, r.reconstruction[static_cast<std::size_t>(e)]);
        counts << QStringLiteral("%1 %2").arg(names[e]).arg(spikes);
    }
    m_reconstruction->setSeriesData(0, r.input);
    m_reconstruction->setTitle(
        tr("Channel %1: input and what each receiver reconstructs").arg(r.shown));
    setSummary(tr("Spikes: %1 · %2 channels × %3 steps")
                   .arg(counts.join(QStringLiteral(", ")))
                   .arg(r.channels)
                   .arg(m_length));
}

void EncodersLab::setPlaybackPosition(int position) {
    for (widgets::SpikeRaster* raster : m_rasters)
        raster->setVisibleLimit(std::max(position, 1));
    m_reconstruction->setVisibleLimit(position);
}

std::vector<std::pair<QString, widgets::ExportablePlot*>> EncodersLab::plots() {
    return {{QStringLiteral("rate"), m_rasters[0]},
            {QStringLiteral("latency"), m_rasters[1]},
            {QStringLiteral("delta"), m_rasters[2]},
            {QStringLiteral("pd"), m_rasters[3]},
            {QStringLiteral("reconstruction"), m_reconstruction}};
}

} // namespace sdlab::gui
