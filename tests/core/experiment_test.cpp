// The experiment descriptions (core/experiment/): each test walks experiments(), so a
// new experiment or parameter is covered without a new test.
#include "coding/pd_params.h"
#include "data/channel_patterns.h"
#include "data/dataset_loaders.h"
#include "data/sample_order.h"
#include "data/signals.h"
#include "encoders/encoder_conventions.h"
#include "equilibrium/settle_run.h"
#include "experiment/command_line.h"
#include "experiment/experiment_list.h"
#include "experiment/lesson.h"
#include "experiment/preset.h"
#include "experiments/equilibrium_experiment.h"
#include "experiments/learning_experiment.h"
#include "experiments/pd_coding_run.h"
#include "io/input_error.h"
#include "io/json_reader.h"
#include "kernels/predictive_coding.h"
#include "neurons/single_neuron_run.h"
#include "neurons/surrogate_gradient.h"
#include "training/training_report.h"
#include "training/training_run.h"
#include "training/training_settings.h"
#include "util/throttled_progress.h"

#include <filesystem>
#include <fstream>
#include <functional>
#include <gtest/gtest.h>
#include <set>
#include <sstream>

namespace sdlab {
namespace {

ParameterValue changedValue(const Parameter& p, const ParameterValue& current) {
    switch (p.kind) {
    case ParameterKind::Real: {
        const double low = p.logarithmic && p.minimum <= 0 ? 1e-3 : p.minimum;
        return low + 0.37 * (std::min(p.maximum, 1e3) - low);
    }
    case ParameterKind::Integer:
        return static_cast<long long>(p.minimum +
                                      std::floor(0.37 * (std::min(p.maximum, 1e4) - p.minimum)));
    case ParameterKind::Flag:
        return !std::get<bool>(current);
    case ParameterKind::Choice:
        return p.choices.back().value;
    default:
        return current;
    }
}

// Defaults with every parameter the command line shows changed where the change keeps
// the values valid (one at a time), so a round trip has something to carry.
ParameterValues variedValues(const Experiment& e) {
    std::map<std::string, ParameterValue> given;
    for (const Parameter& p : e.parameters) {
        if (p.scope == ParameterScope::Lab)
            continue;
        // The command line refuses two options one of which excludes the other
        // (video: --fps-sweep and --fps): the first given stays.
        const auto excludedBy = [&](const Parameter& a, const Parameter& b) {
            return std::find(a.excludes.begin(), a.excludes.end(), b.key) != a.excludes.end();
        };
        bool conflicts = false;
        for (const Parameter& other : e.parameters)
            if (given.count(other.key) && (excludedBy(p, other) || excludedBy(other, p)))
                conflicts = true;
        // An option that needs a flag not given is left out of the line (and refused).
        const auto flag = given.find(p.needsFlag);
        if (conflicts ||
            (!p.needsFlag.empty() && (flag == given.end() || flag->second != ParameterValue(true))))
            continue;
        auto candidate = given;
        candidate[p.key] =
            changedValue(p, defaultValue(p).index() == 0 && p.optional ? ParameterValue(p.fallback)
                                                                       : defaultValue(p));
        if (std::holds_alternative<std::monostate>(defaultValue(p)) &&
            p.kind == ParameterKind::Integer)
            candidate[p.key] = static_cast<long long>(p.fallback);
        try {
            (void)checkedValues(e, candidate, ParameterNaming::Key);
            given = candidate;
        } catch (const InputError&) {
        }
    }
    return checkedValues(e, given, ParameterNaming::Key);
}

TEST(Experiments, IdsAndCommandsAreUniqueAndFound) {
    std::set<std::string> names;
    for (const Experiment* e : experiments()) {
        EXPECT_TRUE(names.insert(e->id).second) << e->id;
        if (e->command != e->id) {
            EXPECT_TRUE(names.insert(e->command).second) << e->command;
        }
        EXPECT_EQ(findExperiment(e->id), e);
        EXPECT_EQ(findExperiment(e->command), e);
        EXPECT_TRUE(e->run || e->needsVideo) << e->id << " has no run";
        EXPECT_FALSE(e->outputs.empty()) << e->id;
    }
    EXPECT_EQ(findExperiment("nothing"), nullptr);
}

TEST(Experiments, KeysAndAliasesNameOneParameterEach) {
    for (const Experiment* e : experiments()) {
        std::set<std::string> names{"out", "save-preset", "help"};
        for (const Parameter& p : e->parameters) {
            EXPECT_TRUE(names.insert(p.key).second) << e->id << ": " << p.key;
            for (const std::string& alias : p.aliases)
                EXPECT_TRUE(names.insert(alias).second) << e->id << ": alias " << alias;
            EXPECT_FALSE(p.label.empty()) << e->id << ": " << p.key;
            EXPECT_FALSE(p.help.empty()) << e->id << ": " << p.key;
            if (p.kind != ParameterKind::Flag && p.scope != ParameterScope::Lab) {
                EXPECT_FALSE(p.valueName.empty()) << e->id << ": " << p.key;
            }
            for (const std::string& other : p.excludes)
                EXPECT_NE(findParameter(*e, other), nullptr) << e->id << ": " << other;
            if (!p.needsFlag.empty()) {
                EXPECT_EQ(findParameter(*e, p.needsFlag)->kind, ParameterKind::Flag);
            }
            if (!p.impliesKey.empty()) {
                EXPECT_EQ(parameterError(*findParameter(*e, p.impliesKey), p.impliesValue), "");
            }
        }
    }
}

TEST(Experiments, EveryDefaultIsValidAndPassesTheChecks) {
    for (const Experiment* e : experiments()) {
        for (const Parameter& p : e->parameters) {
            EXPECT_EQ(parameterError(p, defaultValue(p)), "") << e->id << ": " << p.key;
            if (p.optional) { // the value the GUI shows for an unset number is valid too
                EXPECT_EQ(parameterError(p, normalizedValue(p, p.fallback)), "")
                    << e->id << ": " << p.key;
            }
        }
        EXPECT_NO_THROW((void)checkedValues(*e, {}, ParameterNaming::Key)) << e->id;
    }
}

// Every choice must be a name the computation understands: a Choice parameter not in
// this table fails, so a new one is registered with the parser that reads it.
TEST(Experiments, EveryChoiceIsANameTheRunParses) {
    using Check = std::function<bool(const std::string&)>;
    const auto parses = [](auto parse) {
        return Check([parse](const std::string& name) { return parse(name).has_value(); });
    };
    const Check model = parses(parseModelKind);
    std::map<std::string, Check> parsers{
        {"signal/signal", parses(parseSignalKind)},
        {"signal/quantizer", parses(parsePdQuantizerKind)},
        {"sweep/signal", parses(parseSignalKind)},
        {"quantization/method",
         [](const std::string& n) { return n == "herding" || n == "stochastic"; }},
        {"encoders/pattern", parses(parseChannelPattern)},
        {"encoders/method",
         [](const std::string& n) {
             return n == "rate" || n == "latency" || n == "delta" || n == "pd";
         }},
        {"learning/order", parses(parseSampleOrderKind)},
        {"learning/model", model},
        {"learning/update", parses(parseUpdateRule)},
        {"learning/gains", [](const std::string& n) { return n == "auto" || n == "fixed"; }},
        {"learning/optimizer",
         [](const std::string& n) { return n == "auto" || parseOptimizer(n).has_value(); }},
        {"learning/routing", parses(parseEventRouting)},
        {"learning/back-reset", parses(parseBackReset)},
        {"learning/output-error", parses(parseOutputError)},
        {"learning/bias", [](const std::string& n) { return n == "on" || n == "off"; }},
        {"learning/update-input",
         [](const std::string& n) { return n == "counts" || n == "smooth"; }},
        {"surrogate/kind", parses(parseSurrogateKind)},
        {"learning/encoder", parses(parseSpikeCoding)},
        {"learning/neuron", parses(parseLifNeuronKind)},
        {"learning/latency-rounding", parses(parseLatencyRounding)},
        {"learning/delta-reference", parses(parseDeltaReference)},
        {"learning/method", parses(parseLifMethod)},
        {"learning/initializer-loss", parses(parseInitializerLoss)},
        {"learning/inference", parses(parseInitializedInference)},
        {"encoders/latency-rounding", parses(parseLatencyRounding)},
        {"encoders/delta-reference", parses(parseDeltaReference)},
        {"neuron/current", parses(parseCurrentShape)},
        {"neuron/model", parses(parseSingleNeuronKind)},
        {"neuron/reset", parses(parseResetMechanism)},
        {"neuron/surrogate", parses(parseSurrogateKind)},
        {"learning/reset", parses(parseResetMechanism)},
        {"learning/surrogate", parses(parseSurrogateKind)},
        {"learning/input-coding", parses(parseInputCoding)},
        {"learning/decode", parses(parseSpikeDecoding)},
        {"learning/loss", parses(parseSpikeLoss)},
        {"learning/anneal",
         [](const std::string& n) { return n == "auto" || parseStepSizeRule(n).has_value(); }},
        {"equilibrium/model", parses(parseSettleModel)},
        {"equilibrium/encoder", parses(parseSpikeCoding)},
        {"equilibrium/anneal",
         [](const std::string& n) { return n == "auto" || parseStepSizeRule(n).has_value(); }},
        {"equilibrium/perturb", parses(parsePerturbationKind)},
        {"video/channels", [](const std::string& n) { return n == "grey" || n == "rgb"; }},
        {"video/encoder",
         [](const std::string& n) { return n == "pd" || n == "delta" || n == "rate"; }},
        {"video/learn-model",
         [](const std::string& n) {
             const auto kind = parseModelKind(n);
             return kind == ModelKind::Mlp || kind == ModelKind::Pdnn ||
                    kind == ModelKind::SigmaDelta || kind == ModelKind::Lif;
         }},
        {"video/learn-method",
         [](const std::string& n) {
             return parseLifMethod(n) == LifMethod::Eprop || parseLifMethod(n) == LifMethod::Bptt;
         }},
        {"video/learn-input",
         [](const std::string& n) { return n == "reconstruction" || n == "events"; }},
        {"video/learn-view", [](const std::string& n) { return n == "tracking" || n == "frame"; }},
        {"kernels/trains", [](const std::string& n) { return n == "random" || n == "signals"; }},
        {"kernels/quantizer", parses(parseBitQuantizer)},
        {"networks/signal", parses(parseSignalKind)},
        {"updates/trains", [](const std::string& n) { return n == "random" || n == "signals"; }},
        {"updates/signal", parses(parseSignalKind)},
    };
    // `early` and `transfer` train with train's parameters; `scales` takes its --model from
    // train's.
    for (const auto& [key, check] : std::map<std::string, Check>(parsers))
        if (key.starts_with("learning/")) {
            parsers["early/" + key.substr(9)] = check;
            parsers["transfer/" + key.substr(9)] = check;
        }
    parsers["scales/model"] = parsers["learning/model"];
    for (const Experiment* e : experiments())
        for (const Parameter& p : e->parameters) {
            if (p.kind != ParameterKind::Choice)
                continue;
            const auto it = parsers.find(e->id + "/" + p.key);
            ASSERT_NE(it, parsers.end()) << e->id << "/" << p.key << " has no parser here";
            for (const ParameterChoice& c : p.choices)
                EXPECT_TRUE(it->second(c.value)) << e->id << "/" << p.key << ": " << c.value;
            EXPECT_EQ(parameterError(p, std::string("no-such-choice")).empty(), false);
        }
}

TEST(Experiments, SettingsFunctionsReadEveryChoiceCombinationTheyAreGiven) {
    const Experiment& learning = *findExperiment("learning");
    for (const char* model :
         {"mlp", "pdnn", "spiking-mlp", "sigma-delta", "eqprop", "init-eqprop", "spiking-eqprop"}) {
        const ParameterValues v = checkedValues(
            learning, {{"model", std::string(model)}, {"hidden", std::string("20,10")}},
            ParameterNaming::Key);
        const TrainingSettings s = trainingSettingsFrom(v);
        EXPECT_STREQ(modelName(s.model), model);
        EXPECT_EQ(s.hidden, (std::vector<int>{20, 10}));
    }
    const ParameterValues fixed = checkedValues(
        learning, {{"gains", std::string("fixed")}, {"kp", 4.0}, {"kd", 8.0}, {"kd-back", 2.0}},
        ParameterNaming::Key);
    const TrainingSettings s = trainingSettingsFrom(fixed);
    EXPECT_FALSE(s.autoTune);
    EXPECT_EQ(s.forwardGains.kp, 4.0);
    EXPECT_EQ(s.backwardGains.kp, 4.0); // unset: the forward one
    EXPECT_EQ(s.backwardGains.kd, 2.0);
    // anneal "auto": OSA for the predictive encoder, the schedule for the others.
    const Experiment& settle = *findExperiment("settle");
    EXPECT_EQ(settleSettingsFrom(defaultValues(settle)).spiking.stepSize, StepSizeRule::Osa);
    EXPECT_EQ(settleSettingsFrom(checkedValues(settle, {{"encoder", std::string("stochastic")}},
                                               ParameterNaming::Key))
                  .spiking.stepSize,
              StepSizeRule::Schedule);
}

TEST(Parameter, BoundsTypesAndSyntaxHandChecked) {
    const Parameter alpha{.key = "alpha",
                          .minimum = 0,
                          .maximum = 1,
                          .minimumExclusive = true,
                          .maximumExclusive = true,
                          .fallback = 0.5};
    EXPECT_EQ(parameterError(alpha, 0.5), "");
    EXPECT_EQ(parameterError(alpha, 0.0), "0 is outside (0, 1)");
    EXPECT_EQ(parameterError(alpha, 1.0), "1 is outside (0, 1)");
    EXPECT_NE(parameterError(alpha, std::string("0.5")), "");
    const Parameter count{.key = "n", .kind = ParameterKind::Integer, .maximum = 10};
    EXPECT_EQ(normalizedValue(count, 3.0), ParameterValue(3LL));
    EXPECT_EQ(parameterError(count, 3.0), "");
    EXPECT_EQ(parameterError(count, 2.5), "must be a whole number");
    EXPECT_EQ(parameterError(count, 11LL), "11 is outside 0..10");
    EXPECT_FALSE(parseParameterText(count, "2.5").has_value());
    EXPECT_FALSE(parseParameterText(alpha, "nan").has_value());
    EXPECT_FALSE(parseParameterText(alpha, "1e999").has_value());
    const Parameter sizes{.key = "hidden",
                          .kind = ParameterKind::SizeList,
                          .minimum = 1,
                          .maximum = 100,
                          .maximumCount = 2};
    EXPECT_EQ(parameterError(sizes, std::string("20,30")), "");
    EXPECT_NE(parameterError(sizes, std::string("20,,30")), "");
    EXPECT_NE(parameterError(sizes, std::string("20,30,40")), "");
    EXPECT_NE(parameterError(sizes, std::string("0")), "");
    EXPECT_EQ(sizeListEntries("h", "200,100"), (std::vector<int>{200, 100}));
    const Parameter grid{.key = "kp", .kind = ParameterKind::Range, .maximum = 100};
    EXPECT_EQ(parameterError(grid, std::string("0.1:1:3")), "");
    EXPECT_NE(parameterError(grid, std::string("1:2")), "");
    EXPECT_NE(parameterError(grid, std::string("2:1:3")), "");
    EXPECT_NE(parameterError(grid, std::string("0:1000:3")), "");
    EXPECT_EQ(rangeValues("kp", "0.01:100:5", true),
              (std::vector<double>{0.01, 0.1, 1.0, 10.0, 100.0}));
    const Parameter flag{.key = "log", .kind = ParameterKind::Flag};
    EXPECT_EQ(normalizedValue(flag, 1.0), ParameterValue(true));
    EXPECT_EQ(formatParameterValue(0.1), "0.1");
}

TEST(JsonReader, ParsesValuesEscapesAndSurrogates) {
    const JsonValue v =
        parseJson(R"({"a": [1, -2.5e1, true, null], "s": "\u00e9\ud83d\ude00\n", "o": {}})", "t");
    const auto& a = std::get<JsonValue::Array>(v.member("a")->value);
    ASSERT_EQ(a.size(), 4u);
    EXPECT_EQ(*a[1].number(), -25.0);
    EXPECT_TRUE(a[3].isNull());
    EXPECT_EQ(*v.member("s")->string(), "\xC3\xA9\xF0\x9F\x98\x80\n");
    EXPECT_TRUE(v.member("o")->object()->empty());
}

TEST(JsonReader, RefusesWhatIsNotJsonNamingTheSourceAndByte) {
    for (const char* bad : {"", "{", "[1,]", "{\"a\":1,}", "01", "1e999", "\"\\ud800\"", "\"a\nb\"",
                            "{\"a\":1,\"a\":2}", "{} x", "nul", "-", "1.", "'a'"}) {
        try {
            (void)parseJson(bad, "f.json");
            ADD_FAILURE() << "accepted " << bad;
        } catch (const InputError& e) {
            EXPECT_NE(std::string(e.what()).find("f.json: not valid JSON"), std::string::npos);
        }
    }
    EXPECT_THROW((void)parseJson(std::string(65, '[') + std::string(65, ']'), "deep"), InputError);
    EXPECT_NO_THROW((void)parseJson(std::string(60, '[') + std::string(60, ']'), "ok"));
}

TEST(Preset, EveryExperimentRoundTripsThroughJson) {
    for (const Experiment* e : experiments()) {
        Preset preset{.experiment = e, .name = "n", .description = "d", .values = variedValues(*e)};
        if (e->reconcile)
            e->reconcile(preset.values, "");
        const Preset read = readPreset(presetJson(preset), "p.json", e->id);
        EXPECT_EQ(read.experiment, e);
        EXPECT_EQ(read.name, "n");
        EXPECT_TRUE(read.values == preset.values) << e->id;
    }
}

TEST(Preset, SignalGainsAreReconciledOnRead) {
    const std::string json = R"({"format": "sdlab-preset", "version": 2, "lab": "signal",
        "parameters": {"kp": 1, "kd": 3}})";
    const Preset p = readPreset(json, "p.json");
    EXPECT_DOUBLE_EQ(p.values.real("k-alpha"), 0.75); // kd/(kp + kd)
    EXPECT_DOUBLE_EQ(p.values.real("k-beta"), 0.25);  // 1/(kp + kd)
}

