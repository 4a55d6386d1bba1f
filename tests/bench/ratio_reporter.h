#pragma once

#include <benchmark/benchmark.h>
#include <map>
#include <string>
#include <vector>

// Console output as usual, plus each benchmark's time (in its display unit) and
// counters, kept so a benchmark's main() can print ratios measured in the same run.
class RatioReporter : public benchmark::ConsoleReporter {
  public:
    void ReportRuns(const std::vector<Run>& runs) override {
        for (const Run& run : runs) {
            if (run.run_type != Run::RT_Iteration)
                continue;
            const std::string name = baseName(run.benchmark_name());
            times[name] = run.GetAdjustedRealTime();
            for (const auto& [counterName, counter] : run.counters)
                counters[name][counterName] = counter;
        }
        ConsoleReporter::ReportRuns(runs);
    }
    // A fixed iteration count appends "/iterations:N" to the name; ratios use the name
    // the benchmark was given.
    static std::string baseName(const std::string& name) {
        const auto at = name.find("/iterations:");
        return at == std::string::npos ? name : name.substr(0, at);
    }
    std::map<std::string, double> times;
    std::map<std::string, std::map<std::string, double>> counters;
};
