// The Neuron lab and `sdlab-cli neuron`: one spiking neuron of spec §10 driven by a
// current (snnTorch tutorials 1-3, paper Figs 3-5), with its f-I curve.
#include "experiments/neuron_experiment.h"

#include "experiment/common_parameters.h"
#include "experiment/experiment.h"
#include "io/csv_table.h"
#include "io/json_writer.h"

#include <cstdio>

namespace sdlab {

namespace {

using namespace common;

constexpr int kFiPoints = 41;

std::string run(const ParameterValues& v, const RunContext&, OutputBundle& out) {
    const SingleNeuronSettings settings = singleNeuronSettingsFrom(v);
    const std::vector<double> current = neuronCurrentFrom(v);
    const SingleNeuronTrace trace = runSingleNeuron(settings, current);
    CsvWriter csv({"t", "current", "syn", "mem", "spk"});
    const bool synaptic = !trace.synaptic.empty();
    for (std::size_t t = 0; t < current.size(); ++t)
        csv.addRow(std::vector<std::optional<double>>{
            static_cast<double>(t + 1), current[t],
            synaptic ? std::optional<double>(trace.synaptic[t]) : std::nullopt, trace.membrane[t],
            trace.spikes[t]});
    const std::vector<double> fiCurrents = fiCurrentsFrom(v);
    const std::vector<double> rates = firingRates(settings, fiCurrents, current.size());
    CsvWriter fi({"current", "rate"});
    for (std::size_t k = 0; k < rates.size(); ++k)
        fi.addRow({fiCurrents[k], rates[k]});
    const double meanRate =
        static_cast<double>(trace.spikeCount) / static_cast<double>(current.size());
    JsonObjectWriter summary;
    summary.add("neuron", singleNeuronKindName(settings.kind))
        .add("source", v.text("input").empty() ? "current:" + v.text("current") : v.text("input"))
        .add("steps", static_cast<long long>(current.size()))
        .add("spike_count", static_cast<long long>(trace.spikeCount))
        .add("first_spike", static_cast<long long>(trace.firstSpike.value_or(0)))
        .add("mean_rate", meanRate)
        .add("threshold", settings.neuron.threshold)
        .add("reset", resetMechanismName(settings.neuron.reset));
    out.stage("neuron.csv", csv.text());
    out.stage("fi.csv", fi.text());
    out.stage("summary.json", summary.text());
    char line[160];
    std::snprintf(line, sizeof line, "%zu steps, %ld spikes (first at %ld), %.3f spikes/step",
                  current.size(), trace.spikeCount, trace.firstSpike.value_or(0), meanRate);
    return line;
}

Parameter real(const char* key, const char* label, const char* help, double minimum, double maximum,
               double fallback, const std::string& group) {
    return {.key = key,
            .label = label,
            .help = help,
            .valueName = "X",
            .minimum = minimum,
            .maximum = maximum,
            .fallback = fallback,
            .group = group};
}

Parameter positive(Parameter p) {
    p.minimumExclusive = true;
    return p;
}

Parameter optionalReal(Parameter p, const char* unsetMeans) {
    p.optional = true;
    p.unsetMeans = unsetMeans;
    p.minimumExclusive = true;
    p.logarithmic = true;
    return p;
}

Parameter labOnly(Parameter p) {
    p.scope = ParameterScope::Lab;
    return p;
}

std::vector<Parameter> parameters() {
    const std::string input = "Input current", neuron = "Neuron", display = "Display";
    Parameter steps = stepsParameter(100, 100'000, "Steps of the built-in current", input);
    return {
        {.key = "current",
         .kind = ParameterKind::Choice,
         .label = "Current",
         .help = "step: 0 for the first tenth of the steps, then the amplitude; ramp: 0 to "
                 "the amplitude; noise: amplitude·U(0, 1) each step (seeded); pulses: the "
                 "amplitude on every period-th step",
         .valueName = "SHAPE",
         .fallbackText = "step",
         .choices = choices(
             {{"step", "Step"}, {"ramp", "Ramp"}, {"noise", "Noise"}, {"pulses", "Pulse train"}}),
         .group = input},
        csvInputParameter("Current from CSV (column current)",
                          "CSV file with a column current, one row per step; replaces the "
                          "built-in current",
                          {"current"}, input),
        real("amplitude", "Amplitude", "Size of the built-in current I_t", -100.0, 100.0, 0.15,
             input),
        steps,
        {.key = "period",
         .kind = ParameterKind::Integer,
         .label = "Pulse period",
         .help = "pulses: steps from one pulse to the next",
         .valueName = "N",
         .minimum = 1,
         .maximum = 10'000,
         .fallback = 10,
         .unit = "steps",
         .group = input},
        seedParameter(input),
        {.key = "model",
         .kind = ParameterKind::Choice,
         .label = "Neuron",
         .help = "leaky U = βU + I − Rθ (snnTorch Leaky); lapicque: the RC circuit by "
                 "forward Euler (from β alone as snnTorch: R = 1, C = Δt/ln(1/β), decay 1 − "
                 "ln(1/β)); synaptic: a current I_syn = αI_syn + I first; rleaky: its own "
                 "last spike fed back with weight V (spec §10)",
         .valueName = "KIND",
         .fallbackText = "leaky",
         .choices = choices({{"leaky", "Leaky"},
                             {"lapicque", "Lapicque (RC)"},
                             {"synaptic", "Synaptic"},
                             {"rleaky", "Recurrent leaky"}}),
         .group = neuron},
        real("beta", "Decay β", "U_t = β·U_{t−1} + …; 1 is integrate-and-fire (spec §10)", 0.0, 1.0,
             0.9, neuron),
        positive(real("threshold", "Threshold θ", "S_t = H(U_t − θ), strictly above", 0.0, 1000.0,
                      1.0, neuron)),
        {.key = "reset",
         .kind = ParameterKind::Choice,
         .label = "Reset",
         .help = "After a spike (R_t = H(U_{t−1} − θ), the previous step's): subtract θ, set "
                 "to zero, or none",
         .valueName = "R",
         .fallbackText = "subtract",
         .choices = choices({{"subtract", "Subtract θ"}, {"zero", "To zero"}, {"none", "None"}}),
         .group = neuron},
        real("alpha", "Synaptic decay α", "synaptic: I_syn,t = α·I_syn,t−1 + I_t", 0.0, 1.0, 0.8,
             neuron),
        optionalReal(real("resistance", "Resistance R", "lapicque: R of the RC circuit", 0.0, 1e9,
                          5.0, neuron),
                     "R = 1, C from β"),
        optionalReal(real("capacitance", "Capacitance C", "lapicque: C of the RC circuit", 0.0, 1e9,
                          1e-3, neuron),
                     "C = Δt/ln(1/β)"),
        {.key = "dt",
         .label = "Time step Δt",
         .help = "lapicque: the Euler step; U_t = (1 − Δt/RC)·U_{t−1} + (Δt/C)·I_t",
         .valueName = "DT",
         .minimum = 0.0,
         .maximum = 1e6,
         .minimumExclusive = true,
         .fallback = 1.0,
         .group = neuron,
         .decimals = 5,
         .logarithmic = true},
        real("recurrent-weight", "Recurrent weight V",
             "rleaky, one-to-one: I_t + V·S_{t−1} drives the membrane", -100.0, 100.0, 0.5, neuron),
        real("fi-max", "f-I curve up to", "The f-I curve's constant currents run from 0 to this",
             0.0, 1000.0, 1.0, display),
        labOnly(surrogateKindParameter("surrogate",
                                       "Drawn beside the Heaviside it replaces in the backward "
                                       "pass (snnTorch paper Fig. 9; sdlab-cli surrogate "
                                       "writes it)",
                                       display)),
        labOnly(surrogateSlopeParameter(
            "α (atan), k (sigmoid, fast sigmoid) or the width (triangular)", display)),
        labOnly({.key = "reset-attached",
                 .kind = ParameterKind::Flag,
                 .label = "Gradient through the reset",
                 .help = "The unrolled graph draws the reset edge as part of the gradient's "
                         "path (snnTorch detaches it by default)",
                 .group = display}),
    };
}

} // namespace

SingleNeuronSettings singleNeuronSettingsFrom(const ParameterValues& v) {
    SingleNeuronSettings s;
    s.kind = parseSingleNeuronKind(v.text("model")).value();
    s.beta = v.real("beta");
    s.alpha = v.real("alpha");
    s.neuron.threshold = v.real("threshold");
    s.neuron.reset = parseResetMechanism(v.text("reset")).value();
    if (v.isSet("resistance"))
        s.resistance = v.real("resistance");
    if (v.isSet("capacitance"))
        s.capacitance = v.real("capacitance");
    s.dt = v.real("dt");
    s.recurrentWeight = v.real("recurrent-weight");
    return s;
}

std::vector<double> neuronCurrentFrom(const ParameterValues& v) {
    if (!v.text("input").empty())
        return CsvTable::read(v.text("input")).column("current");
    return makeCurrent(parseCurrentShape(v.text("current")).value(), v.real("amplitude"),
                       static_cast<std::size_t>(v.integer("steps")),
                       static_cast<int>(v.integer("period")), v.seed());
}

std::vector<double> fiCurrentsFrom(const ParameterValues& v) {
    std::vector<double> currents(kFiPoints);
    for (int k = 0; k < kFiPoints; ++k)
        currents[static_cast<std::size_t>(k)] = v.real("fi-max") * k / (kFiPoints - 1);
    return currents;
}

const Experiment& neuronExperiment() {
    static const Experiment experiment{
        .id = "neuron",
        .command = "neuron",
        .title = "Neuron",
        .usage = "sdlab-cli neuron [--model leaky|lapicque|synaptic|rleaky] [--beta B "
                 "--threshold TH --reset subtract|zero|none] [--alpha A] [--resistance R "
                 "--capacitance C --dt DT] [--recurrent-weight V] [--input FILE.csv | "
                 "--current step|ramp|noise|pulses --amplitude A --steps N] --out DIR",
        .description =
            "One spiking neuron in snnTorch's conventions (spec §10) driven by a current.\n"
            "Writes neuron.csv (t,current,syn,mem,spk; syn empty for neurons without a\n"
            "synaptic current), fi.csv (current,rate: spikes per step under each constant\n"
            "current from 0 to --fi-max over the same steps) and summary.json (spike_count,\n"
            "first_spike, 1-based and 0 for none, mean_rate in spikes per step).",
        .parameters = parameters(),
        .outputs = {"neuron.csv", "fi.csv", "summary.json"},
        .check =
            [](const ParameterValues& v) { return validationError(singleNeuronSettingsFrom(v)); },
        .run = run};
    return experiment;
}

} // namespace sdlab
