#include "equilibrium/energy_network.h"

#include "equilibrium/glorot.h"
#include "equilibrium/hard_sigmoid.h"

#include <cmath>
#include <random>

namespace sdlab {

double meanAbsoluteDistance(const EqState& a, const EqState& b) {
    double sum = 0.0;
    Eigen::Index count = 0;
    for (std::size_t l = 0; l < a.size(); ++l) {
        sum += (a[l] - b[l]).cwiseAbs().sum();
        count += a[l].size();
    }
    return count ? sum / static_cast<double>(count) : 0.0;
}

EnergyNetwork::EnergyNetwork(const std::vector<int>& sizes, std::uint64_t seed) : m_sizes(sizes) {
    std::mt19937_64 rng(seed);
    for (std::size_t l = 0; l + 1 < sizes.size(); ++l) {
        m_weights.push_back(glorotUniform(sizes[l], sizes[l + 1], rng));
        m_biases.push_back(Eigen::VectorXd::Zero(sizes[l + 1]));
    }
}

int EnergyNetwork::stateUnitCount() const {
    int n = 0;
    for (std::size_t l = 1; l < m_sizes.size(); ++l)
        n += m_sizes[l];
    return n;
}

EqState EnergyNetwork::zeroState() const {
    EqState s;
    for (std::size_t l = 1; l < m_sizes.size(); ++l)
        s.push_back(Eigen::VectorXd::Zero(m_sizes[l]));
    return s;
}

double EnergyNetwork::energy(const EqState& s, const Eigen::VectorXd& x) const {
    double e = 0.0;
    Eigen::VectorXd below = x;
    for (std::size_t l = 0; l < s.size(); ++l) {
        const Eigen::VectorXd rho = hardSigmoid(s[l].array()).matrix();
        e += 0.5 * s[l].squaredNorm() - m_biases[l].dot(rho) - below.dot(m_weights[l] * rho);
        below = rho;
    }
    return e;
}

void EnergyNetwork::inputDrive(const Eigen::VectorXd& x, Eigen::VectorXd& out) const {
    out.noalias() = m_weights[0].transpose() * x;
}

void EnergyNetwork::drives(const EqState& s, const Eigen::VectorXd& inputDrive,
                           EqState& out) const {
    const std::size_t n = s.size();
    out.resize(n);
    for (std::size_t l = 0; l < n; ++l) {
        out[l] = m_biases[l];
        if (l == 0)
            out[l] += inputDrive;
        else
            out[l].noalias() += m_weights[l].transpose() * hardSigmoid(s[l - 1].array()).matrix();
        if (l + 1 < n)
            out[l].noalias() += m_weights[l + 1] * hardSigmoid(s[l + 1].array()).matrix();
    }
}

std::uint64_t EnergyNetwork::drivesMultiplyAdds() const {
    std::uint64_t n = 0;
    for (std::size_t l = 1; l < m_weights.size(); ++l)
        n += 2 * static_cast<std::uint64_t>(m_weights[l].size());
    return n;
}

} // namespace sdlab