TEST(Preset, Version1KeysAndStructureAreUpgraded) {
    const auto read = [](const std::string& lab, const std::string& parameters) {
        return readPreset(R"({"format": "sdlab-preset", "version": 1, "lab": ")" + lab +
                              R"(", "parameters": {)" + parameters + "}}",
                          lab + ".json")
            .values;
    };
    const ParameterValues learning = read(
        "learning",
        R"("hidden1": 300, "hidden2": 100, "idxFile": "", "rowsPerEpoch": 4, "backReset": "zero")");
    EXPECT_EQ(learning.text("hidden"), "300,100");
    EXPECT_EQ(learning.integer("rows-per-epoch"), 4);
    EXPECT_EQ(learning.text("back-reset"), "zero");
    EXPECT_EQ(read("learning", R"("hidden1": 50, "hidden2": 0)").text("hidden"), "50");
    EXPECT_EQ(read("learning", R"("dataset": "idx", "idxFile": "/d/x/train-images-idx3-ubyte")")
                  .text("dataset"),
              "idx:/d/x");
    const ParameterValues sweep =
        read("sweep", R"("kpMin": 0.1, "kpMax": 10, "kdMin": 1, "kdMax": 100, "grid": 16,
                         "spacing": "log")");
    EXPECT_EQ(sweep.text("kp"), "0.1:10:16");
    EXPECT_EQ(sweep.text("kd"), "1:100:16");
    EXPECT_TRUE(sweep.flag("log"));
    const ParameterValues video =
        read("video", R"("source": "file", "file": "/v/a.avi", "camera": 2, "learn": "on",
                         "autoTune": "off", "fps": 30, "hidden": 40)");
    EXPECT_EQ(video.text("source"), "/v/a.avi");
    EXPECT_TRUE(video.flag("learn"));
    EXPECT_FALSE(video.flag("auto-tune"));
    EXPECT_FALSE(video.isSet("fps"));
    EXPECT_EQ(video.integer("learn-hidden"), 40);
    EXPECT_EQ(read("video", R"("source": "camera", "camera": 2)").text("source"), "camera:2");
    const ParameterValues eq =
        read("equilibrium", R"("inputs": 100, "hidden": 50, "outputs": 10, "perturbAt": 0)");
    EXPECT_EQ(eq.text("sizes"), "100,50,10");
    EXPECT_FALSE(eq.isSet("perturb-at"));
    EXPECT_TRUE(read("encoders", R"("latencyShape": "linear")").flag("linear"));
    // What a version-1 preset left out took that lab's default then, kept where the
    // shared default has changed since.
    const ParameterValues oldVideo = read("video", R"("encoder": "delta")");
    EXPECT_TRUE(oldVideo.flag("learn"));
    EXPECT_EQ(oldVideo.text("learn-model"), "pdnn");
    const ParameterValues oldEq = read("equilibrium", R"("encoder": "sigma-delta")");
    EXPECT_EQ(oldEq.text("anneal"), "osa");
    EXPECT_EQ(oldEq.integer("perturb-at"), 100);
    EXPECT_EQ(read("encoders", "").real("tau"), 30.0);
    EXPECT_EQ(read("encoders", "").integer("steps"), 200);
    EXPECT_TRUE(read("sweep", "").flag("log"));
    EXPECT_EQ(read("learning", R"("model": "spiking-eqprop")").integer("free-steps"), 20);
    EXPECT_EQ(read("updates", R"("kp": 0.5)").real("kp-post"), 0.1);
    // Version 2 means the description's defaults.
    const auto v2 = readPreset(
        R"({"format": "sdlab-preset", "version": 2, "lab": "video", "parameters": {}})", "v2");
    EXPECT_FALSE(v2.values.flag("learn"));
}

