#include "encoders_lab.h"

#include "chart_plot.h"
#include "experiments/channel_encoding_run.h"
#include "io/input_error.h"
#include "lab_support.h"
#include "spike_raster.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QSplitter>
#include <QVBoxLayout>
#include <cmath>
#include <numbers>
#include <random>

namespace sdlab::gui {

namespace {

constexpr int kEncoders = 4;

struct EncodersResult : LabResult {
    int channels = 0;
    int shown = 0;
    std::vector<double> input; // the shown channel
    std::vector<std::vector<widgets::RasterEvent>> events{kEncoders};
    std::vector<std::vector<double>> reconstruction{kEncoders}; // the shown channel
};

// Channel c of the input, in [0, 1], over `steps` steps.
std::vector<std::vector<double>> makeInput(const QString& pattern, int channels, long steps,
                                           std::uint64_t seed) {
    std::vector<std::vector<double>> input(static_cast<std::size_t>(channels));
    std::mt19937_64 engine(seed);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    for (int c = 0; c < channels; ++c) {
        auto& channel = input[static_cast<std::size_t>(c)];
        const double level = channels > 1 ? static_cast<double>(c) / (channels - 1) : 1.0;
        if (pattern == QStringLiteral("ramp")) {
            channel = {level}; // constant; a shorter channel holds its last value
        } else if (pattern == QStringLiteral("random")) {
            channel = {uniform(engine)};
        } else { // sine: a slow wave, phase-shifted across channels
            channel.resize(static_cast<std::size_t>(steps));
            for (long t = 0; t < steps; ++t)
                channel[static_cast<std::size_t>(t)] =
                    0.5 +
                    0.45 * std::sin(2.0 * std::numbers::pi *
                                    (static_cast<double>(t) / static_cast<double>(steps) + level));
        }
    }
    return input;
}

LabResultPtr computeEncoders(const widgets::ParameterValues& v, ComputeControl& control) {
    auto result = std::make_shared<EncodersResult>();
    result->channels = integer(v, "channels");
    result->shown = std::min(integer(v, "shownChannel"), result->channels - 1);
    const long steps = integer(v, "steps");
    const auto seed = static_cast<std::uint64_t>(integer(v, "seed"));
    const auto input = makeInput(text(v, "pattern"), result->channels, steps, seed);
    const auto& shown = input[static_cast<std::size_t>(result->shown)];
    for (long t = 0; t < steps; ++t)
        result->input.push_back(shown[std::min(static_cast<std::size_t>(t), shown.size() - 1)]);

    std::vector<ChannelEncodingOptions> options(kEncoders);
    options[0].method = ChannelEncoding::Rate;
    options[0].seed = seed;
    options[1].method = ChannelEncoding::Latency;
    options[1].tau = real(v, "tau");
    options[1].threshold = real(v, "latencyThreshold");
    options[1].linear = text(v, "latencyShape") == QStringLiteral("linear");
    options[2].method = ChannelEncoding::Delta;
    options[2].threshold = real(v, "deltaThreshold");
    options[3].method = ChannelEncoding::Pd;
    options[3].pd = {real(v, "kp"), real(v, "kd")};
    if (const std::string error = options[3].pd.validationError(); !error.empty())
        throw InputError("kp/kd: " + error);
    for (int e = 0; e < kEncoders; ++e) {
        auto& o = options[static_cast<std::size_t>(e)];
        o.steps = steps;
        const std::vector<ChannelSpike> spikes = runChannelEncoding(input, o);
        auto& events = result->events[static_cast<std::size_t>(e)];
        events.reserve(spikes.size());
        for (const ChannelSpike& s : spikes)
            events.push_back({static_cast<int>(s.step), static_cast<int>(s.channel),
                              static_cast<float>(s.value)});
        result->reconstruction[static_cast<std::size_t>(e)] =
            decodeChannels(spikes, input.size(), o)[static_cast<std::size_t>(result->shown)];
        if (!control.report(e + 1, kEncoders))
            return nullptr;
    }
    return result;
}

} // namespace

EncodersLab::EncodersLab(QWidget* parent)
    : LabPage(parent), m_reconstruction(new widgets::ChartPlot) {
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

widgets::ParameterSpecs EncodersLab::parameterSpecs() const {
    using Kind = widgets::ParameterSpec::Kind;
    const QString input = tr("Input"), rate = tr("Rate and latency"),
                  delta = tr("Delta modulation"), pd = tr("PD + sigma-delta");
    return {
        {.key = QStringLiteral("pattern"),
         .label = tr("Pattern"),
         .kind = Kind::Choice,
         .toolTip = tr("Sine: a slow wave, shifted across channels. Ramp: channel c holds "
                       "c/(C − 1). Random: each channel holds a random level."),
         .choices = {QStringLiteral("sine"), QStringLiteral("ramp"), QStringLiteral("random")},
         .choiceLabels = {tr("Sine waves"), tr("Ramp of levels"), tr("Random levels")},
         .defaultText = QStringLiteral("sine"),
         .group = input},
        {.key = QStringLiteral("channels"),
         .label = tr("Channels"),
         .kind = Kind::Integer,
         .minimum = 1,
         .maximum = 1000,
         .defaultValue = 24,
         .group = input},
        lengthParameter(200, 20000, tr("Number of time steps every encoder runs"), input),
        {.key = QStringLiteral("shownChannel"),
         .label = tr("Channel to reconstruct"),
         .kind = Kind::Integer,
         .minimum = 0,
         .maximum = 999,
         .defaultValue = 16,
         .toolTip = tr("The lower plot shows this channel and each receiver's estimate of it"),
         .group = input},
        seedParameter(input),
        {.key = QStringLiteral("tau"),
         .label = tr("Latency τ"),
         .minimum = 0.1,
         .maximum = 1000.0,
         .defaultValue = 30.0,
         .decimals = 2,
         .logarithmic = true,
         .unit = tr("steps"),
         .toolTip = tr("Latency coding fires once at t = τ·ln(x/(x − θ)) (snnTorch eq. 26); "
                       "rate coding fires with probability x each step"),
         .group = rate},
        {.key = QStringLiteral("latencyThreshold"),
         .label = tr("Latency threshold θ"),
         .minimum = 0.0,
         .maximum = 1.0,
         .defaultValue = 0.2,
         .decimals = 3,
         .toolTip = tr("Inputs x ≤ θ never fire; near θ they fire late"),
         .group = rate},
        {.key = QStringLiteral("latencyShape"),
         .label = tr("Latency curve"),
         .kind = Kind::Choice,
         .toolTip = tr("Logarithmic: the RC charging time; linear: t = τ·(1 − x)"),
         .choices = {QStringLiteral("log"), QStringLiteral("linear")},
         .choiceLabels = {tr("Logarithmic"), tr("Linear")},
         .defaultText = QStringLiteral("log"),
         .group = rate},
        {.key = QStringLiteral("deltaThreshold"),
         .label = tr("Threshold"),
         .minimum = 0.001,
         .maximum = 1.0,
         .defaultValue = 0.05,
         .decimals = 3,
         .logarithmic = true,
         .toolTip = tr("ON spike when x_t − x_ref > θ, OFF when < −θ; x_ref follows each spike"),
         .group = delta},
        kpParameter(QStringLiteral("kp"), 0.1, pd),
        kdParameter(QStringLiteral("kd"), 2.0, pd),
    };
}

ComputeFunction EncodersLab::computeFunction() const {
    return computeEncoders;
}

void EncodersLab::showResult(const LabResultPtr& base) {
    const auto& r = static_cast<const EncodersResult&>(*base);
    m_length = static_cast<int>(r.input.size());
    const QStringList names{tr("Rate"), tr("Latency"), tr("Delta modulation"),
                            tr("PD + sigma-delta")};
    QStringList counts;
    for (int e = 0; e < kEncoders; ++e) {
        const auto& events = r.events[static_cast<std::size_t>(e)];
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
