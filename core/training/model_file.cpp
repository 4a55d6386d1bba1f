#include "training/model_file.h"

#include "io/bounded_input.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "io/json_reader.h"
#include "io/json_writer.h"
#include "io/output_bundle.h"
#include "training/training_report.h"

#include <cmath>
#include <map>
#include <stdexcept>

namespace sdlab {

namespace {

constexpr const char* kModelFormat = "sdlab-model";
constexpr double kVersion = 1.0;

// "784-200-10", as train's summary names layers; `sizes` holds at least two entries.
std::string sizesText(const std::vector<int>& sizes) {
    return layerSizesText({sizes.begin() + 1, sizes.end() - 1}, sizes.front(), sizes.back());
}

// The CSV of a rows × cols matrix read through `at(r, c)`.
template <typename At>
std::string matrixCsv(Eigen::Index rows, Eigen::Index cols, const std::string& name, At at) {
    std::vector<std::string> header;
    for (Eigen::Index c = 0; c < cols; ++c)
        header.push_back(std::string(1, 'c').append(std::to_string(c + 1)));
    CsvWriter csv(header);
    std::vector<double> row(static_cast<std::size_t>(cols));
    for (Eigen::Index r = 0; r < rows; ++r) {
        for (Eigen::Index c = 0; c < cols; ++c) {
            const double value = at(r, c);
            if (!std::isfinite(value))
                throw InputError("the trained network's " + name +
                                 " holds a value that is not finite: not saved");
            row[static_cast<std::size_t>(c)] = value;
        }
        csv.addRow(row);
    }
    return csv.text();
}

// Stages every parameter's CSV and lists it for model.json.
class ModelWriter final : public LearnedParameterVisitor {
  public:
    explicit ModelWriter(OutputBundle& bundle) : m_bundle(bundle) {}
    void visit(const std::string& name, RowMatrix& m) override { add(name, m); }
    void visit(const std::string& name, Eigen::MatrixXd& m) override { add(name, m); }
    void visit(const std::string& name, Eigen::VectorXd& v) override { add(name, v); }
    void visit(const std::string& name, double& value) override {
        Eigen::MatrixXd one(1, 1);
        one(0, 0) = value;
        add(name, one);
    }
    const std::string& listJson() const { return m_list; }

  private:
    template <typename Matrix> void add(const std::string& name, const Matrix& m) {
        if (m.size() == 0)
            return;
        const std::string file = name + ".csv";
        m_bundle.stage(file, matrixCsv(m.rows(), m.cols(), name,
                                       [&](Eigen::Index r, Eigen::Index c) { return m(r, c); }));
        if (!m_list.empty())
            m_list += ",\n    ";
        m_list.append("{\"name\": ")
            .append(JsonObjectWriter::quote(name))
            .append(", \"rows\": ")
            .append(std::to_string(m.rows()))
            .append(", \"cols\": ")
            .append(std::to_string(m.cols()))
            .append(", \"file\": ")
            .append(JsonObjectWriter::quote(file))
            .append("}");
    }

    OutputBundle& m_bundle;
    std::string m_list;
};

// Visits nothing: asks a model whether it can be saved.
struct NoVisit final : LearnedParameterVisitor {
    void visit(const std::string&, RowMatrix&) override {}
    void visit(const std::string&, Eigen::MatrixXd&) override {}
    void visit(const std::string&, Eigen::VectorXd&) override {}
    void visit(const std::string&, double&) override {}
};

struct SavedParameter {
    Eigen::Index rows = 0, cols = 0;
    std::string file;
};

// Reads each parameter the model visits from its CSV into a copy, checking names and
// shapes; assign() then writes the copies into the model (so a bad file changes nothing).
class ModelReader final : public LearnedParameterVisitor {
  public:
    ModelReader(std::filesystem::path directory, std::map<std::string, SavedParameter> saved)
        : m_directory(std::move(directory)), m_saved(std::move(saved)) {}

