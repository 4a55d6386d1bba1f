#pragma once

#include "models/classifier.h"
#include "snn/lif_settings.h"
#include "snn/parameter_optimizer.h"

#include <Eigen/Core>
#include <deque>
#include <memory>
#include <vector>

namespace sdlab {

// A stack of dense layers of spiking neurons unrolled over T steps and trained by
// backpropagation through time with a surrogate gradient (snnTorch paper §IV, spec §10):
// I^l_t = W_l·S^{l−1}_t + b_l (nn.Linear's layout and initialisation, U(±1/√fan_in)),
// S^0_t the coded input, every layer of LifLayer neurons, the output layer too (rleaky:
// each with its own V, n × n, in I^l_t += V_l·S^l_{t−1}). A
// minibatch is split into fixed parts of 64 samples that run on both cores; their
// gradients are summed in order, so results do not depend on the thread count.
// Ops per sample: a spike into a layer of n units costs n additions, a real input n
// multiply-adds (direct input's first layer once, as it is the same every step); the
// backward pass's W^T δ is multiply-adds, its outer products additions per input spike.
class LifNetwork : public Classifier {
  public:
    struct Gradients {
        std::vector<Eigen::MatrixXd> weights;   // out × in, as the weights
        std::vector<Eigen::MatrixXd> biases;    // out × 1
        std::vector<Eigen::MatrixXd> recurrent; // out × out (rleaky), else empty
        std::vector<double> betas, thresholds;  // per layer (learnable β and θ)
    };

    explicit LifNetwork(const LifNetworkSettings& settings); // InputError on bad settings
    ~LifNetwork() override;

    TrainStep train(const Eigen::VectorXd& x, int label) override;
    int batchSize() const override { return m_settings.batch; }
    void trainBatch(const Eigen::MatrixXd& inputs, const std::vector<int>& labels,
                    std::vector<TrainStep>& steps) override;
    int predict(const Eigen::VectorXd& x) override;
    void predictBatch(const Eigen::MatrixXd& inputs, std::vector<int>& classes) override;
    bool guessEachStep(const Eigen::MatrixXd& inputs, EarlyGuesses& out) override;
    int spikingLayerCount() const override { return static_cast<int>(m_weights.size()) + 1; }
    // The spikes of the last training batch's samples, one sample per call, in order.
    void lastSpikes(int layer, std::vector<UnitSpike>& out) const override;

    // The batch-mean loss of (inputs, labels) and its gradient; learns and counts nothing.
    double meanLossAndGradients(const Eigen::MatrixXd& inputs, const std::vector<int>& labels,
                                Gradients& gradients);
    std::vector<Eigen::MatrixXd>& weights() { return m_weights; }
    std::vector<Eigen::MatrixXd>& biases() { return m_biases; }
    std::vector<Eigen::MatrixXd>& recurrentWeights() { return m_recurrent; } // rleaky
    // Each layer's β and θ: the settings' unless learned (settings.learnBeta/Threshold).
    std::vector<double>& betas() { return m_betas; }
    std::vector<double>& thresholds() { return m_thresholds; }
    bool visitLearnedParameters(LearnedParameterVisitor& visitor) override;
    // Gradient checks: forward passes reuse the resets of the last pass (LifLayer).
    void setReplayResets(bool replay);

    // Over the last settings.activityWindow training samples: spikes of all layers but
    // the input per sample, and the fraction of hidden units that never fired.
    double spikesPerSample() const;
    double deadFraction() const;
    // The same with the per-layer rates and silent fractions (classifier.h).
    std::optional<SpikeActivity> activity() const override;
    std::vector<double> gradientNorms() const override;
    // The last sample of the last training batch.
    MembraneTrace lastOutputMembrane() const override;
    LearnedNeuronParameters learnedNeuronParameters() const override {
        return {m_settings.learnBeta ? m_betas : std::vector<double>{},
                m_settings.learnThreshold ? m_thresholds : std::vector<double>{}};
    }
    const LifNetworkSettings& settings() const { return m_settings; }

  private:
    struct Pass;
    void runPasses(const Eigen::MatrixXd& inputs, const std::vector<int>* labels,
                   std::uint64_t stream);
    // The three steps of one part of a minibatch (runPasses runs the parts in parallel).
    void encodeInput(Pass& pass, const Eigen::Ref<const Eigen::MatrixXd>& x, std::uint64_t stream,
                     std::size_t part) const;
    void forward(Pass& pass) const;
    void backward(Pass& pass, double meanOver) const;

    LifNetworkSettings m_settings;
    std::vector<Eigen::MatrixXd> m_weights, m_biases, m_recurrent;
    std::vector<ParameterOptimizer> m_weightSteps, m_biasSteps, m_recurrentSteps, m_betaSteps,
        m_thresholdSteps;
    std::vector<double> m_betas, m_thresholds;
    std::vector<std::unique_ptr<Pass>> m_passes, m_evaluationPasses;
    Eigen::Index m_lastBatchSize = 0;
    mutable Eigen::Index m_spikeCursor = 0; // lastSpikes: the next sample of the last batch
    std::uint64_t m_batches = 0, m_evaluations = 0;
    // Activity window: per training batch, its sample count, the spike count of every
    // unit of every layer but the input (layer by layer) and its weight-gradient norms.
    struct BatchActivity {
        int samples = 0;
        Eigen::VectorXd unitSpikes;
        std::vector<double> gradientNorms;
    };
    void recordActivity(std::size_t parts, const Gradients& gradients);
    // Summed over the window: the spike count of every unit, and the samples.
    Eigen::VectorXd windowUnitSpikes(int& samples) const;
    std::deque<BatchActivity> m_activity;
};

} // namespace sdlab