TEST(Preset, BadPresetsAreRefusedNamingTheFileAndTheProblem) {
    const auto message = [](const std::string& json, std::string_view lab = {}) {
        try {
            (void)readPreset(json, "bad.json", lab);
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    const std::string head = R"({"format": "sdlab-preset", "version": 2, "lab": "signal", )";
    EXPECT_EQ(message(head + R"("parameters": {"kq": 1}})"), "bad.json: unknown parameter 'kq'");
    EXPECT_EQ(message(head + R"("parameters": {"kp": -1}})"),
              "bad.json: 'kp': -1 is outside [0, 1000]");
    EXPECT_EQ(message(head + R"("parameters": {"kp": "0.1"}})"),
              "bad.json: 'kp': must be a finite number");
    EXPECT_EQ(message(head + R"("parameters": {"kp": [1]}})"),
              "bad.json: parameter 'kp' must be a number, text, true/false or null");
    EXPECT_EQ(message(head + R"("parameters": {"kp": 0, "kd": 0}})"),
              "bad.json: --kp/--kd: kp + kd must be positive: the decoder divides by it");
    EXPECT_EQ(message(head + R"("parameters": {}})", "sweep"),
              "bad.json: this preset is for the 'signal' lab, not 'sweep'");
    EXPECT_NE(message(R"({"format": "sdlab-preset", "version": 3, "lab": "signal",
                          "parameters": {}})")
                  .find("version 3 is not supported"),
              std::string::npos);
    EXPECT_EQ(message(R"({"format": "sdlab-preset", "version": 2, "lab": "pd",
                          "parameters": {}})"),
              "bad.json: unknown lab 'pd'");
    EXPECT_EQ(message("[]"), "bad.json: not a Sigma-Delta Lab preset (expected a JSON object)");
    EXPECT_NE(message("{").find("bad.json: not valid JSON"), std::string::npos);
}

