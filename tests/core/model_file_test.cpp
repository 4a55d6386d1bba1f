// Saved networks (issue 21 item 5): every savable model reads back bit for bit, a loaded
// network predicts as the saved one did, and a file that is missing, malformed, another
// format or another network is refused by name with the model left as it was.
#include "io/input_error.h"
#include "training/model_file.h"
#include "training/training_run.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <sstream>
#include <unistd.h>

namespace sdlab {
namespace {

namespace fs = std::filesystem;

// A directory of its own per test (ctest runs tests in parallel processes).
fs::path scratch(const std::string& name) {
    const fs::path dir =
        fs::temp_directory_path() / ("sdlab_model_" + name + "_" + std::to_string(getpid()));
    fs::remove_all(dir);
    return dir;
}

std::map<std::string, std::string> filesIn(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        files[entry.path().filename().string()] = text.str();
    }
    return files;
}

void writeFile(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

const std::vector<int> kSizes{12, 7, 3};

TrainingSettings settingsFor(ModelKind model, std::uint64_t seed) {
    TrainingSettings s;
    s.model = model;
    s.hidden = {7};
    s.seed = seed;
    s.timeSteps = 4;
    return s;
}

std::unique_ptr<Classifier> build(const TrainingSettings& s) {
    return makeClassifier(s, kSizes.front(), kSizes.back(), 100);
}

TEST(ModelFile, EverySavableModelReadsBackBitForBit) {
    for (ModelKind kind : {ModelKind::Mlp, ModelKind::Pdnn, ModelKind::SpikingMlp,
                           ModelKind::SigmaDelta, ModelKind::Lif}) {
        SCOPED_TRACE(modelName(kind));
        const fs::path a = scratch("a"), b = scratch("b"), c = scratch("c");
        const TrainingSettings first = settingsFor(kind, 1), second = settingsFor(kind, 2);
        auto original = build(first);
        // Some training, so the weights are not only what a seed gives.
        Eigen::VectorXd x = Eigen::VectorXd::LinSpaced(kSizes.front(), 0.0, 1.0);
        for (int k = 0; k < 5; ++k)
            original->train(x, k % 3);
        saveModel(*original, first, kSizes, a);
        auto other = build(second);
        saveModel(*other, second, kSizes, b);
        ASSERT_NE(filesIn(a).at("layer1.weights.csv"), filesIn(b).at("layer1.weights.csv"));
        loadModel(*other, second, kSizes, a);
        saveModel(*other, second, kSizes, c);
        auto saved = filesIn(a), reloaded = filesIn(c);
        // model.json names the seed it was built with; everything learned is equal.
        saved.erase("model.json");
        reloaded.erase("model.json");
        EXPECT_EQ(saved, reloaded);
        EXPECT_GE(saved.size(), 4U); // two layers' weights and biases at least
        for (const fs::path& dir : {a, b, c})
            fs::remove_all(dir);
    }
}

TEST(ModelFile, ALoadedMlpPredictsAsTheSavedOne) {
    const fs::path dir = scratch("predict");
    const TrainingSettings s = settingsFor(ModelKind::Mlp, 3);
    auto original = build(s);
    std::mt19937_64 rng(5);
    std::normal_distribution<double> normal;
    std::vector<Eigen::VectorXd> inputs(50, Eigen::VectorXd(kSizes.front()));
    for (Eigen::VectorXd& x : inputs)
        for (double& v : x)
            v = normal(rng);
    for (std::size_t k = 0; k < inputs.size(); ++k)
        original->train(inputs[k], static_cast<int>(k % 3));
    saveModel(*original, s, kSizes, dir);
    auto loaded = build(settingsFor(ModelKind::Mlp, 99));
    loadModel(*loaded, s, kSizes, dir);
    int differ = 0;
    for (const Eigen::VectorXd& x : inputs)
        differ += original->predict(x) != loaded->predict(x) ? 1 : 0;
    EXPECT_EQ(differ, 0);
    fs::remove_all(dir);
}

// The message of the InputError `load` throws, or "" when it does not.
template <typename F> std::string refusal(F load) {
    try {
        load();
    } catch (const InputError& error) {
        return error.what();
    }
    return {};
}

TEST(ModelFile, BadFilesAndOtherNetworksAreRefusedAndChangeNothing) {
    const fs::path dir = scratch("bad"), before = scratch("before"), after = scratch("after");
    const TrainingSettings s = settingsFor(ModelKind::Mlp, 1);
    auto saved = build(s);
    saveModel(*saved, s, kSizes, dir);
    const TrainingSettings t = settingsFor(ModelKind::Mlp, 2);
    auto target = build(t);
    saveModel(*target, t, kSizes, before);
    const std::string json = filesIn(dir).at("model.json");
    const auto withJson = [&](const std::string& from, const std::string& to) {
        std::string text = json;
        const auto at = text.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        text.replace(at, from.size(), to);
        writeFile(dir / "model.json", text);
        return refusal([&] { loadModel(*target, t, kSizes, dir); });
    };
    EXPECT_NE(withJson("\"version\": 1", "\"version\": 2").find("version 2"), std::string::npos);
    EXPECT_NE(withJson("sdlab-model", "something-else").find("not an sdlab-model"),
              std::string::npos);
    EXPECT_NE(withJson("\"model\": \"mlp\"", "\"model\": \"pdnn\"").find("holds a pdnn 12-7-3"),
              std::string::npos);
    EXPECT_NE(withJson("[12, 7, 3]", "[12, 8, 3]").find("12-8-3"), std::string::npos);
    EXPECT_NE(withJson("\"layer1.bias.csv\"", "\"../layer1.bias.csv\"").find("not a file name"),
              std::string::npos);
    EXPECT_NE(withJson("\"layer2.bias\",", "\"layer3.bias\",").find("has no 'layer2.bias'"),
              std::string::npos);
    writeFile(dir / "model.json", "{\"format\": ");
    EXPECT_NE(refusal([&] { loadModel(*target, t, kSizes, dir); }).find("not valid JSON"),
              std::string::npos);
    writeFile(dir / "model.json", json);
    // A weight file cut short (a row missing) is refused by the file's name.
    const std::string weights = filesIn(dir).at("layer2.weights.csv");
    writeFile(dir / "layer2.weights.csv",
              weights.substr(0, weights.rfind('\n', weights.size() - 2)));
    EXPECT_NE(refusal([&] { loadModel(*target, t, kSizes, dir); }).find("layer2.weights.csv"),
              std::string::npos);
    fs::remove(dir / "layer1.bias.csv");
    EXPECT_NE(refusal([&] { loadModel(*target, t, kSizes, dir); }).find("layer1.bias.csv"),
              std::string::npos);
    EXPECT_NE(
        refusal([&] { loadModel(*target, t, kSizes, scratch("missing")); }).find("model.json"),
        std::string::npos);
    saveModel(*target, t, kSizes, after);
    EXPECT_EQ(filesIn(before), filesIn(after)); // every refusal left the network alone
    for (const fs::path& d : {dir, before, after})
        fs::remove_all(d);
}

TEST(ModelFile, ModelsThatCannotBeSavedYetSaySo) {
    const fs::path dir = scratch("eqprop");
    const TrainingSettings s = settingsFor(ModelKind::EqProp, 1);
    auto model = build(s);
    EXPECT_NE(refusal([&] { saveModel(*model, s, kSizes, dir); }).find("cannot be saved yet"),
              std::string::npos);
    EXPECT_FALSE(fs::exists(dir));
}

} // namespace
} // namespace sdlab
