#pragma once

#include "experiments/mlp_convergence_run.h"
#include "gui/lab_page.h"

namespace sdlab::widgets {
class ChartPlot;
class SpikeRaster;
} // namespace sdlab::widgets

namespace sdlab::gui {

// The Quantization lab (DSN Fig. 1, Algs 1, 5, 7): a fixed vector v sent as spikes by
// herding and by stochastic sampling, the L1 error of the running mean against T on
// log-log axes with the d/(2T) bound and a fitted c/√T guide, both rasters, and the
// rectified stream quantizer's rate approaching ReLU, and a random spiking MLP's rates
// approaching its ReLU net's activations layer by layer (DSN Fig. 4).
class QuantizationLab : public LabPage {
    Q_OBJECT
  public:
    explicit QuantizationLab(const Experiment& experiment, QWidget* parent = nullptr);
    ComputeFunction computeFunction() const override;
    // convergence.csv, spikes.csv (one method) and relu.csv of `sdlab-cli quantize`.
    bool openResult(const QString& directory, QString* error) override;
    void showResult(const LabResultPtr& result) override;
    std::vector<std::pair<QString, widgets::ExportablePlot*>> plots() override;

    widgets::ChartPlot* convergencePlot() const { return m_convergence; }
    widgets::ChartPlot* mlpPlot() const { return m_mlp; }

  private:
    void showMlp(const MlpConvergenceRun& run);

    widgets::ChartPlot* m_convergence;
    widgets::SpikeRaster* m_raster;
    widgets::ChartPlot* m_relu;
    widgets::ChartPlot* m_mlp;
};

} // namespace sdlab::gui
