#include "gui/training_thread.h"

#include <algorithm>
#include <chrono>
#include <exception>

namespace sdlab::gui {

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kSnapshotInterval = std::chrono::milliseconds(200); // 5 updates a second
constexpr std::size_t kMisclassifiedShown = 12;
constexpr std::size_t kMisclassifiedSearch = 400; // test samples tried per row at most

// Up to kMisclassifiedShown test samples the model gets wrong, searched from a start
// that moves with each row so the examples change as training goes on.
std::vector<Misclassified> findMisclassified(Classifier& model, const LabelledImages& test,
                                             std::size_t start) {
    std::vector<Misclassified> wrong;
    const std::size_t n = test.size();
    if (n == 0)
        return wrong;
    Eigen::VectorXd x;
    model.beginEvaluation();
    for (std::size_t k = 0; k < std::min(n, kMisclassifiedSearch); ++k) {
        const auto i = static_cast<std::uint32_t>((start + k) % n);
        test.features(i, x);
        const int predicted = model.predict(x);
        if (predicted != test.labels[i]) {
            wrong.push_back({i, test.labels[i], predicted});
            if (wrong.size() == kMisclassifiedShown)
                break;
        }
    }
    model.endEvaluation();
    return wrong;
}

} // namespace

TrainingThread::TrainingThread(QObject* parent) : QThread(parent) {
    qRegisterMetaType<TrainingSnapshotPtr>();
    qRegisterMetaType<TrainingRowPtr>();
    qRegisterMetaType<TrainingOutcomePtr>();
}

TrainingThread::~TrainingThread() {
    stop();
    wait();
}

int TrainingThread::stepsPerSample(const TrainingSettings& settings) {
    // The spiking MLP and the LIF network present each sample for T steps.
    return settings.model == ModelKind::SpikingMlp || settings.model == ModelKind::Lif
               ? settings.timeSteps
               : 1;
}

int TrainingThread::rasterSamples(const TrainingSettings& settings) {
    constexpr int kSteps = 200;
    return stepsPerSample(settings) > 1 ? std::max(1, kSteps / settings.timeSteps) : kSteps;
}

bool TrainingThread::startRun(std::shared_ptr<const ImageDataset> data,
                              const TrainingSettings& settings, int rasterLayer) {
    if (isRunning() || !data)
        return false;
    m_data = std::move(data);
    m_settings = settings;
    m_rasterLayer = rasterLayer;
    m_stop = false;
    m_paused = false;
    start(QThread::LowPriority);
    return true;
}

void TrainingThread::setPaused(bool paused) {
    {
        const std::lock_guard lock(m_mutex);
        m_paused = paused;
    }
    m_resume.notify_all();
}

void TrainingThread::stop() {
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
        m_paused = false;
    }
    m_resume.notify_all();
}

bool TrainingThread::waitWhilePaused() {
    std::unique_lock lock(m_mutex);
    m_resume.wait(lock, [this] { return !m_paused.load() || m_stop.load(); });
    return !m_stop.load();
}