TEST(Preset, EveryBuiltInPresetReadsForItsLab) {
    const std::filesystem::path root = SDLAB_SOURCE_DIR "/resources/presets";
    int count = 0;
    for (const auto& lab : std::filesystem::directory_iterator(root))
        for (const auto& file : std::filesystem::directory_iterator(lab.path())) {
            std::ifstream in(file.path());
            std::stringstream text;
            text << in.rdbuf();
            EXPECT_NO_THROW(
                (void)readPreset(text.str(), file.path().string(), lab.path().filename().string()))
                << file.path();
            ++count;
        }
    EXPECT_GT(count, 50);
}

std::vector<std::string> shellWords(const std::string& line) {
    std::vector<std::string> words;
    std::string word;
    bool quoted = false, any = false;
    for (const char c : line) {
        if (c == '\'') {
            quoted = !quoted;
            any = true;
        } else if (c == ' ' && !quoted) {
            if (any || !word.empty())
                words.push_back(word);
            word.clear();
            any = false;
        } else {
            word += c;
        }
    }
    if (any || !word.empty())
        words.push_back(word);
    return words;
}

TEST(CommandLine, CopyAsCommandRoundTripsForEveryExperiment) {
    for (const Experiment* e : experiments()) {
        const ParameterValues values = variedValues(*e);
        const std::string line = commandLineFor(*e, values);
        // The varied values differ from the defaults in most options, so the line
        // carries them (a line of defaults alone would round-trip trivially).
        EXPECT_GT(shellWords(line).size(), 2 + e->parameters.size() / 2) << line;
        std::vector<std::string> words = shellWords(line);
        ASSERT_GE(words.size(), 2u);
        EXPECT_EQ(words[0], "sdlab-cli");
        EXPECT_EQ(words[1], e->command);
        std::vector<char*> args;
        for (std::size_t k = 2; k < words.size(); ++k)
            args.push_back(words[k].data());
        const ParameterValues parsed =
            invocationValues(*e, parseInvocation(*e, std::span<char* const>(args)));
        for (const Parameter& p : e->parameters)
            if (p.scope != ParameterScope::Lab) {
                EXPECT_EQ(parsed.value(p.key), values.value(p.key))
                    << e->id << ": " << p.key << " from " << line;
            }
    }
}

