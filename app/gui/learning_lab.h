#pragma once

#include "gui/lab_page.h"
#include "gui/training_thread.h"

#include <QColor>
#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QProgressBar;
class QTabWidget;

namespace sdlab::widgets {
class ChartPlot;
class ImageGridView;
class SpikeRaster;
} // namespace sdlab::widgets

namespace sdlab::gui {

class DatasetCache;
struct LearningSetup;

// The Learning lab (ICLR'18 §3-4, DSN §3, thesis ch. 4): choose data, model and
// options; Start trains off the GUI thread (TrainingThread) while the page shows live
// accuracy and loss against samples, operations or energy, the chosen layer's spikes,
// the PD auto-tuner's kα/kβ and misclassified test images. Finished runs stay on the
// charts for comparison until cleared. The parameter computation only loads and checks
// the data set (cached), so every edit is checked at once and Start begins at once.
class LearningLab : public LabPage {
    Q_OBJECT
  public:
    explicit LearningLab(const Experiment& experiment, QWidget* parent = nullptr);
    ~LearningLab() override;
    ComputeFunction computeFunction() const override;
    // curve.csv (and summary.json) of `sdlab-cli train` as a finished run on the charts.
    bool openResult(const QString& directory, QString* error) override;
    void showResult(const LabResultPtr& result) override;
    std::vector<std::pair<QString, widgets::ExportablePlot*>> plots() override;
    QString parameterNote(const widgets::ParameterValues& values) const override;

    QList<QAction*> runActions() const override;
    void parametersEdited(const widgets::ParameterValues& values) override;
    bool isRunning() const override;
    void stopRun() override;

    // For tests and scripts: the actions' slots.
    bool startRun();
    void togglePause();
    int runCount() const { return static_cast<int>(m_runs.size()); }
    const CurveRow* lastRow() const;

  private:
    enum class XAxis { Samples, Operations, Energy };
    struct Point {
        double samples, operations, energyMj, value;
    };
    struct Run {
        QString name;
        QColor color;
        std::vector<Point> trainAccuracy, testAccuracy, loss, settleSteps;
        std::vector<CurveRow> rows;
        int testSeries = -1, trainSeries = -1, lossSeries = -1, settleSeries = -1;
    };

    void onSnapshot(const TrainingSnapshotPtr& snapshot);
    void onRow(const TrainingRowPtr& row);
    void onFinished(const TrainingOutcomePtr& outcome);
    void clearRuns();
    void rebuildCurves();
    void refreshRun(const Run& run);
    void updateGains(const TrainingSnapshot& snapshot);
    void updateActions();
    bool setupIsCurrent() const; // the checked setup matches the newest values
    void showExamples();
    double xOf(const Point& p) const;
    QString xTitle() const;

    std::shared_ptr<DatasetCache> m_cache;
    std::shared_ptr<const LearningSetup> m_setup;   // the newest checked parameters
    std::shared_ptr<const LearningSetup> m_running; // what the current run uses
    widgets::ParameterValues m_values;              // the session's newest values
    TrainingThread m_thread;
    std::vector<Run> m_runs;
    XAxis m_xAxis = XAxis::Samples;
    int m_runsStarted = 0; // numbers the runs and picks their colours

    QAction* m_start;
    QAction* m_pause;
    QAction* m_stop;
    QComboBox* m_xChoice;
    QProgressBar* m_progress;
    QLabel* m_rate;
    widgets::ChartPlot* m_accuracy;
    widgets::ChartPlot* m_loss;
    widgets::ChartPlot* m_settle; // EqProp: settling steps per training sample
    QTabWidget* m_gainTabs = nullptr;
    widgets::SpikeRaster* m_raster;
    widgets::ChartPlot* m_kAlpha;
    widgets::ChartPlot* m_kBeta;
    widgets::ImageGridView* m_images;
};

} // namespace sdlab::gui
