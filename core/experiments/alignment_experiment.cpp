// The Alignment lab and `sdlab-cli alignment`: why Initialized EqProp's feed-forward
// net may learn from local losses alone (thesis §7.3.4, Fig. 7.2).
#include "experiments/alignment_experiment.h"

#include "experiment/common_parameters.h"
#include "experiment/experiment.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "io/json_writer.h"

#include <algorithm>
#include <cstdio>

namespace sdlab {

namespace {

using namespace common;

std::string check(const ParameterValues& v) {
    return alignmentSettingsFrom(v).validationError();
}

std::string run(const ParameterValues& v, const RunContext& context, OutputBundle& out) {
    const GradientAlignmentSettings s = alignmentSettingsFrom(v);
    const GradientAlignmentResult result = runGradientAlignment(s, context.progress);
    if (result.cancelled)
        throw RunCancelled();
    std::vector<std::string> header{"step", "global_loss_local", "global_loss_global"};
    for (std::size_t l = 1; l + 1 < s.sizes.size(); ++l)
        header.push_back("alignment_" + std::to_string(l));
    CsvWriter csv(header);
    for (const GradientAlignmentRow& row : result.rows) {
        std::vector<double> values{static_cast<double>(row.step), row.localTrainedLoss,
                                   row.globalTrainedLoss};
        values.insert(values.end(), row.alignment.begin(), row.alignment.end());
        csv.addRow(values);
    }
    const double firstMean = meanAlignmentOfTenth(result, false),
                 lastMean = meanAlignmentOfTenth(result, true);
    const GradientAlignmentRow &first = result.rows.front(), &last = result.rows.back();
    JsonObjectWriter summary;
    summary.add("sizes", v.text("sizes"))
        .add("steps", static_cast<long long>(s.steps))
        .add("lr", s.learningRate)
        .add("seed", static_cast<long long>(s.seed))
        .add("initial_global_loss", first.localTrainedLoss)
        .add("final_global_loss_local", last.localTrainedLoss)
        .add("final_global_loss_global", last.globalTrainedLoss)
        .add("mean_alignment_first_tenth", firstMean)
        .add("mean_alignment_last_tenth", lastMean);
    out.stage("alignment.csv", csv.text());
    out.stage("summary.json", summary.text());
    char line[200];
    std::snprintf(line, sizeof line,
                  "%d steps: global loss %.3g -> %.3g (local losses), %.3g (global loss); mean "
                  "local/distant alignment %.2f -> %.2f",
                  s.steps, first.localTrainedLoss, last.localTrainedLoss, last.globalTrainedLoss,
                  firstMean, lastMean);
    return line;
}

} // namespace

GradientAlignmentSettings alignmentSettingsFrom(const ParameterValues& v) {
    GradientAlignmentSettings s;
    s.sizes = sizeListEntries("--sizes", v.text("sizes"));
    s.steps = static_cast<int>(v.integer("steps"));
    s.learningRate = v.real("lr");
    s.seed = v.seed();
    return s;
}

const Experiment& alignmentExperiment() {
    const std::string network = "Network", training = "Training";
    static const Experiment experiment{
        .id = "alignment",
        .command = "alignment",
        .title = "Gradient alignment",
        .usage = "sdlab-cli alignment [--sizes 20,20,20,20,20,20,20] [--steps N] [--lr ETA] "
                 "[--seed S] --out DIR",
        .description =
            "Thesis §7.3.4 and Fig. 7.2: a feed-forward net (Initialized EqProp's f_φ, eq. "
            "7.1) learns\nlayerwise targets made by a random teacher of the same shape, one "
            "sample of U[0, 1]\ninputs per step. Two students start from the same weights: "
            "one learns from each layer's\nlocal loss alone (eq. 7.4's local term, no "
            "backprop), the other from the global loss\n(backprop). Writes alignment.csv "
            "(step, global_loss_local, global_loss_global: each\nstudent's global loss on 64 "
            "fixed inputs; alignment_l: the cosine of the locally trained\nstudent's local "
            "and distant gradients of layer l, every layer but the top) and\nsummary.json (the "
            "mean alignment over the first and the last tenth of the rows).",
        .parameters = {{.key = "sizes",
                        .kind = ParameterKind::SizeList,
                        .label = "Layer sizes",
                        .help = "Input, then 2 to 10 layers; Fig. 7.2 uses six layers",
                        .valueName = "SIZES",
                        .minimum = 1,
                        .maximum = 1000,
                        .fallbackText = "20,20,20,20,20,20,20",
                        .unit = "units",
                        .group = network,
                        .maximumCount = 11},
                       seedParameter(network),
                       stepsParameter(3000, 1'000'000, "Training samples (one per step)", training),
                       {.key = "lr",
                        .label = "Learning rate η",
                        .help = "Every layer's step φ_l ← φ_l − η ∂L/∂φ_l, for both students "
                                "(identical, untuned, as in Fig. 7.2)",
                        .valueName = "ETA",
                        .minimum = 0.0,
                        .maximum = 1.0,
                        .minimumExclusive = true,
                        .fallback = 0.01,
                        .group = training,
                        .decimals = 4,
                        .logarithmic = true}},
        .outputs = {"alignment.csv", "summary.json"},
        .check = check,
        .run = run};
    return experiment;
}

} // namespace sdlab
