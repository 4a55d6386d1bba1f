#pragma once

#include "equilibrium/neuron_trace.h"
#include "equilibrium/settle_ensemble.h"
#include "gui/lab_page.h"

#include <vector>

class QAction;
class QTabWidget;

namespace sdlab::widgets {
class ChartPlot;
class HeatmapView;
class SpikeRaster;
} // namespace sdlab::widgets

namespace sdlab::gui {

// The Equilibrium lab (thesis ch. 8, Fig. 8.2; spec §7): one settling of a random
// network on a random input, continuous or spiking. The distance to the continuous
// network's fixed point on a log axis (the spiking model beside the continuous one),
// the energy, the output units through the free and perturbed phases, the spiking
// hidden units' raster beside the continuous network's states as a heatmap. "Perturb
// Here" (P) kicks the state at the playback position, so the recovery can be watched.
// With "Compare schemes over" N networks, a tab beside the energy overlays Fig. 8.2's
// schemes: the mean of log10 distance over the N networks with its ± s.d. band.
class EquilibriumLab : public LabPage {
    Q_OBJECT
  public:
    explicit EquilibriumLab(const Experiment& experiment, QWidget* parent = nullptr);
    ComputeFunction computeFunction() const override;
    // settle.csv of `sdlab-cli settle`: distance and energy (the unit views need the run).
    bool openResult(const QString& directory, QString* error) override;
    void showResult(const LabResultPtr& result) override;
    std::vector<std::pair<QString, widgets::ExportablePlot*>> plots() override;
    QString parameterNote(const widgets::ParameterValues& values) const override;

    bool hasPlayback() const override { return true; }
    int playbackLength() const override { return m_length; }
    void setPlaybackPosition(int position) override;
    QList<QAction*> runActions() const override;

    widgets::ChartPlot* distancePlot() const { return m_distance; }
    widgets::ChartPlot* schemesPlot() const { return m_schemes; }
    // Fig. 8.1's rows: inputs, weighted input, step size and λ, binary vs continuous.
    widgets::ChartPlot* neuronPlot(int row) const {
        return m_neuron[static_cast<std::size_t>(row)];
    }

  private:
    void perturbHere();
    void showSchemes(const SettleEnsembleResult& ensemble);
    void showNeuron(const NeuronTrace& trace);

    widgets::ChartPlot* m_distance;
    widgets::ChartPlot* m_energy;
    widgets::ChartPlot* m_schemes;
    QTabWidget* m_distanceTabs;                // this run, or every scheme
    std::vector<widgets::ChartPlot*> m_neuron; // Fig. 8.1, top to bottom
    QTabWidget* m_pages = nullptr;             // settling (Fig. 8.2) | one neuron
    widgets::ChartPlot* m_outputs;
    widgets::SpikeRaster* m_raster;
    widgets::HeatmapView* m_states;
    QAction* m_perturb;
    int m_length = 0;
    int m_position = 0;
};

} // namespace sdlab::gui
