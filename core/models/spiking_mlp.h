#pragma once

#include "models/classifier.h"
#include "models/dense_layer.h"
#include "models/spike_activity_window.h"
#include "training/training_settings.h"
#include "util/progress.h"

#include <cstdint>
#include <random>
#include <vector>

namespace sdlab {

struct SpikingMlpSettings {
    std::vector<int> sizes; // {d_in, hidden..., classes}
    double learningRate = 0.01;
    int timeSteps = 10;      // T per training iteration (DSN Table 3 baseline: 10)
    bool fractional = false; // FSGD (eq. 7) instead of SGD (eq. 6)
    bool depthFirst = false; // event routing (App. F)
    BackReset backReset = BackReset::None;
    OutputError outputError = OutputError::Mean;
    // DSN App. E "Smooth Gradients": the weight update takes the rectified running sum of
    // each input unit's pre-quantized input (the input x itself for the first layer)
    // instead of its spike count c_in.
    bool smoothUpdates = false;
    double initSigma = 0.01; // weights ~ N(0, σ²) (DSN §4)
    std::uint64_t seed = 1;
    int activityWindow = 0; // training samples activity() looks back over (0: the last)
};

// The Deep Spiking MLP of O'Connor & Welling 2016 (DSN Alg. 3 forward, Alg. 8 training
// iteration), without biases. For T steps per sample:
//   forward: the input is herded into signed spikes (Alg. 1); each spike i adds row
//     W_i to the next layer's potential φ and to its running input sum c_out (Alg. 8
//     l. 19-20); hidden units fire +1 while φ > ½ (rectified stream quantization, Alg. 7);
//     the last layer accumulates u.
//   backward: the output error is herded into signed error spikes. Each step t the
//     error quantizer takes (OutputError)
//       Mean: ū_t − y, with ū_t = u/t the running estimate of the squared-error
//         gradient (default);
//       Stream: this step's output u_t − u_{t−1} − y, summing to T(ū_T − y); with
//         depth-first routing every output event enters at once and its errors run back
//         before the next forward event (App. F's event graph);
//       Cumulative: u_t − y, Alg. 8 l. 5 as printed;
//       Spikes: as DSN's code: the output units fire rectified spikes too, and the error
//         events are the output's spikes (+1) and the target's (−1 at the label each
//         step), through the output's ReLU' filter. Breadth-first nets them over the
//         step (DSN's held error); depth-first sends each output spike's error back at
//         once, during the forward cascade (DSN Table 3's depth-first row, which held
//         no error: with a held error depth-first equals breadth-first).
//     A spike at unit j sends s·W_{·j}, filtered by [c_out > 0] (ReLU'), to the layer
//     below's error quantizer, and updates column j (FSGD: W_{·j} −= (η/T²)·s·c_in at
//     once). FSGD so takes about half SGD's step at equal η (inputs counted so far).
//   SGD instead collects error counts c_err and applies W −= (η/T²)·c_in ⊗ c_err at the end.
// DSN eqs. 6-7 divide by T; since c_in and c_err both grow with T, that makes the step
// grow with T (20 steps trained worse than 10). With T² the step estimates η·∂L/∂W.
// Breadth-first routing lets a layer emit all its events of a step before its children
// run; depth-first runs each event's whole cascade first, so hidden units fire on
// partial sums. The back quantizers' φ persist across samples (None), restart at
// U(−½, ½) (Random) or at 0 (Zero). Every operation is an addition (counted), except
// SGD's end-of-iteration outer product (multiply-adds).
class SpikingMlp : public Classifier {
  public:
    explicit SpikingMlp(const SpikingMlpSettings& settings);

    TrainStep train(const Eigen::VectorXd& x, int label) override;
    int predict(const Eigen::VectorXd& x) override;
    bool guessEachStep(const Eigen::MatrixXd& inputs, EarlyGuesses& out) override;

    int spikingLayerCount() const override { return static_cast<int>(m_layers.size()); }
    // The hidden layers' spikes over the T steps of each sample.
    std::optional<SpikeActivity> activity() const override { return m_activity.activity(); }
    void lastSpikes(int layer, std::vector<UnitSpike>& out) const override;

    const std::vector<DenseLayer>& layers() const { return m_weights; }
    std::vector<DenseLayer>& layers() { return m_weights; } // hand-made networks in tests
    bool visitLearnedParameters(LearnedParameterVisitor& visitor) override {
        visitDenseLayers(m_weights, visitor);
        return true;
    }
    // Spike counts per output unit of the last sample's forward pass, divided by T.
    Eigen::VectorXd lastOutput() const { return m_u / m_settings.timeSteps; }
    // DSN App. B, Fig. 4: predict()'s forward pass on x, run for the last of `readAt`
    // (ascending, ≥ 1) steps whatever T is, and read out after each step t in it:
    // rates[k][l] is layer l's spike count per unit over t (l = 0 the input, then each
    // hidden layer), and last ū_t = u/t for the output. Counts nothing; empty when
    // `progress` (steps done, of all) cancels.
    std::vector<std::vector<Eigen::VectorXd>> forwardRates(const Eigen::VectorXd& x,
                                                           const std::vector<int>& readAt,
                                                           const ProgressCallback& progress = {});

  private:
    struct LayerState {
        Eigen::ArrayXd potential; // φ of the units this layer drives (hidden only)
        Eigen::ArrayXd inputSum;  // c_out: running sum of their input this sample
        Eigen::ArrayXd inCount;   // c_in: spikes received per input unit
        Eigen::ArrayXd backPhi;   // φ of the error quantizer on this layer's outputs
        Eigen::ArrayXd errCount;  // c_err (SGD)
        Eigen::ArrayXd spikesOut; // this step's forward spikes (breadth-first)
        Eigen::ArrayXd errorsOut; // this step's error spikes (breadth-first)
    };

    void resetSample(bool learning);
    void forwardStep(const Eigen::VectorXd& x, int step, bool record);
    void deliverForward(std::size_t layer, Eigen::Index unit, double spike, int step, bool record);
    void backwardStep(const Eigen::ArrayXd& outputError);
    void deliverError(std::size_t layer, Eigen::Index unit, double spike);
    void sendOutputError(Eigen::Index unit, double spike);
    void fireErrors(std::size_t layer);
    void applyColumnUpdate(std::size_t layer, Eigen::Index unit, double spike);
    // What the weight update of `layer` multiplies an error by: c_in, or its smooth form.
    const Eigen::ArrayXd& updateInput(std::size_t layer);

    SpikingMlpSettings m_settings;
    std::vector<DenseLayer> m_weights;
    std::vector<LayerState> m_layers;
    Eigen::ArrayXd m_inputPhi;
    Eigen::ArrayXd m_inputTotal;  // Σ_t x this sample (smooth updates of the first layer)
    Eigen::ArrayXd m_smoothInput; // updateInput()'s smooth result
    Eigen::VectorXd m_u;
    Eigen::VectorXd m_uBeforeStep; // u at the start of the step (OutputError::Stream)
    bool m_learning = false;       // inside train(), not predict()
    Eigen::ArrayXd m_target;
    Eigen::ArrayXd m_error;
    std::mt19937_64 m_rng;
    std::vector<std::vector<UnitSpike>> m_recorded; // per layer (0 = input spikes)
    std::uint64_t m_forwardEventAdds = 0; // Σ|spike|·d_out of the forward events, for predict()
    SpikeActivityWindow m_activity;
};

} // namespace sdlab
