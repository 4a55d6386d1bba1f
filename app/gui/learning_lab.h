#pragma once

#include "gui/lab_page.h"
#include "gui/training_runs.h"

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
class TradeoffView;

// The Learning lab (ICLR'18 §3-4, DSN §3, thesis ch. 4): choose data, model and
// options; Start trains off the GUI thread while the page shows live accuracy and loss
// against samples, operations or energy, the chosen layer's spikes, the PD auto-tuner's
// kα/kβ and misclassified test images. The runs, finished ones kept for comparison until
// cleared, are the session's TrainingRuns; the page draws them. The parameter computation
// only loads and checks the data set (cached), so every edit is checked at once and Start
// begins at once.
class LearningLab : public LabPage {
    Q_OBJECT
  public:
    LearningLab(const Experiment& experiment, TrainingRuns* runs, QWidget* parent = nullptr);
    ~LearningLab() override;
    ComputeFunction computeFunction() const override;
    // curve.csv (and summary.json) of `sdlab-cli train` as a finished run on the charts.
    bool openResult(const QString& directory, QString* error) override;
    void showResult(const LabResultPtr& result) override;
    std::vector<std::pair<QString, widgets::ExportablePlot*>> plots() override;
    QString parameterNote(const widgets::ParameterValues& values) const override;

    QList<QAction*> runActions() const override;

    // For tests and scripts: the actions' slots.
    bool startRun();
    void togglePause();
    // Run > Optimise Scales (`scales` on the current data and layers) and Guess Early
    // (`early` on the current spiking model); their curves join the Trade-off view.
    bool startTradeoff(const Experiment& experiment);
    TradeoffView* tradeoffView() const { return m_tradeoff; }

  private:
    enum class XAxis { Samples, Operations, Energy };
    struct RunSeries {
        int test = -1, train = -1, loss = -1, settle = -1, spikes = -1;
        std::vector<int> layerRates, layerDead, layerGradients, layerAlignment; // per layer
    };

    void onRunStarted();
    void onSnapshot(const TrainingSnapshotPtr& snapshot);
    void onRow(const TrainingRowPtr& row);
    void onFinished(const TrainingOutcomePtr& outcome);
    void onTradeoffReady(const ExperimentOutcomePtr& outcome);
    bool openTradeoffResult(const QString& directory);
    void rebuildCurves();
    void showInsideTabsOf(const std::vector<TrainingCurves>& runs);
    void refreshRun(int index);
    void updateGains(const TrainingSnapshot& snapshot);
    void updateMembranes(const TrainingSnapshot& snapshot);
    void updateActions();
    void showExamples();
    void showOrder(const LearningSetup& setup);
    double xOf(const TrainingCurvePoint& p) const;
    QString xTitle() const;

    std::shared_ptr<DatasetCache> m_cache;
    TrainingRuns* m_runs;            // owned by the session
    std::vector<RunSeries> m_series; // per run, its series on the charts
    XAxis m_xAxis = XAxis::Samples;

    QAction* m_start;
    QAction* m_pause;
    QAction* m_stop;
    QAction* m_optimiseScales;
    QAction* m_guessEarly;
    QComboBox* m_xChoice;
    QProgressBar* m_progress;
    QLabel* m_rate;
    widgets::ChartPlot* m_accuracy;
    widgets::ChartPlot* m_loss;
    QTabWidget* m_rightTabs;         // the loss and the trade-off
    TradeoffView* m_tradeoff;        // error against inference compute
    widgets::ChartPlot* m_settle;    // EqProp: settling steps per training sample
    widgets::ChartPlot* m_dead;      // LIF: silent units per layer, %
    widgets::ChartPlot* m_spikeRate; // LIF: spikes per training sample
    widgets::ChartPlot* m_layerRate; // LIF: spikes per unit per step, per layer
    widgets::ChartPlot* m_gradients; // LIF: ‖∂L/∂W‖ per layer
    widgets::ChartPlot* m_alignment; // init-eqprop: local vs distant gradient (Fig. 7.4)
    widgets::ChartPlot* m_membranes; // LIF: output membranes of the last training sample
    QTabWidget* m_gainTabs = nullptr;
    widgets::SpikeRaster* m_raster;
    widgets::ChartPlot* m_kAlpha;
    widgets::ChartPlot* m_kBeta;
    widgets::ImageGridView* m_images;
    widgets::ImageGridView* m_order; // the first training samples in the chosen order
};

} // namespace sdlab::gui
