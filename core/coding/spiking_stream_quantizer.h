#pragma once

#include "coding/signed_spike.h"

#include <Eigen/Core>
#include <vector>

namespace sdlab {

// Spiking (stream) vector quantization, DSN Alg. 1/4 (a fixed vector) and Alg. 6 (a
// stream of vectors): each step φ += v_t, then while max|φ| > ½ the neuron
// i = argmax|φ| fires s = sign(φ_i) and φ_i −= s. Fed the same v every step this is
// herding; the running mean of the spikes then misses v by |φ_T|₁/T < d/(2T)
// (DSN eq. 9). Ties in argmax go to the lowest index. Invariant: |φ_i| ≤ ½.
// Cost: O(d) per step plus O(d) per spike; no allocation once `out` has capacity.
class SpikingStreamQuantizer {
  public:
    explicit SpikingStreamQuantizer(Eigen::Index dimension)
        : m_phi(Eigen::ArrayXd::Zero(dimension)) {}

    // One step: appends this step's spikes to `out` in firing order.
    void step(const Eigen::ArrayXd& v, std::vector<SignedSpike>& out);

    const Eigen::ArrayXd& potentials() const { return m_phi; }

  private:
    Eigen::ArrayXd m_phi;
};

// Rectified spiking stream quantization, DSN Alg. 7 (spiking ReLU): each step φ += v_t,
// then while max φ > ½ the neuron i = argmax φ fires +1 and φ_i −= 1. φ may become
// arbitrarily negative. The spike count of unit j by step T is
//   N_{j,T} = max(0, max_{T'≤T} ceil(Σ_{t≤T'} v_{j,t} − ½))
// which is DSN eq. 12 (floor(S + ½)) wherever S + ½ is not an integer; at an exact tie
// φ = ½ does not fire, as Alg. 7's strict ">" says. The rate tends to ReLU of the mean.
class RectifiedStreamQuantizer {
  public:
    explicit RectifiedStreamQuantizer(Eigen::Index dimension)
        : m_phi(Eigen::ArrayXd::Zero(dimension)) {}

    void step(const Eigen::ArrayXd& v, std::vector<SignedSpike>& out);

    const Eigen::ArrayXd& potentials() const { return m_phi; }

  private:
    Eigen::ArrayXd m_phi;
};

} // namespace sdlab
