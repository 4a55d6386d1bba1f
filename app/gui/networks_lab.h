#pragma once

#include "gui/lab_page.h"

namespace sdlab::widgets {
class ChartPlot;
}

namespace sdlab::gui {

// The Σ-Δ networks lab (thesis ch. 4 §4.4, Fig. 4.1): one random network run as the
// original, temporal-difference, rounding and sigma-delta networks on one input stream;
// an output of each over time (A and B coincide, C and D coincide) and what each costs
// per step, so the sigma-delta net's saving on slowly varying inputs, and its absence on
// white noise, can be seen.
class NetworksLab : public LabPage {
    Q_OBJECT
  public:
    explicit NetworksLab(const Experiment& experiment, QWidget* parent = nullptr);
    ComputeFunction computeFunction() const override;
    // networks.csv of `sdlab-cli networks`.
    bool openResult(const QString& directory, QString* error) override;
    void showResult(const LabResultPtr& result) override;
    std::vector<std::pair<QString, widgets::ExportablePlot*>> plots() override;
    bool hasPlayback() const override { return true; }
    int playbackLength() const override { return m_length; }
    void setPlaybackPosition(int position) override;

    widgets::ChartPlot* outputPlot() const { return m_outputs; }
    widgets::ChartPlot* costPlot() const { return m_costs; }

  private:
    widgets::ChartPlot* m_outputs;
    widgets::ChartPlot* m_costs;
    int m_length = 0;
};

} // namespace sdlab::gui
