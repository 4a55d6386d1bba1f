#pragma once

#include "io/csv_table.h"
#include "io/json_reader.h"

#include <limits>
#include <string>
#include <vector>

namespace sdlab {

// Error against inference compute, the trade-off of thesis ch. 4 (Fig. 4.4) and DSN Fig. 3,
// as `sdlab-cli scales` and `early` write it: one curve per network and order, or a single
// point for a dense reference. Operations are per test sample, additions plus
// multiplications (for a dense net 2·d_in·d_out per layer, eq. B.12's flops).
struct TradeoffPoint {
    double operations = 0.0;
    double testError = 0.0; // a fraction
    std::string label;      // what the point stands for: "λ = 1e-08", "step 3"
    bool onCurve = true;    // false: a point beside the curve (the unoptimised net)
    // A scales result's λ (NaN: the unoptimised net, or no λ), and once attachScales() has
    // read scales.csv the scales k_l of each layer input: scales[l] holds one value, or one
    // per unit (`--per-unit`). Empty for other points.
    double lambda = std::numeric_limits<double>::quiet_NaN();
    std::vector<std::vector<double>> scales{};
};
struct TradeoffCurve {
    std::string name;
    std::vector<TradeoffPoint> points;
    bool reference = false; // a dense net: drawn as a point, not a line
};

// scales' tradeoff.csv (its `network` and `order` columns as text): the original net dense
// and sparse as references, then the rounding net and the sigma-delta net in each order,
// their points in λ order after the unoptimised net (every scale 1, off the curve).
// InputError for a table that is not one.
std::vector<TradeoffCurve> tradeoffCurvesOfScales(const CsvTable& tradeoff);
CsvTable readScalesTradeoff(const std::string& text, const std::string& sourceName);
CsvTable readScalesTradeoffFile(const std::string& path);
// scales.csv (`lambda,layer,scale`, or `lambda,layer,unit,scale`) onto the rounding and
// sigma-delta points of the same λ, the empty λ onto the unoptimised net's. InputError
// naming the file for a layer or unit that is not a whole number, a scale that is not
// positive, a gap or a repeat.
CsvTable readScales(const std::string& text, const std::string& sourceName);
CsvTable readScalesFile(const std::string& path);
void attachScales(std::vector<TradeoffCurve>& curves, const CsvTable& scales);

// early's early.csv, one point per step, and from its summary.json (may be null) the
// dense net of the same layers as the reference.
std::vector<TradeoffCurve> tradeoffCurvesOfEarly(const CsvTable& early, const JsonValue* summary,
                                                 const std::string& modelName);

} // namespace sdlab
