#pragma once

#include "equilibrium/continuous_settler.h"
#include "equilibrium/energy_network.h"
#include "equilibrium/feedforward_initializer.h"
#include "equilibrium/spiking_settler.h"
#include "models/classifier.h"

#include <deque>
#include <memory>
#include <random>

namespace sdlab {

enum class EqPropVariant {
    Continuous,  // Scellier & Bengio 2017 (thesis §2.7): settle from zero
    Initialized, // thesis ch. 7: settle from a feed-forward prediction, which also infers
    Spiking,     // thesis ch. 8: units exchange bits (SpikingSettler)
};

struct EqPropSettings {
    std::vector<int> sizes; // input, hidden..., classes
    EqPropVariant variant = EqPropVariant::Continuous;
    std::vector<double> learningRates; // one per connection, input side first
    double beta = 0.5;                 // |β| of the clamped phase
    bool randomSignBeta = true;        // β = ±|β| at random per sample (thesis §7.4)
    int freeSteps = 20;                // T⁻
    int clampedSteps = 4;              // T⁺
    double epsilon = 0.5;              // Euler step of the continuous settling
    double tolerance = 0.0;            // end a continuous phase once max |Δs| ≤ this (0: never)
    double anchor = 0.1;               // λ of eq. 7.5 (Initialized)
    double leak = 0.01;                // of the initializer's ρ (Initialized)
    InitializerLoss initializerLoss = InitializerLoss::Local;       // (Initialized)
    InitializedInference inference = InitializedInference::Forward; // (Initialized)
    SpikingEqPropSettings spiking;                                  // (Spiking)
    std::uint64_t seed = 1;
};

// One settling network trained by Equilibrium Propagation, one sample at a time:
// free phase to s⁻, weakly clamped phase (output pulled toward the one-hot label with
// β) to s⁺, then the contrastive update (eqs. 2.12-2.13)
//   ΔW_l = (η_l/β)(ρ(s⁺_l)ρ(s⁺_{l+1})ᵀ − ρ(s⁻_l)ρ(s⁻_{l+1})ᵀ),  Δb = (η/β)(ρ(s⁺) − ρ(s⁻)),
// with x in place of ρ(s_0). The loss reported is C = ½‖s⁻_O − y‖².
// Prediction: the free phase from zero (Continuous, Spiking) or, Initialized, the
// initializer's forward pass alone (Alg. 7) or the free phase from it (Alg. 8).
class EqPropClassifier : public Classifier {
  public:
    explicit EqPropClassifier(const EqPropSettings& settings);

    TrainStep train(const Eigen::VectorXd& x, int label) override;
    int predict(const Eigen::VectorXd& x) override;
    void beginEvaluation() override;

    int spikingLayerCount() const override;
    void lastSpikes(int layer, std::vector<UnitSpike>& out) const override;
    std::uint64_t settlingSteps() const override { return m_settlingSteps; }
    std::vector<double> gradientAlignment() const override;

    const EnergyNetwork& network() const { return m_network; }
    EnergyNetwork& network() { return m_network; }
    const EqPropSettings& settings() const { return m_settings; }
    // The states at the end of the last training sample's two phases.
    const EqState& freeState() const { return m_free; }
    const EqState& clampedState() const { return m_clamped; }

    // The contrastive update for one pair of states (exposed for the β → 0 gradient test).
    void applyContrastiveUpdate(const Eigen::VectorXd& x, const EqState& free,
                                const EqState& clamped, double beta);

    // Initialized: every this many training samples, the initializer's local and distant
    // gradients are compared; the last kAlignmentWindow comparisons are averaged.
    static constexpr std::uint64_t kAlignmentEvery = 10;
    static constexpr std::size_t kAlignmentWindow = 50;

  private:
    EqPropSettings m_settings;
    EnergyNetwork m_network;
    ContinuousSettler m_continuous;
    ContinuousSettler m_evaluationContinuous; // predict() never touches training's settler
    std::unique_ptr<FeedforwardInitializer> m_initializer;
    std::unique_ptr<SpikingSettler> m_spiking;
    std::unique_ptr<SpikingSettler> m_evaluationSpiking;
    std::mt19937_64 m_signs;
    EqState m_free, m_clamped, m_anchor;
    Eigen::VectorXd m_target, m_x;
    std::vector<std::vector<UnitSpike>> m_spikeLog; // per layer, last training sample
    std::uint64_t m_settlingSteps = 0;
    std::uint64_t m_trainedSamples = 0;
    InitializerGradient m_localGradient, m_distantGradient; // scratch of measureAlignment
    std::vector<std::deque<double>> m_alignment;            // per layer, recent cosines

    void measureAlignment(const Eigen::VectorXd& x);
};

} // namespace sdlab
