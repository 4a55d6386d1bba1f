#include "equilibrium/neuron_trace_file.h"

#include "io/csv_table.h"
#include "io/input_error.h"

#include <algorithm>
#include <cstdio>

namespace sdlab {
namespace {

std::string preColumn(std::size_t k, const char* suffix) {
    char name[32];
    std::snprintf(name, sizeof name, "pre_%zu%s", k, suffix);
    return name;
}

} // namespace

std::string neuronTraceCsv(const NeuronTrace& trace) {
    std::vector<std::string> header{"t"};
    for (std::size_t k = 1; k <= trace.presynaptic.size(); ++k)
        header.push_back(preColumn(k, ""));
    for (std::size_t k = 1; k <= trace.presynaptic.size(); ++k)
        header.push_back(preColumn(k, "_spike"));
    for (const char* name : {"weighted_input", "step_size", "lambda", "binary", "continuous"})
        header.emplace_back(name);
    CsvWriter csv(header);
    for (std::size_t t = 0; t < trace.binary.size(); ++t) {
        std::vector<double> row{static_cast<double>(t)};
        for (const auto& state : trace.presynapticState)
            row.push_back(state[t]);
        for (const auto& fired : trace.presynapticSpikes)
            row.push_back(std::find(fired.begin(), fired.end(), static_cast<int>(t)) != fired.end()
                              ? 1.0
                              : 0.0);
        row.insert(row.end(), {trace.weightedInput[t], trace.stepSize[t], trace.lambda[t],
                               trace.binary[t], trace.continuous[t]});
        csv.addRow(row);
    }
    return csv.text();
}

NeuronTrace readNeuronTraceCsv(const std::filesystem::path& path) {
    const CsvTable table = CsvTable::read(path);
    const auto& t = table.column("t");
    for (std::size_t r = 0; r < t.size(); ++r)
        if (t[r] != static_cast<double>(r))
            throw InputError(table.sourceName() + ", data row " + std::to_string(r + 1) +
                             ": t must count 0, 1, 2, ... (one row per step)");
    NeuronTrace trace;
    trace.unit = -1;
    for (std::size_t k = 1; table.hasColumn(preColumn(k, "")); ++k) {
        trace.presynaptic.push_back(static_cast<int>(k));
        trace.presynapticState.push_back(table.column(preColumn(k, "")));
        const auto& spiked = table.column(preColumn(k, "_spike"));
        std::vector<int> steps;
        for (std::size_t r = 0; r < spiked.size(); ++r)
            if (spiked[r] != 0.0)
                steps.push_back(static_cast<int>(r));
        trace.presynapticSpikes.push_back(std::move(steps));
    }
    trace.weightedInput = table.column("weighted_input");
    trace.stepSize = table.column("step_size");
    trace.lambda = table.column("lambda");
    trace.binary = table.column("binary");
    trace.continuous = table.column("continuous");
    return trace;
}

} // namespace sdlab
