#pragma once

#include "models/classifier.h"
#include "models/pd_layer.h"
#include "models/spike_activity_window.h"

#include <cstdint>
#include <vector>

namespace sdlab {

struct PdNetworkSettings {
    std::vector<int> sizes; // {d_in, hidden..., classes}
    double learningRate = 0.01;
    PdLayerSettings layer{}; // the same coding and update form for every layer
    // With auto-tune, kα = firstEpochKAlpha for epoch 0, then laterKAlpha (ICLR'18 App. F).
    double firstEpochKAlpha = 0.5;
    double laterKAlpha = 0.9;
    std::uint64_t seed = 1;
    int activityWindow = 0; // training samples activity() looks back over (0: the last)
};

// The PD network (PDNN) of ICLR'18 §2.5: f = h_L∘dec_L∘W_L∘Q_L∘enc_L∘…∘h_1∘dec_1∘W_1∘Q_1∘enc_1,
// ReLU hidden layers, softmax output with the NLL loss, each layer a PdLayer with its
// own forward and backward coding. Xavier initialisation. Trains one sample per time
// step; its additions are counted as they happen (forward and backward products cost
// Σ|s|·d additions; the update costs what its form touches).
class PdNetwork : public Classifier {
  public:
    explicit PdNetwork(const PdNetworkSettings& settings);

    TrainStep train(const Eigen::VectorXd& x, int label) override;
    int predict(const Eigen::VectorXd& x) override;
    void beginEvaluation() override;
    void endEvaluation() override;
    void beginEpoch(int epoch) override;
    void finishTraining() override;

    int spikingLayerCount() const override { return static_cast<int>(m_layers.size()); }
    void lastSpikes(int layer, std::vector<UnitSpike>& out) const override;
    std::vector<PdParams> forwardGains() const override;
    std::vector<PdParams> backwardGains() const override;
    // Weights and biases; the gains come from the settings (or the auto-tuner) again.
    bool visitLearnedParameters(LearnedParameterVisitor& visitor) override {
        for (std::size_t l = 0; l < m_layers.size(); ++l)
            visitDenseLayer(l, m_layers[l].parametersBeforeTraining(), visitor);
        return true;
    }
    // The hidden layers' forward spikes (one signed spike vector per sample).
    std::optional<SpikeActivity> activity() const override { return m_activity.activity(); }

    const std::vector<PdLayer>& layers() const { return m_layers; }

  private:
    const Eigen::VectorXd& forward(const Eigen::VectorXd& x, OpCounter& ops);

    PdNetworkSettings m_settings;
    std::vector<PdLayer> m_layers;
    std::vector<Eigen::VectorXd> m_z; // pre-activations per layer
    std::vector<Eigen::VectorXd> m_h; // ReLU outputs per hidden layer
    Eigen::VectorXd m_p;
    Eigen::VectorXd m_error;
    std::vector<PdLayer::ForwardState> m_saved;
    OpCounter m_evaluationOps;
    SpikeActivityWindow m_activity;
};

} // namespace sdlab
