#include "command.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "kernels/stdp_kernels.h"

#include <cstdio>

namespace sdlab::cli {

int runKernels(const CliOptions& options) {
    const double alpha = options.number("alpha");
    if (!(alpha > 0.0 && alpha < 1.0))
        throw InputError("--alpha: " + options.text("alpha") + " is outside (0, 1)");
    const long span = options.integer("span", 1, 1'000'000);
    const auto out = outputDirectory(options);
    CsvWriter csv({"t", "pred", "sym_stdp", "delta", "dyn_stdp"});
    for (long t = -span; t <= span; ++t)
        csv.addRow({static_cast<double>(t), kappaPred(t, alpha), kappaSymStdp(t, alpha),
                    kappaDelta(t), kappaDynStdp(t, alpha)});
    OutputBundle bundle;
    bundle.stage("kernels.csv", csv.text());
    commitOutputs(bundle, out);
    std::fprintf(stderr, "kernels: alpha %g, t = -%ld..%ld -> %s\n", alpha, span, span,
                 out.string().c_str());
    return 0;
}

} // namespace sdlab::cli