TEST(CommandLine, RequiredExcludedNeededAndImpliedOptions) {
    const auto values = [](const char* command, std::vector<std::string> words) {
        std::vector<char*> args;
        args.reserve(words.size());
        for (std::string& w : words)
            args.push_back(w.data());
        const Experiment& e = *findExperiment(command);
        return invocationValues(e, parseInvocation(e, std::span<char* const>(args)));
    };
    EXPECT_THROW((void)values("kernels", {"--alpha", "0.5"}), InputError); // --span required
    EXPECT_THROW((void)values("pd", {"--input", "x.csv", "--signal", "sine"}), InputError);
    EXPECT_THROW((void)values("video", {"--learn-model", "pdnn"}), InputError);
    EXPECT_EQ(values("train", {"--kp", "4"}).text("gains"), "fixed");
    EXPECT_EQ(values("train", {"--kp", "4", "--gains", "auto"}).text("gains"), "auto");
    EXPECT_THROW((void)values("pd", {"--kp", "1", "--kp", "2"}), InputError);
    EXPECT_THROW((void)values("pd", {"--log"}), InputError);
    EXPECT_THROW((void)values("sweep", {"--kp", "0.1:1:2", "--kd", "0.1:1:2", "--log=on"}),
                 InputError);
    EXPECT_TRUE(values("sweep", {"--kp", "0.1:1:2", "--kd", "0.1:1:2", "--log"}).flag("log"));
    EXPECT_THROW((void)values("signal", {"--k-alpha", "0.5"}), InputError); // lab only
}

