#pragma once

#include "gui/lab_page.h"

namespace sdlab::widgets {
class ChartPlot;
}

namespace sdlab::gui {

// The Scale optimisation lab (thesis §4.6.1, Fig. 4.2): a rescaled random ReLU network
// run as the rounding network; left, its layer scales (random rescalings grey, the
// optimum for each λ in colour); right, error against computation, the random
// rescalings as grey dots and each λ's optimisation path from k = 1 to its end.
class ParetoLab : public LabPage {
    Q_OBJECT
  public:
    explicit ParetoLab(const Experiment& experiment, QWidget* parent = nullptr);
    ComputeFunction computeFunction() const override;
    // paths.csv and random.csv of `sdlab-cli pareto`.
    bool openResult(const QString& directory, QString* error) override;
    void showResult(const LabResultPtr& result) override;
    std::vector<std::pair<QString, widgets::ExportablePlot*>> plots() override;

    widgets::ChartPlot* scalesPlot() const { return m_scales; }
    widgets::ChartPlot* frontPlot() const { return m_front; }

  private:
    widgets::ChartPlot* m_scales;
    widgets::ChartPlot* m_front;
};

} // namespace sdlab::gui
