#include "command.h"
#include "data/signals.h"
#include "experiments/pd_sweep.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "io/json_writer.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

namespace sdlab::cli {

namespace {

// MIN:MAX:N
std::vector<double> parseRange(const CliOptions& options, const std::string& name, bool log) {
    const std::string text = options.text(name);
    const auto first = text.find(':');
    const auto second = first == std::string::npos ? first : text.find(':', first + 1);
    auto fail = [&](const std::string& why) -> std::vector<double> {
        throw InputError("--" + name + " '" + text + "': " + why);
    };
    if (second == std::string::npos || text.find(':', second + 1) != std::string::npos)
        return fail("expected MIN:MAX:N, e.g. 0.01:10:32");
    double min = 0, max = 0;
    long count = 0;
    auto parseDouble = [&](std::string_view part, double& value) {
        const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
        return error == std::errc() && end == part.data() + part.size() && std::isfinite(value);
    };
    const std::string_view view(text);
    const std::string_view countText = view.substr(second + 1);
    const auto [end, error] =
        std::from_chars(countText.data(), countText.data() + countText.size(), count);
    if (!parseDouble(view.substr(0, first), min) ||
        !parseDouble(view.substr(first + 1, second - first - 1), max))
        return fail("MIN and MAX must be finite numbers");
    if (error != std::errc() || end != countText.data() + countText.size())
        return fail("N must be a whole number");
    if (count > 10'000)
        return fail("N must be at most 10000");
    if (min < 0.0)
        return fail("kp and kd must not be negative");
    return makeRange(min, max, count, log, "--" + name + " '" + text + "'");
}

} // namespace

int runSweep(const CliOptions& options) {
    const bool log = options.flag("log");
    const std::vector<double> kp = parseRange(options, "kp", log);
    const std::vector<double> kd = parseRange(options, "kd", log);
    if (kp.front() == 0.0 && kd.front() == 0.0)
        throw InputError("--kp/--kd: the grid contains kp = kd = 0, where the decoder divides "
                         "by kp + kd = 0");
    const auto out = outputDirectory(options);
    if (options.has("input") && options.has("signal"))
        throw InputError("give either --input or --signal, not both");
    std::vector<double> x, w;
    std::string source;
    if (options.has("input")) {
        const CsvTable table = CsvTable::read(options.text("input"));
        x = table.column("x");
        w = table.column("w");
        source = options.text("input");
    } else {
        x = builtinSignal(options, "smooth");
        const long seed = options.integer("seed", 1, 0, std::numeric_limits<long>::max());
        w = makeSweepWeight(x.size(), static_cast<std::uint64_t>(seed));
        source = "signal:" + options.text("signal", "smooth");
    }

    const SweepResult result = runPdSweep(x, w, kp, kd);
    CsvWriter csv({"kp", "kd", "cos_nonstationary", "cos_quantization", "cos_full", "spikes"});
    const SweepPoint* best = &result.points.front();
    for (const SweepPoint& p : result.points) {
        csv.addRow({p.kp, p.kd, p.cosNonstationary, p.cosQuantization, p.cosFull, p.spikes});
        if (p.cosFull > best->cosFull)
            best = &p;
    }
    JsonObjectWriter summary;
    summary.add("source", source)
        .add("steps", static_cast<long long>(x.size()))
        .add("kp_count", static_cast<long long>(kp.size()))
        .add("kd_count", static_cast<long long>(kd.size()))
        .addBool("log", log)
        .add("best_kp", best->kp)
        .add("best_kd", best->kd)
        .add("best_cos_full", best->cosFull)
        .add("best_spikes", best->spikes);
    OutputBundle bundle;
    bundle.stage("sweep.csv", csv.text());
    bundle.stage("summary.json", summary.text());
    commitOutputs(bundle, out);
    std::fprintf(stderr, "sweep: %zu x %zu grid over %zu steps -> %s\n", kp.size(), kd.size(),
                 x.size(), out.string().c_str());
    return 0;
}

} // namespace sdlab::cli
