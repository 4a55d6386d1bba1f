#include "equilibrium/spiking_settler.h"

#include "equilibrium/hard_sigmoid.h"
#include "util/name_table.h"

#include <array>
#include <utility>

namespace sdlab {

namespace {
constexpr std::array<std::pair<const char*, SpikeCoding>, 3> kCodings{
    {{"sigma-delta", SpikeCoding::SigmaDelta},
     {"stochastic", SpikeCoding::Stochastic},
     {"predictive", SpikeCoding::Predictive}}};
constexpr std::array<std::pair<const char*, StepSizeRule>, 2> kRules{
    {{"schedule", StepSizeRule::Schedule}, {"osa", StepSizeRule::Osa}}};
} // namespace

std::optional<SpikeCoding> parseSpikeCoding(std::string_view name) {
    return lookupName(kCodings, name);
}
const char* spikeCodingName(SpikeCoding coding) {
    return nameIn(kCodings, coding);
}
std::optional<StepSizeRule> parseStepSizeRule(std::string_view name) {
    return lookupName(kRules, name);
}
const char* stepSizeRuleName(StepSizeRule rule) {
    return nameIn(kRules, rule);
}

std::string SpikingEqPropSettings::validationError() const {
    if (!(schedule.epsilon0 > 0.0 && schedule.epsilon0 <= 1.0))
        return "the initial step size epsilon0 must be in (0, 1]";
    if (!(schedule.eta >= 0.0 && schedule.eta <= 2.0))
        return "the annealing exponent eta must be in [0, 2]";
    if (!(osaTarget > 0.0 && osaTarget < 1.0))
        return "the OSA target step size must be in (0, 1)";
    if (!(predictiveLambda > 0.0 && predictiveLambda <= 1.0))
        return "the predictive-coding lambda must be in (0, 1]";
    if (!(lambdaAnneal >= 0.0 && lambdaAnneal <= 10.0))
        return "the lambda-annealing exponent must be in [0, 10]";
    return {};
}

SpikingSettler::SpikingSettler(const EnergyNetwork& network, const SpikingEqPropSettings& settings)
    : m_network(network), m_settings(settings), m_engine(settings.seed) {
    const std::vector<int>& sizes = network.sizes();
    for (std::size_t l = 0; l < sizes.size(); ++l) {
        m_previousRho.push_back(Eigen::ArrayXd::Zero(sizes[l]));
        m_rho.push_back(Eigen::ArrayXd::Zero(sizes[l]));
        m_residual.push_back(Eigen::ArrayXd::Zero(sizes[l]));
        m_spikes.emplace_back();
        m_spikes.back().reserve(static_cast<std::size_t>(sizes[l]));
        if (l > 0) {
            m_decoded.push_back(Eigen::ArrayXd::Zero(sizes[l]));
            m_pressure.push_back(Eigen::ArrayXd::Zero(sizes[l]));
            m_sum.push_back(Eigen::VectorXd::Zero(sizes[l]));
            m_osa.emplace_back(sizes[l], settings.osaTarget);
        }
    }
    m_state = network.zeroState();
    m_input = Eigen::ArrayXd::Zero(sizes[0]);
}

void SpikingSettler::start(const Eigen::VectorXd& x, const EqState* initial) {
    m_transposed.resize(m_network.sizes().size() - 1);
    for (std::size_t l = 0; l < m_transposed.size(); ++l)
        m_transposed[l] = m_network.weights(static_cast<int>(l)).transpose();
    m_input = x.array();
    m_state = initial ? *initial : m_network.zeroState();
    for (std::size_t l = 0; l < m_previousRho.size(); ++l) {
        m_previousRho[l].setZero();
        m_residual[l].setZero();
        m_spikes[l].clear();
    }
    for (auto& v : m_decoded)
        v.setZero();
    m_lambdaSent = m_settings.lambdaAt(1);
    beginPhase();
}

void SpikingSettler::beginPhase() {
    m_t = 0;
    for (auto& osa : m_osa)
        osa.reset();
}

void SpikingSettler::moveState(const EqState& state) {
    m_state = state;
}

void SpikingSettler::encode(std::size_t layer, const Eigen::ArrayXd& rho) {
    std::vector<int>& spikes = m_spikes[layer];
    spikes.clear();
    Eigen::ArrayXd& phi = m_residual[layer];
    Eigen::ArrayXd& previous = m_previousRho[layer];
    const double lambda = m_settings.lambdaAt(m_t);
    for (Eigen::Index i = 0; i < rho.size(); ++i) {
        bool fire = false;
        switch (m_settings.coding) {
        case SpikeCoding::Stochastic: // eq. 8.8
            fire = m_uniform(m_engine) < rho[i];
            break;
        case SpikeCoding::Predictive: { // eq. 8.12 into eq. 8.11
            const double a = (rho[i] - (1.0 - lambda) * previous[i]) / lambda;
            phi[i] += a;
            fire = phi[i] > 0.5;
            phi[i] -= fire ? 1.0 : 0.0;
            break;
        }
        case SpikeCoding::SigmaDelta: // eq. 8.11
            phi[i] += rho[i];
            fire = phi[i] > 0.5;
            phi[i] -= fire ? 1.0 : 0.0;
            break;
        }
        if (fire)
            spikes.push_back(static_cast<int>(i));
    }
    previous = rho;
}

int SpikingSettler::step(const SettleTerms& terms) {
    ++m_t;
    const std::vector<int>& sizes = m_network.sizes();
    const std::size_t layers = m_state.size();
    const double lambda = m_lambdaSent; // decode with the λ the bits were sent with
    std::uint64_t adds = 0;
    for (std::size_t l = 0; l < layers; ++l) {
        // u = Σ_i w_ij q_i,t−1 over both neighbours, one column add per spike.
        Eigen::VectorXd& sum = m_sum[l];
        sum.setZero();
        for (int i : m_spikes[l])
            sum += m_transposed[l].col(i);
        adds += m_spikes[l].size() * static_cast<std::size_t>(sizes[l + 1]);
        if (l + 1 < layers) {
            const Eigen::MatrixXd& above = m_network.weights(static_cast<int>(l + 1));
            for (int j : m_spikes[l + 2])
                sum += above.col(j);
            adds += m_spikes[l + 2].size() * static_cast<std::size_t>(sizes[l + 1]);
        }
        Eigen::ArrayXd& v = m_decoded[l];
        if (m_settings.coding == SpikeCoding::Predictive)
            v = (1.0 - lambda) * v + lambda * sum.array(); // eq. 8.13
        else
            v = sum.array(); // eq. 8.9

        auto s = m_state[l].array();
        Eigen::ArrayXd& pressure = m_pressure[l];
        pressure = hardSigmoidSlope(s) * (v + m_network.bias(static_cast<int>(l)).array());
        if (l + 1 == layers && terms.beta != 0.0 && terms.target)
            pressure += terms.beta * (terms.target->array() - s);
        if (terms.anchor != 0.0 && terms.anchorState)
            pressure += 2.0 * terms.anchor * ((*terms.anchorState)[l].array() - s);
        if (m_settings.stepSize == StepSizeRule::Osa) {
            const Eigen::ArrayXd& alpha = m_osa[l].update(pressure, s);
            s = ((1.0 - alpha) * s + alpha * pressure).max(0.0).min(1.0);
        } else {
            const double epsilon = m_settings.schedule.at(m_t);
            s = ((1.0 - epsilon) * s + epsilon * pressure).max(0.0).min(1.0);
        }
    }
    const auto units = static_cast<std::uint64_t>(m_network.stateUnitCount());
    m_ops.countAdds(adds);
    m_spikeAdds += adds;
    m_ops.countMultiplyAdds(3 * units); // decode, average, encode per unit

    encode(0, m_input);
    m_lambdaSent = m_settings.lambdaAt(m_t);
    int count = static_cast<int>(m_spikes[0].size());
    for (std::size_t l = 0; l < layers; ++l) {
        m_rho[l + 1] = hardSigmoid(m_state[l].array());
        encode(l + 1, m_rho[l + 1]);
        count += static_cast<int>(m_spikes[l + 1].size());
    }
    m_lastSpikeCount = count;
    m_totalSpikes += static_cast<std::uint64_t>(count);
    return count;
}

SettleOutcome SpikingSettler::settle(int steps, const SettleTerms& terms,
                                     const SettleObserver& observer) {
    SettleOutcome outcome;
    while (outcome.steps < steps) {
        step(terms);
        ++outcome.steps;
        if (observer && !observer(outcome.steps, m_state)) {
            outcome.cancelled = true;
            break;
        }
    }
    return outcome;
}

} // namespace sdlab
