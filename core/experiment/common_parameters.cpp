#include "experiment/common_parameters.h"

#include "data/signals.h"
#include "io/input_error.h"

namespace sdlab::common {

std::vector<ParameterChoice> choices(std::initializer_list<ParameterChoice> list) {
    return list;
}

void keepVersion1Defaults(std::map<std::string, ParameterValue>& values,
                          std::initializer_list<std::pair<const char*, ParameterValue>> defaults) {
    for (const auto& [key, value] : defaults)
        values.try_emplace(key, value);
}

Parameter surrogateKindParameter(const std::string& kindKey, const std::string& help,
                                 const std::string& group) {
    return {.key = kindKey,
            .kind = ParameterKind::Choice,
            .label = "Surrogate gradient",
            .help = help,
            .valueName = "K",
            .fallbackText = "atan",
            .choices = choices({{"atan", "Arctangent"},
                                {"sigmoid", "Sigmoid"},
                                {"fast-sigmoid", "Fast sigmoid"},
                                {"triangular", "Triangular"},
                                {"straight-through", "Straight-through"}}),
            .group = group};
}

Parameter surrogateSlopeParameter(const std::string& help, const std::string& group) {
    return {.key = "slope",
            .label = "Surrogate slope",
            .help = help,
            .valueName = "S",
            .minimum = 0.0,
            .maximum = 1000.0,
            .minimumExclusive = true,
            .fallback = 2.0,
            .optional = true,
            .unsetMeans = "the kind's default: atan 2, sigmoid 25, fast sigmoid 25, triangular 1",
            .group = group,
            .logarithmic = true};
}

SurrogateGradient surrogateFrom(const ParameterValues& v, const std::string& kindKey) {
    SurrogateGradient g =
        SurrogateGradient::withDefaultSlope(parseSurrogateKind(v.text(kindKey)).value());
    if (v.isSet("slope"))
        g.slope = v.real("slope");
    return g;
}

Parameter signalParameter(const std::string& group) {
    return {.key = "signal",
            .kind = ParameterKind::Choice,
            .label = "Signal",
            .help = "Built-in input when no --input: sine sin(2πt/100); step (a new level every "
                    "100 steps); smooth (low-passed Gaussian noise, unit variance, ICLR'18 Figs "
                    "1, 10); white noise",
            .valueName = "KIND",
            .fallbackText = "smooth",
            .choices = choices({{"sine", "Sine"},
                                {"step", "Steps"},
                                {"smooth", "Smooth random"},
                                {"noise", "White noise"}}),
            .group = group};
}

Parameter stepsParameter(double fallback, double maximum, const std::string& help,
                         const std::string& group) {
    return {.key = "steps",
            .kind = ParameterKind::Integer,
            .label = "Length",
            .help = help,
            .valueName = "N",
            .minimum = 1,
            .maximum = maximum,
            .fallback = fallback,
            .unit = "steps",
            .group = group,
            .logarithmic = true};
}

Parameter seedParameter(const std::string& group) {
    return {.key = "seed",
            .kind = ParameterKind::Integer,
            .label = "Random seed",
            .help = "Every random draw comes from this seed: the same seed gives the same result",
            .valueName = "S",
            .minimum = 0,
            .maximum = 2147483647,
            .fallback = 1,
            .group = group};
}

Parameter kpParameter(const std::string& key, double fallback, const std::string& group) {
    return {.key = key,
            .label = "kp (proportional gain)",
            .help = "Encoder a_t = kp·x_t + kd·(x_t − x_{t−1}) (ICLR'18 eq. 5); larger kp: more "
                    "spikes, less lag",
            .valueName = "KP",
            .minimum = 0,
            .maximum = 1000,
            .fallback = fallback,
            .group = group,
            .logarithmic = true};
}

Parameter kdParameter(const std::string& key, double fallback, const std::string& group) {
    return {.key = key,
            .label = "kd (derivative gain)",
            .help = "Decoder y_t = (s_t + kd·y_{t−1})/(kp + kd) (ICLR'18 eq. 6); larger kd: "
                    "finer resolution, longer memory",
            .valueName = "KD",
            .minimum = 0,
            .maximum = 10000,
            .fallback = fallback,
            .group = group,
            .logarithmic = true};
}

Parameter csvInputParameter(const std::string& label, const std::string& help,
                            std::vector<std::string> replaces, const std::string& group) {
    return {.key = "input",
            .kind = ParameterKind::File,
            .label = label,
            .help = help,
            .valueName = "FILE.csv",
            .fileFilter = "CSV files (*.csv);;All files (*)",
            .group = group,
            .aliases = {"csv"},
            .excludes = std::move(replaces)};
}

std::vector<Parameter> spikingEqPropParameters(const std::string& group) {
    return {
        {.key = "encoder",
         .kind = ParameterKind::Choice,
         .label = "Spiking encoder",
         .help = "Sigma-delta bits (thesis eq. 8.11), stochastic Bernoulli bits (eq. 8.8), or "
                 "predictive coding into sigma-delta with its decoder (eqs. 8.12-8.14)",
         .valueName = "E",
         .fallbackText = "predictive",
         .choices = choices({{"predictive", "Predictive + Σ-Δ"},
                             {"sigma-delta", "Sigma-delta"},
                             {"stochastic", "Stochastic"}}),
         .group = group},
        {.key = "anneal",
         .kind = ParameterKind::Choice,
         .label = "Step sizes",
         .help = "ε_t = ε₀/t^η (eq. 8.7) or OSA per unit (App. E.1); auto: OSA for the "
                 "predictive encoder (§8.5.2), the schedule for the others",
         .valueName = "A",
         .fallbackText = "auto",
         .choices = choices(
             {{"auto", "Auto"}, {"osa", "OSA (adaptive)"}, {"schedule", "Schedule ε₀/t^η"}}),
         .group = group},
        {.key = "epsilon0",
         .label = "ε₀",
         .help = "Schedule: the first step size ε₀ of ε_t = ε₀/t^η (eq. 8.7)",
         .valueName = "E0",
         .minimum = 0.0,
         .maximum = 1.0,
         .minimumExclusive = true,
         .fallback = 1.0,
         .group = group,
         .decimals = 2},
        {.key = "eta",
         .label = "η",
         .help = "Schedule: the annealing exponent; ½ is eq. 8.10's 1/√t, 1 the running mean",
         .valueName = "H",
         .minimum = 0.0,
         .maximum = 2.0,
         .fallback = 0.5,
         .group = group,
         .decimals = 2},
        {.key = "osa-target",
         .label = "OSA ν̄",
         .help = "OSA's target step size for its error statistics (App. E.1)",
         .valueName = "NU",
         .minimum = 0.0,
         .maximum = 1.0,
         .minimumExclusive = true,
         .maximumExclusive = true,
         .fallback = 0.1,
         .group = group,
         .aliases = {"osaTarget"}},
        {.key = "lambda",
         .label = "Predictive λ",
         .help = "Predictive coding coefficient (thesis §8.5.2: 0.275); 1 is no prediction",
         .valueName = "L",
         .minimum = 0.0,
         .maximum = 1.0,
         .minimumExclusive = true,
         .fallback = 0.275,
         .group = group},
        {.key = "lambda-anneal",
         .label = "λ annealing κ",
         .help = "Predictive coding: anneal λ from 1 (short memory) down to λ as λ_t = max(λ, "
                 "t^−κ), restarting each phase (thesis §8.4.6; the formula is ours); 0: λ fixed",
         .valueName = "K",
         .minimum = 0.0,
         .maximum = 10.0,
         .fallback = 0.0,
         .group = group,
         .decimals = 2},
    };
}

SpikingEqPropSettings spikingEqPropSettings(const ParameterValues& values) {
    SpikingEqPropSettings s;
    s.coding = parseSpikeCoding(values.text("encoder")).value();
    const std::string& anneal = values.text("anneal");
    s.stepSize = anneal == "auto" ? (s.coding == SpikeCoding::Predictive ? StepSizeRule::Osa
                                                                         : StepSizeRule::Schedule)
                                  : parseStepSizeRule(anneal).value();
    s.schedule.epsilon0 = values.real("epsilon0");
    s.schedule.eta = values.real("eta");
    s.osaTarget = values.real("osa-target");
    s.predictiveLambda = values.real("lambda");
    s.lambdaAnneal = values.real("lambda-anneal");
    s.seed = values.seed();
    if (const std::string error = s.validationError(); !error.empty())
        throw InputError(error);
    return s;
}

PdParams pdParams(const ParameterValues& values, const std::string& kpKey,
                  const std::string& kdKey) {
    const PdParams params{values.real(kpKey), values.real(kdKey)};
    if (const std::string error = params.validationError(); !error.empty())
        throw InputError("--" + kpKey + "/--" + kdKey + ": " + error);
    return params;
}

std::vector<double> builtinSignal(const ParameterValues& values) {
    const auto kind = parseSignalKind(values.text("signal"));
    if (!kind) // unreachable after checkedValues(); the Choice lists the same names
        throw InputError("--signal: unknown kind " + sdlab::quoted(values.text("signal")));
    return makeSignal(*kind, static_cast<std::size_t>(values.integer("steps")), values.seed());
}

std::string sourceName(const ParameterValues& values) {
    const std::string& input = values.text("input");
    return input.empty() ? "signal:" + values.text("signal") : input;
}

} // namespace sdlab::common
