#include "video/online_video_learner.h"

#include "io/input_error.h"
#include "training/training_run.h"
#include "video/video_pipeline.h"

namespace sdlab {

std::string validationError(const OnlineLearningSettings& s) {
    if (s.model != ModelKind::Mlp && s.model != ModelKind::Pdnn &&
        s.model != ModelKind::SigmaDelta && s.model != ModelKind::Lif)
        return "online learning from video takes the mlp, pdnn, sigma-delta or lif model";
    if (s.timeSteps < 1 || s.timeSteps > 1000)
        return "the LIF network's time steps per frame must be 1..1000";
    if (s.method == LifMethod::Rtrl)
        return "RTRL is exact for one layer only and the learner has a hidden layer: use "
               "eprop or bptt";
    if (s.hidden < 1 || s.hidden > 4000)
        return "the hidden layer must have 1..4000 units";
    if (!(s.learningRate > 0.0) || s.learningRate > 10.0)
        return "the learning rate must be in (0, 10]";
    if (std::string error = validationError(s.input); !error.empty())
        return error;
    if (s.classes < 2 || s.classes > 100)
        return "online learning needs 2..100 classes";
    if (s.framesPerRow < 1 || s.framesPerRow > 100'000)
        return "frames per curve row must be 1..100000";
    if (s.replaySamples < 0 || s.replaySamples > 100)
        return "replay samples per frame must be 0..100";
    if (s.replayMemory < 1 || s.replayMemory > 1'000'000)
        return "the replay memory must hold 1..1000000 frames";
    return {};
}

double defaultOnlineLearningRate(ModelKind model) {
    return model == ModelKind::Lif ? 1e-3 : 0.01;
}

VideoTestSet syntheticTestSet(const VideoBackend& backend, const VideoEncodingSettings& encoding,
                              const VideoFeatureSettings& input, int count, int stride) {
    VideoSourceSettings source = encoding.source;
    source.source = "synthetic";
    source.seed = encoding.source.seed + 1000;
    VideoEncodingSettings held = encoding;
    held.fps = 0.0;
    VideoPipeline pipeline(backend.openSource(source), held);
    VideoFeatureExtractor features(input, backend);
    VideoPipelineStep step;
    VideoTestSet test;
    constexpr long warmUp = 10; // the encoder's start transient
    while (static_cast<int>(test.inputs.size()) < count && pipeline.next(step)) {
        const Eigen::VectorXd& x = features.extract(step.encoded, step.frame.shape());
        if (step.index >= warmUp && (step.index - warmUp) % stride == 0) {
            test.inputs.push_back(x);
            test.labels.push_back(step.frame.label);
        }
    }
    return test;
}

std::unique_ptr<Classifier> makeOnlineVideoModel(const OnlineLearningSettings& settings) {
    TrainingSettings t;
    t.model = settings.model;
    t.hidden = {settings.hidden};
    t.learningRate = settings.learningRate;
    t.seed = settings.seed;
    t.autoTune = true;
    if (settings.model == ModelKind::Lif) {
        t.timeSteps = settings.timeSteps;
        t.optimizer = Optimizer::Adam;
        t.lif.method = settings.method;
    }
    auto model = makeClassifier(t, settings.input.size(), settings.classes);
    model->beginEpoch(0); // PD auto-tuner: the first epoch's kα for the whole stream
    return model;
}

OnlineVideoLearner::OnlineVideoLearner(const OnlineLearningSettings& settings,
                                       const VideoBackend& backend)
    : m_settings(settings),
      m_features(
          [&] {
              if (const std::string error = validationError(settings); !error.empty())
                  throw InputError(error);
              return settings.input;
          }(),
          backend),
      m_engine(settings.seed) {
    m_model = makeOnlineVideoModel(settings);
}

void OnlineVideoLearner::replay(const Eigen::VectorXd& x, int label) {
    if (m_settings.replaySamples == 0)
        return;
    for (int r = 0; r < m_settings.replaySamples && !m_memory.empty(); ++r) {
        const std::size_t i = m_engine() % m_memory.size();
        m_model->train(m_memory[i], m_memoryLabels[i]);
    }
    const auto capacity = static_cast<std::size_t>(m_settings.replayMemory);
    if (m_memory.size() < capacity) {
        m_memory.push_back(x);
        m_memoryLabels.push_back(label);
    } else { // overwrite the oldest; the vectors keep their size, so no allocation
        m_memory[m_memoryNext] = x;
        m_memoryLabels[m_memoryNext] = label;
        m_memoryNext = (m_memoryNext + 1) % capacity;
    }
}

void OnlineVideoLearner::keepHiddenSpikes() {
    m_hiddenSpikes.clear();
    if (m_model->spikingLayerCount() < 2)
        return;
    m_model->lastSpikes(1, m_hiddenSpikes);
    if (m_settings.model != ModelKind::Lif)
        return;
    // One frame is T steps: the raster shows a frame per column, so count per unit.
    std::vector<int> counts(static_cast<std::size_t>(m_settings.hidden), 0);
    for (const UnitSpike& spike : m_hiddenSpikes)
        ++counts[static_cast<std::size_t>(spike.unit)];
    m_hiddenSpikes.clear();
    for (std::size_t unit = 0; unit < counts.size(); ++unit)
        if (counts[unit] > 0)
            m_hiddenSpikes.push_back(
                {0, static_cast<int>(unit), static_cast<double>(counts[unit])});
}

double OnlineVideoLearner::testAccuracy() {
    if (m_test.inputs.empty())
        return -1.0;
    m_model->beginEvaluation();
    long correct = 0;
    for (std::size_t i = 0; i < m_test.inputs.size(); ++i)
        correct += m_model->predict(m_test.inputs[i]) == m_test.labels[i] ? 1 : 0;
    m_model->endEvaluation();
    return static_cast<double>(correct) / static_cast<double>(m_test.inputs.size());
}

VideoLearnStep OnlineVideoLearner::observe(long frameIndex, const EncodedFrame& encoded,
                                           const FrameShape& shape, int label) {
    const Eigen::VectorXd& x = m_features.extract(encoded, shape);
    VideoLearnStep step;
    const bool labelled = label >= 0 && label < m_settings.classes;
    const InferenceCost before = m_model->inferenceCost();
    if (labelled) { // training runs the forward pass again: predicting must leave no trace
        m_model->beginEvaluation();
        step.predicted = m_model->predict(x);
        m_model->endEvaluation();
    } else { // the stream moves on, so a PD or sigma-delta net sends only what changed
        step.predicted = m_model->predict(x);
    }
    const InferenceCost& after = m_model->inferenceCost();
    step.inferenceAdds = after.ops.adds - before.ops.adds;
    step.inferenceMults = after.ops.multiplies - before.ops.multiplies;
    ++m_rowFrames;
    m_rowInferenceAdds += step.inferenceAdds;
    m_rowInferenceMults += step.inferenceMults;
    if (!labelled)
        return step;
    const TrainStep trained = m_model->train(x, label);
    keepHiddenSpikes();
    step.predicted = trained.predicted;
    step.learned = true;
    ++m_samples;
    ++m_rowCount;
    m_rowCorrect += trained.predicted == label ? 1 : 0;
    m_rowLoss += trained.loss;
    replay(x, label);
    if (m_rowCount >= m_settings.framesPerRow) {
        constexpr double picoToMilli = 1e-9;
        VideoLearnRow row;
        row.frame = frameIndex;
        row.samples = m_samples;
        row.trainAccuracy = static_cast<double>(m_rowCorrect) / static_cast<double>(m_rowCount);
        row.testAccuracy = testAccuracy();
        row.loss = m_rowLoss / static_cast<double>(m_rowCount);
        row.adds = m_model->trainingOps().adds;
        row.mults = m_model->trainingOps().multiplies;
        row.energyMj = m_model->trainingOps().energyPj(EnergyModel::int32()) * picoToMilli;
        row.inferenceAdds =
            static_cast<double>(m_rowInferenceAdds) / static_cast<double>(m_rowFrames);
        row.inferenceMults =
            static_cast<double>(m_rowInferenceMults) / static_cast<double>(m_rowFrames);
        m_curve.push_back(row);
        m_rowFrames = 0;
        m_rowInferenceAdds = m_rowInferenceMults = 0;
        m_rowCorrect = m_rowCount = 0;
        m_rowLoss = 0.0;
        step.newRow = true;
    }
    return step;
}

} // namespace sdlab
