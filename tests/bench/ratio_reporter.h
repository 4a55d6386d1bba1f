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
            times[run.benchmark_name()] = run.GetAdjustedRealTime();
            for (const auto& [name, counter] : run.counters)
                counters[run.benchmark_name()][name] = counter;
        }
        ConsoleReporter::ReportRuns(runs);
    }
    std::map<std::string, double> times;
    std::map<std::string, std::map<std::string, double>> counters;
};