    void visit(const std::string& name, RowMatrix& m) override { read(name, m); }
    void visit(const std::string& name, Eigen::MatrixXd& m) override { read(name, m); }
    void visit(const std::string& name, Eigen::VectorXd& v) override { read(name, v); }
    void visit(const std::string& name, double& value) override {
        if (m_assigning) {
            value = m_values.at(name)(0, 0);
            return;
        }
        Eigen::MatrixXd one(1, 1);
        one(0, 0) = value;
        read(name, one);
    }
    void startAssigning() {
        if (m_visited != m_saved.size())
            for (const auto& [name, parameter] : m_saved)
                if (!m_values.count(name))
                    throw InputError(modelJson() + ": lists " + quoted(name) +
                                     ", which this run's network does not have");
        m_assigning = true;
    }

  private:
    std::string modelJson() const { return (m_directory / "model.json").string(); }

    template <typename Matrix> void read(const std::string& name, Matrix& m) {
        if (m.size() == 0)
            return;
        if (m_assigning) {
            m = m_values.at(name);
            return;
        }
        const auto it = m_saved.find(name);
        if (it == m_saved.end())
            throw InputError(modelJson() + ": has no " + quoted(name) +
                             " (this run's network needs it)");
        const SavedParameter& p = it->second;
        if (p.rows != m.rows() || p.cols != m.cols())
            throw InputError(modelJson() + ": " + quoted(name) + " is " + std::to_string(p.rows) +
                             " x " + std::to_string(p.cols) + ", this run's network has " +
                             std::to_string(m.rows()) + " x " + std::to_string(m.cols()));
        const std::filesystem::path path = m_directory / p.file;
        const CsvTable table = CsvTable::read(path);
        if (static_cast<Eigen::Index>(table.rowCount()) != p.rows ||
            static_cast<Eigen::Index>(table.columnNames().size()) != p.cols)
            throw InputError(path.string() + ": " + std::to_string(table.rowCount()) + " rows of " +
                             std::to_string(table.columnNames().size()) +
                             " values, model.json says " + std::to_string(p.rows) + " x " +
                             std::to_string(p.cols));
        Eigen::MatrixXd values(p.rows, p.cols);
        for (Eigen::Index c = 0; c < p.cols; ++c)
            for (Eigen::Index r = 0; r < p.rows; ++r)
                values(r, c) =
                    table.column(static_cast<std::size_t>(c))[static_cast<std::size_t>(r)];
        m_values[name] = std::move(values);
        ++m_visited;
    }

