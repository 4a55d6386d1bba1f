// `sdlab-cli surrogate`: a surrogate gradient beside the Heaviside it stands in for
// (snnTorch paper Fig. 9, spec §10). Command line only until the Neuron lab draws it.
#include "experiment/common_parameters.h"
#include "experiment/experiment.h"
#include "io/csv_table.h"
#include "io/json_writer.h"
#include "neurons/surrogate_curve.h"

#include <cstdio>

namespace sdlab {

namespace {

using namespace common;

std::string run(const ParameterValues& v, const RunContext&, OutputBundle& out) {
    const SurrogateGradient g = surrogateFrom(v, "kind");
    const double span = v.real("span");
    const auto points = static_cast<long>(v.integer("points"));
    const SurrogateCurve curve = sampleSurrogate(g, span, points);
    CsvWriter table({"x", "heaviside", "surrogate", "derivative"});
    for (std::size_t k = 0; k < curve.x.size(); ++k)
        table.addRow({curve.x[k], curve.heaviside[k], curve.smoothStep[k], curve.derivative[k]});
    const double peak = curve.peak, area = curve.area;
    JsonObjectWriter summary;
    summary.add("kind", surrogateKindName(g.kind))
        .add("slope", g.slope)
        .add("span", span)
        .add("points", static_cast<long long>(points))
        .add("peak_derivative", peak)
        .add("area", area);
    out.stage("surrogate.csv", table.text());
    out.stage("summary.json", summary.text());
    char line[120];
    std::snprintf(line, sizeof line, "%s, slope %g: peak %g, area %.4f over [-%g, %g]",
                  surrogateKindName(g.kind), g.slope, peak, area, span, span);
    return line;
}

} // namespace

const Experiment& surrogateExperiment() {
    static const Experiment experiment{
        .id = "surrogate",
        .command = "surrogate",
        .title = "Surrogate",
        .usage = "sdlab-cli surrogate [--kind K] [--slope S] [--span A] [--points N] --out DIR",
        .description =
            "A surrogate gradient beside the Heaviside step it replaces in the backward pass\n"
            "(snnTorch paper Fig. 9, spec §10). Writes surrogate.csv (x,heaviside,surrogate,\n"
            "derivative) for N points of x = U - theta in [-A, A]: H(x) (1 for x > 0), the\n"
            "smooth step the surrogate is the derivative of, and g(x); and summary.json (peak\n"
            "derivative, area under g in the window). The triangular surrogate is\n"
            "max(0, 1 - |x|/w)/w: snnTorch's own returns +theta below and -theta above the\n"
            "threshold, a sign flip not copied here.",
        .parameters = {surrogateKindParameter(
                           "kind",
                           "atan (a/2)/(1 + (pi a x/2)^2), sigmoid k e^-kx/(1 + "
                           "e^-kx)^2, fast sigmoid 1/(1 + k|x|)^2, triangular max(0, 1 "
                           "- |x|/w)/w, straight-through 1",
                           ""),
                       surrogateSlopeParameter(
                           "alpha (atan), k (sigmoid, fast sigmoid) or the width w (triangular)",
                           ""),
                       {.key = "span",
                        .label = "Span",
                        .help = "x = U - theta runs over [-A, A]",
                        .valueName = "A",
                        .minimum = 0.0,
                        .maximum = 100.0,
                        .minimumExclusive = true,
                        .fallback = 2.0},
                       {.key = "points",
                        .kind = ParameterKind::Integer,
                        .label = "Points",
                        .help = "Points written, evenly spaced",
                        .valueName = "N",
                        .minimum = 2,
                        .maximum = 100'000,
                        .fallback = 201}},
        .outputs = {"surrogate.csv", "summary.json"},
        .hasLab = false,
        .run = run};
    return experiment;
}

} // namespace sdlab
