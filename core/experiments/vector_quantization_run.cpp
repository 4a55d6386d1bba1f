#include "experiments/vector_quantization_run.h"

#include "coding/spiking_stream_quantizer.h"
#include "coding/stochastic_vector_sampler.h"

namespace sdlab {

VectorQuantizationRun runVectorQuantization(std::span<const double> v, long steps,
                                            VectorQuantizationMethod method, std::uint64_t seed) {
    const Eigen::Index d = static_cast<Eigen::Index>(v.size());
    const Eigen::ArrayXd target = Eigen::Map<const Eigen::ArrayXd>(v.data(), d);
    SpikingStreamQuantizer herding(d);
    StochasticVectorSampler sampler(target, seed);
    Eigen::ArrayXd spikeSum = Eigen::ArrayXd::Zero(d);
    VectorQuantizationRun run;
    run.l1Error.reserve(static_cast<std::size_t>(steps));
    std::vector<SignedSpike> stepSpikes;
    for (long t = 1; t <= steps; ++t) {
        stepSpikes.clear();
        if (method == VectorQuantizationMethod::Herding)
            herding.step(target, stepSpikes);
        else
            sampler.step(stepSpikes);
        for (const SignedSpike& spike : stepSpikes) {
            spikeSum(spike.index) += spike.sign;
            run.spikes.push_back(spike);
            run.spikeStep.push_back(t);
        }
        run.l1Error.push_back((target - spikeSum / static_cast<double>(t)).abs().sum());
    }
    return run;
}

} // namespace sdlab
