#pragma once

#include "models/classifier.h"
#include "training/training_settings.h"
#include "video/video_encoding_run.h"
#include "video/video_features.h"

#include <Eigen/Core>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace sdlab {

struct OnlineLearningSettings {
    ModelKind model = ModelKind::Mlp; // Mlp, Pdnn, SigmaDelta or Lif
    int hidden = 100;
    double learningRate = 0.01;
    // Lif: each frame is shown for `timeSteps` steps (direct input, snnTorch tutorial 5's
    // neuron and membrane loss) and learned by `method`; e-prop's traces are what an
    // online learner can carry forward (snnTorch paper §V).
    int timeSteps = 10;
    LifMethod method = LifMethod::Eprop;
    VideoFeatureSettings input;
    int classes = 4;
    int framesPerRow = 30; // a curve row every this many labelled frames
    // Consecutive frames share their label for seconds, and plain online SGD then
    // learns "the current label", forgetting the rest. Each labelled frame is also
    // followed by `replaySamples` training steps on frames drawn from a memory of the
    // last `replayMemory` labelled ones (experience replay). 0 = pure online SGD.
    int replaySamples = 1;
    int replayMemory = 1024;
    std::uint64_t seed = 1;

    bool operator==(const OnlineLearningSettings&) const = default;
};

std::string validationError(const OnlineLearningSettings& settings);
// SGD's 0.01 for the MLP and the PD network; Adam's 0.001 for the LIF network (at 0.01
// it learns the synthetic scene's shapes far worse, measured: 0.39 vs 0.55 test).
double defaultOnlineLearningRate(ModelKind model);

// The network the learner trains: settings.model with one hidden layer of
// settings.hidden units, settings.classes outputs and its seeded initial weights, the PD
// network auto-tuned for its first epoch, the LIF network on Adam.
std::unique_ptr<Classifier> makeOnlineVideoModel(const OnlineLearningSettings& settings);

// Held-out frames to test on: inputs as the learner's extractor makes them, and labels.
struct VideoTestSet {
    std::vector<Eigen::VectorXd> inputs;
    std::vector<int> labels;
};

// `count` test frames from a synthetic scene the learner never sees (seed + 1000),
// encoded with the same encoder and features: every `stride`-th frame after a warm-up.
VideoTestSet syntheticTestSet(const VideoBackend& backend, const VideoEncodingSettings& encoding,
                              const VideoFeatureSettings& input, int count, int stride = 7);

// One row of the online learning curve.
struct VideoLearnRow {
    long frame = 0;             // index of the last frame counted
    long samples = 0;           // labelled frames learned so far
    double trainAccuracy = 0.0; // predictions made before learning each frame, since the last row
    double testAccuracy = -1.0; // on the held-out frames; −1 without a test set
    double loss = 0.0;          // mean training loss since the previous row
    std::uint64_t adds = 0;     // cumulative training operations
    std::uint64_t mults = 0;
    double energyMj = 0.0; // Horowitz 32-bit integer figures, as the Learning lab
    // What running the network cost per frame since the previous row (mean over every
    // frame, labelled or not; thesis App. B.2's count, see InferenceCost).
    double inferenceAdds = 0.0;
    double inferenceMults = 0.0;
};

struct VideoLearnStep {
    int predicted = -1;
    // What running the network on this frame cost (ICLR'18 Fig. 8, thesis Fig. 4.5): its
    // prediction from the state the stream left it in, counted as InferenceCost counts,
    // so the PD network's additions fall as consecutive frames become alike and the
    // MLP's multiply-adds stay d_in·d_out per layer.
    std::uint64_t inferenceAdds = 0;
    std::uint64_t inferenceMults = 0;
    bool learned = false; // the frame had a label and was trained on
    bool newRow = false;  // a curve row was appended
};

// A small network (MLP, PD network, ICLR'18 §3.2, sigma-delta net, thesis ch. 4, or LIF
// network, spec §10) learning
// online from an encoded video stream: each frame becomes an input
// (VideoFeatureExtractor), the network predicts its class and, when the frame has a
// label (the synthetic scene's shape, or a key held in the lab), trains on it at once
// (minibatch 1), then on replayed frames (see replaySamples). Every frame is first
// predicted in evaluation mode, which is what running the network costs (its
// inferenceAdds/Mults). Consecutive frames share
// their label, so the online accuracy flatters; the held-out test frames say what was
// learned.
class OnlineVideoLearner {
  public:
    // InputError when the settings are invalid; `backend` must outlive the learner.
    OnlineVideoLearner(const OnlineLearningSettings& settings, const VideoBackend& backend);

    void setTestSet(VideoTestSet testSet) { m_test = std::move(testSet); }
    VideoLearnStep observe(long frameIndex, const EncodedFrame& encoded, const FrameShape& shape,
                           int label);
    double testAccuracy(); // −1 without a test set

    const Classifier& model() const { return *m_model; }
    const OnlineLearningSettings& settings() const { return m_settings; }
    const std::vector<VideoLearnRow>& curve() const { return m_curve; }
    const Eigen::VectorXd& input() const { return m_features.features(); }
    // The hidden layer's spikes on the last labelled frame (before any replay): the PD
    // network's signed spikes; the LIF network's spike count per unit over its T steps
    // (step 0); empty for the MLP.
    const std::vector<UnitSpike>& hiddenSpikes() const { return m_hiddenSpikes; }
    long samples() const { return m_samples; }

  private:
    void replay(const Eigen::VectorXd& x, int label);
    void keepHiddenSpikes();

    OnlineLearningSettings m_settings;
    std::unique_ptr<Classifier> m_model;
    VideoFeatureExtractor m_features;
    VideoTestSet m_test;
    std::vector<VideoLearnRow> m_curve;
    std::vector<UnitSpike> m_hiddenSpikes;
    std::vector<Eigen::VectorXd> m_memory; // replay ring buffer
    std::vector<int> m_memoryLabels;
    std::size_t m_memoryNext = 0;
    std::mt19937_64 m_engine;
    long m_samples = 0;
    long m_rowCorrect = 0, m_rowCount = 0;
    double m_rowLoss = 0.0;
    long m_rowFrames = 0; // frames predicted since the last row, labelled or not
    std::uint64_t m_rowInferenceAdds = 0, m_rowInferenceMults = 0;
};

} // namespace sdlab
