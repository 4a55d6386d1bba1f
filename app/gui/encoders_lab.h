#pragma once

#include "gui/lab_page.h"

class QGroupBox;

namespace sdlab::widgets {
class ChartPlot;
class SpikeRaster;
} // namespace sdlab::widgets

namespace sdlab::gui {

// The Encoders lab (snnTorch paper §II-B and spec §8, beside PD coding of spec §2): one
// multi-channel input through rate, latency, delta-modulation and PD + sigma-delta
// coding; a raster per encoder with its spike count, and one channel's input with what
// a receiver reconstructs from each encoder's spikes.
class EncodersLab : public LabPage {
    Q_OBJECT
  public:
    explicit EncodersLab(const Experiment& experiment, QWidget* parent = nullptr);
    ComputeFunction computeFunction() const override;
    // spikes.csv of `sdlab-cli encode`: its encoder's raster (the input is not in the files).
    bool openResult(const QString& directory, QString* error) override;
    QString openingPreset() const override { return QStringLiteral("snntorch-encoders"); }
    void showResult(const LabResultPtr& result) override;
    std::vector<std::pair<QString, widgets::ExportablePlot*>> plots() override;
    bool hasPlayback() const override { return true; }
    int playbackLength() const override { return m_length; }
    void setPlaybackPosition(int position) override;

    widgets::SpikeRaster* raster(int index) const {
        return m_rasters[static_cast<std::size_t>(index)];
    }

  private:
    std::vector<widgets::SpikeRaster*> m_rasters; // rate, latency, delta, PD
    std::vector<QGroupBox*> m_boxes;
    widgets::ChartPlot* m_reconstruction;
    int m_length = 0;
};

} // namespace sdlab::gui
