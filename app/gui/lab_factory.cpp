#include "gui/lab_factory.h"

#include "experiment/experiment.h"
#include "gui/alignment_lab.h"
#include "gui/encoders_lab.h"
#include "gui/equilibrium_lab.h"
#include "gui/kernels_lab.h"
#include "gui/lab_session.h"
#include "gui/learning_lab.h"
#include "gui/networks_lab.h"
#include "gui/neuron_lab.h"
#include "gui/pareto_lab.h"
#include "gui/quantization_lab.h"
#include "gui/signal_lab.h"
#include "gui/sweep_lab.h"
#include "gui/update_rules_lab.h"
#include "gui/video_lab.h"

namespace sdlab::gui {

namespace {

LabSession* withoutRun(LabPage* page, QObject* parent) {
    return new LabSession(page, nullptr, parent);
}

} // namespace

LabSession* createLab(const Experiment& experiment, QObject* parent) {
    const std::string& id = experiment.id;
    if (id == "signal")
        return withoutRun(new SignalLab(experiment), parent);
    if (id == "sweep")
        return withoutRun(new SweepLab(experiment), parent);
    if (id == "updates")
        return withoutRun(new UpdateRulesLab(experiment), parent);
    if (id == "kernels")
        return withoutRun(new KernelsLab(experiment), parent);
    if (id == "quantization")
        return withoutRun(new QuantizationLab(experiment), parent);
    if (id == "networks")
        return withoutRun(new NetworksLab(experiment), parent);
    if (id == "alignment")
        return withoutRun(new AlignmentLab(experiment), parent);
    if (id == "pareto")
        return withoutRun(new ParetoLab(experiment), parent);
    if (id == "encoders")
        return withoutRun(new EncodersLab(experiment), parent);
    if (id == "neuron")
        return withoutRun(new NeuronLab(experiment), parent);
    if (id == "equilibrium")
        return withoutRun(new EquilibriumLab(experiment), parent);
    if (id == "learning") {
        auto* runs = new TrainingRuns;
        return new LabSession(new LearningLab(experiment, runs), runs, parent);
    }
    if (id == "video") {
        auto* run = new VideoRun(experiment);
        return new LabSession(new VideoLab(experiment, run), run, parent);
    }
    return nullptr;
}

} // namespace sdlab::gui
