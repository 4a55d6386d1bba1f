#pragma once

#include "coding/pd_params.h"
#include "data/image_dataset.h"
#include "training/training_run.h"
#include "widgets/spike_raster.h"

#include <QMetaType>
#include <QThread>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

namespace sdlab::gui {

// What the live display shows between curve rows (a few times a second).
struct TrainingSnapshot {
    std::uint64_t samples = 0;
    std::uint64_t totalSamples = 0;
    double trainAccuracy = 0.0; // online, over the samples since the previous snapshot
    double loss = 0.0;          // mean over the same samples
    std::uint64_t adds = 0;     // cumulative training operations
    std::uint64_t mults = 0;
    double energyMj = 0.0;
    double samplesPerSecond = 0.0;
    // The chosen layer's spikes over the last few training samples.
    std::vector<widgets::RasterEvent> spikes;
    int rasterChannels = 0;
    int rasterSteps = 0;
    int stepsPerSample = 1;
    MembraneTrace outputMembrane;       // LIF: the last training sample's, steps × classes
    int outputLabel = -1;               // that sample's label
    std::vector<PdParams> forwardGains; // per layer, PD network only
    std::vector<PdParams> backwardGains;
};

// A test sample the model got wrong at a curve row.
struct Misclassified {
    std::uint32_t testIndex = 0;
    int label = 0;
    int predicted = 0;
};

struct TrainingRowUpdate {
    CurveRow row;
    std::vector<Misclassified> misclassified;
};

struct TrainingOutcome {
    TrainingResult result;
    QString error; // non-empty when the run could not start or threw
};

using TrainingSnapshotPtr = std::shared_ptr<const TrainingSnapshot>;
using TrainingRowPtr = std::shared_ptr<const TrainingRowUpdate>;
using TrainingOutcomePtr = std::shared_ptr<const TrainingOutcome>;

// One training run off the GUI thread: unlike ComputeThread's restart-on-change, a run
// lasts minutes and is driven by Start, Pause and Stop. Results leave by queued signals
// as immutable shared objects; pause and stop are atomics the run polls every few
// samples, so neither waits on the GUI thread. The destructor stops and joins.
class TrainingThread : public QThread {
    Q_OBJECT
  public:
    explicit TrainingThread(QObject* parent = nullptr);
    ~TrainingThread() override;

    // Starts a run unless one is running (returns false then). `rasterLayer` picks the
    // layer whose spikes snapshots carry (0 = the input layer).
    bool startRun(std::shared_ptr<const ImageDataset> data, const TrainingSettings& settings,
                  int rasterLayer);
    void setPaused(bool paused);
    bool isPaused() const { return m_paused.load(); }
    void stop();

    // Training samples kept in a snapshot's raster: a few spiking-MLP samples of T
    // steps, or a longer stretch of one-step PD samples.
    static int rasterSamples(const TrainingSettings& settings);
    // Steps each sample is shown for: T for the spiking MLP and the LIF network, else 1.
    static int stepsPerSample(const TrainingSettings& settings);

  Q_SIGNALS:
    void snapshotReady(sdlab::gui::TrainingSnapshotPtr snapshot);
    void rowReady(sdlab::gui::TrainingRowPtr row);
    void runFinished(sdlab::gui::TrainingOutcomePtr outcome);

  protected:
    void run() override;

  private:
    bool waitWhilePaused(); // false once stopped

    std::shared_ptr<const ImageDataset> m_data;
    TrainingSettings m_settings;
    int m_rasterLayer = 0;
    std::atomic<bool> m_paused{false};
    std::atomic<bool> m_stop{false};
    std::mutex m_mutex;
    std::condition_variable m_resume;
};

} // namespace sdlab::gui

Q_DECLARE_METATYPE(sdlab::gui::TrainingSnapshotPtr)
Q_DECLARE_METATYPE(sdlab::gui::TrainingRowPtr)
Q_DECLARE_METATYPE(sdlab::gui::TrainingOutcomePtr)
