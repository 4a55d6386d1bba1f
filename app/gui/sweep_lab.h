#pragma once

#include "experiments/pd_sweep.h"
#include "gui/lab_page.h"

class QPushButton;

namespace sdlab::widgets {
class ChartPlot;
class HeatmapView;
} // namespace sdlab::widgets

namespace sdlab::gui {

// The Sweep lab (ICLR'18 Fig. 10, thesis Fig. C.2): over a kp × kd grid, the cosine
// similarity with the true product x⊙w when only w changes, when only quantization
// acts, and both, with the spike count (log10). Clicking a cell shows its traces below
// the maps (x⊙w and the three reconstructions, Fig. 10's rows); a button opens that
// (kp, kd) in the Signal lab. Large grids report progress and can be cancelled.
class SweepLab : public LabPage {
    Q_OBJECT
  public:
    explicit SweepLab(const Experiment& experiment, QWidget* parent = nullptr);
    ComputeFunction computeFunction() const override;
    // sweep.csv of `sdlab-cli sweep`, spacing from its summary.json.
    bool openResult(const QString& directory, QString* error) override;
    QString openingPreset() const override { return QStringLiteral("iclr-fig10"); }
    void showResult(const LabResultPtr& result) override;
    std::vector<std::pair<QString, widgets::ExportablePlot*>> plots() override;
    QString parameterNote(const widgets::ParameterValues& values) const override;

    widgets::HeatmapView* heatmap(int index) const {
        return m_maps[static_cast<std::size_t>(index)];
    }
    widgets::ChartPlot* tracePlot() const { return m_traces; }
    QPushButton* openInSignalButton() const { return m_openInSignal; }
    // Shows the traces of grid cell (row = kp index, column = kd index) and marks it.
    void selectCell(int row, int column);

  Q_SIGNALS:
    void openInSignalLab(double kp, double kd);

  private:
    std::vector<widgets::HeatmapView*> m_maps; // nonstationary, quantization, full, spikes
    widgets::ChartPlot* m_traces;
    QPushButton* m_openInSignal;
    std::vector<double> m_kp, m_kd;
    std::vector<double> m_x, m_w; // the swept input (empty for an opened sweep.csv)
    std::vector<SweepPoint> m_lastPoints;

    void showTraces(int row, int column, const SweepTraces& traces);
    double m_selectedKp = 0.0, m_selectedKd = 0.0;
};

} // namespace sdlab::gui
