#pragma once

#include "coding/pd_params.h"
#include "cost/inference_cost.h"
#include "cost/op_counter.h"
#include "models/early_guesses.h"
#include "util/eigen_types.h"

#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

namespace sdlab {

// What one training step reports.
struct TrainStep {
    int predicted = 0; // the class the model gave before learning from the sample
    double loss = 0.0; // the loss it trained on
};

// One spike for display: (time step within the sample, unit, signed size).
struct UnitSpike {
    int step = 0;
    int unit = 0;
    double value = 0.0;
};

// How much a spiking model fires, over a recent window: spikes of all its layers but the
// input per sample, the fraction of hidden units that never fired, and per layer but the
// input (the output layer last) its firing rate (spikes per unit per time step) and the
// fraction of its units that never fired.
struct SpikeActivity {
    double spikesPerSample = 0.0;
    double deadFraction = 0.0;
    std::vector<double> layerRates, layerDeadFractions;
};

// The output layer's membrane potential over the time steps of the last training sample
// (steps × classes), with the threshold it fires at.
struct MembraneTrace {
    Eigen::MatrixXd potential;
    double threshold = 0.0;
};

// Neuron parameters a model learns with its weights, one per layer (the LIF network's
// learnable β and θ); empty when they are not learned.
struct LearnedNeuronParameters {
    std::vector<double> betas, thresholds;
};

// Walks what a model has learned, by name ("layer1.weights"), as views of the model's own
// storage: saving reads them, loading assigns them (training/model_file.h). Empty
// matrices (a layer without recurrent weights) are skipped by both.
class LearnedParameterVisitor {
  public:
    virtual ~LearnedParameterVisitor() = default;
    virtual void visit(const std::string& name, RowMatrix& matrix) = 0;
    virtual void visit(const std::string& name, Eigen::MatrixXd& matrix) = 0;
    virtual void visit(const std::string& name, Eigen::VectorXd& vector) = 0;
    virtual void visit(const std::string& name, double& value) = 0;
};

// The interface all learning-lab models share. Training is one sample at a time
// (minibatch 1, as in ICLR'18 and DSN), in the order the trainer chooses; models with
// coding state carry it from sample to sample. Models that learn from minibatches
// (the LIF network) say so in batchSize() and take them through trainBatch(). trainingOps() counts
// the additions and multiplications training has cost so far; predictions are counted apart,
// in inferenceCost() (thesis App. B.2's rule, see InferenceCost).
class Classifier {
  public:
    virtual ~Classifier() = default;

    virtual TrainStep train(const Eigen::VectorXd& x, int label) = 0;
    // Class for x. Models with state (the PD network) predict a test set in order
    // between beginEvaluation() and endEvaluation(), which restores the training state.
    virtual int predict(const Eigen::VectorXd& x) = 0;
    // Minibatches: samples are the columns of `inputs`; each TrainStep is what the model
    // gave before the batch's update. By default one train()/predict() per column.
    virtual int batchSize() const { return 1; }
    virtual void trainBatch(const Eigen::MatrixXd& inputs, const std::vector<int>& labels,
                            std::vector<TrainStep>& steps) {
        steps.resize(labels.size());
        for (Eigen::Index j = 0; j < inputs.cols(); ++j)
            steps[static_cast<std::size_t>(j)] =
                train(inputs.col(j), labels[static_cast<std::size_t>(j)]);
    }
    virtual void predictBatch(const Eigen::MatrixXd& inputs, std::vector<int>& classes) {
        classes.resize(static_cast<std::size_t>(inputs.cols()));
        for (Eigen::Index j = 0; j < inputs.cols(); ++j)
            classes[static_cast<std::size_t>(j)] = predict(inputs.col(j));
    }
    // Models that run over T steps also answer after each step (DSN Fig. 3): the guesses of
    // every column of `inputs` after steps 1..T, and their cost (counted in inferenceCost()
    // too). False, with `out` untouched, for models that answer only at the end.
    virtual bool guessEachStep(const Eigen::MatrixXd& /*inputs*/, EarlyGuesses& /*out*/) {
        return false;
    }
    virtual void beginEvaluation() {}
    virtual void endEvaluation() {}
    // Called before each epoch (0-based), e.g. for the auto-tuner's kα schedule.
    virtual void beginEpoch(int /*epoch*/) {}
    // Called once after the last sample: updates still pending are applied.
    virtual void finishTraining() {}

    // Spikes layer `layer` (0 = the input) sent for the last training sample; empty for
    // models without spikes.
    virtual int spikingLayerCount() const { return 0; }
    virtual void lastSpikes(int /*layer*/, std::vector<UnitSpike>& out) const { out.clear(); }
    // The current kp/kd of each layer's forward and backward coding (PD network only).
    virtual std::vector<PdParams> forwardGains() const { return {}; }
    virtual std::vector<PdParams> backwardGains() const { return {}; }
    virtual std::optional<SpikeActivity> activity() const { return std::nullopt; }
    // Per layer, the Frobenius norm of the loss gradient of its weights, mean over the
    // same recent window; empty for models that do not report it.
    virtual std::vector<double> gradientNorms() const { return {}; }
    // Initialized EqProp: per layer of its feed-forward net below the top, the cosine of
    // the local and the distant gradient (thesis Fig. 7.4 right), mean over a recent
    // window; empty for other models.
    virtual std::vector<double> gradientAlignment() const { return {}; }
    // Empty potential for models without membranes.
    virtual MembraneTrace lastOutputMembrane() const { return {}; }
    virtual LearnedNeuronParameters learnedNeuronParameters() const { return {}; }
    // Settling steps training has taken so far (Equilibrium Propagation; 0 otherwise).
    virtual std::uint64_t settlingSteps() const { return 0; }
    // Every learned parameter through `visitor`, always in the same order; false for a
    // model that cannot be saved yet. Optimiser state (Adam's moments) is not included.
    virtual bool visitLearnedParameters(LearnedParameterVisitor& /*visitor*/) { return false; }

    const OpCounter& trainingOps() const { return m_ops; }
    const InferenceCost& inferenceCost() const { return m_inference; }

  protected:
    OpCounter m_ops;
    InferenceCost m_inference; // predict() and predictBatch() add to it
};

} // namespace sdlab