    std::filesystem::path m_directory;
    std::map<std::string, SavedParameter> m_saved;
    std::map<std::string, Eigen::MatrixXd> m_values;
    std::size_t m_visited = 0;
    bool m_assigning = false;
};

const JsonValue& requireMember(const JsonValue& object, const char* key, const std::string& file) {
    const JsonValue* member = object.member(key);
    if (!member)
        throw InputError(file + ": has no \"" + std::string(key) + "\"");
    return *member;
}

long long requireWhole(const JsonValue& value, const std::string& what, const std::string& file) {
    const double* number = value.number();
    if (!number || *number != std::floor(*number) || *number < 0 || *number > 1e9)
        throw InputError(file + ": " + what + " must be a whole number");
    return static_cast<long long>(*number);
}

} // namespace

void requireSavable(Classifier& model, const TrainingSettings& settings) {
    NoVisit none;
    if (!model.visitLearnedParameters(none))
        throw InputError(std::string("--save-model: the ") + modelName(settings.model) +
                         " model cannot be saved yet (mlp, pdnn, spiking-mlp, sigma-delta and "
                         "lif can)");
}

void saveModel(Classifier& model, const TrainingSettings& settings, const std::vector<int>& sizes,
               const std::filesystem::path& directory) {
    requireSavable(model, settings);
    OutputBundle bundle;
    ModelWriter writer(bundle);
    model.visitLearnedParameters(writer);
    JsonObjectWriter json;
    json.add("format", kModelFormat)
        .add("version", kVersion)
        .add("model", modelName(settings.model))
        .add("sizes", std::vector<double>(sizes.begin(), sizes.end()))
        .add("quantization_scale", settings.quantizationScale)
        .add("seed", static_cast<long long>(settings.seed))
        .addRaw("parameters", "[\n    " + writer.listJson() + "\n  ]");
    bundle.stage("model.json", json.text());
    try {
        bundle.commit(directory);
    } catch (const std::runtime_error& error) {
        throw InputError(std::string("--save-model: ") + error.what());
    }
}

void loadModel(Classifier& model, const TrainingSettings& settings, const std::vector<int>& sizes,
               const std::filesystem::path& directory) {
    const std::filesystem::path path = directory / "model.json";
    const std::string file = path.string();
    const std::string text = readBoundedInput(path, 16U << 20, "a model file");
    const JsonValue json = parseJson(text, file);
    if (!json.object())
        throw InputError(file + ": not an sdlab-model file (no JSON object)");
    const std::string* format = requireMember(json, "format", file).string();
    if (!format || *format != kModelFormat)
        throw InputError(file + ": not an sdlab-model file (format is not \"sdlab-model\")");
    const double* version = requireMember(json, "version", file).number();
    if (!version || *version != kVersion)
        throw InputError(file + ": version " +
                         (version ? formatNumber(*version) : std::string("?")) +
                         " of the model format; this sdlab reads version 1");
    const std::string* kind = requireMember(json, "model", file).string();
    const auto* sizeArray =
        std::get_if<JsonValue::Array>(&requireMember(json, "sizes", file).value);
    if (!kind || !sizeArray)
        throw InputError(file + ": \"model\" must be a name and \"sizes\" a list");
    std::vector<int> saved;
    for (const JsonValue& size : *sizeArray)
        saved.push_back(static_cast<int>(requireWhole(size, "each size", file)));
    if (saved.size() < 2)
        throw InputError(file + ": \"sizes\" must list the inputs, any hidden layers and the "
                                "classes");
    if (*kind != modelName(settings.model) || saved != sizes)
        throw InputError(file + ": holds a " + *kind + " " + sizesText(saved) +
                         " network, and this run builds a " + modelName(settings.model) + " " +
                         sizesText(sizes) + " one (give the same --model and --hidden)");
    if (settings.model == ModelKind::SigmaDelta) {
        const double* scale = requireMember(json, "quantization_scale", file).number();
        if (!scale || *scale != settings.quantizationScale)
            throw InputError(file + ": was trained with another --scale than this run's " +
                             formatNumber(settings.quantizationScale));
    }
    const auto* list =
        std::get_if<JsonValue::Array>(&requireMember(json, "parameters", file).value);
    if (!list)
        throw InputError(file + ": \"parameters\" must be a list");
    std::map<std::string, SavedParameter> parameters;
    for (const JsonValue& entry : *list) {
        const std::string* name =
            entry.object() ? requireMember(entry, "name", file).string() : nullptr;
        const std::string* csv =
            entry.object() ? requireMember(entry, "file", file).string() : nullptr;
        if (!name || !csv)
            throw InputError(file + ": each parameter needs a \"name\" and a \"file\"");
        // Only a plain file name beside model.json: a saved model must not point elsewhere.
        if (csv->empty() || csv->find('/') != std::string::npos ||
            csv->find('\\') != std::string::npos || *csv == "." || *csv == "..")
            throw InputError(file + ": " + quoted(*name) + "'s file " + quoted(*csv) +
                             " is not a file name beside model.json");
        SavedParameter p;
        p.rows = requireWhole(requireMember(entry, "rows", file), "rows", file);
        p.cols = requireWhole(requireMember(entry, "cols", file), "cols", file);
        p.file = *csv;
        if (!parameters.emplace(*name, p).second)
            throw InputError(file + ": lists " + quoted(*name) + " twice");
    }
    ModelReader reader(directory, std::move(parameters));
    if (!model.visitLearnedParameters(reader))
        throw InputError(std::string("--load-model: the ") + modelName(settings.model) +
                         " model cannot be loaded yet (mlp, pdnn, spiking-mlp, sigma-delta and "
                         "lif can)");
    reader.startAssigning();
    model.visitLearnedParameters(reader);
}

} // namespace sdlab