void TrainingThread::run() {
    auto outcome = std::make_shared<TrainingOutcome>();
    try {
        const ImageDataset& data = *m_data;
        const std::unique_ptr<Classifier> model =
            makeClassifier(m_settings, data.inputSize(), data.classCount(), data.train.size());
        const std::vector<int> sizes = layerSizes(m_settings, data.inputSize(), data.classCount());
        const bool hasRaster = model->spikingLayerCount() > 0;
        const int layer = std::clamp(m_rasterLayer, 0, std::max(0, model->spikingLayerCount() - 1));
        const int stepsPerSample = TrainingThread::stepsPerSample(m_settings);
        const auto window = static_cast<std::size_t>(rasterSamples(m_settings));
        std::vector<std::vector<UnitSpike>> ring(window); // capacity reused after warm-up

        std::uint64_t samples = 0, snapshotSamples = 0, windowCorrect = 0, windowCount = 0;
        double windowLoss = 0.0;
        int lastLabel = -1;
        auto lastSnapshot = Clock::now();
        const std::uint64_t total = static_cast<std::uint64_t>(data.train.size()) *
                                    static_cast<std::uint64_t>(m_settings.epochs);

        auto emitSnapshot = [&] {
            const auto now = Clock::now();
            auto snapshot = std::make_shared<TrainingSnapshot>();
            snapshot->samples = samples;
            snapshot->totalSamples = total;
            snapshot->trainAccuracy =
                windowCount ? double(windowCorrect) / double(windowCount) : 0.0;
            snapshot->loss = windowCount ? windowLoss / double(windowCount) : 0.0;
            const OpCounter& ops = model->trainingOps();
            snapshot->adds = ops.adds;
            snapshot->mults = ops.multiplies;
            snapshot->energyMj = ops.energyPj(EnergyModel::int32()) * 1e-9;
            const double seconds = std::chrono::duration<double>(now - lastSnapshot).count();
            snapshot->samplesPerSecond =
                seconds > 0.0 ? double(samples - snapshotSamples) / seconds : 0.0;
            if (hasRaster) {
                const std::size_t shown = std::min<std::size_t>(samples, window);
                snapshot->rasterChannels = sizes[static_cast<std::size_t>(layer)];
                snapshot->rasterSteps = static_cast<int>(window) * stepsPerSample;
                snapshot->stepsPerSample = stepsPerSample;
                for (std::size_t j = 0; j < shown; ++j) {
                    const auto& spikes = ring[(samples - shown + j) % window];
                    for (const UnitSpike& s : spikes)
                        snapshot->spikes.push_back(
                            {static_cast<int>(j) * stepsPerSample + s.step + 1, s.unit,
                             static_cast<float>(s.value)});
                }
                std::stable_sort(snapshot->spikes.begin(), snapshot->spikes.end(),
                                 [](const widgets::RasterEvent& a, const widgets::RasterEvent& b) {
                                     return a.step < b.step;
                                 });
            }
            snapshot->outputMembrane = model->lastOutputMembrane();
            snapshot->outputLabel = lastLabel;
            snapshot->forwardGains = model->forwardGains();
            snapshot->backwardGains = model->backwardGains();
            Q_EMIT snapshotReady(std::move(snapshot));
            windowCorrect = windowCount = 0;
            windowLoss = 0.0;
            snapshotSamples = samples;
            lastSnapshot = now;
        };

        std::size_t rows = 0;
        TrainingCallbacks callbacks;
        callbacks.onSample = [&](std::uint32_t, int label, const TrainStep& step) {
            if (hasRaster)
                model->lastSpikes(layer, ring[samples % window]);
            ++samples;
            ++windowCount;
            lastLabel = label;
            windowCorrect += step.predicted == label;
            windowLoss += step.loss;
            if (samples % 8 == 0 && Clock::now() - lastSnapshot >= kSnapshotInterval)
                emitSnapshot();
        };
        callbacks.onRow = [&](const CurveRow& row, const Classifier&) {
            emitSnapshot(); // spikes and gains at every row too, for runs faster than 5/s
            auto update = std::make_shared<TrainingRowUpdate>();
            update->row = row;
            // The run is between samples here, so evaluating the model is safe.
            update->misclassified = findMisclassified(*model, data.test, 97 * rows++);
            Q_EMIT rowReady(std::move(update));
        };
        callbacks.progress = [&](std::size_t, std::size_t) {
            if (!m_paused.load())
                return !m_stop.load();
            const bool go = waitWhilePaused();
            lastSnapshot = Clock::now(); // a pause is not training time
            snapshotSamples = samples;
            return go;
        };
        outcome->result = runTraining(*model, data, m_settings, callbacks);
        emitSnapshot();
    } catch (const std::exception& error) {
        outcome->error = QString::fromUtf8(error.what());
    }
    Q_EMIT runFinished(std::move(outcome));
}

} // namespace sdlab::gui