TEST(ThrottledProgress, ReportsEveryNAndAtTheEndAndAcceptsANullSink) {
    std::vector<std::size_t> seen;
    const ProgressCallback sink = [&](std::size_t done, std::size_t total) {
        EXPECT_EQ(total, 10u);
        seen.push_back(done);
        return done < 9;
    };
    ThrottledProgress progress(sink, 10, 4);
    bool go = true;
    for (std::size_t done = 1; done <= 10 && go; ++done)
        go = done == 6 ? progress.now(done) : progress(done);
    EXPECT_EQ(seen, (std::vector<std::size_t>{4, 6, 10})); // 4, forced at 6, then 10 = total
    EXPECT_FALSE(go);                                      // the sink stopped it at 10
    const ProgressCallback none;
    ThrottledProgress silent(none, 10, 4);
    EXPECT_TRUE(silent(4));
    EXPECT_TRUE(silent.now(5));
}

TEST(TrainingCurve, ReadsBackWhatWasWritten) {
    std::vector<CurveRow> curve(3);
    for (std::size_t k = 0; k < curve.size(); ++k) {
        CurveRow& r = curve[k];
        r.epoch = 0.5 * static_cast<double>(k + 1);
        r.samples = 1000 * (k + 1);
        r.trainAccuracy = 0.25 * static_cast<double>(k);
        r.testAccuracy = 0.1 + 0.3 * static_cast<double>(k);
        r.fullTest = k % 2 == 1; // epochs 1 (a whole epoch)
        r.loss = 2.0 / static_cast<double>(k + 1);
        r.adds = 123456789 * (k + 1);
        r.mults = 7 * k;
        r.energyMj = 0.015625 * static_cast<double>(k);
        r.settleSteps = 24.0;
    }
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() / "sdlab_curve_test.csv";
    for (const bool settles : {false, true}) {
        std::ofstream(path) << trainingCurveCsv(curve, settles);
        const std::vector<CurveRow> read = readTrainingCurve(path);
        ASSERT_EQ(read.size(), curve.size());
        for (std::size_t k = 0; k < curve.size(); ++k) {
            EXPECT_EQ(read[k].epoch, curve[k].epoch);
            EXPECT_EQ(read[k].samples, curve[k].samples);
            EXPECT_EQ(read[k].trainAccuracy, curve[k].trainAccuracy);
            EXPECT_EQ(read[k].testAccuracy, curve[k].testAccuracy);
            EXPECT_EQ(read[k].fullTest, k == 1);
            EXPECT_EQ(read[k].loss, curve[k].loss);
            EXPECT_EQ(read[k].adds, curve[k].adds);
            EXPECT_EQ(read[k].mults, curve[k].mults);
            EXPECT_EQ(read[k].energyMj, curve[k].energyMj);
            EXPECT_EQ(read[k].settleSteps, settles ? 24.0 : 0.0);
        }
    }
    std::ofstream(path) << "epoch,samples,train_acc,test_acc,loss,adds,mults,energy_mj\n"
                           "1,-5,0.5,0.5,1,0,0,0\n";
    EXPECT_THROW((void)readTrainingCurve(path), InputError);
    std::ofstream(path) << "epoch,samples\n1,2\n";
    EXPECT_THROW((void)readTrainingCurve(path), InputError);
    std::filesystem::remove(path);
}

