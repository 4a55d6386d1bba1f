#pragma once

#include "gui/lab_page.h"

namespace sdlab::widgets {
class ChartPlot;
}

namespace sdlab::gui {

// The Update-rules lab (ICLR'18 Figs 3 and 9): a presynaptic train x̄ and a postsynaptic
// error train ē (random with a seed, from CSV, or two coded signals x and e), their
// reconstructions x̂, ê, the product x̂·ê per step with the areas the past update adds at
// each event shaded (beside the true x·e for signals), and the cumulative weight change
// of the recon, past, future and STDP forms (spec §3), which end at one total.
class UpdateRulesLab : public LabPage {
    Q_OBJECT
  public:
    explicit UpdateRulesLab(const Experiment& experiment, QWidget* parent = nullptr);
    ComputeFunction computeFunction() const override;
    // updates.csv of `sdlab-cli updates` with its summary's totals (the spike trains
    // themselves are not in the files).
    bool openResult(const QString& directory, QString* error) override;
    void showResult(const LabResultPtr& result) override;
    std::vector<std::pair<QString, widgets::ExportablePlot*>> plots() override;
    QString parameterNote(const widgets::ParameterValues& values) const override;
    bool hasPlayback() const override { return true; }
    int playbackLength() const override { return m_length; }
    void setPlaybackPosition(int position) override;

    widgets::ChartPlot* updatesPlot() const { return m_updates; }
    widgets::ChartPlot* productPlot() const { return m_product; }

  private:
    widgets::ChartPlot* m_trains;
    widgets::ChartPlot* m_traces;
    widgets::ChartPlot* m_updates;
    widgets::ChartPlot* m_product;
    int m_length = 0;
};

} // namespace sdlab::gui
