#pragma once

#include "gui/lab_page.h"

namespace sdlab::widgets {
class ChartPlot;
class SpikeRaster;
class UnrolledGraphView;
} // namespace sdlab::widgets

namespace sdlab::gui {

// The Neuron lab (snnTorch tutorials 1-3, paper Figs 3-6, 9): one neuron of spec §10
// driven by a current: the current (and synaptic current), the membrane against the
// threshold, its spikes, the f-I curve, the chosen surrogate beside the Heaviside, and
// the neuron unrolled over the steps around its first spike.
class NeuronLab : public LabPage {
    Q_OBJECT
  public:
    explicit NeuronLab(const Experiment& experiment, QWidget* parent = nullptr);
    ComputeFunction computeFunction() const override;
    // neuron.csv, fi.csv and summary.json of `sdlab-cli neuron`.
    bool openResult(const QString& directory, QString* error) override;
    void showResult(const LabResultPtr& result) override;
    std::vector<std::pair<QString, widgets::ExportablePlot*>> plots() override;
    bool hasPlayback() const override { return true; }
    int playbackLength() const override { return m_length; }
    void setPlaybackPosition(int position) override;

    widgets::ChartPlot* membranePlot() const { return m_membrane; }
    widgets::ChartPlot* fiPlot() const { return m_fi; }
    widgets::ChartPlot* surrogatePlot() const { return m_surrogate; }

  private:
    widgets::ChartPlot* m_current;
    widgets::ChartPlot* m_membrane;
    widgets::SpikeRaster* m_spikes;
    widgets::ChartPlot* m_fi;
    widgets::ChartPlot* m_surrogate;
    widgets::UnrolledGraphView* m_graph;
    int m_length = 0;
};

} // namespace sdlab::gui
