#pragma once

#include "gui/lab_page.h"

#include <vector>

namespace sdlab::widgets {
class ChartPlot;
}

namespace sdlab::gui {

// The Gradient alignment lab (thesis §7.3.4, Fig. 7.2): two feed-forward students of a
// random teacher, one trained on local losses and one on the global loss, their global
// losses over training, and the locally trained one's local/distant gradient cosine per
// layer, which says why the local losses suffice.
class AlignmentLab : public LabPage {
    Q_OBJECT
  public:
    explicit AlignmentLab(const Experiment& experiment, QWidget* parent = nullptr);
    ComputeFunction computeFunction() const override;
    // alignment.csv of `sdlab-cli alignment`.
    bool openResult(const QString& directory, QString* error) override;
    void showResult(const LabResultPtr& result) override;
    std::vector<std::pair<QString, widgets::ExportablePlot*>> plots() override;
    bool hasPlayback() const override { return true; }
    int playbackLength() const override { return static_cast<int>(m_steps.size()); }
    void setPlaybackPosition(int position) override;

    widgets::ChartPlot* lossPlot() const { return m_loss; }
    widgets::ChartPlot* alignmentPlot() const { return m_alignment; }

  private:
    widgets::ChartPlot* m_loss;
    widgets::ChartPlot* m_alignment;
    std::vector<double> m_steps; // of the rows, for playback
};

} // namespace sdlab::gui
