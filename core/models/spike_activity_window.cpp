#include "models/spike_activity_window.h"

#include <algorithm>
#include <numeric>

namespace sdlab {

std::vector<int> SpikeActivityWindow::hiddenSizes(const std::vector<int>& sizes) {
    return sizes.size() < 3 ? std::vector<int>{}
                            : std::vector<int>(sizes.begin() + 1, sizes.end() - 1);
}

SpikeActivityWindow::SpikeActivityWindow(std::vector<int> layerUnits, int stepsPerSample,
                                         int window)
    : m_layerUnits(std::move(layerUnits)), m_steps(std::max(1, stepsPerSample)),
      m_window(static_cast<std::size_t>(std::max(1, window))) {
    int first = 0;
    for (const int units : m_layerUnits) {
        m_firstUnit.push_back(first);
        first += units;
    }
    m_unitEvents.assign(static_cast<std::size_t>(first), 0);
}

void SpikeActivityWindow::addSample(const Classifier& model) {
    std::vector<int> events;
    if (m_samples.size() == m_window) { // reuse the oldest sample's storage
        events = std::move(m_samples.front());
        m_samples.pop_front();
        for (const int unit : events)
            --m_unitEvents[static_cast<std::size_t>(unit)];
        events.clear();
    }
    for (std::size_t l = 0; l < m_layerUnits.size(); ++l) {
        model.lastSpikes(static_cast<int>(l + 1), m_scratch);
        for (const UnitSpike& spike : m_scratch)
            if (spike.value != 0.0 && spike.unit >= 0 && spike.unit < m_layerUnits[l])
                events.push_back(m_firstUnit[l] + spike.unit);
    }
    for (const int unit : events)
        ++m_unitEvents[static_cast<std::size_t>(unit)];
    m_samples.push_back(std::move(events));
}

std::optional<SpikeActivity> SpikeActivityWindow::activity() const {
    if (m_samples.empty() || m_layerUnits.empty())
        return std::nullopt;
    const auto samples = static_cast<double>(m_samples.size());
    SpikeActivity a;
    long total = 0, silent = 0;
    int units = 0;
    for (std::size_t l = 0; l < m_layerUnits.size(); ++l) {
        const auto begin = m_unitEvents.begin() + m_firstUnit[l];
        const auto end = begin + m_layerUnits[l];
        const long events = std::accumulate(begin, end, 0L);
        const auto never = static_cast<long>(std::count(begin, end, 0L));
        a.layerRates.push_back(static_cast<double>(events) /
                               (samples * m_steps * std::max(1, m_layerUnits[l])));
        a.layerDeadFractions.push_back(static_cast<double>(never) / std::max(1, m_layerUnits[l]));
        total += events;
        silent += never;
        units += m_layerUnits[l];
    }
    a.spikesPerSample = static_cast<double>(total) / samples;
    a.deadFraction = units == 0 ? 0.0 : static_cast<double>(silent) / units;
    return a;
}

} // namespace sdlab