// 100·(1 − 0.932) is 6.799999999999995 in doubles; summary.json says 6.8, as the test
// set's 68 errors in 1000 do (about half of all accuracies on 500 samples printed noise).
TEST(TrainingSummary, ErrorPercentIsTheTestSetsErrorWithoutRoundingNoise) {
    const ImageDataset data = makeSyntheticDigits(10, 10, 1);
    TrainingResult result;
    for (const auto& [accuracy, printed] :
         {std::pair{0.932, "6.8,"}, std::pair{13.0 / 500.0, "97.4,"}, std::pair{1.0, "0,"}}) {
        result.finalTestAccuracy = accuracy;
        const std::string json = trainingSummaryJson(TrainingSettings{}, data, result);
        EXPECT_NE(json.find(std::string("\"final_test_error_percent\": ") + printed),
                  std::string::npos)
            << json;
    }
}

TEST(TrainingAlignment, OneRowPerCurveRowAndLayerAndReadsBackOrRefuses) {
    std::vector<CurveRow> curve(2);
    curve[0].samples = 100; // no alignment: no rows
    curve[1].epoch = 0.5;
    curve[1].samples = 200;
    curve[1].gradientAlignment = {0.25, -0.5};
    EXPECT_EQ(trainingAlignmentCsv(curve), "epoch,samples,layer,cosine\n"
                                           "0.5,200,1,0.25\n"
                                           "0.5,200,2,-0.5\n");
    EXPECT_EQ(trainingAlignmentCsv({curve[0]}), "");
    const auto dir = std::filesystem::temp_directory_path() / "sdlab_alignment_test";
    std::filesystem::create_directories(dir);
    const auto path = dir / "initializer_alignment.csv";
    std::ofstream(path) << trainingAlignmentCsv(curve);
    std::vector<CurveRow> back(2);
    back[0].samples = 100;
    back[1].samples = 200;
    readTrainingAlignment(path, back);
    EXPECT_TRUE(back[0].gradientAlignment.empty());
    EXPECT_EQ(back[1].gradientAlignment, (std::vector<double>{0.25, -0.5}));
    std::ofstream(path) << "epoch,samples,layer,cosine\n0.5,200,1,1.5\n";
    EXPECT_THROW(readTrainingAlignment(path, back), InputError);
    std::ofstream(path) << "epoch,samples,layer,cosine\n0.5,200,0,0.5\n";
    EXPECT_THROW(readTrainingAlignment(path, back), InputError);
    std::filesystem::remove_all(dir);
}

TEST(TrainingLayers, OneRowPerCurveRowAndLayerAndReadsBack) {
    std::vector<CurveRow> curve(3);
    curve[0].samples = 100; // no per-layer data: no rows
    curve[1].epoch = 0.5;
    curve[1].samples = 200;
    curve[1].activity = SpikeActivity{12.0, 0.25, {0.125, 0.5}, {0.25, 0.0}};
    curve[1].gradientNorms = {2.5, 0.75};
    curve[2].epoch = 1.0;
    curve[2].samples = 400;
    curve[2].activity = SpikeActivity{10.0, 0.5, {0.0625, 0.25}, {0.5, 0.1}};
    EXPECT_EQ(trainingLayersCsv(curve),
              "epoch,samples,layer,firing_rate,dead_fraction,gradient_norm\n"
              "0.5,200,1,0.125,0.25,2.5\n"
              "0.5,200,2,0.5,0,0.75\n"
              "1,400,1,0.0625,0.5,\n"
              "1,400,2,0.25,0.1,\n");
    EXPECT_EQ(trainingLayersCsv({CurveRow{}}), "");

    const std::filesystem::path path =
        std::filesystem::temp_directory_path() / "sdlab_layers_test.csv";
    std::ofstream(path) << trainingLayersCsv(curve);
    std::vector<CurveRow> read(3);
    for (std::size_t k = 0; k < 3; ++k)
        read[k].samples = curve[k].samples;
    readTrainingLayers(path, read);
    EXPECT_FALSE(read[0].activity.has_value());
    ASSERT_TRUE(read[1].activity.has_value());
    EXPECT_EQ(read[1].activity->layerRates, curve[1].activity->layerRates);
    EXPECT_EQ(read[1].activity->layerDeadFractions, curve[1].activity->layerDeadFractions);
    EXPECT_EQ(read[1].gradientNorms, curve[1].gradientNorms);
    ASSERT_TRUE(read[2].activity.has_value());
    EXPECT_EQ(read[2].activity->layerRates, curve[2].activity->layerRates);
    EXPECT_TRUE(read[2].gradientNorms.empty());

    std::ofstream(path) << "epoch,samples,layer,firing_rate,dead_fraction,gradient_norm\n"
                           "0.5,200,0,0.1,0.2,1\n"; // layer 0 is the input, never a row
    EXPECT_THROW(readTrainingLayers(path, read), InputError);
    std::ofstream(path) << "epoch,samples,layer,firing_rate,dead_fraction,gradient_norm\n"
                           "0.5,200,1,1.5,0.2,1\n"; // a rate above one spike per step
    EXPECT_THROW(readTrainingLayers(path, read), InputError);
    std::ofstream(path) << "epoch,samples,layer\n0.5,200,1\n";
    EXPECT_THROW(readTrainingLayers(path, read), InputError);
    std::filesystem::remove(path);
}

} // namespace
} // namespace sdlab

