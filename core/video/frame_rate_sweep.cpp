#include "video/frame_rate_sweep.h"

#include "cost/inference_cost.h"
#include "experiment/parameter.h"
#include "io/input_error.h"
#include "models/mlp.h"
#include "video/video_features.h"
#include "video/video_pipeline.h"

#include <algorithm>
#include <cmath>

namespace sdlab {

std::vector<double> defaultSweepRates(double nativeFps) {
    constexpr double kRates[] = {1, 2, 3, 5, 7.5, 10, 15, 20, 25, 30};
    std::vector<double> rates;
    for (double fps : kRates)
        if (fps <= nativeFps + 1e-9)
            rates.push_back(fps);
    if (rates.empty() || rates.back() < nativeFps - 1e-9)
        rates.push_back(nativeFps);
    return rates;
}

double networkEnergyPjPerFrame(const FrameRateRow& row) {
    constexpr EnergyModel energy = EnergyModel::int32();
    return row.netAddsPerFrame * energy.addPj + row.netMultsPerFrame * energy.multiplyPj;
}

double denseEnergyPjPerFrame(const FrameRateRow& row) {
    constexpr EnergyModel energy = EnergyModel::int32();
    return row.denseMultsPerFrame * (energy.addPj + energy.multiplyPj);
}

std::vector<std::string> relativeChangeLayerNames() {
    return {"input", "hidden", "output"};
}

double relativeActivationChange(const Eigen::VectorXd& current, const Eigen::VectorXd& previous) {
    const double magnitude = 2.0 * (current.lpNorm<1>() + previous.lpNorm<1>());
    return magnitude > 0.0 ? (current - previous).lpNorm<1>() / magnitude : 0.0;
}

namespace {

long framesAt(double fps, double seconds) {
    return std::max(4L, std::lround(seconds * fps));
}

// The network's side of one rate: the streamed model's cost and the dense net's
// activations, frame by frame.
class NetworkProbe {
  public:
    NetworkProbe(const OnlineLearningSettings& settings, const VideoBackend& backend)
        : m_features(settings.input, backend), m_model(makeOnlineVideoModel(settings)),
          m_dense({settings.input.size(), settings.hidden, settings.classes}, settings.learningRate,
                  settings.seed) {
        for (const DenseLayer& layer : m_dense.layers())
            m_denseMults += static_cast<double>(layer.inputs() * layer.outputs());
        // One evaluation for the whole clip: the state streams from frame to frame
        // (ICLR'18 §3.2) and nothing is learned.
        m_model->beginEvaluation();
    }
    ~NetworkProbe() { m_model->endEvaluation(); }
    NetworkProbe(const NetworkProbe&) = delete;
    NetworkProbe& operator=(const NetworkProbe&) = delete;

    void observe(const VideoPipelineStep& step) {
        const Eigen::VectorXd& x = m_features.extract(step.encoded, step.frame.shape());
        m_model->predict(x);
        if (m_previous.empty())
            m_firstFrame = m_model->inferenceCost();
        m_dense.predict(x);
        const std::vector<Eigen::VectorXd>& a = m_dense.activations();
        if (!m_previous.empty()) {
            if (m_change.empty())
                m_change.assign(a.size(), 0.0);
            for (std::size_t l = 0; l < a.size(); ++l)
                m_change[l] += relativeActivationChange(a[l], m_previous[l]);
            ++m_pairs;
        }
        m_previous = a;
    }

    void finish(FrameRateRow& row) const {
        const MeanInferenceCost cost = meanInferenceCost(m_firstFrame, m_model->inferenceCost());
        row.netAddsPerFrame = cost.adds;
        row.netMultsPerFrame = cost.mults;
        row.denseMultsPerFrame = m_denseMults;
        row.relativeChange.assign(m_previous.size(), 0.0);
        for (std::size_t l = 0; l < m_change.size(); ++l)
            row.relativeChange[l] = m_change[l] / static_cast<double>(std::max(1L, m_pairs));
    }

  private:
    VideoFeatureExtractor m_features;
    std::unique_ptr<Classifier> m_model;
    Mlp m_dense;
    double m_denseMults = 0.0;
    InferenceCost m_firstFrame; // the count after the first frame, left out of the means
    std::vector<Eigen::VectorXd> m_previous;
    std::vector<double> m_change;
    long m_pairs = 0;
};

} // namespace

FrameRateSweep runFrameRateSweep(const VideoBackend& backend, const VideoEncodingSettings& encoding,
                                 const FrameRateSweepSettings& settings,
                                 const ProgressCallback& progress) {
    if (isLiveSource(encoding.source.source))
        throw InputError("a frame-rate sweep replays the same seconds at every rate, and " +
                         quoted(encoding.source.source) +
                         " is live: sweep a file or the synthetic scene");
    if (!(settings.secondsPerRate > 0.0) || settings.secondsPerRate > 600.0)
        throw InputError("the sweep needs 0 < seconds per rate <= 600");
    if (settings.network)
        if (const std::string error = validationError(*settings.network); !error.empty())
            throw InputError(error);
    FrameRateSweep sweep;
    {
        const auto source = backend.openSource(encoding.source);
        sweep.nativeFps = source->nativeFps();
        sweep.description = source->description();
    }
    const std::vector<double> rates =
        settings.rates.empty() ? defaultSweepRates(sweep.nativeFps) : settings.rates;
    for (double fps : rates)
        if (!(fps > 0.0) || fps > sweep.nativeFps + 1e-9)
            throw InputError("a sweep rate of " + formatParameterValue(fps) +
                             " fps is outside (0, the source's " +
                             formatParameterValue(sweep.nativeFps) + " fps]");
    std::size_t total = 0, before = 0;
    for (double fps : rates)
        total += static_cast<std::size_t>(framesAt(fps, settings.secondsPerRate));
    for (double fps : rates) {
        VideoEncodingSettings s = encoding;
        s.fps = fps;
        s.frames = framesAt(fps, settings.secondsPerRate);
        std::optional<NetworkProbe> probe;
        if (settings.network)
            probe.emplace(*settings.network, backend);
        const VideoEncodingResult result = runVideoEncoding(
            backend, s,
            [&](std::size_t done, std::size_t) {
                return !progress || progress(before + done, total);
            },
            [&](const VideoPipelineStep& step) {
                if (probe)
                    probe->observe(step);
            });
        if (result.cancelled) {
            sweep.cancelled = true;
            return sweep;
        }
        before += static_cast<std::size_t>(s.frames);
        FrameRateRow row;
        row.fps = fps;
        row.frames = static_cast<long>(result.rows.size());
        for (std::size_t f = 1; f < result.rows.size(); ++f) {
            row.eventsPerFrame +=
                static_cast<double>(result.rows[f].eventsOn + result.rows[f].eventsOff);
            row.reconstructionMse += result.rows[f].reconstructionMse;
        }
        const double n = std::max<double>(1.0, static_cast<double>(result.rows.size()) - 1.0);
        row.eventsPerFrame /= n;
        row.reconstructionMse /= n;
        row.valuesPerFrame = static_cast<double>(result.width) * result.height *
                             (encoding.source.colour ? 3.0 : 1.0);
        if (probe)
            probe->finish(row);
        sweep.width = result.width;
        sweep.height = result.height;
        sweep.rows.push_back(std::move(row));
    }
    return sweep;
}

} // namespace sdlab
