#include "command.h"
#include "equilibrium/settle_run.h"
#include "io/csv_table.h"
#include "io/json_writer.h"

#include <cstdio>

namespace sdlab::cli {

int runSettle(const CliOptions& options) {
    SettleRunSettings s;
    s.model =
        choice(options, "model", "spiking-eqprop", parseSettleModel, "eqprop, spiking-eqprop");
    s.spiking = spikingSettingsFrom(options);
    s.sizes = parseSizeList(options.text("sizes", "500,500,10"), "sizes");
    s.steps = static_cast<int>(options.integer("steps", 250, 1, 1'000'000));
    if (options.has("perturb-at"))
        s.perturbAt = static_cast<int>(options.integer("perturb-at", 1, 1'000'000));
    s.perturbation = choice(options, "perturb", "clamp", parsePerturbationKind, "clamp, kick");
    s.clampBeta = options.number("beta", s.clampBeta);
    s.kickSigma = options.number("sigma", s.kickSigma);
    s.epsilon = options.number("epsilon", s.epsilon);
    s.seed = s.spiking.seed;
    if (const std::string error = s.validationError(); !error.empty())
        throw InputError(error);
    const auto out = outputDirectory(options);

    const SettleRunResult result = runSettle(s);
    CsvWriter csv({"t", "distance_to_fixed_point", "energy", "spikes"});
    for (const SettleRow& row : result.rows)
        csv.addRow({static_cast<double>(row.t), row.distanceToFixedPoint, row.energy,
                    static_cast<double>(row.spikes)});
    const bool spiking = s.model == SettleModel::Spiking;
    const int phaseEnd = s.perturbAt ? *s.perturbAt - 1 : s.steps;
    int units = 0;
    for (int size : s.sizes)
        units += size;
    JsonObjectWriter summary;
    summary.add("model", settleModelName(s.model))
        .add("sizes", options.text("sizes", "500,500,10"));
    if (spiking)
        summary.add("encoder", spikeCodingName(s.spiking.coding))
            .add("anneal", stepSizeRuleName(s.spiking.stepSize))
            .add("epsilon0", s.spiking.schedule.epsilon0)
            .add("eta", s.spiking.schedule.eta)
            .add("osa_target", s.spiking.osaTarget)
            .add("lambda", s.spiking.predictiveLambda);
    else
        summary.add("epsilon", s.epsilon);
    summary.add("steps", static_cast<long long>(s.steps))
        .add("seed", static_cast<long long>(s.seed));
    if (s.perturbAt)
        summary.add("perturb_at", static_cast<long long>(*s.perturbAt))
            .add("perturbation", perturbationKindName(s.perturbation))
            .add("distance_after_perturbation",
                 result.rows[static_cast<std::size_t>(*s.perturbAt)].distanceToFixedPoint);
    summary
        .add("distance_before_perturbation",
             result.rows[static_cast<std::size_t>(phaseEnd)].distanceToFixedPoint)
        .add("final_distance", result.rows.back().distanceToFixedPoint)
        .add("final_energy", result.rows.back().energy)
        .add("spikes", static_cast<long long>(result.spikes))
        .add("spikes_per_unit_per_step",
             static_cast<double>(result.spikes) / (static_cast<double>(units) * s.steps))
        .add("seconds", result.seconds);
    OutputBundle bundle;
    bundle.stage("settle.csv", csv.text());
    bundle.stage("summary.json", summary.text());
    commitOutputs(bundle, out);
    std::fprintf(stderr, "settle: %s, %d steps, final distance %.3g, %.3g spikes/unit/step -> %s\n",
                 spiking ? spikeCodingName(s.spiking.coding) : "continuous", s.steps,
                 result.rows.back().distanceToFixedPoint,
                 static_cast<double>(result.spikes) / (static_cast<double>(units) * s.steps),
                 out.string().c_str());
    return 0;
}

} // namespace sdlab::cli
