#pragma once

#include "gui/experiment_thread.h"
#include "gui/lab_run.h"
#include "gui/training_thread.h"

#include <QString>
#include <memory>
#include <optional>
#include <vector>

namespace sdlab::gui {

// The Learning lab's checked parameters: the data set and the settings a run would use
// (its computation's result).
struct LearningSetup : LabResult {
    std::shared_ptr<const ImageDataset> data;
    TrainingSettings settings;
    int rasterLayer = 1;
    QString description; // "PDNN 400-200-10 on digits (4000 train, 1000 test)"
    // The first training samples of the first epoch in the settings' order (thesis
    // Fig. 4.3: in temporal order consecutive samples look alike).
    std::vector<std::uint32_t> firstSamples;
};

// One point of a run's curves, on each of the three horizontal axes the lab offers.
struct TrainingCurvePoint {
    double samples, operations, energyMj, value;
};

// One run on the charts: started here or opened from a `sdlab-cli train` result.
struct TrainingCurves {
    QString name;
    std::optional<ModelKind> model; // unset: an opened result that names no known model
    int colorIndex = 0;             // stays with the run when older runs leave
    std::vector<TrainingCurvePoint> trainAccuracy, testAccuracy, loss, settleSteps;
    std::vector<TrainingCurvePoint> deadPercent, spikesPerSample; // spiking models, per row
    // Per layer but the input (the output last), per row: spikes per unit per step,
    // % of units silent, and ‖∂L/∂W‖ (the LIF network, CurveRow's per-layer data).
    std::vector<std::vector<TrainingCurvePoint>> layerRates, layerDeadPercent, layerGradientNorms;
    // Initialized EqProp, per initializer layer below the top: local vs distant gradient
    // cosine (thesis Fig. 7.4 right).
    std::vector<std::vector<TrainingCurvePoint>> layerAlignment;
    std::vector<CurveRow> rows;
};

// The Learning lab's runs (ICLR'18 §4, DSN §3): the training thread, the run in progress
// and the finished ones kept for comparison, their curves thinned to a bound. Start
// trains the newest checked setup, and only when it matches the session's newest
// values. The page draws what this holds and follows its signals.
class TrainingRuns : public LabRun {
    Q_OBJECT
  public:
    // Runs on the charts at once, started or opened; the oldest leaves for a new one.
    static constexpr std::size_t kMaxRuns = 6;
    // Curves fed by snapshots (5 a second) keep at most this many points each: a
    // 200-epoch run otherwise grew memory by about 1.2 MiB a minute.
    static constexpr std::size_t kMaxSnapshotPoints = 4000;

    explicit TrainingRuns(QObject* parent = nullptr);

    // Training, or a trade-off run (below).
    bool isRunning() const override { return isTraining() || isTradeoffRunning(); }
    bool isTraining() const { return m_thread.isRunning(); }
    bool isTradeoffRunning() const { return m_tradeoff.isRunning(); }
    void
    stop() override; // asks the run to stop; outcomeReady (or tradeoffReady) and finished follow
    void parametersChanged(const widgets::ParameterValues& values) override;
    void resultReady(const LabResultPtr& result) override;

    // The newest checked setup, and the one the run in progress (or the last) used.
    std::shared_ptr<const LearningSetup> setup() const { return m_setup; }
    std::shared_ptr<const LearningSetup> running() const { return m_running; }
    bool canStart() const { return !isRunning() && m_setup && m_setup->parameters == m_values; }
    bool start(); // false unless canStart()
    void setPaused(bool paused);
    bool isPaused() const { return m_thread.isPaused(); }
    // A finished run from its curve rows (an opened result).
    void addFinished(const QString& name, std::optional<ModelKind> model,
                     std::vector<CurveRow> rows);
    void clear(); // all but the running one

    // A trade-off run on the newest checked values, as `sdlab-cli scales` or `early` runs
    // (thesis Fig. 4.4, DSN Fig. 3): the values the experiment shares with `train`, and
    // `fixed` (e.g. scales' model) over them. False while anything runs, when the values
    // are not checked yet, or when the experiment refuses them (`error` says why).
    bool startTradeoff(const Experiment& experiment,
                       const std::map<std::string, ParameterValue>& fixed, QString* error);

    const std::vector<TrainingCurves>& runs() const { return m_runs; }
    const CurveRow* lastRow() const;

  Q_SIGNALS:
    void stateChanged(); // running, paused or canStart() changed
    void runsChanged();  // a run joined or left the list
    void runUpdated(int index);
    void snapshotReady(sdlab::gui::TrainingSnapshotPtr snapshot);
    void rowReady(sdlab::gui::TrainingRowPtr row);
    void outcomeReady(sdlab::gui::TrainingOutcomePtr outcome);    // just before finished()
    void tradeoffProgress(double fraction);                       // of the run's current phase
    void tradeoffReady(sdlab::gui::ExperimentOutcomePtr outcome); // just before finished()

  private:
    void onSnapshot(const TrainingSnapshotPtr& snapshot);
    void onRow(const TrainingRowPtr& row);
    void append(TrainingCurves run);

    TrainingThread m_thread;
    ExperimentThread m_tradeoff;
    std::shared_ptr<const LearningSetup> m_setup;
    std::shared_ptr<const LearningSetup> m_running;
    widgets::ParameterValues m_values;
    std::vector<TrainingCurves> m_runs;
    int m_runsNamed = 0; // numbers the runs and picks their colours
};

QString modelTitle(ModelKind model); // "PDNN", "Σ-Δ net"

} // namespace sdlab::gui
