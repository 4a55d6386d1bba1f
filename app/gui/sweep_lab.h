#pragma once

#include "gui/lab_page.h"

namespace sdlab::widgets {
class HeatmapView;
}

namespace sdlab::gui {

// The Sweep lab (ICLR'18 Fig. 10, thesis Fig. C.2): over a kp × kd grid, the cosine
// similarity with the true product x⊙w when only w changes, when only quantization
// acts, and both, with the spike count (log10). Clicking a cell asks for that (kp, kd)
// in the Signal lab. Large grids report progress and can be cancelled.
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

  Q_SIGNALS:
    void openInSignalLab(double kp, double kd);

  private:
    std::vector<widgets::HeatmapView*> m_maps; // nonstationary, quantization, full, spikes
    std::vector<double> m_kp, m_kd;
};

} // namespace sdlab::gui
