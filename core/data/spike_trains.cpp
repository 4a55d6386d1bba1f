#include "data/spike_trains.h"

namespace sdlab {

std::vector<double> randomSpikeTrain(std::size_t steps, double density, std::mt19937_64& engine,
                                     bool signedSpikes) {
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    std::vector<double> train(steps, 0.0);
    for (double& s : train)
        if (uniform(engine) < density)
            s = signedSpikes && uniform(engine) < 0.5 ? -1.0 : 1.0;
    return train;
}

} // namespace sdlab
