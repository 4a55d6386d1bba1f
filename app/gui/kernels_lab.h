#pragma once

#include "gui/lab_page.h"

namespace sdlab::widgets {
class ChartPlot;
class SpikeRaster;
} // namespace sdlab::widgets

namespace sdlab::gui {

// The Kernels lab (thesis §6.3-6.4, Figs 6.4-6.5): κ_pred, κ_SymSTDP, κ_Δ and
// κ_DynSTDP for a chosen α, and the weight trajectories of one synapse under the exact
// dynamics, their central-difference approximation and STDP, whose totals agree; from
// random trains or from two signals predictive-coded by eq. 6.5, with their bits,
// reconstructions and rates and the weight change of the unquantized signals.
class KernelsLab : public LabPage {
    Q_OBJECT
  public:
    explicit KernelsLab(const Experiment& experiment, QWidget* parent = nullptr);
    ComputeFunction computeFunction() const override;
    // kernels.csv and trajectories.csv of `sdlab-cli kernels`.
    bool openResult(const QString& directory, QString* error) override;
    void showResult(const LabResultPtr& result) override;
    std::vector<std::pair<QString, widgets::ExportablePlot*>> plots() override;
    bool hasPlayback() const override { return true; }
    int playbackLength() const override { return m_length; }
    void setPlaybackPosition(int position) override;

    widgets::ChartPlot* kernelPlot(int index) const {
        return m_kernels[static_cast<std::size_t>(index)];
    }
    widgets::ChartPlot* trajectoryPlot() const { return m_trajectories; }
    // Fig. 6.5 rows 1-3 (shown with --trains signals): pre, post, post rates.
    widgets::ChartPlot* signalPlot(int index) const {
        return m_signals[static_cast<std::size_t>(index)];
    }

  private:
    std::vector<widgets::ChartPlot*> m_kernels; // pred, sym STDP, delta, dyn STDP
    std::vector<widgets::ChartPlot*> m_windows; // ICLR'18 Fig. 4: same, opposite, classic
    widgets::SpikeRaster* m_trains;
    widgets::ChartPlot* m_trajectories;
    QWidget* m_signalRow;
    bool m_showingSignals = false;
    std::vector<widgets::ChartPlot*> m_signals; // h_i; h_j; h_j * κ_Δ and h_j^R * κ_Δ
    int m_length = 0;
};

} // namespace sdlab::gui
