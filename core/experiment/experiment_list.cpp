#include "experiment/experiment_list.h"

namespace sdlab {

// Each defined in core/experiments/<id>_experiment.cpp.
const Experiment& signalExperiment();
const Experiment& sweepExperiment();
const Experiment& updatesExperiment();
const Experiment& kernelsExperiment();
const Experiment& quantizationExperiment();
const Experiment& networksExperiment();
const Experiment& alignmentExperiment();
const Experiment& paretoExperiment();
const Experiment& encodersExperiment();
const Experiment& learningExperiment();
const Experiment& earlyExperiment();
const Experiment& scalesExperiment();
const Experiment& equilibriumExperiment();
const Experiment& videoExperiment();
const Experiment& costExperiment();
const Experiment& surrogateExperiment();
const Experiment& neuronExperiment();
const Experiment& transferExperiment();

const std::vector<const Experiment*>& experiments() {
    static const std::vector<const Experiment*> list{
        &signalExperiment(),    &sweepExperiment(),        &updatesExperiment(),
        &kernelsExperiment(),   &quantizationExperiment(), &encodersExperiment(),
        &neuronExperiment(),    &learningExperiment(),     &equilibriumExperiment(),
        &videoExperiment(),     &networksExperiment(),     &paretoExperiment(),
        &alignmentExperiment(), &costExperiment(),         &surrogateExperiment(),
        &earlyExperiment(),     &scalesExperiment(),       &transferExperiment()};
    return list;
}

const Experiment* findExperiment(std::string_view idOrCommand) {
    for (const Experiment* e : experiments())
        if (e->id == idOrCommand || e->command == idOrCommand)
            return e;
    return nullptr;
}

} // namespace sdlab
