#pragma once

#include "models/classifier.h"

#include <deque>
#include <optional>
#include <vector>

namespace sdlab {

// What a model's spiking layers sent over its last `window` training samples, as
// SpikeActivity: spikes (events) per sample, per layer the rate (events per unit per
// time step) and the fraction of units that never sent one. For the models that
// record their spikes per sample through lastSpikes() (the PD network, one signed
// spike vector per layer and sample; the spiking MLP, T steps per sample); their
// layers 1 … n−1, the hidden ones, are reported (the output is read out, not sent).
class SpikeActivityWindow {
  public:
    // The hidden layers' sizes of {d_in, hidden..., classes}.
    static std::vector<int> hiddenSizes(const std::vector<int>& sizes);

    // `layerUnits`: the units of each reported layer; a window of at least one sample.
    SpikeActivityWindow(std::vector<int> layerUnits, int stepsPerSample, int window);

    // The spikes of layers 1 … layerUnits.size() of `model`'s last training sample.
    void addSample(const Classifier& model);
    // None before the first sample, or without a layer to report.
    std::optional<SpikeActivity> activity() const;

  private:
    std::vector<int> m_layerUnits, m_firstUnit; // a global unit index per layer's unit
    int m_steps = 1;
    std::size_t m_window = 1;
    std::deque<std::vector<int>> m_samples; // per sample, the global unit of each event
    std::vector<long> m_unitEvents;         // summed over the window
    std::vector<UnitSpike> m_scratch;
};

} // namespace sdlab
