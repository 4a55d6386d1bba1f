#pragma once

#include "gui/lab_page.h"

namespace sdlab::widgets {
class ChartPlot;
class SmallMultiplesView;
class SpikeRaster;
} // namespace sdlab::widgets

namespace sdlab::gui {

// The Signal lab (ICLR'18 Fig. 1): a signal through the PD encoder, a quantizer (Q,
// rounding or stochastic) and the decoder; x with x̂, a with the spikes s (stems and a
// raster strip), and a small-multiples grid of kp rows × kd columns like Fig. 1.
class SignalLab : public LabPage {
    Q_OBJECT
  public:
    explicit SignalLab(const Experiment& experiment, QWidget* parent = nullptr);

    ComputeFunction computeFunction() const override;
    // pd.csv of `sdlab-cli pd` (the kp × kd grid is not in it).
    bool openResult(const QString& directory, QString* error) override;
    void showResult(const LabResultPtr& result) override;
    std::vector<std::pair<QString, widgets::ExportablePlot*>> plots() override;
    QString parameterNote(const widgets::ParameterValues& values) const override;
    bool hasPlayback() const override { return true; }
    int playbackLength() const override { return m_length; }
    void setPlaybackPosition(int position) override;

    // The grid of Fig. 1: kp rows × kd columns.
    static const std::vector<double>& gridKp();
    static const std::vector<double>& gridKd();

  private:
    widgets::ChartPlot* m_signal;
    widgets::ChartPlot* m_spikes;
    widgets::SpikeRaster* m_raster;
    widgets::SmallMultiplesView* m_grid;
    widgets::ChartPlot* m_weight; // ICLR'18 Fig. 2: the drifting weight
    widgets::ChartPlot* m_drift;  // and x·w with its two reconstructions
    int m_length = 0;
};

} // namespace sdlab::gui