// Guided lessons (issue 23 item 3).
namespace sdlab {
namespace {

std::string lessonError(const std::string& json) {
    try {
        (void)readLesson(json, "l.json");
    } catch (const InputError& e) {
        return e.what();
    }
    return "(read)";
}

TEST(Lesson, StepsReadWithCanonicalKeysAndCheckedValues) {
    const Lesson lesson = readLesson(R"({"format": "sdlab-lesson", "version": 1, "title": "T",
        "steps": [{"lab": "signal", "preset": "iclr-fig1", "parameters": {"kp": 0.5},
                   "title": "one", "text": "<b>x</b>", "highlight": ["kp", "kd"]},
                  {"lab": "sweep"}]})",
                                     "l.json");
    EXPECT_EQ(lesson.title, "T");
    ASSERT_EQ(lesson.steps.size(), 2U);
    EXPECT_EQ(lesson.steps[0].experiment->id, "signal");
    EXPECT_EQ(lesson.steps[0].preset, "iclr-fig1");
    EXPECT_EQ(lesson.steps[0].parameters.at("kp"), ParameterValue(0.5));
    EXPECT_EQ(lesson.steps[0].highlight, (std::vector<std::string>{"kp", "kd"}));
    EXPECT_EQ(lesson.steps[0].text, "<b>x</b>");
    EXPECT_TRUE(lesson.steps[1].parameters.empty());
}

TEST(Lesson, ACorruptOrForeignLessonNamesTheFileAndTheStep) {
    const std::string head = R"({"format": "sdlab-lesson", "version": 1, "steps": )";
    EXPECT_NE(lessonError("{").find("l.json: not valid JSON"), std::string::npos);
    EXPECT_NE(lessonError(R"({"format": "sdlab-preset", "version": 2})")
                  .find("l.json: not a Sigma-Delta Lab lesson"),
              std::string::npos);
    EXPECT_NE(lessonError(R"({"format": "sdlab-lesson", "version": 7, "steps": []})")
                  .find("lesson version 7 is not supported"),
              std::string::npos);
    EXPECT_NE(lessonError(head + "[]}").find("\"steps\" must be a non-empty list"),
              std::string::npos);
    EXPECT_EQ(lessonError(head + R"([{"lab": "signal"}, {"lab": "nope"}]})"),
              "l.json: step 2: unknown lab 'nope'");
    EXPECT_EQ(lessonError(head + R"([{"preset": "x"}]})"), "l.json: step 1: \"lab\" is missing");
    EXPECT_EQ(lessonError(head + R"([{"lab": "signal", "parameters": {"zeta": 1}}]})"),
              "l.json: step 1: unknown parameter 'zeta'");
    EXPECT_NE(lessonError(head + R"([{"lab": "signal", "parameters": {"kp": -3}}]})")
                  .find("l.json: step 1: 'kp': -3 is outside"),
              std::string::npos);
    EXPECT_NE(lessonError(head + R"([{"lab": "signal", "parameters": {"kp": "fast"}}]})")
                  .find("l.json: step 1: "),
              std::string::npos);
    EXPECT_EQ(lessonError(head + R"([{"lab": "signal", "highlight": ["frames"]}]})"),
              "l.json: step 1: \"highlight\" names 'frames', not a parameter of the signal lab");
    EXPECT_NE(lessonError(head + R"([{"lab": "signal", "colour": "red"}]})")
                  .find("l.json: step 1: unknown entry 'colour'"),
              std::string::npos);
    EXPECT_EQ(lessonError(head + R"([3]})"), "l.json: step 1: is not a JSON object");
}

TEST(Lesson, TheBuiltInLessonsRead) {
    int read = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(SDLAB_SOURCE_DIR) +
                                                                 "/resources/lessons")) {
        std::ifstream in(entry.path());
        const std::string text((std::istreambuf_iterator<char>(in)), {});
        const Lesson lesson = readLesson(text, entry.path().string());
        EXPECT_FALSE(lesson.title.empty()) << entry.path();
        for (const LessonStep& step : lesson.steps) {
            EXPECT_FALSE(step.title.empty()) << entry.path();
            EXPECT_FALSE(step.text.empty()) << entry.path();
            if (!step.preset.empty()) { // the window checks the name; here the file exists
                EXPECT_TRUE(std::filesystem::exists(std::string(SDLAB_SOURCE_DIR) +
                                                    "/resources/presets/" + step.experiment->id +
                                                    "/" + step.preset + ".json"))
                    << step.preset;
            }
        }
        ++read;
    }
    EXPECT_EQ(read, 3);
}

TEST(Experiments, EachResultFileNameBelongsToOneExperiment) {
    // sdlab --result finds a directory's lab by the files in it: a settle result that
    // wrote neuron.csv opened in the Neuron lab. summary.json is everyone's; spikes.csv
    // is the Encoders lab's and the Quantization lab's, whose convergence.csv is looked
    // for first.
    std::map<std::string, std::string> owner;
    for (const Experiment* e : experiments())
        for (const std::string& file : e->outputs) {
            if (file == "summary.json" || (file == "spikes.csv" && e->id == "encoders"))
                continue;
            const auto [it, fresh] = owner.emplace(file, e->id);
            EXPECT_TRUE(fresh) << file << " is written by " << it->second << " and " << e->id;
        }
}

} // namespace
} // namespace sdlab
