#include "equilibrium/settle_run.h"

#include "equilibrium/continuous_settler.h"
#include "util/name_table.h"

#include <array>
#include <chrono>
#include <random>
#include <utility>

namespace sdlab {

namespace {
constexpr std::array<std::pair<const char*, SettleModel>, 2> kModels{
    {{"eqprop", SettleModel::Continuous}, {"spiking-eqprop", SettleModel::Spiking}}};
constexpr std::array<std::pair<const char*, PerturbationKind>, 2> kPerturbations{
    {{"clamp", PerturbationKind::ClampOutput}, {"kick", PerturbationKind::KickState}}};

} // namespace

std::optional<SettleModel> parseSettleModel(std::string_view name) {
    return lookupName(kModels, name);
}
const char* settleModelName(SettleModel model) {
    return nameIn(kModels, model);
}
std::optional<PerturbationKind> parsePerturbationKind(std::string_view name) {
    return lookupName(kPerturbations, name);
}
const char* perturbationKindName(PerturbationKind kind) {
    return nameIn(kPerturbations, kind);
}

std::string SettleRunSettings::validationError() const {
    if (sizes.size() < 2 || sizes.size() > 8)
        return "the network needs 2 to 8 layers (input first)";
    for (int size : sizes)
        if (size < 1 || size > 5000)
            return "every layer size must be between 1 and 5000";
    if (steps < 1 || steps > 1000000)
        return "--steps must be between 1 and 1000000";
    if (perturbAt && (*perturbAt < 1 || *perturbAt > steps))
        return "--perturb-at must be between 1 and --steps";
    if (!(clampBeta > 0.0 && clampBeta <= 10.0))
        return "the perturbation's beta must be in (0, 10]";
    if (!(kickSigma > 0.0 && kickSigma <= 10.0))
        return "the kick's sigma must be in (0, 10]";
    if (!(epsilon > 0.0 && epsilon <= 1.0))
        return "--epsilon must be in (0, 1]";
    return spiking.validationError();
}

SettleRunResult runSettle(const SettleRunSettings& settings, const SettleFrameObserver& observer,
                          const ProgressCallback& progress) {
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    const EnergyNetwork network(settings.sizes, settings.seed);
    std::mt19937_64 rng(settings.seed ^ 0x9e3779b97f4a7c15ULL);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    Eigen::VectorXd x(settings.sizes.front());
    for (Eigen::Index i = 0; i < x.size(); ++i)
        x[i] = uniform(rng);
    Eigen::VectorXd target(settings.sizes.back());
    for (Eigen::Index i = 0; i < target.size(); ++i)
        target[i] = uniform(rng);

    SettleRunResult result;
    ContinuousSettler continuous(network);
    continuous.setInput(x);
    const EqState zero = network.zeroState();
    result.fixedPoint = continuous.fixedPoint(zero);
    const bool clamps =
        settings.perturbAt && settings.perturbation == PerturbationKind::ClampOutput;
    SettleTerms clamped;
    clamped.beta = settings.clampBeta;
    clamped.target = &target;
    result.perturbedFixedPoint =
        clamps ? continuous.fixedPoint(result.fixedPoint, clamped) : result.fixedPoint;

    const bool spiking = settings.model == SettleModel::Spiking;
    SpikingSettler spiker(network, settings.spiking);
    if (spiking) // start() copies the weights transposed; the continuous model never steps it
        spiker.start(x);
    EqState reference = zero; // the continuous network's own trajectory
    std::normal_distribution<double> kick(0.0, settings.kickSigma);

    auto energyOf = [&](const EqState& s, bool withClamp) {
        double e = network.energy(s, x);
        if (withClamp)
            e += 0.5 * settings.clampBeta * (s.back() - target).squaredNorm();
        return e;
    };
    result.rows.reserve(static_cast<std::size_t>(settings.steps) + 1);
    result.rows.push_back(
        {0, meanAbsoluteDistance(zero, result.fixedPoint), energyOf(zero, false), 0});
    if (observer)
        observer({result.rows.back(), zero, zero, spiking ? &spiker.lastSpikes() : nullptr,
                  result.fixedPoint, spiking ? &spiker : nullptr});

    for (int t = 1; t <= settings.steps; ++t) {
        const bool after = settings.perturbAt && t >= *settings.perturbAt;
        if (settings.perturbAt && t == *settings.perturbAt) {
            if (settings.perturbation == PerturbationKind::KickState) {
                // The same displacement for both networks, so their recoveries compare.
                EqState displacement = zero;
                for (auto& layer : displacement)
                    for (Eigen::Index i = 0; i < layer.size(); ++i)
                        layer[i] = kick(rng);
                for (std::size_t l = 0; l < zero.size(); ++l)
                    reference[l] = (reference[l] + displacement[l]).cwiseMax(0.0).cwiseMin(1.0);
                if (spiking) {
                    EqState kicked = spiker.state();
                    for (std::size_t l = 0; l < zero.size(); ++l)
                        kicked[l] = (kicked[l] + displacement[l]).cwiseMax(0.0).cwiseMin(1.0);
                    spiker.moveState(kicked);
                }
            } else if (spiking) {
                spiker.beginPhase();
            }
        }
        const SettleTerms& terms = after && clamps ? clamped : SettleTerms{};
        continuous.step(reference, settings.epsilon, terms);
        int spikes = 0;
        if (spiking)
            spikes = spiker.step(terms);
        const EqState& state = spiking ? spiker.state() : reference;
        const EqState& fixed = after ? result.perturbedFixedPoint : result.fixedPoint;
        result.rows.push_back(
            {t, meanAbsoluteDistance(state, fixed), energyOf(state, after && clamps), spikes});
        result.spikes += static_cast<std::uint64_t>(spikes);
        if (observer)
            observer({result.rows.back(), state, reference,
                      spiking ? &spiker.lastSpikes() : nullptr, fixed,
                      spiking ? &spiker : nullptr});
        if (progress &&
            !progress(static_cast<std::size_t>(t), static_cast<std::size_t>(settings.steps))) {
            result.cancelled = true;
            break;
        }
    }
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return result;
}

} // namespace sdlab
